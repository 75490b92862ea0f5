"""Items of the component sites, and the national portal's own pages."""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

from pbgdpl.model.sections import SECTIONS_BY_SLUG, Section
from pbgdpl.model.written import TextScan, links_in, scan_text

# A document's attachments are its full text; their size and content are checked with
# every published file (pbgdpl.loading.assets).
ATTACHMENT_TYPES = {".pdf": "PDF", ".docx": "DOCX", ".odt": "ODT"}


class EditorsFile:
    """What an item and a page share as files an editor wrote: lines to point at, a text."""

    body: str
    lines: dict[str, int]
    body_line: int

    def line_of(self, key: str) -> int:
        """Return the line of a front-matter key, or 1 when it is not written."""
        return self.lines.get(key, 1)

    @cached_property
    def body_scan(self) -> TextScan:
        """The dates and document numbers its text writes (found once, kept with its parse)."""
        return scan_text(self.body)

    @cached_property
    def body_links(self) -> tuple[tuple[int, str], ...]:
        """The (line, target) of each link of its text (found once, kept with its parse)."""
        return links_in(self.body, self.body_line)


@dataclass(frozen=True)
class Item(EditorsFile):
    """One item of one section of one agency site: a document, a question, a news story …"""

    agency: str
    section_slug: str
    slug: str
    path: str
    title: str
    date: dt.date
    body: str
    description: str | None = None
    tags: tuple[str, ...] = ()
    fields: tuple[str, ...] = ()
    data: dict[str, Any] = field(default_factory=dict)
    # Where each front-matter key and the body start in the file, for diagnostics.
    lines: dict[str, int] = field(default_factory=dict, compare=False, repr=False)
    body_line: int = field(default=1, compare=False, repr=False)

    @cached_property
    def printed(self) -> str:
        """Hash what another page may print of the item: its facts, never its text.

        Pages that list an item are rendered again when this changes (`catalog/reads.py`).
        Kept once computed: a national build asks it of each item on many pages.
        """
        facts = (
            self.url,
            self.title,
            self.date.isoformat(),
            self.description,
            self.tags,
            self.fields,
            sorted((k, repr(v)) for k, v in self.data.items()),
        )
        return hashlib.sha256(repr(facts).encode()).hexdigest()

    @property
    def goes_out(self) -> dt.datetime:
        """Return when the item is published, Vietnam time: its `publish_at` on its day.

        A scheduled item is dated by the day it goes out (loading), and its feed entry
        carries the minute too; any other item goes out at the start of its date.
        """
        publish_at = self.data.get("publish_at")
        if isinstance(publish_at, dt.datetime) and publish_at.date() == self.date:
            return publish_at
        return dt.datetime.combine(self.date, dt.time())

    @property
    def section(self) -> Section:
        """Return the section the item belongs to."""
        return SECTIONS_BY_SLUG[self.section_slug]

    @property
    def src_uri(self) -> str:
        """Return the item's source path below `agencies/`, which MkDocs renders."""
        return f"{self.agency}/{self.section_slug}/{self.slug}.md"

    @property
    def url(self) -> str:
        """Return the item's URL, relative to the portal root: /<agency>/<section>/<item>/."""
        return f"{self.agency}/{self.section_slug}/{self.slug}/"


@dataclass(frozen=True)
class Page(EditorsFile):
    """A page written by hand: the national portal's pages and agencies' introductions."""

    site: str
    src_uri: str
    path: str
    title: str | None
    body: str
    description: str | None = None
    lines: dict[str, int] = field(default_factory=dict, compare=False, repr=False)
    body_line: int = field(default=1, compare=False, repr=False)

    @property
    def url(self) -> str:
        """Return the page's URL, relative to the portal root."""
        stem = self.src_uri.removesuffix(".md")
        if stem == "index" or stem.endswith("/index"):
            return stem.removesuffix("index")
        return f"{stem}/"
