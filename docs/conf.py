"""Sphinx configuration: the docs are Markdown, read by MyST."""

project = "civilsamfund"
author = "civilsamfund developers"
extensions = ["myst_parser", "sphinx.ext.autodoc"]
autodoc_typehints = "none"
autodoc_member_order = "bysource"
source_suffix = {".md": "markdown"}
exclude_patterns = ["_build"]
myst_heading_anchors = 3
html_theme = "alabaster"
