"""The catalog as a page's templates see it: every look-up is recorded as the page's question.

Templates read the catalog directly (the directory lists every agency, a home page the
latest items, a page its history). Given this view instead of the catalog, each read
becomes a question (`pbgdpl.catalog.reads`) of the page being rendered, which the next
build asks again (`Catalog.answers`) to tell whether that page must be rendered again.
The registry and the reliance index record their own questions; the settings and the
search dictionary are in every page's site-wide inputs. Anything else a template reads
is an "opaque" question, answered by the whole catalog: its page is rendered again
whenever anything of the portal changes.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from typing import TypeVar

from pbgdpl.catalog import Catalog
from pbgdpl.catalog.reads import Reads
from pbgdpl.catalog.registry import Registry
from pbgdpl.catalog.reliance import RelianceIndex
from pbgdpl.loading.history import FileHistory
from pbgdpl.model.items import Item
from pbgdpl.model.settings import PortalSettings

V = TypeVar("V")


class RecordedMapping(Mapping[str, V]):
    """A mapping whose look-up of one key asks (kind, key); going through it asks (every,)."""

    def __init__(self, data: Mapping[str, V], reads: Reads, kind: str, every: str) -> None:
        self._data = data
        self._ask: Callable[..., None] = reads.add
        self._kind = kind
        self._every = every

    def __getitem__(self, key: str) -> V:
        self._ask(self._kind, key)
        return self._data[key]

    def __iter__(self) -> Iterator[str]:
        self._ask(self._every)
        return iter(self._data)

    def __len__(self) -> int:
        self._ask(self._every)
        return len(self._data)


class RecordedCatalog:
    """What templates read of `catalog`, each read recorded in `reads`."""

    def __init__(self, catalog: Catalog, reads: Reads) -> None:
        self._catalog = catalog
        self._reads = reads
        self.agencies = RecordedMapping(catalog.agencies, reads, "agency", "agencies")
        self.assets_by_site = RecordedMapping(catalog.assets_by_site, reads, "assets", "opaque")
        self.items_by_site = RecordedMapping(catalog.items_by_site, reads, "item_pages", "sites")

    @property
    def settings(self) -> PortalSettings:
        """Return the portal's settings: in every page's site-wide inputs."""
        return self._catalog.settings

    @property
    def registry(self) -> Registry:
        """Return the legal registry, which records its own questions."""
        return self._catalog.registry

    @property
    def reliance(self) -> RelianceIndex:
        """Return the reliance index, which records its own questions."""
        return self._catalog.reliance

    def items(self, site: str, section: str | None = None) -> tuple[Item, ...]:
        """Return a site's listed items, as `Catalog.items`; asks ("items", site, section)."""
        self._reads.add("items", site, section or "")
        return self._catalog.items(site, section)

    def item_pages(self, site: str) -> tuple[Item, ...]:
        """Return every item of a site that has a page, as `Catalog.item_pages`."""
        self._reads.add("item_pages", site)
        return self._catalog.item_pages(site)

    def latest(self, section: str, limit: int) -> list[Item]:
        """Return the newest items of one section, as `Catalog.latest`."""
        self._reads.add("latest", section, str(limit))
        return self._catalog.latest(section, limit)

    def count(self, section: str | None = None) -> int:
        """Count the portal's items, as `Catalog.count`."""
        self._reads.add("count", section or "")
        return self._catalog.count(section)

    def history_of(self, item: Item) -> FileHistory:
        """Return an item's public history, as `Catalog.history_of`."""
        self._reads.add("history_of", item.path)
        return self._catalog.history_of(item)

    def __getattr__(self, name: str) -> object:
        # Anything else: the page depends on what no question names.
        self._reads.add("opaque", name)
        return getattr(self._catalog, name)
