"""The output folder: swap freshly rendered sites into place, and remember what built them."""

from __future__ import annotations

import json
import os
import shutil
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path
from typing import Any

from pbgdpl.model.sites import site_key

# Every name the build keeps for itself in the output starts so; none is ever served.
BOOKKEEPING_PREFIX = ".pbgdpl-"
STATE_FILE = f"{BOOKKEEPING_PREFIX}build.json"
STAGING_DIR = f"{BOOKKEEPING_PREFIX}staging"
# What the builds keep to do less next time (parsed files, drafts too); never published.
CACHE_DIR = f"{BOOKKEEPING_PREFIX}cache"
# Every published file with its digest, written last by each build (`manifest.py`).
MANIFEST = "manifest.json"
# Where the folders replaced by an install wait for their removal, inside staging.
REPLACED = "_replaced"


def write_changed(path: Path, data: str | bytes) -> Path:
    """Write `data` (text as UTF-8) to `path` unless the file holds these bytes; return `path`.

    A portal-wide file (a feed, the sitemap, open data) that an edit did not change keeps
    its time, so its compressed copies and its digest in the manifest are not made again.
    """
    body = data.encode("utf-8") if isinstance(data, str) else data
    try:
        if path.stat().st_size == len(body) and path.read_bytes() == body:
            return path
    except FileNotFoundError:
        pass
    replace_bytes(path, body)
    return path


def replace_bytes(path: Path, data: bytes) -> None:
    """Put a new file holding `data` in place of `path`, never writing into the old one.

    A published file may be linked from elsewhere: a page kept from the last build, a
    shard's output joined by `assemble`. Writing through `path` would change them too.
    """
    partial = path.with_name(f".{path.name}.{os.getpid()}.partial")
    partial.write_bytes(data)
    partial.replace(path)


def _replace(source: Path, target: Path, discard: Callable[[Path], None]) -> None:
    """Move `source` to `target`, replacing what was there, so readers never see half a site.

    A folder replaced is handed to `discard`, which moves it out of the way.
    """
    if target.is_dir() and not target.is_symlink():
        discard(target)
        source.rename(target)
    else:
        if target.exists() or target.is_symlink():
            target.unlink()
        source.rename(target)


class OutputTree:
    """The portal's output folder: `/` is the national site, `/<slug>/` each agency site."""

    def __init__(self, root: Path, *, remove_replaced: bool = True) -> None:
        self.root = root
        self.staging = root / STAGING_DIR
        self.cache = root / CACHE_DIR
        # Replaced folders are removed in a thread of their own while the build goes on:
        # the national site's is tens of thousands of files, whatever an edit changed. A
        # process that hands the build on (`remove_replaced` false) leaves them to the next
        # (`remove_replaced_later`).
        self._remove_now = remove_replaced
        self._discarded = 0
        self._remover: ThreadPoolExecutor | None = None
        self._removals: list[Future[None]] = []

    def _discard(self, folder: Path) -> None:
        """Move `folder` into the staging folder (never published) and remove it there."""
        trash = self.staging / REPLACED / str(self._discarded)
        self._discarded += 1
        trash.parent.mkdir(parents=True, exist_ok=True)
        folder.rename(trash)
        if self._remove_now:
            self._remove_later(trash)

    def _remove_later(self, folder: Path) -> None:
        if self._remover is None:
            self._remover = ThreadPoolExecutor(max_workers=1)
        self._removals.append(self._remover.submit(shutil.rmtree, folder, ignore_errors=True))

    def remove_replaced_later(self) -> None:
        """Start removing the folders replaced by a process that left them (`remove_replaced`)."""
        if (self.staging / REPLACED).is_dir():
            self._remove_later(self.staging / REPLACED)

    def prepare(self) -> None:
        """Create the output folder and an empty staging folder inside it."""
        self.root.mkdir(parents=True, exist_ok=True)
        shutil.rmtree(self.staging, ignore_errors=True)
        self.staging.mkdir()

    def staging_for(self, site: str) -> Path:
        """Return the staging folder a site renders into."""
        return self.staging / site_key(site)

    def load_state(self) -> dict[str, dict[str, Any]]:
        """Return what the previous build recorded for each site, or nothing."""
        try:
            state = json.loads((self.root / STATE_FILE).read_text("utf-8"))
        except (OSError, ValueError):
            return {}
        return state if isinstance(state, dict) else {}

    def save_state(self, state: dict[str, dict[str, Any]]) -> None:
        """Record what built each site, for the next incremental build."""
        text = json.dumps(state, ensure_ascii=False, indent=1, sort_keys=True)
        (self.root / STATE_FILE).write_text(text + "\n", "utf-8")

    def _pages_file(self, key: str) -> Path:
        return self.cache / "pages" / f"{key}.json"

    def load_pages(self, key: str) -> object:
        """Return what the last build recorded of each page of a site (`save_pages`), or None."""
        try:
            return json.loads(self._pages_file(key).read_text("utf-8"))
        except (OSError, ValueError):
            return None

    def save_pages(self, key: str, pages: object) -> None:
        """Record what made each page of a site just installed, kept with the build's cache.

        Apart from the build state: only a site's own render reads it.
        """
        path = self._pages_file(key)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(pages, ensure_ascii=False, separators=(",", ":")), "utf-8")

    def forget_pages(self, key: str) -> None:
        """Remove what `save_pages` recorded of a site, before its output is replaced."""
        self._pages_file(key).unlink(missing_ok=True)

    def install_agency(self, slug: str) -> None:
        """Move an agency site from staging into `/<slug>/`."""
        _replace(self.staging_for(slug) / slug, self.root / slug, self._discard)

    def install_national(
        self, previous_entries: list[str], companions: tuple[str, ...] = ()
    ) -> list[str]:
        """Move the national site's entries into `/`, dropping its stale ones; return them.

        A file named as another entry plus one of `companions` (a kept page's precompressed
        copy) is moved too, but is not one of the site's entries: publishing owns it.
        """
        staged = self.staging_for("")
        names = {p.name for p in staged.iterdir()}
        entries = sorted(
            name
            for name in names
            if not any(name.endswith(e) and name[: -len(e)] in names for e in companions)
        )
        for name in set(previous_entries) - set(entries):
            stale = self.root / name
            if stale.is_dir():
                shutil.rmtree(stale)
            elif stale.exists():
                stale.unlink()
        for name in sorted(names):
            _replace(staged / name, self.root / name, self._discard)
        return entries

    def remove_site(self, slug: str) -> None:
        """Delete the output of an agency site that no longer exists, and its pages' record."""
        shutil.rmtree(self.root / slug, ignore_errors=True)
        self.forget_pages(slug)

    def finish(self) -> None:
        """Remove the staging folder, once the folders replaced are removed."""
        for removal in self._removals:
            removal.result()
        self._removals.clear()
        if self._remover is not None:
            self._remover.shutdown()
            self._remover = None
        shutil.rmtree(self.staging, ignore_errors=True)
