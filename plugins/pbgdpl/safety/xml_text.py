"""Text that XML 1.0 can carry: feeds and sitemaps stay well-formed whatever an editor writes.

ElementTree escapes `<`, `&` and quotes, but writes any character it is given, and XML
1.0 has no way at all to carry most control characters (not even as `&#1;`): one NUL
in one agency's title would make the national `feed.xml` unreadable for every reader.
Characters outside XML's `Char` production are dropped, and so are DEL and the C1
controls, which XML allows but discourages (they are no text either).
"""

from __future__ import annotations

import re

# Everything outside XML 1.0's Char (#x9 | #xA | #xD | [#x20-#xD7FF] | [#xE000-#xFFFD] |
# [#x10000-#x10FFFF]), and DEL with the C1 controls.
NOT_XML_CHAR = re.compile("[^\t\n\r\x20-\x7e\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def xml_text(text: str) -> str:
    """Return `text` without the characters XML 1.0 cannot carry."""
    return NOT_XML_CHAR.sub("", text)
