"""Reading a municipality's TOML configuration: converter, sections, validation, loading."""
