"""Write a review as Markdown for the editorial board (Vietnamese), or as JSON for tools.

Editors' text (titles, values, messages, file names) is inert before it goes into Markdown
(`safety/markdown_text.py`), so it cannot add links, pictures, HTML, table columns or
mentions to the report shown on the pull request.
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Any
from urllib.parse import quote

from pbgdpl.editorial.approvals import unmet
from pbgdpl.editorial.review import FileReview, Review
from pbgdpl.model.diagnostics import SEVERITY_LABELS, Diagnostic
from pbgdpl.model.fields import Figure, Withdrawal
from pbgdpl.model.sections import CHANGE_NOTE, SECTIONS_BY_SLUG
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


def _summary(review: Review, approvals: tuple[str, ...] | None) -> list[str]:
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
    lines += ["", _verdict(review, approvals)]
    return lines


def _verdict(review: Review, approvals: tuple[str, ...] | None) -> str:
    """Say first what stops the merge: errors, then the maintainers', then the board's."""
    if review.errors:
        return f"**Kết luận: chưa thể hợp nhất, còn {len(review.errors)} lỗi phải sửa.**"
    if approvals is not None:
        missing = unmet(review, approvals)
        if missing:
            who = ", ".join(sorted({r.who for r in missing}))
            return (
                f"**Kết luận: chưa thể hợp nhất cho đến khi {who} duyệt** (xem phần “Phê duyệt”)."
            )
        return "**Kết luận: không có lỗi, đã đủ người có thẩm quyền duyệt.**"
    if review.needs_maintainers:
        return (
            "**Kết luận: chưa thể hợp nhất cho đến khi nhóm kỹ thuật duyệt** "
            "(có thay đổi nền tảng do người ngoài nhóm kỹ thuật gửi)."
        )
    if review.needs_board or review.outside:
        return (
            "**Kết luận: không có lỗi; chỉ hợp nhất khi Ban Biên tập duyệt** "
            "các mục trong phần “Cần quyết định”."
        )
    if review.platform:
        return "**Kết luận: không có lỗi, nhưng có thay đổi nền tảng cần lưu ý.**"
    return "**Kết luận: không có lỗi.** Ban Biên tập đọc nội dung rồi quyết định."


DECIDERS = {"board": "Ban Biên tập", "maintainers": "Nhóm kỹ thuật"}


def _decisions(review: Review) -> list[str]:
    if not review.decisions:
        return []
    lines = ["", "### Cần quyết định", "", "| Ai duyệt | Tệp | Vì sao |", "|---|---|---|"]
    lines += [
        f"| {DECIDERS[d.who]} | {code(d.path)} | {md(d.reason)} |"
        for d in sorted(review.decisions, key=lambda d: (d.who != "maintainers", d.path))
    ]
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


def _status_changes(review: Review) -> list[str]:
    if not review.status_changes:
        return []
    lines = [
        "",
        "### Văn bản thay đổi tình trạng hiệu lực: các bài dựa vào văn bản cần rà soát",
    ]
    for change in review.status_changes:
        count = (
            f"{len(change.relying)} bài dựa vào" if change.relying else "chưa có bài nào dựa vào"
        )
        lines += ["", f"**{md(change.number)}** (do {code(change.path)}): {count}"]
        if change.relying:
            lines.append("")
        lines += [f"- {md(item.title)} ({code(item.path)})" for item in change.relying]
    return lines


def _new_items(review: Review) -> list[str]:
    """Show every fact of each new item, to check against the original document."""
    added = [f for f in review.files if f.change.change == "added" and (f.fields or f.facts)]
    if not added:
        return []
    lines = ["", "### Bài mới: đối chiếu từng thông tin với bản gốc"]
    for file in added:
        lines += [
            "",
            f"**{md(file.title or file.change.path)}** ({code(file.change.path)})",
            "",
            "| Trường | Giá trị |",
            "|---|---|",
        ]
        lines += [f"| {md(c.label)} ({code(c.key)}) | {md(show(c.new))} |" for c in file.fields]
        lines += [f"| {md(label)} | {md(value)} |" for label, value in file.facts]
    return lines


def _preview_link(url: str, preview_url: str | None) -> str:
    """Link a page of the preview, or name its file in the preview artifact."""
    page = quote(f"{url}index.html")
    if preview_url:
        return f"[Xem trang trong bản xem trước]({preview_url.rstrip('/')}/{page})"
    return f"Xem trang trong bản xem trước: tệp {code(page)}"


def _public_history(file: FileReview) -> str:
    """Say what citizens will see of the change: a major change's note, or nothing new."""
    note = next((c.new for c in file.fields if c.key == CHANGE_NOTE.key and c.new), None)
    if note is not None:
        return f"Thay đổi lớn, ghi chú công khai: “{md(note)}”; trang sẽ ghi ngày cập nhật mới."
    return (
        "Sửa nhỏ: không có ghi chú thay đổi mới, trang giữ ngày “Cập nhật lần cuối” "
        f"(thay đổi lớn thì ghi một câu mới vào {code(CHANGE_NOTE.key)})."
    )


def _bodies(review: Review, preview_url: str | None) -> list[str]:
    """Summarise each changed text: paragraphs added, removed and reworded, with the sentences."""
    lines: list[str] = []
    for file in review.files:
        body = file.body
        if body is None:
            continue
        lines += [
            "",
            f"**{md(file.title or file.change.path)}** ({code(file.change.path)}): "
            f"thêm {len(body.added)} đoạn, bớt {len(body.removed)} đoạn, "
            f"sửa {len(body.changed)} đoạn.",
        ]
        lines.append(_public_history(file))
        if file.url:
            lines.append(_preview_link(file.url, preview_url))
        lines.append("")
        for paragraph in body.changed:
            lines += [f"- Câu cũ: “{md(s)}”" for s in paragraph.removed]
            lines += [f"- Câu mới: “{md(s)}”" for s in paragraph.added]
        lines += [f"- Đoạn thêm: “{md(p)}”" for p in body.added]
        lines += [f"- Đoạn bớt: “{md(p)}”" for p in body.removed]
    return ["", "### Nội dung đã sửa", *lines] if lines else []


def _approvals(review: Review, approvals: tuple[str, ...] | None) -> list[str]:
    """Say whether the approvals given are those the rules require, file by file."""
    if approvals is None:
        return []
    missing = unmet(review, approvals)
    given = ", ".join(code(a) for a in approvals) or "chưa có"
    lines = ["", "### Phê duyệt", "", f"Đã duyệt: {given}."]
    if not missing:
        return [*lines, "", "Đủ người có thẩm quyền duyệt mọi tệp thay đổi."]
    lines += [
        "",
        "**Chưa đủ thẩm quyền duyệt** (người gửi không tự duyệt được; vai trò theo nhánh gốc):",
        "",
        "| Tệp | Cần ai duyệt |",
        "|---|---|",
    ]
    lines += [f"| {code(r.path)} | {md(r.who)} |" for r in missing]
    return lines


def to_markdown(
    review: Review, preview_url: str | None = None, approvals: tuple[str, ...] | None = None
) -> str:
    """Return the review as Markdown in Vietnamese, for the pull request's summary.

    `preview_url` is where the preview of the change is served (its root); without it the
    report names each page's file in the preview artifact. With `approvals` (the logins
    that approved), the report says whether they are the ones the rules require.
    """
    lines = _summary(review, approvals)
    if review.errors:
        lines += ["", "### Lỗi phải sửa", ""] + [_diagnostic_line(d) for d in review.errors]
    lines += _decisions(review) + _approvals(review, approvals)
    lines += _attention(review)
    if review.warnings:
        lines += ["", "### Cảnh báo", ""] + [_diagnostic_line(d) for d in review.warnings]
    lines += _files(review) + _new_items(review) + _field_tables(review)
    lines += _status_changes(review) + _bodies(review, preview_url)
    return "\n".join(lines) + "\n"


def to_json(review: Review, approvals: tuple[str, ...] | None = None) -> str:
    """Return the review as JSON, with values written as the pages show them."""
    data: dict[str, Any] = {
        "base": review.base,
        "head": review.head,
        "author": review.author,
        "ok": not review.errors,
        "needs_maintainers": review.needs_maintainers,
        "needs_board": review.needs_board,
        "decisions": [{"path": d.path, "who": d.who, "reason": d.reason} for d in review.decisions],
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
        "status_changes": [
            {"number": c.number, "path": c.path, "relying": [i.path for i in c.relying]}
            for c in review.status_changes
        ],
        "errors": [d.to_json() for d in review.errors],
        "warnings": [d.to_json() for d in review.warnings],
    }
    if approvals is not None:
        data["approvals"] = list(approvals)
        data["unapproved"] = [{"path": r.path, "who": r.who} for r in unmet(review, approvals)]
    return json.dumps(data, ensure_ascii=False, indent=2)
