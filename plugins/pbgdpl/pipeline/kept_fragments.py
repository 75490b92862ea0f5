"""Which of Pagefind's page fragments the national index had last time, by their bytes.

Each page of an index has a fragment file (what a result shows), which the slim rewrite
(`search.slim`) reads, unpacks and writes again without the page's text: ten thousand of
them after every edit, of which one changed. Pagefind names a fragment by a short hash
of its content, and the rewrite keeps the name; the index keeps, in the build's cache,
the full hash of the bytes Pagefind wrote under each name, so that the next index takes
the rewritten file of its last build for each fragment Pagefind wrote again the same,
with no rewrite. The list is removed before an index is built and written once it is in
place, so it always describes the index the next build finds.
"""

from __future__ import annotations

import hashlib
import pickle
from dataclasses import dataclass, field
from pathlib import Path

FILE = "fragments.pickle"
FOLDER = "fragment"
_VERSION = 1


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@dataclass
class Fragments:
    """The fragments of the index last built, by name: the hash of what Pagefind wrote."""

    folder: Path | None
    platform: str
    known: dict[str, str] = field(default_factory=dict)

    @classmethod
    def open(cls, folder: Path | None, platform: str) -> Fragments:
        """Read the list kept in `folder` by the same `platform`, and remove it."""
        if folder is None:
            return cls(None, platform)
        path = folder / FILE
        try:
            with path.open("rb") as stream:
                version, written_by, known = pickle.load(stream)
        except (OSError, EOFError, ValueError, TypeError, pickle.UnpicklingError):
            return cls(folder, platform)
        path.unlink()
        same = version == _VERSION and written_by == platform and isinstance(known, dict)
        return cls(folder, platform, known if same else {})

    @staticmethod
    def originals(bundle: Path) -> dict[str, str]:
        """Return the hash of each fragment Pagefind wrote into `bundle`, before any rewrite."""
        return {path.name: _digest(path) for path in (bundle / FOLDER).glob("*.pf_fragment")}

    def unchanged(self, name: str, originals: dict[str, str]) -> bool:
        """Tell whether Pagefind wrote fragment `name` with the same bytes as last time."""
        return name in self.known and self.known[name] == originals.get(name)

    def save(self, originals: dict[str, str]) -> None:
        """Keep `originals` as the fragments of the index now in place."""
        if self.folder is None:
            return
        self.folder.mkdir(parents=True, exist_ok=True)
        partial = self.folder / f".{FILE}"
        with partial.open("wb") as stream:
            pickle.dump((_VERSION, self.platform, originals), stream, pickle.HIGHEST_PROTOCOL)
        partial.replace(self.folder / FILE)
