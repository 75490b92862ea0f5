"""What each page of a site is rendered from: an item, a written page or a generated listing."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from pbgdpl.model.items import Item, Page
from pbgdpl.model.sections import Section


@dataclass(frozen=True)
class Listing:
    """A generated page: a home page, a section listing or the agency directory."""

    src_uri: str
    title: str
    kind: str
    items: tuple[Item, ...] = ()
    section: Section | None = None
    page_number: int = 1
    page_count: int = 1
    description: str | None = None
    intro: Page | None = None
    # What a follow-up page shows beyond items: the audit, a year's statistics.
    view: Any = None


@dataclass(frozen=True)
class Download:
    """A generated data file offered next to a page, such as a table as CSV or JSON."""

    src_uri: str
    content: str


Record = Item | Page | Listing | Download


def listing_page_uri(base: str, number: int) -> str:
    """Return the source path of page `number` of a listing whose first page is `base`."""
    if number == 1:
        return f"{base}index.md"
    return f"{base}trang-{number}.md"
