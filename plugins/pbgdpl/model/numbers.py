"""Document numbers (số ký hiệu): read them, check them against type and issuer, compare them.

A number is `serial[/year]/codes`: `145/2020/NĐ-CP` (Nghị định of Chính phủ),
`31/2024/QH15` (a law of the 15th Quốc hội), `471/QĐ-TTg` (an administrative decision
of the Prime Minister), `2610/BTP-PBGDPL` (a letter of Bộ Tư pháp, drafted by its
PBGDPL department). Lookups fold `Đ` to `D` and ignore case, so `145/2020/ND-CP`
finds `145/2020/NĐ-CP`; what is shown keeps the number as written.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

import yaml

from pbgdpl.model.vocabularies import provincial_issuers

# Five-digit years are read too, so that "14/20121/QĐ-TTg" can be reported, not skipped.
NUMBER = re.compile(
    r"^(?P<serial>\d{1,5}[a-z]?)(?:/(?P<year>\d{4,5}))?"
    r"/(?P<codes>(?=[^/]*[A-Za-zĐđ])[A-Za-zĐđ0-9]+(?:-[A-Za-zĐđ0-9]+)*)$"
)
# A number inside running text: its codes start with a capital letter (QĐ, NĐ, QH15, BTP),
# and it is not part of a longer path or word. The pattern starts with a digit (the
# look-behind comes after it) so that the regex engine skips quickly through prose.
NUMBER_IN_TEXT = re.compile(
    r"\d(?<![\w/.\-]\d)\d{0,4}[a-z]?(?:/\d{4,5})?/[A-ZĐ][A-Za-zĐđ0-9]*(?:-[A-Za-zĐđ0-9]+)*"
    r"(?![\w/]|-\w)"
)
# The shape an editor must write, in the regex dialect every JSON Schema tool reads (no
# named groups): NUMBER's, with a four-digit year.
NUMBER_PATTERN = r"^\d{1,5}[a-z]?(?:/\d{4})?/(?=[^/]*[A-Za-zĐđ])[A-Za-zĐđ0-9]+(?:-[A-Za-zĐđ0-9]+)*$"
LEGISLATURE = re.compile(r"^(?:QH|UBTVQH)\d{1,2}$")
FIRST_YEAR = 1945
# The terms (khóa) of the National Assembly and the years they sat: a term ends in the year
# the next begins, so a number of that year may carry either (45/2016/QH13, 1/2016/QH14).
LEGISLATURE_TERMS: dict[int, tuple[int, int]] = {
    1: (1946, 1960),
    2: (1960, 1964),
    3: (1964, 1971),
    4: (1971, 1975),
    5: (1975, 1976),
    6: (1976, 1981),
    7: (1981, 1987),
    8: (1987, 1992),
    9: (1992, 1997),
    10: (1997, 2002),
    11: (2002, 2007),
    12: (2007, 2011),
    13: (2011, 2016),
    14: (2016, 2021),
    15: (2021, 2026),
    16: (2026, 2031),
}


def fold_code(code: str) -> str:
    """Fold a code for comparison: upper case, Đ as D ("NĐ" and "nd" give "ND")."""
    return code.upper().replace("Đ", "D")


@dataclass(frozen=True)
class NumberParts:
    """A document number split into its serial, its year (if any) and its codes."""

    text: str
    serial: str
    year: int | None
    codes: tuple[str, ...]

    @property
    def key(self) -> str:
        """Return the lookup key: the same for every spelling of the same number."""
        year = f"/{self.year}" if self.year is not None else ""
        return f"{self.serial.lower()}{year}/" + "-".join(fold_code(c) for c in self.codes)

    @property
    def head(self) -> str:
        """Return the part an editor's typo changes: the serial and the year."""
        return self.serial.lower() + (f"/{self.year}" if self.year is not None else "")

    @property
    def folded_codes(self) -> tuple[str, ...]:
        """Return the codes folded for comparison."""
        return tuple(fold_code(c) for c in self.codes)


def parse_number(text: str) -> NumberParts | None:
    """Split a document number into its parts; return None when it is not one."""
    match = NUMBER.fullmatch(text.strip().replace(" ", ""))
    if match is None:
        return None
    year = int(match["year"]) if match["year"] else None
    return NumberParts(match.group(0), match["serial"], year, tuple(match["codes"].split("-")))


def terms_of(year: int) -> list[int]:
    """Return the terms of the National Assembly that sat in `year` (two in an election year)."""
    return [term for term, (first, last) in LEGISLATURE_TERMS.items() if first <= year <= last]


def legislature_term_problem(parts: NumberParts) -> str | None:
    """Say why a number's term of the National Assembly cannot go with its year, or None.

    `52/2014/QH14` is impossible: the 14th National Assembly first sat in 2016.
    """
    if parts.year is None:
        return None
    for code in parts.codes:
        folded = fold_code(code)
        if not LEGISLATURE.match(folded):
            continue
        prefix = folded.rstrip("0123456789")
        term = int(folded[len(prefix) :])
        fitting = terms_of(parts.year)
        if term in fitting or not fitting:
            return None
        first, last = LEGISLATURE_TERMS.get(term, (None, None))
        sat = f" (khóa {term} họp từ năm {first} đến năm {last})" if first else ""
        fixes = " hoặc ".join(
            f'"{parts.text.replace(code, f"{prefix}{t}")}" (khóa {t})' for t in fitting
        )
        return (
            f'Số ký hiệu "{parts.text}" không hợp lệ: năm {parts.year} không thuộc nhiệm kỳ '
            f"Quốc hội khóa {term}{sat}. Năm {parts.year} là của Quốc hội khóa "
            f"{' và '.join(str(t) for t in fitting)}: viết {fixes}, hoặc sửa năm cho đúng "
            "văn bản gốc."
        )
    return None


def impossible_year(parts: NumberParts, last_year: int) -> bool:
    """Tell whether the number's year cannot be a year of issue (20121, 1890)."""
    return parts.year is not None and not FIRST_YEAR <= parts.year <= last_year


@dataclass(frozen=True)
class DocumentKind:
    """A kind of document (loại văn bản) and how its numbers are written."""

    name: str
    code: str | None
    normative: bool
    administrative: bool
    legislative: bool

    @property
    def year_rule(self) -> str:
        """Return "required", "optional" or "none": whether its number carries the year."""
        if not self.normative:
            return "none"
        return "optional" if self.administrative else "required"


@dataclass(frozen=True)
class NumberProblem:
    """What is wrong with a document's number: a stable code and a Vietnamese message."""

    code: str
    message: str


class NumberRules:
    """The codes of document kinds and issuers, from the content model's vocabularies."""

    def __init__(self, raw: dict[str, Any]) -> None:
        self.kinds = {
            entry["name"]: DocumentKind(
                entry["name"],
                entry.get("code"),
                entry["normative"],
                entry.get("administrative", False),
                entry.get("legislative", False),
            )
            for entry in raw["document_types"]
        }
        self.kind_by_code = {fold_code(k.code): k for k in self.kinds.values() if k.code}
        self.central: dict[str, str] = raw["issuer_codes"]["central"]
        self.provincial: dict[str, str] = raw["issuer_codes"]["provincial"]
        self.provincial_issuers = frozenset(
            issuer for bodies in provincial_issuers(raw).values() for issuer in bodies
        )
        # How the vocabulary spells each code, to show "NĐ-CP" for "ND-CP".
        self.spelling = {
            fold_code(code): code
            for code in (
                *(k.code for k in self.kind_by_code.values() if k.code),
                *self.central.values(),
                *self.provincial.values(),
            )
        }

    def split(self, parts: NumberParts) -> tuple[DocumentKind | None, tuple[str, ...]]:
        """Return the kind named by the number's first code (if any) and its issuer codes."""
        kind = self.kind_by_code.get(parts.folded_codes[0])
        if kind is not None and len(parts.codes) > 1:
            return kind, parts.codes[1:]
        return None, parts.codes

    def issuer_code(self, issuer: str) -> str | None:
        """Return the code an issuer writes in its numbers, or None when it is not known."""
        if issuer in self.central:
            return self.central[issuer]
        for prefix, code in self.provincial.items():
            if issuer.startswith(prefix + " "):
                return code
        return None

    def is_provincial(self, issuer: str) -> bool:
        """Tell whether the issuer is one of a province's bodies (council, committee, sở…)."""
        return issuer in self.provincial_issuers

    def canonical(self, parts: NumberParts) -> str:
        """Return the number spelled with the vocabulary's codes: "ND-CP" becomes "NĐ-CP"."""
        codes = [
            fold_code(code)
            if LEGISLATURE.match(fold_code(code))
            else self.spelling.get(fold_code(code), code)
            for code in parts.codes
        ]
        year = f"/{parts.year}" if parts.year is not None else ""
        return f"{parts.serial}{year}/" + "-".join(codes)

    def check(
        self, parts: NumberParts, kind_name: str, issuer: str, issued: dt.date
    ) -> list[NumberProblem]:
        """Check a registered document's number against its kind, issuer and date of issue."""
        kind = self.kinds.get(kind_name)
        if kind is None:
            return []
        problems = []
        kind_problem = self._check_kind(parts, kind, issuer, issued)
        if kind_problem:
            problems.append(NumberProblem("document-number-kind", kind_problem))
        issuer_problem = self._check_issuer(parts, issuer)
        if issuer_problem:
            problems.append(NumberProblem("document-number-issuer", issuer_problem))
        year_problem = self._check_year(parts, kind, issued)
        if year_problem:
            problems.append(NumberProblem("document-number-year", year_problem))
        term_problem = legislature_term_problem(parts)
        if term_problem:
            problems.append(NumberProblem("legislature-term", term_problem))
        canonical = self.canonical(parts)
        if not problems and canonical != parts.text:
            problems.append(
                NumberProblem(
                    "document-number-spelling",
                    f'Viết số ký hiệu đúng như trên văn bản: "{canonical}" thay cho '
                    f'"{parts.text}" (chữ Đ và chữ hoa, chữ thường của ký hiệu là một phần '
                    "của số).",
                )
            )
        return problems

    def _example(self, parts: NumberParts, kind: DocumentKind, issuer: str, year: int) -> str:
        issuer_code = self.issuer_code(issuer) or "…"
        if issuer_code in ("QH", "UBTVQH"):
            issuer_code += "15"
        codes = f"{kind.code}-{issuer_code}" if kind.code else issuer_code
        if not kind.code and not kind.legislative:
            codes = f"{issuer_code}-…"
        with_year = kind.year_rule == "required" or (
            kind.year_rule == "optional" and parts.year is not None
        )
        return f"{parts.serial}/{year}/{codes}" if with_year else f"{parts.serial}/{codes}"

    def _check_kind(
        self, parts: NumberParts, kind: DocumentKind, issuer: str, issued: dt.date
    ) -> str | None:
        written, issuers = self.split(parts)
        if written is not None:
            if written.name == kind.name:
                return None
            return (
                f'Số ký hiệu "{parts.text}" mang ký hiệu "{parts.codes[0]}" của '
                f'{written.name}, nhưng "loai_van_ban" là "{kind.name}"; sửa một trong hai '
                "cho khớp với văn bản gốc."
            )
        by_legislature = any(LEGISLATURE.match(fold_code(c)) for c in issuers)
        if by_legislature and kind.legislative:
            return None
        if not by_legislature and kind.code is None and not kind.legislative:
            return None
        example = self._example(parts, kind, issuer, issued.year)
        return (
            f'Số ký hiệu "{parts.text}" không có dạng số ký hiệu của {kind.name}; '
            f'viết theo dạng "{example}", hoặc sửa "loai_van_ban" cho khớp với văn bản gốc.'
        )

    def _check_issuer(self, parts: NumberParts, issuer: str) -> str | None:
        code = self.issuer_code(issuer)
        if code is None:
            return None
        _, issuers = self.split(parts)
        folded = fold_code(code)
        for written in issuers:
            mine = fold_code(written)
            # Quốc hội writes its term after its code: QH15.
            if mine == folded or (LEGISLATURE.match(mine) and mine.rstrip("0123456789") == folded):
                return None
        return (
            f'Số ký hiệu "{parts.text}" không có ký hiệu "{code}" của {issuer} '
            '(cơ quan ban hành); kiểm tra lại "co_quan_ban_hanh" hoặc số ký hiệu.'
        )

    def _check_year(self, parts: NumberParts, kind: DocumentKind, issued: dt.date) -> str | None:
        rule = kind.year_rule
        if parts.year is None and rule == "required":
            return (
                f"{kind.name} là văn bản quy phạm pháp luật: số ký hiệu phải có năm ban hành, "
                f'ví dụ "{parts.serial}/{issued.year}/{"-".join(parts.codes)}".'
            )
        if parts.year is not None and rule == "none":
            return (
                f"{kind.name} là văn bản hành chính: số ký hiệu không ghi năm, "
                f'ví dụ "{parts.serial}/{"-".join(parts.codes)}".'
            )
        if parts.year is not None and parts.year != issued.year:
            return (
                f'Năm trong số ký hiệu "{parts.text}" ({parts.year}) khác năm của ngày ban '
                f'hành ({issued:%d/%m/%Y}); sửa "so_ky_hieu" hoặc "ngay_ban_hanh".'
            )
        return None


@cache
def load_number_rules() -> NumberRules:
    """Load the number rules from the vocabularies shipped with the package."""
    text = resources.files("pbgdpl.model").joinpath("vocabularies.yml").read_text("utf-8")
    return NumberRules(yaml.safe_load(text))


def one_edit(typed: str, registered: str) -> str | None:
    """Say how `typed` is one keystroke away from `registered`, or return None.

    "transposition" (two neighbours swapped: 417 for 471) is the commonest slip;
    "substitution", "insertion" and "deletion" are the others.
    """
    if typed == registered:
        return None
    if len(typed) == len(registered):
        diffs = [i for i, (a, b) in enumerate(zip(typed, registered, strict=True)) if a != b]
        if len(diffs) == 1:
            return "substitution"
        if (
            len(diffs) == 2
            and diffs[1] == diffs[0] + 1
            and typed[diffs[0]] == registered[diffs[1]]
            and typed[diffs[1]] == registered[diffs[0]]
        ):
            return "transposition"
        return None
    longer, shorter = (typed, registered) if len(typed) > len(registered) else (registered, typed)
    if len(longer) - len(shorter) != 1:
        return None
    for i in range(len(longer)):
        if longer[:i] + longer[i + 1 :] == shorter:
            return "insertion" if longer is typed else "deletion"
    return None
