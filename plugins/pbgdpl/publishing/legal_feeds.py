"""Feeds to follow a law without an account: one per legal document, field of law and issuer.

A document's feed announces its status changes (the events of its history up to the
build's date: issued, in force, amended, replaced, repealed, expired) and the new items
that rely on it (explainers, answers, materials …). The feed of a field of law or of an
issuer joins those of its documents. Links are relative to the feed's own folder, so the
feeds of a mirror lead to the mirror's pages; ids and the feed's own address stay the
portal's addresses.
"""

from __future__ import annotations

import datetime as dt
import json
import xml.etree.ElementTree as ET
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from pbgdpl.catalog import Catalog
from pbgdpl.catalog.registry import LegalDocument
from pbgdpl.editorial.redirects import relative_href
from pbgdpl.legal.listings import FIELD_PATH, ISSUER_PATH, facet_slug
from pbgdpl.model.fields import slugify
from pbgdpl.publishing.addresses import public_url
from pbgdpl.publishing.feeds import (
    ATOM_FEED,
    ATOM_NS,
    FEED_SIZE,
    JSON_FEED,
    JSON_FEED_VERSION,
    XML_LANG,
    feed_element,
    feed_moment,
)
from pbgdpl.publishing.kept_inputs import KeptInputs, key_of
from pbgdpl.publishing.output import write_changed
from pbgdpl.publishing.published import page_exists


@dataclass(frozen=True)
class LegalEntry:
    """One thing to announce: a step of a document's history, or an item relying on it."""

    id: str
    title: str
    target: str
    """The portal path of the page the entry links to."""
    date: dt.date
    summary: str


@dataclass(frozen=True)
class LegalFeed:
    """The entries of one followed thing (a document, a field of law, an issuer), newest first."""

    folder: str
    title: str
    entries: tuple[LegalEntry, ...]


def document_entries(catalog: Catalog, document: LegalDocument, as_of: dt.date) -> list[LegalEntry]:
    """Return a document's status changes and the items relying on it, up to `as_of`."""
    base = public_url(catalog.settings, document.url)
    entries = []
    for event in catalog.registry.history(document, as_of):
        if event.upcoming:
            continue
        by = f" {event.document.name}" if event.document else ""
        key = slugify(f"{event.date.isoformat()} {event.label}{by}")
        entries.append(
            LegalEntry(
                f"{base}#{key}",
                f"{document.name}: {event.label}{by}",
                event.document.url if event.document else document.url,
                event.date,
                f"{event.label}{by} từ ngày {event.date:%d/%m/%Y}. {document.item.title}",
            )
        )
    for reliance in catalog.reliance.relying_on(document):
        item = reliance.item
        if item.date > as_of or "withdrawn" in item.data:
            continue
        entries.append(
            LegalEntry(
                public_url(catalog.settings, item.url),
                f"{item.section.item_label.capitalize()} mới: {item.title}",
                item.url,
                item.date,
                f"{catalog.agencies[item.agency].name} đăng {item.section.item_label} dẫn "
                f"chiếu {document.name}.",
            )
        )
    return entries


def _newest(entries: Iterable[LegalEntry]) -> tuple[LegalEntry, ...]:
    unique = {e.id: e for e in entries}
    ordered = sorted(unique.values(), key=lambda e: (-e.date.toordinal(), e.title, e.id))
    return tuple(ordered[:FEED_SIZE])


def legal_feeds(catalog: Catalog, as_of: dt.date) -> Iterator[LegalFeed]:
    """Yield the feed of every listed document, then of each field of law and each issuer."""
    short = catalog.settings.short_name
    groups: dict[str, tuple[str, list[LegalEntry]]] = {}
    for document in catalog.registry.documents:
        if "withdrawn" in document.item.data:
            continue
        entries = document_entries(catalog, document, as_of)
        yield LegalFeed(document.url, f"Theo dõi {document.name} – {short}", _newest(entries))
        item = document.item
        for path, name in (
            *((FIELD_PATH, field) for field in item.fields),
            (ISSUER_PATH, document.issuer),
        ):
            folder = f"{path}{facet_slug(name)}/"
            title = f"Văn bản {'lĩnh vực ' if path == FIELD_PATH else 'của '}{name} – {short}"
            groups.setdefault(folder, (title, []))[1].extend(entries)
    for folder, (title, entries) in sorted(groups.items()):
        yield LegalFeed(folder, title, _newest(entries))


def atom_document(catalog: Catalog, feed: LegalFeed, as_of: dt.date) -> bytes:
    """Return a feed as Atom, its links relative to the feed's folder."""
    settings = catalog.settings
    root = ET.Element("feed", {"xmlns": ATOM_NS, XML_LANG: "vi"})
    feed_element(root, "id", public_url(settings, feed.folder + ATOM_FEED))
    feed_element(root, "title", feed.title)
    feed_element(root, "updated", feed_moment(feed.entries[0].date if feed.entries else as_of))
    # The feed's own address is the portal's (it names the feed); the links readers follow
    # are relative, so they stay on the mirror that serves the feed.
    self_url = public_url(settings, feed.folder + ATOM_FEED)
    feed_element(root, "link", rel="self", type="application/atom+xml", href=self_url)
    feed_element(root, "link", rel="alternate", type="text/html", href="./")
    author = feed_element(root, "author")
    feed_element(author, "name", settings.operator)
    for entry in feed.entries:
        element = feed_element(root, "entry")
        feed_element(element, "id", entry.id)
        feed_element(element, "title", entry.title)
        href = relative_href(feed.folder, entry.target)
        feed_element(element, "link", rel="alternate", type="text/html", href=href)
        feed_element(element, "updated", feed_moment(entry.date))
        feed_element(element, "summary", entry.summary, type="text")
    ET.indent(root)
    document: bytes = ET.tostring(root, encoding="utf-8", xml_declaration=True)
    return document + b"\n"


def json_document(catalog: Catalog, feed: LegalFeed) -> bytes:
    """Return a feed as JSON Feed 1.1, its links relative to the feed's folder."""
    document = {
        "version": JSON_FEED_VERSION,
        "title": feed.title,
        "language": "vi",
        "home_page_url": "./",
        "feed_url": public_url(catalog.settings, feed.folder + JSON_FEED),
        "authors": [{"name": catalog.settings.operator}],
        "items": [
            {
                "id": entry.id,
                "url": relative_href(feed.folder, entry.target),
                "title": entry.title,
                "content_text": entry.summary,
                "date_published": feed_moment(entry.date),
            }
            for entry in feed.entries
        ],
    }
    return (json.dumps(document, ensure_ascii=False, indent=1) + "\n").encode("utf-8")


def write_legal_feeds(
    catalog: Catalog, out: Path, as_of: dt.date, kept: Path | None = None, salt: str = ""
) -> list[Path]:
    """Write `feed.xml` and `feed.json` next to every built page of a document, field or issuer.

    With `kept` (a record in the build's cache, `KeptInputs`) and `salt` (our code), a
    feed whose entries, settings and day are those it was written from is left as it is.
    """
    built = [feed for feed in legal_feeds(catalog, as_of) if page_exists(out, feed.folder)]
    context = (salt, as_of.isoformat(), repr(catalog.settings))
    keys = {feed.folder: key_of(*context, repr(feed)) for feed in built} if kept else {}
    record = KeptInputs.open(kept, keys) if kept else None
    written = []
    for feed in built:
        folder = out / feed.folder
        paths = [folder / ATOM_FEED, folder / JSON_FEED]
        written += paths
        if record and record.unchanged(feed.folder) and all(p.is_file() for p in paths):
            continue
        write_changed(paths[0], atom_document(catalog, feed, as_of))
        write_changed(paths[1], json_document(catalog, feed))
    if record:
        record.done()
    return written
