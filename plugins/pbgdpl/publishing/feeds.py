"""Atom and JSON feeds of the newest items: the portal, each agency, and each section."""

from __future__ import annotations

import datetime as dt
import json
import xml.etree.ElementTree as ET
from collections import defaultdict
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from pbgdpl.catalog import Catalog
from pbgdpl.model.items import Item
from pbgdpl.model.moment import VIETNAM
from pbgdpl.model.sections import SECTIONS, SECTIONS_BY_SLUG
from pbgdpl.publishing.addresses import public_url
from pbgdpl.publishing.output import write_changed
from pbgdpl.publishing.published import page_exists
from pbgdpl.safety.xml_text import xml_text

ATOM_FEED = "feed.xml"
JSON_FEED = "feed.json"
FEED_SIZE = 50
ATOM_NS = "http://www.w3.org/2005/Atom"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
JSON_FEED_VERSION = "https://jsonfeed.org/version/1.1"
# Vietnam keeps one offset all year; an item's date is its day in Vietnam.


@dataclass(frozen=True)
class FeedScope:
    """The items one feed announces, newest first: those of one site or section."""

    folder: str
    title: str
    items: tuple[Item, ...]
    agency: str = ""
    """The agency whose own feed this is (its site or one of its sections), else ""."""


def feed_scopes(catalog: Catalog, items: list[Item], out: Path) -> Iterator[FeedScope]:
    """Yield a scope for the portal, each section, each agency and each agency section.

    Only folders that were built get a feed; `items` are the published ones, newest first,
    grouped in one pass and cut to the feed's length.
    """
    groups: dict[str, list[Item]] = defaultdict(list)
    for item in items:
        for folder in (
            "",
            f"{item.section_slug}/",
            f"{item.agency}/",
            f"{item.agency}/{item.section_slug}/",
        ):
            if len(groups[folder]) < FEED_SIZE:
                groups[folder].append(item)
    settings = catalog.settings
    scopes = [FeedScope("", settings.name, tuple(groups[""]))]
    for section in SECTIONS:
        folder = f"{section.slug}/"
        title = f"{section.title} – {settings.short_name}"
        scopes.append(FeedScope(folder, title, tuple(groups[folder])))
    for own, agency in catalog.agencies.items():
        scopes.append(FeedScope(agency.url, agency.name, tuple(groups[agency.url]), own))
        for slug in agency.sections:
            folder = f"{agency.url}{slug}/"
            title = f"{SECTIONS_BY_SLUG[slug].title} – {agency.name}"
            scopes.append(FeedScope(folder, title, tuple(groups[folder]), own))
    yield from (s for s in scopes if page_exists(out, s.folder))


def feed_moment(day: dt.date) -> str:
    """Return a day as the RFC 3339 moment feeds carry: its start, in Vietnam."""
    return dt.datetime.combine(day, dt.time(), VIETNAM).isoformat()


def item_moment(item: Item) -> str:
    """Return when an item went out as an RFC 3339 moment: a scheduled one, to the minute."""
    return item.goes_out.replace(tzinfo=VIETNAM).isoformat()


def updated_moment(item: Item, day: dt.date) -> str:
    """Return when an item last changed: its last major change, never before it went out."""
    changed = dt.datetime.combine(day, dt.time(), VIETNAM)
    return max(item.goes_out.replace(tzinfo=VIETNAM), changed).isoformat()


def summary_of(item: Item) -> str | None:
    """Return the plain text that sums an item up: its description, abstract or question."""
    leads = (item.data.get(f.attr) for f in item.section.with_role("lead"))
    return item.description or next((lead for lead in leads if lead), None)


def feed_element(parent: ET.Element, tag: str, text: str | None = None, **attrs: str) -> ET.Element:
    """Add an element; its text and attributes carry content, kept to what XML can carry."""
    element = ET.SubElement(parent, tag, {k: xml_text(v) for k, v in attrs.items()})
    element.text = None if text is None else xml_text(text)
    return element


def atom_feed(catalog: Catalog, scope: FeedScope, as_of: dt.date) -> bytes:
    """Return the Atom document of a scope: its newest items, with absolute links."""
    settings = catalog.settings
    entries = scope.items
    feed = ET.Element("feed", {"xmlns": ATOM_NS, XML_LANG: "vi"})
    feed_element(feed, "id", public_url(settings, scope.folder))
    feed_element(feed, "title", scope.title)
    # An entry is updated by its last major change (its change note), never by a minor fix.
    updated = {item.url: updated_moment(item, catalog.history_of(item).updated) for item in entries}
    # One time zone throughout, so the newest moment is the greatest string.
    feed_element(feed, "updated", max(updated.values(), default=feed_moment(as_of)))
    feed_element(
        feed,
        "link",
        rel="self",
        type="application/atom+xml",
        href=public_url(settings, scope.folder + ATOM_FEED),
    )
    feed_element(
        feed, "link", rel="alternate", type="text/html", href=public_url(settings, scope.folder)
    )
    author = feed_element(feed, "author")
    feed_element(author, "name", settings.operator)
    for item in entries:
        entry = feed_element(feed, "entry")
        url = public_url(settings, item.url)
        feed_element(entry, "id", url)
        feed_element(entry, "title", item.title)
        feed_element(entry, "link", rel="alternate", type="text/html", href=url)
        feed_element(entry, "published", item_moment(item))
        feed_element(entry, "updated", updated[item.url])
        agency = feed_element(entry, "author")
        feed_element(agency, "name", catalog.agencies[item.agency].name)
        feed_element(entry, "category", term=item.section_slug, label=item.section.title)
        for name in item.fields:
            feed_element(entry, "category", term=name)
        summary = summary_of(item)
        if summary:
            feed_element(entry, "summary", summary, type="text")
    ET.indent(feed)
    # typeshed types tostring() as Any for a named encoding other than "unicode"; utf-8 is bytes.
    document: bytes = ET.tostring(feed, encoding="utf-8", xml_declaration=True)
    return document + b"\n"


def feed_tags(item: Item) -> list[str]:
    """Return an item's tags for a feed: its section, fields and own tags, each once.

    Editors write the same tag in different case ("Trợ giúp pháp lý", "trợ giúp pháp
    lý"); a feed reader would show both, so the first spelling stands for all.
    """
    seen: dict[str, str] = {}
    for tag in (item.section.title, *item.fields, *item.tags):
        seen.setdefault(tag.casefold(), tag)
    return list(seen.values())


def json_feed(catalog: Catalog, scope: FeedScope) -> bytes:
    """Return the JSON Feed 1.1 document of a scope."""
    settings = catalog.settings
    entries = []
    for item in scope.items:
        url = public_url(settings, item.url)
        summary = summary_of(item)
        entry: dict[str, object] = {
            "id": url,
            "url": url,
            "title": item.title,
            "content_text": summary or item.title,
            "date_published": item_moment(item),
            "date_modified": updated_moment(item, catalog.history_of(item).updated),
            "authors": [{"name": catalog.agencies[item.agency].name}],
            "tags": feed_tags(item),
        }
        if summary:
            entry["summary"] = summary
        entries.append(entry)
    document = {
        "version": JSON_FEED_VERSION,
        "title": scope.title,
        "language": "vi",
        "home_page_url": public_url(settings, scope.folder),
        "feed_url": public_url(settings, scope.folder + JSON_FEED),
        "authors": [{"name": settings.operator}],
        "items": entries,
    }
    return (json.dumps(document, ensure_ascii=False, indent=1) + "\n").encode("utf-8")


def write_feeds(
    catalog: Catalog,
    items: list[Item],
    out: Path,
    as_of: dt.date,
    kept: Callable[[str], bool] | None = None,
) -> list[Path]:
    """Write `feed.xml` and `feed.json` into every built scope's folder; return their paths.

    An agency's own feeds are left as they are when `kept` says its inputs are those they
    were written from (`KeptInputs.unchanged`) and they are there.
    """
    written = []
    for scope in feed_scopes(catalog, items, out):
        folder = out / scope.folder
        paths = [folder / ATOM_FEED, folder / JSON_FEED]
        written += paths
        if scope.agency and kept and kept(scope.agency) and all(p.is_file() for p in paths):
            continue
        write_changed(paths[0], atom_feed(catalog, scope, as_of))
        write_changed(paths[1], json_feed(catalog, scope))
    return written
