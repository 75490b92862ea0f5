"""Make a Pagefind bundle cheaper to download: plain files the portal compresses with Brotli.

Pagefind gzips each of its files itself, so a server can only send them as they are.
The first search of a citizen downloads Pagefind's metadata (a list of every page of the
index: on 10,000 pages, 74 KB gzipped), its WebAssembly (67 KB) and the chunks of the
index its words need. This module rewrites the bundle so that it costs less on the wire:

- every file is written plain (Pagefind's reader takes a file that starts with its
  signature as it is), and the portal's precompressed copies (`publishing/compression.py`)
  send it with Brotli, 15-20 % smaller than gzip;
- the metadata gives every page the same word count: the search page ranks with Pagefind's
  page-length weight set to 0 (`search-worker.js`), so the counts change no ranking, and
  identical counts compress to nearly nothing (14 KB less at 10,000 pages);
- each page's fragment drops its text (`content`): Pagefind keeps it only to cut excerpts,
  which the search page does not show (its summary is a filter), so each result shown
  downloads half the bytes.

The files keep their names: the same canonical bundle (`canonical.py`) gives the same
rewritten bytes, so a name still stands for one content and can be cached for good.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

from pbgdpl.search.canonical import SIGNATURE, encode, plain_bytes, read

# Positions in the metadata's top-level array (Pagefind's MetaIndex) and in each page.
META_PAGES = 1
PAGE_WORDS = 1
PACKED = (".pf_index", ".pf_filter", ".pagefind")
# Puts a rewritten file's bytes in place.
Writer = Callable[[Path, bytes], None]


def write_bytes(path: Path, data: bytes) -> None:
    """Write `data` into `path`: the `Writer` of a bundle built afresh."""
    path.write_bytes(data)


def _slim_meta(path: Path, write: Writer) -> None:
    meta = read(path)
    pages = meta[META_PAGES]
    if pages:
        # The mean, so that a reader that weighs page length ranks as with no weight.
        mean = round(sum(page[PAGE_WORDS] for page in pages) / len(pages))
        meta[META_PAGES] = [[page[0], mean, *page[2:]] for page in pages]
    write(path, SIGNATURE + encode(meta))


def _slim_fragment(path: Path, write: Writer) -> None:
    fragment = json.loads(plain_bytes(path).removeprefix(SIGNATURE))
    fragment["content"] = ""
    text = json.dumps(fragment, ensure_ascii=False, separators=(",", ":"))
    write(path, SIGNATURE + text.encode("utf-8"))


def slim_bundle(
    bundle: Path, write: Writer = write_bytes, kept: Callable[[Path], bool] | None = None
) -> None:
    """Rewrite the Pagefind files of `bundle` plain, with even word counts and no page text.

    `write` puts each file's new bytes in place: an index built again may keep, instead,
    the file of its last build that holds the same bytes (`pipeline/search_index.py`).
    `kept` puts in place of a fragment its rewrite of the last build, when Pagefind wrote
    it the same, and tells whether it did; such a fragment is not read.
    """
    for path in bundle.glob("*.pf_meta"):
        _slim_meta(path, write)
    for path in (bundle / "fragment").glob("*.pf_fragment"):
        if kept is None or not kept(path):
            _slim_fragment(path, write)
    for path in [*bundle.glob("*"), *bundle.glob("*/*")]:
        if path.suffix in PACKED and path.is_file():
            write(path, plain_bytes(path))
