"""Where rules come from: the public documents a municipality cites, and readings of them."""

from __future__ import annotations

from attrs import frozen


@frozen(kw_only=True)
class SourceDocument:
    """A public source document that rules are cited from.

    ``file`` is the document's file name, by which citations refer to it; ``title`` is
    what a decision letter calls it.
    """

    file: str
    title: str


@frozen(kw_only=True)
class Citation:
    """Where a rule comes from: a source document (by file name) and its section heading.

    ``title`` is the document's title, filled in from the municipality's list of
    documents when the rules load, so that a decision can name the document.
    """

    document: str
    section: str
    title: str | None = None
