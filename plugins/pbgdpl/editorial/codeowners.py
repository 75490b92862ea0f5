"""CODEOWNERS from the roles kept in the repository: who must approve a change where.

On GitHub the approval of any one owner listed for a path is enough, so a path the board
must approve lists the board alone. The board owns the national content, every agency's
roles file (agency.yml) and every agency folder; an agency named in `delegated_review`
(content/portal.yml) also lets its own editors approve its ordinary items. Everything else
(the platform: mkdocs.yml, theme/, plugins/, build.py, .github/ …) belongs to the
maintainers. In CODEOWNERS the last matching rule wins, so specific rules come last.

The file is made from the roles of the base branch (`codeowners --base`), never from a
pull request's own roles: a pull request that changes roles is the board's to approve,
and CODEOWNERS follows once it is merged.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from pbgdpl.editorial.roles import Roles

CODEOWNERS_PATH = Path(".github/CODEOWNERS")
PLATFORM_PATHS = ("/mkdocs.yml", "/theme/", "/plugins/", "/build.py", "/.github/")
HEADER = """\
# Ai phải duyệt thay đổi ở mỗi thư mục (CODEOWNERS). Tệp này do lệnh
# `python build.py codeowners --base origin/main` sinh ra từ vai trò của nhánh gốc:
# content/portal.yml (editorial_board, maintainers, delegated_review) và
# agencies/*/agency.yml (editors). Đừng sửa tay. Quy tắc viết sau thắng quy tắc viết trước;
# GitHub chỉ cần một người trong danh sách duyệt, nên nơi Ban Biên tập phải duyệt chỉ ghi
# Ban Biên tập.
"""


def _owners(logins: Iterable[str]) -> str:
    return " ".join(f"@{login}" for login in dict.fromkeys(logins))


def _rules(rules: list[tuple[str, str]]) -> list[str]:
    width = max(len(pattern) for pattern, _ in rules)
    return [f"{pattern.ljust(width)}  {owners}".rstrip() for pattern, owners in rules]


def render_codeowners(roles: Roles) -> str:
    """Return the text of CODEOWNERS for these roles."""
    board = roles.board
    maintainers = _owners(roles.maintainers)
    sections = [
        ("# Mặc định, và mọi tệp của nền tảng: nhóm kỹ thuật.", [("*", maintainers)]),
        (
            "# Nội dung cổng quốc gia, cài đặt, thư mục đơn vị mới: Ban Biên tập.",
            [("/content/", _owners(board)), ("/agencies/", _owners(board))],
        ),
        (
            "# Mỗi trang thành phần: Ban Biên tập duyệt; đơn vị được tự duyệt bài thường\n"
            "# (delegated_review) thì biên tập viên của đơn vị cũng duyệt được. Tệp vai trò\n"
            "# agency.yml chỉ Ban Biên tập duyệt.",
            [
                rule
                for slug, editors in sorted(roles.editors.items())
                for rule in (
                    (
                        f"/agencies/{slug}/",
                        _owners((*editors, *board) if slug in roles.delegated else board),
                    ),
                    (f"/agencies/{slug}/agency.yml", _owners(board)),
                )
            ],
        ),
        (
            "# Nền tảng: nhóm kỹ thuật.",
            [(path, maintainers) for path in PLATFORM_PATHS],
        ),
    ]
    lines = [HEADER.rstrip("\n")]
    for comment, rules in sections:
        if rules:
            lines.extend(["", comment, *_rules(rules)])
    return "\n".join(lines) + "\n"
