"""Which words of each page an index keeps, so that a first search stays small.

Pagefind answers a query by downloading, for each word, the list of pages that contain
it. Vietnamese is written in syllables, and the commonest ("luật", "pháp", "về") occur
on nearly every page: on ten thousand pages one of them costs hundreds of kilobytes
(measured: "luật đất đai" took 2.4 MB of a full-text index). Two rules bound that:

- a page adds each of its words once (how often a word occurs only decides which words
  a long page keeps), and
- a word found on more than `COMMON_PAGES` pages, outside their titles and numbers, is
  too common to tell pages apart: it is matched in titles and numbers only.

When an index is large, each page also keeps only its most distinctive text words (by
tf·idf), `TEXT_BUDGET` words over the whole index. A portal the size of the sample, and
an agency's own index, keeps every word of every page.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from pbgdpl.search.about import about_words
from pbgdpl.search.derived import RecordWords, derive_all, fold_tag
from pbgdpl.search.records import SearchRecord

COMMON_PAGES = 1000
TEXT_BUDGET = 1_000_000
MIN_WORDS_PER_PAGE = 60
# A tag names a topic when at most this many pages, or one page in TOPIC_SHARE, carry it.
TOPIC_PAGES = 3
TOPIC_SHARE = 500


@dataclass(frozen=True)
class KeptWords:
    """The words of one page an index keeps, by the part of the page they come from."""

    facts: list[str]
    lead: list[str]
    body: list[str]
    topics: tuple[str, ...] = ()
    """The page's tags that few pages of the index share (`topic_tags`)."""
    about: str = ""
    """The syllables the page's text repeats most, with their counts (`about.py`)."""


def _pages(derived: Sequence[RecordWords], records: Sequence[SearchRecord]) -> Counter[str]:
    pages: Counter[str] = Counter()
    for found, record in zip(derived, records, strict=True):
        pages.update({*found.facts, *found.lead, *record.terms})
    return pages


def _common(pages: Counter[str]) -> frozenset[str]:
    return frozenset(w for w, n in pages.items() if n > COMMON_PAGES)


def common_words(
    records: Sequence[SearchRecord], derived: Sequence[RecordWords] | None = None
) -> frozenset[str]:
    """Return the words an index over `records` keeps in titles and numbers only."""
    return _common(_pages(derive_all(records, derived), records))


def topic_tags(
    records: Sequence[SearchRecord], derived: Sequence[RecordWords] | None = None
) -> list[tuple[str, ...]]:
    """Return, for each record, its tags that name a topic rather than a category.

    A keyword that few pages carry ("di chúc", "nồng độ cồn") says what those pages are
    about; one that hundreds carry ("hộ tịch", "hỏi đáp") is a category, and a query equal
    to it says nothing of which page answers. A tag is a topic when at most
    `TOPIC_PAGES` pages, or one page in `TOPIC_SHARE`, carry it (the search page ranks a
    page whose topic is the query like one whose title starts with it).
    """
    counts: Counter[str] = Counter()
    for found in derive_all(records, derived):
        counts.update(found.tags)
    most = max(TOPIC_PAGES, len(records) // TOPIC_SHARE)
    return [
        tuple(dict.fromkeys(t for t in record.tags if counts[fold_tag(t)] <= most))
        for record in records
    ]


def select_words(
    records: Sequence[SearchRecord], derived: Sequence[RecordWords] | None = None
) -> list[KeptWords]:
    """Return the facts, lead and body words each record's index document keeps.

    Facts (type, issuer, fields, agency …) and lead words (summary, question, abstract)
    are kept unless common; body words once each, unless common, already kept, or beyond
    the page's share of `TEXT_BUDGET`, where the most distinctive win. Words keep the
    order in which they first occur. `derived` is what each record gives alone
    (`derived.py`), derived now if not given.
    """
    derived = derive_all(records, derived)
    pages = _pages(derived, records)
    common = _common(pages)
    share = max(MIN_WORDS_PER_PAGE, TEXT_BUDGET // max(1, len(records)))
    kept = []
    for record, found, topics, about in zip(
        records, derived, topic_tags(records, derived), about_words(records, derived), strict=True
    ):
        terms = record.terms
        facts = [w for w in found.facts if w not in common]
        lead = [w for w in found.lead if w not in common and w not in facts]
        seen = {*facts, *lead}
        body = [w for w in terms if w not in common and w not in seen]
        room = max(0, share - len(lead))
        if len(body) > room:

            def distinctive(word: str, terms: dict[str, int] = terms) -> float:
                return terms[word] * math.log(len(records) / pages[word])

            best = set(sorted(body, key=distinctive, reverse=True)[:room])
            body = [w for w in body if w in best]
        kept.append(KeptWords(facts, lead, body, topics, about))
    return kept
