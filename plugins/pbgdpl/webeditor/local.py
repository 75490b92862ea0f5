"""`make editor`: the web editor on 127.0.0.1 over this checkout, with no account.

Two local servers: the CMS's own Git server (decap-server, from npm) reads and writes the
repository, opening a `cms/…` branch per item as the forge would open a pull request; a
small HTTP server serves the editor's pages with their Content-Security-Policy header.
Both listen on 127.0.0.1 only.
"""

from __future__ import annotations

import contextlib
import functools
import http.server
import mimetypes
import os
import socket
import subprocess
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from pbgdpl.loading.gitrepo import GitError, open_repository
from pbgdpl.webeditor.admin import EDITOR_PATH, EditorError, write_editor
from pbgdpl.webeditor.config import LocalBackend

GIT_SERVER = Path("node_modules/decap-server/dist/index.js")
HOST = "127.0.0.1"
STARTUP_SECONDS = 30.0


@dataclass(frozen=True)
class LocalEditor:
    """A running local editor: the address of its home page and of its Git server."""

    url: str
    api: str


def free_port() -> int:
    """Return a TCP port on 127.0.0.1 that nothing listens on now."""
    with socket.socket() as probe:
        probe.bind((HOST, 0))
        return int(probe.getsockname()[1])


def _wait_for(port: int, process: subprocess.Popen[bytes]) -> None:
    deadline = time.monotonic() + STARTUP_SECONDS
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise EditorError(
                "Máy chủ Git cục bộ của trình biên tập (decap-server) dừng ngay khi khởi động; "
                "xem thông báo ở trên (the local Git server exited)."
            )
        with contextlib.suppress(OSError), socket.create_connection((HOST, port), timeout=1):
            return
        time.sleep(0.1)
    raise EditorError(f"Máy chủ Git cục bộ không mở cổng {port} sau {STARTUP_SECONDS:.0f} giây.")


@contextlib.contextmanager
def git_server(root: Path, port: int) -> Iterator[str]:
    """Run decap-server in Git mode over the repository at `root`; yield its API address."""
    script = root / GIT_SERVER
    if not script.is_file():
        raise EditorError(
            f"Chưa cài máy chủ Git cục bộ ({GIT_SERVER.as_posix()} không có): chạy 'make editor' "
            "hoặc 'npm ci' ở thư mục gốc của kho."
        )
    environment = {
        **os.environ,
        "MODE": "git",
        "PORT": str(port),
        "BIND_HOST": HOST,
        "GIT_REPO_DIRECTORY": str(root.resolve()),
        "LOG_LEVEL": "warn",
    }
    process = subprocess.Popen(["node", str(script)], cwd=root, env=environment)
    try:
        _wait_for(port, process)
        yield f"http://{HOST}:{port}/api/v1"
    finally:
        process.terminate()
        process.wait(timeout=10)


class EditorHandler(http.server.SimpleHTTPRequestHandler):
    """Serve the editor's files with its policy as a header; log nothing per request."""

    policy = ""

    def end_headers(self) -> None:
        self.send_header("Content-Security-Policy", self.policy)
        self.send_header("X-Content-Type-Options", "nosniff")
        self.send_header("Cache-Control", "no-cache")
        super().end_headers()

    def log_message(self, format: str, *args: object) -> None:
        pass


@contextlib.contextmanager
def serve_folder(folder: Path, port: int, policy: str) -> Iterator[str]:
    """Serve `folder` on 127.0.0.1:`port` with `policy`; yield the address of its root."""
    # Decap reads its configuration only when served as YAML; browsers compile wasm only so.
    mimetypes.add_type("text/yaml", ".yml")
    mimetypes.add_type("application/wasm", ".wasm")
    handler = type("Handler", (EditorHandler,), {"policy": policy})
    server = http.server.ThreadingHTTPServer(
        (HOST, port), functools.partial(handler, directory=str(folder))
    )
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://{HOST}:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


def current_branch(root: Path) -> str:
    """Return the checked-out branch, which items submitted in the editor are merged into."""
    try:
        repository = open_repository(root)
    except GitError as error:
        raise EditorError(
            f"{root} không phải kho Git: trình biên tập cục bộ lưu bài thành nhánh Git ({error})."
        ) from error
    return str(repository.active_branch.name)


@contextlib.contextmanager
def local_editor(root: Path, out: Path, port: int, api_port: int) -> Iterator[LocalEditor]:
    """Write the editor for the local Git server, start both servers; yield their addresses."""
    local = LocalBackend(f"http://{HOST}:{api_port}/api/v1", current_branch(root))
    site = write_editor(root, out, local=local)
    with git_server(root, api_port) as api, serve_folder(out, port, site.policy) as url:
        yield LocalEditor(f"{url}{EDITOR_PATH}/", api)
