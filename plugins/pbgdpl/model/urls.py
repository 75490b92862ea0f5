"""One allow-list for every address an editor writes: body links, pictures, and URL fields.

A browser reads an address more loosely than it looks: spaces and control characters
are dropped from the scheme (`java\tscript:`), a backslash is a slash (`/\\evil.example`
is another host), a `mailto:` may add recipients (`?bcc=`). The same rules apply to the
links of a page body (`safety/html_policy.py`) and to the fields of front matter and
agency.yml (website, send_question, contact e-mail, links, redirects, attachments).
"""

from __future__ import annotations

import re

# Schemes a link may use; a picture may also be a raster data: URL (html_policy).
LINK_SCHEMES = frozenset({"http", "https", "mailto", "tel"})
SCHEME = re.compile(r"([a-z][a-z0-9+.-]*):")
CONTROL_AND_SPACE = re.compile(r"[\x00-\x20\x7f]+")
EMAIL = re.compile(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+")
PHONE = re.compile(r"\+?[0-9][0-9 ().-]{2,30}")
HTTPS = re.compile(r"https://([A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+)(?::\d{1,5})?(?:[/?#][^\s\\]*)?")


def plain_url(value: str) -> str:
    """Return a URL as a browser reads its start: no spaces or controls, `\\` as `/`, lowercase."""
    return CONTROL_AND_SPACE.sub("", value).replace("\\", "/").lower()


def is_remote(url: str) -> bool:
    """Tell whether a URL loads from another host (absolute, or `//host` however written)."""
    return plain_url(url).startswith(("http:", "https:", "//"))


def link_allowed(url: str) -> bool:
    """Tell whether a body link or a link field may point at `url`.

    Allowed: http(s), tel, mailto with one address and no header (`?cc=`, `?bcc=`,
    `?body=`), and relative paths (MkDocs checks which page they reach).
    """
    plain = plain_url(url)
    scheme = SCHEME.match(plain)
    if scheme:
        name = scheme.group(1)
        if name == "mailto":
            return bool(EMAIL.fullmatch(url.strip()[len("mailto:") :]))
        return name in LINK_SCHEMES
    return True


def official_address(url: str) -> bool:
    """Tell whether `url` is an https address on a Vietnamese host (…​.vn), as agencies use.

    A look-alike host such as `dichvucong.gov.vn.evil.example` does not end in .vn.
    """
    match = HTTPS.fullmatch(url)
    return match is not None and match.group(1).lower().endswith(".vn")
