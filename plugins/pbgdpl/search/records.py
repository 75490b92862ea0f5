"""What search knows about one page: a `SearchRecord`, made while the page renders."""

from __future__ import annotations

import dataclasses
import datetime as dt
import gzip
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pbgdpl.catalog import Catalog
from pbgdpl.model.agency import Agency
from pbgdpl.model.items import Item, Page
from pbgdpl.model.records import Listing, Record
from pbgdpl.search.aliases import agency_aliases
from pbgdpl.search.text import normalized, plain_text, shorten, term_counts

SUMMARY_LENGTH = 240
# Where each site keeps its search: its Pagefind bundle folder, and its records in it.
BUNDLE = "pagefind"
RECORDS = "pbgdpl-records.json.gz"


@dataclass(frozen=True)
class SearchRecord:
    """One page as search sees it: what to match, what to filter on and what to show."""

    url: str
    """The page's address relative to the portal root: "bo-tu-phap/van-ban-moi/x/"."""
    title: str
    site: str
    """The agency's slug, or "" for a page of the national portal."""
    agency: str
    """The name of the agency (or of the portal) the page belongs to."""
    section: str = ""
    """The section's slug, "" for a written page."""
    kind: str = "Trang"
    """What the page is, for people: "Văn bản", "Câu hỏi", "Trang"…"""
    date: str = ""
    """The item's date (ISO), or "" for a page without one."""
    summary: str = ""
    lead: str = ""
    facts: tuple[str, ...] = ()
    cited: tuple[str, ...] = ()
    fields: tuple[str, ...] = ()
    number: str = ""
    status: str = ""
    """A legal document's status slug on `status_as_of` ("con-hieu-luc" …), else ""."""
    status_label: str = ""
    status_as_of: str = ""
    aliases: tuple[str, ...] = ()
    """Other names of the page that people type (an agency's home: "Sở Tư pháp Hà Nội")."""
    tags: tuple[str, ...] = ()
    """The editors' keywords of the item (`tags`)."""
    terms: dict[str, int] = field(default_factory=dict)
    """Each word of the page's text and how often it occurs, first occurrence first."""

    @property
    def year(self) -> str:
        """Return the year of the item's date, or ""."""
        return self.date[:4]

    def to_json(self) -> dict[str, Any]:
        """Return the record as JSON data."""
        return dataclasses.asdict(self)

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> SearchRecord:
        """Read a record written by `to_json`."""
        tuples = {f.name for f in dataclasses.fields(cls) if f.type == "tuple[str, ...]"}
        values: dict[str, Any] = {k: tuple(v) if k in tuples else v for k, v in data.items()}
        return cls(**values)


def _text_values(value: Any) -> list[str]:
    if isinstance(value, (tuple, list)):
        return [v for item in value for v in _text_values(item)]
    return [str(value)] if isinstance(value, str) and value else []


def _summary(*candidates: str | None) -> str:
    for text in candidates:
        if text and text.strip():
            return shorten(normalized(text), SUMMARY_LENGTH)
    return ""


def item_record(item: Item, catalog: Catalog, as_of: dt.date, content: str) -> SearchRecord:
    """Return the record of an item page whose rendered text (HTML) is `content`."""
    section = item.section
    data = item.data
    text = plain_text(content)
    # What each front-matter value is to the item (its field's role) says where it goes:
    # facts and lead text are searched above the body, cited numbers find the item.
    leads = [str(data[f.attr]) for f in section.with_role("lead") if data.get(f.attr)]
    facts = [
        section.title,
        section.item_label,
        *(v for f in section.with_role("fact") for v in _text_values(data.get(f.attr))),
        *item.fields,
        *item.tags,
    ]
    cited = [v for f in section.with_role("cited") for v in _text_values(data.get(f.attr))]
    number = next((str(data[f.attr]) for f in section.with_role("number") if f.attr in data), "")
    status = status_label = status_as_of = ""
    document = catalog.registry.for_item(item)
    if document is not None:
        found = catalog.registry.status_of(document, as_of)
        status, status_label, status_as_of = found.value, found.label, as_of.isoformat()
    return SearchRecord(
        url=item.url,
        title=normalized(item.title),
        site=item.agency,
        agency=catalog.agencies[item.agency].name,
        section=item.section_slug,
        kind=section.item_label.capitalize(),
        date=item.date.isoformat(),
        summary=_summary(item.description, *leads, text),
        lead=normalized(" ".join([item.description or "", *leads])),
        facts=tuple(normalized(f) for f in facts if f),
        cited=tuple(cited),
        fields=item.fields,
        number=number,
        status=status,
        status_label=status_label,
        status_as_of=status_as_of,
        tags=tuple(normalized(tag) for tag in item.tags if tag),
        terms=term_counts(text),
    )


def page_record(
    title: str,
    url: str,
    owner: Agency | None,
    catalog: Catalog,
    description: str | None,
    content: str,
    kind: str,
    aliases: tuple[str, ...] = (),
) -> SearchRecord:
    """Return the record of a written page or an agency's home page."""
    text = plain_text(content)
    agency = owner.name if owner else catalog.settings.short_name
    return SearchRecord(
        url=url,
        title=normalized(title),
        site=owner.slug if owner else "",
        agency=agency,
        kind=kind,
        summary=_summary(description, text),
        lead=normalized(description or ""),
        facts=(agency,),
        aliases=aliases,
        terms=term_counts(text),
    )


def record_for(
    record: Record | None,
    title: str,
    content: str,
    catalog: Catalog,
    agency: Agency | None,
    as_of: dt.date,
) -> SearchRecord | None:
    """Return what search should know about a rendered page, or None to leave it out.

    Items and written pages are searched, and each agency's home page (a search for the
    agency's name leads there); other listings only repeat their items, withdrawn items
    leave search, and pages in English are not in the Vietnamese index.
    """
    if isinstance(record, Item):
        if "withdrawn" in record.data:
            return None
        return item_record(record, catalog, as_of, content)
    if isinstance(record, Page):
        if record.url.startswith("en/") or "/en/" in record.url:
            return None
        return page_record(title, record.url, agency, catalog, record.description, content, "Trang")
    if isinstance(record, Listing) and record.kind == "agency-home" and agency is not None:
        intro = record.intro
        return page_record(
            agency.name,
            agency.url,
            agency,
            catalog,
            agency.description or (intro.description if intro else None),
            content,
            "Trang thành phần",
            agency_aliases(agency),
        )
    return None


def save_records(path: Path, records: list[SearchRecord]) -> None:
    """Write records as gzip-compressed JSON, the same bytes for the same records."""
    payload = json.dumps(
        [r.to_json() for r in sorted(records, key=lambda r: r.url)],
        ensure_ascii=False,
        separators=(",", ":"),
    )
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(gzip.compress(payload.encode("utf-8"), mtime=0))


def read_records(data: bytes) -> list[SearchRecord]:
    """Read the bytes of a file written by `save_records`."""
    return [SearchRecord.from_json(d) for d in json.loads(gzip.decompress(data))]


def load_records(path: Path) -> list[SearchRecord]:
    """Read records written by `save_records`."""
    return read_records(path.read_bytes())
