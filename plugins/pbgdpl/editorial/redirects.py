"""Redirect pages: each old address of a moved item sends readers on to its new address.

A redirect page is plain HTML with a `<meta http-equiv="refresh">` and a link, both
relative, so it works under any base path and on mirrors, and carries no script.
"""

from __future__ import annotations

import html
import posixpath
from collections.abc import Iterable
from pathlib import Path

from pbgdpl.model.items import Item

REDIRECT_PAGE = """<!doctype html>
<html lang="vi">
<head>
<meta charset="utf-8">
<meta name="robots" content="noindex">
<meta http-equiv="refresh" content="0; url={href}">
<link rel="canonical" href="{href}">
<title>Trang đã chuyển: {title}</title>
</head>
<body>
<p>Trang này đã chuyển sang địa chỉ mới: <a href="{href}">{title}</a>.</p>
</body>
</html>
"""


def relative_href(from_path: str, to_path: str) -> str:
    """Return the relative link from the page at portal path `from_path` to `to_path`."""
    href = posixpath.relpath("/" + to_path, "/" + from_path)
    return href.rstrip("/") + "/"


def redirect_page(old_path: str, item: Item) -> str:
    """Return the HTML of the page left at `old_path` for an item that moved."""
    href = html.escape(relative_href(old_path, item.url), quote=True)
    return REDIRECT_PAGE.format(href=href, title=html.escape(item.title))


def write_redirects(site_dir: Path, items: Iterable[Item]) -> list[str]:
    """Write a redirect page at each old path of `items`; never over a page the site has.

    Return the old paths written. A path the site already uses is left alone: validation
    reports it as `redirect-conflict`.
    """
    written = []
    for item in items:
        for old_path in item.data.get("redirect_from", ()):
            target = site_dir / old_path / "index.html"
            if target.exists():
                continue
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(redirect_page(old_path, item), "utf-8")
            written.append(old_path)
    return written
