"""Shared fixtures: copies of the sample portal in temporary folders, and real builds of them."""

from __future__ import annotations

import datetime as dt
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from pbgdpl.cli import main

REPO = Path(__file__).resolve().parent.parent
AS_OF = dt.date(2026, 11, 23)
PORTAL_PARTS = ("content", "agencies", "theme", "mkdocs.yml", "build.py")


def copy_portal(target: Path) -> Path:
    """Copy the sample portal's sources (not its output or virtualenv) into `target`."""
    target.mkdir(parents=True, exist_ok=True)
    for name in PORTAL_PARTS:
        source = REPO / name
        if source.is_dir():
            shutil.copytree(source, target / name)
        else:
            shutil.copy2(source, target / name)
    return target


@pytest.fixture
def portal_copy(tmp_path: Path) -> Path:
    """A fresh copy of the sample portal that a test may break."""
    return copy_portal(tmp_path / "portal")


@pytest.fixture(scope="session")
def built_portal(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sample portal built once for the session; returns its output folder."""
    root = copy_portal(tmp_path_factory.mktemp("built") / "portal")
    out = root / "site"
    status = main(["--root", str(root), "build", "--out", str(out), "--as-of", AS_OF.isoformat()])
    assert status == 0
    return out


@pytest.fixture
def run_cli(capsys: pytest.CaptureFixture[str]) -> Callable[..., tuple[int, str, str]]:
    """Run build.py's command line in-process; return its status, stdout and stderr."""

    def run(root: Path, *args: str) -> tuple[int, str, str]:
        status = main(["--root", str(root), *args])
        captured = capsys.readouterr()
        return status, captured.out, captured.err

    return run


def write(path: Path, text: str) -> Path:
    """Write `text` to `path`, creating its folder."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, "utf-8")
    return path
