"""The catalog: one index of every item of every site, for everything that looks across sites.

It owns what every later step reads: which items are out at the build's moment
(`publication.py`), the legal registry of their documents (`registry.py`) and the
history of their files. `open_catalog` is the one way to make it from a loaded portal.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections import defaultdict
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from functools import cached_property

from pbgdpl.catalog.publication import live_items
from pbgdpl.catalog.reads import CATALOG_QUESTIONS, Query, Reads, shown
from pbgdpl.catalog.registry import Registry, seniority
from pbgdpl.catalog.reliance import RelianceIndex
from pbgdpl.loading.history import FileHistory, History, noted_paths, read_history
from pbgdpl.loading.portal import Asset, Portal
from pbgdpl.model.agency import Agency
from pbgdpl.model.items import Item, Page
from pbgdpl.model.moment import BuildMoment
from pbgdpl.model.settings import PortalSettings


def newest_first(items: Iterable[Item]) -> list[Item]:
    """Sort items newest first; ties by agency and slug, so listings are reproducible."""
    return sorted(items, key=lambda i: (-i.date.toordinal(), i.agency, i.section_slug, i.slug))


def _listed(item: Item) -> bool:
    return "withdrawn" not in item.data


@dataclass(frozen=True)
class Catalog:
    """Every published item, page and asset, indexed by site and section.

    Drafts and items scheduled after the build's moment are not in the catalog at all.
    `items_by_site` holds every item that has a page, withdrawn items included; the
    listing methods (`items`, `latest`, `count`) leave withdrawn items out, so listings,
    feeds and search that use them follow withdrawals without knowing about them.
    """

    settings: PortalSettings
    agencies: dict[str, Agency]
    items_by_site: dict[str, tuple[Item, ...]]
    pages_by_site: dict[str, tuple[Page, ...]]
    assets_by_site: dict[str, tuple[Asset, ...]]
    history: History = field(default_factory=History)
    search_terms: dict[str, str] = field(default_factory=dict)
    """The board's search dictionary (`model/search_terms.py`), for every search page."""
    as_of: dt.date | None = None
    """The build's day: a change note dated later is not public yet."""

    @classmethod
    def from_portal(
        cls, portal: Portal, moment: BuildMoment, history: History | None = None
    ) -> Catalog:
        """Index the items of a loaded portal that are out at `moment`, newest first.

        `history` comes from Git, read once (see `open_catalog`); without it, pages are
        dated by their front matter.
        """
        if portal.settings is None:
            raise ValueError("the portal settings did not load")
        items: dict[str, list[Item]] = defaultdict(list)
        pages: dict[str, list[Page]] = defaultdict(list)
        assets: dict[str, list[Asset]] = defaultdict(list)
        for item in live_items(portal.items, moment):
            items[item.agency].append(item)
        for page in portal.pages:
            pages[page.site].append(page)
        for asset in portal.assets:
            assets[asset.site].append(asset)
        return cls(
            settings=portal.settings,
            agencies=dict(sorted(portal.agencies.items())),
            items_by_site={k: tuple(newest_first(v)) for k, v in items.items()},
            pages_by_site={k: tuple(v) for k, v in pages.items()},
            assets_by_site={k: tuple(v) for k, v in assets.items()},
            history=history or History(),
            search_terms=portal.search_terms,
            as_of=moment.date,
        )

    @cached_property
    def registry(self) -> Registry:
        """Return the registry of the catalog's legal documents, built once per catalog."""
        issuers = {agency.name: slug for slug, agency in self.agencies.items()}
        return Registry(
            (i for site in self.items_by_site.values() for i in site),
            order=seniority(self.history, issuers),
        )

    @cached_property
    def reliance(self) -> RelianceIndex:
        """Return which items rely on which documents, built once per catalog."""
        return RelianceIndex(
            (i for site in self.items_by_site.values() for i in site), self.registry
        )

    def without_pages(self, paths: set[str]) -> Catalog:
        """Return the catalog without the items and pages whose source files are `paths`.

        A page that could not be rendered in time is left out of every listing, feed and
        search record, as if it were not published yet; the rest of its site stays.
        """
        return replace(
            self,
            items_by_site={
                site: tuple(i for i in items if i.path not in paths)
                for site, items in self.items_by_site.items()
            },
            pages_by_site={
                site: tuple(p for p in pages if p.path not in paths)
                for site, pages in self.pages_by_site.items()
            },
        )

    @contextmanager
    def recording(self) -> Iterator[Reads]:
        """Record the questions asked of the registry and the reliance index meanwhile."""
        # Built first: the index's own look-ups answer no page's question.
        reliance = self.reliance
        reads = Reads()
        self.registry.reads = reliance.reads = reads
        try:
            yield reads
        finally:
            self.registry.reads = reliance.reads = None

    def answers(self, queries: Iterable[Query]) -> str:
        """Hash the answers this catalog gives to recorded questions (`recording`).

        Answering asks the registry again: those questions are nobody's, never recorded.
        """
        registry, reliance = self.registry, self.reliance
        reads = registry.reads, reliance.reads
        registry.reads = reliance.reads = None
        try:
            return self._answers(queries)
        finally:
            registry.reads, reliance.reads = reads

    def _answers(self, queries: Iterable[Query]) -> str:
        digest = hashlib.sha256()
        for query in sorted(queries):
            answer = self._answered.get(query)
            if answer is None:
                if query[0] in CATALOG_QUESTIONS:
                    found = self._answer(query)
                elif query[0] in ("relied_on", "relying_on"):
                    found = self.reliance.answer(query)
                else:
                    found = self.registry.answer(query)
                answer = hashlib.sha256(repr(found).encode()).hexdigest()
                # Sites ask many of the same questions (the national site asks most).
                self._answered[query] = answer
            digest.update(f"{query!r}{answer}".encode())
        return digest.hexdigest()

    @cached_property
    def _answered(self) -> dict[Query, str]:
        return {}

    def _answer(self, query: Query) -> object:
        """Answer a question a page's templates asked of the catalog (`catalog/recorded.py`)."""
        kind, *arguments = query
        if kind == "agencies":
            return sorted(self.agencies.items())
        if kind == "agency":
            return self.agencies.get(arguments[0])
        if kind == "sites":
            return sorted(self.items_by_site)
        if kind == "items":
            return shown(self.items(arguments[0], arguments[1] or None))
        if kind == "item_pages":
            return shown(self.item_pages(arguments[0]))
        if kind == "latest":
            return shown(self.latest(arguments[0], int(arguments[1])))
        if kind == "count":
            return self.count(arguments[0] or None)
        if kind == "history_of":
            item = self._by_path.get(arguments[0])
            return self.history_of(item) if item is not None else None
        if kind == "assets":
            return self.assets_by_site.get(arguments[0], ())
        # What no question names ("opaque"): the whole catalog, so the page that read it
        # is rendered again whenever anything changes.
        return self._whole

    @cached_property
    def _whole(self) -> str:
        everything = (
            self.settings,
            sorted(self.agencies.items()),
            sorted(self.items_by_site.items()),
            sorted(self.pages_by_site.items()),
            sorted(self.assets_by_site.items()),
            sorted(self.search_terms.items()),
            self.as_of,
            self.history.digest(self._by_path),
        )
        return hashlib.sha256(repr(everything).encode()).hexdigest()

    @cached_property
    def _by_path(self) -> dict[str, Item]:
        return {i.path: i for items in self.items_by_site.values() for i in items}

    def items(self, site: str, section: str | None = None) -> tuple[Item, ...]:
        """Return a site's listed items (not withdrawn), newest first, optionally of one section."""
        found = self.items_by_site.get(site, ())
        return tuple(
            i for i in found if _listed(i) and (section is None or i.section_slug == section)
        )

    def item_pages(self, site: str) -> tuple[Item, ...]:
        """Return every item of a site that has a page, withdrawn items included."""
        return self.items_by_site.get(site, ())

    def history_of(self, item: Item) -> FileHistory:
        """Return when an item was last updated (its last major change) and its change notes."""
        return self.history.of(item.path, item.date, self.as_of)

    def latest(self, section: str, limit: int) -> list[Item]:
        """Return the newest items of one section across all agencies."""
        found = [
            i
            for items in self.items_by_site.values()
            for i in items
            if i.section_slug == section and _listed(i)
        ]
        return newest_first(found)[:limit]

    def count(self, section: str | None = None) -> int:
        """Count the items of the whole portal, optionally of one section."""
        return sum(
            1
            for items in self.items_by_site.values()
            for i in items
            if (section is None or i.section_slug == section) and _listed(i)
        )


def without_agencies(portal: Portal, left_out: set[str]) -> Portal:
    """Return the portal with the `left_out` agencies' sites, items, pages and assets removed."""
    return replace(
        portal,
        agencies={k: v for k, v in portal.agencies.items() if k not in left_out},
        items=[i for i in portal.items if i.agency not in left_out],
        pages=[p for p in portal.pages if p.site not in left_out],
        assets=[a for a in portal.assets if a.site not in left_out],
    )


def open_catalog(
    portal: Portal,
    moment: BuildMoment,
    left_out: set[str] | None = None,
    history: History | None = None,
) -> Catalog:
    """Index a loaded portal as of `moment`, with the Git history of its files read once.

    Agencies in `left_out` (those whose content has errors in a --keep-going build) are
    not in the catalog. `catalog.history.notice` says when Git could not give a history.
    `history`, when given, was read with the change notes of every item (`load_with_history`).
    """
    if left_out:
        portal = without_agencies(portal, left_out)
    if history is None:
        # Only the items that carry a change note have a public history to read.
        history = read_history(portal.root, noted=noted_paths(portal.items))
    return Catalog.from_portal(portal, moment, history)
