"""Which items rely on which legal documents, and what changed in those documents since.

An item of a section that relies on documents (`Section.relies_on_documents`) relies on
every registered document it cites in a field of role "cited" (`can_cu`, `van_ban`) or
whose number its text mentions (the numbers the pages auto-link). When such a document
is amended, replaced, repealed (in whole or in part) or expires on or before the build's
date, what the item says may no longer be true: the item is stale until an editor checks
it and records the day (`da_ra_soat`), and again at the document's next change.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from pbgdpl.catalog.reads import Query, Reads, shown
from pbgdpl.catalog.registry import RELATIONS, LegalDocument, Registry
from pbgdpl.model.items import Item
from pbgdpl.model.numbers import NUMBER_IN_TEXT

# The relations that change what a document says: all but "guides" (hướng dẫn).
CHANGING = tuple(r for r in RELATIONS if r.ends is not None or r.attr == "amends")


@dataclass(frozen=True)
class Reliance:
    """One item relying on one registered document: in a field, or only in its text."""

    item: Item
    document: LegalDocument
    cited: bool

    @property
    def role(self) -> str:
        """Say how the item relies on it: "Văn bản căn cứ", or "Văn bản được viện dẫn"."""
        return "Văn bản căn cứ" if self.cited else "Văn bản được viện dẫn"


@dataclass(frozen=True)
class DocumentChange:
    """A change of a document on a day: amended, replaced or repealed by another, or expired."""

    document: LegalDocument
    date: dt.date
    phrase: str
    """What happened, as a sentence continues after the number: "đã bị bãi bỏ bởi"."""
    by: LegalDocument | None = None

    @property
    def text(self) -> str:
        """Say the change after the document's number: "đã bị bãi bỏ bởi 1/2025/NĐ-CP từ …"."""
        by = f" {self.by.number}" if self.by is not None else ""
        return f"{self.phrase}{by} từ {self.date:%d/%m/%Y}"


@dataclass(frozen=True)
class StaleReason:
    """Why an item may no longer be true: a document it relies on changed after its review."""

    reliance: Reliance
    change: DocumentChange

    @property
    def notice(self) -> str:
        """Return the sentence its page shows, naming what changed and when."""
        return (
            f"{self.reliance.role} {self.change.document.number} {self.change.text}; "
            "nội dung có thể không còn đúng."
        )


def document_changes(registry: Registry, document: LegalDocument) -> list[DocumentChange]:
    """Return every change of a document the registry knows, oldest first, upcoming included."""
    changes = [
        DocumentChange(document, source.effective, "đã " + relation.inverse_label.lower(), source)
        for relation, source in registry.incoming(document)
        if relation in CHANGING
    ]
    if document.expires is not None:
        changes.append(DocumentChange(document, document.expires, "đã hết hiệu lực"))
    return sorted(changes, key=lambda c: (c.date, c.by.number if c.by else ""))


class RelianceIndex:
    """The items that rely on each document, and the documents each item relies on."""

    def __init__(self, items: Iterable[Item], registry: Registry) -> None:
        self.registry = registry
        # The questions of the site being rendered, when its build records them; `stale`
        # asks through `relied_on` and the registry.
        self.reads: Reads | None = None
        self._of_item: dict[str, tuple[Reliance, ...]] = {}
        self._on_document: dict[LegalDocument, list[Reliance]] = defaultdict(list)
        for item in items:
            if not item.section.relies_on_documents:
                continue
            found = self._find(item)
            self._of_item[item.url] = found
            for reliance in found:
                self._on_document[reliance.document].append(reliance)

    def _find(self, item: Item) -> tuple[Reliance, ...]:
        found: dict[LegalDocument, Reliance] = {}
        for field in item.section.with_role("cited"):
            value = item.data.get(field.attr) or ()
            for number in (value,) if isinstance(value, str) else value:
                document = self.registry.lookup(number, item.agency)
                if document is not None and document not in found:
                    found[document] = Reliance(item, document, cited=True)
        if "/" in item.body:
            for match in NUMBER_IN_TEXT.finditer(item.body):
                document = self.registry.lookup(match.group(0), item.agency)
                if document is not None and document not in found:
                    found[document] = Reliance(item, document, cited=False)
        return tuple(found.values())

    def relied_on(self, item: Item) -> tuple[Reliance, ...]:
        """Return the documents an item relies on, cited fields first, then its text."""
        if self.reads is not None:
            self.reads.add("relied_on", item.url)
        return self._of_item.get(item.url, ())

    def relying_on(self, document: LegalDocument) -> list[Reliance]:
        """Return the items that rely on a document, newest first."""
        if self.reads is not None:
            self.reads.add("relying_on", document.item.url)
        found = self._on_document.get(document, [])
        return sorted(found, key=lambda r: (-r.item.date.toordinal(), r.item.url))

    def answer(self, query: Query) -> object:
        """Answer a recorded question again (`pbgdpl.catalog.reads`), as a page shows it."""
        kind, url = query
        if kind == "relied_on":
            return shown(self._of_item.get(url, ()))
        document = self.registry.for_url(url)
        return shown(self.relying_on(document) if document is not None else None)

    def stale(self, item: Item, as_of: dt.date) -> list[StaleReason]:
        """Return why an item may be out of date on `as_of`: changes after its last review.

        A change by a document the item itself relies on is already accounted for (an
        answer citing both the law and its amendment).
        """
        relied = self.relied_on(item)
        known = {r.document for r in relied}
        reviewed: dt.date | None = item.data.get("reviewed")
        reasons = []
        for reliance in relied:
            for change in document_changes(self.registry, reliance.document):
                if change.date > as_of or (reviewed is not None and change.date <= reviewed):
                    continue
                if change.by is not None and change.by in known:
                    continue
                reasons.append(StaleReason(reliance, change))
        return sorted(reasons, key=lambda r: (r.change.date, r.change.document.number))
