"""Time each step of the national search index of a built portal: our Python and Pagefind.

    python benchmarks/national_index.py SITE [--copies K | --sample N]

SITE is a portal built by `build.py build` (benchmarks/run.py, generate.py). The steps are
those of `index_portal`: read every site's records, choose the words each page keeps,
write Pagefind's documents (all of them, then again with the kept folder, as after an
edit of one page), the query lexicon, Pagefind itself (with its peak memory), making its
bundle canonical and the slim rewrite. With --copies K each record is indexed K times
under other addresses, to see how Pagefind's time and memory grow with a portal K times
larger (the words stay those of SITE, so real text would need somewhat more). With
--sample N only N records, evenly spread, are indexed: one bundle of a split index.
"""

from __future__ import annotations

import argparse
import dataclasses
import os
import resource
import shutil
import subprocess
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from pbgdpl.pipeline.search_documents import update_documents
from pbgdpl.pipeline.search_index import (
    CHUNK_SIZE,
    CHUNK_SIZE_VARIABLE,
    pagefind_binary,
    portal_records,
)
from pbgdpl.search.canonical import canonicalize
from pbgdpl.search.lexicon import build_lexicon
from pbgdpl.search.selection import select_words
from pbgdpl.search.slim import slim_bundle

T = TypeVar("T")


def timed(name: str, step: Callable[[], T]) -> T:
    """Run `step`, print its processor and wall time, return its result."""
    processor, wall = time.process_time(), time.perf_counter()
    result = step()
    print(
        f"{name:<40} {time.process_time() - processor:7.2f} s processor "
        f"{time.perf_counter() - wall:7.2f} s wall",
        flush=True,
    )
    return result


def main() -> None:
    """Index SITE's records step by step and print each step's time."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("site", type=Path)
    parser.add_argument("--copies", type=int, default=1)
    parser.add_argument(
        "--sample",
        type=int,
        default=0,
        help="index only this many records, evenly spread (one bundle of a split index)",
    )
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="pbgdpl-national-index-"))
    records = timed("read every site's records", lambda: portal_records(args.site))
    records = [
        dataclasses.replace(r, url=f"{r.url}{copy}/" if copy else r.url)
        for copy in range(args.copies)
        for r in records
    ]
    records.sort(key=lambda r: r.url)
    if args.sample:
        records = records[:: max(1, len(records) // args.sample)][: args.sample]
    print(f"records: {len(records)}")
    selected = timed("choose the words each page keeps", lambda: select_words(records))
    timed("write every document", lambda: update_documents(records, selected, work))
    edited = [*records]
    edited[len(edited) // 2] = dataclasses.replace(edited[len(edited) // 2], title="Tin sửa")
    timed(
        "write the documents of one edit (kept)",
        lambda: update_documents(edited, select_words(edited), work),
    )
    timed("the query lexicon", lambda: build_lexicon(records, selected))
    built = work / "built"
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    subprocess.run(
        [
            str(pagefind_binary()),
            *("--site", str(work / "documents"), "--output-path", str(built)),
            *("--force-language", "vi", "--silent"),
        ],
        check=True,
        env={**os.environ, CHUNK_SIZE_VARIABLE: str(CHUNK_SIZE)},
    )
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    processor = after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime
    print(
        f"{'Pagefind':<40} {processor:7.2f} s processor "
        f"{time.perf_counter() - started:7.2f} s wall, peak {after.ru_maxrss // 1024} MB",
        flush=True,
    )
    timed("make the bundle canonical", lambda: canonicalize(built))
    timed("slim rewrite (plain files, no page text)", lambda: slim_bundle(built))
    shutil.rmtree(work)


if __name__ == "__main__":
    main()
