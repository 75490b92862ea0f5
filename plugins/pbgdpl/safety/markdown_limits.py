"""Bounds on Markdown that would stall or crash the renderer.

Python-Markdown takes quadratic time on deeply nested brackets (20,000 `[` take ~40 s),
on unclosed HTML tags (100,000 `<a` never finish), on paragraphs full of escapes or code
marks (16,000 backslashes: 10 s), on many abbreviations, and recursion errors on lists
nested hundreds deep or on hundreds of definitions in one list. Legal text never needs
any of that, so it is refused before rendering, with the line; each check is one linear
pass (`benchmarks/markdown_cost.py` measures the worst input of each extension).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

MAX_BRACKET_DEPTH = 32
MAX_QUOTE_DEPTH = 16
MAX_INDENT = 160
MAX_LINE_CHARS = 100_000
MAX_LIST_MARKERS = 16
MAX_EMPHASIS_RUN = 256
MAX_ABBREVIATIONS = 50
MAX_UNCLOSED_TAGS = 64
MAX_INLINE_MARKS = 1000
MAX_DEFINITIONS = 100
TAG_START_OR_END = re.compile(r"<[A-Za-z/!?]|>|\n")
INLINE_MARKS = re.compile(r"[\\`<&\[*_!]")
BLANK_LINE = re.compile(r"\n[ \t]*\n")
DEFINITION = re.compile(r"^:[ \t]", re.MULTILINE)
BRACKET_OR_NEWLINES = re.compile(r"[\[\]()]|\n(?:[ \t]*\n)*")
LIST_MARKERS = re.compile(r"\s*(?:(?:[-*+]|\d{1,9}[.)])[ \t]+)+")
EMPHASIS_RUN = re.compile(rf"[*_]{{{MAX_EMPHASIS_RUN + 1},}}")
ABBREVIATION = re.compile(r"^\*\[[^\]]+\]:", re.MULTILINE)
# One pass over the whole body finds every body that could break a bound; only those are
# walked line by line to find where. Starting with a newline lets the regex engine jump
# from line start to line start.
SUSPECT_LINE_START = re.compile(
    rf"\n(?:[ \t]{{{MAX_INDENT + 1}}}|(?:[ \t]*>){{{MAX_QUOTE_DEPTH + 1}}}"
    rf"|[ \t]*(?:(?:[-*+]|\d{{1,9}}[.)])[ \t]+){{{MAX_LIST_MARKERS + 1}}})"
)
EMPHASIS_RUNS = ("*" * (MAX_EMPHASIS_RUN + 1), "_" * (MAX_EMPHASIS_RUN + 1))


@dataclass(frozen=True)
class MarkdownProblem:
    """Where a body breaks a bound, and the Vietnamese explanation."""

    line: int
    message: str


def _quote_depth(line: str) -> int:
    depth = 0
    for char in line:
        if char == ">":
            depth += 1
        elif char not in " \t":
            break
    return depth


def _bracket_overflow_line(body: str) -> int | None:
    """Return the line where brackets or parentheses nest too deep in one paragraph."""
    if body.count("[") <= MAX_BRACKET_DEPTH and body.count("(") <= MAX_BRACKET_DEPTH:
        return None
    brackets = parens = 0
    line = 1
    for token in BRACKET_OR_NEWLINES.findall(body):
        if token[0] == "\n":
            line += token.count("\n")
            if token.count("\n") > 1:
                brackets = parens = 0  # inline nesting ends with the paragraph
        elif token == "[":
            brackets += 1
        elif token == "]":
            brackets = max(brackets - 1, 0)
        elif token == "(":
            parens += 1
        else:
            parens = max(parens - 1, 0)
        if brackets > MAX_BRACKET_DEPTH or parens > MAX_BRACKET_DEPTH:
            return line
    return None


def _unclosed_tags_line(body: str) -> int | None:
    """Return the line where more than MAX_UNCLOSED_TAGS HTML tags are left open."""
    if body.count("<") - body.count(">") <= MAX_UNCLOSED_TAGS:
        return None
    open_tags = 0
    line = 1
    for token in TAG_START_OR_END.findall(body):
        if token == "\n":
            line += 1
        elif token == ">":
            open_tags = max(open_tags - 1, 0)
        else:
            open_tags += 1
            if open_tags > MAX_UNCLOSED_TAGS:
                return line
    return None


def _paragraph_over(body: str, pattern: re.Pattern[str], limit: int) -> int | None:
    """Return the first line of a paragraph holding more than `limit` matches of `pattern`."""
    if len(pattern.findall(body)) <= limit:
        return None
    line = 1
    start = 0
    for gap in (*BLANK_LINE.finditer(body), None):
        end = gap.start() if gap else len(body)
        if len(pattern.findall(body, start, end)) > limit:
            return line
        if gap:
            line += body.count("\n", start, gap.end())
            start = gap.end()
    return None


def _may_break_bounds(body: str) -> bool:
    long_line = len(body) > MAX_LINE_CHARS and max(map(len, body.split("\n"))) > MAX_LINE_CHARS
    return (
        long_line
        or body.count("*[") > MAX_ABBREVIATIONS
        or any(run in body for run in EMPHASIS_RUNS)
        or SUSPECT_LINE_START.search("\n" + body) is not None
        or _bracket_overflow_line(body) is not None
        or body.count("<") - body.count(">") > MAX_UNCLOSED_TAGS
        or len(INLINE_MARKS.findall(body)) > MAX_INLINE_MARKS
        or body.count("\n:") > MAX_DEFINITIONS
    )


def check_markdown(body: str) -> MarkdownProblem | None:
    """Return the first place `body` is nested too deep to render safely, or None."""
    if not _may_break_bounds(body):
        return None
    if len(ABBREVIATION.findall(body)) > MAX_ABBREVIATIONS:
        first_extra = list(ABBREVIATION.finditer(body))[MAX_ABBREVIATIONS].start()
        return MarkdownProblem(
            body[:first_extra].count("\n") + 1,
            f"Bài có hơn {MAX_ABBREVIATIONS} định nghĩa viết tắt (*[…]: …); "
            "chỉ giữ những chữ viết tắt thật sự cần giải thích.",
        )
    for number, text in enumerate(body.split("\n"), start=1):
        if len(text) > MAX_LINE_CHARS:
            return MarkdownProblem(
                number,
                "Dòng dài hơn 100.000 ký tự; hãy xuống dòng, chia đoạn.",
            )
        if len(text) - len(text.lstrip(" \t")) > MAX_INDENT:
            return MarkdownProblem(
                number,
                f"Dòng thụt lề quá sâu (hơn {MAX_INDENT} khoảng trắng); danh sách lồng "
                "nhau chỉ nên vài cấp.",
            )
        if _quote_depth(text) > MAX_QUOTE_DEPTH:
            return MarkdownProblem(
                number,
                f"Trích dẫn lồng nhau quá {MAX_QUOTE_DEPTH} cấp (dấu >); bớt các dấu > ở đầu dòng.",
            )
        markers = LIST_MARKERS.match(text)
        if markers and len(re.findall(r"[-*+]|\d+[.)]", markers.group())) > MAX_LIST_MARKERS:
            return MarkdownProblem(
                number,
                f"Hơn {MAX_LIST_MARKERS} dấu đầu dòng danh sách lồng nhau trên một dòng; "
                "bớt các dấu - hoặc * ở đầu dòng.",
            )
        if EMPHASIS_RUN.search(text):
            return MarkdownProblem(
                number,
                f"Chuỗi hơn {MAX_EMPHASIS_RUN} dấu * hoặc _ liên tiếp; dùng dấu … cho "
                "chỗ trống cần điền.",
            )
    overflow_line = _bracket_overflow_line(body)
    if overflow_line is not None:
        return MarkdownProblem(
            overflow_line,
            f"Ngoặc lồng nhau hoặc chưa đóng quá {MAX_BRACKET_DEPTH} lần trong một đoạn; "
            "kiểm tra các dấu [ ] và ( ).",
        )
    return _slow_inline(body)


def _slow_inline(body: str) -> MarkdownProblem | None:
    """Return where tags, inline marks or definitions would make rendering slow."""
    checks: tuple[tuple[Callable[[], int | None], str], ...] = (
        (
            lambda: _unclosed_tags_line(body),
            f"Hơn {MAX_UNCLOSED_TAGS} thẻ HTML mở (<…) chưa đóng bằng dấu >; xóa các dấu < "
            "thừa hoặc viết chúng là &lt;.",
        ),
        (
            lambda: _paragraph_over(body, INLINE_MARKS, MAX_INLINE_MARKS),
            f"Đoạn văn bắt đầu ở dòng này có hơn {MAX_INLINE_MARKS} ký tự định dạng "
            "(\\ ` < & [ * _ !); hãy chia đoạn bằng dòng trống hoặc bớt các ký tự này.",
        ),
        (
            lambda: _paragraph_over(body, DEFINITION, MAX_DEFINITIONS),
            f"Danh sách định nghĩa bắt đầu ở dòng này có hơn {MAX_DEFINITIONS} dòng bắt đầu "
            'bằng ": "; hãy chia thành nhiều danh sách bằng dòng trống.',
        ),
    )
    # In order, and lazily: the first bound passed is the one the editor reads.
    for find, message in checks:
        line = find()
        if line is not None:
            return MarkdownProblem(line, message)
    return None
