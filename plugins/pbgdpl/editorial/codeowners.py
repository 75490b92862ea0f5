"""CODEOWNERS from the roles kept in the repository: who must approve a change where.

Agency folders are owned by their editors (agency.yml) and the editorial board; an
agency's roles file and the national content by the board; everything else (the
platform: mkdocs.yml, theme/, plugins/, build.py, .github/ …) by the maintainers
(content/portal.yml). In CODEOWNERS the last matching rule wins, so the specific rules
come after the general ones.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from pbgdpl.editorial.roles import Roles

CODEOWNERS_PATH = Path(".github/CODEOWNERS")
PLATFORM_PATHS = ("/mkdocs.yml", "/theme/", "/plugins/", "/build.py", "/.github/")
HEADER = """\
# Ai phải duyệt thay đổi ở mỗi thư mục (CODEOWNERS). Tệp này do lệnh
# `python build.py codeowners` sinh ra từ content/portal.yml (editorial_board,
# maintainers) và agencies/*/agency.yml (editors): đừng sửa tay, hãy sửa các tệp đó rồi
# chạy lại lệnh. Quy tắc viết sau thắng quy tắc viết trước.
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
            "# Mỗi trang thành phần: biên tập viên của đơn vị và Ban Biên tập; tệp vai trò\n"
            "# agency.yml chỉ Ban Biên tập duyệt.",
            [
                rule
                for slug, editors in sorted(roles.editors.items())
                for rule in (
                    (f"/agencies/{slug}/", _owners((*editors, *board))),
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
