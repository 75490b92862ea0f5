"""The pull request's comment from `validate`: what an editor must fix, in Vietnamese.

An editor who saved an item in the web editor has no terminal and may never open the
workflow's log: the pull request's comment is where the checks speak to them. It says
first whether the change can be published, then, file by file (named by its agency, its
section and its title where the file could be read), each problem with the field it is in
as the form labels it (or the text) and its line, and what to do, then how to fix it in
the web editor and resubmit. Annotations on the diff carry
the same problems (`validate --format github`).

Every value in it comes from an editor (file names, titles, messages quoting values), so
each goes through `safety.markdown_text` before it reaches Markdown.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from itertools import groupby

from pbgdpl.loading.frontmatter import FrontMatterError, split_front_matter
from pbgdpl.loading.portal import Portal
from pbgdpl.model.diagnostics import Diagnostic, Severity
from pbgdpl.model.sections import SECTIONS_BY_SLUG
from pbgdpl.safety.markdown_text import inert, inert_path

MARKER = "<!-- pbgdpl-validate -->"
"""The comment's first line: the workflow finds its own earlier comment by it and edits it."""
MAX_SHOWN = 60
"""Problems listed in the comment; GitHub refuses comments over 65,536 characters."""
ICONS = {Severity.ERROR: "❌ Lỗi", Severity.WARNING: "⚠️ Cảnh báo"}
HOW_TO_FIX = (
    "**Cách sửa trong trình biên tập trên trình duyệt**: mở trang biên tập của đơn vị "
    "(`/bien-tap/<đơn-vị>/`), chọn **Biên tập** ở đầu trang, mở bài nêu trên, sửa đúng "
    "trường được nhắc tới rồi bấm **Lưu**. Hệ thống kiểm tra lại và cập nhật nhận xét này. "
    "Nếu sửa trực tiếp tệp, mỗi dòng trên ghi số dòng trong tệp; kiểm tra trên máy mình bằng "
    "`.venv/bin/python build.py validate`."
)


def _counts(diagnostics: Sequence[Diagnostic]) -> tuple[int, int]:
    errors = sum(d.severity is Severity.ERROR for d in diagnostics)
    return errors, len(diagnostics) - errors


def _verdict(diagnostics: Sequence[Diagnostic]) -> list[str]:
    errors, warnings = _counts(diagnostics)
    if errors:
        files = len({d.path for d in diagnostics if d.severity is Severity.ERROR})
        return [
            f"## ❌ Kiểm tra nội dung: {errors} lỗi, {warnings} cảnh báo",
            "",
            f"Chưa thể đăng: {errors} lỗi trong {files} tệp phải được sửa trước khi Ban Biên "
            "tập duyệt. Mỗi lỗi dưới đây ghi tệp, dòng và cách sửa.",
        ]
    if warnings:
        return [
            f"## ⚠️ Kiểm tra nội dung: không có lỗi, {warnings} cảnh báo",
            "",
            "Thay đổi đăng được; nên sửa các cảnh báo dưới đây trước khi Ban Biên tập duyệt.",
        ]
    return [
        "## ✅ Kiểm tra nội dung: không có lỗi",
        "",
        "Mọi tệp đều đạt. Ban Biên tập sẽ duyệt rồi đăng; bạn không cần làm gì thêm.",
    ]


def _file_heading(path: str, portal: Portal | None) -> str:
    """Name a file as an editor knows it: agency, section, item title; then its path."""
    parts = path.split("/")
    named: list[str] = []
    if portal is not None and len(parts) >= 2 and parts[0] == "agencies":
        agency = portal.agencies.get(parts[1])
        named.append(inert(agency.name if agency else parts[1]))
        section = SECTIONS_BY_SLUG.get(parts[2]) if len(parts) >= 4 else None
        if section is not None:
            named.append(inert(section.title))
        item = next((i for i in portal.items if i.path == path), None)
        if item is not None:
            named.append(f"“{inert(item.title)}”")
    where = " · ".join(named)
    return f"### {where} ({inert_path(path)})" if where else f"### {inert_path(path)}"


@dataclass(frozen=True)
class Places:
    """What an editor of the web editor sees at the lines of one item's file."""

    labels: dict[int, str]
    """The label of the field written at each front-matter line."""
    body_line: int = 0
    """The line the text starts at, or 0 when the file could not be read."""

    def of(self, line: int) -> str:
        """Name a line as the form shows it: the field's label, or the text."""
        if line in self.labels:
            return f"trường “{inert(self.labels[line])}”, dòng {line}"
        if self.body_line and line >= self.body_line:
            return f"phần Nội dung, dòng {line}"
        return f"dòng {line}" if line > 1 else "đầu tệp"


def _places(path: str, portal: Portal | None) -> Places:
    """Read an item's file again for the line of each field; nothing when it cannot be."""
    parts = path.split("/")
    section = SECTIONS_BY_SLUG.get(parts[2]) if len(parts) == 4 else None
    if portal is None or parts[0] != "agencies" or section is None:
        return Places({})
    file = portal.root / path
    try:
        if file.is_symlink():
            return Places({})
        document = split_front_matter(file.read_text("utf-8"))
    except (OSError, UnicodeError, FrontMatterError):
        return Places({})
    labels = {field.key: field.label for field in section.all_fields}
    by_line = {line: labels[key] for key, line in document.lines.items() if key in labels}
    return Places(by_line, document.body_line)


def _problem(diagnostic: Diagnostic, places: Places) -> str:
    return (
        f"- {ICONS[diagnostic.severity]} ({places.of(diagnostic.line)}): "
        f"{inert(diagnostic.message)} `{inert(diagnostic.code)}`"
    )


def validation_comment(diagnostics: Sequence[Diagnostic], portal: Portal | None = None) -> str:
    """Return the comment's Markdown: the verdict, each file's problems, how to fix them."""
    lines = [MARKER, *_verdict(diagnostics)]
    shown = sorted(diagnostics, key=lambda d: (d.path, d.severity is not Severity.ERROR, d.line))
    for path, problems in groupby(shown[:MAX_SHOWN], key=lambda d: d.path):
        places = _places(path, portal)
        lines += ["", _file_heading(path, portal), ""]
        lines += [_problem(d, places) for d in problems]
    if len(shown) > MAX_SHOWN:
        lines += [
            "",
            f"… và {len(shown) - MAX_SHOWN} vấn đề khác: xem toàn bộ trong mục Summary của "
            "lần kiểm tra “Duyệt thay đổi”.",
        ]
    if diagnostics:
        lines += ["", HOW_TO_FIX]
    return "\n".join(lines)
