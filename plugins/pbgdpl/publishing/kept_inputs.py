"""Which portal-wide files an incremental publish may leave as they are, by their inputs.

Publishing writes thousands of feeds and exports from the whole catalog; one edit changes
a few. Each group of files (an agency's feeds and export, a legal document's feed) has a
key: a hash of everything its bytes are made from. The build's cache keeps the key each
group was last written from; a group whose key is the same, and whose files are there,
is not made again.

An agency's key is the fingerprint the pipeline computed of its site's inputs (its
items, facts, the settings, the day, our code) with the addresses of its items that have
a page (a feed lists only those).

Before any file is written, the record forgets the groups about to be written: a build
stopped halfway never leaves files that the record vouches for but that were made from
other inputs.
"""

from __future__ import annotations

import hashlib
import json
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from pbgdpl.model.items import Item
from pbgdpl.publishing.output import write_changed

AGENCIES = "published-agencies.json"
LEGAL_FEEDS = "published-legal-feeds.json"


@dataclass(frozen=True)
class BuildInputs:
    """What the pipeline knows of a build's inputs, for publishing to key its files by.

    `platform` hashes our code, the theme and the settings' files; `fingerprints` are
    each agency site's (`pipeline/fingerprint.py`).
    """

    platform: str
    fingerprints: Mapping[str, str]


def key_of(*parts: str) -> str:
    """Return the key of a group's inputs, given as text."""
    return hashlib.sha256("\0".join(parts).encode()).hexdigest()


@dataclass
class KeptInputs:
    """The key of each group's inputs now, and the key its files were last written from."""

    path: Path
    now: dict[str, str] = field(default_factory=dict)
    before: dict[str, str] = field(default_factory=dict)

    @classmethod
    def open(cls, path: Path, now: Mapping[str, str]) -> KeptInputs:
        """Read the record at `path`; `now` are this build's keys (an empty key is never kept)."""
        try:
            before = json.loads(path.read_text("utf-8"))
        except (OSError, ValueError):
            before = {}
        kept = cls(path, {k: v for k, v in now.items() if v}, before)
        if not isinstance(before, dict):
            kept.before = {}
        kept._save({name: key for name, key in kept.before.items() if kept.unchanged(name)})
        return kept

    def unchanged(self, name: str) -> bool:
        """Tell whether the group's files were written from the inputs it has now."""
        return name in self.now and self.before.get(name) == self.now[name]

    def done(self) -> None:
        """Record that every group's files are now written from its current inputs."""
        self._save(self.now)

    def _save(self, record: dict[str, str]) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        write_changed(self.path, json.dumps(record, sort_keys=True))


def agency_keys(fingerprints: Mapping[str, str], items: Iterable[Item]) -> dict[str, str]:
    """Return each agency's key: its site's fingerprint and its items that have a page.

    An agency without a fingerprint (not built by this run, or published without one of
    its pages) gets none, so its files are always written.
    """
    pages: dict[str, list[str]] = defaultdict(list)
    for item in items:
        pages[item.agency].append(item.url)
    return {
        slug: key_of(fingerprint, *sorted(pages.get(slug, ())))
        for slug, fingerprint in fingerprints.items()
        if fingerprint
    }
