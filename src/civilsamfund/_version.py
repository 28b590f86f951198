"""The package's version, in one place: hatch reads it for the metadata, and the audit
record of every decision names it. docs/releasing.md says when it changes."""

__version__ = "0.3.0"
