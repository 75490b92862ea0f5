"""Tell, from file metadata alone, that nothing a build reads changed since the last build.

A build that changes nothing should not load, check and index 10,000 files to find that
out. After each complete build the metadata of every source file (size, modification
and change times, inode) is recorded with the build's options, the platform and the
output's bookkeeping; the next build with the same record only says what the last one
said (its problems and notices) and leaves the output as it is.

The record is trusted by the rule of the parse cache (`RACY_NANOSECONDS`): every file's
times must be older than the record, so a file changed in the same instant as it was
read never passes for unchanged. A build that goes on to do any work removes the record
first, so an output left halfway by a stopped build is never taken for finished.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import pickle
import subprocess
import time
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING

from pbgdpl.loading.parse_cache import RACY_NANOSECONDS, parsed_digests
from pbgdpl.model.diagnostics import Diagnostic
from pbgdpl.model.moment import BuildMoment
from pbgdpl.safety.text import readable_name

if TYPE_CHECKING:
    # Only named: importing the item model would cost a build that finds nothing changed.
    from pbgdpl.model.items import Item

RECORD_FILE = "unchanged.pickle"
_VERSION = 2
# What a build reads below the repository (manifest.SOURCE_PATHS).
SOURCES = ("content", "agencies", "theme", "plugins", "mkdocs.yml")


Stamp = tuple[int, int, int, int]


@dataclass(frozen=True)
class Sources:
    """The hash of every source file's path and metadata, and the newest of their times.

    `context` hashes the rest (options, platform, commit); `stamps` is each file's
    metadata by its path from the root, to tell which files a different digest is about.
    """

    digest: str
    newest: int
    root: Path
    context: str = ""
    stamps: dict[str, Stamp] = field(default_factory=dict)


def _files(path: Path) -> list[tuple[str, os.stat_result]]:
    # A link itself, never its target: a dangling link is the loader's to report.
    try:
        stat = path.lstat()
    except FileNotFoundError:
        return []
    if path.is_symlink() or not path.is_dir():
        return [(str(path), stat)]
    found = []
    for folder, dirs, files in os.walk(path):
        dirs.sort()
        # The walk does not enter a link to a folder: it is stamped as a file is.
        links = [name for name in dirs if os.path.islink(os.path.join(folder, name))]
        paths = [os.path.join(folder, name) for name in [*files, *links]]
        found += [(path, os.lstat(path)) for path in paths]
    return found


def _head(root: Path) -> str:
    """Return the commit the pages' history ends at (a commit changes it, not the files)."""
    found = subprocess.run(
        ["git", "rev-parse", "HEAD"], cwd=root, capture_output=True, text=True, check=False
    )
    return found.stdout.strip() if found.returncode == 0 else "no commit"


def take_sources(root: Path, extra: tuple[str, ...] = ()) -> Sources:
    """Stamp the sources below `root` and its commit, with `extra` (the options, the platform …)."""
    context = hashlib.sha256("\n".join((*extra, _head(root))).encode()).hexdigest()
    digest = hashlib.sha256(context.encode())
    newest = 0
    stamps: dict[str, Stamp] = {}
    start = len(str(root)) + 1
    for name in SOURCES:
        for path, stat in sorted(_files(root / name)):
            digest.update(
                f"{path}\0{stat.st_size}\0{stat.st_mtime_ns}\0{stat.st_ctime_ns}\0{stat.st_ino}\n".encode()
            )
            newest = max(newest, stat.st_mtime_ns, stat.st_ctime_ns)
            stamps[path[start:].replace(os.sep, "/")] = (
                stat.st_size,
                stat.st_mtime_ns,
                stat.st_ctime_ns,
                stat.st_ino,
            )
    return Sources(digest.hexdigest(), newest, root, context, stamps)


@dataclass(frozen=True)
class Unchanged:
    """What the last complete build found, to be said again when nothing changed."""

    sources: str
    as_of: dt.date
    # The build's moment may move within [since, until) without any item coming out.
    since: dt.datetime | None
    until: dt.datetime | None
    output: str
    diagnostics: tuple[Diagnostic, ...]
    notices: tuple[str, ...]
    sites: tuple[str, ...]
    excluded: dict[str, list[Diagnostic]] = field(default_factory=dict)
    saved_at: int = 0
    context: str = ""
    stamps: dict[str, Stamp] = field(default_factory=dict)


def moment_window(items: list[Item], moment: BuildMoment) -> tuple[dt.datetime | None, ...]:
    """Return the last scheduled time at or before `moment` and the first after it."""
    times = [
        i.data["publish_at"] for i in items if isinstance(i.data.get("publish_at"), dt.datetime)
    ]
    before = [t for t in times if t <= moment.at]
    after = [t for t in times if t > moment.at]
    return (max(before) if before else None, min(after) if after else None)


def output_stamp(out: Path, names: tuple[str, ...]) -> str:
    """Stamp the output's bookkeeping files: a change by anyone else means a full look."""
    parts = []
    for name in names:
        try:
            stat = (out / name).stat()
        except FileNotFoundError:
            parts.append(f"{name}:-")
            continue
        parts.append(f"{name}:{stat.st_size}:{stat.st_mtime_ns}:{stat.st_ctime_ns}:{stat.st_ino}")
    return "|".join(parts)


def read_unchanged(cache: Path) -> Unchanged | None:
    """Return the record of the last complete build, if there is a readable one."""
    try:
        with (cache / RECORD_FILE).open("rb") as stream:
            version, record = pickle.load(stream)
    except (OSError, EOFError, ValueError, TypeError, AttributeError, pickle.UnpicklingError):
        return None
    return record if version == _VERSION and isinstance(record, Unchanged) else None


def still_unchanged(
    record: Unchanged | None, sources: Sources, moment: BuildMoment, output: str, cache: Path
) -> bool:
    """Tell whether a build with these sources, moment and output would do nothing.

    Files whose metadata changed pass if their bytes are those the last build parsed
    (`cache` holds the parse cache's hashes).
    """
    if record is None or record.output != output or record.as_of != moment.date:
        return False
    if not (record.since is None or record.since <= moment.at) or not (
        record.until is None or moment.at < record.until
    ):
        return False
    if record.sources == sources.digest and sources.newest < record.saved_at - RACY_NANOSECONDS:
        return True
    return _same_bytes(record, sources, cache)


def _same_bytes(record: Unchanged, sources: Sources, cache: Path) -> bool:
    """Tell whether every file the metadata cannot vouch for holds the bytes last parsed."""
    if record.context != sources.context or record.stamps.keys() != sources.stamps.keys():
        return False
    settled = record.saved_at - RACY_NANOSECONDS
    doubtful = [
        name
        for name, stamp in sources.stamps.items()
        if stamp != record.stamps[name] or max(stamp[1], stamp[2]) >= settled
    ]
    parsed = parsed_digests(cache) if doubtful else {}
    for name in doubtful:
        kept = parsed.get(readable_name(name))
        if kept is None:
            return False
        path = sources.root / name
        if path.is_symlink() or hashlib.sha256(path.read_bytes()).hexdigest() != kept[1]:
            return False
    return True


def forget_unchanged(cache: Path) -> None:
    """Remove the record before a build changes anything in the output."""
    (cache / RECORD_FILE).unlink(missing_ok=True)


def save_unchanged(cache: Path, record: Unchanged) -> None:
    """Keep the record of a complete build, stamped with the time it is saved."""
    cache.mkdir(parents=True, exist_ok=True)
    partial = cache / f".{RECORD_FILE}.{os.getpid()}"
    with partial.open("wb") as stream:
        stamped = replace(record, saved_at=time.time_ns())
        pickle.dump((_VERSION, stamped), stream, pickle.HIGHEST_PROTOCOL)
    partial.replace(cache / RECORD_FILE)
