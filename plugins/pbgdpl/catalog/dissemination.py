"""Dissemination coverage: did the agency that posts a document explain it in time?

The body that issues a document must disseminate it (the draft law on dissemination), and
letters 2500 and 2610/BTP-PBGDPL ask the Ministry to follow that up. Here it is measured:
for each legal document an agency site posts, the items of that same site that
disseminate (`Section.disseminates`: explainers, answers, materials) and rely on it, and
whether the first came within `dissemination_days` (portal.yml) of the later of its
date of issue and its date of effect.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum
from typing import TYPE_CHECKING

from pbgdpl.catalog.registry import LegalDocument
from pbgdpl.model.items import Item

if TYPE_CHECKING:
    from pbgdpl.catalog import Catalog


class Coverage(StrEnum):
    """Whether a document was disseminated in time; the value is a stable slug."""

    ON_TIME = "dung-han"
    LATE = "tre-han"
    MISSING = "chua-pho-bien"
    PENDING = "trong-han"

    @property
    def label(self) -> str:
        """Return the state as the dashboard and the document's page say it."""
        return COVERAGE_LABELS[self]


COVERAGE_LABELS = {
    Coverage.ON_TIME: "Đã phổ biến đúng hạn",
    Coverage.LATE: "Phổ biến trễ hạn",
    Coverage.MISSING: "Chưa phổ biến, đã quá hạn",
    Coverage.PENDING: "Chưa phổ biến, còn trong hạn",
}


@dataclass(frozen=True)
class DocumentCoverage:
    """One document's dissemination by the site that posts it, on the build's date."""

    document: LegalDocument
    deadline: dt.date
    items: tuple[Item, ...]
    """The site's items disseminating it, published by the build's date, oldest first."""
    state: Coverage

    @property
    def agency(self) -> str:
        """Return the site that posts the document, and so must disseminate it."""
        return self.document.item.agency


def coverage_of(catalog: Catalog, document: LegalDocument, as_of: dt.date) -> DocumentCoverage:
    """Return how the site posting `document` disseminated it, as of `as_of`."""
    start = max(document.issued, document.effective)
    deadline = start + dt.timedelta(days=catalog.settings.dissemination_days)
    items = sorted(
        (
            r.item
            for r in catalog.reliance.relying_on(document)
            if r.item.section.disseminates
            and r.item.agency == document.item.agency
            and r.item.date <= as_of
            and "withdrawn" not in r.item.data
        ),
        key=lambda i: (i.date, i.url),
    )
    if items and items[0].date <= deadline:
        state = Coverage.ON_TIME
    elif items:
        state = Coverage.LATE
    else:
        state = Coverage.MISSING if as_of > deadline else Coverage.PENDING
    return DocumentCoverage(document, deadline, tuple(items), state)


def agency_coverage(catalog: Catalog, agency: str, as_of: dt.date) -> tuple[DocumentCoverage, ...]:
    """Return the coverage of every listed document an agency posts, the earliest deadline first."""
    found = [
        coverage_of(catalog, d, as_of)
        for d in catalog.registry.posted_by(agency)
        if d.issued <= as_of and "withdrawn" not in d.item.data
    ]
    return tuple(sorted(found, key=lambda c: (c.deadline, c.document.number)))
