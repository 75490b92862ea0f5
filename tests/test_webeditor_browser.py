"""An editor without IT training writes in the browser, as `make editor` runs it.

Chromium over the local Git backend (decap-server) in a repository the test makes. A Q&A
item: a missing required field is shown in Vietnamese and blocks saving; the item, with a
picture uploaded through the form, is saved as a `cms/…` branch and submitted for review;
that branch passes `validate` with 0 errors and its built page shows the item and its
picture. The same for a province's legal document with its facts (number, type, issuer
chosen among the province's own bodies, dates, fields of law), and for withdrawing a
published item.
"""

from __future__ import annotations

import re
import zlib
from collections.abc import Iterator
from pathlib import Path

import pytest
from git import Repo
from playwright.sync_api import Page, expect
from sections.samples import AGENCY, SAMPLES, write_sample_portal

from pbgdpl.cli import main
from pbgdpl.webeditor.local import LocalEditor, free_port, local_editor

from conftest import REPO, write

pytestmark = pytest.mark.long

TITLE = "Hội nghị tập huấn Luật Đất đai có cần đăng ký trước?"
SLUG = "hoi-nghi-tap-huan-luat-dat-dai-co-can-dang-ky-truoc"
BRANCH = f"cms/hoi-dap/{SLUG}"


def png(width: int, height: int) -> bytes:
    """Return a small red PNG picture, as a phone camera's photo would be, only smaller."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return len(data).to_bytes(4, "big") + body + zlib.crc32(body).to_bytes(4, "big")

    header = width.to_bytes(4, "big") + height.to_bytes(4, "big") + bytes([8, 2, 0, 0, 0])
    rows = b"".join(b"\x00" + b"\xcc\x22\x22" * width for _ in range(height))
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(rows))
        + chunk(b"IEND", b"")
    )


@pytest.fixture
def repository(tmp_path: Path) -> Repo:
    """A portal committed on main in a new Git repository: one agency keeping Q&A and news,
    and the province of Lào Cai keeping legal documents and news."""
    root = write_sample_portal(tmp_path / "portal", ["hoi-dap", "tin-tuc"])
    write(
        root / "agencies/lao-cai/agency.yml",
        "slug: lao-cai\nname: Tỉnh Lào Cai\nkind: province\n"
        "contacts: {email: stp@laocai.gov.vn}\neditors: [laocai-bientap]\n"
        "sections: [van-ban-moi, tin-tuc]\n",
    )
    # A small upload limit, so that a picture over it is quick to make.
    settings = root / "content/portal.yml"
    settings.write_text(settings.read_text("utf-8") + "max_attachment_mb: 1\n", "utf-8")
    (root / "node_modules").symlink_to(REPO / "node_modules")
    (root / ".gitignore").write_text("node_modules\n", "utf-8")
    repository = Repo.init(root, initial_branch="main")
    with repository.config_writer() as config:
        config.set_value("user", "name", "Biên tập viên")
        config.set_value("user", "email", "bientap@example.vn")
    repository.git.add(A=True)
    repository.git.commit("-m", "Khởi tạo cổng")
    return repository


@pytest.fixture
def editor(repository: Repo, tmp_path: Path) -> Iterator[LocalEditor]:
    """`make editor`'s two servers over the repository, on free ports of 127.0.0.1."""
    root = Path(repository.working_dir)
    with local_editor(root, tmp_path / "editor", free_port(), free_port()) as running:
        yield running


def test_an_editor_writes_a_question_with_a_picture_and_submits_it(
    editor: LocalEditor, repository: Repo, page: Page, tmp_path: Path
) -> None:
    page.set_default_timeout(20_000)
    picture = tmp_path / "Ảnh Hội nghị.png"
    picture.write_bytes(png(40, 30))

    page.goto(f"{editor.url}{AGENCY}/")
    page.get_by_role("button", name="Đăng nhập").click()
    # The agency's own sections, and only those.
    expect(page.get_by_role("link", name="Tin tức, hoạt động")).to_be_visible()
    expect(page.get_by_role("link", name="Văn bản mới có hiệu lực")).to_have_count(0)
    page.get_by_role("link", name="Hỏi đáp pháp luật").click()
    page.get_by_role("link", name="câu hỏi").click()

    # Saving an empty form is refused, in Vietnamese, naming each missing field.
    save = page.get_by_role("button", name="Lưu", exact=True)
    save.click()
    expect(page.get_by_text("Tiêu đề bắt buộc nhập.")).to_be_visible()
    expect(page.get_by_text("Câu hỏi bắt buộc nhập.")).to_be_visible()
    expect(page.get_by_text("Bạn còn thiếu vài thông tin bắt buộc")).to_be_visible()

    page.get_by_label("Tiêu đề").fill(TITLE)
    page.get_by_label("Ngày đăng").fill("2026-11-20")
    page.get_by_label("Câu hỏi", exact=True).fill("Tôi muốn dự hội nghị thì đăng ký ở đâu?")
    page.locator('[data-slate-editor="true"]').first.click()
    page.keyboard.type("Bạn đăng ký tại Sở Tư pháp.")
    page.locator('button[title="Thêm ảnh"]').click()
    page.get_by_role("menuitem", name="Hình ảnh").click()
    page.get_by_role("button", name="Chọn một hình").click()
    # A picture over the portal's limit is refused before it is sent, in Vietnamese.
    refused: list[str] = []
    page.once("dialog", lambda dialog: (refused.append(dialog.message), dialog.dismiss()))
    too_large = tmp_path / "anh-qua-lon.png"
    too_large.write_bytes(png(40, 30) + bytes(1_100_000))
    page.locator('input[type="file"]').set_input_files(too_large)
    for _ in range(50):
        if refused:
            break
        page.wait_for_timeout(100)
    assert refused and refused[0].startswith("Tập tin quá lớn.")
    page.locator('input[type="file"]').set_input_files(picture)
    # The upload gets a safe name: lower case, no accents, no spaces.
    expect(page.get_by_text("anh-hoi-nghi.png")).to_be_visible()
    page.get_by_role("button", name="Lấy những cái đã chọn").click()

    # The preview pane shows the item as the portal's page will, in the portal's CSS.
    preview = page.frame_locator("iframe").first
    expect(preview.get_by_role("heading", name=TITLE)).to_be_visible()
    expect(preview.get_by_text("Câu hỏi · đăng ngày 20/11/2026")).to_be_visible()
    expect(preview.locator('link[href$="preview/portal.css"]')).to_have_count(1)

    save.click()
    expect(page.get_by_text("Thay đổi đã được lưu")).to_be_visible()
    page.get_by_role("button", name="Trạng: Bản nháp").click()
    page.get_by_role("menuitem", name="Đang xét duyệt").click()
    expect(page.get_by_role("button", name="Trạng: Đang xét duyệt")).to_be_visible()

    # The branch holds the item and the picture, with a Vietnamese commit message.
    assert repository.git.config(f"branch.{BRANCH}.description") == "decap-cms/pending_review"
    commit = repository.commit(BRANCH)
    assert commit.message.startswith(f"Thêm câu hỏi “{SLUG}”")
    folder = f"agencies/{AGENCY}/hoi-dap"
    assert sorted(commit.stats.files) == [f"{folder}/anh-hoi-nghi.png", f"{folder}/{SLUG}.md"]

    root = Path(repository.working_dir)
    repository.git.checkout(BRANCH)
    assert main(["--root", str(root), "validate"]) == 0
    out = tmp_path / "site"
    assert main(["--root", str(root), "build", "--out", str(out), "--only", AGENCY]) == 0
    built = (out / AGENCY / "hoi-dap" / SLUG / "index.html").read_text("utf-8")
    assert f">{TITLE}<" in built
    assert 'src="../anh-hoi-nghi.png"' in built
    assert (out / AGENCY / "hoi-dap" / "anh-hoi-nghi.png").read_bytes() == picture.read_bytes()


def choose(page: Page, label: str, value: str) -> None:
    """Pick `value` in a select of the form, typing part of it as an editor does."""
    page.get_by_label(label, exact=True).click()
    page.keyboard.type(value[:20])
    page.get_by_role("option", name=value, exact=True).click()


def submit_for_review(page: Page) -> None:
    save = page.get_by_role("button", name="Lưu", exact=True)
    save.click()
    expect(page.get_by_text("Thay đổi đã được lưu")).to_be_visible()
    page.get_by_role("button", name="Trạng: Bản nháp").click()
    page.get_by_role("menuitem", name="Đang xét duyệt").click()
    expect(page.get_by_role("button", name="Trạng: Đang xét duyệt")).to_be_visible()


def validate_and_build(repository: Repo, branch: str, out: Path, agency: str) -> Path:
    """Check out the editor's branch; assert it validates with 0 errors and builds."""
    root = Path(repository.working_dir)
    repository.git.checkout(branch)
    assert main(["--root", str(root), "validate"]) == 0
    build = ["build", "--out", str(out), "--only", agency, "--as-of", "2026-12-15"]
    assert main(["--root", str(root), *build]) == 0
    return out


DOCUMENT_TITLE = "Kế hoạch phổ biến pháp luật cho đồng bào vùng cao năm 2025"
DOCUMENT_SLUG = "ke-hoach-pho-bien-phap-luat-cho-dong-bao-vung-cao-nam-2025"
ISSUER = "Ủy ban nhân dân tỉnh Lào Cai"


def test_a_province_enters_a_legal_document_with_its_facts(
    editor: LocalEditor, repository: Repo, page: Page, tmp_path: Path
) -> None:
    page.set_default_timeout(20_000)
    page.goto(f"{editor.url}lao-cai/")
    page.get_by_role("button", name="Đăng nhập").click()
    page.get_by_role("link", name="Văn bản mới có hiệu lực").click()
    page.get_by_role("link", name="Tạo bài thuộc loại văn bản").click()

    # Decap's own controls speak Vietnamese too: no English button is left in the form.
    english = re.compile(r"^(Add|Expand|Collapse|Set .* to now|Toggle|Sync|Account|Remove)\b")
    expect(page.get_by_role("button", name=english)).to_have_count(0)

    save = page.get_by_role("button", name="Lưu", exact=True)
    save.click()
    for label in ("Số ký hiệu", "Loại văn bản", "Cơ quan ban hành", "Ngày ban hành", "Trích yếu"):
        expect(page.get_by_text(f"{label} bắt buộc nhập.")).to_be_visible()

    page.get_by_label("Tiêu đề").fill(DOCUMENT_TITLE)
    page.get_by_label("Số ký hiệu", exact=True).fill("52 KH-UBND")
    choose(page, "Loại văn bản", "Kế hoạch")
    # The province's own bodies are offered, in their standard spelling; no other province's.
    page.get_by_label("Cơ quan ban hành", exact=True).click()
    page.keyboard.type("Hà Nội")
    expect(page.get_by_role("option")).to_have_count(0)
    page.keyboard.press("Escape")
    page.get_by_label("Cơ quan ban hành", exact=True).fill("")
    choose(page, "Cơ quan ban hành", ISSUER)
    page.get_by_label("Người ký", exact=True).fill("Nông Đức Hạnh")
    page.get_by_label("Ngày ban hành", exact=True).fill("2025-03-04")
    page.get_by_label("Ngày có hiệu lực", exact=True).fill("2025-03-04")
    choose(page, "Lĩnh vực", "Dân tộc")
    page.get_by_label("Trích yếu", exact=True).fill("Phổ biến pháp luật cho đồng bào vùng cao")
    page.locator('[data-slate-editor="true"]').first.click()
    page.keyboard.type("Ủy ban nhân dân tỉnh ban hành kế hoạch.")

    # A number written with a space is refused in the form, with how to write it.
    save.click()
    expect(
        page.get_by_text("Số ký hiệu: Số ký hiệu viết dạng số/năm/ký hiệu (145/2020/NĐ-CP)")
    ).to_be_visible()
    number = page.get_by_label("Số ký hiệu", exact=True)
    number.press("Control+A")
    number.press_sequentially("52/KH-UBND")

    # The preview shows the document's facts as its page will.
    preview = page.frame_locator("iframe").first
    expect(preview.get_by_role("heading", name=DOCUMENT_TITLE)).to_be_visible()
    expect(preview.get_by_text("52/KH-UBND")).to_be_visible()
    expect(preview.get_by_text(ISSUER)).to_be_visible()
    expect(preview.get_by_text("04/03/2025").first).to_be_visible()

    submit_for_review(page)
    branch = f"cms/van-ban-moi/{DOCUMENT_SLUG}"
    commit = repository.commit(branch)
    assert commit.message.startswith(f"Thêm văn bản “{DOCUMENT_SLUG}”")
    assert list(commit.stats.files) == [f"agencies/lao-cai/van-ban-moi/{DOCUMENT_SLUG}.md"]
    out = validate_and_build(repository, branch, tmp_path / "site", "lao-cai")
    built = (out / "lao-cai/van-ban-moi" / DOCUMENT_SLUG / "index.html").read_text("utf-8")
    for fact in ("52/KH-UBND", ISSUER, "Kế hoạch", "Nông Đức Hạnh", "04/03/2025"):
        assert fact in built, fact


def test_an_editor_withdraws_a_published_question_with_its_reason(
    editor: LocalEditor, repository: Repo, page: Page, tmp_path: Path
) -> None:
    page.set_default_timeout(20_000)
    name, text = SAMPLES["hoi-dap"]
    title = text.split("title: ")[1].split("\n")[0]
    page.goto(f"{editor.url}{AGENCY}/")
    page.get_by_role("button", name="Đăng nhập").click()
    page.get_by_role("link", name="Hỏi đáp pháp luật").click()
    page.get_by_text(title).click()

    # The withdrawal pair is folded away: most items never need it.
    withdrawal = page.get_by_text("Thôi đăng", exact=True).locator("xpath=..")
    withdrawal.get_by_role("button", name="Mở ra").click()
    page.get_by_label("Ngày thôi đăng").fill("2026-12-01")
    reason = "Mức phạt đã thay đổi; xem câu trả lời mới."
    page.get_by_label("Lý do thôi đăng").fill(reason)
    preview = page.frame_locator("iframe").first
    expect(preview.get_by_text("Đã thôi đăng từ ngày 01/12/2026")).to_be_visible()

    submit_for_review(page)
    branch = f"cms/hoi-dap/{name}"
    commit = repository.commit(branch)
    assert commit.message.startswith(f"Sửa câu hỏi “{name}”")
    out = validate_and_build(repository, branch, tmp_path / "site", AGENCY)
    # The page stays at its address with the notice and the reason; the listing drops it.
    page_html = (out / AGENCY / "hoi-dap" / name / "index.html").read_text("utf-8")
    assert "01/12/2026" in page_html and reason in page_html
    listing = (out / AGENCY / "hoi-dap" / "index.html").read_text("utf-8")
    assert f"{name}/" not in listing
