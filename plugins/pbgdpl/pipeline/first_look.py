"""A build's first look: has anything it reads changed since the last complete build?

When nothing has, the build says again what the last one said and stops there
(`unchanged.py`). This module, and what it imports, is all such a build loads: not the
renderer, the search indexer or the publisher, whose imports alone took longer than the
look itself. The command line imports the rest of the build only when there is work.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, replace

from pbgdpl.pipeline.fingerprint import platform_fingerprint
from pbgdpl.pipeline.options import BuildOptions, BuildReport
from pbgdpl.pipeline.unchanged import (
    Sources,
    output_stamp,
    read_unchanged,
    save_unchanged,
    still_unchanged,
    take_sources,
)
from pbgdpl.publishing.output import MANIFEST, STATE_FILE, OutputTree


@dataclass(frozen=True)
class FirstLook:
    """What a build saw before doing any work."""

    unchanged: bool
    """Nothing the last complete build read has changed: `report` says what it said."""
    report: BuildReport
    platform: str
    """The fingerprint of the code, theme and libraries (`platform_fingerprint`)."""
    sources: Sources
    first_build: bool
    """The output folder did not exist."""


def first_look(options: BuildOptions) -> FirstLook:
    """Look at the sources' metadata and the record of the last complete build."""
    report = BuildReport()
    first_build = not options.out.exists()
    platform = platform_fingerprint(options.root)
    started = time.perf_counter()
    choices = (options.only, options.shard, options.keep_going, options.editor)
    sources = take_sources(options.root, (platform, repr(choices)))
    report.timings["unchanged"] = time.perf_counter() - started
    output = output_stamp(options.out, (STATE_FILE, MANIFEST))
    cache = OutputTree(options.out).cache
    # A forced build trusts nothing it kept; the web editor is written, and the portal
    # published, on every --editor build.
    kept = None if options.force or options.editor else read_unchanged(cache)
    unchanged = kept is not None and still_unchanged(kept, sources, options.moment, output, cache)
    if kept is not None and unchanged:
        if kept.sources != sources.digest:
            # Touched files with the same bytes: their new metadata is trusted next time.
            save_unchanged(cache, replace(kept, sources=sources.digest, stamps=sources.stamps))
        report.diagnostics = list(kept.diagnostics)
        report.notices = list(kept.notices)
        report.skipped = list(kept.sites)
        report.excluded = dict(kept.excluded)
    return FirstLook(unchanged, report, platform, sources, first_build)
