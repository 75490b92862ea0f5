"""The portal served below a sub-path in a real browser, and what pages say when shared,
printed or read later (the as-of date)."""

from __future__ import annotations

import re
import urllib.error
import urllib.request
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path

import pytest
from playwright.sync_api import Page

from conftest import serve

BASE = "https://pbgdpl.gov.vn/"
MIRROR_PATH = "/mirror/pbgdpl/"


@pytest.fixture(scope="module")
def mirror_url(built_portal: Path) -> Iterator[str]:
    """The built portal served as a mirror would serve it, below /mirror/pbgdpl/."""
    with serve(built_portal, MIRROR_PATH) as url:
        yield url


def sample_pages(built: Path) -> list[str]:
    """Return a page of every kind: the national home, a section listing, the directory,
    written and English pages, the error page; an agency's home, English page and section
    listings, and one item of each section (each kind of item has its own template)."""
    pages = ["", "van-ban-moi/", "don-vi/", "gioi-thieu/", "en/", "404.html"]
    pages += ["bo-tu-phap/", "bo-tu-phap/en/", "bo-tu-phap/hoi-dap/", "bo-tu-phap/van-ban-moi/"]
    for listing in sorted((built / "bo-tu-phap").glob("*/feed.xml")):
        items = sorted(p.parent for p in listing.parent.glob("*/index.html"))
        pages += [items[0].relative_to(built).as_posix() + "/"] if items else []
    return pages


def test_the_portal_works_below_a_sub_path_with_no_failed_request(
    built_portal: Path, mirror_url: str, page: Page
) -> None:
    problems: list[str] = []
    # A request cut short by the next navigation (the favicon) is aborted, not failed;
    # a missing file answers 404 and is caught below.
    page.on(
        "requestfailed",
        lambda r: (
            r.failure != "net::ERR_ABORTED" and problems.append(f"failed {r.url} {r.failure}")
        ),
    )
    page.on("response", lambda r: r.status >= 400 and problems.append(f"{r.status} {r.url}"))
    page.on(
        "request",
        lambda r: (
            r.url.startswith(("http:", "https:"))
            and not r.url.startswith(mirror_url)
            and problems.append(f"outside {r.url}")
        ),
    )
    links: set[str] = set()
    pages = sample_pages(built_portal)
    assert len(pages) > 15
    for path in pages:
        page.goto(mirror_url + path)
        links.update(
            page.eval_on_selector_all(
                "a[href], link[href]", "els => els.map(e => e.href.split('#')[0])"
            )
        )
    assert problems == []
    internal = sorted(link for link in links if link.startswith(mirror_url.split(MIRROR_PATH)[0]))
    assert internal and all(link.startswith(mirror_url) for link in internal)
    broken = []
    for link in internal:
        try:
            with urllib.request.urlopen(link) as response:
                response.read()
        except urllib.error.HTTPError as error:
            broken.append(f"{error.code} {link}")
    assert broken == []


class _Meta(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.meta: dict[str, list[str]] = {}

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        key = (
            found.get("property")
            or found.get("name")
            or (f"link:{found.get('rel')}" if tag == "link" else None)
        )
        value = found.get("content") if tag == "meta" else found.get("href")
        if key and value is not None:
            self.meta.setdefault(key, []).append(value)


def meta_of(path: Path) -> dict[str, list[str]]:
    parser = _Meta()
    parser.feed(path.read_text("utf-8"))
    return parser.meta


def test_items_carry_open_graph_and_a_canonical_address(built_portal: Path) -> None:
    document = sorted((built_portal / "bo-tu-phap" / "van-ban-moi").glob("*/index.html"))[0]
    address = BASE + document.parent.relative_to(built_portal).as_posix() + "/"
    meta = meta_of(document)
    assert meta["link:canonical"] == [address]
    assert meta["og:url"] == [address]
    assert meta["og:type"] == ["article"]
    assert meta["og:site_name"] == ["Cổng Thông tin điện tử Phổ biến, giáo dục pháp luật quốc gia"]
    assert len(meta["description"]) == 1 and len(meta["description"][0]) > 30
    assert meta["og:description"] == meta["description"]
    assert meta["og:title"][0] in document.read_text("utf-8")
    assert meta["og:image"][0].startswith(BASE)
    home = meta_of(built_portal / "index.html")
    assert home["link:canonical"] == [BASE] and home["og:type"] == ["website"]


def test_every_page_says_the_date_its_data_holds_for(built_portal: Path) -> None:
    for path in sample_pages(built_portal):
        file = (
            built_portal / path / "index.html"
            if path.endswith("/") or not path
            else (built_portal / path)
        )
        assert "Dữ liệu tính đến ngày 23/11/2026" in file.read_text("utf-8"), path


def test_a_printed_legal_document_keeps_its_text_facts_and_date(
    built_portal: Path, mirror_url: str, page: Page
) -> None:
    document = sorted((built_portal / "bo-tu-phap" / "van-ban-moi").glob("*/index.html"))[0]
    page.goto(mirror_url + document.parent.relative_to(built_portal).as_posix() + "/")
    page.emulate_media(media="print")
    assert page.locator("h1").is_visible()
    assert page.locator("table.pb-facts").is_visible()
    assert page.locator(".pb-footer__asof").is_visible()
    assert "23/11/2026" in page.inner_text(".pb-footer__asof")
    for screen_only in (".pb-header", ".pb-sidenav", ".pb-tools", ".pb-breadcrumbs"):
        assert not page.locator(screen_only).first.is_visible(), screen_only
    font = page.eval_on_selector(".md-typeset", "e => getComputedStyle(e).fontFamily")
    assert re.search(r"serif", font)
    page.emulate_media(media="screen")
    assert page.locator(".pb-header").is_visible()
