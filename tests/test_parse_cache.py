"""The cache of parsed files: a build that finds nothing changed reads metadata, not files."""

from __future__ import annotations

import os
import shutil
import time
from pathlib import Path

import pytest

from pbgdpl.loading import parallel
from pbgdpl.loading import portal as portal_module
from pbgdpl.loading.parse_cache import CACHE_FOLDER
from pbgdpl.loading.portal import PortalLoader
from pbgdpl.model import items as items_module
from pbgdpl.validate import load_checked

from conftest import copy_portal

ITEM = "agencies/bo-tu-phap/hoi-dap/hoi-dap-ve-dang-ky-ket-hon.md"


def _load(root: Path, cache: Path) -> PortalLoader:
    loader = PortalLoader(root, cache_dir=cache)
    loader.load()
    return loader


def _titles(loader: PortalLoader) -> dict[str, str]:
    return {item.path: item.title for item in loader.portal.items}


def test_an_unchanged_portal_is_read_from_the_cache(tmp_path: Path) -> None:
    root = copy_portal(tmp_path / "portal")
    first = _load(root, tmp_path / "cache")
    second = _load(root, tmp_path / "cache")
    assert first.cache is not None and second.cache is not None
    assert first.cache.misses > 20 and second.cache.misses == 0
    assert second.portal.items == first.portal.items
    assert second.portal.pages == first.portal.pages
    assert second.portal.diagnostics == first.portal.diagnostics


def test_an_edit_with_the_same_size_and_time_is_still_seen(tmp_path: Path) -> None:
    root = copy_portal(tmp_path / "portal")
    _load(root, tmp_path / "cache")
    path = root / ITEM
    before = path.stat()
    text = path.read_text("utf-8")
    title = next(line for line in text.splitlines() if line.startswith("title:"))
    # Same length in bytes: one letter for another.
    edited = title.replace("thủ tục", "thủ tụx", 1)
    assert edited != title and len(edited.encode()) == len(title.encode())
    path.write_text(text.replace(title, edited), "utf-8")
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))
    assert path.stat().st_size == before.st_size
    assert path.stat().st_mtime_ns == before.st_mtime_ns

    loader = _load(root, tmp_path / "cache")

    assert loader.cache is not None and loader.cache.misses == 1
    assert _titles(loader)[ITEM] == "Điều kiện và thủ tụx đăng ký kết hôn"


def test_a_picture_removed_beside_an_unchanged_page_is_reported(tmp_path: Path) -> None:
    root = copy_portal(tmp_path / "portal")
    folder = (root / ITEM).parent
    (folder / "so-do.png").write_bytes(b"\x89PNG\r\n\x1a\n" + b"\0" * 64)
    with (root / ITEM).open("a", encoding="utf-8") as stream:
        stream.write("\n![Sơ đồ thủ tục](so-do.png)\n")
    assert not [d for d in _load(root, tmp_path / "cache").portal.diagnostics if d.path == ITEM]

    (folder / "so-do.png").unlink()
    loader = _load(root, tmp_path / "cache")

    assert loader.cache is not None and loader.cache.misses == 0
    found = [d for d in loader.portal.diagnostics if d.path == ITEM]
    assert [d.code for d in found] == ["image-missing"]
    assert 'Không tìm thấy ảnh "so-do.png"' in found[0].message


def test_an_attachment_removed_or_put_back_beside_an_unchanged_page_is_seen(
    tmp_path: Path,
) -> None:
    root = copy_portal(tmp_path / "portal")
    decree = "agencies/bo-nong-nghiep-va-moi-truong/van-ban-moi/nghi-dinh-102-2024-nd-cp.md"
    attachment = (root / decree).parent / "nghi-dinh-102-2024-nd-cp-tom-tat.odt"
    saved = attachment.read_bytes()
    assert [d for d in _load(root, tmp_path / "cache").portal.diagnostics if d.path == decree] == []

    attachment.unlink()
    removed = _load(root, tmp_path / "cache")
    assert removed.cache is not None and removed.cache.misses == 0
    found = [d.code for d in removed.portal.diagnostics if d.path == decree]
    assert found == ["attachment-missing"]

    attachment.write_bytes(saved)
    back = _load(root, tmp_path / "cache")
    assert [d for d in back.portal.diagnostics if d.path == decree] == []


def test_a_file_with_errors_reports_them_again_from_the_cache(tmp_path: Path) -> None:
    root = copy_portal(tmp_path / "portal")
    path = root / ITEM
    path.write_text(path.read_text("utf-8").replace("title:", "tieu_de:", 1), "utf-8")
    first = [d for d in _load(root, tmp_path / "cache").portal.diagnostics if d.path == ITEM]
    loader = _load(root, tmp_path / "cache")
    assert loader.cache is not None and loader.cache.misses == 0
    assert first and [d for d in loader.portal.diagnostics if d.path == ITEM] == first
    assert ITEM not in _titles(loader)


def test_a_new_markdown_setting_parses_every_file_again(tmp_path: Path) -> None:
    root = copy_portal(tmp_path / "portal")
    _load(root, tmp_path / "cache")
    config = root / "mkdocs.yml"
    config.write_text(config.read_text("utf-8") + "\n# một dòng chú thích\n", "utf-8")
    loader = _load(root, tmp_path / "cache")
    assert loader.cache is not None and loader.cache.hits == 0


def test_a_no_change_load_reads_no_file_once_times_are_settled(tmp_path: Path) -> None:
    root = copy_portal(tmp_path / "portal")
    cache = tmp_path / "cache"
    # Files changed within two seconds of the cache are ambiguous by their times alone
    # (RACY_NANOSECONDS): just after the copy, each file is read to compare its bytes.
    _load(root, cache)
    again = _load(root, cache)
    assert again.cache is not None and again.cache.misses == 0
    assert again.cache.read == again.cache.hits
    time.sleep(2.1)
    _load(root, cache)

    settled = _load(root, cache)

    assert settled.cache is not None and settled.cache.misses == 0
    assert settled.cache.read == 0 and settled.cache.hits > 20
    path = root / ITEM
    path.write_text(path.read_text("utf-8") + "\nMột câu mới.\n", "utf-8")
    edited = _load(root, cache)
    assert edited.cache is not None
    assert (edited.cache.read, edited.cache.misses) == (1, 1)


def _kept_files(cache: Path) -> dict[str, tuple[int, int]]:
    return {
        p.name: (p.stat().st_ino, p.stat().st_mtime_ns) for p in (cache / CACHE_FOLDER).iterdir()
    }


def test_an_edit_writes_again_only_its_agencys_part_of_the_cache(tmp_path: Path) -> None:
    root = copy_portal(tmp_path / "portal")
    cache = tmp_path / "cache"
    _load(root, cache)
    time.sleep(2.1)
    _load(root, cache)  # every file read once more, now that their times are settled
    before = _kept_files(cache)
    agencies = [p for p in (root / "agencies").iterdir() if p.is_dir()]
    # A file per agency folder, and one for content/.
    assert len(before) == len(agencies) + 1
    path = root / ITEM
    path.write_text(path.read_text("utf-8") + "\nMột câu mới.\n", "utf-8")
    edited = _load(root, cache)
    assert edited.cache is not None and (edited.cache.read, edited.cache.misses) == (1, 1)
    after = _kept_files(cache)
    assert len([name for name in before if after[name] != before[name]]) == 1
    # The edit is kept: the next load parses nothing.
    again = _load(root, cache)
    assert again.cache is not None and again.cache.misses == 0
    assert "Một câu mới." in next(i.body for i in again.portal.items if i.path == ITEM)
    # An agency removed takes its part of the cache with it.
    shutil.rmtree(root / "agencies" / "lao-cai")
    _load(root, cache)
    assert len(_kept_files(cache)) == len(agencies)


def test_a_portal_read_in_several_processes_is_the_one_read_in_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A first build parses every file: on a large portal, one process per core reads the
    # agency folders; what an editor sees (items, problems, in order) must not change.
    root = copy_portal(tmp_path / "portal")
    broken = root / ITEM
    broken.write_text(broken.read_text("utf-8").replace("title:", "tieu_de:", 1), "utf-8")
    monkeypatch.setattr(parallel, "cores", lambda: 1)
    alone = _load(root, tmp_path / "alone")
    monkeypatch.setattr(parallel, "cores", lambda: 2)
    monkeypatch.setattr(portal_module, "cores", lambda: 2)
    monkeypatch.setattr(portal_module, "MIN_FILES", 0)
    forked = os.fork
    forks: list[int] = []

    def counted_fork() -> int:
        forks.append(1)
        return forked()

    monkeypatch.setattr(os, "fork", counted_fork)
    together = _load(root, tmp_path / "together")
    monkeypatch.undo()

    assert forks, "the folders were not read in processes of their own"
    for part in ("agencies", "items", "pages", "assets", "diagnostics"):
        assert getattr(together.portal, part) == getattr(alone.portal, part), part
    assert any(d.path == ITEM for d in together.portal.diagnostics)
    # The parses made in the workers are kept: the next load parses nothing.
    assert together.cache is not None and alone.cache is not None
    assert together.cache.misses == alone.cache.misses
    again = _load(root, tmp_path / "together")
    assert again.cache is not None and again.cache.misses == 0
    assert again.portal.items == alone.portal.items


TEXT_SLIPS = """---
title: Tuyên truyền Luật Thủ đô tại các phường
date: 2026-10-02
description: Các phường tổ chức tuyên truyền Luật Thủ đô cho người dân.
---

Luật Thủ đô số 93/2024/QH15 được giới thiệu tại hội nghị ngày 30/02/2026.

Xem thêm [lịch tuyên truyền](/ha-noi/tin-tuc/khong-co-bai-nay/).
"""


def test_a_load_that_parses_nothing_scans_no_text_and_reports_the_same(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The dates, numbers and links of a text are found as it is parsed and kept with it.
    root = copy_portal(tmp_path / "portal")
    (root / "agencies/ha-noi/tin-tuc/tuyen-truyen-luat-thu-do.md").write_text(TEXT_SLIPS, "utf-8")
    first = load_checked(root, cache_dir=tmp_path / "cache")
    ours = {d.code for d in first.diagnostics if "tuyen-truyen-luat-thu-do" in d.path}
    assert {"citation-typo", "impossible-date", "link-not-found"} <= ours

    def no_scan(*_: object) -> None:
        raise AssertionError("a text was scanned again")

    monkeypatch.setattr(items_module, "scan_text", no_scan)
    monkeypatch.setattr(items_module, "links_in", no_scan)
    second = load_checked(root, cache_dir=tmp_path / "cache")
    assert second.diagnostics == first.diagnostics
