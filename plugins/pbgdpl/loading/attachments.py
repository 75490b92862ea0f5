"""Attachments (tep_dinh_kem): files next to the item, named without a path, that exist.

An attachment's name becomes a link on the page and in the open data: a path in it
(`../../…`, `/`, `\\`) would point elsewhere, a missing file would be a dead link. Every
section with attachments is checked, not only legal documents. It is a check of one file,
run while the item loads, so it is reported with the file's other errors, in one pass.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path

from pbgdpl.model.diagnostics import Diagnostic, Severity
from pbgdpl.model.items import ATTACHMENT_TYPES


def check_attachments(
    path: str, line: int, names: Iterable[str], root: Path
) -> Iterator[Diagnostic]:
    """Check that each attachment is a PDF, DOCX or ODT file next to the item, by name only.

    `path` is the item's file relative to `root`, `line` the line of `tep_dinh_kem`.
    """
    folder = (root / path).parent
    for name in names:
        suffix = name[name.rfind(".") :].lower() if "." in name else ""
        file = folder / name
        if "/" in name or "\\" in name or name.startswith("."):
            message = (
                f'Tệp đính kèm "{name}" phải là tên một tệp đặt cùng thư mục với bài '
                f"({folder.relative_to(root).as_posix()}/), không kèm đường dẫn."
            )
            code = "attachment-path"
        elif suffix not in ATTACHMENT_TYPES:
            message = (
                f'Tệp đính kèm "{name}" phải là tệp PDF, DOCX hoặc ODT; hãy lưu văn '
                "bản sang một trong các định dạng này."
            )
            code = "attachment-type"
        elif not file.is_file() or file.is_symlink():
            message = (
                f'Không tìm thấy tệp đính kèm "{name}" trong thư mục '
                f"{folder.relative_to(root).as_posix()}/; thêm tệp hoặc sửa tên "
                'trong "tep_dinh_kem".'
            )
            code = "attachment-missing"
        else:
            continue
        yield Diagnostic(path, line, code, Severity.ERROR, message)
