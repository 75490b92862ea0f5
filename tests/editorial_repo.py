"""Real Git repositories in temporary folders, for tests that act out the editorial workflow."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from git import Repo

from conftest import copy_portal


def git_repository(root: Path, subject: str = "Khởi tạo cổng") -> Repo:
    """Make `root` a Git repository on `main`, its files committed by an editor."""
    repo = Repo.init(root, initial_branch="main")
    with repo.config_writer() as config:
        config.set_value("user", "name", "Biên tập viên")
        config.set_value("user", "email", "bientap@example.vn")
    repo.git.add(A=True)
    repo.git.commit("-m", subject)
    return repo


class PortalRepo:
    """A copy of the sample portal in a Git repository, committed on `main`."""

    def __init__(self, root: Path) -> None:
        self.root = copy_portal(root)
        self.repo = Repo.init(self.root, initial_branch="main")
        with self.repo.config_writer() as config:
            config.set_value("user", "name", "Biên tập viên")
            config.set_value("user", "email", "bientap@example.vn")
        self.commit("Khởi tạo cổng", dt.datetime(2026, 1, 5, 9, 0))

    def commit(self, subject: str, when: dt.datetime | None = None) -> str:
        """Commit every change (additions and removals) as of `when`, Vietnam time."""
        self.repo.git.add(A=True)
        stamp = f"{(when or dt.datetime(2026, 11, 20, 9, 0)).isoformat()}+07:00"
        self.repo.git.commit(
            "-m", subject, env={"GIT_AUTHOR_DATE": stamp, "GIT_COMMITTER_DATE": stamp}
        )
        return self.repo.head.commit.hexsha

    def branch(self, name: str) -> None:
        """Start a branch from the current commit, as an editor does for a pull request."""
        self.repo.git.checkout("-b", name)

    def edit(self, path: str, old: str, new: str) -> None:
        """Replace `old` by `new` in a file of the portal (exactly once)."""
        file = self.root / path
        text = file.read_text("utf-8")
        assert text.count(old) == 1, (path, old)
        file.write_text(text.replace(old, new), "utf-8")
