"""Sphinx configuration: the docs are Markdown, read by MyST.

The JSON Schemas shown in the reference are written from the models at build time,
so the documentation always shows what the code reads and writes.
"""

import json
from pathlib import Path

from civilsamfund.grants._schema import application_schema, decision_schema

project = "civilsamfund"
author = "civilsamfund developers"
extensions = ["myst_parser", "sphinx.ext.autodoc"]
source_suffix = {".md": "markdown"}
exclude_patterns = ["_build", "_generated"]
myst_heading_anchors = 3
html_theme = "alabaster"
autodoc_typehints = "description"
autodoc_typehints_format = "short"
autodoc_member_order = "bysource"

_generated = Path(__file__).parent / "_generated"
_generated.mkdir(exist_ok=True)
for _name, _schema in (("application", application_schema()), ("decision", decision_schema())):
    (_generated / f"{_name}.schema.json").write_text(
        json.dumps(_schema, indent=2, ensure_ascii=False) + "\n", encoding="utf-8"
    )
