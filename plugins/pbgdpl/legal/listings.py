"""Listings of legal documents: national and per agency, by date of effect, field and issuer.

National pages (all below `/van-ban-moi/`): every document, newest date of effect
first; those taking effect in the month of the build's date (`trong-thang/`); one
list per field of law (`linh-vuc/<slug>/`) and per issuer (`co-quan/<slug>/`). Long
lists are split into pages (`trang-2/` …).
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable

from pbgdpl.catalog import Catalog
from pbgdpl.model.fields import fold, slugify
from pbgdpl.model.items import Item
from pbgdpl.model.records import Listing, listing_page_uri
from pbgdpl.model.sections import SECTIONS_BY_SLUG

SECTION = "van-ban-moi"
MONTH_PATH = f"{SECTION}/trong-thang/"
LOOKUP_URI = f"{SECTION}/tra-cuu/index.md"
FIELD_PATH = f"{SECTION}/linh-vuc/"
ISSUER_PATH = f"{SECTION}/co-quan/"


def facet_slug(name: str) -> str:
    """Return the URL slug of a field of law or an issuer: "Đất đai" → "dat-dai"."""
    return slugify(name)


def by_effect(items: Iterable[Item]) -> list[Item]:
    """Sort documents newest date of effect first; ties by date of issue, agency and slug."""
    return sorted(
        items,
        key=lambda i: (
            -i.data["effective"].toordinal(),
            -i.data["issued"].toordinal(),
            i.agency,
            i.slug,
        ),
    )


def documents(catalog: Catalog, agency: str | None = None) -> list[Item]:
    """Return the listed documents of one agency, or of the whole portal, by date of effect."""
    sites = [agency] if agency else list(catalog.items_by_site)
    return by_effect(i for site in sites for i in catalog.items(site, SECTION))


def facets(items: Iterable[Item], attr: str) -> dict[str, list[Item]]:
    """Group documents by field of law ("fields") or issuer ("issuer"), names sorted."""
    groups: dict[str, list[Item]] = defaultdict(list)
    for item in items:
        value = item.fields if attr == "fields" else (item.data[attr],)
        for name in value:
            groups[name].append(item)
    return dict(sorted(groups.items(), key=lambda g: fold(g[0])))


def in_month(items: Iterable[Item], as_of: dt.date) -> list[Item]:
    """Return the documents taking effect in the month of `as_of`, earliest first."""
    found = [
        i
        for i in items
        if (i.data["effective"].year, i.data["effective"].month) == (as_of.year, as_of.month)
    ]
    return sorted(found, key=lambda i: (i.data["effective"], i.agency, i.slug))


def _paginate(
    base: str, title: str, items: list[Item], size: int, description: str | None = None
) -> dict[str, Listing]:
    section = SECTIONS_BY_SLUG[SECTION]
    chunks = [tuple(items[i : i + size]) for i in range(0, len(items), size)] or [()]
    return {
        listing_page_uri(base, n): Listing(
            listing_page_uri(base, n),
            title,
            "documents",
            chunk,
            section=section,
            page_number=n,
            page_count=len(chunks),
            description=description,
        )
        for n, chunk in enumerate(chunks, start=1)
    }


def plan_document_listings(
    catalog: Catalog, agency: str | None, as_of: dt.date, page_size: int
) -> dict[str, Listing]:
    """Return the document listings of a site by source path: national or one agency's."""
    section = SECTIONS_BY_SLUG[SECTION]
    if agency is not None:
        return _paginate(
            f"{agency}/{SECTION}/", section.title, documents(catalog, agency), page_size
        )
    everything = documents(catalog)
    records = _paginate(f"{SECTION}/", section.title, everything, page_size)
    month_uri = f"{MONTH_PATH}index.md"
    records[month_uri] = Listing(
        month_uri,
        f"Văn bản có hiệu lực trong tháng {as_of:%m/%Y}",
        "documents-month",
        tuple(in_month(everything, as_of)),
        section=section,
    )
    # Issuers and posting agencies grow with the portal: their lists have a page of their own,
    # so the first page of the national list stays small.
    records[LOOKUP_URI] = Listing(
        LOOKUP_URI,
        "Tra cứu văn bản theo cơ quan ban hành, đơn vị đăng",
        "documents-lookup",
        section=section,
    )
    for attr, path, title in (
        ("fields", FIELD_PATH, "Văn bản thuộc lĩnh vực {}"),
        ("issuer", ISSUER_PATH, "Văn bản của {}"),
    ):
        for name, items in facets(everything, attr).items():
            records.update(
                _paginate(f"{path}{facet_slug(name)}/", title.format(name), items, page_size)
            )
    return records
