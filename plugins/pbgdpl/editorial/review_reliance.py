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
    from pbgdpl.loading.portal import Portal

# Keys of a document's own dates, and of the relations that change what they name.
DATE_KEYS = frozenset(LEGAL_DOCUMENTS.field(a).key for a in ("effective", "expires"))
RELATION_KEYS = frozenset(LEGAL_DOCUMENTS.field(r.attr).key for r in CHANGING)
NUMBER_KEY = LEGAL_DOCUMENTS.field("number").key


@dataclass(frozen=True)
class DocumentEdit:
    """A changed legal document file as the review saw it: its values before and after, by key."""

    path: str
    agency: str
    added: bool
    changes: dict[str, tuple[Any, Any]]


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


def _touched(edit: DocumentEdit, registry: Registry) -> list[str]:
    """Return the numbers whose status one changed document file may change, in order."""
    document = next((d for d in registry.documents if d.item.path == edit.path), None)
    if document is not None:
        number: str | None = document.number
    else:
        old = edit.changes.get(NUMBER_KEY, (None, None))[0]
        number = str(old) if old else None
    numbers: list[str] = []
    if number and DATE_KEYS & edit.changes.keys():
        # A new document had no status before; what it names may change all the same.
        if not edit.added:
            numbers.append(number)
        if document is not None:
            numbers += [n for r in CHANGING for n in document.targets(r)]
    for key in sorted(RELATION_KEYS & edit.changes.keys()):
        old, new = edit.changes[key]
        numbers += sorted(_numbers(old) ^ _numbers(new))
    return list(dict.fromkeys(numbers))


def status_changes(edits: Iterable[DocumentEdit], portal: Portal) -> list[StatusChange]:
    """Return each document whose status the edits touch, with the items relying on it."""
    if portal.settings is None:
        return []
    items = live_items(portal.items, BuildMoment.now())
    registry = Registry(items)
    reliance = RelianceIndex(items, registry)
    found: dict[str, StatusChange] = {}
    for edit in edits:
        for number in _touched(edit, registry):
            document = registry.lookup(number, edit.agency)
            if document is None or document.number in found:
                continue
            relying = tuple(r.item for r in reliance.relying_on(document))
            found[document.number] = StatusChange(document.number, edit.path, relying)
    return list(found.values())
