"""Read the searchable text of a rendered page: what Pagefind would index, as plain text."""

from __future__ import annotations

from dataclasses import dataclass
from html.parser import HTMLParser

# Elements without an end tag, as Pagefind reads them: they never open a scope.
from pbgdpl.search.pagefind_reading import VOID

SKIPPED = frozenset({"script", "style", "template", "noscript"})


@dataclass(frozen=True)
class PageText:
    """The title and text of the part of a page marked `data-pagefind-body`."""

    title: str
    text: str


class _Reader(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, bool, bool]] = []  # tag, opens the body, is ignored
        self.depth_in_body = 0
        self.ignored = 0
        self.in_h1 = False
        self.in_title = False
        self.found_body = False
        self.title: list[str] = []
        self.h1: list[str] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in VOID:
            return
        names = {name for name, _ in attrs}
        opens = "data-pagefind-body" in names
        ignored = "data-pagefind-ignore" in names or tag in SKIPPED
        self.stack.append((tag, opens, ignored))
        self.depth_in_body += opens
        self.found_body = self.found_body or opens
        self.ignored += ignored
        self.in_h1 = self.in_h1 or (tag == "h1" and self.depth_in_body > 0)
        self.in_title = self.in_title or tag == "title"

    def handle_endtag(self, tag: str) -> None:
        # Close up to the matching tag (elements left open inside it end with it); an end
        # tag that matches nothing open is ignored.
        if all(open_tag != tag for open_tag, _, _ in self.stack):
            return
        while self.stack:
            open_tag, opens, ignored = self.stack.pop()
            self.depth_in_body -= opens
            self.ignored -= ignored
            self.in_h1 = self.in_h1 and open_tag != "h1"
            self.in_title = self.in_title and open_tag != "title"
            if open_tag == tag:
                return

    def handle_data(self, data: str) -> None:
        if self.in_title:
            self.title.append(data)
        if self.depth_in_body > 0 and not self.ignored:
            (self.h1 if self.in_h1 else self.text).append(data)


def _squeeze(parts: list[str]) -> str:
    return " ".join(" ".join(parts).split())


def page_text(html: str) -> PageText | None:
    """Return the searchable title and text of a page, or None if it has no such part."""
    reader = _Reader()
    reader.feed(html)
    reader.close()
    if not reader.found_body:
        return None
    return PageText(_squeeze(reader.h1) or _squeeze(reader.title), _squeeze(reader.text))
