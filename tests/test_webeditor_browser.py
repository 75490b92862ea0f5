"""An editor without IT training writes a Q&A item in the browser, as `make editor` runs it.

One Chromium session over the local Git backend (decap-server) in a repository the test
makes: a missing required field is shown in Vietnamese and blocks saving; the item, with
a picture uploaded through the form, is saved as a `cms/…` branch and submitted for
review; that branch passes `validate` with 0 errors and its built page shows the item and
its picture.
"""

from __future__ import annotations

import zlib
from collections.abc import Iterator
from pathlib import Path

import pytest
from git import Repo
from playwright.sync_api import Page, expect
from sections.samples import AGENCY, write_sample_portal

from pbgdpl.cli import main
from pbgdpl.webeditor.local import LocalEditor, free_port, local_editor

from conftest import REPO

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
    """A portal of one agency (Q&A and news) committed on main in a new Git repository."""
    root = write_sample_portal(tmp_path / "portal", ["hoi-dap", "tin-tuc"])
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
    page.locator('button[title="Add Component"]').click()
    page.get_by_role("menuitem", name="Image").click()
    page.get_by_role("button", name="Chọn một hình").click()
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
