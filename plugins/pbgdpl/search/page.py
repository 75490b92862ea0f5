"""The search page of each site (`tim-kiem/`): its scope and the values of its filters."""

from __future__ import annotations

from dataclasses import dataclass

from pbgdpl.catalog import Catalog
from pbgdpl.catalog.status import Status
from pbgdpl.model.agency import Agency
from pbgdpl.model.fields import fold
from pbgdpl.model.records import Listing
from pbgdpl.model.sections import SECTIONS
from pbgdpl.model.vocabularies import load_vocabularies

SEARCH_PATH = "tim-kiem/"
SEARCH_TITLE = "Tìm kiếm"


@dataclass(frozen=True)
class SearchView:
    """What a search page offers: the values of each filter, read from the catalog.

    Every value is listed once, without counting pages, so that opening the page loads
    no part of the index; `agencies` is empty on an agency's page, whose search is its own.
    The national page lists every field of law of the vocabulary, an agency's page the
    fields of its own items (each site is rebuilt when its items change).
    """

    agencies: tuple[tuple[str, str], ...]
    sections: tuple[tuple[str, str], ...]
    fields: tuple[str, ...]
    years: tuple[str, ...]
    statuses: tuple[tuple[str, str], ...]


def search_view(catalog: Catalog, agency: Agency | None) -> SearchView:
    """Return the filters of the search page of `agency`'s site, or of the whole portal."""
    sites = [agency.slug] if agency else list(catalog.agencies)
    items = [i for site in sites for i in catalog.items(site)]
    present = {i.section_slug for i in items}
    documents = any(i.section.registers_documents for i in items)
    return SearchView(
        agencies=() if agency else tuple((a.slug, a.name) for a in catalog.agencies.values()),
        sections=tuple((s.slug, s.title) for s in SECTIONS if s.slug in present),
        fields=tuple(
            sorted(
                {f for i in items for f in i.fields} if agency else load_vocabularies().fields,
                key=fold,
            )
        ),
        years=tuple(sorted({str(i.date.year) for i in items}, reverse=True)),
        statuses=tuple((s.value, s.label) for s in Status) if documents else (),
    )


def search_listing(catalog: Catalog, agency: Agency | None) -> Listing:
    """Return the search page of `agency`'s site, or of the national portal."""
    where = agency.name if agency else catalog.settings.short_name
    return Listing(
        f"{agency.slug}/{SEARCH_PATH}index.md" if agency else f"{SEARCH_PATH}index.md",
        SEARCH_TITLE,
        "search",
        description=f"Tìm văn bản, câu hỏi, tin bài trên {where}, gõ có dấu hay không dấu.",
        view=search_view(catalog, agency),
    )
