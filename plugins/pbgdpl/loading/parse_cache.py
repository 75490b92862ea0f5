"""Remember what reading each Markdown file gave, so an unchanged file is not parsed again.

A build that finds nothing changed should read the files' metadata, not 10,000 files.
Each entry is keyed by the file's path and its content hash, and is trusted on its
metadata alone (size, modification and change times, inode) only when those are old
enough to be unambiguous: a file written in the same instant as the cache, or whose
metadata differs in any way (an editor restoring the modification time still changes
the change time), is read and hashed, and parsed again unless its bytes are the same.
Everything else a parse depends on (our code, mkdocs.yml, the settings that bound a
page) is in the cache's `salt`: when it changes, every entry is dropped.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pbgdpl.model.diagnostics import Diagnostic
    from pbgdpl.model.items import Item, Page

CACHE_FILE = "parsed.pickle"
# Beside it, only each file's metadata and hash: a build that wants to know whether a
# file's bytes are the ones last parsed reads this, not 10,000 parsed items.
DIGESTS_FILE = "parsed-digests.pickle"
# Two seconds: coarser than any file system's time stamps, so a file changed after the
# cache was written never shares its metadata with the version the cache holds.
RACY_NANOSECONDS = 2_000_000_000
_VERSION = 2


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
    dirty: bool
    counts: tuple[int, int, int]


@dataclass
class ParseCache:
    """The parsed files of one portal, read from and saved to `folder`."""

    folder: Path
    salt: str
    entries: dict[str, _Entry] = field(default_factory=dict)
    saved_at: int = 0
    hits: int = 0
    misses: int = 0
    read: int = 0
    _used: set[str] = field(default_factory=set)
    _dirty: bool = False

    @classmethod
    def open(cls, folder: Path, salt: str) -> ParseCache:
        """Return the cache kept in `folder` if it was made with `salt`, else an empty one."""
        cache = cls(folder, salt)
        try:
            with (folder / CACHE_FILE).open("rb") as stream:
                version, saved_salt, saved_at, entries = pickle.load(stream)
        except (OSError, EOFError, ValueError, TypeError, pickle.UnpicklingError):
            return cache
        if version == _VERSION and saved_salt == salt:
            cache.entries, cache.saved_at = entries, saved_at
        return cache

    def lookup(self, key: str, path: Path) -> tuple[Parsed | None, Probe]:
        """Return the parse kept for `path` if its content is unchanged, and how it was probed.

        The metadata is taken before the file is read: a change while it is being read
        leaves newer times than the ones kept, so the next build reads it again.
        """
        self._used.add(key)
        entry = self.entries.get(key)
        stamp = _stamp(path.stat())
        if entry is not None and entry.stamp == stamp and self._settled(stamp):
            self.hits += 1
            return entry.parsed, Probe(stamp, entry.digest)
        digest = hashlib.sha256(path.read_bytes()).hexdigest()
        self.read += 1
        # Saved again, so that the next build trusts these times without reading.
        self._dirty = True
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
        self._dirty = True

    def begin_share(self) -> None:
        """Start counting anew what this process uses: a worker sends back only that."""
        self._used, self._dirty = set(), False
        self.hits = self.misses = self.read = 0

    def share(self) -> CacheShare:
        """Return what this process looked up and parsed since `begin_share`."""
        entries = {key: self.entries[key] for key in self._used if key in self.entries}
        return CacheShare(entries, self._dirty, (self.hits, self.misses, self.read))

    def adopt(self, share: CacheShare) -> None:
        """Take in what a worker looked up and parsed (`share`), as if done here."""
        self.entries.update(share.entries)
        self._used.update(share.entries)
        self._dirty = self._dirty or share.dirty
        hits, misses, read = share.counts
        self.hits, self.misses, self.read = self.hits + hits, self.misses + misses, self.read + read

    def _settled(self, stamp: tuple[int, int, int, int]) -> bool:
        """Tell whether a file's times are older than the cache, so they cannot be ambiguous."""
        return max(stamp[1], stamp[2]) < self.saved_at - RACY_NANOSECONDS

    def save(self) -> None:
        """Write the entries of the files read this time; files gone are forgotten."""
        if not self._dirty and self._used == set(self.entries):
            return  # nothing new: the saved copy is already this one
        entries = {key: self.entries[key] for key in sorted(self._used) if key in self.entries}
        self.folder.mkdir(parents=True, exist_ok=True)
        _dump(self.folder / CACHE_FILE, (_VERSION, self.salt, time.time_ns(), entries))
        digests = {key: (entry.stamp, entry.digest) for key, entry in entries.items()}
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
