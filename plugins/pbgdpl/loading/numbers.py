"""A legal document's number against its kind, issuer and date of issue: a check of one file.

It needs only the file's own values, so it runs while the item loads and its problems come
with the file's other errors in one pass, even when another field of the file is wrong.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from pbgdpl.model.diagnostics import Diagnostic, Severity
from pbgdpl.model.numbers import load_number_rules, parse_number
from pbgdpl.model.sections import Section

# Number problems an editor may publish with (a spelling), and those that block publishing.
WARNING_CODES = frozenset({"document-number-spelling"})
NUMBER_KEY = "so_ky_hieu"


def check_number(
    section: Section, parsed: dict[str, Any], lines: dict[str, int], path: str
) -> list[Diagnostic]:
    """Check a document's number once its kind, issuer and date of issue have been read."""
    number: str | None = parsed.get("number")
    kind: str | None = parsed.get("doc_type")
    issuer: str | None = parsed.get("issuer")
    issued: dt.date | None = parsed.get("issued")
    if not section.registers_documents or number is None or kind is None or issuer is None:
        return []
    if issued is None:
        return []
    parts = parse_number(number)
    if parts is None:
        return []
    line = lines.get(NUMBER_KEY, 1)
    return [
        Diagnostic(
            path,
            line,
            problem.code,
            Severity.WARNING if problem.code in WARNING_CODES else Severity.ERROR,
            problem.message,
        )
        for problem in load_number_rules().check(parts, kind, issuer, issued)
    ]
