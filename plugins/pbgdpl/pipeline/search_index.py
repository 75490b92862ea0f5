"""Index one rendered site with Pagefind, so each site carries its own small search index."""

from __future__ import annotations

import subprocess
from functools import cache
from pathlib import Path

from pagefind.service import get_executable

BUNDLE = "pagefind"


class SearchIndexError(Exception):
    """Pagefind could not be found or failed on a site."""


@cache
def pagefind_binary() -> Path:
    """Return the Pagefind binary installed with the `pagefind[bin]` package."""
    binary = get_executable()
    if binary is None or not binary.is_file():
        raise SearchIndexError(
            "Không tìm thấy chương trình Pagefind; chạy lại 'make portal' để cài "
            "(pagefind binary missing: pip install 'pagefind[bin]')."
        )
    return binary


def index_site(crawl_root: Path, bundle_dir: Path) -> None:
    """Index the pages under `crawl_root` into `bundle_dir`.

    `crawl_root` is the portal root as seen by the site (its staging folder), so the
    indexed URLs are relative to the portal root and every site's index can be merged.
    """
    completed = subprocess.run(
        [
            str(pagefind_binary()), "--site", str(crawl_root), "--output-path", str(bundle_dir),
            "--force-language", "vi", "--silent",
        ],
        capture_output=True, text=True, check=False,
    )
    if completed.returncode != 0:
        raise SearchIndexError(
            f"Pagefind lỗi khi lập chỉ mục {crawl_root}: {completed.stderr.strip()}"
        )
