"""Heading anchors spelled with the portal's Vietnamese slug rule, old spellings kept.

Markdown's toc extension folds "đ" away ("Giải đáp" → `giai-ap`), unlike every other
slug of the portal (`model.fields.slugify`: `giai-dap`). Headings now take the portal's
rule, prefixed so they never take a theme id (`m-giai-dap`, safety/heading_ids.py); links
published with the old spelling still land on their heading through an empty anchor
carrying the old id, unless that id is one of the theme's own.
"""

from __future__ import annotations

import html
import re

from markdown.extensions.toc import slugify as markdown_slugify
from markdown.extensions.toc import unique

from pbgdpl.safety.heading_ids import THEME_IDS, heading_id

HEADING = re.compile(r'<(h[1-6]) id="([^"]+)">(.*?)</\1>', re.DOTALL)
TAG = re.compile(r"<[^>]+>")
ID = re.compile(r'\bid="([^"]+)"')


def keep_old_anchors(page_html: str) -> str:
    """Give each heading whose anchor toc used to spell otherwise an anchor of that spelling.

    The old spelling is worked out as toc made it, in document order with the same
    `_1` suffixes for repeats, so a published link `#phan-tich-giai-ap` still arrives.
    """
    used = set(ID.findall(page_html))

    def add_old(match: re.Match[str]) -> str:
        tag, anchor, inner = match.groups()
        text = html.unescape(TAG.sub("", inner))
        old = markdown_slugify(text, "-")
        if not old or old == heading_id(text, "-") or old in THEME_IDS:
            return match.group(0)
        old = unique(old, used)
        return f'<{tag} id="{anchor}"><span id="{old}"></span>{inner}</{tag}>'

    return HEADING.sub(add_old, page_html)
