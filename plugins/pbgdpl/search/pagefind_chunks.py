"""Read and write the words of a Pagefind 1.5.2 index chunk quickly.

A chunk (`index/*.pf_index`) is CBOR: `[[word…]]`, each word `[key, pages, variants]`,
each page `[page number less the last one, positions, meta positions]`, each variant
`[accented form, pages]`. A chunk of the national index holds ~10,000 CBOR items; read
one item at a time in Python it cost 25 ms, and an edit reads a hundred or more. Here
the items are cut by a regular expression and their values looked up in a table, both
in C: Python steps once a page, not once a number. An item the expression does not cut
(a long text, a huge number) sends the chunk to `canonical.py`'s reader, which reads
any CBOR Pagefind writes.
"""

from __future__ import annotations

import re
from functools import cache
from typing import Any, cast

from pbgdpl.search.canonical import SIGNATURE, decode, encode

# A word: [key, [[page, locs, meta locs]…], [[accented form, pages]…]], page numbers whole.
Word = list[Any]

# One CBOR item's head and, for a short text, its bytes: integers (major types 0, 1) and
# array heads (4) up to 4 bytes of argument, texts (3) shorter than 24 bytes.
_ITEM = re.compile(
    rb"[\x00-\x17\x20-\x37\x80-\x97]|[\x18\x38\x98].|[\x19\x39\x99]..|[\x1a\x3a\x9a]...."
    + b"|".join(re.escape(bytes([0x60 + n])) + b"." * n for n in range(24)),
    re.S,
)


@cache
def _values() -> dict[bytes, int]:
    """The value of each integer or array head of one or two bytes."""
    table: dict[bytes, int] = {}
    for n in range(24):
        table[bytes([n])] = table[bytes([0x80 + n])] = n
        table[bytes([0x20 + n])] = -1 - n
    for n in range(256):
        table[bytes([0x18, n])] = table[bytes([0x98, n])] = n
        table[bytes([0x38, n])] = -1 - n
    return table


@cache
def _encodings() -> dict[int, bytes]:
    """The CBOR of each integer a chunk commonly holds."""
    return {n: encode(n) for n in range(-1024, 65536)}


def _value(item: bytes) -> Any:
    """The value of an item the table lacks: a text, or an integer of 2 or 4 bytes."""
    head = item[0]
    if 0x60 <= head <= 0x77:
        return item[1:].decode("utf-8")
    number = int.from_bytes(item[1:], "big")
    return -1 - number if head >> 5 == 1 else number


def _pages(values: list[Any], at: int) -> tuple[list[list[Any]], int]:
    count = values[at]
    at += 1
    pages, number = [], 0
    for _ in range(count):
        number += values[at + 1]
        size = values[at + 2]
        locs = values[at + 3 : at + 3 + size]
        at += 3 + size
        meta_size = values[at]
        pages.append([number, locs, values[at + 1 : at + 1 + meta_size]])
        at += 1 + meta_size
    return pages, at


def decode_chunk(data: bytes) -> list[Word]:
    """Read a plain chunk file's words, page numbers made whole."""
    body = data[len(SIGNATURE) :]
    items = _ITEM.findall(body)
    if sum(map(len, items)) != len(body) or items[:1] != [b"\x81"]:
        return _whole_words(decode(data))
    table = _values()
    values: list[Any] = [table.get(item) for item in items]
    for at in [i for i, value in enumerate(values) if value is None]:
        values[at] = _value(items[at])
    words = []
    at = 2
    for _ in range(values[1]):
        key = values[at + 1]
        pages, at = _pages(values, at + 2)
        variants = []
        count = values[at]
        at += 1
        for _ in range(count):
            form = values[at + 1]
            found, at = _pages(values, at + 2)
            variants.append([form, found])
        words.append([key, pages, variants])
    return words


def _whole_words(value: Any) -> list[Word]:
    (words,) = value
    for word in words:
        for pages in [word[1], *(variant[1] for variant in word[2])]:
            number = 0
            for page in pages:
                number += page[0]
                page[0] = number
    return list(words)


def _ints(numbers: list[int]) -> bytes:
    if not numbers:
        return b"\x80"
    found: list[bytes | None] = list(map(_encodings().get, numbers))
    if None in found:
        return encode(numbers)
    return _head(len(numbers)) + b"".join(cast(list[bytes], found))


def _head(size: int) -> bytes:
    """The head of a CBOR array of `size` items."""
    if size < 24:
        return bytes([0x80 + size])
    width = 1 if size < 1 << 8 else 2 if size < 1 << 16 else 4
    return bytes([0x97 + width.bit_length()]) + size.to_bytes(width, "big")


def first_key(data: bytes) -> str | None:
    """Return the first word of a chunk's CBOR without reading the rest, if it is short."""
    if data[:1] != b"\x81" or len(data) < 4:
        return None
    at = 2 + {0x98: 1, 0x99: 2}.get(data[1], 0)
    size = data[at + 1] - 0x60 if data[at] == 0x83 else -1
    return data[at + 2 : at + 2 + size].decode("utf-8") if 0 <= size < 24 else None


def _encode_pages(pages: list[list[Any]]) -> bytes:
    table = _encodings()
    out, last = [_head(len(pages))], 0
    for number, locs, meta in pages:
        delta = number - last
        out += [b"\x83", table.get(delta) or encode(delta), _ints(locs), _ints(meta)]
        last = number
    return b"".join(out)


def encode_chunk(words: list[Word]) -> bytes:
    """The CBOR Pagefind writes for a chunk of `words` (page numbers delta-encoded)."""
    out = [b"\x81", _head(len(words))]
    for key, pages, variants in words:
        out += [b"\x83", encode(key), _encode_pages(pages), _head(len(variants))]
        for form, found in variants:
            out += [b"\x82", encode(form), _encode_pages(found)]
    return b"".join(out)


def word_size(word: Word) -> int:
    """What a word adds to its chunk's size: its pages and their positions (`chunk_index`)."""
    return sum(len(locs) + len(meta) + 1 for _, locs, meta in word[1])
