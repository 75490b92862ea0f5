"""Write a review as Markdown for the editorial board (Vietnamese), or as JSON for tools.

Editors' text (titles, values, messages, file names) is inert before it goes into Markdown
(`safety/markdown_text.py`), so it cannot add links, pictures, HTML, table columns or
mentions to the report shown on the pull request.
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from pbgdpl.editorial.review import FileReview, Review
from pbgdpl.model.diagnostics import SEVERITY_LABELS, Diagnostic
from pbgdpl.model.fields import Figure, Withdrawal
from pbgdpl.model.sections import SECTIONS_BY_SLUG
from pbgdpl.safety.markdown_text import inert, inert_path

CHANGE_LABELS = {
    "added": "thêm mới",
    "changed": "sửa",
    "renamed": "đổi tên, chuyển chỗ",
    "removed": "xóa",
}


def md(text: object) -> str:
    """Escape text for Markdown: no formatting, links, mentions or HTML, one line."""
    return inert(text)


def code(text: str) -> str:
    """Show a path as code, or as escaped text when it holds anything but plain characters."""
    return inert_path(text)


def show(value: Any) -> str:
    """Show a front-matter value the way pages do: dd/mm/yyyy, lists joined by semicolons."""
    if value is None:
        return "—"
    if isinstance(value, bool):
        return "có" if value else "không"
    if isinstance(value, dt.datetime):
        return value.strftime("%d/%m/%Y %H:%M")
    if isinstance(value, dt.date):
        return value.strftime("%d/%m/%Y")
    if isinstance(value, Withdrawal):
        return f"từ {value.date:%d/%m/%Y}: {value.reason}"
    if isinstance(value, Figure):
        return f"{value.name}: {value.value} {value.unit}".strip()
    if isinstance(value, tuple | list):
        return "; ".join(show(v) for v in value)
    if isinstance(value, dict):
        return "; ".join(f"{k}: {show(v)}" for k, v in value.items())
    return str(value)


def _where(review: Review, file: FileReview) -> str:
    if file.area == "agency" and file.agency:
        return md(review.roles.names.get(file.agency, file.agency))
    return "Cổng quốc gia" if file.area == "national" else "Nền tảng"


def _section(file: FileReview) -> str:
    return md(SECTIONS_BY_SLUG[file.section].title) if file.section else "—"


def _diagnostic_line(d: Diagnostic) -> str:
    place = code(f"{d.path}:{d.line}")
    return f"- {place} {SEVERITY_LABELS[d.severity]} [{d.code}] {md(d.message)}"


def _summary(review: Review) -> list[str]:
    counts = {label: 0 for label in CHANGE_LABELS}
    for file in review.files:
        counts[file.change.change] += 1
    tally = ", ".join(f"{n} {CHANGE_LABELS[k]}" for k, n in counts.items() if n)
    lines = [
        "## Báo cáo thay đổi cho Ban Biên tập",
        "",
        f"- So sánh: {code(review.base)} (gốc) → {code(review.head)}",
        f"- {len(review.files)} tệp thay đổi" + (f": {tally}" if tally else ""),
    ]
    if review.author:
        own = [md(review.roles.names.get(s, s)) for s in review.roles.agencies_of(review.author)]
        role = "biên tập viên của " + ", ".join(own) if own else "không là biên tập viên đơn vị nào"
        if review.roles.in_board(review.author):
            role = "thành viên Ban Biên tập"
        lines.append(f"- Người gửi: {code(review.author)} ({role})")
    if review.sites:
        lines.append("- Trang thành phần bị ảnh hưởng: " + ", ".join(code(s) for s in review.sites))
    lines.append("")
    if review.errors:
        lines.append(f"**Kết luận: chưa thể hợp nhất, còn {len(review.errors)} lỗi phải sửa.**")
    elif review.outside or review.platform:
        lines.append("**Kết luận: không có lỗi, nhưng có thay đổi cần Ban Biên tập lưu ý.**")
    else:
        lines.append("**Kết luận: không có lỗi.** Ban Biên tập đọc nội dung rồi quyết định.")
    return lines


def _attention(review: Review) -> list[str]:
    lines = []
    if review.outside:
        lines += [
            "",
            "### Thay đổi ngoài phạm vi của người gửi",
            "",
            "Cần ý kiến của biên tập viên đơn vị đó hoặc Ban Biên tập:",
            "",
        ]
        lines += [f"- {code(f.change.path)} ({_where(review, f)})" for f in review.outside]
    if review.platform:
        lines += ["", "### Thay đổi nền tảng (nhóm kỹ thuật duyệt)", ""]
        lines += [
            f"- {code(f.change.path)}"
            + (" — người gửi không thuộc nhóm kỹ thuật" if f.outside else "")
            for f in review.platform
        ]
    if not review.author:
        lines += ["", "_Không rõ người gửi (thiếu --author): chưa kiểm tra phạm vi biên tập._"]
    return lines


def _files(review: Review) -> list[str]:
    if not review.files:
        return ["", "Không có tệp nào thay đổi."]
    lines = [
        "",
        "### Các tệp thay đổi",
        "",
        "| Trang | Chuyên mục | Thay đổi | Tiêu đề | Tệp |",
        "|---|---|---|---|---|",
    ]
    for file in review.files:
        change = file.change
        path = code(change.path)
        if change.change == "renamed" and change.old_path:
            path = f"{code(change.old_path)} → {path}"
        lines.append(
            f"| {_where(review, file)} | {_section(file)} | {CHANGE_LABELS[change.change]} | "
            f"{md(file.title) if file.title else '—'} | {path} |"
        )
    return lines


def _field_tables(review: Review) -> list[str]:
    changed = [
        f
        for f in review.files
        if f.fields and f.change.change != "added" and f.change.change != "removed"
    ]
    if not changed:
        return []
    lines = ["", "### Thông tin đã sửa (trước → sau)"]
    for file in changed:
        lines += [
            "",
            f"**{md(file.title or file.change.path)}** ({code(file.change.path)})",
            "",
            "| Trường | Trước | Sau |",
            "|---|---|---|",
        ]
        lines += [
            f"| {md(c.label)} ({code(c.key)}) | {md(show(c.old))} | {md(show(c.new))} |"
            for c in file.fields
        ]
    return lines


def to_markdown(review: Review) -> str:
    """Return the review as Markdown in Vietnamese, for the pull request's summary."""
    lines = _summary(review)
    if review.errors:
        lines += ["", "### Lỗi phải sửa", ""] + [_diagnostic_line(d) for d in review.errors]
    lines += _attention(review)
    if review.warnings:
        lines += ["", "### Cảnh báo", ""] + [_diagnostic_line(d) for d in review.warnings]
    lines += _files(review) + _field_tables(review)
    return "\n".join(lines) + "\n"


def to_json(review: Review) -> str:
    """Return the review as JSON, with values written as the pages show them."""
    data = {
        "base": review.base,
        "head": review.head,
        "author": review.author,
        "ok": not review.errors,
        "sites": review.sites,
        "files": [
            {
                "path": f.change.path,
                "old_path": f.change.old_path,
                "change": f.change.change,
                "area": f.area,
                "agency": f.agency,
                "section": f.section,
                "title": f.title,
                "outside_author_agencies": f.outside,
                "fields": [
                    {"key": c.key, "label": c.label, "old": show(c.old), "new": show(c.new)}
                    for c in f.fields
                ],
            }
            for f in review.files
        ],
        "errors": [d.to_json() for d in review.errors],
        "warnings": [d.to_json() for d in review.warnings],
    }
    return json.dumps(data, ensure_ascii=False, indent=2)
