"""The small HTML document Pagefind indexes for one page.

The document holds the words to match, in parts weighted by where they come from (a
document's number, the title, the facts, the summary, the text), each `đ` word followed
by its accent-free copy in the same part. It has no title and no `h1`: Pagefind would
index them as metadata too, beyond the rules of `selection.py`. What the results show
(title, agency, kind, date, summary, number, status) is carried as Pagefind filters,
which are never matched by words; the search page offers agency, section, field, year,
status and number for narrowing a search.
"""

from __future__ import annotations

from html import escape

from pbgdpl.model.numbers import fold_code
from pbgdpl.search.records import SearchRecord
from pbgdpl.search.selection import KeptWords
from pbgdpl.search.text import with_ascii_copies, words

# Ranking weights (Pagefind: 0-10, text 1): a number or a title outranks a passing mention.
NUMBER_WEIGHT = 10
TITLE_WEIGHT = 7
FACTS_WEIGHT = 3
LEAD_WEIGHT = 2


def number_key(number: str) -> str:
    """Return the form of a document number that the `number` filter holds: "168/2024/ND-CP"."""
    return fold_code(number.replace(" ", ""))


def _filters(record: SearchRecord) -> list[tuple[str, str]]:
    found = [
        ("agency", record.site),
        ("section", record.section),
        ("year", record.year),
        ("status", record.status),
        ("number", number_key(record.number)),
        *(("field", name) for name in record.fields),
        # Shown with each result, never used to narrow a search.
        ("title", record.title),
        ("agency_name", record.agency),
        ("kind", record.kind),
        ("date", record.date),
        ("summary", record.summary),
        ("number_text", record.number),
        ("status_label", record.status_label),
        ("status_as_of", record.status_as_of),
    ]
    return [(name, value) for name, value in found if value]


def _part(found: list[str], weight: int | None) -> str:
    if not found:
        return ""
    text = escape(" ".join(with_ascii_copies(found)))
    return f'<p data-pagefind-weight="{weight}">{text}</p>' if weight else f"<p>{text}</p>"


def index_document(record: SearchRecord, kept: KeptWords) -> str:
    """Return the HTML Pagefind indexes for `record`, with the words its index keeps."""
    numbers = [record.number.replace(" ", "").lower()] if record.number else []
    filters = "".join(
        f'<meta data-pagefind-filter="{name}[content]" content="{escape(value)}">'
        for name, value in _filters(record)
    )
    parts = "".join(
        (
            _part(numbers, NUMBER_WEIGHT),
            _part(list(dict.fromkeys(words(record.title))), TITLE_WEIGHT),
            _part(kept.facts, FACTS_WEIGHT),
            _part(kept.lead, LEAD_WEIGHT),
            _part(kept.body, None),
        )
    )
    return (
        f'<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8">{filters}</head>'
        f"<body><main data-pagefind-body>{parts}</main></body></html>"
    )
