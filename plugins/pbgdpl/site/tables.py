"""Editors' tables in a labelled region that scrolls sideways on a narrow screen.

A table wider than a 360-px phone (a fines table of four columns) would be cut off. In its
own region it scrolls instead, the stylesheet shades the side that has more, and the
region takes keyboard focus and has a name, so keyboard and screen-reader users reach
every column (WCAG 2.1.1; axe `scrollable-region-focusable`).
"""

from __future__ import annotations

import html
import re

TABLE = re.compile(r"<table\b.*?</table>", re.DOTALL)
HEADER_CELL = re.compile(r"<th\b[^>]*>(.*?)</th>", re.DOTALL)
TAG = re.compile(r"<[^>]+>")
SPACE = re.compile(r"\s+")
LABEL_LENGTH = 90


def _label(number: int, table: str) -> str:
    """Name the region by its table's column headings: "Bảng 1: Hành vi, Mức phạt…"."""
    headings = [
        SPACE.sub(" ", html.unescape(TAG.sub("", c))).strip() for c in HEADER_CELL.findall(table)
    ]
    columns = ", ".join(h for h in headings if h)
    if len(columns) > LABEL_LENGTH:
        columns = columns[:LABEL_LENGTH].rsplit(" ", 1)[0] + "…"
    return f"Bảng {number}: {columns}" if columns else f"Bảng {number}"


def scrollable_tables(page_html: str) -> str:
    """Return `page_html` with each table wrapped in a focusable, labelled region."""
    count = 0

    def wrap(match: re.Match[str]) -> str:
        nonlocal count
        count += 1
        label = html.escape(_label(count, match.group(0)))
        return (
            f'<div class="pb-table-region" role="region" tabindex="0" aria-label="{label}">'
            f"{match.group(0)}</div>"
        )

    return TABLE.sub(wrap, page_html)
