"""Items to review (cần rà soát): a document they rely on changed, or their review date passed.

Each section may have a review period in portal.yml (`review_after_months`): an item is
due that many months after its date or its last review (`da_ra_soat`), unless it sets its
own review date (`han_ra_soat`). The follow-up lists each agency's items to review, the
oldest first, in `audit` and on the dashboard.
"""

from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass

from pbgdpl.catalog import Catalog
from pbgdpl.model.items import Item
from pbgdpl.model.settings import PortalSettings

LABEL = "cần rà soát"


@dataclass(frozen=True)
class ItemToReview:
    """An item an editor should check again: since when, and why, in Vietnamese."""

    item: Item
    since: dt.date
    reasons: tuple[str, ...]


def add_months(day: dt.date, months: int) -> dt.date:
    """Return the same day `months` later; the month's last day when it is shorter (31/1 → 28/2)."""
    month = day.month - 1 + months
    year, month = day.year + month // 12, month % 12 + 1
    return day.replace(
        year=year, month=month, day=min(day.day, calendar.monthrange(year, month)[1])
    )


def review_due(item: Item, settings: PortalSettings) -> dt.date | None:
    """Return the day an item is due for review, or None when it has no review date.

    Its own `han_ra_soat` counts until a review on or after that day; then, as without
    one, the section's period runs from the later of its date and its last review.
    """
    reviewed: dt.date | None = item.data.get("reviewed")
    own: dt.date | None = item.data.get("review_by")
    if own is not None and (reviewed is None or reviewed < own):
        return own
    months = settings.review_after_months.get(item.section_slug)
    if months is None:
        return None
    return add_months(max(item.date, reviewed or item.date), months)


def to_review(catalog: Catalog, item: Item, as_of: dt.date) -> ItemToReview | None:
    """Return why an item needs review on `as_of`, or None when it does not."""
    reasons: list[tuple[dt.date, str]] = [
        (r.change.date, r.notice) for r in catalog.reliance.stale(item, as_of)
    ]
    due = review_due(item, catalog.settings)
    if due is not None and due < as_of:
        reasons.append((due, f"Đã quá hạn rà soát từ ngày {due:%d/%m/%Y}."))
    if not reasons:
        return None
    return ItemToReview(item, min(d for d, _ in reasons), tuple(text for _, text in reasons))


def items_to_review(catalog: Catalog, agency: str, as_of: dt.date) -> tuple[ItemToReview, ...]:
    """Return an agency's listed items that need review on `as_of`, the oldest first."""
    found = [
        found
        for item in catalog.items(agency)
        if item.date <= as_of and (found := to_review(catalog, item, as_of)) is not None
    ]
    return tuple(sorted(found, key=lambda r: (r.since, r.item.url)))
