"""Pages on a cheap phone (360 × 740) in a real Chromium: first screen, tables, charts, anchors.

The portal here is the tests' own (`sections/samples.py`, one agency, one item a section)
plus one Q&A answer with a wide fines table and headings spelled with "đ". It is served
by `build.py serve`'s own server, so the pages arrive compressed as a citizen gets them.
"""

from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Browser, Page
from sections.samples import AGENCY, SAMPLES, write_sample_portal

from pbgdpl.cli import main
from pbgdpl.publishing.preview import preview_server

from conftest import write

AS_OF = dt.date(2025, 6, 1)
PHONE = {"width": 360, "height": 740}
ANSWER = f"{AGENCY}/hoi-dap/muc-phat-nong-do-con/"
ANSWER_TEXT = """\
---
title: Mức phạt khi điều khiển xe máy có nồng độ cồn
date: 2025-03-01
cau_hoi: Đi xe máy sau khi uống rượu bị phạt bao nhiêu tiền?
nguoi_hoi: Chị Lan, phường Mẫu Sơn
linh_vuc: [Giao thông vận tải]
---
## Phân tích, giải đáp

Người điều khiển xe máy có nồng độ cồn bị xử phạt theo bảng sau.

| Mức | Nồng độ cồn | Phạt thấp nhất | Phạt cao nhất | Trừ điểm | Căn cứ | Hình thức bổ sung |
|---|---|---|---|---|---|---|
| Mức 1 | ≤0,25mg/lít | 2.000.000đ | 3.000.000đ | 4 | Khoản 6 Điều 7 | Trừ điểm |
| Mức 2 | 0,25–0,4mg/lít | 6.000.000đ | 8.000.000đ | 10 | Khoản 8 Điều 7 | Trừ điểm |
| Mức 3 | >0,4mg/lít | 8.000.000đ | 10.000.000đ | — | Khoản 10 Điều 7 | Tước giấy phép lái xe |

## Quyền sử dụng đất của gia đình ông

Nội dung không liên quan đến bảng, để trang đủ dài.
"""


@pytest.fixture(scope="module")
def phone_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The tests' portal with the wide-table answer, built once; its output folder."""
    root = write_sample_portal(tmp_path_factory.mktemp("phone") / "portal", list(SAMPLES))
    write(root / "agencies" / AGENCY / "hoi-dap" / "muc-phat-nong-do-con.md", ANSWER_TEXT)
    out = root / "site"
    status = main(["--root", str(root), "build", "--out", str(out), "--as-of", AS_OF.isoformat()])
    assert status == 0
    return out


@pytest.fixture(scope="module")
def site_url(phone_site: Path) -> Iterator[str]:
    """The built portal served by `build.py serve`'s server; its root URL."""
    with preview_server(phone_site) as server:
        thread = threading.Thread(target=server.serve_forever, daemon=True)
        thread.start()
        yield f"http://127.0.0.1:{server.server_address[1]}/"
        server.shutdown()


@pytest.fixture
def phone(browser: Browser) -> Iterator[Page]:
    """A browser tab the size of a cheap phone."""
    context = browser.new_context(locale="vi-VN", viewport=PHONE)
    tab = context.new_page()
    yield tab
    context.close()


def smallest_text(page: Page) -> list[str]:
    """Return the visible texts drawn smaller than 12 px (SVG text by its drawn height)."""
    return page.evaluate(
        """() => {
          const small = [];
          for (const element of document.querySelectorAll("body *")) {
            const own = [...element.childNodes].some(n => n.nodeType === 3 && n.textContent.trim());
            if (!own || !element.checkVisibility()) continue;
            const size = element instanceof SVGElement
              ? element.getBoundingClientRect().height * 12 / 14
              : parseFloat(getComputedStyle(element).fontSize);
            if (size < 11.9) small.push(`${element.tagName} ${size.toFixed(1)}px`);
          }
          return small;
        }"""
    )


def test_the_first_screen_shows_the_title_and_the_start_of_the_answer(
    phone: Page, site_url: str
) -> None:
    phone.goto(site_url + ANSWER)
    assert phone.locator("h1").bounding_box()["y"] + 40 < PHONE["height"]
    question = phone.locator(".pb-question, blockquote").first
    assert question.bounding_box()["y"] < PHONE["height"], "the answer starts below the fold"
    # The eight reading and sharing tools are one control until the reader opens it.
    assert not phone.get_by_role("button", name="In bài").is_visible()
    phone.get_by_text("Cỡ chữ, nghe đọc, in, chia sẻ").click()
    assert phone.get_by_role("button", name="In bài").is_visible()
    assert phone.get_by_role("link", name="Tìm kiếm").is_visible()
    assert phone.evaluate("document.documentElement.scrollWidth") == PHONE["width"]


def test_a_wide_table_scrolls_in_a_named_region_that_the_keyboard_reaches(
    phone: Page, site_url: str
) -> None:
    phone.goto(site_url + ANSWER)
    region = phone.get_by_role("region", name="Bảng 1: Mức, Nồng độ cồn, Phạt thấp nhất")
    table = region.get_by_role("table")
    assert table.get_by_role("columnheader", name="Hình thức bổ sung").count() == 1
    assert region.evaluate("r => r.scrollWidth > r.clientWidth"), "the table fits: no test"
    assert phone.evaluate("document.documentElement.scrollWidth") == PHONE["width"]
    region.focus()
    phone.keyboard.press("ArrowRight")
    phone.keyboard.press("End")
    # The keys scroll the region (asynchronously in Chromium: wait for it, up to 5 s).
    region.evaluate(
        "r => new Promise((done, fail) => { const start = Date.now(); (function check() {"
        " if (r.scrollLeft > 0) done(); else if (Date.now() - start > 5000) fail('no scroll');"
        " else requestAnimationFrame(check); })(); })"
    )
    violations = Axe().run(phone).response["violations"]
    assert [v["id"] for v in violations] == []


def test_headings_keep_d_in_their_anchors_and_old_anchors_still_land(
    phone: Page, site_url: str
) -> None:
    phone.goto(site_url + ANSWER)
    heading = phone.get_by_role("heading", name="Phân tích, giải đáp")
    assert heading.get_attribute("id") == "m-phan-tich-giai-dap"
    later = phone.get_by_role("heading", name="Quyền sử dụng đất của gia đình ông")
    assert later.get_attribute("id") == "m-quyen-su-dung-dat-cua-gia-dinh-ong"
    # The spelling published before the fix still scrolls the heading into view.
    phone.goto(site_url + ANSWER + "#quyen-su-dung-at-cua-gia-inh-ong")
    box = later.bounding_box()
    assert -5 < box["y"] < PHONE["height"]


def test_no_text_is_smaller_than_12_px_on_a_phone(phone: Page, site_url: str) -> None:
    small = {}
    for path in ("", f"{AGENCY}/", ANSWER, "tinh-hinh-cap-nhat/", "thong-ke/", "tim-kiem/"):
        phone.goto(site_url + path)
        found = smallest_text(phone)
        if found:
            small[path] = found[:5]
    assert small == {}


def test_the_dashboard_is_a_list_of_compact_cards_on_a_phone(phone: Page, site_url: str) -> None:
    phone.goto(site_url + "tinh-hinh-cap-nhat/")
    assert phone.evaluate("document.documentElement.scrollWidth") == PHONE["width"]
    rows = phone.locator("#pb-dashboard-table tbody tr")
    heights = rows.evaluate_all("rows => rows.map(r => r.getBoundingClientRect().height)")
    assert len(heights) > 20
    # An agency is a few lines, not a tall table row: name, kind, standing, what to fix.
    assert sorted(heights)[len(heights) // 2] < 100
    caption = phone.locator("#pb-dashboard-table caption")
    assert caption.evaluate("c => c.scrollWidth <= c.clientWidth")
    badge = rows.first.locator(".pb-standing")
    box, card = badge.bounding_box(), rows.first.bounding_box()
    assert box["x"] + box["width"] <= card["x"] + card["width"]
    # Filtering works from the form, with a button for those who press it.
    phone.get_by_label("Tìm đơn vị").fill("mau son")
    phone.get_by_role("button", name="Lọc").click()
    assert phone.locator("#pb-dashboard-table tbody tr:visible").count() == 1


FOLLOW_UP = (
    "tinh-hinh-cap-nhat/",
    f"tinh-hinh-cap-nhat/don-vi/{AGENCY}/",
    "tinh-hinh-cap-nhat/don-vi/bo-cong-an/",
    "tinh-hinh-cap-nhat/cach-danh-gia/",
    "tinh-hinh-cap-nhat/pho-bien-van-ban/",
    "thong-ke/",
    "thong-ke/2024/",
    "thong-ke/2024/so-cuoc-truc-tiep/",
)


@pytest.mark.parametrize("path", FOLLOW_UP)
def test_each_follow_up_page_fits_a_phone(phone: Page, site_url: str, path: str) -> None:
    response = phone.goto(site_url + path)
    assert response is not None and response.ok, path
    title = phone.locator("h1").bounding_box()
    assert title is not None and title["y"] + title["height"] < PHONE["height"]
    assert phone.evaluate("document.documentElement.scrollWidth") == PHONE["width"]
    assert smallest_text(phone) == []
    violations = Axe().run(phone).response["violations"]
    assert [v["id"] for v in violations] == []
