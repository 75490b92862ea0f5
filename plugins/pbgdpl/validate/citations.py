"""Citation checks: document numbers and dates in editors' text that cannot be right.

Two slips are caught before publishing:

- a number that is not registered but is one keystroke away from a registered one
  of the same kind and issuer ("417/QĐ-TTg" for 471/QĐ-TTg). Laws of one session
  are numbered in sequence (44/2019/QH14 and 45/2019/QH14 are both real), so a
  near number is reported only with evidence: the date written next to it is the
  registered document's date, or, with no date there, two neighbouring digits are
  swapped (the commonest slip);
- a date that does not exist: year 20121, 30/02.

What a text writes is found once per file (`model/written.py`, kept with its parse);
here each number found is looked up in the registry.
"""

from __future__ import annotations

import datetime as dt

from pbgdpl.catalog.registry import LegalDocument, Registry
from pbgdpl.model.numbers import NumberParts, parse_number
from pbgdpl.model.written import TextProblem, TextScan, scan_text


def _describe(document: LegalDocument) -> str:
    return f"{document.name} của {document.issuer}"


def did_you_mean(
    parts: NumberParts, registry: Registry, site: str, written: dt.date | None
) -> str | None:
    """Return the did-you-mean message for an unregistered number, or None."""
    if registry.lookup(parts.text, site) is not None:
        return None
    candidates = registry.near_misses(parts, site)
    if written is not None:
        for document, _ in candidates:
            for when, verb in (
                (document.issued, "được ban hành"),
                (document.effective, "có hiệu lực"),
            ):
                if when == written:
                    return (
                        f'Có phải "{document.number}"? Số ký hiệu "{parts.text}" không có '
                        f"trên cổng, còn {_describe(document)} {verb} đúng ngày "
                        f"{when:%d/%m/%Y} ghi cạnh số này. Sửa lại số ký hiệu nếu viết nhầm "
                        f"(did you mean {document.number}?)."
                    )
        return None
    for document, slip in candidates:
        if slip == "transposition":
            return (
                f'Có phải "{document.number}"? Số ký hiệu "{parts.text}" không có trên cổng '
                f"và chỉ khác {_describe(document)} (ban hành ngày "
                f"{document.issued:%d/%m/%Y}) ở hai ký tự đứng đổi chỗ. Sửa lại số ký hiệu "
                f"nếu viết nhầm (did you mean {document.number}?)."
            )
    return None


def check_number(number: str, registry: Registry, site: str) -> str | None:
    """Return the did-you-mean message for a number written in a front-matter field."""
    parts = parse_number(number)
    return did_you_mean(parts, registry, site, None) if parts else None


def check_text(text: str, registry: Registry, site: str) -> list[TextProblem]:
    """Check the numbers and dates of a Markdown text read on `site` ("" is national)."""
    return check_scan(scan_text(text), registry, site)


def check_scan(scan: TextScan, registry: Registry, site: str) -> list[TextProblem]:
    """Check what `scan_text` found in a text against the registry, in the text's order."""
    found = list(scan.problems)
    for number in scan.numbers:
        message = did_you_mean(number.parts, registry, site, number.date)
        if message:
            found.append((number.start, TextProblem(number.line, "citation-typo", message)))
    found.sort(key=lambda entry: (entry[0], entry[1].code, entry[1].message))
    return [problem for _, problem in found]
