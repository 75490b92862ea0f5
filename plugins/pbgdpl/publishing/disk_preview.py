"""The preview of a pull request as a folder a board member opens from disk (file://).

A preview build holds only the sites a change touches. Downloaded from the pull request's
artifacts and opened from disk, a folder address would show a file listing: every link
to a page is made to name its `index.html`, as in the offline package, and links to
pages the preview does not hold, and to search (Pagefind needs HTTP), go to the portal.
Each page says it is a preview, so nobody takes it for the published portal.
"""

from __future__ import annotations

import html
import shutil
from dataclasses import dataclass
from pathlib import Path

from pbgdpl.publishing.agency_package import with_notice
from pbgdpl.publishing.manifest import read_manifest
from pbgdpl.publishing.relink import SEARCH_FOLDER, Relinker

# Precompressed copies serve HTTP clients; a folder opened from disk never reads them.
SERVED_ONLY = (".br", ".gz")


@dataclass(frozen=True)
class DiskPreview:
    """What the preview folder holds."""

    folder: Path
    pages: int
    files: int


def _notice(as_of: str, depth: int) -> str:
    return (
        '<div class="pb-offline" role="note" data-pagefind-ignore>'
        f"Bản xem trước của một đề nghị thay đổi (dữ liệu tính đến ngày {html.escape(as_of)}), "
        "chưa phải trang đã đăng. "
        f'<a href="{"../" * depth}index.html">Trang chủ của bản xem trước</a></div>'
    )


def write_disk_preview(site: Path, out: Path) -> DiskPreview:
    """Copy the build in `site` to `out`, relinked to be browsed from disk."""
    manifest = read_manifest(site)
    relinker = Relinker(
        files=frozenset(manifest.files),
        packaged=lambda path: True,
        base_url=manifest.base_url,
        search_page=f"{manifest.base_url}{SEARCH_FOLDER}/",
        absent_to_portal=True,
    )
    as_of = f"{manifest.provenance.as_of:%d/%m/%Y}"
    if out.exists():
        shutil.rmtree(out)
    pages = 0
    for name in sorted(manifest.files):
        if name.endswith(SERVED_ONLY):
            continue
        target = out / name
        target.parent.mkdir(parents=True, exist_ok=True)
        if name.endswith(".html"):
            page = (site / name).read_text("utf-8")
            relinked = relinker.rewrite(name, page)
            target.write_text(with_notice(relinked, _notice(as_of, name.count("/"))), "utf-8")
            pages += 1
        else:
            shutil.copyfile(site / name, target)
    return DiskPreview(out, pages, sum(1 for f in out.rglob("*") if f.is_file()))
