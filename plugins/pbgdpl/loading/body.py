"""Check an editor's Markdown body before it is rendered: depth bounds and unsafe HTML."""

from __future__ import annotations

import re
from pathlib import Path

from pbgdpl.model.diagnostics import Diagnostic, Severity
from pbgdpl.safety.html_report import find_removals
from pbgdpl.safety.markdown_limits import check_markdown
from pbgdpl.safety.markdown_render import render_markdown
from pbgdpl.safety.render_clock import PageTooSlow, RenderClock

# Only a body with markup, an entity, a picture, a script-like scheme or a mail link
# (which may carry headers) can produce HTML the sanitizer changes; plain prose is not
# rendered twice.
SCRIPT_LIKE_SCHEME = re.compile(r"(?:script|data|mailto)\s*:", re.IGNORECASE)


# Processor time a body may take to render in the loader: real pages take milliseconds,
# and `validate` must name a slow page within 2 s.
LOADER_SECONDS = 1.5


def may_carry_html(body: str) -> bool:
    """Tell whether rendering `body` could produce HTML the sanitizer would change."""
    if "<" in body or "&" in body or "![" in body:
        return True
    lowered = body.lower()
    return ("script" in lowered or "data" in lowered or "mailto" in lowered) and bool(
        SCRIPT_LIKE_SCHEME.search(body)
    )


def _line_of(body: str, needle: str, body_line: int) -> int:
    lowered = needle.lower()
    for number, line in enumerate(body.split("\n")):
        if lowered in line.lower():
            return body_line + number
    return body_line


def check_body(
    root: Path, shown: str, body: str, body_line: int, inspect_html: bool = True
) -> list[Diagnostic]:
    """Return the problems of a Markdown body: too deep to render, or HTML to be removed.

    `inspect_html` is off when mkdocs.yml cannot be trusted to render the body.
    """
    problem = check_markdown(body)
    if problem is not None:
        return [
            Diagnostic(
                shown,
                body_line + problem.line - 1,
                "markdown-too-deep",
                Severity.ERROR,
                problem.message,
            )
        ]
    if not inspect_html or not may_carry_html(body):
        return []
    clock = RenderClock(LOADER_SECONDS)
    try:
        clock.start(shown)
        html = render_markdown(root, body)
        clock.finish()
    except (PageTooSlow, RecursionError):
        return [
            Diagnostic(
                shown,
                body_line,
                "markdown-too-slow",
                Severity.ERROR,
                f"Phần thân bài (từ dòng {body_line}) cần quá nhiều thời gian để dựng trang, "
                "thường do định dạng lặp lại rất nhiều lần (dấu <, \\, `, danh sách, ngoặc); "
                "hãy chia bài hoặc bỏ phần định dạng lặp lại (page too slow to render).",
            )
        ]
    finally:
        clock.stop()
    return [
        Diagnostic(
            shown,
            _line_of(body, removal.needle, body_line),
            removal.code,
            Severity.ERROR if removal.dangerous else Severity.WARNING,
            removal.message,
        )
        for removal in find_removals(html)
    ]
