"""The interactive sections in a real headless Chromium: quiz, video, Q&A and dialogues."""

from __future__ import annotations

from urllib.parse import urlsplit

import yaml
from playwright.sync_api import Page

from conftest import FIXTURE

CONTEST = "bo-tu-phap/cuoc-thi/cuoc-thi-tim-hieu-phap-luat-ngay-phap-luat-2026/"
VIDEO = "bo-tu-phap/video/tieu-pham-con-duong-chung/"
VIDEO_HOSTS = ("youtube.com", "youtube-nocookie.com", "ytimg.com", "googlevideo.com", "youtu.be")


def agency_config(slug: str) -> dict:
    return yaml.safe_load((FIXTURE / "agencies" / slug / "agency.yml").read_text("utf-8"))


def tab_to(page: Page, selector: str, limit: int = 150) -> None:
    """Press Tab until the element matching `selector` has the focus, as a keyboard user."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate("s => document.activeElement.matches(s)", selector):
            return
    raise AssertionError(f"Tab never reached {selector}")


def test_quiz_is_answered_and_scored_with_the_keyboard_only(page: Page, portal_url: str) -> None:
    page.goto(portal_url + CONTEST)
    tab_to(page, "#cau-1-a")
    page.keyboard.press("ArrowDown")  # question 1: B, right
    page.keyboard.press("Tab")
    page.keyboard.press("ArrowDown")  # question 2: B, right
    page.keyboard.press("Tab")
    page.keyboard.press("Space")  # question 3: A, wrong
    page.keyboard.press("Tab")  # question 4: left unanswered
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == "Chấm điểm"
    page.keyboard.press("Enter")

    score = page.locator("[data-pb-score]")
    assert score.inner_text() == "Kết quả: đúng 2/4 câu (1 câu chưa trả lời)."
    assert page.evaluate("document.activeElement.matches('[data-pb-score]')")
    questions = page.locator(".pb-quiz__question")
    assert questions.nth(0).locator("[data-pb-verdict]").inner_text() == "Đúng."
    third = questions.nth(2)
    assert third.locator("[data-pb-verdict]").inner_text() == "Chưa đúng: bạn chọn A."
    assert "Đáp án đúng: B." in third.inner_text()
    assert "Căn cứ pháp lý: Điều 58" in third.inner_text()
    assert questions.nth(3).locator("[data-pb-verdict]").inner_text() == "Chưa trả lời."

    tab_to(page, "button[type=reset]")
    page.keyboard.press("Enter")
    assert not score.is_visible()
    assert not third.locator("[data-pb-feedback]").is_visible()


def test_quiz_keeps_nothing_and_sends_nothing(page: Page, portal_url: str) -> None:
    requests: list[str] = []
    page.goto(portal_url + CONTEST, wait_until="networkidle")
    page.on("request", lambda request: requests.append(request.url))
    page.locator("#cau-1-b").check()
    page.get_by_role("button", name="Chấm điểm").click()
    assert page.locator("[data-pb-score]").inner_text().startswith("Kết quả: đúng 1/4")
    # Chromium fetches the tab's icon by itself, sometimes after network idle: not the quiz's.
    icon = page.evaluate("document.querySelector('link[rel~=icon]').href")
    assert [url for url in requests if url != icon] == []
    assert page.evaluate("localStorage.length + sessionStorage.length") == 0
    assert page.evaluate("document.cookie") == ""


def test_video_host_gets_no_request_before_the_click(page: Page, portal_url: str) -> None:
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    # The player's page is answered locally: the test needs no network.
    page.route(
        "https://www.youtube-nocookie.com/**",
        lambda route: route.fulfill(
            body="<!doctype html><title>player</title>", content_type="text/html"
        ),
    )
    page.goto(portal_url + VIDEO)
    page.wait_for_load_state("networkidle")
    assert [u for u in requests if urlsplit(u).hostname.endswith(VIDEO_HOSTS)] == []
    assert page.locator("iframe").count() == 0
    transcript = page.get_by_role("heading", name="Nội dung video")
    assert transcript.is_visible()

    tab_to(page, ".pb-video__still")
    with page.expect_request("https://www.youtube-nocookie.com/**") as played:
        page.keyboard.press("Enter")
    assert played.value.url.startswith("https://www.youtube-nocookie.com/embed/Qm7tR2vLx9E")
    player = page.locator(".pb-video iframe")
    assert player.get_attribute("title").startswith("Video: Tiểu phẩm")


def test_send_question_goes_where_the_agency_says(page: Page, portal_url: str) -> None:
    form = agency_config("bo-tu-phap")["send_question"]
    page.goto(portal_url + "bo-tu-phap/hoi-dap/")
    assert page.get_by_role("link", name="Gửi câu hỏi").get_attribute("href") == form

    mailbox = agency_config("ha-noi")["send_question"]
    page.goto(portal_url + "ha-noi/hoi-dap/")
    link = page.get_by_role("link", name="Gửi câu hỏi").get_attribute("href")
    assert link.startswith(f"mailto:{mailbox}?subject=")
    answer = page.locator(".pb-items__title").first
    answer.click()
    assert page.get_by_role("link", name="Gửi câu hỏi").get_attribute("href") == link

    fallback = agency_config("bo-y-te")
    assert "send_question" not in fallback
    page.goto(portal_url + "bo-y-te/hoi-dap/")
    link = page.get_by_role("link", name="Gửi câu hỏi").get_attribute("href")
    assert link.startswith(f"mailto:{fallback['contacts']['email']}?subject=")


def test_questions_are_listed_by_field_of_law(page: Page, portal_url: str) -> None:
    page.goto(portal_url + "bo-tu-phap/hoi-dap/")
    fields = page.get_by_role("navigation", name="Lĩnh vực").get_by_role("link")
    names = fields.all_inner_texts()
    assert "Hộ tịch" in names and "Đất đai" in names
    fields.filter(has_text="Hộ tịch").click()
    group = page.locator("section.pb-field-group", has=page.locator("h2", has_text="Hộ tịch"))
    assert group.locator(".pb-items__title").count() >= 1
    assert page.evaluate("location.hash") == "#linh-vuc-ho-tich"
    # A question under several fields is listed in each, with its summary the first time only.
    summaries = page.evaluate(
        """() => [...document.querySelectorAll(".pb-field-group .pb-items__entry")]
          .filter(e => e.querySelector(".pb-items__summary"))
          .map(e => e.querySelector(".pb-items__title").getAttribute("href"))"""
    )
    entries = page.locator(".pb-field-group .pb-items__title").count()
    assert summaries and len(summaries) == len(set(summaries)) < entries


def test_dialogues_are_upcoming_or_held_as_of_the_build_date(page: Page, portal_url: str) -> None:
    page.goto(portal_url + "bo-tu-phap/doi-thoai-chinh-sach/")
    upcoming = page.locator("section", has=page.get_by_role("heading", name="Sắp diễn ra"))
    held = page.locator("section", has=page.get_by_role("heading", name="Đã tổ chức và kết quả"))
    assert "Trợ giúp pháp lý cho người dân vùng cao" in upcoming.inner_text()
    assert "Chuyển đổi số" in held.inner_text()
    assert "Chuyển đổi số" not in upcoming.inner_text()
    upcoming.get_by_role("link").first.click()
    assert page.locator(".pb-status").inner_text().startswith("Sắp diễn ra ngày 10/12/2026.")


def test_every_page_type_fits_a_360_px_phone(page: Page, portal_url: str) -> None:
    page.set_viewport_size({"width": 360, "height": 740})
    wide = []
    for path in (
        "",
        "don-vi/",
        "bo-tu-phap/",
        "bo-tu-phap/hoi-dap/",
        CONTEST,
        VIDEO,
        "bo-tu-phap/van-ban-moi/",
        "ha-noi/en/",
        "en/",
    ):
        page.goto(portal_url + path)
        if page.evaluate("document.documentElement.scrollWidth") > 360:
            wide.append(path)
        menu = page.get_by_role("navigation", name="Chuyên mục của trang")
        assert menu.get_by_role("link").first.is_hidden(), path  # folded away until asked
    assert wide == []
    menu.get_by_text("Chuyên mục", exact=True).click()
    assert menu.get_by_role("link", name="Trang chủ").is_visible()
