"""The few places the editorial workflow touches Git, through GitPython.

Everything else works on what these functions return, so tests can act out a pull
request on a real repository made with `git init` in a temporary folder.
"""

from __future__ import annotations

import os
import stat
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, cast

from git import Commit, Repo
from git.exc import BadName, GitCommandError, InvalidGitRepositoryError, NoSuchPathError

from pbgdpl.safety.text import readable_name

if TYPE_CHECKING:
    from git.objects.base import IndexObjUnion

STATUS_NAMES = {
    "A": "added",
    "C": "added",
    "D": "removed",
    "R": "renamed",
    "M": "changed",
    "T": "changed",
}


class GitError(Exception):
    """Git could not answer: not a repository, an unknown revision … (message in Vietnamese)."""


@dataclass(frozen=True)
class FileChange:
    """One file changed between two versions: how, and its paths before and after."""

    change: str  # added, changed, renamed or removed
    old_path: str | None
    new_path: str | None

    @property
    def path(self) -> str:
        """Return the path the file has after the change, or had before its removal."""
        return self.new_path or self.old_path or ""


def open_repository(root: Path, *, search_parents: bool = False) -> Repo:
    """Open the Git repository at `root` (or above it, with `search_parents`)."""
    try:
        repo = Repo(root, search_parent_directories=search_parents)
    except (InvalidGitRepositoryError, NoSuchPathError):
        raise GitError(f"{root} không phải kho Git (not a Git repository).") from None
    if repo.bare or repo.working_tree_dir is None:
        raise GitError(f"{root} là kho Git không có thư mục làm việc (bare repository).")
    return repo


def resolve(repo: Repo, revision: str) -> Commit:
    """Return the commit a branch, tag or hash names."""
    try:
        return repo.commit(revision)
    except (BadName, ValueError, GitCommandError):
        raise GitError(
            f'Không tìm thấy phiên bản "{revision}" trong kho Git; kiểm tra tên nhánh '
            "(ví dụ origin/main) và tải đủ lịch sử (fetch-depth: 0) (unknown revision)."
        ) from None


def fork_point(repo: Repo, base: Commit, head: Commit) -> Commit:
    """Return where `head` branched from `base`, so changes made on `base` since are left out."""
    found = repo.merge_base(base, head)
    if not found:
        raise GitError(
            f"{base.hexsha[:8]} và {head.hexsha[:8]} không có gốc chung (no merge base)."
        )
    return found[0]


def changed_files(repo: Repo, base: Commit, head: Commit | None) -> list[FileChange]:
    """Return the files changed from `base` to `head`, or to the working tree when None.

    Renames are detected; on the working tree, untracked files count as added. Git
    writes the names NUL-separated (-z), so a name may hold a line break, a tab or a `|`
    and still be one file; output that cannot be read this way raises GitError.
    """
    revisions = [base.hexsha] if head is None else [base.hexsha, head.hexsha]
    try:
        # Git commands are looked up at run time (repo.git.__getattr__), so mypy sees Any.
        names: str = repo.git.diff("--name-status", "-z", "-M", "--no-ext-diff", *revisions, "--")
        untracked: str = (
            repo.git.ls_files("--others", "--exclude-standard", "-z") if head is None else ""
        )
    except GitCommandError as error:
        raise GitError(f"Git không liệt kê được các thay đổi: {error.stderr.strip()}") from None
    changes = _parse_name_status(names)
    changes.extend(
        FileChange("added", None, readable_name(path)) for path in untracked.split("\0") if path
    )
    return sorted(changes, key=lambda c: c.path)


def _parse_name_status(output: str) -> list[FileChange]:
    """Read `git diff --name-status -z`: a status, then one path (two for R and C)."""
    tokens = [readable_name(token) for token in output.split("\0")]
    if tokens and tokens[-1] == "":
        tokens.pop()
    changes = []
    index = 0
    while index < len(tokens):
        status = tokens[index]
        count = 2 if status[:1] in ("R", "C") else 1
        paths = tokens[index + 1 : index + 1 + count]
        if not status or len(paths) != count or not all(paths):
            raise GitError(
                "Không đọc được danh sách thay đổi của Git (git diff --name-status -z) ở mục "
                f"{index}; báo cho nhóm kỹ thuật (unreadable diff)."
            )
        index += 1 + count
        kind = STATUS_NAMES.get(status[0], "changed")
        old = None if kind == "added" else paths[0]
        new = None if kind == "removed" else paths[-1]
        changes.append(FileChange(kind, old, new))
    return changes


def exists(repo: Repo, version: Commit | None, path: str) -> bool:
    """Tell whether `path` names an entry of `version` (or of the working tree when None)."""
    if version is None:
        return os.path.lexists(Path(repo.working_tree_dir or ".") / path)
    try:
        version.tree / path
    except KeyError:
        return False
    return True


def read_file(repo: Repo, version: Commit | None, path: str | None) -> bytes | None:
    """Return a file's bytes in a commit (or the working tree when None); None if absent."""
    if path is None:
        return None
    if version is None:
        file = Path(repo.working_tree_dir or ".") / path
        return file.read_bytes() if file.is_file() and not file.is_symlink() else None
    try:
        blob = version.tree / path
    except KeyError:
        return None
    if blob.type != "blob" or stat.S_ISLNK(blob.mode):
        return None
    data: bytes = blob.data_stream.read()  # gitdb is untyped: read() is Any
    return data


def read_text(repo: Repo, version: Commit | None, path: str | None) -> str | None:
    """Return a file's text (NFC) in a commit or the working tree; None if absent."""
    data = read_file(repo, version, path)
    if data is None:
        return None
    return unicodedata.normalize("NFC", data.decode("utf-8", errors="replace"))


def export_tree(version: Commit, target: Path) -> None:
    """Write the files of `version` into `target` as they are committed, leaving the index alone.

    Blobs are read as stored: unlike `git archive`, no `.gitattributes` of the change can
    hide a file (export-ignore) or rewrite one (export-subst) before it is checked.
    Symbolic links are written as links (never followed), so the loader reports them.
    """
    # Without as_edge, traverse() yields tree entries only, never (parent, entry, edge)
    # tuples; GitPython annotates both shapes because it does not overload on as_edge.
    entries = cast("Iterator[IndexObjUnion]", version.tree.traverse())
    for entry in entries:
        if entry.type != "blob":
            continue
        path = target / entry.path
        path.parent.mkdir(parents=True, exist_ok=True)
        data = entry.data_stream.read()
        if stat.S_ISLNK(entry.mode):
            os.symlink(os.fsdecode(data), path)
        else:
            path.write_bytes(data)
