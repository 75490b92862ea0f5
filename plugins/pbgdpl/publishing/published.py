"""Which catalog items have a page in the output: feeds and open data list only those."""

from __future__ import annotations

from pathlib import Path

from pbgdpl.catalog import Catalog, newest_first
from pbgdpl.model.items import Item


def page_exists(out: Path, url: str) -> bool:
    """Return whether the page at `url` (relative to the portal root) was written."""
    return (out / url / "index.html").is_file()


def items_with_pages(catalog: Catalog, out: Path) -> list[Item]:
    """Return every listed item (not withdrawn) whose page is in `out`, newest first.

    A site that failed to render, or was never built with `--only`, has no pages; an
    item must not be announced in a feed before a reader can open it.
    """
    return newest_first(
        item
        for site in catalog.items_by_site
        for item in catalog.items(site)
        if page_exists(out, item.url)
    )


def redirect_paths(catalog: Catalog) -> set[str]:
    """Return the old addresses of moved items: pages that only send readers on."""
    return {
        path
        for site in catalog.items_by_site
        for item in catalog.item_pages(site)
        for path in item.data.get("redirect_from", ())
    }
