"""Search as readers use it: the built sample portal searched in headless Chromium.

Every page carries the portal's Content-Security-Policy (scripts from the portal only,
plus 'wasm-unsafe-eval' for Pagefind), so these searches run under it.
"""

from __future__ import annotations

import unicodedata
import urllib.parse
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, expect

from pbgdpl.pipeline.search_index import portal_records
from pbgdpl.search.records import SearchRecord

from conftest import serve

DOCUMENT = "ha-noi/van-ban-moi/nghi-dinh-168-2024-nd-cp/"


@dataclass(frozen=True)
class Result:
    """One result as a reader sees it: its title, where it leads and its facts line."""

    title: str
    url: str
    facts: str


def wait_for_search(page: Page) -> str:
    """Wait until the page has searched; return what it says about the results.

    A page just opened is not busy before its script starts the search, and its box is
    still empty: when the address or the form asks something, wait for the search's own
    answer, not only for a list that is not busy.
    """
    page.wait_for_function(
        "() => { const l = document.getElementById('pb-search-results');"
        " const s = document.getElementById('pb-search-status-line');"
        " const q = document.getElementById('pb-search-q');"
        " if (!l || !s || !q || l.getAttribute('aria-busy') !== 'false') return false;"
        " const asked = q.value || location.search.length > 1"
        " || [...document.querySelectorAll('[data-filter]')].some(f => f.value);"
        " return !asked || (s.textContent && !s.textContent.startsWith('Đang')); }"
    )
    return page.get_by_role("status").text_content() or ""


def shown(page: Page, root: str) -> list[Result]:
    """Return the results on the page, with URLs relative to the portal's root `root`."""
    entries = page.locator("#pb-search-results > li")
    titles = entries.locator("h2 a").all_text_contents()
    links = entries.locator("h2 a").evaluate_all("links => links.map(a => a.href)")
    facts = entries.locator(".pb-result__meta").all_text_contents()
    return [
        Result(title, link.removeprefix(root), fact)
        for title, link, fact in zip(titles, links, facts, strict=True)
    ]


def search(
    page: Page, root: str, query: str = "", path: str = "tim-kiem/", **filters: str
) -> list[Result]:
    """Search `query` with `filters` (by their names in the address) and return every result.

    On the search page already open, the query is typed in the form and submitted;
    otherwise the page is opened with the search in its address.
    """
    if page.url.split("?")[0] == f"{root}{path}":
        # Choosing filters in the form is tested on its own; here they are set at once.
        page.locator("form[data-pb-search]").evaluate(
            "(form, values) => form.querySelectorAll('[data-filter]').forEach("
            "field => { field.value = values[field.name] || ''; })",
            filters,
        )
        box = page.locator("#pb-search-q")
        box.fill(query)
        box.press("Enter")
    else:
        params = urllib.parse.urlencode({"q": query, **filters} if query else filters)
        page.goto(f"{root}{path}?{params}")
    wait_for_search(page)
    more = page.get_by_role("button", name="Xem thêm kết quả")
    while more.is_visible():
        count = page.locator("#pb-search-results > li").count()
        more.dispatch_event("click")
        page.locator(f"#pb-search-results > li:nth-child({count + 1})").wait_for()
    return shown(page, root)


@pytest.fixture(scope="module")
def records(built_portal: Path) -> dict[str, SearchRecord]:
    """The search records of the built portal, by URL."""
    return {r.url: r for r in portal_records(built_portal)}


@pytest.fixture(scope="module")
def tab(browser: Browser) -> Iterator[Page]:
    """One browser tab for the searches that only read: Pagefind loads once per site."""
    context = browser.new_context(locale="vi-VN")
    yield context.new_page()
    context.close()


# Each pair is searched within one filter, to keep the lists short to page through.
@pytest.mark.parametrize(
    ("accented", "plain", "within"),
    [
        ("đất đai", "dat dai", {"don-vi": "bo-nong-nghiep-va-moi-truong"}),
        ("đăng ký", "dang ky", {"chuyen-muc": "hoi-dap"}),
        ("Điều", "dieu", {"nam": "2025"}),
    ],
)
def test_a_query_without_accents_finds_what_the_accented_query_finds(
    tab: Page, portal_url: str, accented: str, plain: str, within: dict[str, str]
) -> None:
    with_accents = {r.url for r in search(tab, portal_url, accented, **within)}
    without = {r.url for r in search(tab, portal_url, plain, **within)}
    assert len(with_accents) > 1
    assert with_accents <= without


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("đất đai", "đất đai"),
        ("Điều", "điều"),
        ("đăng ký kết hôn", "đăng ký kết hôn"),
    ],
)
def test_an_accented_query_ranks_its_own_spelling_first(
    tab: Page, portal_url: str, query: str, expected: str
) -> None:
    first = search(tab, portal_url, query)[0]
    assert expected in first.title.lower()


def test_a_decomposed_query_finds_what_the_composed_query_finds(tab: Page, portal_url: str) -> None:
    composed = search(tab, portal_url, "đăng ký kết hôn")
    decomposed = unicodedata.normalize("NFD", "đăng ký kết hôn")
    assert search(tab, portal_url, decomposed) == composed


@pytest.mark.parametrize(
    "query",
    [
        "168/2024/NĐ-CP",
        "168/2024/ND-CP",
        "168/2024/nd-cp",
        "nghi dinh 168",
        "Nghị định 168",
    ],
)
def test_a_document_number_finds_the_document_first(tab: Page, portal_url: str, query: str) -> None:
    first = search(tab, portal_url, query)[0]
    assert first.url == DOCUMENT
    assert "Thành phố Hà Nội · Văn bản · 26/12/2024 · 168/2024/NĐ-CP" in first.facts
    assert "Còn hiệu lực (tính đến ngày 23/11/2026)" in first.facts


@pytest.mark.parametrize("query", ["145/2020/NĐ-CP", "145/2020/ND-CP", "nghi dinh 145"])
def test_the_labour_decree_is_found_by_its_number(tab: Page, portal_url: str, query: str) -> None:
    first = search(tab, portal_url, query)[0]
    assert first.url == "ho-chi-minh/van-ban-moi/nghi-dinh-145-2020-nd-cp/"


@pytest.mark.parametrize(
    ("name", "value", "matches"),
    [
        ("don-vi", "ha-noi", lambda r: r.site == "ha-noi"),
        ("chuyen-muc", "hoi-dap", lambda r: r.section == "hoi-dap"),
        ("linh-vuc", "Đất đai", lambda r: "Đất đai" in r.fields),
        ("nam", "2024", lambda r: r.year == "2024"),
        ("hieu-luc", "het-hieu-luc-toan-bo", lambda r: r.status == "het-hieu-luc-toan-bo"),
        ("so-ky-hieu", "168/2024/nd-cp", lambda r: r.url == DOCUMENT),
    ],
)
def test_each_filter_lists_exactly_its_pages(
    tab: Page,
    portal_url: str,
    records: dict[str, SearchRecord],
    name: str,
    value: str,
    matches,  # type: ignore[no-untyped-def]
) -> None:
    expected = {url for url, r in records.items() if matches(r)}
    assert expected
    assert {r.url for r in search(tab, portal_url, **{name: value})} == expected
    assert f"{name}=" in tab.url
    # With a query, the filter narrows its results.
    narrowed = {r.url for r in search(tab, portal_url, "pháp luật", **{name: value})}
    assert narrowed <= expected


def test_choosing_a_filter_in_the_form_narrows_the_search_and_the_address(
    tab: Page, portal_url: str
) -> None:
    tab.goto(f"{portal_url}tim-kiem/?q=%C4%91%E1%BA%A5t+%C4%91ai")
    wait_for_search(tab)
    tab.get_by_text("Lọc kết quả").click()
    tab.get_by_label("Chuyên mục", exact=True).select_option("hoi-dap")
    wait_for_search(tab)
    tab.get_by_label("Tìm trên Cổng PBGDPL").press("Enter")
    wait_for_search(tab)
    results = shown(tab, portal_url)
    assert results
    assert all(" · Câu hỏi · " in r.facts for r in results)
    assert "chuyen-muc=hoi-dap" in tab.url


def test_the_address_holds_the_search_so_it_can_be_shared(tab: Page, portal_url: str) -> None:
    tab.goto(f"{portal_url}tim-kiem/")
    box = tab.get_by_label("Tìm trên Cổng PBGDPL")
    box.fill("hòa giải")
    box.press("Enter")
    status = wait_for_search(tab)
    assert status.startswith("Có ")
    shared = tab.url
    assert urllib.parse.parse_qs(urllib.parse.urlsplit(shared).query) == {"q": ["hòa giải"]}
    first = shown(tab, portal_url)[0]
    tab.goto("about:blank")
    tab.goto(shared)
    assert wait_for_search(tab) == status
    assert tab.get_by_label("Tìm trên Cổng PBGDPL").input_value() == "hòa giải"
    assert shown(tab, portal_url)[0] == first


def test_an_agency_searches_its_own_pages_and_widens_to_the_portal_in_one_click(
    tab: Page, portal_url: str
) -> None:
    own = search(tab, portal_url, "đất đai", path="ha-noi/tim-kiem/")
    assert own
    assert all(r.url.startswith("ha-noi/") for r in own)
    with tab.expect_navigation():
        tab.get_by_role("link", name="Tìm trên toàn Cổng PBGDPL").click()
    wait_for_search(tab)
    assert tab.url.startswith(f"{portal_url}tim-kiem/?q=")
    widened = shown(tab, portal_url)
    assert {r.url.split("/")[0] for r in widened} - {"ha-noi"}


def test_the_header_search_box_opens_the_sites_search(tab: Page, portal_url: str) -> None:
    tab.goto(f"{portal_url}ha-noi/")
    header = tab.get_by_role("search")
    header.get_by_label("Tìm kiếm").fill("dat dai")
    header.get_by_role("button", name="Tìm").click()
    assert wait_for_search(tab).startswith("Có ")
    assert tab.url.startswith(f"{portal_url}ha-noi/tim-kiem/?q=dat+dai")


def test_more_results_come_on_request_and_take_the_keyboard_focus(
    tab: Page, portal_url: str
) -> None:
    search(tab, portal_url)  # an empty search shows nothing and loads nothing
    assert not shown(tab, portal_url)
    tab.goto(f"{portal_url}tim-kiem/?q=ph%C3%A1p+lu%E1%BA%ADt")
    wait_for_search(tab)
    assert len(shown(tab, portal_url)) == 10
    tab.get_by_role("button", name="Xem thêm kết quả").press("Enter")
    tab.locator("#pb-search-results > li:nth-child(11) a").wait_for()
    expect(tab.locator("#pb-search-results > li:nth-child(11) a")).to_be_focused()


def test_search_works_under_a_base_path_and_without_console_errors(
    page: Page, built_portal: Path
) -> None:
    problems: list[str] = []
    page.on("console", lambda m: problems.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: problems.append(str(e)))
    with serve(built_portal, "/mirror/pbgdpl/") as root:
        results = search(page, root, "168/2024/ND-CP")
        assert results[0].url == DOCUMENT
        with page.expect_navigation():
            page.get_by_role("link", name=results[0].title).click()
        assert page.url == root + DOCUMENT
        assert "168/2024/NĐ-CP" in (page.locator("h1").text_content() or "")
    assert problems == []
