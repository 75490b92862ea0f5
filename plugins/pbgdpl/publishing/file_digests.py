"""Remember the digest of each published file, so the manifest hashes only files that changed.

An incremental build leaves most of the portal's 80,000 files as they were; hashing them
all again cost more than the edit itself. A digest is kept with the file's metadata
(size, modification and change times, inode) and trusted only when those times are old
enough to be unambiguous, by the rule of the parse cache (`RACY_NANOSECONDS`): a file
written in the same instant as the record, or whose metadata differs in any way, is
hashed again.

A file the build links from the last build's output to the same name (an index file
Pagefind wrote the same) keeps its inode but gets a new change time, and another when the
build removes the last output's link. The build vouches for it (`relinked`): its digest is
kept if the file was, just before the link, exactly as recorded, and is still the same
inode, size and modification time when the manifest is written.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import time
from dataclasses import dataclass, field
from pathlib import Path

from pbgdpl.loading.parse_cache import RACY_NANOSECONDS

CACHE_FILE = "published.pickle"
_VERSION = 1

Stamp = tuple[int, int, int, int]
# A stamp without its change time: what a link or an unlink leaves as it was.
Identity = tuple[int, int, int]


def _stamp(stat: os.stat_result) -> Stamp:
    return (stat.st_size, stat.st_mtime_ns, stat.st_ctime_ns, stat.st_ino)


def _identity(stamp: Stamp) -> Identity:
    return (stamp[0], stamp[1], stamp[3])


def _hash(path: Path | str) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as stream:
        for chunk in iter(lambda: stream.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


@dataclass
class FileDigests:
    """The digests of one output folder's files, read from and saved to `folder`."""

    folder: Path
    entries: dict[str, tuple[Stamp, str]] = field(default_factory=dict)
    saved_at: int = 0
    hashed: int = 0
    vouched: dict[str, Identity] = field(default_factory=dict)
    """Files linked by this build as they were recorded: their identity after the link."""

    @classmethod
    def open(cls, folder: Path) -> FileDigests:
        """Return the digests kept in `folder`, or none if there are none or they are unreadable."""
        digests = cls(folder)
        try:
            with (folder / CACHE_FILE).open("rb") as stream:
                version, saved_at, entries = pickle.load(stream)
        except (OSError, EOFError, ValueError, TypeError, pickle.UnpicklingError):
            return digests
        if version == _VERSION and isinstance(entries, dict):
            digests.entries, digests.saved_at = entries, saved_at
        return digests

    def digest(
        self, name: str, path: Path | str, stat: os.stat_result | None = None
    ) -> tuple[int, str]:
        """Return the size and sha256 of the file `path`, published as `name`.

        `stat` is its metadata if just taken, before it is read.
        """
        stamp = _stamp(stat or os.stat(path))
        kept = self.entries.get(name)
        if kept is not None and kept[0] == stamp and self._settled(stamp):
            return stamp[0], kept[1]
        if kept is not None and self.vouched.get(name) == _identity(stamp):
            # Linked and its old link removed by this build since: nothing else changed it.
            self.entries[name] = (stamp, kept[1])
            return stamp[0], kept[1]
        sha256 = _hash(path)
        self.hashed += 1
        self.entries[name] = (stamp, sha256)
        return stamp[0], sha256

    def _settled(self, stamp: Stamp) -> bool:
        return max(stamp[1], stamp[2]) < self.saved_at - RACY_NANOSECONDS

    def relinked(self, name: str, before: os.stat_result, after: os.stat_result) -> None:
        """Vouch for `name`, a file just linked to it from the last build's output: `before`
        is the file's metadata just before the link, `after` just after."""
        kept = self.entries.get(name)
        same_file = before.st_ino == after.st_ino and before.st_mtime_ns == after.st_mtime_ns
        # As recorded, settled, and the very file: nothing but the link changed it.
        if kept is not None and same_file and kept[0] == _stamp(before) and self._settled(kept[0]):
            self.vouched[name] = _identity(_stamp(after))

    def save(self, names: set[str]) -> None:
        """Keep the digests of `names`, the files published now; others are forgotten."""
        entries = {name: self.entries[name] for name in names if name in self.entries}
        self.folder.mkdir(parents=True, exist_ok=True)
        partial = self.folder / f".{CACHE_FILE}.{os.getpid()}"
        with partial.open("wb") as stream:
            pickle.dump((_VERSION, time.time_ns(), entries), stream, pickle.HIGHEST_PROTOCOL)
        partial.replace(self.folder / CACHE_FILE)
