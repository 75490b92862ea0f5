"""The preview server of `build.py serve`: the built portal as a CDN would deliver it.

It sends the precompressed copy (`.br`, else `.gz`) that the browser accepts, marks every
answer `Vary: Accept-Encoding`, revalidates everything (`no-cache`, as `_headers` does for
pages) and carries the security headers, so that what an editor previews on a phone is
what a citizen gets, in weight as in behaviour.
"""

from __future__ import annotations

import contextlib
import functools
import http.server
import os
from collections.abc import Iterator
from email.utils import parsedate_to_datetime
from pathlib import Path
from typing import BinaryIO
from urllib.parse import unquote, urlsplit

from pbgdpl.publishing.compression import ENCODINGS
from pbgdpl.publishing.headers import REVALIDATE, security_headers
from pbgdpl.publishing.output import BOOKKEEPING_PREFIX

# The browser's preference does not matter here: Brotli is smaller, so it goes first.
PREFERRED = ("br", "gzip")


def accepted(header: str) -> set[str]:
    """Return the content codings an Accept-Encoding header allows (q=0 refuses one)."""
    codings = set()
    for part in header.split(","):
        name, _, params = part.strip().partition(";")
        quality = params.strip().removeprefix("q=")
        if name and quality not in ("0", "0.0", "0.00", "0.000"):
            codings.add(name.strip().lower())
    return codings


class PreviewHandler(http.server.SimpleHTTPRequestHandler):
    """Serve a built portal folder with compressed copies and the portal's headers."""

    def end_headers(self) -> None:
        self.send_header("Cache-Control", REVALIDATE)
        self.send_header("Vary", "Accept-Encoding")
        for name, value in security_headers().items():
            self.send_header(name, value)
        super().end_headers()

    def log_message(self, format: str, *args: object) -> None:
        pass

    def send_head(self) -> BinaryIO | None:
        parts = unquote(urlsplit(self.path).path).split("/")
        if any(part.startswith(BOOKKEEPING_PREFIX) for part in parts):
            # The build's bookkeeping and cache (drafts included) are never served.
            self.send_error(404)
            return None
        path = Path(self.translate_path(self.path))
        if path.is_dir() and urlsplit(self.path).path.endswith("/"):
            path = path / "index.html"
        if not path.is_file():
            return super().send_head()  # listings, redirects to "folder/", 404
        offered = accepted(self.headers.get("Accept-Encoding", ""))
        for coding in PREFERRED:
            copy = Path(str(path) + ENCODINGS[coding])
            if coding in offered and copy.is_file():
                return self._send_file(path, copy, coding)
        return super().send_head()

    def _unchanged_since(self, modified: float) -> bool:
        """Tell whether the browser's copy (If-Modified-Since) is still current."""
        since = self.headers.get("If-Modified-Since")
        if since is None or "If-None-Match" in self.headers:
            return False
        try:
            return int(modified) <= parsedate_to_datetime(since).timestamp()
        except (TypeError, ValueError):
            return False

    def _send_file(self, original: Path, copy: Path, coding: str) -> BinaryIO | None:
        body = copy.open("rb")
        stat = os.fstat(body.fileno())
        if self._unchanged_since(stat.st_mtime):
            body.close()
            self.send_response(304)
            self.end_headers()
            return None
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(original)))
        self.send_header("Content-Encoding", coding)
        self.send_header("Content-Length", str(stat.st_size))
        self.send_header("Last-Modified", self.date_time_string(int(stat.st_mtime)))
        self.end_headers()
        return body


@contextlib.contextmanager
def preview_server(folder: Path, port: int = 0) -> Iterator[http.server.ThreadingHTTPServer]:
    """Open the preview server of `folder` on 127.0.0.1 (`port` 0: any free port)."""
    handler = functools.partial(PreviewHandler, directory=str(folder))
    with http.server.ThreadingHTTPServer(("127.0.0.1", port), handler) as server:
        yield server
