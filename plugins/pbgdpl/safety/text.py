"""Checks on an editor's text: legacy Vietnamese encodings, invisible and bidi characters."""

from __future__ import annotations

import re
from dataclasses import dataclass

from pbgdpl.model.diagnostics import COMMAND

# Characters a TCVN3 (ABC) file shows when read as Windows-1252: none is Vietnamese.
TCVN3_SIGNS = re.compile("[¸µ¶·¹¨»¾¼½Æ©®ª«¬\xad×ÞßÐÏÎ]")
# VNI writes a tone or hat as a second byte after the vowel ("Vieät", "Tö", "ñaát"); these
# bytes read as Windows-1252 give letters Vietnamese never uses.
VNI_SIGNS = re.compile("[a-zA-Z][øûïäåëüöÖ]|[ñÑ][a-zA-Z]")
ANY_LEGACY_SIGN = re.compile("[¸µ¶·¹¨»¾¼½Æ©®ª«¬\xad×ÞßÐÏÎøûïäåëüöÖñÑ]")
LEGACY_THRESHOLD = 3
LEGACY_NAMES = {"TCVN3": "TCVN3 (ABC, phông .VnTime)", "VNI": "VNI (phông VNI-Times)"}

BIDI_CONTROLS = frozenset(
    "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f\u061c"
)
INVISIBLE = frozenset("\u200b\u200c\u200d\u2060\ufeff\u00ad")
SUSPECT = re.compile("[" + "".join(sorted(BIDI_CONTROLS | INVISIBLE)) + "]")
# C0 controls but tab, line feed and carriage return; DEL; C1 controls. None is text: they
# make feeds ill-formed XML, reach spreadsheets and drive terminals (ESC, CSI, OSC).
CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


def legacy_encoding(text: str) -> str | None:
    """Name the legacy Vietnamese encoding `text` looks garbled from, or None."""
    if not ANY_LEGACY_SIGN.search(text):
        return None
    tcvn3 = len(TCVN3_SIGNS.findall(text))
    vni = len(VNI_SIGNS.findall(text))
    if max(tcvn3, vni) < LEGACY_THRESHOLD:
        return None
    return "TCVN3" if tcvn3 >= vni else "VNI"


def legacy_advice(encoding: str) -> str:
    """Tell an editor how to convert text typed in a legacy encoding (Vietnamese)."""
    return (
        f"Văn bản có vẻ được gõ bằng bảng mã {LEGACY_NAMES[encoding]} nên hiển thị sai dấu. "
        f"Chuyển mã sang Unicode (ví dụ Unikey: Công cụ chuyển mã, nguồn {encoding}, đích "
        "Unicode) rồi dán lại và lưu tệp bằng UTF-8."
    )


def first_legacy_line(text: str, encoding: str) -> int:
    """Return the first line showing signs of the legacy encoding."""
    pattern = TCVN3_SIGNS if encoding == "TCVN3" else VNI_SIGNS
    for number, line in enumerate(text.split("\n"), start=1):
        if pattern.search(line):
            return number
    return 1


@dataclass(frozen=True)
class SuspectCharacter:
    """An invisible or direction-changing character, where it is, and whether it is bidi."""

    line: int
    column: int
    char: str

    @property
    def bidi(self) -> bool:
        """Tell whether the character changes the direction text is shown in."""
        return self.char in BIDI_CONTROLS

    @property
    def codepoint(self) -> str:
        """Return the character as U+XXXX."""
        return f"U+{ord(self.char):04X}"


def suspect_characters(text: str) -> list[SuspectCharacter]:
    """Return every bidi control and zero-width character in `text`, in order."""
    if not SUSPECT.search(text):
        return []
    found: list[SuspectCharacter] = []
    for number, line in enumerate(text.split("\n"), start=1):
        found.extend(
            SuspectCharacter(number, match.start() + 1, match.group())
            for match in SUSPECT.finditer(line)
        )
    return found


@dataclass(frozen=True)
class ControlCharacters:
    """The control characters of a text: which ones, and on which lines (1-based)."""

    codepoints: tuple[str, ...]
    lines: tuple[int, ...]

    def describe(self) -> str:
        """Say in Vietnamese which control characters are where, for a diagnostic."""
        shown = ", ".join(map(str, self.lines[:10])) + (" …" if len(self.lines) > 10 else "")
        return (
            f"Ký tự điều khiển {', '.join(self.codepoints)} ở {len(self.lines)} dòng "
            f"(dòng {shown}), không phải chữ và làm hỏng trang, nguồn tin, tệp dữ liệu; "
            f"thường do sao chép từ phần mềm khác. Chạy '{COMMAND} validate --fix' "
            "để xóa, hoặc gõ lại dòng đó (control characters)."
        )


def control_characters(text: str, first_line: int = 1) -> ControlCharacters | None:
    """Return the control characters in `text` (tab and line ends are text), or None.

    Lines are counted from `first_line`, the line of the file `text` starts on.
    """
    if not CONTROL.search(text):
        return None
    found = sorted({f"U+{ord(c):04X}" for c in CONTROL.findall(text)})
    lines = tuple(n for n, line in enumerate(text.split("\n"), first_line) if CONTROL.search(line))
    return ControlCharacters(tuple(found), lines)


def without_controls(text: str) -> str:
    """Return `text` without control characters (tab and line ends stay)."""
    return CONTROL.sub("", text)


def without_invisible(text: str) -> str:
    """Return `text` without zero-width characters (bidi controls are left to a person)."""
    return "".join(c for c in text if c not in INVISIBLE)


def readable_name(name: str) -> str:
    """Return a file name with the bytes that are not UTF-8 written out as `\\xff`.

    Python (and Git) hand such bytes over as lone surrogates, which no file, report or
    terminal can carry; written out, the name prints, and it names no file, which is
    how the loader and the review notice it.
    """
    return name.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
