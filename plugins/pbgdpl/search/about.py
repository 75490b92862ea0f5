"""What a page is about: the syllables its own text repeats most, with how often.

An index keeps each word of a page once (`selection.py`), so it cannot tell a page that
explains "đăng ký kết hôn" from top to bottom from one that names it twice between
paragraphs of general text: at national scale dozens of pages titled "… về đăng ký kết
hôn" compete. Each page therefore carries its `ABOUT_WORDS` most telling syllables (how
often the text and the lead repeat them, weighed by how few pages of the index have
them, tf·idf), with their counts; the search page ranks, among pages whose titles hold the
query alike, the one whose text is most about its words first (`search-rules.js`
`aboutness`). Online they travel as the Pagefind filter `about` of each page (a filter,
which Pagefind does not search: a meta's words would be index words), offline as the
record's `b`; both read "hon:22 ket:22 dang:12".
"""

from __future__ import annotations

import heapq
import math
from collections import Counter
from collections.abc import Sequence

from pbgdpl.search.derived import RecordWords, derive_all
from pbgdpl.search.records import SearchRecord

ABOUT_WORDS = 12


def about_words(
    records: Sequence[SearchRecord], derived: Sequence[RecordWords] | None = None
) -> list[str]:
    """Return, for each record, its most telling syllables with their counts: "hon:22 …".

    `derived` holds each record's syllable counts (`derived.py`), derived now if not given.
    """
    counts = [found.counts for found in derive_all(records, derived)]
    pages: Counter[str] = Counter()
    for found in counts:
        pages.update(found.keys())
    total = max(1, len(records))
    # Each word's weight once for the index, not once for each of its pages.
    weight = {w: math.log(1 + total / n) for w, n in pages.items()}
    about = []
    for found in counts:
        best = heapq.nsmallest(ABOUT_WORDS, ((-n * weight[w], w) for w, n in found.items()))
        about.append(" ".join(f"{w}:{found[w]}" for _, w in best))
    return about
