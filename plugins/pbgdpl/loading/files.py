"""Read an editor's file as NFC text, refusing what cannot be read safely."""

from __future__ import annotations

import unicodedata
from pathlib import Path

from pbgdpl.diagnostics import Diagnostic, Severity

MAX_FILE_BYTES = 2 * 1024 * 1024


class UnreadableFile(Exception):
    """A file that cannot be read as text: the diagnostic says why."""

    def __init__(self, diagnostic: Diagnostic) -> None:
        super().__init__(diagnostic.message)
        self.diagnostic = diagnostic


def read_text(path: Path, shown_as: str) -> str:
    """Read `path` as UTF-8 and normalize it to NFC; raise UnreadableFile otherwise."""
    data = path.read_bytes()
    if len(data) > MAX_FILE_BYTES:
        raise UnreadableFile(
            Diagnostic(
                shown_as, 1, "file-too-large", Severity.ERROR,
                f"Tệp lớn hơn {MAX_FILE_BYTES // (1024 * 1024)} MB; hãy chia thành nhiều bài "
                "hoặc đưa tài liệu dài vào tệp đính kèm.",
            )
        )
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        raise UnreadableFile(
            Diagnostic(
                shown_as, line, "not-utf8", Severity.ERROR,
                "Tệp không được lưu bằng mã UTF-8 (có thể là TCVN3 hoặc VNI). Mở tệp bằng "
                "trình soạn thảo, chọn lưu với mã hóa UTF-8 rồi gửi lại.",
            )
        ) from None
    text = text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    return unicodedata.normalize("NFC", text)
