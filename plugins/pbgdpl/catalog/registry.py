"""The registry of legal documents: every `van-ban-moi` item of every site, by its number.

A central issuer's number names one document in the whole country; a province's
(`18/KH-UBND`) is unique only within that province, so it is looked up only from the
site that registered it.

A number belongs to one agency's page. The agency whose name is the issuer owns it (the
Ministry of Justice its circulars); otherwise the agency that published it first, by Git
history (`seniority`). A later page with the same number is a duplicate, reported on the
later page, and never evicts the owner's. A relation from one agency's document to another
agency's that ends its effect (replaces, repeals) holds only when both have the same
issuer; otherwise it is refused (`refused`) and reported, so a province's decision cannot
repeal a ministry's law. Amending and guiding relations leave the target in force and hold.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from functools import cached_property

from pbgdpl.catalog.reads import ALL, Query, Reads, shown, shown_fields
from pbgdpl.catalog.status import Status, status_on
from pbgdpl.loading.history import History
from pbgdpl.model.items import Item
from pbgdpl.model.numbers import NumberParts, NumberRules, load_number_rules, one_edit, parse_number


@dataclass(frozen=True)
class Relation:
    """A relation between two documents, named from each end."""

    attr: str
    label: str
    inverse_label: str
    history_label: str
    ends: str | None = None
    """"whole" or "part" when the relation ends the target's effect, in whole or in part."""


RELATIONS: tuple[Relation, ...] = (
    Relation(
        "amends", "Sửa đổi, bổ sung", "Được sửa đổi, bổ sung bởi", "Được sửa đổi, bổ sung bởi"
    ),
    Relation(
        "replaces",
        "Thay thế",
        "Bị thay thế bởi",
        "Hết hiệu lực toàn bộ, bị thay thế bởi",
        ends="whole",
    ),
    Relation(
        "repeals", "Bãi bỏ", "Bị bãi bỏ bởi", "Hết hiệu lực toàn bộ, bị bãi bỏ bởi", ends="whole"
    ),
    Relation(
        "repeals_in_part",
        "Bãi bỏ một phần",
        "Bị bãi bỏ một phần bởi",
        "Hết hiệu lực một phần, bị bãi bỏ một phần bởi",
        ends="part",
    ),
    Relation(
        "guides",
        "Hướng dẫn, quy định chi tiết",
        "Được hướng dẫn, quy định chi tiết bởi",
        "Được hướng dẫn, quy định chi tiết bởi",
    ),
)


@dataclass(frozen=True, eq=False)
class LegalDocument:
    """A registered document: its page (an item) and its parsed number."""

    item: Item
    parts: NumberParts
    local: bool

    @cached_property
    def printed(self) -> str:
        """Hash what a page may print of the document (`reads.shown`), once per catalog."""
        return hashlib.sha256(repr(shown_fields(self)).encode()).hexdigest()

    @property
    def number(self) -> str:
        """Return the number as the editor wrote it."""
        return str(self.item.data["number"])

    @property
    def kind(self) -> str:
        """Return the kind of document (loại văn bản)."""
        return str(self.item.data["doc_type"])

    @property
    def issuer(self) -> str:
        """Return the issuing body (cơ quan ban hành)."""
        return str(self.item.data["issuer"])

    @property
    def issued(self) -> dt.date:
        """Return the date of issue."""
        return self.item.data["issued"]  # type: ignore[no-any-return]

    @property
    def effective(self) -> dt.date:
        """Return the date it takes effect."""
        return self.item.data["effective"]  # type: ignore[no-any-return]

    @property
    def expires(self) -> dt.date | None:
        """Return the first day it has no effect, when the document sets one."""
        return self.item.data.get("expires")

    @property
    def name(self) -> str:
        """Return how text names it: "Luật 31/2024/QH15"."""
        return f"{self.kind} {self.number}"

    @property
    def url(self) -> str:
        """Return the URL of its page, relative to the portal root."""
        return self.item.url

    def targets(self, relation: Relation) -> tuple[str, ...]:
        """Return the numbers this document names in one of its relations."""
        return tuple(self.item.data.get(relation.attr, ()))


@dataclass(frozen=True)
class RelatedDocument:
    """One end of a relation: the number written, and the document when it is registered."""

    number: str
    document: LegalDocument | None


@dataclass(frozen=True)
class RelationGroup:
    """The documents related to one document in one way, such as "Bị thay thế bởi"."""

    label: str
    entries: tuple[RelatedDocument, ...]


@dataclass(frozen=True)
class HistoryEvent:
    """One step of a document's history: what happened on which day, and by which document."""

    date: dt.date
    label: str
    document: LegalDocument | None = None
    upcoming: bool = False


Seniority = Callable[[Item], tuple[object, ...]]


def seniority(history: History, issuers: Mapping[str, str]) -> Seniority:
    """Order a number's pages: the issuer's own agency first, then the first published.

    `issuers` maps an agency's name to its slug; the first publication is the file's
    oldest commit, in the log's order. A file Git does not know yet (not committed) comes
    after those it knows; without any history, the item's date decides.
    """

    def key(item: Item) -> tuple[object, ...]:
        changes = history.files.get(item.path, ())
        own = issuers.get(str(item.data.get("issuer"))) == item.agency
        if changes:  # the file's oldest commit, by the log's order (dates can be set at will)
            return (not own, False, -changes[-1].age, item.path)
        return (not own, bool(history.files), item.date, item.path)

    return key


def _crosses_agencies(relation: Relation, source: LegalDocument, target: LegalDocument) -> bool:
    """Tell whether `source` may not show `relation` on another agency's `target` page.

    Within one agency, and between documents of one issuer, every relation holds. Across
    agencies, a relation that leaves the target in force (amends, guides: a province's plan
    implements a decree) holds too; one that ends its effect (replaces, repeals) would change
    another agency's legal status, so only the target's own issuer may write it.
    """
    if target.item.agency == source.item.agency or target.issuer == source.issuer:
        return False
    return relation.ends is not None


@dataclass(frozen=True)
class RefusedRelation:
    """A relation to another agency's document by a document of another issuer."""

    source: LegalDocument
    relation: Relation
    target: LegalDocument


class Registry:
    """Every registered document, looked up by number, with relations in both directions."""

    def __init__(
        self,
        items: Iterable[Item],
        rules: NumberRules | None = None,
        order: Seniority | None = None,
    ) -> None:
        self.rules = rules or load_number_rules()
        # The questions of the site being rendered, when its build records them.
        self.reads: Reads | None = None
        self._documents: list[LegalDocument] = []
        self.duplicates: list[tuple[LegalDocument, LegalDocument]] = []
        self.refused: list[RefusedRelation] = []
        self._by_key: dict[str, list[LegalDocument]] = defaultdict(list)
        # Near misses differ in the serial (same year) or in the year (same serial).
        self._by_year: dict[tuple[tuple[str, ...], int | None], list[LegalDocument]] = defaultdict(
            list
        )
        self._by_serial: dict[tuple[tuple[str, ...], str], list[LegalDocument]] = defaultdict(list)
        self._by_url: dict[str, LegalDocument] = {}
        documents = [i for i in items if i.section.registers_documents and "number" in i.data]
        # Without an order, the earlier date first; ties keep the order given (stable sort).
        for item in sorted(documents, key=order or (lambda i: (i.date,))):
            self._add(item)
        self._incoming: dict[LegalDocument, list[tuple[Relation, LegalDocument]]] = defaultdict(
            list
        )
        for source in self._documents:
            for relation in RELATIONS:
                for number in source.targets(relation):
                    target = self.lookup(number, source.item.agency)
                    if target is None or target is source:
                        continue
                    if _crosses_agencies(relation, source, target):
                        self.refused.append(RefusedRelation(source, relation, target))
                    else:
                        self._incoming[target].append((relation, source))

    def _add(self, item: Item) -> None:
        parts = parse_number(item.data["number"])
        if parts is None:
            return
        document = LegalDocument(item, parts, self.rules.is_provincial(item.data["issuer"]))
        for other in self._by_key[parts.key]:
            if other.local == document.local and (
                not document.local or other.issuer == document.issuer
            ):
                self.duplicates.append((document, other))
                return
        self._documents.append(document)
        self._by_key[parts.key].append(document)
        self._by_year[parts.folded_codes, parts.year].append(document)
        self._by_serial[parts.folded_codes, parts.serial.lower()].append(document)
        self._by_url[item.url] = document

    @property
    def documents(self) -> list[LegalDocument]:
        """Return every registered document, in the order they were registered."""
        self._ask(*ALL)
        return self._documents

    def posted_by(self, agency: str) -> list[LegalDocument]:
        """Return the documents one agency's site registers, in the order they were registered."""
        self._ask("posted_by", agency)
        return [d for d in self._documents if d.item.agency == agency]

    def _ask(self, *query: str) -> None:
        if self.reads is not None:
            self.reads.add(*query)

    @staticmethod
    def _visible(document: LegalDocument, site: str) -> bool:
        return not document.local or document.item.agency == site

    def lookup(self, number: str, site: str = "") -> LegalDocument | None:
        """Find the registered document with this number, as seen from `site`.

        `ND`/`NĐ` and upper or lower case are alike. A province's number is found only
        from that province's own site; `site` is "" for the national portal.
        """
        self._ask("lookup", number, site)
        parts = parse_number(number)
        if parts is None:
            return None
        for document in self._by_key.get(parts.key, ()):
            if self._visible(document, site):
                return document
        return None

    def for_item(self, item: Item) -> LegalDocument | None:
        """Return the registered document an item is the page of."""
        self._ask("document_of", item.url)
        return self._by_url.get(item.url)

    def for_url(self, url: str) -> LegalDocument | None:
        """Return the registered document whose page is at `url`, without recording it."""
        return self._by_url.get(url)

    def near_misses(self, parts: NumberParts, site: str) -> list[tuple[LegalDocument, str]]:
        """Return the documents one keystroke away from `parts`, with the kind of slip.

        Only documents of the same kind and issuer (the same codes) are compared.
        """
        self._ask(*ALL)
        candidates = {
            id(d): d
            for d in (
                *self._by_year.get((parts.folded_codes, parts.year), ()),
                *self._by_serial.get((parts.folded_codes, parts.serial.lower()), ()),
            )
        }
        found = []
        for document in candidates.values():
            slip = one_edit(parts.head, document.parts.head)
            if slip and self._visible(document, site):
                found.append((document, slip))
        return found

    def incoming(self, document: LegalDocument) -> list[tuple[Relation, LegalDocument]]:
        """Return the registered documents that name this one, with how they relate."""
        self._ask("incoming", document.item.url)
        return list(self._incoming.get(document, ()))

    def status(
        self, document: LegalDocument | str, as_of: dt.date, site: str = ""
    ) -> Status | None:
        """Return a document's status on `as_of`; None for a number that is not registered.

        A document replaced or repealed by a registered document has no effect from the
        day that document takes effect; repealed in part, it has partly lost effect.
        """
        found = self.lookup(document, site) if isinstance(document, str) else document
        return self.status_of(found, as_of) if found is not None else None

    def status_of(self, document: LegalDocument, as_of: dt.date) -> Status:
        """Return the status on `as_of` of a registered document."""
        self._ask("status", document.item.url, as_of.isoformat())
        sources = self._incoming.get(document, ())
        return status_on(
            as_of,
            document.effective,
            document.expires,
            ended_by=[s.effective for r, s in sources if r.ends == "whole"],
            partly_ended_by=[s.effective for r, s in sources if r.ends == "part"],
        )

    def relations(self, document: LegalDocument) -> list[RelationGroup]:
        """Return the document's relations both ways: what it changes, then what changes it."""
        self._ask("relations", document.item.url)
        groups = []
        for relation in RELATIONS:
            numbers = document.targets(relation)
            if numbers:
                groups.append(
                    RelationGroup(
                        relation.label,
                        tuple(
                            RelatedDocument(n, self.lookup(n, document.item.agency))
                            for n in numbers
                        ),
                    )
                )
        incoming = self._incoming.get(document, ())
        for relation in RELATIONS:
            sources = sorted(
                (s for r, s in incoming if r is relation), key=lambda s: (s.effective, s.number)
            )
            if sources:
                groups.append(
                    RelationGroup(
                        relation.inverse_label, tuple(RelatedDocument(s.number, s) for s in sources)
                    )
                )
        return groups

    def history(self, document: LegalDocument, as_of: dt.date) -> list[HistoryEvent]:
        """Return the document's history, oldest first; events after `as_of` are upcoming."""
        self._ask("history", document.item.url, as_of.isoformat())
        events: list[tuple[dt.date, int, str, LegalDocument | None]] = [
            (document.issued, 0, "Ban hành", None),
            (document.effective, 1, "Có hiệu lực", None),
        ]
        for relation, source in self._incoming.get(document, ()):
            events.append((source.effective, 2, relation.history_label, source))
        if document.expires:
            events.append((document.expires, 3, "Hết hiệu lực toàn bộ", None))
        events.sort(key=lambda e: (e[0], e[1], e[3].number if e[3] else ""))
        return [
            HistoryEvent(date, label, source, date > as_of) for date, _, label, source in events
        ]

    def answer(self, query: Query) -> object:
        """Answer a recorded question again (`pbgdpl.catalog.reads`), as a page shows it."""
        kind, *arguments = query
        if kind == "lookup":
            return shown(self.lookup(*arguments))
        if kind == "all":
            return shown(self._documents)
        if kind == "posted_by":
            return shown(self.posted_by(*arguments))
        document = self._by_url.get(arguments[0])
        if kind == "document_of" or document is None:
            return shown(document)
        if kind == "incoming":
            return shown(self.incoming(document))
        if kind == "relations":
            return shown(self.relations(document))
        as_of = dt.date.fromisoformat(arguments[1])
        if kind == "status":
            return shown(self.status_of(document, as_of))
        if kind == "history":
            return shown(self.history(document, as_of))
        raise ValueError(f"not a question of the registry: {query!r}")
