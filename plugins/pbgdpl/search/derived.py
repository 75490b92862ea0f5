"""What an index derives from each record on its own, whatever other records it indexes.

Choosing the words each page keeps (`selection.py`), what it is about (`about.py`) and the
query lexicon (`lexicon.py`) weigh each page against the whole index; but most of their
work reads one record at a time: the words of its facts and lead, the syllable counts of
its text, the syllables and pairs of its names. The national index reads ten thousand
records after every edit, of which one changed: this part is derived once per record
(`derive`) and kept with the records of each site between builds
(`pipeline/search_inputs.py`), so that an edit derives again only its own site's records.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from pbgdpl.search.records import SearchRecord
from pbgdpl.search.text import FOLDED_WORDS, folded, words
from pbgdpl.search.tokens import LETTERS, syllable_pairs, syllables


@dataclass(frozen=True)
class RecordWords:
    """What one record gives every index it is in."""

    key: str
    """A hash of the whole record: its index document is written again when it changes."""
    facts: tuple[str, ...]
    """The words of its facts and of the documents it cites, once each, in order."""
    lead: tuple[str, ...]
    """The words of its lead, once each, in order."""
    counts: dict[str, int]
    """How often its text and lead use each folded syllable of letters (`about.py`)."""
    named: frozenset[str]
    """The folded syllables of letters of its title, other names and lead (`lexicon.py`)."""
    pairs: frozenset[tuple[str, str]]
    """Each two adjacent syllables of its title, of each other name and of its lead."""
    tags: frozenset[str]
    """Its tags as two pages share them: case and spaces aside (`fold_tag`)."""


def fold_tag(tag: str) -> str:
    """Return the form two tags share when they are the same keyword: case and spaces aside."""
    return " ".join(tag.lower().split())


def names(record: SearchRecord) -> list[str]:
    """Return what the lexicon reads of a page's names: its title, aliases and lead."""
    return [record.title, *record.aliases, record.lead]


@lru_cache(maxsize=FOLDED_WORDS)
def letter_syllables(word: str) -> tuple[str, ...]:
    """Return the folded syllables of `word` made of letters only, remembered."""
    return tuple(s for s in syllables(word) if LETTERS.match(s))


def forget_remembered_words() -> None:
    """Drop the words `folded` and `letter_syllables` remember (up to 262,144 each): once an
    index's documents are written, before Pagefind runs, they only hold memory."""
    folded.cache_clear()
    letter_syllables.cache_clear()


def _counts(record: SearchRecord, lead: list[str]) -> dict[str, int]:
    counts: dict[str, int] = {}
    for word, count in record.terms.items():
        key = folded(word)
        counts[key] = counts.get(key, 0) + count
    for word in lead:
        key = folded(word)
        counts[key] = counts.get(key, 0) + 1
    return {w: n for w, n in counts.items() if LETTERS.match(w)}


def derive(record: SearchRecord) -> RecordWords:
    """Return what any index derives from `record` alone."""
    lead = words(record.lead)
    facts = (w for fact in (*record.facts, *record.cited) for w in words(fact))
    named = {s for name in names(record) for w in words(name) for s in letter_syllables(w)}
    return RecordWords(
        key=hashlib.sha256(repr(record).encode()).hexdigest(),
        facts=tuple(dict.fromkeys(facts)),
        lead=tuple(dict.fromkeys(lead)),
        counts=_counts(record, lead),
        named=frozenset(named),
        pairs=frozenset(p for name in names(record) for p in syllable_pairs([name])),
        tags=frozenset(fold_tag(tag) for tag in record.tags),
    )


def derive_all(
    records: Sequence[SearchRecord], derived: Sequence[RecordWords] | None = None
) -> Sequence[RecordWords]:
    """Return `derived` when given (one for each record, in order), else derive them now."""
    if derived is None:
        return [derive(r) for r in records]
    if len(derived) != len(records):
        raise ValueError(f"{len(derived)} derived words for {len(records)} records")
    return derived
