"""What patching the national index needs besides its files, kept between builds.

`search/pagefind_patch.py` changes the national index for a few edited documents; it
needs the index's pages in Pagefind's order and their word counts (the published
metadata has them evened out). They are kept beside the index's documents, by the code
(`platform`) that built the index, and removed before the index is touched: a build
stopped halfway leaves none, and the next one runs Pagefind.
"""

from __future__ import annotations

import pickle
from pathlib import Path

from pbgdpl.search.pagefind_patch import IndexState

FILE = "index-state.pickle"
_VERSION = 1


def take_state(folder: Path | None, platform: str) -> IndexState | None:
    """Return the state kept in `folder` by the same `platform`, and remove it."""
    if folder is None:
        return None
    path = folder / FILE
    try:
        with path.open("rb") as stream:
            version, written_by, urls, counts, meta = pickle.load(stream)
    except (OSError, EOFError, ValueError, TypeError, pickle.UnpicklingError):
        return None
    path.unlink()
    if version != _VERSION or written_by != platform:
        return None
    return IndexState(urls, counts, meta)


def keep_state(folder: Path | None, platform: str, state: IndexState) -> None:
    """Keep `state`, the index now in place, in `folder`."""
    if folder is None:
        return
    folder.mkdir(parents=True, exist_ok=True)
    partial = folder / f".{FILE}"
    with partial.open("wb") as stream:
        # Plain lists: the file never names a class of our code, which may be gone.
        state_lists = (state.urls, state.counts, state.meta)
        pickle.dump((_VERSION, platform, *state_lists), stream, pickle.HIGHEST_PROTOCOL)
    partial.replace(folder / FILE)
