"""The review never reports fewer changes than Git holds, and shows content as inert text.

Each test acts out a pull request on a real repository of a small portal the test owns
(`sections/samples.py`), with file names and titles chosen to break a report.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable
from pathlib import Path

import pytest
from editorial_repo import git_repository
from git import Repo
from sections.samples import AGENCY, write_sample_portal

from conftest import write

EDITOR = "mauson-bientap"
NEWS = f"agencies/{AGENCY}/tin-tuc"


@pytest.fixture
def repo(tmp_path: Path) -> Repo:
    """The sample portal committed on main, with a branch `bien-tap` checked out."""
    root = write_sample_portal(tmp_path / "portal", ["tin-tuc", "hoi-dap"])
    write(root / "plugins/pbgdpl/safety/html_policy.py", "TAGS = {'p'}\n")
    repository = git_repository(root)
    repository.git.checkout("-b", "bien-tap")
    return repository


def commit(repository: Repo) -> None:
    repository.git.add(A=True)
    repository.git.commit("-m", "Thay đổi")


def table_rows(report: str) -> list[str]:
    files = report.split("### Các tệp thay đổi")[1].split("###")[0]
    rows = [line for line in files.splitlines() if line.startswith("|")]
    return rows[2:]  # after the header and its delimiter row


def cells(row: str) -> int:
    """Count the cells of a table row as GitHub does: `|` not escaped by a backslash."""
    return len(re.findall(r"(?<!\\)\|", row)) - 1


def test_odd_file_names_hide_no_other_change(
    repo: Repo, run_cli: Callable[..., tuple[int, str, str]]
) -> None:
    root = Path(str(repo.working_tree_dir))
    write(root / NEWS / "tin\nmoi.md", "---\ntitle: Tin\ndate: 2025-01-01\n---\nA.\n")
    write(root / NEWS / "a|b|c.md", "---\ntitle: Cột | thêm\ndate: 2025-01-01\n---\nB.\n")
    write(root / "content/gioi-thieu.md", "---\ntitle: Giới thiệu\n---\nC.\n")
    write(root / "plugins/pbgdpl/safety/html_policy.py", "TAGS = {'p', 'script'}\n")
    commit(repo)
    held = repo.git.diff("--name-only", "-z", "main", "HEAD").strip("\0").split("\0")

    status, report, _ = run_cli(root, "review", "main", "HEAD", "--author", EDITOR)

    assert status == 1
    assert f"- {len(held)} tệp thay đổi" in report
    rows = table_rows(report)
    assert len(rows) == len(held) == 4
    assert all(cells(row) == 5 for row in rows), rows
    assert f"{NEWS}/tin\\\\x0amoi.md" in report
    assert f"{NEWS}/a\\|b\\|c.md" in report
    assert "`plugins/pbgdpl/safety/html_policy.py` — người gửi không thuộc nhóm kỹ thuật" in report
    assert "Kết luận: chưa thể hợp nhất" in report


def test_a_name_git_cannot_give_back_is_an_error(
    repo: Repo, run_cli: Callable[..., tuple[int, str, str]]
) -> None:
    root = Path(str(repo.working_tree_dir))
    folder = os.fsencode(root / NEWS)
    with open(folder + b"/tin-\xff.md", "wb") as file:
        file.write(b"---\ntitle: Tin\ndate: 2025-01-01\n---\nA.\n")
    commit(repo)

    status, report, _ = run_cli(root, "review", "main", "HEAD", "--author", EDITOR)

    assert status == 1
    assert "[unreadable-change] Không đọc được tệp thay đổi này từ Git" in report
    assert "- 1 tệp thay đổi" in report
    assert f"`{NEWS}/tin-\\xff.md`" in report


def test_titles_link_nothing_and_ping_no_one(
    repo: Repo, run_cli: Callable[..., tuple[int, str, str]]
) -> None:
    root = Path(str(repo.working_tree_dir))
    title = "Đăng nhập https://evil.example/dang-nhap hoặc www.evil.example, hỏi @bbt-thu <b>x</b>"
    write(root / NEWS / "lua-dao.md", f"---\ntitle: {title}\ndate: 2025-01-01\n---\nA.\n")
    commit(repo)

    status, report, _ = run_cli(root, "review", "main", "HEAD", "--author", EDITOR)

    assert status == 0, report
    assert "https://" not in report and "www.evil" not in report and "@bbt" not in report
    assert (
        "Đăng nhập https:\u200b//evil.example/dang-nhap hoặc www.\u200bevil.example, "
        "hỏi @\u200bbbt-thu \\<b\\>x\\</b\\>" in report
    )
