"""Where things are in editors' files: the line of a front-matter key or of the body.

Items keep their parsed values, not their line numbers; the few files that get a
diagnostic are read again here to point at the exact line.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from pbgdpl.loading.files import UnreadableFile, read_source
from pbgdpl.loading.frontmatter import Document, FrontMatterError, split_front_matter


class SourceLines:
    """Lines of the files below `root`, read on demand and remembered."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self._document = cache(self._read)

    def _read(self, path: str) -> Document | None:
        try:
            return split_front_matter(read_source(self.root / path, path).text)
        except (OSError, UnreadableFile, FrontMatterError):
            return None

    def body_line(self, path: str) -> int:
        """Return the line of the file where its Markdown body starts."""
        document = self._document(path)
        return document.body_line if document else 1

    def key_line(self, path: str, key: str) -> int:
        """Return the line of a front-matter key, or 1 when it is not written."""
        document = self._document(path)
        return document.lines.get(key, 1) if document else 1
