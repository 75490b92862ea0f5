"""Rewrite the links of a page for a package opened from disk (file://).

From disk a folder address opens a file listing, not the page: every link to a page
is made to name its `index.html`. Links to pages that the package does not hold go to the
page on the portal (an absolute address), and links to a search page go to the package's
own search, which works without a server.
"""

from __future__ import annotations

import html
import posixpath
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from urllib.parse import quote, unquote, urlsplit

# Start tags that load or link something; attribute values are always double-quoted in
# MkDocs' and the theme's output, with "<", ">" and '"' escaped.
LINKING_TAG = re.compile(r"<(?:a|area|link|script|img|source|form|iframe)\b[^>]*>", re.I)
LINK_ATTRIBUTE = re.compile(r'(\s(?:href|src|action)=")([^"]*)(")', re.I)
SEARCH_FOLDER = "tim-kiem"


def _resolve(page: str, link: str) -> tuple[str, str] | None:
    """Return the portal path a relative link of `page` names and its query/fragment suffix."""
    parts = urlsplit(link)
    if parts.scheme or parts.netloc or not parts.path:
        return None
    joined = posixpath.normpath(posixpath.join(posixpath.dirname(page), unquote(parts.path)))
    if joined == ".." or joined.startswith("../"):
        return None
    suffix = (f"?{parts.query}" if parts.query else "") + (
        f"#{parts.fragment}" if parts.fragment else ""
    )
    return joined, suffix


@dataclass
class Relinker:
    """Rewrite links for a package holding some of the portal's files."""

    files: frozenset[str]
    packaged: Callable[[str], bool]
    base_url: str
    search_page: str
    """The search page links go to: a path in the package, or an address on the portal."""
    absent_to_portal: bool = False
    """Send links to pages the output does not hold to the portal (a partial build)."""
    needed: set[str] = field(default_factory=set)

    def target(self, page: str, link: str) -> tuple[str, str] | None:
        """Return the portal file a link of `page` leads to and its query/fragment suffix."""
        resolved = _resolve(page, link)
        if resolved is None:
            return None
        joined, suffix = resolved
        index = "index.html" if joined == "." else f"{joined}/index.html"
        found = joined if joined in self.files else index if index in self.files else None
        return None if found is None else (found, suffix)

    def relink(self, page: str, link: str) -> str:
        """Return the link as the package needs it."""
        found = self.target(page, link)
        if found is None:
            return self.absent(page, link) if self.absent_to_portal else link
        target, suffix = found
        if target == f"{SEARCH_FOLDER}/index.html" or target.endswith(
            f"/{SEARCH_FOLDER}/index.html"
        ):
            if "://" in self.search_page:
                return self.search_page + suffix
            target = self.search_page
        elif not self.packaged(target):
            if target.endswith(".html"):
                return self.base_url + target.removesuffix("index.html") + suffix
            self.needed.add(target)
        return quote(posixpath.relpath(target, posixpath.dirname(page) or ".")) + suffix

    def absent(self, page: str, link: str) -> str:
        """Return the portal's address of a page link the output does not hold."""
        resolved = _resolve(page, link)
        if resolved is None or resolved[0].startswith("/") or "." in resolved[0].rsplit("/")[-1]:
            return link  # outside the portal, or a file (an asset), not a page
        joined, suffix = resolved
        return self.base_url + quote(joined + "/") + suffix

    def rewrite(self, page: str, text: str) -> str:
        """Return the HTML of `page` (its path in the portal) with every link rewritten."""

        def attribute(match: re.Match[str]) -> str:
            link = html.unescape(match[2])
            return match[1] + html.escape(self.relink(page, link), quote=True) + match[3]

        return LINKING_TAG.sub(lambda tag: LINK_ATTRIBUTE.sub(attribute, tag[0]), text)
