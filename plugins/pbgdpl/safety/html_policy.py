"""The allow-list of HTML that editors' Markdown may produce, and the sanitizer applying it.

It fits the Markdown extensions in mkdocs.yml (tables, footnotes, admonitions, abbr,
definition lists, heading ids) and nothing else: no script, no event handler, no
`javascript:`/`vbscript:` URL, no `data:` URL outside raster images, no embedded
frames, objects or forms. Links follow the portal's one URL allow-list (`model/urls.py`);
pictures come from the portal itself (CSP `img-src 'self'`).
"""

from __future__ import annotations

import re

import nh3

from pbgdpl.model.urls import is_remote, link_allowed, plain_url
from pbgdpl.safety.heading_ids import editor_id

HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6")
TAGS: frozenset[str] = frozenset(
    {
        "a",
        "abbr",
        "b",
        "blockquote",
        "br",
        "caption",
        "code",
        "dd",
        "del",
        "details",
        "div",
        "dl",
        "dt",
        "em",
        "figcaption",
        "figure",
        "hr",
        "i",
        "img",
        "ins",
        "kbd",
        "li",
        "mark",
        "ol",
        "p",
        "pre",
        "q",
        "s",
        "small",
        "span",
        "strong",
        "sub",
        "summary",
        "sup",
        "table",
        "tbody",
        "td",
        "tfoot",
        "th",
        "thead",
        "time",
        "tr",
        "u",
        "ul",
        *HEADINGS,
    }
)
ATTRIBUTES: dict[str, set[str]] = {
    "*": {"title", "lang"},
    "a": {"href", "hreflang", "id"},
    "img": {"src", "alt", "width", "height"},
    "ol": {"start"},
    "td": {"colspan", "rowspan", "style"},
    "th": {"colspan", "rowspan", "scope", "style"},
    "li": {"id"},
    "sup": {"id"},
    "dt": {"id"},
    "time": {"datetime"},
    "details": {"open"},
    **{h: {"id"} for h in HEADINGS},
}
# Classes the Markdown extensions write; editors cannot borrow the theme's classes.
ADMONITIONS = (
    "note",
    "abstract",
    "info",
    "tip",
    "success",
    "question",
    "warning",
    "failure",
    "danger",
    "bug",
    "example",
    "quote",
)
CLASSES: dict[str, set[str]] = {
    "div": {"admonition", "footnote", *ADMONITIONS},
    "details": {*ADMONITIONS},
    "p": {"admonition-title"},
    "a": {"footnote-ref", "footnote-backref"},
}
URL_SCHEMES = frozenset({"http", "https", "mailto", "tel", "data"})
URL_ATTRIBUTES = frozenset({"href", "src", "cite"})
# Tables align cells with `style="text-align: …"`; no other property is kept.
STYLE_PROPERTIES = frozenset({"text-align"})
RASTER_DATA_URL = re.compile(r"data:image/(?:png|jpeg|gif|webp);base64,[A-Za-z0-9+/=\s]*\Z")


def allowed_value(tag: str, attribute: str, value: str) -> bool:
    """Tell whether an allowed attribute's value may stay (URLs, ids)."""
    if attribute in URL_ATTRIBUTES:
        plain = plain_url(value)
        if plain.startswith("data:"):
            return tag == "img" and attribute == "src" and bool(RASTER_DATA_URL.match(plain))
        if tag == "img" and is_remote(value):
            return False
        return link_allowed(value)
    if attribute == "id":
        return editor_id(value)
    return True


def _attribute_filter(tag: str, attribute: str, value: str) -> str | None:
    return value if allowed_value(tag, attribute, value) else None


def sanitize_html(html: str) -> str:
    """Return `html` with everything outside the allow-list removed."""
    return nh3.clean(
        html,
        tags=set(TAGS),
        clean_content_tags={"script", "style"},
        attributes=ATTRIBUTES,
        attribute_filter=_attribute_filter,
        strip_comments=True,
        link_rel=None,
        url_schemes=set(URL_SCHEMES),
        allowed_classes=CLASSES,
        filter_style_properties=set(STYLE_PROPERTIES),
    )
