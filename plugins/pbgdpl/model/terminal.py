"""Content printed on a terminal or a CI log: one line, and no control sequence.

A file name, a key or a value from an editor can hold a line break or an escape. On a
terminal, ESC starts sequences that set links (OSC 8) or the clipboard (OSC 52); on
GitHub Actions, a line starting with `::` is a command to the runner (`::add-mask::`,
`::stop-commands::`). Every piece of content printed goes through `one_line`, so it can
neither start a line nor send a sequence; the line around it is ours.
"""

from __future__ import annotations

import re

LINE_BREAKS = "\n\r\x0b\x0c\x85\u2028\u2029"
# C0 (tab aside), DEL, C1, the characters some readers take as line breaks, and lone
# surrogates (a file name that is not UTF-8, as Python decodes it).
CONTROL_OR_BREAK = re.compile("[\x00-\x08\x0a-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff]")


def visible(char: str) -> str:
    """Return a control character written out, as `\\x1b` is in Python."""
    return f"\\x{ord(char):02x}" if ord(char) < 0x100 else f"\\u{ord(char):04x}"


def without_control_sequences(text: str, *, keep: str = "") -> str:
    """Write out every control character of `text` but those in `keep` (visible, inert)."""
    return CONTROL_OR_BREAK.sub(
        lambda found: found.group() if found.group() in keep else visible(found.group()), text
    )


def one_line(text: object) -> str:
    """Return content as one inert line: breaks shown as ↵, other controls written out."""
    lines = re.split(f"[{LINE_BREAKS}]+", str(text))
    return " ↵ ".join(without_control_sequences(line) for line in lines)
