"""What the theme puts on built pages: languages, directory, web app files, and the editors'
side of the interactive sections (quiz questions, question targets, English pages)."""

from __future__ import annotations

import json
import re
from pathlib import Path

from conftest import write

CONTEST = "agencies/bo-tu-phap/cuoc-thi/cuoc-thi-tim-hieu-phap-luat-ngay-phap-luat-2026.md"


def html_lang(page: Path) -> str:
    match = re.search(r'<html lang="([^"]+)"', page.read_text("utf-8"))
    assert match, page
    return match.group(1)


def section_of(html: str, heading: str) -> str:
    """Return the HTML from an h2/h3 with `heading` to the next heading of any level."""
    start = html.index(f">{heading}<")
    end = re.search(r"<h[23][ >]", html[start:])
    return html[start : start + end.start()] if end else html[start:]


def test_english_pages_say_lang_en_and_give_contacts(built_portal: Path) -> None:
    assert html_lang(built_portal / "index.html") == "vi"
    assert html_lang(built_portal / "bo-tu-phap/index.html") == "vi"
    assert html_lang(built_portal / "en/index.html") == "en"
    for slug in ("bo-tu-phap", "lao-cai"):
        page = built_portal / slug / "en/index.html"
        assert html_lang(page) == "en", slug
        html = page.read_text("utf-8")
        assert '<header class="pb-header" lang="vi"' in html
        assert "<h2>Contact</h2>" in html
        assert 'href="mailto:' in html
    assert "<h1>About Ministry of Justice</h1>" in (
        built_portal / "bo-tu-phap/en/index.html"
    ).read_text("utf-8")
    assert "<h1>About Tỉnh Lào Cai</h1>" in (built_portal / "lao-cai/en/index.html").read_text(
        "utf-8"
    )


def test_every_page_links_to_the_english_page_of_its_site(built_portal: Path) -> None:
    home = (built_portal / "index.html").read_text("utf-8")
    assert 'href="./en/" hreflang="en" lang="en">English</a>' in home
    document = next((built_portal / "ha-noi/van-ban-moi").glob("*/index.html"))
    assert 'href="../../../ha-noi/en/" hreflang="en"' in document.read_text("utf-8")


def test_directory_groups_agencies_by_kind_and_provinces_by_region(built_portal: Path) -> None:
    html = (built_portal / "don-vi/index.html").read_text("utf-8")
    kinds = re.findall(r'<h2 id="(\w+)">', html)
    assert kinds == ["ministry", "organisation", "province"]
    assert "Thành phố Hà Nội" in section_of(html, "Miền Bắc")
    assert "Tỉnh Lào Cai" in section_of(html, "Miền Bắc")
    assert "Tỉnh Nghệ An" in section_of(html, "Miền Trung và Tây Nguyên")
    assert "Thành phố Hồ Chí Minh" in section_of(html, "Miền Nam")


def test_the_portal_installs_as_a_web_app(built_portal: Path) -> None:
    assets = built_portal / "assets/pbgdpl"
    manifest = json.loads((assets / "manifest.webmanifest").read_text("utf-8"))
    assert manifest["display"] == "standalone" and manifest["lang"] == "vi"
    sizes = {icon["sizes"] for icon in manifest["icons"]}
    assert {"192x192", "512x512"} <= sizes
    for icon in manifest["icons"]:
        assert (assets / icon["src"]).is_file(), icon
    for page in (built_portal / "index.html", built_portal / "bo-y-te/hoi-dap/index.html"):
        html = page.read_text("utf-8")
        assert "assets/pbgdpl/manifest.webmanifest" in html
        assert '<meta name="viewport" content="width=device-width,initial-scale=1">' in html


def test_pages_load_no_material_javascript_and_no_third_party_asset(built_portal: Path) -> None:
    for page in (built_portal / "index.html", built_portal / "bo-tu-phap/video/index.html"):
        html = page.read_text("utf-8")
        assert "bundle." not in html and "__md_scope" not in html
        scripts = re.findall(r"<script[^>]*\ssrc=\"([^\"]+)\"", html)
        styles = re.findall(r"<link[^>]*rel=\"stylesheet\"[^>]*href=\"([^\"]+)\"", html)
        images = re.findall(r"<img[^>]*\ssrc=\"([^\"]+)\"", html)
        assert any(s.endswith("assets/pbgdpl/reading-tools.js") for s in scripts)
        fetched = [*scripts, *styles, *images]
        assert [s for s in fetched if s.startswith(("http:", "https:", "//"))] == [], page


def test_a_wrong_quiz_question_is_reported_with_its_number(portal_copy: Path, run_cli) -> None:
    path = portal_copy / CONTEST
    text = path.read_text("utf-8").replace(
        "    dap_an: B\n    giai_thich: Mỗi tổ", "    dap_an: E\n    giai_thich: Mỗi tổ"
    )
    write(path, text)
    status, out, _ = run_cli(portal_copy, "validate", "--format", "json")
    problems = [p for p in json.loads(out) if p["code"] == "invalid-quiz"]
    assert status == 1
    assert len(problems) == 1
    assert problems[0]["path"] == CONTEST
    assert problems[0]["message"].startswith(
        'Câu hỏi thứ 2 của "trac_nghiem" (Câu hỏi trắc nghiệm tự chấm điểm): '
        '"dap_an" phải là một chữ cái trong A, B, C, D.'
    )
    line = text.splitlines().index("trac_nghiem:") + 1
    assert problems[0]["line"] == line


def test_agency_question_target_and_english_page_are_checked(portal_copy: Path, run_cli) -> None:
    config = portal_copy / "agencies/lao-cai/agency.yml"
    text = config.read_text("utf-8")
    write(config, text + "send_question: hỏi đáp ở xã\nenglish: {about: Lao Cai}\n")
    status, out, _ = run_cli(portal_copy, "validate", "--format", "json")
    codes = {p["code"]: p["message"] for p in json.loads(out)}
    assert status == 1
    assert codes["invalid-question-target"].startswith(
        'Trường "send_question" (Nơi nhận câu hỏi của người dân) phải là một địa chỉ thư điện tử'
    )
    assert '"name" (tên tiếng Anh, bắt buộc)' in codes["invalid-english-page"]


def test_case_studies_link_the_documents_they_cite(built_portal: Path) -> None:
    page = built_portal / "bo-tu-phap/tinh-huong/tinh-huong-tranh-chap-ranh-gioi-dat-giua-hai-ho"
    cited = section_of((page / "index.html").read_text("utf-8"), "Văn bản được viện dẫn")
    law = "../../../bo-nong-nghiep-va-moi-truong/van-ban-moi/luat-dat-dai-31-2024-qh15/"
    assert f'<a href="{law}">Luật Đất đai số 31/2024/QH15</a>' in cited
    assert (page / law / "index.html").resolve().is_file()
    # A cited number the portal has no page for stays plain text.
    assert 'Văn bản số <span class="pb-doc-number">35/2013/QH13</span>' in cited


def test_a_picture_named_like_the_video_is_its_still(portal_copy: Path, run_cli) -> None:
    video = "agencies/bo-tu-phap/video/tieu-pham-con-duong-chung"
    (portal_copy / f"{video}.webp").write_bytes(b"RIFF\x00\x00\x00\x00WEBPVP8 ")
    out = portal_copy / "site"
    status, _, _ = run_cli(
        portal_copy, "build", "--only", "bo-tu-phap", "--out", str(out), "--as-of", "2026-11-23"
    )
    assert status == 0
    page = out / "bo-tu-phap/video/tieu-pham-con-duong-chung/index.html"
    still = '<img src="../tieu-pham-con-duong-chung.webp" alt="" width="640" height="360">'
    assert still in page.read_text("utf-8")
    assert (page.parent.parent / "tieu-pham-con-duong-chung.webp").is_file()
