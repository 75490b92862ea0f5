"""Split a large index into buckets, so that an edit re-indexes the bucket of its site only.

Pagefind builds an index in one run over all its pages: at 10,000 pages the national
index costs seconds after any edit, for one changed page. A large index is therefore built
as a few Pagefind bundles, its buckets, each over the pages of some sites: each site's
pages go to the bucket its name hashes to (`bucket_of`), so an edit, or a new agency,
changes the documents of one bucket, and the others keep their index as it was.

The first bucket with pages is the bundle itself; every other is a folder below it
(`bucket_folder`), without Pagefind's script and WebAssembly, which the search page loads
once, from the bundle. The search page merges them into the bundle's search (Pagefind's
`mergeIndex`), read from the lexicon (`search/lexicon.py`, `buckets`).

An index of fewer than `2 × BUCKET_PAGES` pages has one bucket: an agency's own index, the
sample portal. The count doubles with the pages, up to `MAX_BUCKETS`: each bucket adds a
request to a citizen's first search (its metadata, then a chunk for each word).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from pathlib import Path

from pbgdpl.search.lexicon import QUERY_FILE
from pbgdpl.search.records import SearchRecord

BUCKET_PAGES = 1250
MAX_BUCKETS = 8
BUCKET_PREFIX = "bucket-"
# What a bucket other than the bundle's own leaves out: the search page loads them once.
SHARED_FILES = ("pagefind.js",)
SHARED_SUFFIX = ".pagefind"


def bucket_count(pages: int, bucket_pages: int = BUCKET_PAGES) -> int:
    """Return how many buckets an index of `pages` pages has: a power of two."""
    count = 1
    while count * 2 <= min(MAX_BUCKETS, pages // max(1, bucket_pages)):
        count *= 2
    return count


def bucket_of(site: str, count: int) -> int:
    """Return the bucket of the pages of `site` ("" for the national site's own)."""
    return int.from_bytes(hashlib.sha256(site.encode("utf-8")).digest()[:4], "big") % count


def bucket_folder(number: int) -> str:
    """Return the name of bucket `number`'s folder below the bundle."""
    return f"{BUCKET_PREFIX}{number}"


def is_bucket_folder(path: Path) -> bool:
    """Tell whether `path`, in a bundle, is one of its buckets."""
    return path.is_dir() and path.name.startswith(BUCKET_PREFIX)


def split(
    records: Sequence[SearchRecord], bucket_pages: int = BUCKET_PAGES
) -> dict[int, list[int]]:
    """Return the positions of `records` in each bucket that has any, by bucket number
    (bucket 0 only, empty, when there are none: Pagefind then says it found no page)."""
    count = bucket_count(len(records), bucket_pages)
    buckets: dict[int, list[int]] = {} if records else {0: []}
    for at, record in enumerate(records):
        buckets.setdefault(bucket_of(record.site, count), []).append(at)
    return dict(sorted(buckets.items()))


def own_bucket(bundle: Path | None) -> int | None:
    """Return the number of the bucket a built bundle holds itself, if it is readable."""
    if bundle is None:
        return None
    try:
        number = json.loads((bundle / QUERY_FILE).read_text("utf-8")).get("bucket", 0)
    except (OSError, ValueError, AttributeError):
        return None
    return number if isinstance(number, int) else None
