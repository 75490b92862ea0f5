"""Take the README's screenshots of the web editor with Debian's Chromium (no account needed).

Run: .venv/bin/python docs/screenshots.py (after `make editor` has installed Decap CMS). It
copies the sample portal into a temporary Git repository, starts the editor over it as
`make editor` does, and writes docs/bien-tap/*.png.
"""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

from git import Repo
from playwright.sync_api import sync_playwright

from pbgdpl.webeditor.local import free_port, local_editor

REPO = Path(__file__).resolve().parent.parent
OUT = REPO / "docs" / "bien-tap"
AGENCY = "ha-noi"


def sample_repository(folder: Path) -> Path:
    """Copy the sample portal into `folder` and commit it, as an agency's checkout would be."""
    root = folder / "portal"
    for name in ("content", "agencies", "theme", "mkdocs.yml"):
        source = REPO / name
        copy = shutil.copytree if source.is_dir() else shutil.copy2
        copy(source, root / name)
    (root / "node_modules").symlink_to(REPO / "node_modules")
    (root / ".gitignore").write_text("node_modules\n", "utf-8")
    repository = Repo.init(root, initial_branch="main")
    repository.git.add(A=True)
    repository.git.commit("-m", "Cổng mẫu", author="Biên tập viên <bientap@example.vn>")
    return root


def main() -> None:
    """Write the three screenshots the README shows."""
    OUT.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as temporary:
        root = sample_repository(Path(temporary))
        with (
            local_editor(root, Path(temporary) / "editor", free_port(), free_port()) as editor,
            sync_playwright() as playwright,
        ):
            browser = playwright.chromium.launch(
                executable_path=shutil.which("chromium"), args=["--no-sandbox"]
            )
            page = browser.new_page(viewport={"width": 1280, "height": 800}, locale="vi-VN")
            page.goto(f"{editor.url}{AGENCY}/")
            page.get_by_role("button", name="Đăng nhập").click()
            page.get_by_role("link", name="Hỏi đáp pháp luật").click()
            page.get_by_role("link", name="câu hỏi").wait_for()
            page.get_by_text("Đang tải").wait_for(state="detached")
            page.screenshot(path=OUT / "danh-sach.png")
            page.get_by_role("link", name="câu hỏi").click()
            save = page.get_by_role("button", name="Lưu", exact=True)
            save.click()
            page.get_by_text("Tiêu đề bắt buộc nhập.").wait_for()
            page.screenshot(path=OUT / "bao-loi.png")
            page.get_by_label("close").click()  # the toast that named the missing fields
            page.get_by_label("Tiêu đề").fill("Con có được thừa kế quyền sử dụng đất không?")
            page.get_by_label("Câu hỏi", exact=True).fill(
                "Cha mẹ tôi mất không để lại di chúc. Tôi có được thừa kế đất không?"
            )
            page.locator('[data-slate-editor="true"]').first.click()
            page.keyboard.type("Có. Theo Bộ luật Dân sự, con là người thừa kế hàng thứ nhất.")
            page.frame_locator("iframe").first.get_by_text("Có. Theo Bộ luật").wait_for()
            page.screenshot(path=OUT / "bieu-mau.png")
            browser.close()
    print(f"Đã ghi ảnh vào {OUT.relative_to(REPO)}/")


if __name__ == "__main__":
    main()
