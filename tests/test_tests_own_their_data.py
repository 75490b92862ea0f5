"""The tests own their data: valid editorial changes to the live content never fail them.

Editors change agencies/ and content/ every day. The tests read their own frozen portal
(tests/fixtures/portal), and conftest refuses any read of the live folders. Here a copy of
the repository gets a day's worth of valid editorial changes in its live folders: the live
checks (`validate`) accept them, and the tests that look at content collect the same tests
and pass, in that copy, unchanged.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import FIXTURE, REPO, write

pytestmark = pytest.mark.long

# The repository parts the test suite needs, besides the content.
SUITE_PARTS = (
    "tests",
    "theme",
    "mkdocs.yml",
    "build.py",
    "pyproject.toml",
    "schemas",
    "benchmarks",
    ".github",
    "README.md",
)
# Modules that read portal content without a browser: the ones once tied to the live folders.
CONTENT_TESTS = (
    "tests/test_schemas.py",
    "tests/test_legal_registry.py",
    "tests/test_followup_statistics.py",
    "tests/test_publishing_opendata.py",
)
SCHEDULED = """---
title: Thông báo lịch tiếp công dân tháng 12 năm 2026
date: 2026-11-30
publish_at: 2099-12-01T08:00
description: Lịch tiếp công dân định kỳ của Sở Tư pháp.
---
Sở Tư pháp thông báo lịch tiếp công dân định kỳ tháng 12 năm 2026.
"""
NEW_ITEM = """---
title: Tọa đàm về hòa giải ở cơ sở tại phường Hoàn Kiếm
date: 2026-11-21
description: Hòa giải viên trao đổi kinh nghiệm hòa giải tranh chấp đất đai.
---
Sáng 21/11, phường Hoàn Kiếm tổ chức tọa đàm về hòa giải ở cơ sở.
"""


INTRODUCTION = """\
---
title: Giới thiệu Trang thông tin phổ biến, giáo dục pháp luật tỉnh Quảng Ninh
---
Trang do Sở Tư pháp tỉnh Quảng Ninh quản lý, đăng văn bản mới, hỏi đáp và tin hoạt động.
"""


def run(command: list[str], cwd: Path) -> subprocess.CompletedProcess[str]:
    """Run a command of the copy; its own temporary folder keeps it apart from this run's."""
    env = {**os.environ, "PYTHONDONTWRITEBYTECODE": "1"}
    return subprocess.run(command, cwd=cwd, capture_output=True, text=True, check=False, env=env)


def edit(path: Path, old: str, new: str) -> None:
    """Replace `old` by `new` in a file, exactly once."""
    text = path.read_text("utf-8")
    assert text.count(old) == 1, (path, old)
    path.write_text(text.replace(old, new, 1), "utf-8")


def editorial_day(root: Path) -> None:
    """Make valid editorial changes: draft, scheduled, withdrawn, new, deleted, new agency."""
    agencies = root / "agencies"
    news = agencies / "ha-noi/tin-tuc"
    edit(
        news / "boi-duong-hoa-giai-vien-nam-2026.md",
        "date: 2026-08-06\n",
        "date: 2026-08-06\ndraft: true\n",
    )
    write(news / "lich-tiep-cong-dan-thang-12.md", SCHEDULED)
    write(news / "toa-dam-hoa-giai-hoan-kiem.md", NEW_ITEM)
    (agencies / "lao-cai/tin-tuc/dua-phap-luat-den-phien-cho-vung-cao.md").unlink()
    edit(
        agencies / "ha-noi/van-ban-moi/ke-hoach-ngay-phap-luat-2026.md",
        "\n---\n",
        '\nwithdrawn: {date: 2026-11-20, reason: "Đã có kế hoạch thay thế."}\n---\n',
    )
    made = run(
        [
            sys.executable,
            "build.py",
            "new",
            "agency",
            "quang-ninh",
            "--name",
            "Tỉnh Quảng Ninh",
            "--kind",
            "province",
            "--editors",
            "quangninh-stp-moi",
        ],
        root,
    )
    assert made.returncode == 0, made.stderr
    # The editor writes the new site's introduction in place of the template's text.
    write(agencies / "quang-ninh/index.md", INTRODUCTION)
    write(agencies / "quang-ninh/tin-tuc/ra-mat-trang-pbgdpl.md", NEW_ITEM)


@pytest.fixture(scope="module")
def changed_repository(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of the repository whose live content has had a day of valid editorial changes."""
    root = tmp_path_factory.mktemp("editorial-day") / "repo"
    for name in SUITE_PARTS:
        source = REPO / name
        ignore = shutil.ignore_patterns("__pycache__", "out")
        if source.is_dir():
            shutil.copytree(source, root / name, ignore=ignore)
        else:
            shutil.copy2(source, root / name)
    # Today's live content is the fixture's copy; the live folders are never read by a test.
    for name in ("agencies", "content"):
        shutil.copytree(FIXTURE / name, root / name)
    editorial_day(root)
    return root


def test_a_test_cannot_read_the_live_content() -> None:
    with pytest.raises(PermissionError, match="tests/fixtures/portal"):
        (REPO / "content" / "portal.yml").read_text("utf-8")
    with pytest.raises(PermissionError, match="never live content"):
        list((REPO / "agencies").iterdir())


def test_the_editorial_changes_are_valid_content(changed_repository: Path) -> None:
    checked = run([sys.executable, "build.py", "validate"], changed_repository)
    assert checked.returncode == 0, checked.stdout + checked.stderr


def test_the_suite_collects_the_same_tests_after_editorial_changes(
    changed_repository: Path,
) -> None:
    collect = [sys.executable, "-m", "pytest", "--collect-only", "-q", "-p", "no:cacheprovider"]
    before = run(collect, REPO)
    after = run(collect, changed_repository)
    assert after.returncode == 0, after.stdout[-2000:]
    assert after.stdout.splitlines()[:-1] == before.stdout.splitlines()[:-1]


def test_content_tests_pass_after_editorial_changes(
    changed_repository: Path, tmp_path: Path
) -> None:
    tested = run(
        [
            sys.executable,
            "-m",
            "pytest",
            "-q",
            "-p",
            "no:cacheprovider",
            f"--basetemp={tmp_path / 'pytest'}",
            *CONTENT_TESTS,
        ],
        changed_repository,
    )
    assert tested.returncode == 0, tested.stdout[-3000:]
