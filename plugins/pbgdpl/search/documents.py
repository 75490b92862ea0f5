"""The small HTML document Pagefind indexes for one page.

The document holds the words to match, in parts weighted by where they come from (a
document's number, the title and the page's other names, the facts, the summary, the
text), each `đ` word followed by its accent-free copy in the same part. The title, the
facts and the summary also carry their index-only tokens (`tokens.py`): syllable pairs;
the start and the end of the title and of each other name are a part of their own, weighed
by what the page is to a citizen (`title_weight`). It has no title and no `h1`: Pagefind would
index them as metadata too, beyond the rules of `selection.py`. What the results show
(title, agency, kind, date, summary, number, status) and what ranks it once loaded (other
names, the tags that name its topic) are carried as Pagefind filters,
which are never matched by words; the search page offers agency, section, field, year,
status and number for narrowing a search.
"""

from __future__ import annotations

from html import escape

from pbgdpl.model.numbers import fold_code
from pbgdpl.search.records import SearchRecord
from pbgdpl.search.selection import KeptWords
from pbgdpl.search.text import with_ascii_copies, words
from pbgdpl.search.tokens import pair_tokens, title_end_tokens, title_token

# Ranking weights (Pagefind: 0-10, text 1): a number or a title outranks a passing mention.
NUMBER_WEIGHT = 10
TITLE_WEIGHT = 7
FACTS_WEIGHT = 3
LEAD_WEIGHT = 2
# What a page is worth to a citizen who typed its title, before its text is read: an
# answer or the document itself, then explanations, then materials; news and events
# last (search-rules.js `ANSWERS` orders loaded pages the same way). The title tokens
# carry it as their weight, so that among many titles that end with the query, the
# search page loads and shows the answers first.
ANSWERS = {
    "": 3,
    "hoi-dap": 3,
    "van-ban-moi": 3,
    "gioi-thieu-van-ban": 2,
    "tinh-huong": 2,
    "tai-lieu": 1,
    "tu-sach": 1,
    "doi-thoai-chinh-sach": 1,
}
REPEALED = "het-hieu-luc-toan-bo"


def title_weight(record: SearchRecord) -> float:
    """Return the weight of a page's title tokens: 10 for an answer, down to 4; half if repealed."""
    weight = 4 + 2 * ANSWERS.get(record.section, 0)
    return weight / 2 if record.status == REPEALED else weight


def number_key(number: str) -> str:
    """Return the form of a document number that the `number` filter holds: "168/2024/ND-CP"."""
    return fold_code(number.replace(" ", ""))


# The filters a search is narrowed by (the search form's `data-filter` fields): only
# these keep their Pagefind filter files. The others are shown with each result, read
# from its fragment; their files (title, summary, about: 3 MB at 10,000 items) would be
# written, compressed and listed after every edit, and never downloaded.
NARROWING = frozenset({"agency", "section", "year", "status", "number", "field"})


def _filters(record: SearchRecord, kept: KeptWords) -> list[tuple[str, str]]:
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
        *(("alias", name) for name in record.aliases),
        *(("topic", tag) for tag in kept.topics),
    ]
    return [(name, value) for name, value in found if value]


def _part(found: list[str], weight: float | None, extra: list[str] | None = None) -> str:
    text = escape(" ".join([*with_ascii_copies(found), *(extra or [])]))
    if not text:
        return ""
    return f'<p data-pagefind-weight="{weight:g}">{text}</p>' if weight else f"<p>{text}</p>"


def index_document(record: SearchRecord, kept: KeptWords) -> str:
    """Return the HTML Pagefind indexes for `record`, with the words its index keeps."""
    numbers = [record.number.replace(" ", "").lower()] if record.number else []
    filters = "".join(
        f'<meta data-pagefind-filter="{name}[content]" content="{escape(value)}">'
        for name, value in _filters(record, kept)
    )
    if kept.about:
        # Only the search page's ordering reads it. A filter, not a meta: Pagefind indexes a
        # meta's words for search ("hon:22" as "hon", "22" and "hon22"), which would match
        # queries on every page's counts and take a quarter of Pagefind's memory.
        filters += f'<meta data-pagefind-filter="about[content]" content="{escape(kept.about)}">'

    names = [record.title, *record.aliases]
    titled = list(dict.fromkeys(w for name in names for w in words(name)))
    phrases = [t for name in names for t in pair_tokens(words(name))]
    # A tag that names the page's topic is, to the index, a name the page starts with: a
    # query equal to it finds the page among the first the search page loads and orders.
    known_as = [*names, *kept.topics]
    starts = [t for name in known_as if (t := title_token(name)) is not None]
    starts += [t for name in known_as for t in title_end_tokens(name)]
    facts = [t for fact in (*record.facts, *record.cited) for t in pair_tokens(words(fact))]
    parts = "".join(
        (
            _part(numbers, NUMBER_WEIGHT),
            _part(titled, TITLE_WEIGHT, list(dict.fromkeys(phrases))),
            _part([], title_weight(record), list(dict.fromkeys(starts))),
            # Pairs of the facts too ("tài sản chung"): a common syllable ("tài") is kept
            # in titles only, and its pair tells that the page has it.
            _part(kept.facts, FACTS_WEIGHT, list(dict.fromkeys(facts))),
            _part(kept.lead, LEAD_WEIGHT, pair_tokens(words(record.lead))),
            _part(kept.body, None),
        )
    )
    return (
        f'<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8">{filters}</head>'
        f"<body><main data-pagefind-body>{parts}</main></body></html>"
    )
