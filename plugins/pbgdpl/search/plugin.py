"""Event hooks of the `pbgdpl/search` plugin: a search record for each page as it renders."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Protocol

from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin

from pbgdpl.search.config import SearchConfig
from pbgdpl.search.records import SearchRecord, record_for

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.pages import Page as MkDocsPage

    from pbgdpl.catalog import Catalog
    from pbgdpl.model.agency import Agency
    from pbgdpl.model.records import Record


class SiteBeingBuilt(Protocol):
    """What search reads of the site being built: its catalog, agency, date and records."""

    @property
    def catalog(self) -> Catalog: ...
    @property
    def agency(self) -> Agency | None: ...
    @property
    def as_of(self) -> dt.date: ...


class PageSource(Protocol):
    """The `pbgdpl/site` plugin as search sees it: the site and the record of each page.

    A protocol, not the plugin's class: rendering (`pbgdpl.site`) sits above search.
    """

    context: SiteBeingBuilt | None
    records: dict[str, Record]


class SearchPlugin(BasePlugin[SearchConfig]):
    """Collect the search records of the site being built; the build indexes them."""

    supports_multiple_instances = False

    def __init__(self) -> None:
        self.records: list[SearchRecord] = []
        # The address of each rendered page's record, by the page's source path.
        self.searched: dict[str, str] = {}
        self.site: PageSource | None = None

    def on_config(self, config: MkDocsConfig) -> None:
        # Per-build state: this build's records, and the site plugin that knows the pages.
        self.records = []
        self.searched = {}
        if "pbgdpl/site" not in config.plugins:
            raise PluginError("pbgdpl/search cần plugin pbgdpl/site (needs the site plugin).")
        self.site = config.plugins["pbgdpl/site"]  # type: ignore[assignment]

    def on_post_page(self, output: str, *, page: MkDocsPage, config: MkDocsConfig) -> None:
        if not self.config.enabled or self.site is None or self.site.context is None:
            return
        context = self.site.context
        # The page's own text, sanitized and auto-linked, without the portal's frame.
        found = record_for(
            self.site.records.get(page.file.src_uri),
            page.title or "",
            page.content or "",
            context.catalog,
            context.agency,
            context.as_of,
        )
        if found is not None:
            self.records.append(found)
            self.searched[page.file.src_uri] = found.url
