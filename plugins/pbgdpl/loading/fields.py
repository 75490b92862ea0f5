"""Check a mapping of front-matter values against a list of fields."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from pbgdpl.model.diagnostics import Diagnostic, Severity
from pbgdpl.model.fields import Attachments, Field, FieldError, FieldErrors, Text, Words
from pbgdpl.model.vocabularies import Vocabularies
from pbgdpl.safety.markdown_text import plain_text_markup
from pbgdpl.safety.spreadsheet import formula_like


def _plain_text_warnings(field: Field, value: Any, path: str, line: int) -> list[Diagnostic]:
    """Warn about text that is shown as written but reads as something else.

    Front-matter text is never formatted: Markdown or HTML in a title shows as its
    characters. A value that starts like a spreadsheet formula is published in the open
    data as text (with a leading apostrophe), and may be an attack on whoever opens it.
    """
    if isinstance(field, Attachments) or not isinstance(field, Text | Words):
        return []
    texts = [value] if isinstance(value, str) else list(value)
    limit = field.max_length if isinstance(field, Text) else 100
    problems = []
    if any(formula_like(text) for text in texts):
        problems.append(
            Diagnostic(
                path,
                line,
                "formula-like-text",
                Severity.WARNING,
                f'Trường "{field.key}" ({field.label}) bắt đầu bằng =, +, - hoặc @, như một công '
                "thức bảng tính; trong tệp dữ liệu mở (CSV) nó được ghi thành chữ có dấu ' ở đầu. "
                "Bỏ ký tự đó ở đầu nếu không cần (looks like a spreadsheet formula).",
            )
        )
    kinds = sorted({kind for text in texts for kind in plain_text_markup(text, limit)})
    if kinds:
        problems.append(
            Diagnostic(
                path,
                line,
                "markup-in-plain-text",
                Severity.WARNING,
                f'Trường "{field.key}" ({field.label}) là chữ thường, không định dạng, nhưng có '
                f"{', '.join(kinds)}: trang sẽ hiện nguyên các ký tự này. Viết chữ thường, đưa "
                "liên kết và định dạng vào phần nội dung (markup shown as written).",
            )
        )
    return problems


def parse_fields(
    fields: Sequence[Field],
    values: dict[str, Any],
    lines: dict[str, int],
    path: str,
    vocabularies: Vocabularies,
    *,
    what: str,
) -> tuple[dict[str, Any], list[Diagnostic]]:
    """Check `values` against `fields`; return the parsed values by English name.

    `what` names the kind of file in messages ("chuyên mục Hỏi đáp", "agency.yml").
    A missing required field is reported at line 1, where the front matter starts; one
    written but left empty, at its own line.
    """
    parsed: dict[str, Any] = {}
    problems: list[Diagnostic] = []
    known = {f.key for f in fields}
    for field in fields:
        line = lines.get(field.key, 1)
        if field.key not in values or values[field.key] is None:
            if field.required and field.key in values:
                # Written but left empty (`cau_hoi:`): point at that line, not the file's top.
                problems.append(
                    Diagnostic(
                        path,
                        line,
                        "missing-field",
                        Severity.ERROR,
                        f'Trường bắt buộc "{field.key}" ({field.label}) của {what} đang để '
                        f'trống; viết giá trị sau dấu hai chấm: "{field.key}: …".',
                    )
                )
            elif field.required:
                problems.append(
                    Diagnostic(
                        path,
                        1,
                        "missing-field",
                        Severity.ERROR,
                        f'Thiếu trường bắt buộc "{field.key}" ({field.label}) của {what}. '
                        f'Thêm một dòng "{field.key}: …" vào phần thông tin đầu tệp.',
                    )
                )
            continue
        try:
            parsed[field.attr] = field.parse(values[field.key], vocabularies)
        except FieldErrors as errors:
            problems.extend(
                Diagnostic(path, line, e.code, Severity.ERROR, e.message) for e in errors.errors
            )
            continue
        except FieldError as error:
            problems.append(Diagnostic(path, line, error.code, Severity.ERROR, error.message))
            continue
        problems.extend(_plain_text_warnings(field, parsed[field.attr], path, line))
    for key in values:
        if key not in known:
            problems.append(
                Diagnostic(
                    path,
                    lines.get(str(key), 1),
                    "unknown-field",
                    Severity.WARNING,
                    f'Trường "{key}" không có trong mẫu của {what} nên sẽ bị bỏ qua; '
                    "kiểm tra lỗi chính tả. Các trường hợp lệ: "
                    + ", ".join(f.key for f in fields)
                    + ".",
                )
            )
    return parsed, problems
