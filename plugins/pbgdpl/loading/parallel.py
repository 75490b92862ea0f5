"""Read many agency folders at once, one process per core, when most files must be parsed.

A load with no parse cache (the first build, a forced one, a shard on a fresh runner, the
check of a pull request after our code changed) parses every Markdown file: 20,000 of
them took a minute of one core, 100,000 four. The agency folders are dealt to worker
processes forked from the loader once the portal's settings are read; each reads its
folders as the loader would and sends back what each folder gave. The loader adds them in
folder order, so the portal is the one a load of one folder after another gives.
"""

from __future__ import annotations

import gc
import multiprocessing
import os
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from typing import Any, TypeVar

R = TypeVar("R")

# Below this many files to parse, forking and sending the parses back costs more than
# parsing them in one process saves.
MIN_FILES = 1500

_work: Callable[[list[str]], object] | None = None


def cores() -> int:
    """Return how many processors this process may run on."""
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else 1


def deal(sizes: dict[str, int], hands: int) -> list[list[str]]:
    """Deal the folders, largest first, to the hand with the fewest files so far."""
    dealt: list[list[str]] = [[] for _ in range(hands)]
    loads = [0] * hands
    for name in sorted(sizes, key=lambda n: (-sizes[n], n)):
        lightest = loads.index(min(loads))
        dealt[lightest].append(name)
        loads[lightest] += sizes[name]
    return [hand for hand in dealt if hand]


@contextmanager
def forked_pool(
    workers: int, initializer: Callable[..., object] | None = None, initargs: tuple[Any, ...] = ()
) -> Iterator[ProcessPoolExecutor]:
    """A pool of `workers` processes forked from this one, sharing its memory.

    Forked, a worker starts with this process's modules and objects without a copy: the
    pages are copied only when written. The garbage collector writes to every object it
    examines, so a worker's first full collection would copy them all (at 10,000 items, a
    render worker grew to 600 MB): the objects made so far are frozen, never examined,
    until the pool is done.
    """
    gc.freeze()
    try:
        with ProcessPoolExecutor(
            max_workers=workers,
            mp_context=multiprocessing.get_context("fork"),
            initializer=initializer,
            initargs=initargs,
        ) as pool:
            yield pool
    finally:
        gc.unfreeze()


def _run(hand: list[str]) -> object:
    assert _work is not None
    return _work(hand)


def in_processes(work: Callable[[list[str]], R], hands: Sequence[list[str]]) -> list[R]:
    """Return `work(hand)` for each hand, each run in a process forked from this one.

    Forked, the workers share what this process has read (settings, vocabularies, the
    parse cache) without sending it; `work` and its results must be picklable back only.
    """
    global _work
    _work = work
    try:
        with forked_pool(len(hands)) as pool:
            return list(pool.map(_run, hands))  # type: ignore[arg-type]
    finally:
        _work = None
