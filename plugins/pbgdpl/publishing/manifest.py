"""The manifest: every published file with its size and sha256, where and when it came from."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import git

from pbgdpl.publishing.file_digests import FileDigests
from pbgdpl.publishing.output import CACHE_DIR, MANIFEST, STAGING_DIR, STATE_FILE, write_changed

FORMAT = "pbgdpl-manifest/1"
PORTAL_SCOPE = "portal"
UNKNOWN_COMMIT = "unknown"
# What a build reads from the repository.
SOURCE_PATHS = ("content", "agencies", "theme", "plugins", "mkdocs.yml")
# Build bookkeeping kept in the output folder: never published, never listed.
UNPUBLISHED = frozenset({MANIFEST, STATE_FILE, STAGING_DIR, CACHE_DIR})


class ManifestError(Exception):
    """A manifest that is missing or cannot be read."""


@dataclass(frozen=True)
class Provenance:
    """Where a build came from and until when a copy of it may be served as current."""

    as_of: dt.date
    expires: dt.date
    source_commit: str

    @classmethod
    def of_build(cls, root: Path, as_of: dt.date, expiry_days: int) -> Provenance:
        """Return the provenance of a build of the repository at `root` for `as_of`."""
        return cls(as_of, as_of + dt.timedelta(days=expiry_days), source_commit(root))


@dataclass(frozen=True)
class FileRecord:
    """One published file: its size in bytes and its sha256."""

    size: int
    sha256: str

    @classmethod
    def of_bytes(cls, data: bytes) -> FileRecord:
        """Return the record of a file's content."""
        return cls(len(data), hashlib.sha256(data).hexdigest())


@dataclass(frozen=True)
class Manifest:
    """What a manifest says: its scope (the portal or one agency), provenance and files."""

    scope: str
    base_url: str
    provenance: Provenance
    files: dict[str, FileRecord]


def source_commit(root: Path) -> str:
    """Return the commit checked out at `root`, "-dirty" if its sources changed, or "unknown".

    Changed tracked files count, and new files where a build reads its sources; a new
    output folder (`--out shard-1`) does not.
    """
    try:
        repo = git.Repo(root)
        # Only read: git status must not take the index lock while someone commits.
        repo.git.update_environment(GIT_OPTIONAL_LOCKS="0")
        commit = repo.head.commit.hexsha
        dirty = repo.is_dirty(untracked_files=False) or any(
            repo.is_dirty(index=False, working_tree=False, untracked_files=True, path=name)
            for name in SOURCE_PATHS
            if (root / name).exists()
        )
    except (git.InvalidGitRepositoryError, git.NoSuchPathError, ValueError):
        # Not a checkout (a copy, an archive) or a repository without commits yet.
        return UNKNOWN_COMMIT
    return f"{commit}-dirty" if dirty else commit


def _published(folder: Path, base: str) -> Iterator[tuple[str, os.DirEntry[str]]]:
    """Yield every published file below `folder`, named with "/" separators after `base`."""
    with os.scandir(folder) as entries:
        for entry in entries:
            if not base and entry.name in UNPUBLISHED:
                continue
            name = base + entry.name
            # As os.walk: a link to a folder is neither entered nor listed.
            if entry.is_dir():
                if not entry.is_symlink():
                    yield from _published(folder / entry.name, name + "/")
                continue
            yield name, entry


def published_names(root: Path) -> list[str]:
    """Return the published files of `root`, sorted: `Listing.of` without their metadata,
    one system call a folder instead of one a file."""
    return sorted(name for name, _ in _published(root, ""))


@dataclass
class Listing:
    """The published files under `root` with their metadata, taken in one walk.

    Publishing lists the output once: the few files it writes afterwards are looked at
    again by name (`refresh`), so the compressed copies and the manifest need no walk of
    their own over the portal's 80,000 files.
    """

    root: Path
    stats: dict[str, os.stat_result] = field(default_factory=dict)

    @classmethod
    def of(cls, root: Path) -> Listing:
        """Walk `root`: every published file, with "/" separators, and its metadata."""
        return cls(root, {name: entry.stat() for name, entry in _published(root, "")})

    def names(self) -> list[str]:
        """Return the published files, sorted."""
        return sorted(self.stats)

    def refresh(self, names: Iterable[str]) -> None:
        """Look again at `names`, files written or removed since the walk."""
        for name in names:
            try:
                self.stats[name] = (self.root / name).stat()
            except FileNotFoundError:
                self.stats.pop(name, None)

    def refresh_top(self) -> None:
        """Look again at the files at the top of `root` (portal-wide files written there)."""
        for name in [n for n in self.stats if "/" not in n]:
            del self.stats[name]
        with os.scandir(self.root) as entries:
            for entry in entries:
                if entry.name not in UNPUBLISHED and not entry.is_dir():
                    self.stats[entry.name] = entry.stat()


def published_files(root: Path) -> list[str]:
    """Return the path of every published file under `root`, sorted, with "/" separators."""
    return Listing.of(root).names()


def file_record(path: Path) -> FileRecord:
    """Return the size and sha256 of one file."""
    digest = hashlib.sha256()
    with path.open("rb") as stream:
        for chunk in iter(lambda: stream.read(1 << 20), b""):
            digest.update(chunk)
    return FileRecord(path.stat().st_size, digest.hexdigest())


def build_manifest(
    root: Path,
    scope: str,
    base_url: str,
    provenance: Provenance,
    digests: FileDigests | None = None,
    listing: Listing | None = None,
) -> Manifest:
    """Describe every published file under `root`; with `digests`, hash only changed files.

    `listing` is the files under `root` as publishing last saw them; else they are listed.
    """
    listing = listing or Listing.of(root)
    names = listing.names()
    if digests is None:
        files = {name: file_record(root / name) for name in names}
    else:
        files = {
            name: FileRecord(*digests.digest(name, f"{root}/{name}", listing.stats[name]))
            for name in names
        }
        digests.save(set(names))
    return Manifest(scope, base_url, provenance, files)


# What JSON must escape in a string (without ensure_ascii): quotes, backslashes, controls.
_ESCAPED = re.compile(r'["\\\x00-\x1f]')


def _json_string(text: str) -> str:
    """Return `text` as `json.dumps(text, ensure_ascii=False)` does, quickly for plain names."""
    return json.dumps(text, ensure_ascii=False) if _ESCAPED.search(text) else f'"{text}"'


def render_manifest(manifest: Manifest) -> str:
    """Return the manifest as JSON text: the header, then one line per file, sorted."""
    provenance = manifest.provenance
    header = {
        "format": FORMAT,
        "scope": manifest.scope,
        "base_url": manifest.base_url,
        "as_of": provenance.as_of.isoformat(),
        "expires": provenance.expires.isoformat(),
        "source_commit": provenance.source_commit,
    }
    lines = [f" {json.dumps(k)}: {json.dumps(v, ensure_ascii=False)}," for k, v in header.items()]
    entries = [
        f'  {_json_string(name)}: {{"size": {record.size}, "sha256": "{record.sha256}"}}'
        for name, record in sorted(manifest.files.items())
    ]
    body = ",\n".join(entries)
    return "{\n" + "\n".join(lines) + '\n "files": {\n' + body + ("\n" if body else "") + " }\n}\n"


def write_manifest(
    root: Path,
    scope: str,
    base_url: str,
    provenance: Provenance,
    digests: FileDigests | None = None,
    listing: Listing | None = None,
) -> Manifest:
    """Write `manifest.json` at `root`, last, so that it describes every other file."""
    manifest = build_manifest(root, scope, base_url, provenance, digests, listing)
    write_changed(root / MANIFEST, render_manifest(manifest))
    return manifest


def read_manifest(root: Path) -> Manifest:
    """Read `manifest.json` at `root`, or raise ManifestError saying what is wrong."""
    path = root / MANIFEST
    try:
        data = json.loads(path.read_text("utf-8"))
        if data.get("format") != FORMAT:
            raise ManifestError(f"{path}: không phải bản kê của Cổng PBGDPL ({FORMAT})")
        provenance = Provenance(
            dt.date.fromisoformat(data["as_of"]),
            dt.date.fromisoformat(data["expires"]),
            str(data["source_commit"]),
        )
        files = {
            str(name): FileRecord(int(record["size"]), str(record["sha256"]))
            for name, record in data["files"].items()
        }
        return Manifest(str(data["scope"]), str(data["base_url"]), provenance, files)
    except FileNotFoundError:
        raise ManifestError(
            f"{path}: không có bản kê manifest.json; thư mục này không phải bản dựng của cổng"
        ) from None
    except (OSError, ValueError, KeyError, TypeError, AttributeError) as error:
        raise ManifestError(f"{path}: bản kê hỏng, không đọc được ({error})") from None


def published_for(root: Path, provenance: Provenance) -> bool:
    """Tell whether `root` already carries the portal files of a build with `provenance`.

    A build that rendered and removed nothing, for the same date and commit, would write
    the same feeds, open data and manifest again: it can leave them as they are.
    """
    try:
        return read_manifest(root).provenance == provenance
    except ManifestError:
        return False
