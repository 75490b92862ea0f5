"""What a site's pages asked of the legal registry, so the next build can ask again.

A page prints facts of documents any site may post: the status of a number it links,
a document's relations and history, the stale notice of an answer whose law changed.
Rebuilding every site whenever any document changes made adding an agency or editing a
document's dates cost a full build. Instead, rendering a site records each question its
pages ask (`Reads`, filled by the registry and the reliance index while recording), and
the next build asks the same questions of the new catalog (`Catalog.answers`). The
render is deterministic: the same questions answered the same way give the same pages.
"""

from __future__ import annotations

import datetime as dt
from enum import Enum

Query = tuple[str, ...]
"""A question: its kind ("lookup", "status" …) then its arguments, all text."""

ALL = ("all",)
"""The question of a page that goes through every document (national listings)."""

CATALOG_QUESTIONS = frozenset(
    {"agencies", "agency", "sites", "items", "item_pages", "latest", "count", "history_of"}
    | {"assets", "opaque"}
)
"""The questions a page's templates ask of the catalog itself (`catalog/recorded.py`)."""


class Reads:
    """The questions one site's render asked, in no order and each once.

    While `page` names a page (its source path), each question is also recorded as that
    page's own (`pages`): the next build renders again only the pages whose answers
    changed. `queries` holds every question of the site, planning included.
    """

    def __init__(self) -> None:
        self.queries: set[Query] = set()
        self.page: str | None = None
        self.pages: dict[str, set[Query]] = {}

    def add(self, *query: str) -> None:
        """Record one question, for the site and for the page being rendered, if any."""
        self.queries.add(query)
        if self.page is not None:
            self.pages.setdefault(self.page, set()).add(query)


def shown_fields(value: object) -> tuple[object, ...]:
    """Return what a page could print of a dataclass: its type and each field `shown`."""
    names = type(value).__dataclass_fields__  # type: ignore[attr-defined]
    return (type(value).__name__, *(shown(getattr(value, name)) for name in names))


def shown(value: object) -> object:
    """Return what a page could print of an answer, in a form that compares and hashes.

    An item is reduced to a hash of its facts without its text (no page prints another
    page's body: `Item.printed`), a document to a hash of its fields, each computed once;
    other dataclasses (relations, changes) to their fields; dates to text.
    """
    printed = getattr(value, "printed", None)
    if isinstance(printed, str):
        return printed
    if hasattr(type(value), "__dataclass_fields__"):
        return shown_fields(value)
    if isinstance(value, list | tuple):
        return [shown(v) for v in value]
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, dt.date):
        return value.isoformat()
    return repr(value)
