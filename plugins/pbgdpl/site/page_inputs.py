"""What each page of a site was rendered from, so the next build renders only changed pages.

A page's key hashes everything its HTML and search record come from:

- the site-wide inputs: the platform (code, theme, mkdocs.yml, libraries), the build's
  day, the portal's settings and search dictionary, the site's agency, name and
  navigation;
- the page's own record: an item with its text, a written page, or a listing with the
  facts of the items it lists (`record_inputs`);
- the answers to the questions its render asked of the catalog, the registry and the
  reliance index (`pbgdpl.catalog.reads`, `pbgdpl.catalog.recorded`);
- the files its links were looked up in (a link to a page or picture that appears or
  goes away is written differently).

Rendering is deterministic: a page whose key is the same is the same bytes, so the build
keeps its previous output (and search record) instead of rendering it again.
"""

from __future__ import annotations

import hashlib
import os
import shutil
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from pbgdpl.catalog import Catalog
from pbgdpl.catalog.reads import Query, shown
from pbgdpl.model.items import Item
from pbgdpl.model.records import Download, Listing, Record


@dataclass(frozen=True)
class PageState:
    """What one rendered page was made from: its key and the questions behind it."""

    key: str
    dest: str
    """Where its HTML is, relative to the portal's output folder."""
    queries: tuple[Query, ...] = ()
    files: tuple[str, ...] = ()
    """The source paths its links were looked up at."""
    search: str | None = None
    """The address of its search record, if it has one."""


@dataclass(frozen=True)
class PreviousSite:
    """The site as the last build left it: where its pages are and what made each."""

    out: Path
    """The portal's output folder; each page's `dest` is below it."""
    pages: dict[str, PageState]
    searched: frozenset[str]
    """The addresses of the search records the site has kept."""
    companions: tuple[str, ...] = ()
    """The endings of the files kept with a page: its precompressed copies (".br" …)."""


def keep_file(source: Path, target: Path) -> None:
    """Put the kept file `source` at `target` as a hard link, or a copy where links fail.

    A link costs no copy, and keeps the file's time, so its precompressed copies stay
    fresh. It is safe because nothing writes into a kept file: MkDocs writes only the
    pages it renders, each to a new file; later writers replace a file or unlink it first.
    """
    try:
        os.link(source, target)
    except OSError:
        shutil.copy2(source, target)


def _attachment_sizes(item: Item, root: Path) -> list[tuple[str, int]]:
    # A document's page prints the size of each file attached next to it.
    folder = (root / item.path).parent
    sizes = []
    for name in item.data.get("attachments", ()):
        path = folder / name
        sizes.append((name, path.stat().st_size if path.is_file() else -1))
    return sizes


def record_inputs(record: Record, root: Path) -> str:
    """Return what a page shows of its own record, as text to hash.

    A listing shows the facts of its items (`shown`: no page prints another's text).
    """
    if isinstance(record, Item):
        return repr((record, _attachment_sizes(record, root)))
    if isinstance(record, Listing):
        return repr((replace(record, items=()), shown(record.items)))
    if isinstance(record, Download):
        return record.content
    return repr(record)


def site_inputs(salt: str, catalog: Catalog, site: str, *parts: object) -> str:
    """Hash what every page of a site shows: `salt` (the platform, the day), the settings,
    the search dictionary, the site's agency and `parts` (its name, its navigation)."""
    digest = hashlib.sha256(f"{salt}\n{site}\n".encode())
    digest.update(repr(catalog.settings).encode())
    digest.update(repr(sorted(catalog.search_terms.items())).encode())
    digest.update(repr(catalog.agencies.get(site)).encode())
    digest.update(repr(parts).encode())
    return digest.hexdigest()


def page_key(
    site: str,
    record: str,
    catalog: Catalog,
    queries: Iterable[Query],
    lookups: Iterable[tuple[str, str | None]],
) -> str:
    """Hash one page's inputs: site-wide, its record, its questions' answers, its links."""
    digest = hashlib.sha256(f"{site}\n".encode())
    digest.update(hashlib.sha256(record.encode()).digest())
    digest.update(catalog.answers(queries).encode())
    digest.update(repr(sorted(lookups)).encode())
    return digest.hexdigest()


def unchanged(
    state: PageState | None,
    key: Callable[[PageState], str],
    dest: str,
    previous: PreviousSite,
) -> bool:
    """Tell whether a page may keep its previous output: same key, file and search record."""
    if state is None or state.dest != dest or not (previous.out / dest).is_file():
        return False
    if state.search is not None and state.search not in previous.searched:
        return False
    return key(state) == state.key


def pages_to_json(pages: dict[str, PageState]) -> dict[str, Any]:
    """Return the pages' states as JSON data for the build state, questions listed once."""
    queries = sorted({q for state in pages.values() for q in state.queries})
    index = {q: n for n, q in enumerate(queries)}
    return {
        "queries": [list(q) for q in queries],
        "pages": {
            uri: [s.key, s.dest, sorted(index[q] for q in s.queries), list(s.files), s.search]
            for uri, s in sorted(pages.items())
        },
    }


def pages_from_json(data: object) -> dict[str, PageState]:
    """Read what `pages_to_json` wrote; anything else gives no page (all are rendered)."""
    if not isinstance(data, dict):
        return {}
    try:
        queries = [tuple(str(part) for part in q) for q in data["queries"]]
        return {
            uri: PageState(
                str(key),
                str(dest),
                tuple(queries[n] for n in numbers),
                tuple(str(f) for f in files),
                None if search is None else str(search),
            )
            for uri, (key, dest, numbers, files, search) in data["pages"].items()
        }
    except (KeyError, TypeError, ValueError, IndexError):
        return {}
