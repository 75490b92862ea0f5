"""Index-only tokens that let a word-by-word index see Vietnamese words and title starts.

Pagefind matches one syllable at a time, while a Vietnamese word is often two ("đất đai",
"kết hôn"): a page with "đất" in one sentence and "đai" in another matches as well as a
page about land. Each title, alias and lead therefore also carries:

- a *pair* token for each two adjacent syllables: "đất đai" → `zqpdatdai`, so that the
  search page can ask for the word, not its syllables;
- a *title start* token of its first syllables run together: "Luật Đất đai số 31/2024/QH15"
  → `zqtluatdatdaiso312024qh15`; a query's own syllables run together, searched as a prefix
  (`zqtluatdatdai`), find exactly the titles that start with the query;
- a *title end* token of its last syllables run together from the end: "Thủ tục đăng ký
  kết hôn" → `zqehonketkydangtucthu`, so that the same prefix search finds the titles that
  end with the query (Vietnamese titles often end with their topic).

The tokens are folded (no accents, `đ` as `d`), lower case ASCII, and start with a mark no
Vietnamese word or abbreviation starts with, so no query word can match them by accident.
The search page (`assets/pbgdpl/search-rules.js`) makes the same tokens from a query.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from itertools import pairwise

from pbgdpl.search.text import folded

PAIR_MARK = "zqp"
TITLE_MARK = "zqt"
END_MARK = "zqe"
# Titles are compared by their first syllables: nobody types a longer query.
TITLE_SYLLABLES = 10
NOT_ALPHANUMERIC = re.compile(r"[^0-9a-z]+")
# "Luật Đất đai số 31/2024/QH15" is the Luật Đất đai: a title's trailing number is not its
# topic (search-rules.js `titlesOf` strips it the same way).
TRAILING_NUMBER = re.compile(r"\s+(?:số\s+)?[0-9]\S*/\S*$", re.I)
# "… có được trợ giúp pháp lý miễn phí không?" ends with its topic before its question
# word (search-rules.js `TRAILING_QUESTION`).
TRAILING_QUESTION = re.compile(r"\s+(?:thế nào|ra sao|không|chưa|gì|nào)\s*\?*\s*$", re.I)
LETTERS = re.compile(r"^[a-z]+$")


def syllables(text: str) -> list[str]:
    """Return the folded syllables of `text`: "Luật Đất đai 2024" → luat, dat, dai, 2024."""
    return [s for s in NOT_ALPHANUMERIC.split(folded(text)) if s]


def syllable_pairs(found: Sequence[str]) -> list[tuple[str, str]]:
    """Return each two adjacent folded syllables of the words `found`, both of letters."""
    flat = [s for word in found for s in syllables(word)]
    return [(a, b) for a, b in pairwise(flat) if LETTERS.match(a) and LETTERS.match(b)]


def pair_tokens(found: Sequence[str]) -> list[str]:
    """Return the pair token of each two adjacent syllables made of letters, once each."""
    return list(dict.fromkeys(f"{PAIR_MARK}{a}{b}" for a, b in syllable_pairs(found)))


def title_token(text: str) -> str | None:
    """Return the title start token of a title or an alias, or None for an empty one."""
    found = syllables(text)[:TITLE_SYLLABLES]
    return f"{TITLE_MARK}{''.join(found)}" if found else None


def title_end_token(text: str) -> str | None:
    """Return the title end token of a title or an alias, or None for an empty one."""
    found = syllables(text)[-TITLE_SYLLABLES:]
    return f"{END_MARK}{''.join(reversed(found))}" if found else None


def title_end_tokens(text: str) -> list[str]:
    """Return the end tokens of a title: of the title, and of it without a trailing number
    or a trailing question word."""
    found = [
        title_end_token(text),
        title_end_token(TRAILING_NUMBER.sub("", text)),
        title_end_token(TRAILING_QUESTION.sub("", text)),
    ]
    return list(dict.fromkeys(t for t in found if t is not None))
