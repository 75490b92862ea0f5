"""Validate: the checks that need the whole loaded portal, and the one way to load and check it.

Loading (`pbgdpl.loading`) checks each file on its own: its encoding, front matter,
fields and body. What needs every file at once runs here: document numbers, duplicates
and citations (`legal.py`, `citations.py`), redirects (`redirects.py`) and links between
pages (`links.py`).
`build.py validate`, `build`, `review`, `audit` and `report` all call `load_checked`, so
they report the same problems.
"""

from __future__ import annotations

from pathlib import Path

from pbgdpl.loading.history import History, noted_paths, read_history
from pbgdpl.loading.portal import Portal, load_portal
from pbgdpl.validate.legal import check_legal_content
from pbgdpl.validate.links import check_links
from pbgdpl.validate.national import check_national_entries
from pbgdpl.validate.redirects import check_redirects
from pbgdpl.validate.terms import check_cited_terms


def check_portal(portal: Portal, history: History | None = None) -> None:
    """Add the portal-wide problems to `portal.diagnostics`, every problem sorted by file.

    `history` tells which agency published a document number first; without it, the
    items' dates do.
    """
    portal.diagnostics.extend(check_legal_content(portal, history or History()))
    portal.diagnostics.extend(check_redirects(portal.items))
    portal.diagnostics.extend(check_cited_terms(portal.items))
    portal.diagnostics.extend(check_links(portal))
    if portal.settings is not None:
        portal.diagnostics.extend(check_national_entries(portal.items, portal.settings))
    portal.diagnostics.sort()


def load_checked(
    root: Path, history: History | None = None, cache_dir: Path | None = None
) -> Portal:
    """Load the portal at `root` and run every check; its problems are in `diagnostics`.

    `history` is the Git history of its files, read from `root` when not given (a review
    reads it from the commit under review). Files parsed before are taken from `cache_dir`
    when given (`pbgdpl.loading.parse_cache`).
    """
    return load_with_history(root, history, cache_dir)[0]


def load_with_history(
    root: Path, history: History | None = None, cache_dir: Path | None = None
) -> tuple[Portal, History]:
    """Load and check the portal as `load_checked` does; return it with the history read.

    The history is read once, with the change notes of the items that carry one, so a
    build hands the same history to `open_catalog` instead of reading Git again.
    """
    portal = load_portal(root, cache_dir)
    history = history or read_history(root, noted=noted_paths(portal.items))
    check_portal(portal, history)
    return portal, history
