"""Remember what reading each Markdown file gave, so an unchanged file is not parsed again.

A build that finds nothing changed should read the files' metadata, not 10,000 files.
Each entry is keyed by the file's path and its content hash, and is trusted on its
metadata alone (size, modification and change times, inode) only when those are old
enough to be unambiguous: a file written in the same instant as the cache, or whose
metadata differs in any way (an editor restoring the modification time still changes
the change time), is read and hashed, and parsed again unless its bytes are the same.
Everything else a parse depends on (our code, mkdocs.yml, the settings that bound a
page) is in the cache's `salt`: when it changes, every entry is dropped.

The entries are kept in one file per agency folder (and one for `content/`): an edit
writes again its agency's file, not the parse of every file of the portal (56 MB at
10,000 items, a second to write).
"""

from __future__ import annotations

import hashlib
import os
import pickle
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pbgdpl.model.diagnostics import Diagnostic
    from pbgdpl.model.items import Item, Page

# One file per agency folder, named after it (`_group_file`).
CACHE_FOLDER = "parsed"
# Where earlier versions kept every entry in one file: removed when the cache is saved.
FORMER_FILE = "parsed.pickle"
# Beside it, only each file's metadata and hash: a build that wants to know whether a
# file's bytes are the ones last parsed reads this, not 10,000 parsed items.
DIGESTS_FILE = "parsed-digests.pickle"
# Two seconds: coarser than any file system's time stamps, so a file changed after the
# cache was written never shares its metadata with the version the cache holds.
RACY_NANOSECONDS = 2_000_000_000
_VERSION = 3


def _group(key: str) -> str:
    """Return the folder whose file keeps the entry of `key`: "agencies/<slug>" or the top."""
    parts = key.split("/", 2)
    return "/".join(parts[:2]) if parts[0] == "agencies" and len(parts) > 2 else parts[0]


def _group_file(folder: Path, group: str) -> Path:
    # Named by a hash: a folder's name is the editor's, and may be anything.
    return folder / CACHE_FOLDER / f"{hashlib.sha256(group.encode()).hexdigest()[:24]}.pickle"


@dataclass(frozen=True)
class Parsed:
    """What reading one file gave: its problems, the item or page, its pictures, attachments."""

    diagnostics: tuple[Diagnostic, ...]
    record: Item | Page | None
    # (line, address) of each picture the body shows: checked against the folder on
    # every build, since a picture may be added or removed without the page changing.
    pictures: tuple[tuple[int, str], ...] = ()
    # (line, name) of each attachment (tep_dinh_kem), checked likewise on every build.
    attachments: tuple[tuple[int, str], ...] = ()


@dataclass
class _Entry:
    stamp: tuple[int, int, int, int]
    digest: str
    parsed: Parsed


def _stamp(stat: os.stat_result) -> tuple[int, int, int, int]:
    return (stat.st_size, stat.st_mtime_ns, stat.st_ctime_ns, stat.st_ino)


@dataclass(frozen=True)
class Probe:
    """A file's metadata taken before it was read, and the hash of its bytes ("" if unread)."""

    stamp: tuple[int, int, int, int]
    digest: str


@dataclass(frozen=True)
class CacheShare:
    """What a worker process looked up and parsed, for the loader's cache (`parallel.py`)."""

    entries: dict[str, _Entry]
    dirty: frozenset[str]
    """The groups (`_group`) whose entries changed."""
    counts: tuple[int, int, int]


@dataclass
class ParseCache:
    """The parsed files of one portal, read from and saved to `folder`."""

    folder: Path
    salt: str
    entries: dict[str, _Entry] = field(default_factory=dict)
    saved_at: dict[str, int] = field(default_factory=dict)
    """When each group's file (`_group`) was written."""
    hits: int = 0
    misses: int = 0
    read: int = 0
    _used: set[str] = field(default_factory=set)
    _dirty: set[str] = field(default_factory=set)

    @classmethod
    def open(cls, folder: Path, salt: str) -> ParseCache:
        """Return the entries kept in `folder` that were made with `salt`."""
        cache = cls(folder, salt)
        for path in sorted((folder / CACHE_FOLDER).glob("*.pickle")):
            try:
                with path.open("rb") as stream:
                    version, saved_salt, group, saved_at, entries = pickle.load(stream)
            except (OSError, EOFError, ValueError, TypeError, pickle.UnpicklingError):
                continue
            if version == _VERSION and saved_salt == salt and path == _group_file(folder, group):
                cache.entries.update(entries)
                cache.saved_at[group] = saved_at
        return cache

    def lookup(self, key: str, path: Path) -> tuple[Parsed | None, Probe]:
        """Return the parse kept for `path` if its content is unchanged, and how it was probed.

        The metadata is taken before the file is read: a change while it is being read
        leaves newer times than the ones kept, so the next build reads it again.
        """
        self._used.add(key)
        entry = self.entries.get(key)
        stamp = _stamp(path.stat())
        if entry is not None and entry.stamp == stamp and self._settled(key, stamp):
            self.hits += 1
            return entry.parsed, Probe(stamp, entry.digest)
        digest = hashlib.sha256(path.read_bytes()).hexdigest()
        self.read += 1
        # Saved again, so that the next build trusts these times without reading.
        self._dirty.add(_group(key))
        if entry is not None and entry.digest == digest:
            entry.stamp = stamp
            self.hits += 1
            return entry.parsed, Probe(stamp, digest)
        self.misses += 1
        return None, Probe(stamp, digest)

    def store(self, key: str, probe: Probe, parsed: Parsed) -> None:
        """Keep what parsing the file `key` gave, with the metadata and hash it was read at."""
        self._used.add(key)
        self.entries[key] = _Entry(probe.stamp, probe.digest, parsed)
        self._dirty.add(_group(key))

    def begin_share(self) -> None:
        """Start counting anew what this process uses: a worker sends back only that."""
        self._used, self._dirty = set(), set()
        self.hits = self.misses = self.read = 0

    def share(self) -> CacheShare:
        """Return what this process looked up and parsed since `begin_share`."""
        entries = {key: self.entries[key] for key in self._used if key in self.entries}
        return CacheShare(entries, frozenset(self._dirty), (self.hits, self.misses, self.read))

    def adopt(self, share: CacheShare) -> None:
        """Take in what a worker looked up and parsed (`share`), as if done here."""
        self.entries.update(share.entries)
        self._used.update(share.entries)
        self._dirty |= share.dirty
        hits, misses, read = share.counts
        self.hits, self.misses, self.read = self.hits + hits, self.misses + misses, self.read + read

    def _settled(self, key: str, stamp: tuple[int, int, int, int]) -> bool:
        """Tell whether a file's times are older than its group's file, so they cannot be
        ambiguous."""
        saved_at = self.saved_at.get(_group(key), 0)
        return max(stamp[1], stamp[2]) < saved_at - RACY_NANOSECONDS

    def save(self) -> None:
        """Write the groups whose entries changed; files gone are forgotten."""
        groups: dict[str, dict[str, _Entry]] = {}
        for key in sorted(self._used):
            if key in self.entries:
                groups.setdefault(_group(key), {})[key] = self.entries[key]
        held = Counter(_group(key) for key in self.entries)
        changed = [
            group
            for group, entries in groups.items()
            # Changed, new, or holding an entry of a file gone.
            if group in self._dirty or group not in self.saved_at or len(entries) != held[group]
        ]
        gone = [group for group in self.saved_at if group not in groups]
        if not changed and not gone:
            return  # nothing new: the saved files are already these
        (self.folder / CACHE_FOLDER).mkdir(parents=True, exist_ok=True)
        now = time.time_ns()
        for group in changed:
            _dump(_group_file(self.folder, group), (_VERSION, self.salt, group, now, groups[group]))
        # The files of folders gone, and of entries made with another salt.
        kept = {_group_file(self.folder, group) for group in groups}
        for path in (self.folder / CACHE_FOLDER).glob("*.pickle"):
            if path not in kept:
                path.unlink()
        (self.folder / FORMER_FILE).unlink(missing_ok=True)
        digests = {
            key: (entry.stamp, entry.digest)
            for entries in groups.values()
            for key, entry in entries.items()
        }
        _dump(self.folder / DIGESTS_FILE, (_VERSION, digests))


def _dump(path: Path, value: object) -> None:
    partial = path.with_name(f".{path.name}.{os.getpid()}")
    with partial.open("wb") as stream:
        pickle.dump(value, stream, protocol=pickle.HIGHEST_PROTOCOL)
    partial.replace(path)


def parsed_digests(folder: Path) -> dict[str, tuple[tuple[int, int, int, int], str]]:
    """Return the metadata and sha256 of each file as the cache in `folder` last parsed it.

    Empty when there is no readable record: then no file passes for the one parsed.
    """
    try:
        with (folder / DIGESTS_FILE).open("rb") as stream:
            version, digests = pickle.load(stream)
    except (OSError, EOFError, ValueError, TypeError, pickle.UnpicklingError):
        return {}
    return digests if version == _VERSION and isinstance(digests, dict) else {}
