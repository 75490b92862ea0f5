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
from pbgdpl.search.records import SearchRecord
from pbgdpl.search.text import words

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


def _facts(record: SearchRecord) -> list[str]:
    return list(dict.fromkeys(w for fact in (*record.facts, *record.cited) for w in words(fact)))


Parts = list[tuple[list[str], list[str], dict[str, int]]]


def _parts(records: Sequence[SearchRecord]) -> Parts:
    return [(_facts(r), list(dict.fromkeys(words(r.lead))), r.terms) for r in records]


def _pages(parts: Parts) -> Counter[str]:
    return Counter(w for facts, lead, body in parts for w in {*facts, *lead, *body})


def _common(pages: Counter[str]) -> frozenset[str]:
    return frozenset(w for w, n in pages.items() if n > COMMON_PAGES)


def common_words(records: Sequence[SearchRecord]) -> frozenset[str]:
    """Return the words an index over `records` keeps in titles and numbers only."""
    return _common(_pages(_parts(records)))


def topic_tags(records: Sequence[SearchRecord]) -> list[tuple[str, ...]]:
    """Return, for each record, its tags that name a topic rather than a category.

    A keyword that few pages carry ("di chúc", "nồng độ cồn") says what those pages are
    about; one that hundreds carry ("hộ tịch", "hỏi đáp") is a category, and a query equal
    to it says nothing of which page answers. A tag is a topic when at most
    `TOPIC_PAGES` pages, or one page in `TOPIC_SHARE`, carry it (the search page ranks a
    page whose topic is the query like one whose title starts with it).
    """
    counts: Counter[str] = Counter()
    for record in records:
        counts.update({fold_tag(tag) for tag in record.tags})
    most = max(TOPIC_PAGES, len(records) // TOPIC_SHARE)
    return [
        tuple(dict.fromkeys(t for t in record.tags if counts[fold_tag(t)] <= most))
        for record in records
    ]


def fold_tag(tag: str) -> str:
    """Return the form two tags share when they are the same keyword: case and spaces aside."""
    return " ".join(tag.lower().split())


def select_words(records: Sequence[SearchRecord]) -> list[KeptWords]:
    """Return the facts, lead and body words each record's index document keeps.

    Facts (type, issuer, fields, agency …) and lead words (summary, question, abstract)
    are kept unless common; body words once each, unless common, already kept, or beyond
    the page's share of `TEXT_BUDGET`, where the most distinctive win. Words keep the
    order in which they first occur.
    """
    parts = _parts(records)
    pages = _pages(parts)
    common = _common(pages)
    share = max(MIN_WORDS_PER_PAGE, TEXT_BUDGET // max(1, len(records)))
    kept = []
    for (facts, lead, terms), topics, about in zip(
        parts, topic_tags(records), about_words(records), strict=True
    ):
        facts = [w for w in facts if w not in common]
        lead = [w for w in lead if w not in common and w not in facts]
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
