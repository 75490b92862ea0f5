"""Plan a site: every page it has (items, written pages, listings) and its navigation."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from pbgdpl.catalog import Catalog
from pbgdpl.editorial.redirects import redirect_page
from pbgdpl.followup.pages import (
    DASHBOARD,
    DASHBOARD_TITLE,
    STATISTICS,
    STATISTICS_TITLE,
    agency_standing,
    national_pages,
)
from pbgdpl.legal.identifiers import identifier_path
from pbgdpl.legal.listings import plan_document_listings
from pbgdpl.model.agency import Agency
from pbgdpl.model.items import Item, Page
from pbgdpl.model.records import Download, Listing, Record, listing_page_uri
from pbgdpl.model.sections import SECTIONS, SECTIONS_BY_SLUG, Section
from pbgdpl.model.sites import NATIONAL
from pbgdpl.search.page import search_listing

DIRECTORY_URI = "don-vi/index.md"
SAVED_URI = "da-luu/index.md"


@dataclass(frozen=True)
class SiteContext:
    """What one site build needs: which site, the catalog, the repository and the date."""

    site: str
    catalog: Catalog
    root: Path
    as_of: dt.date

    @property
    def agency(self) -> Agency | None:
        """Return the agency whose site this is, or None for the national portal."""
        return self.catalog.agencies.get(self.site)

    @property
    def site_name(self) -> str:
        """Return the name shown in the header: the agency's or the portal's."""
        agency = self.agency
        return agency.name if agency else self.catalog.settings.name

    @property
    def source_dir(self) -> Path:
        """Return the folder that the site's source paths are relative to."""
        return self.root / ("content" if self.site == NATIONAL else "agencies")


def _paginate(
    base: str, title: str, kind: str, items: tuple[Item, ...], size: int, section: Section
) -> list[Listing]:
    pages: list[tuple[Item, ...]] = [items[i : i + size] for i in range(0, len(items), size)]
    pages = pages or [()]
    return [
        Listing(
            listing_page_uri(base, n),
            title,
            kind,
            chunk,
            page_number=n,
            page_count=len(pages),
            section=section,
        )
        for n, chunk in enumerate(pages, start=1)
    ]


def plan_records(context: SiteContext, page_size: int, home_latest: int) -> dict[str, Record]:
    """Return every page of the site by its source path, generated listings included."""
    catalog = context.catalog
    records: dict[str, Record] = {p.src_uri: p for p in catalog.pages_by_site.get(context.site, ())}
    agency = context.agency
    # A home page is always generated; a written index.md becomes its introduction.
    home_uri = "index.md" if agency is None else f"{agency.slug}/index.md"
    intro = records.get(home_uri)
    records[home_uri] = Listing(
        home_uri,
        (intro.title if isinstance(intro, Page) and intro.title else context.site_name),
        "national-home" if agency is None else "agency-home",
        intro=intro if isinstance(intro, Page) else None,
        view=None if agency is None else agency_standing(catalog, agency.slug, context.as_of),
    )
    if agency is None:
        records[DIRECTORY_URI] = Listing(DIRECTORY_URI, "Danh bạ trang thành phần", "directory")
        # The service worker's offline shell: what the phone keeps, and a search over it.
        records[SAVED_URI] = Listing(SAVED_URI, "Trang đã lưu để đọc khi không có mạng", "saved")
        records.update(national_pages(catalog, context.as_of))
        for section in SECTIONS:
            latest = tuple(catalog.latest(section.slug, page_size))
            records[f"{section.slug}/index.md"] = Listing(
                f"{section.slug}/index.md",
                section.title,
                "national-section",
                latest,
                section=section,
            )
        # Legal documents: by date of effect, paginated, this month's, by field and issuer.
        records.update(plan_document_listings(catalog, None, context.as_of, page_size))
        # Each document's stable identifier (eli/…/) sends readers on to its page.
        for document in catalog.registry.documents:
            uri = f"{identifier_path(document)}index.html"
            records[uri] = Download(uri, redirect_page(identifier_path(document), document.item))
        search = search_listing(catalog, None)
        records[search.src_uri] = search
        return records
    # Withdrawn items keep their page (with a notice) but leave the listings.
    for item in catalog.item_pages(agency.slug):
        records[item.src_uri] = item
    for slug in agency.sections:
        section = SECTIONS_BY_SLUG[slug]
        for listing in _paginate(
            f"{agency.slug}/{slug}/",
            section.title,
            "section",
            catalog.items(agency.slug, slug),
            page_size,
            section=section,
        ):
            records[listing.src_uri] = listing
    if "van-ban-moi" in agency.sections:
        records.update(plan_document_listings(catalog, agency.slug, context.as_of, page_size))
    search = search_listing(catalog, agency)
    records[search.src_uri] = search
    # Every agency site has a page in English about the agency and how to reach it.
    english_name = agency.english.get("name", agency.name)
    records[f"{agency.slug}/en/index.md"] = Listing(
        f"{agency.slug}/en/index.md",
        f"About {english_name}",
        "english",
        description=f"Who {english_name} is and how to contact it, in English.",
    )
    return records


def plan_nav(context: SiteContext, records: dict[str, Record]) -> list[dict[str, str]]:
    """Return the site's small navigation: its home, introduction and sections."""
    agency = context.agency
    if agency is None:
        nav = [{"Trang chủ": "index.md"}]
        if "gioi-thieu/index.md" in records:
            nav.append({"Giới thiệu": "gioi-thieu/index.md"})
        nav.append({"Danh bạ trang thành phần": DIRECTORY_URI})
        nav.append({DASHBOARD_TITLE: f"{DASHBOARD}index.md"})
        nav.append({STATISTICS_TITLE: f"{STATISTICS}index.md"})
        nav.extend({s.title: f"{s.slug}/index.md"} for s in SECTIONS)
        return nav
    return [
        {"Trang chủ": f"{agency.slug}/index.md"},
        *({SECTIONS_BY_SLUG[s].title: f"{agency.slug}/{s}/index.md"} for s in agency.sections),
    ]
