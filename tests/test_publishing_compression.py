"""Compressed delivery: the `.br`/`.gz` copies, `build.py serve`, and a real nginx.

A citizen on a slow link gets each page in a fraction of its bytes. The copies are
checked by decompressing them with the standard tools; the nginx snippet is checked by
running Debian's nginx (with its Brotli module) on it, not by reading it.
"""

from __future__ import annotations

import gzip
import os
import shutil
import socket
import subprocess
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import brotli
import pytest

from pbgdpl.publishing.compression import write_precompressed
from pbgdpl.publishing.headers import render_nginx
from pbgdpl.publishing.preview import preview_server
from pbgdpl.site.csp import content_security_policy

from conftest import write

PAGE = "<!doctype html><html lang=vi><title>Hỏi đáp</title>" + "<p>Nồng độ cồn.</p>" * 400
BROTLI_MODULE = Path("/usr/lib/nginx/modules/ngx_http_brotli_static_module.so")


def small_site(root: Path) -> Path:
    """A published folder of one page, one stylesheet, one tiny file and one image."""
    write(root / "index.html", PAGE)
    write(root / "hoi-dap" / "index.html", PAGE.replace("Hỏi đáp", "Câu hỏi"))
    write(root / "assets" / "pbgdpl" / "portal.css", "body { color: #1a2b3c; }\n" * 200)
    write(root / "robots.txt", "User-agent: *\n")
    (root / "assets" / "pbgdpl" / "icon.png").write_bytes(b"\x89PNG" + bytes(2000))
    return root


def fetch(url: str, encoding: str | None = None, **headers: str) -> tuple[int, dict, bytes]:
    request = urllib.request.Request(url)
    if encoding is not None:
        request.add_header("Accept-Encoding", encoding)
    for name, value in headers.items():
        request.add_header(name.replace("_", "-"), value)
    try:
        with urllib.request.urlopen(request, timeout=10) as answer:
            return answer.status, dict(answer.headers), answer.read()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), b""


def test_text_files_get_brotli_and_gzip_copies_that_decompress_to_them(tmp_path: Path) -> None:
    site = small_site(tmp_path / "site")
    assert write_precompressed(site) == 6
    page = (site / "index.html").read_bytes()
    assert brotli.decompress((site / "index.html.br").read_bytes()) == page
    assert gzip.decompress((site / "index.html.gz").read_bytes()) == page
    assert len((site / "index.html.br").read_bytes()) < len(page) / 5
    css = (site / "assets/pbgdpl/portal.css").read_bytes()
    assert brotli.decompress((site / "assets/pbgdpl/portal.css.br").read_bytes()) == css
    # Too small to gain, or already compressed: no copy.
    assert not (site / "robots.txt.br").exists()
    assert not (site / "assets/pbgdpl/icon.png.gz").exists()
    # The same input gives the same bytes (reproducible builds).
    first = (site / "index.html.gz").read_bytes()
    (site / "index.html.gz").unlink()
    write_precompressed(site)
    assert (site / "index.html.gz").read_bytes() == first


def test_only_changed_files_are_compressed_again_and_orphans_go(tmp_path: Path) -> None:
    site = small_site(tmp_path / "site")
    records = gzip.compress(b"[]" * 1000, mtime=0)
    (site / "pagefind").mkdir()
    (site / "pagefind" / "records.json.gz").write_bytes(records)
    write_precompressed(site)
    assert write_precompressed(site) == 0
    changed = PAGE.replace("Nồng độ cồn", "Mức phạt")
    write(site / "hoi-dap" / "index.html", changed)
    later = time.time() + 5
    os.utime(site / "hoi-dap" / "index.html", (later, later))
    assert write_precompressed(site) == 2
    assert brotli.decompress((site / "hoi-dap/index.html.br").read_bytes()) == changed.encode()
    (site / "hoi-dap" / "index.html").unlink()
    write_precompressed(site)
    assert not (site / "hoi-dap" / "index.html.br").exists()
    assert not (site / "hoi-dap" / "index.html.gz").exists()
    # A compressed file of its own (not a copy of one) stays.
    assert (site / "pagefind" / "records.json.gz").read_bytes() == records


@pytest.fixture
def served(tmp_path: Path) -> Iterator[tuple[Path, str]]:
    site = small_site(tmp_path / "site")
    write_precompressed(site)
    with preview_server(site) as server:
        thread = threading.Thread(target=server.serve_forever, daemon=True)
        thread.start()
        yield site, f"http://127.0.0.1:{server.server_address[1]}/"
        server.shutdown()


def test_serve_sends_the_compressed_copy_the_browser_accepts(served: tuple[Path, str]) -> None:
    site, url = served
    page = (site / "hoi-dap" / "index.html").read_bytes()
    status, headers, body = fetch(url + "hoi-dap/", "gzip, deflate, br")
    assert (status, headers["Content-Encoding"]) == (200, "br")
    assert brotli.decompress(body) == page
    assert headers["Content-Type"].startswith("text/html")
    assert headers["Vary"] == "Accept-Encoding"
    assert headers["Content-Security-Policy"] == content_security_policy(header=True)
    status, headers, body = fetch(url + "hoi-dap/", "gzip, br;q=0")
    assert headers["Content-Encoding"] == "gzip" and gzip.decompress(body) == page
    status, headers, body = fetch(url + "hoi-dap/")
    assert "Content-Encoding" not in headers and body == page
    status, headers, body = fetch(url + "assets/pbgdpl/portal.css", "br")
    assert headers["Content-Type"] == "text/css" and headers["Content-Encoding"] == "br"


def test_serve_answers_a_repeat_visit_with_not_modified(served: tuple[Path, str]) -> None:
    _, url = served
    _, headers, _ = fetch(url, "br")
    status, _, body = fetch(url, "br", If_Modified_Since=headers["Last-Modified"])
    assert (status, body) == (304, b"")


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def test_nginx_with_the_snippet_sends_the_precompressed_copies(tmp_path: Path) -> None:
    nginx = shutil.which("nginx") or "/usr/sbin/nginx"
    if not Path(nginx).is_file() or not BROTLI_MODULE.is_file():
        pytest.fail("nginx hoặc mô-đun Brotli không có; chạy 'make test' để cài")
    site = small_site(tmp_path / "site")
    write_precompressed(site)
    (site / "nginx.conf").write_text(render_nginx(), "utf-8")
    # The page must come from its copy: nginx must not compress on the fly here.
    (site / "index.html").write_text(PAGE.replace("Hỏi đáp", "Bản gốc"), "utf-8")
    port = free_port()
    conf = tmp_path / "server.conf"
    user = "user root;" if os.geteuid() == 0 else ""
    conf.write_text(
        f"""load_module {BROTLI_MODULE};
{user}
daemon off;
pid {tmp_path}/nginx.pid;
error_log {tmp_path}/error.log;
events {{}}
http {{
  include /etc/nginx/mime.types;
  access_log off;
  client_body_temp_path {tmp_path}/body;
  proxy_temp_path {tmp_path}/proxy;
  fastcgi_temp_path {tmp_path}/fastcgi;
  uwsgi_temp_path {tmp_path}/uwsgi;
  scgi_temp_path {tmp_path}/scgi;
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
        copy = (site / "index.html.br").read_bytes()
        _, headers, body = fetch(f"http://127.0.0.1:{port}/", "gzip, br")
        assert headers["Content-Encoding"] == "br" and body == copy
        assert "Hỏi đáp" in brotli.decompress(body).decode()
        _, headers, body = fetch(f"http://127.0.0.1:{port}/hoi-dap/", "gzip")
        assert headers["Content-Encoding"] == "gzip"
        assert gzip.decompress(body) == (site / "hoi-dap/index.html").read_bytes()
        assert headers["Cache-Control"] == "no-cache"
    finally:
        server.terminate()
        server.wait(timeout=10)
