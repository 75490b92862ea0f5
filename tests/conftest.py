"""Shared fixtures: copies of the tests' own sample portal in temporary folders, and builds.

The tests own their content: a frozen portal under tests/fixtures/portal. The live content
(agencies/ and content/) changes every day through editors' pull requests and is checked by
`build.py validate` and `build.py build`; a test that reads it fails (see `guard_live_content`).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import functools
import http.server
import os
import re
import shutil
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, sync_playwright

from pbgdpl.cli import main

REPO = Path(__file__).resolve().parent.parent
# The tests' own portal: a frozen copy of the sample content, changed only with the tests.
FIXTURE = REPO / "tests" / "fixtures" / "portal"
AS_OF = dt.date(2026, 11, 23)
CONTENT_PARTS = ("content", "agencies")
PLATFORM_PARTS = ("theme", "mkdocs.yml", "build.py")
LIVE_CONTENT = tuple(str(REPO / name) for name in CONTENT_PARTS)


def guard_live_content(event: str, args: tuple[object, ...]) -> None:
    """Fail whatever opens or lists the live content: tests read their own fixture."""
    if event not in ("open", "os.listdir", "os.scandir") or not args:
        return
    target = args[0]
    if not isinstance(target, str | os.PathLike):
        return
    path = os.fsdecode(target)
    # os.open(name, dir_fd=…) reports a name relative to a folder it does not say (rmtree
    # does this), so only absolute paths are checked when a file is opened.
    if event == "open" and not os.path.isabs(path):
        return
    path = os.path.abspath(path)
    if any(path == live or path.startswith(live + os.sep) for live in LIVE_CONTENT):
        raise PermissionError(
            f"Kiểm thử đọc nội dung thật {path}: dùng tests/fixtures/portal (FIXTURE) "
            "hoặc một cổng do kiểm thử tự viết (tests read their own fixtures, never live content)"
        )


sys.addaudithook(guard_live_content)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Put the modules marked `long` first, the others in their order.

    `make test` gives each core a module at a time, in this order: a long module taken
    last would keep one core busy for minutes after the other has finished.
    """
    items.sort(key=lambda item: item.get_closest_marker("long") is None)


def copy_parts(names: tuple[str, ...], target: Path, source: Path = REPO) -> Path:
    """Copy files and folders of `source` (the repository by default), by name, into `target`."""
    target.mkdir(parents=True, exist_ok=True)
    for name in names:
        if (source / name).is_dir():
            shutil.copytree(source / name, target / name)
        else:
            shutil.copy2(source / name, target / name)
    return target


def copy_portal(target: Path) -> Path:
    """Copy the tests' sample portal: its content from the fixture, the platform from the repo."""
    copy_parts(CONTENT_PARTS, target, FIXTURE)
    return copy_parts(PLATFORM_PARTS, target)


@pytest.fixture(scope="session", autouse=True)
def user_cache(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """The user's cache for the session (`XDG_CACHE_HOME`): builds keep their compressed
    theme assets there (`kept_copies.py`), never in the home of whoever runs the tests."""
    folder = tmp_path_factory.mktemp("user-cache")
    before = os.environ.get("XDG_CACHE_HOME")
    os.environ["XDG_CACHE_HOME"] = str(folder)
    yield folder
    if before is None:
        del os.environ["XDG_CACHE_HOME"]
    else:
        os.environ["XDG_CACHE_HOME"] = before


@pytest.fixture(scope="session")
def sample_portal(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The tests' sample portal, copied once for the session; tests read it, never change it."""
    return copy_portal(tmp_path_factory.mktemp("sample") / "portal")


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


BROTLI_MODULE = Path("/usr/lib/nginx/modules/ngx_http_brotli_static_module.so")


@contextlib.contextmanager
def nginx_serving(site: Path, scratch: Path) -> Iterator[str]:
    """Serve `site` with Debian's nginx and the snippet `site/nginx.conf`; yield its address.

    The snippet is checked by running the server a deployment runs, not by reading it.
    """
    nginx = shutil.which("nginx") or "/usr/sbin/nginx"
    if not Path(nginx).is_file() or not BROTLI_MODULE.is_file():
        pytest.fail("nginx hoặc mô-đun Brotli không có; chạy 'make test' để cài")
    scratch.mkdir(parents=True, exist_ok=True)
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = int(probe.getsockname()[1])
    conf = scratch / "server.conf"
    user = "user root;" if os.geteuid() == 0 else ""
    temp = "\n".join(
        f"  {kind}_temp_path {scratch}/{kind};"
        for kind in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi")
    )
    conf.write_text(
        f"""load_module {BROTLI_MODULE};
{user}
daemon off;
pid {scratch}/nginx.pid;
error_log {scratch}/error.log;
events {{}}
http {{
  include /etc/nginx/mime.types;
  access_log off;
{temp}
  server {{
    listen 127.0.0.1:{port};
    root {site};
    include {site}/nginx.conf;
  }}
}}
""",
        "utf-8",
    )
    checked = subprocess.run([nginx, "-t", "-c", str(conf)], capture_output=True, text=True)
    assert checked.returncode == 0, checked.stderr
    server = subprocess.Popen([nginx, "-c", str(conf)])
    try:
        for _ in range(100):
            with socket.socket() as probe:
                if probe.connect_ex(("127.0.0.1", port)) == 0:
                    break
            time.sleep(0.05)
        yield f"http://127.0.0.1:{port}/"
    finally:
        server.terminate()
        server.wait(timeout=10)


def headers_address_pattern(line: str) -> str:
    """Return the regular expression of a `_headers` address line, as Netlify and Cloudflare
    read it: `*` any text, `:name` one path segment, everything else literal."""
    parts = [re.escape(p) for p in re.split(r"(\*|:[a-z0-9]+)", line)]
    return "".join(".*" if p == r"\*" else "[^/]+" if p.startswith(":") else p for p in parts)
