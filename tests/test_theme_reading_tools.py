"""The reading tools of every article, used in a real headless Chromium."""

from __future__ import annotations

from urllib.parse import quote

from playwright.sync_api import Page

ARTICLE = "bo-tu-phap/video/tieu-pham-con-duong-chung/"
OTHER_ARTICLE = "ha-noi/hoi-dap/"
FAKE_SPEECH = """
(() => {
  const spoken = [];
  const voices = %s;
  window.__spoken = spoken;
  Object.defineProperty(window, "speechSynthesis", {configurable: true, value: {
    getVoices: () => voices,
    speak: (utterance) => spoken.push({text: utterance.text, lang: utterance.lang}),
    cancel: () => {},
    addEventListener: () => {},
  }});
  window.SpeechSynthesisUtterance = class { constructor(text) { this.text = text; } };
})();
"""


def open_tools(page: Page, address: str) -> None:
    """Open an article and unfold its one control of reading tools."""
    page.goto(address)
    page.get_by_text("Cỡ chữ, nghe đọc, in, chia sẻ").click()


def text_size(page: Page) -> float:
    return page.eval_on_selector(".md-typeset", "e => parseFloat(getComputedStyle(e).fontSize)")


def test_text_size_is_kept_across_pages(page: Page, portal_url: str) -> None:
    open_tools(page, portal_url + ARTICLE)
    normal = text_size(page)
    page.get_by_role("button", name="A+ Tăng cỡ chữ").click()
    page.get_by_role("button", name="A+ Tăng cỡ chữ").click()
    assert text_size(page) > normal * 1.25
    assert page.get_by_role("status").first.inner_text() == "Cỡ chữ: lớn hơn."

    page.goto(portal_url + OTHER_ARTICLE)
    assert text_size(page) > normal * 1.25
    open_tools(page, portal_url + ARTICLE)
    page.get_by_role("button", name="A Cỡ chữ mặc định").click()
    page.goto(portal_url + OTHER_ARTICLE)
    assert text_size(page) == normal


def test_print_shows_the_article_alone_with_its_address(page: Page, portal_url: str) -> None:
    page.goto(portal_url + ARTICLE)
    page.emulate_media(media="print")
    for hidden in (".pb-header", ".pb-tools", ".pb-sidenav", ".pb-breadcrumbs", ".pb-video"):
        assert page.eval_on_selector(hidden, "e => getComputedStyle(e).display") == "none", hidden
    assert page.locator("h1").is_visible()
    source = page.locator(".pb-print-source")
    assert source.is_visible()
    assert portal_url + ARTICLE in source.inner_text()
    page.emulate_media(media="screen")
    assert not source.is_visible()
    assert page.locator(".pb-tools").is_visible()


def test_share_links_carry_the_page_address(page: Page, portal_url: str) -> None:
    open_tools(page, portal_url + ARTICLE + "#pb-content")
    address = portal_url + ARTICLE
    encoded = quote(address, safe="")
    share = page.get_by_role("group", name="Chia sẻ")
    mail = share.get_by_role("link", name="Gửi thư").get_attribute("href")
    assert mail.startswith("mailto:?subject=") and encoded in mail
    facebook = share.get_by_role("link", name="Facebook").get_attribute("href")
    assert facebook == "https://www.facebook.com/sharer/sharer.php?u=" + encoded
    zalo = share.get_by_role("link", name="Zalo").get_attribute("href")
    assert zalo.startswith("https://sp.zalo.me/") and zalo.endswith(encoded)


def test_copy_link_puts_the_page_address_on_the_clipboard(page: Page, portal_url: str) -> None:
    page.context.grant_permissions(["clipboard-read", "clipboard-write"])
    open_tools(page, portal_url + ARTICLE)
    page.get_by_role("button", name="Chép liên kết").click()
    assert page.get_by_role("status").first.inner_text() == "Đã chép liên kết của bài."
    assert page.evaluate("navigator.clipboard.readText()") == portal_url + ARTICLE


def test_read_aloud_is_hidden_without_a_vietnamese_voice(page: Page, portal_url: str) -> None:
    page.add_init_script(FAKE_SPEECH % '[{"lang": "en-US", "name": "English"}]')
    open_tools(page, portal_url + ARTICLE)
    assert page.get_by_role("button", name="In bài").is_visible()
    assert page.locator(".pb-tools").is_visible()
    assert not page.locator("[data-pb-read]").is_visible()


def test_read_aloud_reads_the_article_in_vietnamese(page: Page, portal_url: str) -> None:
    page.add_init_script(FAKE_SPEECH % '[{"lang": "vi-VN", "name": "Tiếng Việt"}]')
    open_tools(page, portal_url + ARTICLE)
    reader = page.get_by_role("button", name="Nghe đọc bài")
    reader.click()
    assert reader.get_attribute("aria-pressed") == "true"
    spoken = page.evaluate("window.__spoken")
    assert {s["lang"] for s in spoken} == {"vi-VN"}
    assert spoken[0]["text"] == page.locator("h1").inner_text()
    assert not any("Tăng cỡ chữ" in s["text"] for s in spoken)
