"""Slips editors make in a page's text that render badly but break nothing else.

Each was found by trying the editor's path as a new user: the template's placeholder left
in, a table pasted from Word as tab-separated lines (one run-on paragraph on the page), a
picture linked by a name that is not next to the item (a broken image on the page), and a
picture without a description (nothing for a reader who cannot see it). They
are checked on every file read, even one whose front matter has errors, so an editor gets
all of a file's errors in one pass.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import unquote, urlsplit

from pbgdpl.model.diagnostics import Diagnostic, Severity

BODY_PLACEHOLDER = "(Viết nội dung tại đây.)"
"""What `build.py new` writes where the text goes (pbgdpl.editorial.scaffold)."""
AGENCY_PLACEHOLDER = "(Giới thiệu trang:"
"""The start of what `build.py new agency` writes in the agency's home page."""
PLACEHOLDERS = (BODY_PLACEHOLDER, AGENCY_PLACEHOLDER)
FENCE = re.compile(r"^\s*(```|~~~)")
PICTURE = re.compile(r"!\[[^\]]*\]\(\s*<?([^)\s>]+)>?(?:\s+\"[^\"]*\")?\s*\)")
# A picture whose description (the text in brackets) is empty.
UNDESCRIBED = re.compile(r"!\[\s*\]\(\s*<?([^)\s>]+)")


def _prose_lines(body: str) -> Iterator[tuple[int, str]]:
    """Yield (index, line) of the body's lines outside fenced code blocks."""
    fenced = False
    for number, line in enumerate(body.split("\n")):
        if FENCE.match(line):
            fenced = not fenced
        elif not fenced:
            yield number, line


def _placeholders(shown: str, body: str, body_line: int) -> Iterator[Diagnostic]:
    for number, line in _prose_lines(body):
        if any(p in line for p in PLACEHOLDERS):
            yield Diagnostic(
                shown,
                body_line + number,
                "placeholder-text",
                Severity.ERROR,
                "Còn dòng chữ mẫu của tệp mới (trong ngoặc đơn); thay bằng nội dung thật của bài "
                "rồi xóa dòng mẫu (template placeholder left in).",
            )


def _tabbed(line: str) -> bool:
    """Tell whether a line is a cell, a tab, a cell: text on both sides of its first tab.

    Tabs that only indent the line do not count. Split, not a regular expression: one
    that looks for text before the tab backtracks over every character of a long
    paragraph (28 s of reading 3,000 pages).
    """
    head, tab, tail = line.partition("\t")
    return bool(tab and head.strip() and tail.strip())


def _pasted_tables(shown: str, body: str, body_line: int) -> Iterator[Diagnostic]:
    run: list[int] = []
    for number, line in [*_prose_lines(body), (-1, "")]:
        if number >= 0 and _tabbed(line):
            run.append(number)
            continue
        if len(run) >= 2:
            first, last = body_line + run[0], body_line + run[-1]
            yield Diagnostic(
                shown,
                first,
                "pasted-table",
                Severity.ERROR,
                f"Dòng {first}–{last} có các cột cách nhau bằng phím Tab, như bảng dán từ Word; "
                "trên trang chúng dính thành một đoạn. Viết thành bảng Markdown, mỗi hàng một "
                'dòng: "| Cột 1 | Cột 2 |", dưới hàng tiêu đề thêm dòng "|---|---|" '
                "(table pasted as tab-separated lines).",
            )
        run = []


def picture_references(body: str, body_line: int) -> tuple[tuple[int, str], ...]:
    """Return (line, file name) of each picture the body shows from its own folder."""
    found = []
    for number, line in _prose_lines(body):
        for match in PICTURE.finditer(line):
            target = match.group(1)
            parts = urlsplit(target)
            if parts.scheme or parts.netloc or target.startswith(("/", "data:")):
                continue  # remote pictures and data: are the HTML policy's to report
            found.append((body_line + number, unquote(parts.path)))
    return tuple(found)


def missing_pictures(
    root: Path, shown: str, references: tuple[tuple[int, str], ...]
) -> list[Diagnostic]:
    """Report each picture of `references` (`picture_references`) missing beside the page."""
    folder = (root / shown).parent
    return [
        Diagnostic(
            shown,
            line,
            "image-missing",
            Severity.ERROR,
            f'Không tìm thấy ảnh "{name}" cạnh bài (thư mục '
            f"{folder.relative_to(root).as_posix()}/); thêm tệp ảnh vào thư mục đó hoặc sửa "
            "tên ảnh trong bài cho đúng tên tệp (picture not found)."
            + _same_but_case(folder, name),
        )
        for line, name in references
        if not (folder / name).is_file()
    ]


def _same_but_case(folder: Path, name: str) -> str:
    """Name a file of the folder that differs from `name` only by upper and lower case."""
    if not folder.is_dir():
        return ""
    for path in sorted(folder.iterdir()):
        if path.name.lower() == name.lower():
            return (
                f' Trong thư mục có "{path.name}": tên tệp phân biệt chữ hoa, chữ thường; đổi '
                f'tên tệp thành "{path.name.lower()}".'
            )
    return ""


def _undescribed_pictures(shown: str, body: str, body_line: int) -> Iterator[Diagnostic]:
    for number, line in _prose_lines(body):
        for match in UNDESCRIBED.finditer(line):
            yield Diagnostic(
                shown,
                body_line + number,
                "image-without-description",
                Severity.WARNING,
                f'Ảnh "{match.group(1)}" chưa có mô tả: người khiếm thị dùng máy đọc màn hình '
                "không biết ảnh nói gì. Viết mô tả ngắn trong ngoặc vuông, ví dụ "
                f'"![Hội nghị tập huấn tại xã]({match.group(1)})"; trong trình biên tập trên '
                'trình duyệt là ô "Mô tả hình".',
            )


def check_writing(shown: str, body: str, body_line: int) -> list[Diagnostic]:
    """Return the placeholders, pasted tables and undescribed pictures of a Markdown body.

    Whether its pictures exist is checked apart (`missing_pictures`), on every build: they
    are other files, which may come or go while the page stays the same.
    """
    return [
        *_placeholders(shown, body, body_line),
        *_pasted_tables(shown, body, body_line),
        *_undescribed_pictures(shown, body, body_line),
    ]
