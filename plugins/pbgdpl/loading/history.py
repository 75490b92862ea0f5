"""The history of every content file, read from Git in one pass over the log.

One `git log --name-status` over `agencies/` and `content/` gives every commit that
touched a content file; walking it newest first (and following renames) gives each
file's change notes (commit subjects) and its last update. One call, however many
files: a per-file `git log` would cost one process per page.

Outside a Git checkout, or in a shallow clone (whose log is cut short and would show a
wrong first change), the history falls back to the dates written in front matter and
says so in `History.notice`.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import secrets
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from git import Repo
from git.exc import GitCommandError

from pbgdpl.loading.gitrepo import GitError, open_repository
from pbgdpl.model.moment import vietnam_date
from pbgdpl.safety.text import without_controls

CONTENT_ROOTS = ("agencies", "content")
UNIT = "\x1f"


def record_mark() -> str:
    """Return a mark that starts each commit's record in one reading of the log.

    A commit subject is the author's text and may hold any character, a fixed separator
    included; a mark drawn at random for each reading cannot be written in advance, so
    no subject can split a record or forge an entry of the public history.
    """
    return f"\x1e{secrets.token_hex(16)}\x1e"


@dataclass(frozen=True)
class Change:
    """One commit that changed a file: when (Vietnam's date) and its subject, the change note."""

    commit: str
    date: dt.date
    note: str
    age: int = 0
    """How many commits of the log are newer: commits of one day still come in order."""


@dataclass(frozen=True)
class FileHistory:
    """What a page shows of its history: when it was last updated and its change notes."""

    updated: dt.date
    changes: tuple[Change, ...] = ()

    @property
    def from_git(self) -> bool:
        """Tell whether the history comes from Git (else from the date in front matter)."""
        return bool(self.changes)


@dataclass(frozen=True)
class History:
    """The change notes of every content file by its path from the repository root."""

    files: dict[str, tuple[Change, ...]] = field(default_factory=dict)
    notice: str | None = None

    def of(self, path: str, written: dt.date) -> FileHistory:
        """Return the history of the file at `path`, or `written` as its date if Git has none."""
        changes = self.files.get(path, ())
        return FileHistory(changes[0].date if changes else written, changes)

    def digest(self, paths: Iterable[str]) -> str:
        """Hash the history of `paths`, so a page is rebuilt when its history changes."""
        digest = hashlib.sha256((self.notice or "").encode())
        for path in paths:
            for change in self.files.get(path, ()):
                digest.update(f"{path}\0{change.commit}\0".encode())
        return digest.hexdigest()


def _read_log(repo: Repo, prefix: str, mark: str, revision: str) -> str:
    """Return `git log` of the content folders: one record per commit with its changed files."""
    # Git commands are looked up at run time (repo.git.__getattr__), so mypy sees Any.
    log: str = repo.git.log(
        "--no-merges",
        "-M",
        "--name-status",
        "-z",
        f"--format={mark}%H{UNIT}%cI{UNIT}%s",
        revision,
        "--",
        *(prefix + name for name in CONTENT_ROOTS),
    )
    return log


def parse_log(log: str, mark: str, prefix: str = "") -> dict[str, tuple[Change, ...]]:
    """Turn the output of `_read_log` into each current path's changes, newest first.

    The subject is read last and whole (it may hold the unit separator); control
    characters in it are removed, since change notes reach pages and feeds.

    Walking from the newest commit, a rename sends older changes of the old path to the
    file's current path; an addition ends a path's history, so a file deleted long ago
    lends nothing to a new file at the same path.
    """
    changes: dict[str, list[Change]] = {}
    # For each path as it was named at this point of the walk: its current path, or None.
    current: dict[str, str | None] = {}
    for age, record in enumerate(log.split(mark)[1:]):
        header, _, body = record.partition("\0")
        commit, committed, subject = header.split(UNIT, 2)
        date = vietnam_date(dt.datetime.fromisoformat(committed))
        note = " ".join(without_controls(subject).split())
        change = Change(commit[:12], date, note, age)
        tokens = body.strip("\n").split("\0")
        index = 0
        while index < len(tokens) and tokens[index]:
            status = tokens[index].strip()
            paths = tokens[index + 1 : index + (3 if status[0] in "RC" else 2)]
            index += 1 + len(paths)
            named = paths[-1]
            now = current.get(named, named)
            if status[0] == "D" and named not in current:
                # Deleted and not re-added since: no current file to attribute this to.
                current[named] = None
                continue
            if now is not None:
                changes.setdefault(now, []).append(change)
            if status[0] == "R":
                current[paths[0]] = now
            if status[0] in "AR":
                current[named] = None
    return {
        path.removeprefix(prefix): tuple(found)
        for path, found in changes.items()
        if path.startswith(prefix)
    }


def read_history(root: Path, revision: str = "HEAD") -> History:
    """Read the history of the portal's content files at `root` in one pass over `git log`.

    `revision` is the commit whose history is read: HEAD, or the change under review.
    """
    try:
        repo = open_repository(root, search_parents=True)
    except GitError:
        return History(
            notice=(
                "Thư mục không phải kho Git: ngày cập nhật của các trang lấy theo ngày ghi trong "
                "tệp, không có lịch sử thay đổi (not a Git checkout)."
            )
        )
    prefix = root.resolve().relative_to(Path(str(repo.working_tree_dir)).resolve()).as_posix()
    prefix = "" if prefix == "." else prefix + "/"
    with repo:
        try:
            if repo.git.rev_parse("--is-shallow-repository") == "true":
                return History(
                    notice=(
                        "Bản sao Git nông (shallow clone) không có đủ lịch sử: ngày cập nhật lấy "
                        "theo ngày ghi trong tệp. Lấy đủ lịch sử bằng 'git fetch --unshallow' "
                        "(or checkout with fetch-depth: 0)."
                    )
                )
            if not repo.head.is_valid():
                return History(notice="Kho Git chưa có lần ghi nào (no commits yet).")
            mark = record_mark()
            return History(parse_log(_read_log(repo, prefix, mark, revision), mark, prefix))
        except GitCommandError as error:
            return History(notice=f"Không đọc được lịch sử Git: {error.stderr.strip()}")
