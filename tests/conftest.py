"""Shared fixtures: copies of the sample portal in temporary folders, and real builds of them."""

from __future__ import annotations

import contextlib
import datetime as dt
import functools
import http.server
import shutil
import threading
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, sync_playwright

from pbgdpl.cli import main

REPO = Path(__file__).resolve().parent.parent
AS_OF = dt.date(2026, 11, 23)
PORTAL_PARTS = ("content", "agencies", "theme", "mkdocs.yml", "build.py")


def copy_parts(names: tuple[str, ...], target: Path) -> Path:
    """Copy files and folders of the repository (by name) into `target`."""
    target.mkdir(parents=True, exist_ok=True)
    for name in names:
        source = REPO / name
        if source.is_dir():
            shutil.copytree(source, target / name)
        else:
            shutil.copy2(source, target / name)
    return target


def copy_portal(target: Path) -> Path:
    """Copy the sample portal's sources (not its output or virtualenv) into `target`."""
    return copy_parts(PORTAL_PARTS, target)


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


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    """Serve files without logging each request to the test output."""

    def log_message(self, format: str, *args: object) -> None:
        pass


@contextlib.contextmanager
def serve(folder: Path, base_path: str = "/") -> Iterator[str]:
    """Serve `folder` on 127.0.0.1 under `base_path`; yield the URL of its root.

    A base path such as "/mirror/pbgdpl/" serves the folder as a mirror would, below a
    prefix, so relative links and assets are exercised.
    """
    prefix = "/" + base_path.strip("/")
    root = folder.parent / f".serve-{folder.name}"
    if prefix != "/":
        mount = root / prefix.strip("/")
        if not mount.exists():
            mount.parent.mkdir(parents=True, exist_ok=True)
            mount.symlink_to(folder.resolve(), target_is_directory=True)
        served = root
    else:
        served = folder
    handler = functools.partial(QuietHandler, directory=str(served))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        suffix = "/" if prefix == "/" else prefix + "/"
        yield f"http://127.0.0.1:{server.server_address[1]}{suffix}"
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture(scope="session")
def portal_url(built_portal: Path) -> Iterator[str]:
    """The built sample portal served on 127.0.0.1; the URL of its home page."""
    with serve(built_portal) as url:
        yield url


def chromium_path() -> str:
    """Return Debian's Chromium; `make test` installs it, so its absence is a failure."""
    found = shutil.which("chromium")
    if found is None:
        pytest.fail("Chromium không có; chạy 'make test' để cài (apt-get install chromium)")
    return found


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    """A real headless Chromium (Debian's), driven by Playwright; no browser is downloaded."""
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(
            executable_path=chromium_path(), args=["--no-sandbox"]
        )
        yield launched
        launched.close()


@pytest.fixture
def page(browser: Browser) -> Iterator[Page]:
    """A fresh browser tab with its own storage; closed after the test."""
    context = browser.new_context(locale="vi-VN")
    tab = context.new_page()
    yield tab
    context.close()
