"""Auto-links: every mention of a registered document number links to the document's page.

Runs on a page's rendered (and sanitized) HTML. Only text is changed: never inside a
link, a heading, code or a script; links are relative, so the portal works under any
base path and on mirrors.
"""

from __future__ import annotations

import datetime as dt
import html
import posixpath
import re

from pbgdpl.catalog.registry import Registry
from pbgdpl.catalog.status import status_phrase
from pbgdpl.model.numbers import NUMBER_IN_TEXT

# A tag, a comment or a doctype; attribute values may hold ">" inside quotes.
TAG = re.compile(r"<!--.*?-->|<(?:[^>\"']|\"[^\"]*\"|'[^']*')*>", re.DOTALL)
TAG_NAME = re.compile(r"<\s*(/?)\s*([A-Za-z][A-Za-z0-9]*)")
# Elements whose text must stay as it is.
UNLINKED = frozenset(
    {
        "a",
        "code",
        "pre",
        "kbd",
        "samp",
        "script",
        "style",
        "textarea",
        "button",
        "select",
        "option",
        "title",
        "svg",
        "math",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
    }
)


def relative_url(target: str, page_url: str) -> str:
    """Return the link from the page at `page_url` to `target`, both relative to the root."""
    page_dir = page_url if page_url.endswith("/") or not page_url else posixpath.dirname(page_url)
    link = posixpath.relpath(target or ".", page_dir.rstrip("/") or ".")
    return link + "/" if target.endswith("/") and not link.endswith("/") else link


def link_documents(
    content: str, registry: Registry, page_url: str, site: str, as_of: dt.date
) -> str:
    """Link every registered number in the text of `content`, seen from `site` on `as_of`."""
    pieces: list[str] = []
    closed: list[str] = []  # names of the unlinked elements we are inside
    position = 0
    for tag in TAG.finditer(content):
        text = content[position : tag.start()]
        pieces.append(text if closed else _link_text(text, registry, page_url, site, as_of))
        pieces.append(tag.group(0))
        position = tag.end()
        name = TAG_NAME.match(tag.group(0))
        if name is None:
            continue
        closing, element = name[1] == "/", name[2].lower()
        if element not in UNLINKED or tag.group(0).endswith("/>"):
            continue
        if not closing:
            closed.append(element)
        elif element in closed:
            del closed[len(closed) - 1 - closed[::-1].index(element) :]
    tail = content[position:]
    pieces.append(tail if closed else _link_text(tail, registry, page_url, site, as_of))
    return "".join(pieces)


def _link_text(text: str, registry: Registry, page_url: str, site: str, as_of: dt.date) -> str:
    if "/" not in text:
        return text

    def link(match: re.Match[str]) -> str:
        document = registry.lookup(match.group(0), site)
        if document is None or document.url == page_url:
            return match.group(0)
        status = status_phrase(registry.status_of(document, as_of), as_of)
        title = f"{document.item.title}. {status}"
        href = relative_url(document.url, page_url)
        return (
            f'<a class="pb-doc-link" href="{html.escape(href)}" '
            f'title="{html.escape(title)}">{match.group(0)}</a>'
        )

    return NUMBER_IN_TEXT.sub(link, text)
