"""Links in a text to a page of an agency site that does not exist.

An editor links to another page by its address (`../dang-ky-ket-hon/`, `/ha-noi/hoi-dap/`)
or by its file (`../hoi-dap/dang-ky-ket-hon.md`). A wrong one is a dead link on the page,
which the build only mentions in English, so it is named here with its line. Only links
into an agency's folder are checked: the portal writes other pages itself (search, open
data, listings), which no file describes.
"""

from __future__ import annotations

import posixpath
from collections.abc import Iterable, Iterator
from urllib.parse import unquote, urlsplit

from pbgdpl.loading.portal import Portal
from pbgdpl.model.diagnostics import Diagnostic, Severity
from pbgdpl.model.items import Item, Page
from pbgdpl.model.sections import SECTIONS

# Pages every agency site has beyond its files: its sections' listings, its English page.
SITE_PAGES = ("en/", *(f"{section.slug}/" for section in SECTIONS))


def _addresses(portal: Portal) -> set[str]:
    """Return every address below an agency folder that a page or a file is published at."""
    known = {f"{slug}/" for slug in portal.agencies}
    known |= {f"{slug}/{page}" for slug in portal.agencies for page in SITE_PAGES}
    known |= {item.url for item in portal.items}
    known |= {page.url for page in portal.pages}
    known |= {asset.src_uri for asset in portal.assets}
    return known


def _sources(portal: Portal) -> set[str]:
    """Return the Markdown files of the portal by their path in the repository."""
    return {item.path for item in portal.items} | {page.path for page in portal.pages}


def _target(record: Item | Page, link: str, agencies: Iterable[str]) -> tuple[str, str] | None:
    """Return how a link is checked, ("file" or "address", where), or None when it is not.

    Links with a scheme (https:, mailto:) or only an anchor are not checked, nor links
    that leave the agencies' folders.
    """
    parts = urlsplit(link)
    if parts.scheme or parts.netloc or not parts.path:
        return None
    path = unquote(parts.path)
    if path.endswith(".md"):
        where = posixpath.normpath(posixpath.join(posixpath.dirname(record.path), path))
        return ("file", where) if where.startswith("agencies/") else None
    base = "/" + record.url
    where = posixpath.normpath(posixpath.join(posixpath.dirname(base + "x"), path))
    where = where.lstrip("/") + ("/" if path.endswith("/") and where != "/" else "")
    first = where.split("/", 1)[0]
    return ("address", where) if first in agencies else None


def _same_site(source: str, target: str) -> bool:
    """Tell whether two files are built in the same site: the same agency's folder."""
    return source.split("/")[:2] == target.split("/")[:2]


def _other_site(record: Item | Page, line: int, link: str, target: str) -> Diagnostic:
    """Name a link by file to another agency's item: each site is built on its own, so
    MkDocs cannot turn it into an address; give the address to write instead."""
    address = "/" + target.removeprefix("agencies/").removesuffix(".md")
    address = address.removesuffix("/index") + "/"
    relative = posixpath.relpath(address, "/" + record.url) + "/"
    return Diagnostic(
        record.path,
        line,
        "link-to-other-site",
        Severity.WARNING,
        f'Liên kết "{link}" dẫn tới tệp của một trang thành phần khác; trang đó được dựng '
        f'riêng nên liên kết theo tên tệp sẽ hỏng. Viết theo địa chỉ trang: "{relative}".',
    )


def check_links(portal: Portal) -> Iterator[Diagnostic]:
    """Warn of each link into an agency's folder that reaches no page and no file."""
    addresses, sources = _addresses(portal), _sources(portal)
    records: list[Item | Page] = [*portal.items, *portal.pages]
    for record in records:
        for line, link in record.body_links:
            target = _target(record, link, portal.agencies)
            if target is None:
                continue
            kind, where = target
            if kind == "file" and where in sources and not _same_site(record.path, where):
                yield _other_site(record, line, link, where)
                continue
            if (kind == "file" and where in sources) or (
                kind == "address" and (where in addresses or f"{where}/" in addresses)
            ):
                continue
            shown = where if kind == "file" else f"/{where}"
            yield Diagnostic(
                record.path,
                line,
                "link-not-found",
                Severity.WARNING,
                f'Liên kết "{link}" dẫn tới {shown}, nơi không có trang hay tệp nào; trên '
                "trang đó sẽ là liên kết hỏng. Sửa theo địa chỉ của trang đích (mở trang đó "
                "trên cổng, chép đường dẫn), hoặc theo tên tệp .md của bài.",
            )
