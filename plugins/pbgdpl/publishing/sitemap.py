"""`sitemap.xml` of every page, and `robots.txt` pointing at it."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Sequence
from pathlib import Path

from pbgdpl.catalog import Catalog
from pbgdpl.model.items import Item
from pbgdpl.model.settings import PortalSettings
from pbgdpl.publishing.addresses import public_url
from pbgdpl.publishing.output import write_changed
from pbgdpl.publishing.published import redirect_paths
from pbgdpl.safety.xml_text import xml_text

SITEMAP = "sitemap.xml"
ROBOTS = "robots.txt"
SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9"
# The sitemaps protocol allows at most 50,000 addresses in one file.
MAX_URLS = 50_000


def page_paths(files: list[str]) -> list[str]:
    """Return the folder of every page among the published `files`, sorted."""
    return [
        name.removesuffix("index.html")
        for name in files
        if name == "index.html" or name.endswith("/index.html")
    ]


def _document(root: str, children: Sequence[tuple[str, str, str | None]]) -> bytes:
    """Return a sitemap document whose children are (tag, address, lastmod)."""
    top = ET.Element(root, {"xmlns": SITEMAP_NS})
    for tag, address, lastmod in children:
        child = ET.SubElement(top, tag)
        ET.SubElement(child, "loc").text = xml_text(address)
        if lastmod:
            ET.SubElement(child, "lastmod").text = lastmod
    ET.indent(top)
    # typeshed types tostring() as Any for a named encoding other than "unicode"; utf-8 is bytes.
    document: bytes = ET.tostring(top, encoding="utf-8", xml_declaration=True)
    return document + b"\n"


def write_sitemap(
    catalog: Catalog, items: list[Item], out: Path, files: list[str], limit: int = MAX_URLS
) -> list[Path]:
    """Write `sitemap.xml` (an index of `sitemap-N.xml` beyond `limit` pages); return them.

    `files` are the published files of `out` (`published_files`), listed once by the caller.

    An item's lastmod is the date its page shows as "last updated" (its last major
    change, else its own date), as search engines ask: a minor fix is not news. Other
    pages (listings) change with every new item and carry none. The pages left at the old
    addresses of moved items are not listed.
    """
    settings = catalog.settings
    dated = {item.url: catalog.history_of(item).updated.isoformat() for item in items}
    moved = redirect_paths(catalog)
    urls = [
        ("url", public_url(settings, path), dated.get(path))
        for path in page_paths(files)
        if path not in moved
    ]
    written = []
    if len(urls) <= limit:
        write_changed(out / SITEMAP, _document("urlset", urls))
    else:
        for number, start in enumerate(range(0, len(urls), limit), start=1):
            part = out / f"sitemap-{number}.xml"
            written.append(write_changed(part, _document("urlset", urls[start : start + limit])))
        index = [("sitemap", public_url(settings, p.name), None) for p in written]
        write_changed(out / SITEMAP, _document("sitemapindex", index))
    for stale in set(out.glob("sitemap-*.xml")) - set(written):
        stale.unlink()
    return [out / SITEMAP, *written]


def write_robots(settings: PortalSettings, out: Path) -> Path:
    """Write `robots.txt`: every page may be crawled, search chunks need not be."""
    text = (
        "# Cổng PBGDPL: mọi trang được phép thu thập; tệp chỉ mục tìm kiếm thì không cần.\n"
        "User-agent: *\n"
        "Disallow: /pagefind/\n"
        "Disallow: /*/pagefind/\n"
        "Allow: /\n"
        "\n"
        f"Sitemap: {public_url(settings, SITEMAP)}\n"
    )
    return write_changed(out / ROBOTS, text)
