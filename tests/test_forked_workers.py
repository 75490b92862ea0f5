"""Worker processes forked from the build share its memory instead of copying it."""

from __future__ import annotations

import gc

from pbgdpl.loading.parallel import forked_pool

# The build's catalog in small: many small objects the garbage collector tracks.
_shared: list[list[object]] = []


def _private_kb_after_collecting(_: int) -> int:
    """Collect garbage in the worker, then return the memory it no longer shares, in KB."""
    gc.collect()
    with open("/proc/self/smaps_rollup", encoding="ascii") as rollup:
        fields = dict(line.split(":", 1) for line in rollup if ":" in line)
    return sum(int(fields[name].split()[0]) for name in ("Private_Dirty", "Private_Clean"))


def test_a_workers_garbage_collection_copies_none_of_the_builds_objects() -> None:
    # A render worker at 10,000 items grew to 600 MB: its first full collection wrote to
    # every object of the catalog it inherited, and each page written is copied.
    _shared.extend([i, [i]] for i in range(400_000))
    try:
        with forked_pool(1) as pool:
            private_kb = next(pool.map(_private_kb_after_collecting, [0]))
        # 800,000 lists, ~60 MB: a collection that examined them would copy them all.
        size_kb = 800_000 * 72 // 1024
        assert private_kb < size_kb // 4, (private_kb, size_kb)
    finally:
        _shared.clear()


def test_after_the_pool_the_builds_objects_are_collected_again() -> None:
    with forked_pool(1) as pool:
        assert gc.get_freeze_count() > 0
        assert list(pool.map(abs, [-1])) == [1]
    assert gc.get_freeze_count() == 0
