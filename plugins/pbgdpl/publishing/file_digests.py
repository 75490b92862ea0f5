"""Remember the digest of each published file, so the manifest hashes only files that changed.

An incremental build leaves most of the portal's 80,000 files as they were; hashing them
all again cost more than the edit itself. A digest is kept with the file's metadata
(size, modification and change times, inode) and trusted only when those times are old
enough to be unambiguous, by the rule of the parse cache (`RACY_NANOSECONDS`): a file
written in the same instant as the record, or whose metadata differs in any way, is
hashed again.

A file the build keeps in place keeps its digest: the national search index is updated
in its own folder (`pipeline/search_index.py`), so its files that come out the same are
never touched. A file linked to a new name gets a new change time and is hashed again.

The digests are kept in one file per top folder of the output (a site, the national
search index): an edit writes again those of the folders it changed, not the digests of
every file of the portal (20 MB at 10,000 items).
"""

from __future__ import annotations

import hashlib
import os
import pickle
import time
from dataclasses import dataclass, field
from pathlib import Path

from pbgdpl.loading.parse_cache import RACY_NANOSECONDS

# One file per top folder of the output, named after it (`_group_file`).
CACHE_FOLDER = "published"
# Where earlier versions kept every digest in one file: removed when digests are saved.
FORMER_FILE = "published.pickle"
_VERSION = 2

Stamp = tuple[int, int, int, int]


def _stamp(stat: os.stat_result) -> Stamp:
    return (stat.st_size, stat.st_mtime_ns, stat.st_ctime_ns, stat.st_ino)


def _group(name: str) -> str:
    """Return the top folder of a published file, whose file keeps its digest ("" at the top)."""
    return name.partition("/")[0] if "/" in name else ""


def _group_file(folder: Path, group: str) -> Path:
    return folder / CACHE_FOLDER / f"{hashlib.sha256(group.encode()).hexdigest()[:24]}.pickle"


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
    saved_at: dict[str, int] = field(default_factory=dict)
    """When each group's file (`_group`) was written."""
    hashed: int = 0

    _groups: dict[str, dict[str, tuple[Stamp, str]]] = field(default_factory=dict)
    """The entries by group (`_group`), as each group's file is written."""
    _changed: set[str] = field(default_factory=set)
    """The groups with a digest found or changed since they were read."""

    @classmethod
    def open(cls, folder: Path) -> FileDigests:
        """Return the digests kept in `folder`; a group's file unreadable keeps none of its own."""
        digests = cls(folder)
        for path in sorted((folder / CACHE_FOLDER).glob("*.pickle")):
            digests._load(path)
        return digests

    def _load(self, path: Path) -> None:
        try:
            with path.open("rb") as stream:
                version, group, saved_at, entries = pickle.load(stream)
        except (OSError, EOFError, ValueError, TypeError, pickle.UnpicklingError):
            return
        if (
            version == _VERSION
            and isinstance(group, str)
            and isinstance(entries, dict)
            and path == _group_file(self.folder, group)
        ):
            self.entries.update(entries)
            self._groups[group] = entries
            self.saved_at[group] = saved_at

    def digest(
        self, name: str, path: Path | str, stat: os.stat_result | None = None
    ) -> tuple[int, str]:
        """Return the size and sha256 of the file `path`, published as `name`.

        `stat` is its metadata if just taken, before it is read.
        """
        stamp = _stamp(stat or os.stat(path))
        kept = self.entries.get(name)
        if kept is not None and kept[0] == stamp and self._settled(name, stamp):
            return stamp[0], kept[1]
        sha256 = _hash(path)
        self.hashed += 1
        self._keep(name, (stamp, sha256))
        return stamp[0], sha256

    def _keep(self, name: str, entry: tuple[Stamp, str]) -> None:
        group = _group(name)
        self.entries[name] = self._groups.setdefault(group, {})[name] = entry
        self._changed.add(group)

    def _settled(self, name: str, stamp: Stamp) -> bool:
        saved_at = self.saved_at.get(_group(name), 0)
        return max(stamp[1], stamp[2]) < saved_at - RACY_NANOSECONDS

    def save(self, names: set[str]) -> None:
        """Keep the digests of `names`, the files published now; others are forgotten.

        Only the groups with a digest found or changed, or a file gone, are written again.
        """
        gone = self.entries.keys() - names
        (self.folder / CACHE_FOLDER).mkdir(parents=True, exist_ok=True)
        now = time.time_ns()
        for group in self._changed | {_group(name) for name in gone}:
            entries = {n: e for n, e in self._groups.get(group, {}).items() if n in names}
            if entries:
                self._write(group, now, entries)
            else:
                _group_file(self.folder, group).unlink(missing_ok=True)
        (self.folder / FORMER_FILE).unlink(missing_ok=True)

    def _write(self, group: str, now: int, entries: dict[str, tuple[Stamp, str]]) -> None:
        path = _group_file(self.folder, group)
        partial = path.with_name(f".{path.name}.{os.getpid()}")
        with partial.open("wb") as stream:
            pickle.dump((_VERSION, group, now, entries), stream, pickle.HIGHEST_PROTOCOL)
        partial.replace(path)
