"""What an editor's text writes that the portal-wide checks read, found once per file.

The dates and document numbers written in its prose (`scan_text`) and the links of its
body (`links_in`) depend on the text alone: they are found when a file is parsed and kept
with the parse (`Item.body_scan`, `Item.body_links`), and `validate/` checks them against
the whole portal on every load, so a load that parses nothing scans nothing either.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass

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


@dataclass(frozen=True)
class WrittenNumber:
    """A document number written in prose: where, its parts, the date written next to it."""

    start: int
    line: int
    parts: NumberParts
    date: dt.date | None


@dataclass(frozen=True)
class TextScan:
    """What a text writes that cannot be right whatever else the portal holds (impossible
    dates, each with its place), and the document numbers it writes, to look up."""

    problems: tuple[tuple[int, TextProblem], ...] = ()
    numbers: tuple[WrittenNumber, ...] = ()


def scan_text(text: str) -> TextScan:
    """Find the impossible dates and the document numbers written in a Markdown text."""
    if DIGIT.search(text) is None:
        return TextScan()
    masked = prose(text)
    dates = written_dates(masked)
    problems = [
        (start, "impossible-date", message) for start, message in impossible_dates(masked, dates)
    ]
    numbers = []
    for match in NUMBER_IN_TEXT.finditer(masked):
        parts = parse_number(match.group(0))
        if parts is None:
            continue
        line = masked.count("\n", 0, match.start())
        if impossible_year(parts, LAST_YEAR):
            problems.append(
                (
                    match.start(),
                    "impossible-date",
                    f'Năm "{parts.year}" trong số ký hiệu "{parts.text}" không có thật; '
                    f"{_year_guesses(str(parts.year))}.",
                )
            )
            continue
        written = date_near(masked, match.start(), match.end(), dates)
        numbers.append(WrittenNumber(match.start(), line, parts, written))
    return TextScan(
        tuple(
            (start, TextProblem(masked.count("\n", 0, start), code, message))
            for start, code, message in problems
        ),
        tuple(numbers),
    )


# [text](target) or [text](target "title"), not a picture (![…](…)), outside code spans.
LINK = re.compile(r"(?<![!\\])\[[^\]]*\]\(\s*<?([^)\s>]+)>?(?:\s+\"[^\"]*\")?\s*\)")
LINK_FENCE = re.compile(r"^\s*(```|~~~)")
CODE_SPAN = re.compile(r"`[^`]*`")


def links_in(body: str, first_line: int) -> tuple[tuple[int, str], ...]:
    """Return (line, target) of each link in a Markdown text, outside code."""
    found = []
    fenced = False
    for number, line in enumerate(body.split("\n")):
        if LINK_FENCE.match(line):
            fenced = not fenced
            continue
        if not fenced:
            found += [
                (first_line + number, m.group(1)) for m in LINK.finditer(CODE_SPAN.sub("", line))
            ]
    return tuple(found)
