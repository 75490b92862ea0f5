"""The preview of a pull request opens from disk (file://), as a board member downloads it."""

from __future__ import annotations

import posixpath
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
from playwright.sync_api import Page

from pbgdpl.cli import main

from conftest import AS_OF, copy_portal
from htmlcheck import links_of

ITEM = "lao-cai/tin-tuc/dua-phap-luat-den-phien-cho-vung-cao/index.html"


@pytest.fixture(scope="module")
def disk_preview(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The preview of a change to lao-cai, as the review workflow builds and uploads it."""
    folder = tmp_path_factory.mktemp("preview")
    root = copy_portal(folder / "portal")
    build = ["build", "--out", str(folder / "preview"), "--as-of", AS_OF.isoformat()]
    assert main(["--root", str(root), *build, "--only", "lao-cai"]) == 0
    command = ["disk-preview", str(folder / "preview"), "--out", str(folder / "ban-xem-truoc")]
    assert main(["--root", str(root), *command]) == 0
    return folder / "ban-xem-truoc"


def test_every_link_of_the_preview_opens_a_file_or_the_portal(disk_preview: Path) -> None:
    pages = sorted(disk_preview.rglob("*.html"))
    assert len(pages) > 20
    assert not list(disk_preview.rglob("*.br"))
    to_portal = set()
    for page in pages:
        for link in links_of(page):
            parts = urlsplit(link)
            if parts.scheme:
                to_portal.add(link)
                continue
            if link.startswith("#"):
                continue
            target = posixpath.normpath(posixpath.join(page.parent.as_posix(), unquote(parts.path)))
            # From disk a folder shows a file listing, never the page: links name files.
            assert Path(target).is_file(), f"{page.relative_to(disk_preview)} → {link}"
    # Pages the preview does not hold (other agencies) and search are the portal's.
    assert "https://pbgdpl.gov.vn/tim-kiem/" in to_portal
    assert any(link.startswith("https://pbgdpl.gov.vn/ha-noi/") for link in to_portal)


def test_a_board_member_browses_the_changed_page_from_disk(disk_preview: Path, page: Page) -> None:
    failed: list[str] = []
    page.on("requestfailed", lambda request: failed.append(request.url))
    page.goto((disk_preview / ITEM).as_uri())
    assert "Bản xem trước của một đề nghị thay đổi" in page.inner_text(".pb-offline")
    assert "Đưa pháp luật đến phiên chợ vùng cao" in page.inner_text("h1")
    page.locator("main a:visible", has_text="Tin tức").first.click()
    page.wait_for_url("**/lao-cai/tin-tuc/index.html")
    page.locator("a:visible", has_text="phiên chợ vùng cao").first.click()
    page.wait_for_url(f"**/{ITEM}")
    page.locator(".pb-offline a").click()
    page.wait_for_url(disk_preview.joinpath("index.html").as_uri())
    assert page.locator("main").is_visible()
    assert [url for url in failed if url.startswith("file:")] == []


def test_a_folder_that_is_not_a_build_is_explained(tmp_path: Path, run_cli) -> None:
    status, _, err = run_cli(tmp_path, "disk-preview", "preview", "--out", "ban-xem-truoc")
    assert status == 1
    assert err.startswith("lỗi: ") and "manifest.json" in err
    assert not (tmp_path / "ban-xem-truoc").exists()
