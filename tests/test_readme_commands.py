"""The README's commands run as written: a fresh machine has no `pbgdpl` in its system python,
so every command the README shows goes through the project's environment, and each one that
names no placeholder runs in a copy of the sample portal without a usage error or a crash."""

from __future__ import annotations

import re
import shlex
import subprocess
from pathlib import Path

import pytest

from conftest import REPO, copy_portal

README = (REPO / "README.md").read_text("utf-8")
# Inline code (which may wrap onto the next line) and lines of fenced sh blocks.
SPANS = [" ".join(span.split()) for span in re.findall(r"(?<!`)`([^`]+)`(?!`)", README)]
COMMANDS = sorted({s for s in SPANS if s.startswith(".venv/bin/python build.py ")})
# Words the README uses for "write your own value here".
PLACEHOLDERS = ("<", "…", "DIR", "SLUG", "YYYY", "|", "[", "BASE", "FILE", "CHUYÊN-MỤC")
# Commands that succeed on the sample portal; the others may report what they find (exit 1).
SUCCEED = ("new ", "validate agencies/", "codeowners", "editor ", "build --only")


def test_no_command_needs_the_package_in_the_system_python() -> None:
    bare = [s for s in SPANS if re.match(r"python3? build\.py", s)]
    assert bare == [], "dùng .venv/bin/python build.py (the system python lacks pbgdpl)"
    assert len(COMMANDS) >= 8


@pytest.mark.parametrize("command", [c for c in COMMANDS if not any(p in c for p in PLACEHOLDERS)])
def test_each_readme_command_runs_as_written(command: str, tmp_path: Path) -> None:
    root = copy_portal(tmp_path / "portal")
    (root / ".venv").symlink_to(REPO / ".venv")
    (root / "node_modules").symlink_to(REPO / "node_modules")
    # A clone, as an editor's or CI's: commands that compare with origin/main find it.
    git = ["git", "-c", "user.name=Biên tập", "-c", "user.email=bientap@example.gov.vn"]
    for step in (["init", "-q", "-b", "main"], ["add", "-A"], ["commit", "-q", "-m", "Bản sao"]):
        subprocess.run([*git, *step], cwd=root, check=True, capture_output=True)
    subprocess.run([*git, "update-ref", "refs/remotes/origin/main", "HEAD"], cwd=root, check=True)
    done = subprocess.run(
        shlex.split(command), cwd=root, capture_output=True, text=True, timeout=300, check=False
    )
    # 0, or 1 where the command reports problems it found (as the README says); never a
    # usage error (2) or a crash.
    assert done.returncode in (0, 1), done.stderr
    if any(f"build.py {word}" in command for word in SUCCEED):
        assert done.returncode == 0, done.stdout + done.stderr
    assert "Traceback" not in done.stderr and "ModuleNotFoundError" not in done.stderr
