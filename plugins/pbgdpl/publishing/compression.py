"""Precompressed copies of the portal's text files: `page.html.br` and `page.html.gz`.

A citizen on a slow link gets a page in a fifth of its bytes when the server sends it
compressed. Compressing once at build time lets any server do that at no cost per
request: nginx with `gzip_static`/`brotli_static`, a CDN that uploads the copies, and
`build.py serve`. The theme's shared assets get Brotli's best (slow) level, since they are
few; pages get a fast level, since a national portal has 100,000 of them.

Levels were chosen by measuring bytes against time on a 10,000-item portal
(`benchmarks/compression_levels.py`). gzip is only for the rare client without Brotli:
level 6 makes Pagefind's index chunks 1–3 % larger than level 9 in a quarter of the time,
and pages the same size. A full build compresses tens of thousands of files, in as many
processes as there are cores; a file whose bytes were already compressed in this call
(Pagefind's scripts and WebAssembly, the same in every site's bundle) is not compressed
again, and the copies of the theme's assets are kept between builds (`kept_copies.py`).
"""

from __future__ import annotations

import gzip
import hashlib
import os
from pathlib import Path

import brotli

from pbgdpl.loading.parallel import forked_pool
from pbgdpl.publishing import kept_copies
from pbgdpl.publishing.manifest import Listing
from pbgdpl.publishing.output import replace_bytes

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
GZIP_LEVEL = 6
# Fewer files than this are compressed in this process: starting workers costs more.
PARALLEL_FROM = 400


def _suffix(name: str) -> str:
    """Return the suffix of a file name as `Path.suffix` does, without making a Path."""
    base = name.rpartition("/")[2]
    dot = base.rfind(".")
    return base[dot:] if 0 < dot < len(base) - 1 else ""


def compressible(name: str) -> bool:
    """Tell whether a published file is text (or Pagefind's data) worth sending compressed."""
    suffix = _suffix(name)
    return suffix in TEXT_SUFFIXES or suffix in PAGEFIND_SUFFIXES


def _quality(name: str) -> int:
    if name.startswith(SHARED_ASSETS) or name.endswith(PAGEFIND_SHARED):
        return BROTLI_SHARED
    if name.endswith(PAGEFIND_INDEX):
        return BROTLI_INDEX
    return BROTLI_PAGES


def _encodings(quality: int, data: bytes) -> list[tuple[str, bytes]]:
    return [
        (ENCODINGS["br"], brotli.compress(data, quality=quality)),
        # mtime=0: the same page gives the same bytes, so builds stay reproducible.
        (ENCODINGS["gzip"], gzip.compress(data, GZIP_LEVEL, mtime=0)),
    ]


def _kept_between_builds(name: str) -> bool:
    """Tell whether `name`'s copies are kept in the user's cache (`kept_copies.py`): the
    theme's assets and Pagefind's WebAssembly, the same in every build of a version."""
    return name.startswith(SHARED_ASSETS) or name.endswith(PAGEFIND_WASM)


def _copies(name: str, quality: int, data: bytes) -> list[tuple[str, bytes]]:
    if not _kept_between_builds(name):
        return _encodings(quality, data)
    settings = f"brotli {quality}, gzip {GZIP_LEVEL}"
    endings = tuple(ENCODINGS.values())
    copies = kept_copies.load(data, settings, endings)
    if copies is None:
        copies = _encodings(quality, data)
        kept_copies.save(data, settings, copies)
    return copies


# The copies made by one process in one call, by Brotli level and content.
Same = dict[tuple[int, bytes], list[tuple[str, bytes]]]


def _compress_file(out: Path, name: str, same: Same) -> int:
    """Write `name`'s copies beside it (none if too small to gain); return how many."""
    data = (out / name).read_bytes()
    quality = _quality(name)
    key = (quality, hashlib.sha256(data).digest())
    if key not in same:
        same[key] = _copies(name, quality, data)
    written = 0
    for ending, body in same[key]:
        copy = out / (name + ending)
        if len(data) < SMALLEST or len(body) >= len(data):
            copy.unlink(missing_ok=True)
        else:
            replace_bytes(copy, body)
            written += 1
    return written


# Each worker process's own copies already made (it compresses one share of the names).
_worker_same: Same = {}


def _compress_share(out: Path, names: list[str]) -> int:
    return sum(_compress_file(out, name, _worker_same) for name in names)


def _compress_all(out: Path, names: list[str]) -> int:
    """Compress `names`, in parallel when there are many and more than one core."""
    jobs = min(os.cpu_count() or 1, len(names) // PARALLEL_FROM)
    if jobs <= 1:
        same: Same = {}
        return sum(_compress_file(out, name, same) for name in names)
    # Interleaved shares: files of one kind (and speed) are spread over every worker.
    shares = [names[i::jobs] for i in range(jobs)]
    # fork: a worker starts with this process's modules, not a fresh interpreter.
    with forked_pool(jobs) as pool:
        return sum(pool.map(_compress_share, [out] * jobs, shares))


def write_precompressed(out: Path, listing: Listing | None = None) -> int:
    """Write a `.br` and a `.gz` beside each text file that changed; return how many files.

    A copy newer than its file is kept (incremental builds rewrite only what changed);
    copies whose file is gone, or no longer worth compressing, are removed. `listing`, the
    files of `out` as publishing last saw them, is kept up to date with the copies.
    """
    listing = listing or Listing.of(out)
    stats = listing.stats
    present = set(stats)
    endings = tuple(ENCODINGS.values())
    todo = []
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
        todo.append(name)
    written = _compress_all(out, todo)
    listing.refresh(name + ending for name in todo for ending in endings)
    return written
