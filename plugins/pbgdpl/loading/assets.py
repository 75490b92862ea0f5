"""Pictures and attachments editors publish: safe names, real types, bounded sizes."""

from __future__ import annotations

import re
from pathlib import Path

from pbgdpl.model.diagnostics import Diagnostic, Severity
from pbgdpl.model.fields import slugify

# What each published suffix must start with, so a page or script cannot pass as a picture.
SIGNATURES: dict[str, tuple[bytes, ...]] = {
    ".png": (b"\x89PNG\r\n\x1a\n",),
    ".jpg": (b"\xff\xd8\xff",),
    ".jpeg": (b"\xff\xd8\xff",),
    ".gif": (b"GIF87a", b"GIF89a"),
    ".webp": (b"RIFF",),
    ".pdf": (b"%PDF-",),
    ".docx": (b"PK\x03\x04",),
    ".odt": (b"PK\x03\x04",),
}
ASSET_SUFFIXES = frozenset(SIGNATURES)
# SVG can carry scripts and links: refused outright rather than sanitized.
REFUSED_SUFFIXES = frozenset({".svg", ".svgz"})
PUBLISHED_OR_REFUSED = ASSET_SUFFIXES | REFUSED_SUFFIXES
ASSET_NAME = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*\.[a-z0-9]+$")


def _error(shown: str, code: str, message: str) -> Diagnostic:
    return Diagnostic(shown, 1, code, Severity.ERROR, message)


def check_asset(path: Path, shown: str, max_bytes: int) -> Diagnostic | None:
    """Return why the file at `path` cannot be published, or None if it can."""
    suffix = path.suffix.lower()
    if suffix in REFUSED_SUFFIXES:
        return _error(
            shown,
            "svg-refused",
            "Ảnh SVG có thể chứa mã lệnh nên không được đăng; hãy xuất ảnh sang PNG, JPEG hoặc "
            "WebP rồi thay tệp này.",
        )
    if not ASSET_NAME.fullmatch(path.name):
        stem = slugify(path.stem) or "tep"
        return _error(
            shown,
            "invalid-slug",
            f'Tên tệp "{path.name}" chỉ được gồm chữ thường không dấu, số và dấu gạch ngang, '
            f'đuôi viết thường, ví dụ "{stem}{suffix}".',
        )
    size = path.stat().st_size
    if size > max_bytes:
        return _error(
            shown,
            "file-too-large",
            f"Tệp nặng {size / 1024 / 1024:.1f} MB, quá giới hạn {max_bytes // 1024 // 1024} MB "
            "cho một tệp đính kèm; hãy nén ảnh, giảm độ phân giải hoặc chia tài liệu.",
        )
    with path.open("rb") as file:
        head = file.read(16)
    if not head.startswith(SIGNATURES[suffix]) or (suffix == ".webp" and head[8:12] != b"WEBP"):
        return _error(
            shown,
            "asset-type-mismatch",
            f'Nội dung tệp không phải định dạng "{suffix}" như đuôi tên tệp; hãy lưu lại đúng '
            "định dạng (đổi tên đuôi không chuyển được định dạng).",
        )
    return None
