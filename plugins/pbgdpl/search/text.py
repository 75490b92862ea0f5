"""The plain text and the words of a page, as the search index reads them."""

from __future__ import annotations

import html
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable
from functools import lru_cache

from pbgdpl.model.fields import fold

HIDDEN = re.compile(r"<(script|style|template)\b.*?</\1\s*>", re.S | re.I)
TAG = re.compile(r"<[^>]*>")
SPACES = re.compile(r"\s+")
# A word: letters and digits, with inner dots, slashes and hyphens kept ("168/2024/nđ-cp",
# "1.500.000"), so that Pagefind sees a document number whole and splits it itself.
WORD = re.compile(r"\w(?:[\w./\-]*\w)?")
# An index over 10,000 pages folds a few hundred thousand distinct words millions of times.
FOLDED_WORDS = 1 << 18


def normalized(text: str) -> str:
    """Return `text` in NFC with its runs of white space made single spaces."""
    return SPACES.sub(" ", unicodedata.normalize("NFC", text)).strip()


def plain_text(fragment: str) -> str:
    """Return the text of an HTML fragment: no tags, no scripts, entities decoded."""
    return normalized(html.unescape(TAG.sub(" ", HIDDEN.sub(" ", fragment))))


@lru_cache(maxsize=FOLDED_WORDS)
def folded(text: str) -> str:
    """Return `fold(text)` ("Đất" → "dat"), remembered: pages share most of their words."""
    return fold(text)


def words(text: str) -> list[str]:
    """Return the words of `text` in lower case and NFC, in order."""
    return WORD.findall(unicodedata.normalize("NFC", text).lower())


def term_counts(text: str) -> dict[str, int]:
    """Return how often each word occurs in `text`, in order of first occurrence."""
    return dict(Counter(words(text)))


def ascii_copy(word: str) -> str | None:
    """Return the accent-free copy of a word with `đ` ("đất" → "dat"), or None without `đ`.

    Pagefind folds tone marks but keeps `đ`; only these words need a second form.
    """
    return folded(word) if "đ" in word.lower() else None


def with_ascii_copies(found: Iterable[str]) -> list[str]:
    """Return the words, each followed by its accent-free copy when it has `đ`."""
    out: list[str] = []
    for word in found:
        out.append(word)
        copy = ascii_copy(word)
        if copy is not None:
            out.append(copy)
    return out


def shorten(text: str, limit: int) -> str:
    """Cut `text` at a word boundary to at most about `limit` characters, with "…"."""
    if len(text) <= limit:
        return text
    return text[:limit].rsplit(" ", 1)[0].rstrip(",;:") + " …"
