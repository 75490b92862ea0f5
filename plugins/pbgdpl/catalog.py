"""The catalog: one index of every item of every site, for everything that looks across sites."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from pbgdpl.loading.portal import Asset, Portal
from pbgdpl.model.agency import Agency
from pbgdpl.model.items import Item, Page
from pbgdpl.settings import PortalSettings


def newest_first(items: Iterable[Item]) -> list[Item]:
    """Sort items newest first; ties by agency and slug, so listings are reproducible."""
    return sorted(items, key=lambda i: (-i.date.toordinal(), i.agency, i.section_slug, i.slug))


@dataclass(frozen=True)
class Catalog:
    """Every loaded item, page and asset, indexed by site and section."""

    settings: PortalSettings
    agencies: dict[str, Agency]
    items_by_site: dict[str, tuple[Item, ...]]
    pages_by_site: dict[str, tuple[Page, ...]]
    assets_by_site: dict[str, tuple[Asset, ...]]

    @classmethod
    def from_portal(cls, portal: Portal) -> Catalog:
        """Index a loaded portal; items of each site are kept newest first."""
        if portal.settings is None:
            raise ValueError("the portal settings did not load")
        items: dict[str, list[Item]] = defaultdict(list)
        pages: dict[str, list[Page]] = defaultdict(list)
        assets: dict[str, list[Asset]] = defaultdict(list)
        for item in portal.items:
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
        )

    def items(self, site: str, section: str | None = None) -> tuple[Item, ...]:
        """Return a site's items, newest first, optionally of one section."""
        found = self.items_by_site.get(site, ())
        if section is None:
            return found
        return tuple(i for i in found if i.section_slug == section)

    def latest(self, section: str, limit: int) -> list[Item]:
        """Return the newest items of one section across all agencies."""
        found = [i for items in self.items_by_site.values() for i in items
                 if i.section_slug == section]
        return newest_first(found)[:limit]

    def count(self, section: str | None = None) -> int:
        """Count the items of the whole portal, optionally of one section."""
        return sum(
            1 for items in self.items_by_site.values() for i in items
            if section is None or i.section_slug == section
        )
