"""Compressed delivery: the `.br`/`.gz` copies, `build.py serve`, and a real nginx.

A citizen on a slow link gets each page in a fraction of its bytes. The copies are
checked by decompressing them with the standard tools; the nginx snippet is checked by
running Debian's nginx (with its Brotli module) on it, not by reading it.
"""

from __future__ import annotations

import gzip
import os
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import brotli
import pytest

from pbgdpl.model.forge import Forge
from pbgdpl.publishing import compression
from pbgdpl.publishing.compression import write_precompressed
from pbgdpl.publishing.headers import render_nginx
from pbgdpl.publishing.preview import preview_server
from pbgdpl.site.csp import content_security_policy
from pbgdpl.webeditor.security import editor_policy

from conftest import nginx_serving, write

PAGE = "<!doctype html><html lang=vi><title>Hỏi đáp</title>" + "<p>Nồng độ cồn.</p>" * 400


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


def test_every_search_bundles_webassembly_gets_its_own_working_copies(tmp_path: Path) -> None:
    # Each site's bundle holds the same WebAssembly; compressed once, written for each.
    site = small_site(tmp_path / "site")
    wasm = bytes(range(256)) * 40 + b"pagefind" * 500
    other = b"another engine " * 400
    for folder, data in (("pagefind", wasm), ("ha-noi/pagefind", wasm), ("x/pagefind", other)):
        (site / folder).mkdir(parents=True)
        (site / folder / "wasm.vi.pagefind").write_bytes(data)
    write_precompressed(site)
    for folder, data in (("pagefind", wasm), ("ha-noi/pagefind", wasm), ("x/pagefind", other)):
        copy = site / folder / "wasm.vi.pagefind.br"
        assert brotli.decompress(copy.read_bytes()) == data
        assert gzip.decompress((site / folder / "wasm.vi.pagefind.gz").read_bytes()) == data


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


def test_a_new_output_takes_the_theme_copies_kept_but_never_a_damaged_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    css = "assets/pbgdpl/portal.css"
    first = small_site(tmp_path / "first")
    write_precompressed(first)
    # The theme's stylesheet is kept between builds; pages, which change, are not.
    kept = sorted((tmp_path / "cache" / "pbgdpl" / "compressed").rglob("*"))
    assert [p.name for p in kept if p.is_file()] == ["br", "gz"]
    compressed: list[bytes] = []
    encodings = compression._encodings
    monkeypatch.setattr(
        compression, "_encodings", lambda q, data: compressed.append(data) or encodings(q, data)
    )
    second = small_site(tmp_path / "second")
    assert write_precompressed(second) == 6
    assert (second / f"{css}.br").read_bytes() == (first / f"{css}.br").read_bytes()
    assert (second / f"{css}.gz").read_bytes() == (first / f"{css}.gz").read_bytes()
    stylesheet = (second / css).read_bytes()
    assert len(compressed) == 2 and stylesheet not in compressed
    # A damaged copy in the cache is made again, not published.
    next(p for p in kept if p.name == "br").write_bytes(b"\x1b not brotli")
    third = small_site(tmp_path / "third")
    write_precompressed(third)
    assert brotli.decompress((third / f"{css}.br").read_bytes()) == stylesheet
    assert stylesheet in compressed


def _no_home(cls: type[Path]) -> Path:
    raise RuntimeError("Could not determine home directory.")


def test_a_user_without_a_home_folder_gets_the_copies_all_the_same(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A CI runner's user may have no home folder: nothing is kept, every copy is made.
    monkeypatch.delenv("XDG_CACHE_HOME")
    monkeypatch.setattr(Path, "home", classmethod(_no_home))
    site = small_site(tmp_path / "site")
    assert write_precompressed(site) == 6
    css = site / "assets" / "pbgdpl" / "portal.css"
    assert brotli.decompress(Path(f"{css}.br").read_bytes()) == css.read_bytes()


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


def _hide_drafts_in_bookkeeping(site: Path) -> None:
    # What a build keeps for itself in the output: its state and its cache, drafts included.
    (site / ".pbgdpl-cache").mkdir()
    (site / ".pbgdpl-cache" / "parsed.pickle").write_bytes(b"ban nhap chua dang")
    (site / ".pbgdpl-build.json").write_text("{}", "utf-8")


def test_serve_never_sends_the_builds_cache_or_state(tmp_path: Path) -> None:
    site = small_site(tmp_path / "site")
    _hide_drafts_in_bookkeeping(site)
    with preview_server(site) as server:
        thread = threading.Thread(target=server.serve_forever, daemon=True)
        thread.start()
        url = f"http://127.0.0.1:{server.server_address[1]}/"
        for path in (
            ".pbgdpl-cache/parsed.pickle",
            "%2Epbgdpl-cache/parsed.pickle",
            ".pbgdpl-build.json",
            ".pbgdpl-cache/",
        ):
            status, _, body = fetch(url + path)
            assert status == 404 and b"ban nhap" not in body, path
        assert fetch(url + "hoi-dap/")[0] == 200
        server.shutdown()


def test_serve_answers_a_repeat_visit_with_not_modified(served: tuple[Path, str]) -> None:
    _, url = served
    _, headers, _ = fetch(url, "br")
    status, _, body = fetch(url, "br", If_Modified_Since=headers["Last-Modified"])
    assert (status, body) == (304, b"")


def test_nginx_with_the_snippet_sends_the_precompressed_copies(tmp_path: Path) -> None:
    site = small_site(tmp_path / "site")
    write_precompressed(site)
    (site / "nginx.conf").write_text(render_nginx(editor_policy(Forge())), "utf-8")
    _hide_drafts_in_bookkeeping(site)
    # The page must come from its copy: nginx must not compress on the fly here.
    (site / "index.html").write_text(PAGE.replace("Hỏi đáp", "Bản gốc"), "utf-8")
    with nginx_serving(site, tmp_path / "nginx") as url:
        copy = (site / "index.html.br").read_bytes()
        _, headers, body = fetch(url, "gzip, br")
        assert headers["Content-Encoding"] == "br" and body == copy
        assert "Hỏi đáp" in brotli.decompress(body).decode()
        _, headers, body = fetch(f"{url}hoi-dap/", "gzip")
        assert headers["Content-Encoding"] == "gzip"
        assert gzip.decompress(body) == (site / "hoi-dap/index.html").read_bytes()
        assert headers["Cache-Control"] == "no-cache"
        # The build's cache (drafts included) and state are never served.
        for path in (
            ".pbgdpl-cache/parsed.pickle",
            "%2Epbgdpl-cache/parsed.pickle",
            ".pbgdpl-build.json",
        ):
            status, _, body = fetch(url + path)
            assert status == 404 and b"ban nhap" not in body, path


def test_many_files_are_compressed_in_parallel_to_the_same_copies(tmp_path: Path) -> None:
    # A full build's tens of thousands of files are shared among processes; the copies are
    # those one process makes, each beside its own file, and identical files share theirs.
    site = tmp_path / "site"
    pages = {f"p{n}/index.html": PAGE.replace("Hỏi đáp", f"Trang {n}") for n in range(900)}
    pages.update({f"q{n}/index.html": PAGE for n in range(100)})
    for name, text in pages.items():
        write(site / name, text)
    assert write_precompressed(site) == 2 * len(pages)
    for name, text in pages.items():
        assert brotli.decompress((site / (name + ".br")).read_bytes()) == text.encode()
        assert gzip.decompress((site / (name + ".gz")).read_bytes()) == text.encode()
    assert write_precompressed(site) == 0
