"""One agency's site as a package that works from disk: its pages, the shared assets they
need, a search without a server, a notice of the data's date, and a manifest of its own."""

from __future__ import annotations

import html
import json
import re
from pathlib import Path
from typing import Any

from pbgdpl.publishing.manifest import FileRecord, Manifest, render_manifest
from pbgdpl.publishing.offline_search import (
    SEARCH_DATA,
    SEARCH_PAGE,
    search_data,
    search_page,
    search_records,
)
from pbgdpl.publishing.output import MANIFEST
from pbgdpl.publishing.relink import Relinker
from pbgdpl.search.lexicon import QUERY_FILE
from pbgdpl.search.records import BUNDLE, RECORDS, SearchRecord, read_records

SHARED = "assets/"
MAIN_TAG = re.compile(r"<main\b", re.I)
BODY_TAG = re.compile(r"<body\b[^>]*>", re.I)


class PackageError(Exception):
    """An agency package that cannot be made from this output."""


def agency_name(site: Path, slug: str) -> str:
    """Return the agency's name as its feed states it (the package needs no sources)."""
    try:
        return str(json.loads((site / slug / "feed.json").read_text("utf-8"))["title"])
    except (OSError, ValueError, KeyError) as error:
        raise PackageError(
            f"{slug}/feed.json: không đọc được tên trang thành phần ({error})"
        ) from None


def _read(site: Path, name: str, manifest: Manifest) -> bytes:
    """Return a file of the output, refusing one that differs from the manifest."""
    try:
        data = (site / name).read_bytes()
    except OSError:
        data = None
    if data is None or FileRecord.of_bytes(data) != manifest.files[name]:
        raise PackageError(
            f"{name}: tệp thiếu hoặc khác bản kê manifest.json; dựng lại cổng rồi đóng gói "
            "(the output does not match its manifest)"
        )
    return data


def _notice(name: str, slug: str, manifest: Manifest, depth: int) -> str:
    provenance = manifest.provenance
    up = "../" * depth
    public = html.escape(manifest.base_url + slug + "/")
    return (
        '<div class="pb-offline" role="note" data-pagefind-ignore>'
        f"Bản sao ngoại tuyến của trang {html.escape(name)}: dữ liệu tính đến ngày "
        f"{provenance.as_of:%d/%m/%Y}, hạn dùng đến ngày {provenance.expires:%d/%m/%Y}; "
        "tình trạng hiệu lực của văn bản có thể đã thay đổi sau ngày này. "
        f'<a href="{up}{SEARCH_PAGE}">Tìm kiếm trong bản sao</a> · '
        f'<a href="{public}">Xem bản mới nhất trên Cổng</a></div>'
    )


def with_notice(page: str, notice: str) -> str:
    """Put the notice just before the main content, or first in the body."""
    main = MAIN_TAG.search(page)
    if main:
        return page[: main.start()] + notice + page[main.start() :]
    body = BODY_TAG.search(page)
    if body:
        return page[: body.end()] + notice + page[body.end() :]
    return notice + page


def _landing(name: str, slug: str) -> bytes:
    home = f"{slug}/index.html"
    return f"""<!doctype html>
<html lang="vi">
<head>
<meta charset="utf-8">
<meta http-equiv="refresh" content="0; url={home}">
<title>{html.escape(name)}</title>
</head>
<body>
<p><a href="{home}">Mở trang {html.escape(name)}</a></p>
</body>
</html>
""".encode()


def _search_records(files: dict[str, bytes], slug: str) -> dict[str, SearchRecord]:
    """Return the agency's search records by URL, read from its bundle in the package."""
    data = files.get(f"{slug}/{BUNDLE}/{RECORDS}")
    return {r.url: r for r in read_records(data)} if data else {}


def _query(files: dict[str, bytes], slug: str) -> dict[str, Any]:
    """Return the agency bundle's lexicon and search dictionary, or {} without them."""
    data = files.get(f"{slug}/{BUNDLE}/{QUERY_FILE}")
    found: dict[str, Any] = json.loads(data) if data else {}
    return found


def agency_package(site: Path, manifest: Manifest, slug: str) -> dict[str, bytes]:
    """Return every file of the package of agency `slug` by its path, its manifest last.

    The package keeps the portal's layout (`<slug>/…` and `assets/…`), so pages keep
    their relative links; every file read is checked against the portal's manifest.
    """
    if f"{slug}/index.html" not in manifest.files:
        raise PackageError(f'không có trang thành phần "{slug}" trong bản dựng này')
    name = agency_name(site, slug)
    own = [f for f in manifest.files if f.startswith(f"{slug}/")]
    files = {
        f: _read(site, f, manifest) for f in manifest.files if f.startswith((f"{slug}/", SHARED))
    }
    relinker = Relinker(
        files=frozenset(manifest.files),
        packaged=lambda path: path.startswith((f"{slug}/", SHARED)),
        base_url=manifest.base_url,
        search_page=SEARCH_PAGE,
    )
    pages = {f: files[f].decode("utf-8") for f in own if f.endswith(".html")}
    for path, page in pages.items():
        notice = _notice(name, slug, manifest, path.count("/"))
        files[path] = with_notice(relinker.rewrite(path, page), notice).encode()
    for needed in sorted(relinker.needed):
        files[needed] = _read(site, needed, manifest)
    files["index.html"] = _landing(name, slug)
    files[SEARCH_PAGE] = search_page(name, f"{slug}/index.html", manifest.provenance.as_of)
    files[SEARCH_DATA] = search_data(
        search_records(pages, _search_records(files, slug)),
        manifest.provenance.as_of,
        _query(files, slug),
    )
    own_manifest = Manifest(
        scope=slug,
        base_url=manifest.base_url,
        provenance=manifest.provenance,
        files={path: FileRecord.of_bytes(data) for path, data in sorted(files.items())},
    )
    files[MANIFEST] = render_manifest(own_manifest).encode()
    return files
