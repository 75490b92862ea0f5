"""Content shown in GitHub Markdown (the review report, job summaries) as inert text.

A title, a value or a file name from an editor must not format the report, add a link,
a picture or HTML, start a table cell, or ping someone. GitHub links bare addresses
(`https://…`, `www.…`, e-mail addresses) and @-mentions by itself, and backslash
escapes do not stop that; a zero-width space inside `://`, `www.` and after `@` does,
and shows nothing. Control characters (a line break in a file name) are written out.
"""

from __future__ import annotations

import re

from pbgdpl.model.terminal import without_control_sequences

MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]<>()#+!|~&])")
ZERO_WIDTH_SPACE = "\u200b"
# What GitHub turns into a link or a notification: schemes, www., @name.
AUTOLINK = re.compile(r"(:)(?=//)|(?<=\bwww)(\.)|(@)", re.IGNORECASE)
# What ends a code span or its table cell, or breaks its line.
NOT_IN_CODE = re.compile("[`|\x00-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff]")


# Markup an editor may write into a plain-text field by habit, each with how it is named.
PLAIN_TEXT_MARKUP = (
    (re.compile(r"\*\*[^*]+\*\*|__[^_]+__|~~[^~]+~~"), "chữ đậm hay gạch ngang kiểu Markdown"),
    (re.compile(r"\[[^\]]+\]\([^)]*\)"), "liên kết kiểu Markdown [chữ](địa chỉ)"),
    (re.compile(r"</?[a-zA-Z][^>]*>"), "thẻ HTML"),
    (re.compile(r"(?<![\w.])@[A-Za-z0-9][A-Za-z0-9-]*"), "tên tài khoản @…"),
)
WEB_ADDRESS = re.compile(r"\b(?:https?://|www\.)\S+", re.IGNORECASE)
SHORT_FIELD = 300


def plain_text_markup(text: str, max_length: int) -> list[str]:
    """Name the markup in `text`, a plain-text field: it is shown as written, never formatted.

    A web address is named only in short fields (titles, names), where it is never right;
    a long field such as a question may cite one.
    """
    found = [name for pattern, name in PLAIN_TEXT_MARKUP if pattern.search(text)]
    if max_length <= SHORT_FIELD and WEB_ADDRESS.search(text):
        found.append("địa chỉ web")
    return found


def inert(text: object) -> str:
    """Return text as one line of Markdown that formats nothing, links nothing, pings no one."""
    line = " ".join(without_control_sequences(str(text), keep="\t\n\r").split())
    escaped = MARKDOWN_SPECIAL.sub(r"\\\1", line)
    return AUTOLINK.sub(lambda m: m.group() + ZERO_WIDTH_SPACE, escaped)


def inert_path(path: str) -> str:
    """Return a file path (or a name) as code, or as inert text when code cannot hold it.

    A path may hold a line break, a `|` or a backquote, which would end a code span or
    add a table column: it is then shown as escaped text, `\\x0a` for a line break.
    """
    if path and not NOT_IN_CODE.search(path):
        return f"`{path}`"
    return inert(without_control_sequences(path))
