"""Change a Pagefind 1.5.2 index for a few pages edited, into the index Pagefind would build.

The index is the portal's canonical, slim bundle (`canonical.py`, `slim.py`): its
metadata, word chunks, fragments and filter files, plain. An edit that keeps the
portal's pages (no page added or removed) changes the words and filters of a few pages:
this module reads them before and after (`pagefind_reading.py`) and writes again only
the chunks their words are in, their fragments, the filters a search narrows by and the
metadata. What comes out is, byte for byte, what running Pagefind over every document
and making its bundle canonical and slim gives (`tests/test_national_patch.py`):

- pages keep their numbers (Pagefind's order of the documents' folder, unchanged);
- words are in chunks as Pagefind cuts them: in key order, a chunk closed once its
  positions reach the chunk size. The chunks are cut again from the first one an edited
  word is in, until a chunk closes where one closed before;
- chunks and fragments are named by Pagefind's rules (an unpadded SHA-1, lengthened on a
  collision); filters and the metadata by `canonical.py`'s.

What it cannot do as Pagefind would raises `CannotPatch` (the caller runs Pagefind): a
document this reader refuses, a fragment name that collides with another page's.
"""

from __future__ import annotations

import bisect
import hashlib
import json
import os
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pbgdpl.search.canonical import SIGNATURE, BundleFormatError, encode, read
from pbgdpl.search.pagefind_chunks import (
    Word,
    decode_chunk,
    encode_chunk,
    first_key,
    word_size,
)
from pbgdpl.search.pagefind_reading import Occurrence, Page, UnsupportedDocument, read_document

LANGUAGE = "vi"
# The compressed copies publishing keeps beside a file (`publishing/compression.py`).
COPIES = (".br", ".gz")
# Positions in the metadata's top-level array (Pagefind's MetaIndex).
META_PAGES, META_CHUNKS, META_FILTERS = 1, 2, 3
# "vi_" and 7 hex digits: the short name of a fragment or a chunk before any collision.
SHORT = len(LANGUAGE) + 8


class CannotPatch(Exception):
    """The edit is one this module cannot make as Pagefind would: Pagefind must run."""


def full_hash(data: bytes) -> str:
    """SHA-1 as Pagefind formats it: each byte in hex without zero padding (`{:x?}`)."""
    return "".join(format(byte, "x") for byte in hashlib.sha1(data).digest())


def _locs(occurrences: list[Occurrence]) -> list[int]:
    """`positions_to_packed_page`: weight markers, then positions delta-encoded."""
    ordered = sorted(occurrences, key=lambda o: (0 if o.weight == 25 else o.weight, o.position))
    weight, last, locs = 25, 0, []
    for found in ordered:
        if found.weight != weight:
            locs += [-found.weight - 1, found.position]
            weight = found.weight
        else:
            locs.append(found.position - last)
        last = found.position
    return locs


@dataclass(frozen=True)
class PageWords:
    """What one page gives a word: its plain positions, and those of each accented form."""

    plain: list[int] | None
    forms: dict[str, list[int]]


def page_words(page: Page) -> dict[str, PageWords]:
    """Return each key a page indexes with its positions (`add_page`, without meta words)."""
    found = {}
    for key, occurrences in page.digest.words.items():
        plain = [o for o in occurrences if o.original is None]
        forms: dict[str, list[Occurrence]] = {}
        for occurrence in occurrences:
            if occurrence.original is not None:
                forms.setdefault(occurrence.original, []).append(occurrence)
        found[key] = PageWords(
            _locs(plain) if plain else None, {form: _locs(forms[form]) for form in sorted(forms)}
        )
    return found


@dataclass
class Edit:
    """The pages edited, by number, and the words whose positions on them changed."""

    numbers: set[int] = field(default_factory=set)
    words: dict[str, list[tuple[int, PageWords | None]]] = field(default_factory=dict)
    """Each word changed: the pages it changed on, with what they give it now (None:
    no longer on the page). A word a page gives as before is no change: a body edit
    moves only the words after it."""

    def add(self, number: int, before: Page, after: Page) -> None:
        """Take page `number`'s edit from `before` to `after`."""
        self.numbers.add(number)
        was, now = page_words(before), page_words(after)
        for key in was.keys() | now.keys():
            if was.get(key) != now.get(key):
                self.words.setdefault(key, []).append((number, now.get(key)))

    def apply(self, word: Word | None, key: str) -> Word | None:
        """Return `word` (None: not in the index) with the edited pages' positions now."""
        changes = self.words[key]
        gone = {number for number, _ in changes}
        pages = [p for p in (word[1] if word else []) if p[0] not in gone]
        forms = {f: [p for p in v if p[0] not in gone] for f, v in (word[2] if word else [])}
        for number, given in changes:
            if given is None:
                continue
            if given.plain is not None:
                pages.append([number, given.plain, []])
            for form, locs in given.forms.items():
                forms.setdefault(form, []).append([number, locs, []])
        pages.sort()
        kept = {form: sorted(found) for form, found in forms.items() if found}
        if not pages and not kept:
            return None
        # Pagefind adds a form when a page first has it: by page, then by name.
        order = sorted(kept, key=lambda form: (kept[form][0][0], form))
        return [key, pages, [[form, kept[form]] for form in order]]


@dataclass
class Chunk:
    """One chunk of the index: kept as it was (`old`) or new (`words`)."""

    data: bytes
    """Its CBOR, without the signature."""
    old: int | None = None
    """Its place in the index before, when it is that chunk unchanged."""
    words: list[Word] | None = None

    @property
    def first(self) -> str:
        assert self.words is not None
        return str(self.words[0][0])

    @property
    def last(self) -> str:
        assert self.words is not None
        return str(self.words[-1][0])


@dataclass
class OldChunks:
    """The chunks of the index before the edit, read when wanted."""

    folder: Path
    ranges: list[list[str]]
    """Each chunk's [from, to, name], from the metadata."""
    _words: dict[int, list[Word]] = field(default_factory=dict)
    _data: dict[int, bytes] = field(default_factory=dict)

    def data(self, index: int) -> bytes:
        """Return chunk `index`'s CBOR, without the signature."""
        if index not in self._data:
            path = self.folder / "index" / f"{self.ranges[index][2]}.pf_index"
            self._data[index] = path.read_bytes()[len(SIGNATURE) :]
        return self._data[index]

    def words(self, index: int) -> list[Word]:
        """Return chunk `index`'s words."""
        if index not in self._words:
            self._words[index] = decode_chunk(SIGNATURE + self.data(index))
        return self._words[index]

    def first(self, index: int) -> str:
        """Return chunk `index`'s first word, read alone when it can be."""
        found = first_key(self.data(index))
        return found if found is not None else str(self.words(index)[0][0])

    def of(self, key: str) -> int:
        """Return the chunk whose range `key` falls in (the first for a key before all)."""
        return max(0, bisect.bisect_right([r[0] for r in self.ranges], key) - 1)


def _patched_words(
    old: OldChunks, index: int, edit: Edit, keys: dict[int, list[str]]
) -> list[Word]:
    """Return chunk `index`'s words after the edit, with the new keys that fall in it."""
    words = old.words(index)
    if index not in keys:
        return words
    present = {word[0] for word in words}
    new: list[Word] = [[key, [], []] for key in keys[index] if key not in present]
    out = []
    for word in sorted([*words, *new], key=lambda w: str(w[0])) if new else words:
        key = word[0]
        if key not in edit.words:
            out.append(word)
        elif (changed := edit.apply(word if word[1] or word[2] else None, key)) is not None:
            out.append(changed)
    return out


def rechunk(old: OldChunks, edit: Edit, chunk_size: int) -> list[Chunk]:
    """Cut the index's words into chunks again from each chunk an edited word is in,
    until a chunk closes where one closed before; keep every other chunk."""
    keys: dict[int, list[str]] = {}
    for key in edit.words:
        keys.setdefault(old.of(key), []).append(key)
    chunks: list[Chunk] = []
    total, index = len(old.ranges), 0
    while index < total:
        if index not in keys:
            chunks.append(Chunk(old.data(index), index))
            index += 1
            continue
        current: list[Word] = []
        size = 0
        while index < total:
            words = _patched_words(old, index, edit, keys)
            index += 1
            closed_at_end = False
            for position, word in enumerate(words):
                current.append(word)
                size += word_size(word)
                if size >= chunk_size:
                    chunks.append(Chunk(encode_chunk(current), words=current))
                    current, size = [], 0
                    closed_at_end = position == len(words) - 1
            if closed_at_end:
                break  # closed where the old chunk closed: what follows is as it was
        if current:
            chunks.append(Chunk(encode_chunk(current), words=current))
    return chunks


def _prefixes(a: str, b: str) -> tuple[str, str]:
    common = 0
    for x, y in zip(b, a, strict=False):
        if x != y:
            break
        common += 1
    return a[: common + 1], b[: common + 1]


def chunk_ranges(chunks: list[Chunk], old: OldChunks) -> list[list[str]]:
    """`chunk_meta`: each chunk's [from, to], trimmed to the prefixes that tell them apart.

    A chunk kept between the same neighbours keeps its range; the others are read.
    """

    def first(chunk: Chunk) -> str:
        return chunk.first if chunk.old is None else old.first(chunk.old)

    def last(chunk: Chunk) -> str:
        return chunk.last if chunk.old is None else str(old.words(chunk.old)[-1][0])

    ranges: list[list[str]] = []
    start = old.ranges[0][0] if chunks[0].old == 0 else first(chunks[0])
    for i, chunk in enumerate(chunks):
        following = chunks[i + 1] if i + 1 < len(chunks) else None
        if chunk.old is not None and old.ranges[chunk.old][0] == start:
            if following is None and chunk.old == len(old.ranges) - 1:
                ranges.append(old.ranges[chunk.old][:2])
                break
            # The same neighbour, or a new one that starts with the same word: the pair
            # of words the range is cut from is as it was.
            neighbour = chunk.old + 1
            if following is not None and (
                following.old == neighbour
                or (
                    neighbour < len(old.ranges)
                    and following.old is None
                    and first(following) == old.first(neighbour)
                )
            ):
                ranges.append(old.ranges[chunk.old][:2])
                start = old.ranges[neighbour][0]
                continue
        end = last(chunk)
        if following is None:
            ranges.append([start, end])
            break
        to, next_start = _prefixes(end, first(following))
        ranges.append([start, to if to >= start else end])
        start = next_start
    return ranges


def _short_name(full: str, taken: set[str]) -> str:
    """The name of a chunk: 7 characters, lengthened two at a time on a collision."""
    short = full[:SHORT]
    while short in taken:
        short = full[: len(short) + 2]
        if len(short) >= len(full):
            break
    taken.add(short)
    return short


def name_chunks(chunks: list[Chunk], old: OldChunks) -> list[str]:
    """Return each chunk's file name, as Pagefind names them in order; raise CannotPatch if
    a chunk kept is not what its name says (a file changed since it was written)."""
    taken: set[str] = set()
    names = []
    for chunk in chunks:
        full = f"{LANGUAGE}_{full_hash(chunk.data)}"
        if chunk.old is not None and not full.startswith(old.ranges[chunk.old][2]):
            raise CannotPatch(f"chunk {old.ranges[chunk.old][2]} changed")
        names.append(_short_name(full, taken))
    return names


def fragment_json(page: Page) -> bytes:
    """Return the fragment Pagefind writes for `page`, from which it takes its name."""
    return page.fragment().encode("utf-8")


def slim_fragment(page: Page) -> bytes:
    """Return the fragment file the portal publishes: Pagefind's without the text (`slim.py`)."""
    data = json.loads(page.fragment())
    data["content"] = ""
    return SIGNATURE + json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def fragment_name(page: Page, others: list[str]) -> str:
    """Return the name Pagefind gives `page`'s fragment among the other pages' `others`;
    raise CannotPatch when it collides with one, which Pagefind settles by page order."""
    name = f"{LANGUAGE}_{full_hash(fragment_json(page))}"[:SHORT]
    if name in {other[:SHORT] for other in others}:
        raise CannotPatch(f"fragment name {name} taken")
    return name


def filter_values(pages: list[Page]) -> Iterator[tuple[str, str]]:
    """Yield each (filter, value) of `pages`."""
    for page in pages:
        for name, values in page.filters.items():
            for value in values:
                yield name, value


def canonical_name(prefix: str, value: Any, digits: int) -> tuple[str, bytes]:
    """Return the name `canonical.py` gives a file holding `value`, and its bytes."""
    data = SIGNATURE + encode(value)
    return f"{prefix}{hashlib.sha256(data).hexdigest()[:digits]}", data


def even_counts(meta: list[Any]) -> list[Any]:
    """Return the metadata with every page's word count the mean (`slim._slim_meta`)."""
    pages = meta[META_PAGES]
    if not pages:
        return meta
    mean = round(sum(page[1] for page in pages) / len(pages))
    return [*meta[:META_PAGES], [[page[0], mean, *page[2:]] for page in pages], *meta[2:]]


@dataclass(frozen=True)
class IndexState:
    """What patching an index needs besides its files: its pages in order, their word
    counts before `even_counts`, and the name of its metadata."""

    urls: list[str]
    counts: list[int]
    meta: str


@dataclass
class _Files:
    """The files a patch writes into the index folder, and those the index uses."""

    written: dict[str, bytes] = field(default_factory=dict)
    used: set[str] = field(default_factory=set)
    """Every file of the index's folders, and its metadata, once patched."""


def _filters(
    meta: list[Any],
    folder: Path,
    edit: Edit,
    pages: tuple[list[Page], dict[int, Page]],
    narrowing: frozenset[str],
    files: _Files,
) -> list[list[str]]:
    """Return the metadata's filters with the edited pages' values; write those changed.

    `pages` are the edited pages before, and after by number; only the `narrowing`
    filters have files (`canonical.py`)."""
    before, after = pages
    for page in [*before, *after.values()]:
        if any(len(set(values)) != len(values) for values in page.filters.values()):
            raise CannotPatch(f"{page.url} has a filter value twice")
    kept = {name: file for name, file in meta[META_FILTERS]}
    touched = {n for n, _ in filter_values([*before, *after.values()]) if n in narrowing}
    found = []
    for name in sorted(kept.keys() | touched):
        if name not in touched:
            found.append([name, kept[name]])
            continue
        values: list[list[Any]] = []
        if name in kept:
            values = read(folder / "filter" / f"{kept[name]}.pf_filter")[1]
        by_value = {v: [n for n in numbers if n not in edit.numbers] for v, numbers in values}
        for number in sorted(after):
            for value in after[number].filters.get(name, []):
                by_value.setdefault(value, []).append(number)
        listed = sorted([value, sorted(numbers)] for value, numbers in by_value.items() if numbers)
        if not listed:
            continue
        file, data = canonical_name(f"{LANGUAGE}_", [name, listed], 7)
        if name not in kept or file != kept[name]:
            files.written[f"filter/{file}.pf_filter"] = data
        found.append([name, file])
    return found


def _fragments(meta: list[Any], numbers: dict[int, Page], files: _Files) -> list[str]:
    """Return every page's fragment name with the edited pages' new ones; write those.

    Pagefind lengthens a name that collides, in page order: an edited page whose name
    collides, or whose former name another page's lengthened one starts with, cannot be
    patched."""
    names = [page[0] for page in meta[META_PAGES]]
    former = {names[number] for number in numbers}
    lengthened = {name[:SHORT] for name in names if len(name) > SHORT}
    if any(len(name) != SHORT or name in lengthened for name in former):
        raise CannotPatch("a lengthened fragment name")
    others = [name for number, name in enumerate(names) if number not in numbers]
    for number, page in sorted(numbers.items()):
        name = fragment_name(page, others)
        others.append(name)
        names[number] = name
        files.written[f"fragment/{name}.pf_fragment"] = slim_fragment(page)
    return names


def patch_index(
    folder: Path,
    state: IndexState,
    changes: dict[str, tuple[str, str]],
    narrowing: frozenset[str],
    chunk_size: int,
) -> IndexState:
    """Patch the index in `folder`, described by `state`, for the documents `changes`
    (URL: the document before, after); return the index's new state.

    Everything is worked out before the first file is written: a `CannotPatch` leaves
    the folder as it was. An index that is not the one `state` describes, or whose
    chunks are not what their names say, cannot be patched.
    """
    try:
        files, found = _patch(folder, state, changes, narrowing, chunk_size)
    except (OSError, LookupError, ValueError, TypeError, BundleFormatError) as error:
        raise CannotPatch(f"{type(error).__name__}: {error}") from error
    _write(folder, files)
    return found


def _patch(
    folder: Path,
    state: IndexState,
    changes: dict[str, tuple[str, str]],
    narrowing: frozenset[str],
    chunk_size: int,
) -> tuple[_Files, IndexState]:
    entry_path = folder / "pagefind-entry.json"
    entry = json.loads(entry_path.read_text("utf-8"))
    if entry["languages"][LANGUAGE]["hash"] != state.meta:
        raise CannotPatch("the index is not the one recorded")
    meta = read(folder / f"pagefind.{state.meta}.pf_meta")
    if len(meta[META_PAGES]) != len(state.urls):
        raise CannotPatch("the index has other pages than recorded")
    recorded = [
        *meta[:META_PAGES],
        [[p[0], n] for p, n in zip(meta[META_PAGES], state.counts, strict=True)],
        *meta[META_PAGES + 1 :],
    ]
    if canonical_name(f"pagefind.{LANGUAGE}_", recorded, 10)[0] != f"pagefind.{state.meta}":
        raise CannotPatch("the metadata is not what its name says")
    numbers = {url: number for number, url in enumerate(state.urls)}
    edit, before, after = Edit(), [], {}
    for url, (was_text, now_text) in sorted(changes.items()):
        if url not in numbers:
            raise CannotPatch(f"{url} is not in the index")
        try:
            was, now = read_document(was_text, url), read_document(now_text, url)
        except UnsupportedDocument as error:
            raise CannotPatch(str(error)) from error
        if not now.digest.words or not was.digest.words:
            raise CannotPatch(f"{url} has no words")  # Pagefind leaves such a page out
        edit.add(numbers[url], was, now)
        before.append(was)
        after[numbers[url]] = now
    files = _Files()
    names = _fragments(meta, after, files)
    counts = list(state.counts)
    for number, page in after.items():
        counts[number] = page.digest.word_count
    old = OldChunks(folder, meta[META_CHUNKS])
    chunks = rechunk(old, edit, chunk_size)
    chunk_names = name_chunks(chunks, old)
    for chunk, name in zip(chunks, chunk_names, strict=True):
        if chunk.old is None or name != old.ranges[chunk.old][2]:
            files.written[f"index/{name}.pf_index"] = SIGNATURE + chunk.data
    ranges = chunk_ranges(chunks, old)
    filters = _filters(meta, folder, edit, (before, after), narrowing, files)
    canonical = [
        meta[0],
        [[name, count] for name, count in zip(names, counts, strict=True)],
        [[*found, name] for found, name in zip(ranges, chunk_names, strict=True)],
        filters,
        *meta[META_FILTERS + 1 :],
    ]
    meta_name, _ = canonical_name(f"pagefind.{LANGUAGE}_", canonical, 10)
    if meta_name != f"pagefind.{state.meta}":
        files.written[f"{meta_name}.pf_meta"] = SIGNATURE + encode(even_counts(canonical))
    entry["languages"][LANGUAGE]["hash"] = meta_name.removeprefix("pagefind.")
    files.written["pagefind-entry.json"] = json.dumps(
        entry, ensure_ascii=False, separators=(",", ":")
    ).encode("utf-8")
    files.used = {
        *(f"index/{name}.pf_index" for name in chunk_names),
        *(f"fragment/{name}.pf_fragment" for name in names),
        *(f"filter/{file}.pf_filter" for _, file in filters),
        f"{meta_name}.pf_meta",
    }
    return files, IndexState(state.urls, counts, meta_name.removeprefix("pagefind."))


def _write(folder: Path, files: _Files) -> None:
    """Write the files changed, then remove every file of the index's folders, and every
    metadata, that the index no longer uses (with their copies)."""
    for name, data in files.written.items():
        path = folder / name
        if path.is_file() and path.read_bytes() == data:
            continue
        path.unlink(missing_ok=True)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
    present = [
        f"{sub}/{n}" for sub in ("index", "fragment", "filter") for n in _listed(folder / sub)
    ]
    present += [n for n in _listed(folder) if ".pf_meta" in n]
    for name in present:
        ending = next((e for e in COPIES if name.endswith(e)), "")
        if name.removesuffix(ending) not in files.used:
            (folder / name).unlink()


def _listed(folder: Path) -> list[str]:
    try:
        return os.listdir(folder)
    except FileNotFoundError:
        return []
