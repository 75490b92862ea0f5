"""Precompressed copies of the portal's text files: `page.html.br` and `page.html.gz`.

A citizen on a slow link gets a page in a fifth of its bytes when the server sends it
compressed. Compressing once at build time lets any server do that at no cost per
request: nginx with `gzip_static`/`brotli_static`, a CDN that uploads the copies, and
`build.py serve`. The theme's shared assets get Brotli's best (slow) level, since they are
few; pages get a fast level, since a national portal has 100,000 of them.
"""

from __future__ import annotations

import gzip
import hashlib
from collections.abc import Iterator
from pathlib import Path

import brotli

from pbgdpl.publishing.manifest import Listing

ENCODINGS = {"br": ".br", "gzip": ".gz"}
TEXT_SUFFIXES = frozenset(
    {".html", ".css", ".js", ".json", ".xml", ".svg", ".txt", ".csv", ".webmanifest"}
)
# Pagefind's files, written plain (`search/slim.py`). The metadata and the WebAssembly,
# which every first search downloads, get Brotli's best level; the index chunks, which
# every search downloads and a national index has a thousand of, level 10: 8 % smaller
# than the fast level, and five times faster than the best (5 % smaller still).
PAGEFIND_SUFFIXES = frozenset({".pf_meta", ".pf_index", ".pf_fragment", ".pf_filter", ".pagefind"})
PAGEFIND_SHARED = (".pf_meta", ".pagefind")
PAGEFIND_INDEX = ".pf_index"
PAGEFIND_WASM = ".pagefind"
BROTLI_INDEX = 10
# Below this size the compressed copy saves less than a network packet.
SMALLEST = 512
SHARED_ASSETS = "assets/"
BROTLI_SHARED = 11
BROTLI_PAGES = 5
GZIP_LEVEL = 9


def _suffix(name: str) -> str:
    """Return the suffix of a file name as `Path.suffix` does, without making a Path."""
    base = name.rpartition("/")[2]
    dot = base.rfind(".")
    return base[dot:] if 0 < dot < len(base) - 1 else ""


def compressible(name: str) -> bool:
    """Tell whether a published file is text (or Pagefind's data) worth sending compressed."""
    suffix = _suffix(name)
    return suffix in TEXT_SUFFIXES or suffix in PAGEFIND_SUFFIXES


def _encodings(name: str, data: bytes) -> Iterator[tuple[str, bytes]]:
    quality = BROTLI_PAGES
    if name.startswith(SHARED_ASSETS) or name.endswith(PAGEFIND_SHARED):
        quality = BROTLI_SHARED
    elif name.endswith(PAGEFIND_INDEX):
        quality = BROTLI_INDEX
    yield ENCODINGS["br"], brotli.compress(data, quality=quality)
    # mtime=0: the same page gives the same bytes, so builds stay reproducible.
    yield ENCODINGS["gzip"], gzip.compress(data, GZIP_LEVEL, mtime=0)


def _compressed(
    name: str, data: bytes, same: dict[bytes, list[tuple[str, bytes]]]
) -> list[tuple[str, bytes]]:
    """Return `name`'s compressed copies; Pagefind's WebAssembly, the same in every site's
    bundle and slow at Brotli's best level, is compressed once per build (`same`)."""
    if not name.endswith(PAGEFIND_WASM):
        return list(_encodings(name, data))
    key = hashlib.sha256(data).digest()
    if key not in same:
        same[key] = list(_encodings(name, data))
    return same[key]


def write_precompressed(out: Path, listing: Listing | None = None) -> int:
    """Write a `.br` and a `.gz` beside each text file that changed; return how many files.

    A copy newer than its file is kept (incremental builds rewrite only what changed);
    copies whose file is gone, or no longer worth compressing, are removed. `listing`, the
    files of `out` as publishing last saw them, is kept up to date with the copies.
    """
    listing = listing or Listing.of(out)
    written = 0
    same: dict[bytes, list[tuple[str, bytes]]] = {}
    stats = listing.stats
    present = set(stats)
    endings = tuple(ENCODINGS.values())
    for name in sorted(present):
        if name.endswith(endings):
            original = name.removesuffix(_suffix(name))
            # Only a pair of copies without their file is ours to remove: a lone .gz file
            # (a download, Pagefind's data) is a file in its own right.
            ours = all(original + ending in present for ending in endings)
            if ours and original not in present:
                (out / name).unlink()
                del stats[name]
            continue
        if not compressible(name):
            continue
        copies = [name + ending for ending in endings]
        changed = stats[name].st_mtime
        if all(c in present and stats[c].st_mtime >= changed for c in copies):
            continue
        if stats[name].st_size < SMALLEST and not any(c in present for c in copies):
            # Too small to gain: it never has copies, and is not compressed to find that out.
            continue
        data = (out / name).read_bytes()
        for ending, body in _compressed(name, data, same):
            copy = out / (name + ending)
            if len(data) < SMALLEST or len(body) >= len(data):
                copy.unlink(missing_ok=True)
            else:
                copy.write_bytes(body)
                written += 1
        listing.refresh(copies)
    return written
