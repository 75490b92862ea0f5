"""The history of every content file, read from Git, and its public change notes.

One `git log --name-status` over `agencies/` and `content/` gives every commit that
touched a content file; walking it newest first (and following renames) gives each
file's commits, which say who published a document number first (`catalog.registry`).
One call, however many files: a per-file `git log` would cost one process per page.

What citizens see is not that log. As GOV.UK does, a *major* change carries a public
change note that the editor writes in the item (`ghi_chu_thay_doi`); the page's "last
updated" is the date of the last major change and its history lists the notes only. A
minor fix, a rename or a bulk import leaves the note as it was, so it changes neither,
and commit subjects (developers' messages, mentions of scheduled items) are never read.
Only the versions of the files that carry a note are read, through one `git cat-file`
process.

Outside a Git checkout, or in a shallow clone (whose log is cut short and would show a
wrong first change), there are no notes: pages are dated by their front matter, and
`History.notice` says so.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import secrets
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path

from git import Repo
from git.exc import GitCommandError

from pbgdpl.loading.frontmatter import FrontMatterError, split_front_matter
from pbgdpl.loading.gitrepo import GitError, open_repository
from pbgdpl.model.items import Item
from pbgdpl.model.moment import vietnam_date
from pbgdpl.model.sections import CHANGE_NOTE
from pbgdpl.safety.text import without_controls

CONTENT_ROOTS = ("agencies", "content")
UNIT = "\x1f"
CHANGE_NOTE_KEY = CHANGE_NOTE.key


def record_mark() -> str:
    """Return a mark that starts each commit's record in one reading of the log.

    A file name may hold any character but NUL, a fixed separator included; a mark drawn
    at random for each reading cannot be written in advance, so no name can split a record.
    """
    return f"\x1e{secrets.token_hex(16)}\x1e"


@dataclass(frozen=True)
class Change:
    """One commit that changed a file: when (Vietnam's date), and its public change note.

    Commit subjects are never read: they are developers' words, not the public's. The
    note is the one the editor wrote in the item (`History.notes`); "" for other commits.
    """

    commit: str
    date: dt.date
    note: str = ""
    age: int = 0
    """How many commits of the log are newer: commits of one day still come in order."""
    named: str = ""
    """The file's path in that commit (it may have been renamed since)."""


@dataclass(frozen=True)
class FileHistory:
    """What a page shows of its history: when it was last updated and its change notes."""

    updated: dt.date
    changes: tuple[Change, ...] = ()
    """The major changes, newest first, each with the editor's public change note."""


@dataclass(frozen=True)
class History:
    """Every content file's commits, and its public change notes, by path from the root."""

    files: dict[str, tuple[Change, ...]] = field(default_factory=dict)
    notice: str | None = None
    notes: dict[str, tuple[Change, ...]] = field(default_factory=dict)
    """The major changes of each file, newest first: the commits that wrote a new note."""

    def of(self, path: str, published: dt.date, as_of: dt.date | None = None) -> FileHistory:
        """Return the public history of the file at `path`, first published on `published`.

        "Last updated" is the date of the last major change up to `as_of`, else the day the
        item was published; commits without a new change note do not move it.
        """
        notes = tuple(
            c
            for c in self.notes.get(path, ())
            if (as_of is None or c.date <= as_of) and c.date >= published
        )
        return FileHistory(max(published, notes[0].date) if notes else published, notes)

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
        f"--format={mark}%H{UNIT}%cI",
        revision,
        "--",
        *(prefix + name for name in CONTENT_ROOTS),
    )
    return log


def parse_log(log: str, mark: str, prefix: str = "") -> dict[str, tuple[Change, ...]]:
    """Turn the output of `_read_log` into each current path's changes, newest first.

    Walking from the newest commit, a rename sends older changes of the old path to the
    file's current path; an addition ends a path's history, so a file deleted long ago
    lends nothing to a new file at the same path.
    """
    changes: dict[str, list[Change]] = {}
    # For each path as it was named at this point of the walk: its current path, or None.
    current: dict[str, str | None] = {}
    for age, record in enumerate(log.split(mark)[1:]):
        header, _, body = record.partition("\0")
        commit, committed = header.split(UNIT, 1)
        date = vietnam_date(dt.datetime.fromisoformat(committed))
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
                changes.setdefault(now, []).append(Change(commit, date, age=age, named=named))
            if status[0] == "R":
                current[paths[0]] = now
            if status[0] in "AR":
                current[named] = None
    return _under({path: tuple(found) for path, found in changes.items()}, prefix)


def _under(files: dict[str, tuple[Change, ...]], prefix: str) -> dict[str, tuple[Change, ...]]:
    """Return the files under `prefix` (the portal's folder in the repository), by path from it."""
    return {
        path.removeprefix(prefix): found for path, found in files.items() if path.startswith(prefix)
    }


def note_in(text: bytes) -> str:
    """Return the change note written in one version of a file ("" if none or unreadable)."""
    try:
        values = split_front_matter(
            unicodedata.normalize("NFC", text.decode("utf-8").replace("\r\n", "\n"))
        ).values
    except (UnicodeDecodeError, FrontMatterError):
        return ""
    note = values.get(CHANGE_NOTE_KEY)
    return " ".join(without_controls(note).split()) if isinstance(note, str) else ""


def change_notes(repo: Repo, files: dict[str, tuple[Change, ...]]) -> dict[str, tuple[Change, ...]]:
    """Return the major changes of `files`, newest first: the versions that wrote a new note.

    Every version is read (a note may span lines, and YAML may write one value in many
    ways), so a rewrite that keeps the note is no change. The first version is the
    item's publication, never a change: a file added by a bulk import with a note in it
    starts with no history.
    """
    notes: dict[str, tuple[Change, ...]] = {}
    for path, changes in files.items():
        major: list[Change] = []
        previous: str | None = None
        for change in reversed(changes):
            try:
                # One `git cat-file --batch` process answers every read: ~0.5 ms a version.
                *_, text = repo.git.get_object_data(f"{change.commit}:{change.named}")
            except ValueError:
                continue  # removed in this commit: no version to read
            note = note_in(text)
            if previous is not None and note and note != previous:
                major.append(replace(change, note=note))
            previous = note
        if major:
            notes[path] = tuple(reversed(major))
    return notes


def noted_paths(items: Iterable[Item]) -> list[str]:
    """Return the files of `items` that carry a change note: only theirs are read from Git."""
    return [item.path for item in items if item.data.get(CHANGE_NOTE.attr)]


def read_history(root: Path, revision: str = "HEAD", noted: Iterable[str] = ()) -> History:
    """Read the history of the portal's content files at `root` in one pass over `git log`.

    `revision` is the commit whose history is read: HEAD, or the change under review.
    `noted` are the files (from `root`) whose change notes pages show: those that carry
    a note now. Only their versions are read, so a portal of 10,000 items with a few
    hundred notes costs a few hundred small reads more than the log.
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
            files = parse_log(_read_log(repo, prefix, mark, revision), mark)
            wanted = {
                prefix + path: files[prefix + path] for path in noted if prefix + path in files
            }
            return History(_under(files, prefix), notes=_under(change_notes(repo, wanted), prefix))
        except GitCommandError as error:
            return History(notice=f"Không đọc được lịch sử Git: {error.stderr.strip()}")
