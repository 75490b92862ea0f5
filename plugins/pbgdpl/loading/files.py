"""Read an editor's file as NFC text, refusing what cannot be read safely."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from pbgdpl.model.diagnostics import COMMAND, Diagnostic, Severity
from pbgdpl.safety.text import (
    control_characters,
    first_legacy_line,
    legacy_advice,
    legacy_encoding,
    suspect_characters,
)

MAX_FILE_BYTES = 2 * 1024 * 1024
UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")


class UnreadableFile(Exception):
    """A file that cannot be read as text: the diagnostic says why."""

    def __init__(self, diagnostic: Diagnostic) -> None:
        super().__init__(diagnostic.message)
        self.diagnostic = diagnostic


@dataclass(frozen=True)
class Source:
    """An editor's file as text (NFC, LF line ends) and what was noticed reading it."""

    text: str
    diagnostics: list[Diagnostic] = field(default_factory=list)


def _decode(data: bytes, shown_as: str) -> str:
    # UTF-16 without a mark writes a NUL beside every ASCII letter; one NUL is a control.
    if data.startswith(UTF16_BOMS) or data[:64].count(b"\x00") >= 8:
        raise UnreadableFile(
            Diagnostic(
                shown_as,
                1,
                "not-utf8",
                Severity.ERROR,
                "Tệp được lưu bằng mã UTF-16 (byte 0); mở tệp bằng trình soạn thảo và lưu lại "
                "với mã hóa UTF-8 (saved as UTF-16, save as UTF-8).",
            )
        )
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        legacy = legacy_encoding(data.decode("cp1252", errors="replace"))
        guess = f"có vẻ là bảng mã {legacy}" if legacy else "có thể là TCVN3 hoặc VNI"
        raise UnreadableFile(
            Diagnostic(
                shown_as,
                line,
                "not-utf8",
                Severity.ERROR,
                f"Tệp không được lưu bằng mã UTF-8 ({guess}): byte {error.start} không đọc được. "
                "Mở tệp bằng trình soạn thảo, chuyển sang Unicode và lưu với mã hóa UTF-8 "
                "rồi gửi lại.",
            )
        ) from None


def read_source(path: Path, shown_as: str, max_bytes: int = MAX_FILE_BYTES) -> Source:
    """Read `path` as UTF-8 text in NFC and check it; raise UnreadableFile if it cannot be.

    Text in decomposed Unicode (NFD), text garbled from a legacy Vietnamese encoding and
    invisible or direction-changing characters are reported, not refused.
    """
    data = path.read_bytes()
    if len(data) > max_bytes:
        raise UnreadableFile(
            Diagnostic(
                shown_as,
                1,
                "file-too-large",
                Severity.ERROR,
                f"Tệp lớn hơn {max_bytes // 1024} KB; hãy chia thành nhiều bài hoặc đưa tài "
                "liệu dài vào tệp đính kèm.",
            )
        )
    text = _decode(data, shown_as)
    text = text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    controls = control_characters(text)
    if controls is not None:
        raise UnreadableFile(
            Diagnostic(
                shown_as,
                controls.lines[0],
                "control-character",
                Severity.ERROR,
                controls.describe(),
            )
        )
    diagnostics = []
    if not unicodedata.is_normalized("NFC", text):
        line = next(
            n for n, t in enumerate(text.split("\n"), 1) if not unicodedata.is_normalized("NFC", t)
        )
        diagnostics.append(
            Diagnostic(
                shown_as,
                line,
                "not-nfc",
                Severity.WARNING,
                "Chữ tiếng Việt được lưu ở dạng tổ hợp (NFD, dấu tách khỏi chữ) nên tìm kiếm và "
                f"sắp xếp có thể sai; chạy '{COMMAND} validate --fix' để chuyển về dạng "
                "dựng sẵn (NFC).",
            )
        )
        text = unicodedata.normalize("NFC", text)
    legacy = legacy_encoding(text)
    if legacy:
        diagnostics.append(
            Diagnostic(
                shown_as,
                first_legacy_line(text, legacy),
                "legacy-encoding",
                Severity.WARNING,
                legacy_advice(legacy),
            )
        )
    suspects = suspect_characters(text)
    if legacy == "TCVN3":
        suspects = [s for s in suspects if s.char != "\xad"]  # TCVN3's "ư", reported above
    for suspect in suspects:
        if suspect.bidi:
            diagnostics.append(
                Diagnostic(
                    shown_as,
                    suspect.line,
                    "bidi-control",
                    Severity.ERROR,
                    f"Ký tự điều khiển hướng chữ {suspect.codepoint} (cột {suspect.column}) "
                    "có thể làm chữ hiển thị khác với nội dung thật; xóa ký tự này.",
                )
            )
    invisible_lines = sorted({s.line for s in suspects if not s.bidi})
    if invisible_lines:
        codepoints = sorted({s.codepoint for s in suspects if not s.bidi})
        diagnostics.append(
            Diagnostic(
                shown_as,
                invisible_lines[0],
                "invisible-character",
                Severity.WARNING,
                f"Ký tự ẩn {', '.join(codepoints)} ở {len(invisible_lines)} dòng (dòng "
                f"{', '.join(map(str, invisible_lines[:10]))}), thường do sao chép từ trang "
                f"khác; chạy '{COMMAND} validate --fix' để xóa.",
            )
        )
    return Source(text, diagnostics)
