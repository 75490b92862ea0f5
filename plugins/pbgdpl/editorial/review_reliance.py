"""The items a pull request may make stale: those relying on a document whose status it changes.

A change to a legal document's dates of effect, or to what it amends, replaces or repeals,
changes the status of that document or of the documents it names. The board then sees,
for each such document, every item across the portal that relies on it (in `can_cu`,
`van_ban` or its text), so their editors can be asked to review them.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from pbgdpl.catalog.publication import live_items
from pbgdpl.catalog.registry import Registry
from pbgdpl.catalog.reliance import CHANGING, RelianceIndex
from pbgdpl.model.items import Item
from pbgdpl.model.moment import BuildMoment
from pbgdpl.model.sections import LEGAL_DOCUMENTS

if TYPE_CHECKING:
    from pbgdpl.editorial.review import FileReview
    from pbgdpl.loading.portal import Portal

# Keys of a document's own dates, and of the relations that change what they name.
DATE_KEYS = frozenset(LEGAL_DOCUMENTS.field(a).key for a in ("effective", "expires"))
RELATION_KEYS = frozenset(LEGAL_DOCUMENTS.field(r.attr).key for r in CHANGING)
NUMBER_KEY = LEGAL_DOCUMENTS.field("number").key


@dataclass(frozen=True)
class StatusChange:
    """A document whose status the change touches, the file that touches it, and who relies."""

    number: str
    path: str
    relying: tuple[Item, ...]


def _numbers(value: Any) -> set[str]:
    if isinstance(value, str):
        return {value}
    return {str(v) for v in value} if isinstance(value, tuple | list) else set()


def _touched(review: FileReview, registry: Registry) -> list[str]:
    """Return the numbers whose status one changed document file may change, in order."""
    changes = {c.key: c for c in review.fields}
    document = next((d for d in registry.documents if d.item.path == review.change.new_path), None)
    if document is not None:
        number: str | None = document.number
    else:
        own = changes.get(NUMBER_KEY)
        number = str(own.old) if own is not None and own.old else None
    numbers: list[str] = []
    if number and DATE_KEYS & changes.keys():
        # A new document had no status before; what it names may change all the same.
        if review.change.change != "added":
            numbers.append(number)
        if document is not None:
            numbers += [n for r in CHANGING for n in document.targets(r)]
    for key in sorted(RELATION_KEYS & changes.keys()):
        numbers += sorted(_numbers(changes[key].old) ^ _numbers(changes[key].new))
    return list(dict.fromkeys(numbers))


def status_changes(files: Iterable[FileReview], portal: Portal) -> list[StatusChange]:
    """Return each document whose status the changed files touch, with the items relying on it."""
    if portal.settings is None:
        return []
    items = live_items(portal.items, BuildMoment.now())
    registry = Registry(items)
    reliance = RelianceIndex(items, registry)
    found: dict[str, StatusChange] = {}
    for review in files:
        if review.section != LEGAL_DOCUMENTS.slug or not review.fields:
            continue
        for number in _touched(review, registry):
            document = registry.lookup(number, review.agency or "")
            if document is None or document.number in found:
                continue
            relying = tuple(r.item for r in reliance.relying_on(document))
            found[document.number] = StatusChange(document.number, review.change.path, relying)
    return list(found.values())
