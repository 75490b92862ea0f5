"""The manifest of a build, `verify` on copies, and builds that give the same bytes."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
import shutil
import subprocess
from pathlib import Path

from pbgdpl.publishing.manifest import published_files, source_commit
from pbgdpl.publishing.output import CACHE_DIR

from conftest import AS_OF, copy_portal, write


def published_digests(root: Path) -> dict[str, str]:
    return {
        name: hashlib.sha256((root / name).read_bytes()).hexdigest()
        for name in published_files(root)
    }


def test_manifest_lists_every_published_file_with_size_and_sha256(built_portal: Path) -> None:
    manifest = json.loads((built_portal / "manifest.json").read_text("utf-8"))
    listed = manifest["files"]
    on_disk = {
        p.relative_to(built_portal).as_posix()
        for p in built_portal.rglob("*")
        if p.is_file() and p.relative_to(built_portal).parts[0] != CACHE_DIR
    }
    # Everything but the manifest itself and the build's own bookkeeping and cache.
    bookkeeping = {"manifest.json", ".pbgdpl-build.json"}
    assert set(listed) == on_disk - bookkeeping
    for name in ("index.html", "feed.xml", "sitemap.xml", "_headers", "du-lieu-mo/van-ban.csv"):
        data = (built_portal / name).read_bytes()
        assert listed[name] == {"size": len(data), "sha256": hashlib.sha256(data).hexdigest()}
    assert manifest["as_of"] == AS_OF.isoformat()
    assert manifest["expires"] == (AS_OF + dt.timedelta(days=30)).isoformat()
    assert manifest["source_commit"] == "unknown"  # the test portal is a copy, not a checkout
    assert manifest["base_url"] == "https://pbgdpl.gov.vn/"


def test_source_commit_names_the_checkout_and_says_when_it_was_changed(tmp_path: Path) -> None:
    repo = tmp_path / "repo"
    write(repo / "content" / "index.md", "# Trang chủ\n")
    git = ["git", "-C", str(repo), "-c", "user.name=BBT", "-c", "user.email=bbt@example.vn"]
    subprocess.run([*git, "init", "-q"], check=True)
    assert source_commit(repo) == "unknown"  # no commit yet
    subprocess.run([*git, "add", "."], check=True)
    subprocess.run([*git, "commit", "-q", "-m", "Trang chủ"], check=True)
    head = subprocess.run(
        [*git, "rev-parse", "HEAD"], check=True, capture_output=True, text=True
    ).stdout.strip()
    assert source_commit(repo) == head
    write(repo / "shard-1" / "index.html", "<p>kết quả dựng</p>")
    assert source_commit(repo) == head  # an output folder is not a source
    write(repo / "content" / "moi.md", "# Trang mới\n")
    assert source_commit(repo) == f"{head}-dirty"
    (repo / "content" / "moi.md").unlink()
    write(repo / "content" / "index.md", "# Trang chủ mới\n")
    assert source_commit(repo) == f"{head}-dirty"


def test_verify_passes_an_intact_copy(built_portal: Path, tmp_path: Path, run_cli) -> None:
    copy = shutil.copytree(built_portal, tmp_path / "mirror")
    status, out, _ = run_cli(tmp_path, "verify", str(copy), "--today", "2026-12-01")
    assert status == 0
    assert "không tệp nào bị thay đổi" in out
    assert "dữ liệu tính đến ngày 23/11/2026, hạn dùng đến ngày 23/12/2026" in out


def test_verify_names_altered_missing_and_extra_files(
    built_portal: Path, tmp_path: Path, run_cli
) -> None:
    copy = shutil.copytree(built_portal, tmp_path / "mirror")
    page = copy / "bo-tu-phap" / "index.html"
    page.write_text(page.read_text("utf-8").replace("Bộ Tư pháp", "Bộ Tư Pháp giả"), "utf-8")
    (copy / "van-ban-moi" / "index.html").unlink()
    write(copy / "quang-cao.html", "<p>Không thuộc cổng</p>")
    status, out, _ = run_cli(tmp_path, "verify", str(copy), "--today", "2026-12-01")
    assert status == 1
    assert "tệp bị thay đổi: bo-tu-phap/index.html" in out
    assert "thiếu tệp: van-ban-moi/index.html" in out
    assert "tệp không có trong bản kê: quang-cao.html" in out
    assert "KHÔNG khớp bản kê: thiếu 1, thay đổi 1, thừa 1 tệp" in out


def test_verify_reports_a_copy_past_its_expiry(built_portal: Path, run_cli) -> None:
    status, out, _ = run_cli(built_portal, "verify", str(built_portal), "--today", "2026-12-24")
    assert status == 1
    assert "bản sao đã hết hạn" in out and "hạn dùng đến ngày 23/12/2026" in out
    assert "không tệp nào bị thay đổi" in out


def test_verify_refuses_a_folder_without_manifest(tmp_path: Path, run_cli) -> None:
    status, _, err = run_cli(tmp_path, "verify", str(tmp_path))
    assert status == 1 and "không có bản kê manifest.json" in err


def test_two_builds_of_the_same_sources_are_byte_identical(
    built_portal: Path, tmp_path: Path, run_cli
) -> None:
    # Another copy in another folder, built with one process: only the inputs may matter.
    root = copy_portal(tmp_path / "elsewhere" / "portal")
    out = tmp_path / "second"
    status, _, _ = run_cli(
        root, "build", "--out", str(out), "--as-of", AS_OF.isoformat(), "--jobs", "1"
    )
    assert status == 0
    assert published_digests(out) == published_digests(built_portal)
    assert (out / "manifest.json").read_bytes() == (built_portal / "manifest.json").read_bytes()


def test_an_incremental_build_rewrites_the_portal_wide_files(
    portal_copy: Path, tmp_path: Path, run_cli
) -> None:
    out = tmp_path / "site"
    assert run_cli(portal_copy, "build", "--out", str(out), "--as-of", AS_OF.isoformat())[0] == 0
    item = sorted((portal_copy / "agencies" / "lao-cai" / "tin-tuc").glob("*.md"))[0]
    text = item.read_text("utf-8")
    old_title = next(line for line in text.splitlines() if line.startswith("title:"))
    item.write_text(text.replace(old_title, "title: Tin mới sửa ở Lào Cai"), "utf-8")
    status, report, _ = run_cli(
        portal_copy, "build", "--out", str(out), "--as-of", AS_OF.isoformat()
    )
    assert status == 0 and re.search(r"giữ nguyên [1-9]\d* trang không đổi", report)
    old_title = old_title.removeprefix("title:").strip().strip('"')
    for name in (
        "feed.xml",
        "lao-cai/feed.json",
        "lao-cai/tin-tuc/feed.xml",
        "tin-tuc/feed.xml",
        "du-lieu-mo/bai-viet.csv",
        "du-lieu-mo/bai-viet.json",
    ):
        written = (out / name).read_text("utf-8")
        assert "Tin mới sửa ở Lào Cai" in written, name
        assert old_title not in written, name
    # The manifest was written after them, and still describes every file.
    assert run_cli(portal_copy, "verify", str(out), "--today", AS_OF.isoformat())[0] == 0
