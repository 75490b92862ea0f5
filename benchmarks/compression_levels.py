"""Bytes against processor time of Brotli and gzip levels, per kind of file of a built portal.

    python benchmarks/compression_levels.py SITE [--sample 300]

Prints, for each kind (Pagefind's national and agency index chunks, fragments, filters,
HTML pages), the compressed size of a sample at each level and the processor time the
whole kind would take. `publishing/compression.py` chose its levels from these figures.
"""

from __future__ import annotations

import argparse
import gzip
import random
import time
from collections.abc import Callable
from pathlib import Path

import brotli

LEVELS: list[tuple[str, Callable[[bytes], bytes]]] = [
    *((f"br{q}", lambda d, q=q: brotli.compress(d, quality=q)) for q in (4, 5, 6, 8, 9, 10, 11)),
    *((f"gz{level}", lambda d, level=level: gzip.compress(d, level, mtime=0)) for level in (6, 9)),
]


def kinds(site: Path) -> dict[str, list[Path]]:
    """Return the files of each kind in a built portal."""
    return {
        "national index chunks": sorted((site / "pagefind/index").glob("*.pf_index")),
        "agency index chunks": sorted(site.glob("*/pagefind/index/*.pf_index")),
        "fragments": sorted((site / "pagefind/fragment").glob("*.pf_fragment")),
        "filters": sorted(site.glob("**/pagefind/filter/*.pf_filter")),
        "html pages": sorted(site.glob("*/*/*/index.html")),
    }


def main() -> None:
    """Print the table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("site", type=Path)
    parser.add_argument("--sample", type=int, default=300)
    args = parser.parse_args()
    rng = random.Random(1)
    for kind, files in kinds(args.site).items():
        if not files:
            continue
        sample = files if len(files) <= args.sample else rng.sample(files, args.sample)
        datas = [p.read_bytes() for p in sample]
        raw = sum(map(len, datas)) / 1024
        print(f"{kind}: {len(files)} files, sample {len(sample)}, {raw:.0f} KB")
        for label, compress in LEVELS:
            started = time.process_time()
            size = sum(len(compress(d)) for d in datas)
            cpu = time.process_time() - started
            print(
                f"  {label:5s} {size / 1024:8.1f} KB {1000 * cpu / len(datas):7.2f} ms a file, "
                f"{cpu * len(files) / len(sample):6.1f} s for all"
            )


if __name__ == "__main__":
    main()
