"""Reading without a network on a phone: the service worker, used in a real Chromium.

The reader opens pages, saves a section, loses the network, then reloads, navigates and
searches what the phone kept; every kept page says the date its data holds for.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, BrowserContext, Page
from playwright.sync_api import Error as PlaywrightError

from pbgdpl.cli import main
from tests.conftest import AS_OF, serve

pytestmark = pytest.mark.long

ARTICLE = "bo-tu-phap/video/tieu-pham-con-duong-chung/"
SECTION = "ha-noi/hoi-dap/"
SECTION_ITEM = "ha-noi/hoi-dap/hoi-dap-ve-nong-do-con-khi-di-xe-may/"
NOTICE = "[data-pb-offline-notice]"
CONTROLLED = """() => navigator.serviceWorker.controller || new Promise(
  (resolve) => navigator.serviceWorker.addEventListener("controllerchange", resolve))"""
AS_OF_TEXT = f"Dữ liệu tính đến ngày {AS_OF:%d/%m/%Y}"


@pytest.fixture
def phone(browser: Browser) -> Iterator[BrowserContext]:
    """A phone-sized browser with its own storage and service workers."""
    context = browser.new_context(
        locale="vi-VN", viewport={"width": 360, "height": 740}, service_workers="allow"
    )
    yield context
    context.close()


@pytest.fixture(scope="module")
def offline_url(built_portal: Path) -> Iterator[str]:
    """The built sample portal on its own origin, so no other test's worker controls it."""
    with serve(built_portal) as url:
        yield url


def open_with_worker(page: Page, address: str) -> None:
    """Open a page and wait until the portal's service worker controls it."""
    page.goto(address)
    # wait_for_function evaluates a string, which the portal's CSP forbids.
    page.evaluate(CONTROLLED)


def test_opened_and_saved_pages_read_offline_with_their_date(
    phone: BrowserContext, offline_url: str
) -> None:
    page = phone.new_page()
    open_with_worker(page, offline_url + ARTICLE)
    page.reload()  # a page opened once the worker runs is kept
    page.goto(offline_url + SECTION)
    save = page.get_by_role("button", name="Lưu cả chuyên mục để đọc khi không có mạng")
    save.click()
    status = page.locator(".pb-save__status")
    status.filter(has_text="để đọc khi không có mạng").wait_for()
    assert status.inner_text().startswith("Đã lưu ")

    phone.set_offline(True)
    page.reload()
    notice = page.locator(NOTICE)
    assert notice.is_visible()
    assert f"tính đến ngày {AS_OF:%d/%m/%Y}" in notice.inner_text()
    # The notice comes first in the content, on the phone's first screen.
    assert notice.bounding_box()["y"] < 740
    # A page of the section the reader never opened was saved with it.
    page.get_by_role("link", name="Uống một cốc bia rồi đi xe máy có bị phạt không?").first.click()
    page.wait_for_url(offline_url + SECTION_ITEM)
    assert page.locator("h1").inner_text().startswith("Uống một cốc bia")
    assert page.locator(NOTICE).is_visible()
    page.goto(offline_url + ARTICLE)
    assert "Con đường chung" in page.locator("h1").inner_text()
    assert page.locator(NOTICE).is_visible()


def test_offline_search_finds_saved_pages_without_accents(
    phone: BrowserContext, offline_url: str
) -> None:
    page = phone.new_page()
    open_with_worker(page, offline_url + ARTICLE)
    page.get_by_role("button", name="Lưu để đọc khi không có mạng").click()
    page.locator(".pb-save__status").filter(has_text="Đã lưu 1 trang").wait_for()

    phone.set_offline(True)
    # The header's search needs the network: offline it searches the saved pages.
    page.goto(offline_url + "tim-kiem/?q=con+duong+chung")
    page.wait_for_url("**/da-luu/?q=con+duong+chung")
    results = page.locator("[data-pb-saved-list] li")
    results.first.wait_for()
    assert results.count() == 1
    assert "Con đường chung" in results.first.inner_text()
    assert AS_OF_TEXT in results.first.inner_text()
    page.get_by_label("Tìm trong các trang đã lưu").fill("cốc bia")
    page.get_by_role("button", name="Tìm", exact=True).click()
    page.get_by_role("status").filter(has_text="0 trong 1 trang").wait_for()

    # A page never opened nor saved says so, and offers what is saved.
    page.goto(offline_url + SECTION_ITEM)
    missing = page.locator("[data-pb-saved-missing]")
    missing.wait_for()
    assert "chưa được lưu trên máy này" in missing.inner_text()
    results.first.wait_for()
    page.get_by_role("link", name="Tiểu phẩm “Con đường chung”", exact=False).click()
    page.wait_for_url(offline_url + ARTICLE)


def test_online_pages_come_from_the_network(phone: BrowserContext, offline_url: str) -> None:
    page = phone.new_page()
    open_with_worker(page, offline_url + ARTICLE)
    page.reload()
    assert page.locator(NOTICE).count() == 0


CACHES = """async () => ({
  caches: await caches.keys(),
  workers: (await navigator.serviceWorker.getRegistrations()).length,
})"""


def build(root: Path, as_of: str = AS_OF.isoformat()) -> Path:
    out = root / "site"
    assert main(["--root", str(root), "build", "--out", str(out), "--as-of", as_of]) == 0
    return out


def test_kill_switch_clears_the_phone_and_stops_offering(
    phone: BrowserContext, portal_copy: Path
) -> None:
    out = build(portal_copy)
    with serve(out) as url:
        page = phone.new_page()
        open_with_worker(page, url + ARTICLE)
        page.reload()
        assert page.evaluate(CACHES)["workers"] == 1

        settings = portal_copy / "content" / "portal.yml"
        settings.write_text(settings.read_text("utf-8") + "offline_reading: false\n", "utf-8")
        build(portal_copy)
        # The browser checks sw.js on the next visit; the kill switch empties the phone.
        page.goto(url + ARTICLE)
        state = None
        for _ in range(50):
            try:
                state = page.evaluate(CACHES)
            except PlaywrightError:
                # The dying worker reloads the pages it controlled: ask again once it has.
                page.wait_for_load_state()
                continue
            if not state["caches"] and not state["workers"]:
                break
            page.wait_for_timeout(100)
        assert state == {"caches": [], "workers": 0}
        for _ in range(3):
            try:
                page.goto(url + ARTICLE)
                break
            except PlaywrightError:
                # The worker's own reload of the page may still be under way: let it end.
                page.wait_for_load_state()
        assert page.get_by_role("button", name="Lưu để đọc khi không có mạng").count() == 0
        assert page.get_by_role("link", name="Trang đã lưu để đọc khi không có mạng").count() == 0


def test_a_new_build_gives_the_worker_a_new_version(portal_copy: Path) -> None:
    first = (build(portal_copy) / "sw.js").read_text("utf-8")
    assert first == (build(portal_copy) / "sw.js").read_text("utf-8")
    later = (build(portal_copy, "2026-11-24") / "sw.js").read_text("utf-8")
    assert first.splitlines()[0] != later.splitlines()[0]
    assert first.startswith('var VERSION = "')
