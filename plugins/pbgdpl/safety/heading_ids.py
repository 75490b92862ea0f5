"""Ids of an editor's headings, which can never be one of the theme's own ids.

The theme names parts of its pages in Vietnamese (`lien-he`, `gui-cau-hoi`,
`trac-nghiem`): a heading "Liên hệ" given `id="lien-he"` would break those anchors and
clobber the DOM. Every heading id the Markdown `toc` extension makes starts with
EDITOR_PREFIX, which no theme id uses; the sanitizer keeps no other id from an editor
but the footnotes' (`fn:1`, `fnref:1`).
"""

from __future__ import annotations

import re

from pbgdpl.model.fields import slugify

EDITOR_PREFIX = "m-"
# The theme's own ids that are not prefixed "pb-": an old heading anchor kept for published
# links (site/anchors.py) never takes one. tests/test_heading_ids.py keeps this list whole.
THEME_IDS = frozenset(
    {
        "bao-cao",
        "cach-danh-gia",
        "can-ra-soat",
        "chua-pho-bien-dung-han",
        "chuyen-muc-khac",
        "da-to-chuc",
        "gui-cau-hoi",
        "phan-anh-chinh-sach",
        "pho-bien-van-ban",
        "sap-dien-ra",
        "theo-don-vi",
        "tinh-trang",
        "tong-cong",
        "trac-nghiem",
        "trang-thanh-phan",
        "tung-chuyen-muc",
        "tung-don-vi",
        "van-ban-vien-dan",
        "viec-can-khac-phuc",
    }
)
EDITOR_ID = re.compile(rf"(?:{re.escape(EDITOR_PREFIX)}|fn:|fnref\d*:)")


def heading_id(value: str, separator: str) -> str:
    """Return the id of an editor's heading: the portal's slug rule ("đ" → "d"), prefixed."""
    return EDITOR_PREFIX + (slugify(value) or "muc").replace("-", separator)


def editor_id(value: str) -> bool:
    """Tell whether an id in an editor's HTML is one the editor's Markdown could make."""
    return EDITOR_ID.match(value) is not None
