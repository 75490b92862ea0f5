"""The search dictionary: what people type, and the words the portal's pages use for it.

Citizens search "BHXH", "sổ đỏ" or "TP HCM"; pages say "bảo hiểm xã hội", "giấy chứng nhận
quyền sử dụng đất", "Thành phố Hồ Chí Minh". The editorial board keeps the table in
`content/tu-dien-tim-kiem.yml`, one line per everyday form:

    BHXH: bảo hiểm xã hội
    sổ đỏ: giấy chứng nhận quyền sử dụng đất

The search page replaces a form found in a query (compared without accents, whole words)
by its meaning before searching, and says so. The file is checked like other content:
each problem names the line and the fix, all of them at once.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Any

from pbgdpl.model.diagnostics import Diagnostic, Severity
from pbgdpl.model.fields import fold

SEARCH_TERMS_FILE = "content/tu-dien-tim-kiem.yml"
MAX_TYPED = 60
MAX_MEANING = 160
# Letters, digits and spaces only: a form is compared word by word with a query.
TYPED = re.compile(r"^[\w ]+$")
SPACES = re.compile(r"\s+")


def typed_key(text: str) -> str:
    """Return how a typed form is compared: folded, single spaces ("Sổ  Đỏ" → "so do")."""
    return SPACES.sub(" ", fold(text)).strip()


def _problem(line: int, code: str, message: str) -> Diagnostic:
    return Diagnostic(SEARCH_TERMS_FILE, line, code, Severity.ERROR, message)


def _check(typed: Any, meaning: Any, line: int) -> Diagnostic | None:
    if not isinstance(typed, str) or not typed.strip():
        return _problem(
            line, "invalid-search-term", "Cách gõ phải là chữ, ví dụ BHXH (a typed form)."
        )
    shown = typed.strip()
    if len(shown) > MAX_TYPED or not TYPED.match(shown) or "_" in shown:
        return _problem(
            line,
            "invalid-search-term",
            f'Cách gõ "{shown}" chỉ được gồm chữ, số và dấu cách, tối đa {MAX_TYPED} ký tự; '
            'ví dụ "TP HCM" thay cho "TP.HCM".',
        )
    if not isinstance(meaning, str) or not meaning.strip():
        return _problem(
            line,
            "invalid-search-meaning",
            f'Hãy ghi sau "{shown}:" từ ngữ mà các trang dùng, ví dụ "BHXH: bảo hiểm xã hội".',
        )
    if len(meaning) > MAX_MEANING:
        return _problem(
            line,
            "invalid-search-meaning",
            f'Nghĩa của "{shown}" dài quá {MAX_MEANING} ký tự; hãy ghi ngắn gọn từ ngữ cần tìm.',
        )
    if f" {typed_key(shown)} " in f" {typed_key(meaning)} ":
        # "căn cước: căn cước công dân" would grow "căn cước công dân" at each search.
        return _problem(
            line,
            "invalid-search-meaning",
            f'Nghĩa của "{shown}" đã chứa chính "{shown}"; trang tìm kiếm đã tìm được từ này, '
            "hãy xóa dòng này.",
        )
    return None


def parse_search_terms(
    values: dict[str, Any], lines: dict[str, int]
) -> tuple[dict[str, str], list[Diagnostic]]:
    """Return the dictionary (typed key → meaning in NFC) and every problem of the file.

    Two forms that read the same without accents ("sổ đỏ" and "so do") would be
    ambiguous for a query typed without them: the second one is refused.
    """
    table: dict[str, str] = {}
    first: dict[str, str] = {}
    problems: list[Diagnostic] = []
    for typed, meaning in values.items():
        line = lines.get(typed, 1)
        problem = _check(typed, meaning, line)
        if problem is not None:
            problems.append(problem)
            continue
        key = typed_key(typed)
        if key in table:
            problems.append(
                _problem(
                    line,
                    "duplicate-search-term",
                    f'"{typed}" trùng với "{first[key]}" khi gõ không dấu; hãy giữ một dòng.',
                )
            )
            continue
        table[key] = unicodedata.normalize("NFC", SPACES.sub(" ", meaning).strip())
        first[key] = typed
    return table, problems
