"""Read built pages the way a browser would: their links, and where each link leads."""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.links: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if name in ("href", "src") and value:
                self.links.append(value)


def links_of(page: Path) -> list[str]:
    """Return every href and src of an HTML page."""
    parser = _Links()
    parser.feed(page.read_text("utf-8"))
    return parser.links


def resolve(site: Path, page: Path, link: str) -> Path | None:
    """Return the file an internal link of `page` points to, or None for external links."""
    parts = urlsplit(link)
    if parts.scheme or parts.netloc or link.startswith(("#", "mailto:", "tel:")):
        return None
    if parts.path.startswith("/"):
        raise AssertionError(f"{page}: absolute link {link!r} breaks mirrors under a base path")
    target = (page.parent / unquote(parts.path)).resolve()
    if link.split("#")[0].split("?")[0].endswith("/") or target.is_dir():
        target = target / "index.html"
    if not target.is_relative_to(site.resolve()):
        raise AssertionError(f"{page}: link {link!r} leaves the site")
    return target


def broken_links(site: Path) -> list[str]:
    """Return every internal link of the site whose target does not exist."""
    broken = []
    for page in sorted(site.rglob("*.html")):
        for link in links_of(page):
            target = resolve(site, page, link)
            if target is not None and not target.is_file():
                broken.append(f"{page.relative_to(site)} → {link}")
    return broken
