"""What the search page knows before it searches: the index's words, pairs and dictionary.

The search page rewrites a query before Pagefind sees it (`assets/pbgdpl/search-rules.js`):
it expands the board's abbreviations, turns Telex or VNI leftovers ("ddawng") into
Vietnamese, corrects a word one letter away from a word the index knows, and never lets a
word that the index does not know match by its first one or two letters. For that it
loads, with the index, one small file (`QUERY_FILE`):

- `words`: every syllable made of letters that the index keeps, folded ("dat"), those on
  most pages first (a correction prefers the commoner word);
- `pages`: how many pages the index has;
- `rewrites`: the board's search dictionary (`model/search_terms.py`);
- `common`: the syllables of the words kept in titles and numbers only (`selection.py`):
  where a pair of the query holds such a word, the pair says all the index can, and the
  word's own large part of the index is not downloaded.

A wrong letter often makes another real syllable ("kết hôm" for "kết hôn"); only the
neighbouring syllable tells. The pairs of adjacent syllables of titles, other names and
summaries are kept by the first letter of the pair (`PAIRS_FOLDER/<letter>.json`), and
the page loads one of these files only when a pair of the query is unknown.
"""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from pbgdpl.search.derived import RecordWords, derive_all, letter_syllables
from pbgdpl.search.records import SearchRecord
from pbgdpl.search.selection import KeptWords, common_words

QUERY_FILE = "pbgdpl-query.json"
PAIRS_FOLDER = "pbgdpl-pairs"


@dataclass(frozen=True)
class Lexicon:
    """The folded syllables an index keeps, commonest first, and its pairs by first letter."""

    words: tuple[str, ...]
    pairs: dict[str, tuple[str, ...]]
    common: tuple[str, ...] = ()


def _letters(found: Sequence[str]) -> set[str]:
    return {s for word in found for s in letter_syllables(word)}


def build_lexicon(
    records: Sequence[SearchRecord],
    kept: Sequence[KeptWords],
    derived: Sequence[RecordWords] | None = None,
) -> Lexicon:
    """Return the lexicon of an index over `records`, of which each page keeps `kept`.

    `derived` is what each record gives alone (`derived.py`), derived now if not given.
    """
    derived = derive_all(records, derived)
    pages: Counter[str] = Counter()
    pairs: set[tuple[str, str]] = set()
    for found, words_kept in zip(derived, kept, strict=True):
        text = [*words_kept.facts, *words_kept.lead, *words_kept.body]
        pages.update(found.named | _letters(text))
        pairs |= found.pairs
    by_letter: dict[str, list[str]] = defaultdict(list)
    for a, b in sorted(pairs):
        by_letter[a[0]].append(f"{a} {b}")
    return Lexicon(
        words=tuple(sorted(pages, key=lambda w: (-pages[w], w))),
        pairs={letter: tuple(sorted(found)) for letter, found in sorted(by_letter.items())},
        common=tuple(sorted(_letters(list(common_words(records, derived))))),
    )


def _dump(data: object) -> str:
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"), sort_keys=True)


def write_lexicon(bundle: Path, lexicon: Lexicon, pages: int, rewrites: dict[str, str]) -> None:
    """Write the query file and the pair files into the Pagefind bundle folder `bundle`."""
    query = {
        "pages": pages,
        "words": " ".join(lexicon.words),
        "common": " ".join(lexicon.common),
        "rewrites": rewrites,
    }
    (bundle / QUERY_FILE).write_text(_dump(query), "utf-8")
    folder = bundle / PAIRS_FOLDER
    folder.mkdir(exist_ok=True)
    for letter, found in lexicon.pairs.items():
        (folder / f"{letter}.json").write_text(_dump({"pairs": ",".join(found)}), "utf-8")
