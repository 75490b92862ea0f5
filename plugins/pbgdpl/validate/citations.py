"""Citation checks: document numbers and dates in editors' text that cannot be right.

Two slips are caught before publishing:

- a number that is not registered but is one keystroke away from a registered one
  of the same kind and issuer ("417/QĐ-TTg" for 471/QĐ-TTg). Laws of one session
  are numbered in sequence (44/2019/QH14 and 45/2019/QH14 are both real), so a
  near number is reported only with evidence: the date written next to it is the
  registered document's date, or, with no date there, two neighbouring digits are
  swapped (the commonest slip);
- a date that does not exist: year 20121, 30/02.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass

from pbgdpl.catalog.registry import LegalDocument, Registry
from pbgdpl.model.numbers import (
    FIRST_YEAR,
    NUMBER_IN_TEXT,
    NumberParts,
    impossible_year,
    parse_number,
)

LAST_YEAR = 2100
# How far from a number a date may be written and still be read as its date.
DATE_WINDOW = 90
# Each pattern starts with a character class, its look-behind after it: the regex engine
# then skips quickly through prose (three times faster on the benchmark corpus).
DATE_NUMERIC = re.compile(
    r"(?P<day>\d(?<![\d/\-]\d)\d?)(?P<sep>[/\-])(?P<month>\d{1,2})(?P=sep)(?P<year>\d{4,5})"
    r"(?![\d/\-])"
)
# The words start with their rarer letters ("gày" of "ngày"); the match begins one
# character later than the date as written.
DATE_WORDS = re.compile(
    r"gày(?<=[Nn]gày)(?<!\w[Nn]gày)\s+(?P<day>\d{1,2})\s+tháng\s+(?P<month>\d{1,2})\s+"
    r"năm\s+(?P<year>\d{4,5})(?!\d)"
)
FIVE_DIGIT_YEAR = re.compile(r"ăm(?<=[Nn]ăm)(?<!\w[Nn]ăm)\s+([12]\d{4})(?![\d.,]?\d)")
# Markdown that is not prose: code, link targets, bare addresses, HTML tags.
NOT_PROSE = re.compile(r"`+[^`\n]*`+|\]\([^)\n]*\)|<https?://[^>\n]*>|https?://\S+|<[^>\n]*>")
DIGIT = re.compile(r"\d")
FENCE = re.compile(r"^\s{0,3}(```|~~~)")


@dataclass(frozen=True)
class TextProblem:
    """A problem in a piece of text: its line (0-based), a code and a Vietnamese message."""

    line: int
    code: str
    message: str


def _blank(match: re.Match[str]) -> str:
    return " " * len(match.group(0))


def prose(markdown: str) -> str:
    """Return a Markdown text with code and addresses blanked out; its lines stay in place."""
    if "```" in markdown or "~~~" in markdown:
        lines = []
        in_fence = False
        for line in markdown.split("\n"):
            fence = FENCE.match(line) is not None
            in_fence = in_fence != fence
            lines.append("" if fence or in_fence else line)
        markdown = "\n".join(lines)
    if not any(mark in markdown for mark in ("`", "](", "<", "http")):
        return markdown
    return NOT_PROSE.sub(_blank, markdown)


def _year_guesses(year: str) -> str:
    # A five-digit year is most often a real year with one key pressed twice or too many.
    dropped = {int(year[:i] + year[i + 1 :]) for i in range(len(year))}
    guesses = sorted(y for y in dropped if FIRST_YEAR <= y <= LAST_YEAR)
    if not guesses:
        return "sửa lại cho đúng"
    shown = [str(g) for g in guesses]
    listed = shown[0] if len(shown) == 1 else ", ".join(shown[:-1]) + " hoặc " + shown[-1]
    return f"có thể là {listed}, sửa lại cho đúng"


def _calendar_problem(day: int, month: int, year: int) -> str | None:
    if not 1 <= month <= 12:
        return f"không có tháng {month}"
    try:
        dt.date(year, month, day)
    except ValueError:
        if day == 0:
            return "không có ngày 0"
        following = dt.date(year + month // 12, month % 12 + 1, 1)
        last = (following - dt.timedelta(days=1)).day
        return f"tháng {month}/{year} chỉ có {last} ngày"
    return None


@dataclass(frozen=True)
class WrittenDate:
    """A date as written in text: where, how, and its parts (the year as text)."""

    start: int
    end: int
    text: str
    day: int
    month: int
    year: str

    @property
    def date(self) -> dt.date | None:
        """Return the date, or None when it cannot exist."""
        if len(self.year) > 4:
            return None
        try:
            return dt.date(int(self.year), self.month, self.day)
        except ValueError:
            return None


def written_dates(text: str) -> list[WrittenDate]:
    """Return every date written in the text (dd/mm/yyyy, dd-mm-yyyy, "ngày … tháng … năm")."""
    found = []
    for pattern, back in ((DATE_NUMERIC, 0), (DATE_WORDS, 1)):
        for m in pattern.finditer(text):
            start = m.start() - back
            found.append(
                WrittenDate(
                    start, m.end(), text[start : m.end()], int(m["day"]), int(m["month"]), m["year"]
                )
            )
    return sorted(found, key=lambda d: d.start)


def impossible_dates(text: str, dates: list[WrittenDate]) -> Iterator[tuple[int, str]]:
    """Yield the place and a message for each date or year of the text that cannot exist."""
    for written in dates:
        if len(written.year) > 4:
            yield (
                written.start,
                f'Ngày "{written.text}" không có thật: năm "{written.year}" '
                f"có năm chữ số; {_year_guesses(written.year)}.",
            )
            continue
        problem = _calendar_problem(written.day, written.month, int(written.year))
        if problem:
            yield (
                written.start,
                f'Ngày "{written.text}" không có thật ({problem}); kiểm tra lại ngày, tháng.',
            )
    for match in FIVE_DIGIT_YEAR.finditer(text):
        yield match.start() - 1, f'Năm "{match[1]}" không có thật; {_year_guesses(match[1])}.'


def date_near(text: str, start: int, end: int, dates: list[WrittenDate]) -> dt.date | None:
    """Return the real date written nearest to text[start:end], on its line and close to it."""
    nearest: tuple[int, dt.date] | None = None
    for written in dates:
        distance = start - written.end if written.end <= start else written.start - end
        if not 0 <= distance <= DATE_WINDOW or written.date is None:
            continue
        between = text[written.end : start] if written.end <= start else text[end : written.start]
        if "\n" not in between and (nearest is None or distance < nearest[0]):
            nearest = (distance, written.date)
    return nearest[1] if nearest else None


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
    if DIGIT.search(text) is None:
        return []
    masked = prose(text)
    dates = written_dates(masked)
    found = [
        (start, "impossible-date", message) for start, message in impossible_dates(masked, dates)
    ]
    for match in NUMBER_IN_TEXT.finditer(masked):
        parts = parse_number(match.group(0))
        if parts is None:
            continue
        if impossible_year(parts, LAST_YEAR):
            found.append(
                (
                    match.start(),
                    "impossible-date",
                    f'Năm "{parts.year}" trong số ký hiệu "{parts.text}" không có thật; '
                    f"{_year_guesses(str(parts.year))}.",
                )
            )
            continue
        written = date_near(masked, match.start(), match.end(), dates)
        message = did_you_mean(parts, registry, site, written)
        if message:
            found.append((match.start(), "citation-typo", message))
    return [
        TextProblem(masked.count("\n", 0, start), code, message)
        for start, code, message in sorted(found)
    ]
