"""Templates for ``civilsamfund new-municipality`` (``string.Template`` syntax)."""
