"""The offline package: the whole portal to serve, or one agency's site to open from disk."""

from __future__ import annotations

import posixpath
import shutil
import tarfile
import zipfile
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
from playwright.sync_api import Page

from conftest import AS_OF
from htmlcheck import links_of

TODAY = "2026-11-24"


@pytest.fixture(scope="module")
def agency_zip(built_portal: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The package of bo-tu-phap, unpacked; returns its site/ folder."""
    from pbgdpl.cli import main

    folder = tmp_path_factory.mktemp("package")
    archive = folder / "bo-tu-phap.zip"
    assert (
        main(
            [
                "mirror",
                "--site",
                str(built_portal),
                "--only",
                "bo-tu-phap",
                "--out",
                str(archive),
                "--today",
                TODAY,
            ]
        )
        == 0
    )
    with zipfile.ZipFile(archive) as package:
        package.extractall(folder / "unpacked")
    return folder / "unpacked" / f"pbgdpl-bo-tu-phap-{AS_OF.isoformat()}" / "site"


def test_the_whole_portal_package_is_reproducible_and_says_how_to_serve_it(
    built_portal: Path, tmp_path: Path, run_cli
) -> None:
    first, second = tmp_path / "a.tar.gz", tmp_path / "b.tar.gz"
    for archive in (first, second):
        status, out, _ = run_cli(
            built_portal,
            "mirror",
            "--site",
            str(built_portal),
            "--out",
            str(archive),
            "--today",
            TODAY,
        )
        assert status == 0, out
    assert first.read_bytes() == second.read_bytes()
    with tarfile.open(first) as tar:
        members = tar.getmembers()
        assert {m.mtime for m in members} == {members[0].mtime}
        top = f"pbgdpl-{AS_OF.isoformat()}"
        assert members[0].name == f"{top}/README.txt"
        readme = tar.extractfile(members[0]).read().decode()  # type: ignore[union-attr]
        tar.extractall(tmp_path / "unpacked", filter="data")
    assert "python3 -m http.server --directory site 8000" in readme
    assert "hạn dùng đến ngày 23/12/2026" in readme
    status, out, _ = run_cli(
        tmp_path, "verify", str(tmp_path / "unpacked" / top / "site"), "--today", TODAY
    )
    assert status == 0, out


def test_a_portal_that_differs_from_its_manifest_is_not_packaged(
    built_portal: Path, tmp_path: Path, run_cli
) -> None:
    copy = shutil.copytree(built_portal, tmp_path / "site")
    (copy / "robots.txt").write_text("User-agent: *\nDisallow: /\n", "utf-8")
    status, _, err = run_cli(
        tmp_path, "mirror", "--site", str(copy), "--out", str(tmp_path / "x.zip")
    )
    assert status == 1 and "tệp bị thay đổi: robots.txt" in err
    assert not (tmp_path / "x.zip").exists()


@pytest.mark.parametrize(
    ("only", "name", "message"),
    [
        ("bo-khong-co", "goi.zip", 'không có trang thành phần "bo-khong-co"'),
        ("bo-tu-phap", "goi.rar", "phải kết thúc bằng .zip, .tar.gz hoặc .tgz"),
    ],
)
def test_a_bad_package_request_is_refused(
    built_portal: Path, tmp_path: Path, run_cli, only: str, name: str, message: str
) -> None:
    status, _, err = run_cli(
        tmp_path,
        "mirror",
        "--site",
        str(built_portal),
        "--only",
        only,
        "--out",
        str(tmp_path / name),
    )
    assert status == 1 and message in err
    assert not (tmp_path / name).exists()


def test_the_agency_package_is_reproducible_and_verifies(
    built_portal: Path, agency_zip: Path, tmp_path: Path, run_cli
) -> None:
    again = tmp_path / "again.zip"
    assert (
        run_cli(
            tmp_path,
            "mirror",
            "--site",
            str(built_portal),
            "--only",
            "bo-tu-phap",
            "--out",
            str(again),
            "--today",
            TODAY,
        )[0]
        == 0
    )
    original = agency_zip.parent.parent.parent / "bo-tu-phap.zip"
    assert again.read_bytes() == original.read_bytes()
    status, out, _ = run_cli(tmp_path, "verify", str(agency_zip), "--today", TODAY)
    assert status == 0, out
    # Only this agency's pages: no other agency, no national page.
    assert sorted(p.name for p in agency_zip.iterdir() if p.is_dir()) == ["assets", "bo-tu-phap"]


def test_every_link_of_the_agency_package_opens_a_file_from_disk(agency_zip: Path) -> None:
    pages = sorted(agency_zip.rglob("*.html"))
    assert len(pages) > 20
    for page in pages:
        for link in links_of(page):
            parts = urlsplit(link)
            if parts.scheme or link.startswith("#"):
                continue  # external: the portal online, mail, phone
            target = posixpath.normpath(posixpath.join(page.parent.as_posix(), unquote(parts.path)))
            # From disk a folder shows a file listing, never the page: links name files.
            assert Path(target).is_file(), f"{page.relative_to(agency_zip)} → {link}"


def test_the_agency_package_navigates_and_searches_from_disk(agency_zip: Path, page: Page) -> None:
    failed: list[str] = []
    page.on("requestfailed", lambda request: failed.append(request.url))
    page.goto((agency_zip / "index.html").as_uri())
    page.wait_for_url("**/bo-tu-phap/index.html")
    assert "Bản sao ngoại tuyến của trang Bộ Tư pháp" in page.inner_text(".pb-offline")
    page.locator("a:visible", has_text="Hỏi đáp pháp luật").first.click()
    page.wait_for_url("**/bo-tu-phap/hoi-dap/index.html")
    page.locator("a:visible", has_text="đăng ký kết hôn").first.click()
    page.wait_for_url("**/bo-tu-phap/hoi-dap/*/index.html")
    assert "đăng ký kết hôn" in page.inner_text("h1")
    page.locator(".pb-offline a", has_text="Tìm kiếm trong bản sao").click()
    page.wait_for_url("**/tim-kiem.html")
    # Typed without accents, "đ" as "d": the question on marriage comes first.
    page.fill("input[name=q]", "dang ky ket hon")
    page.click("button[type=submit]")
    page.wait_for_url("**/tim-kiem.html?q=dang+ky+ket+hon")
    assert "kết quả" in page.inner_text("[data-pb-offline-status]")
    first = page.locator("[data-pb-offline-results] a").first
    assert first.inner_text() == "Điều kiện và thủ tục đăng ký kết hôn"
    accented = page.url.replace("dang+ky+ket+hon", "%C4%91%C4%83ng+k%C3%BD+k%E1%BA%BFt+h%C3%B4n")
    unaccented = page.locator("[data-pb-offline-results] a").all_inner_texts()
    page.goto(accented)
    assert page.locator("[data-pb-offline-results] a").all_inner_texts() == unaccented
    page.locator("[data-pb-offline-results] a").first.click()
    page.wait_for_url("**/bo-tu-phap/hoi-dap/hoi-dap-ve-dang-ky-ket-hon/index.html")
    assert failed == []


def test_the_agency_package_search_page_looks_like_the_portal(agency_zip: Path, page: Page) -> None:
    failed: list[str] = []
    page.on("requestfailed", lambda request: failed.append(request.url))
    page.set_viewport_size({"width": 360, "height": 740})
    page.goto((agency_zip / "tim-kiem.html").as_uri())
    # The portal's masthead with the agency's name, and its stylesheet applied.
    assert "Bộ Tư pháp" in page.locator(".pb-brand").inner_text()
    rule = page.eval_on_selector(".pb-header", "e => getComputedStyle(e).borderBottomWidth")
    assert rule == "3px"  # the portal's red rule under the header, from portal.css
    # The title and the search box are on a phone's first screen, at a readable size.
    for target in ("h1", "input[name=q]"):
        box = page.locator(target).bounding_box()
        assert box is not None and box["y"] + box["height"] < 740, target
    size = page.eval_on_selector("label[for=q]", "e => parseFloat(getComputedStyle(e).fontSize)")
    assert size >= 12
    assert failed == []
