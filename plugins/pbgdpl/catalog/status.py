"""A document's legal status (tình trạng hiệu lực) on a given date."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from enum import StrEnum


class Status(StrEnum):
    """The four statuses vbpl.vn shows; the value is a stable slug for filters and CSS."""

    NOT_YET_IN_FORCE = "chua-co-hieu-luc"
    IN_FORCE = "con-hieu-luc"
    PARTLY_EXPIRED = "het-hieu-luc-mot-phan"
    EXPIRED = "het-hieu-luc-toan-bo"

    @property
    def label(self) -> str:
        """Return the status as a reader sees it: "Còn hiệu lực" …"""
        return LABELS[self]


LABELS = {
    Status.NOT_YET_IN_FORCE: "Chưa có hiệu lực",
    Status.IN_FORCE: "Còn hiệu lực",
    Status.PARTLY_EXPIRED: "Hết hiệu lực một phần",
    Status.EXPIRED: "Hết hiệu lực toàn bộ",
}


def status_on(
    as_of: dt.date,
    effective: dt.date,
    expires: dt.date | None = None,
    ended_by: Iterable[dt.date] = (),
    partly_ended_by: Iterable[dt.date] = (),
) -> Status:
    """Return a document's status on `as_of`.

    `expires` is the first day without effect (ngày hết hiệu lực); `ended_by` are the
    dates of effect of the documents that replace or repeal it, `partly_ended_by`
    those of the documents that repeal part of it: each takes effect on that day.
    """
    if as_of < effective:
        return Status.NOT_YET_IN_FORCE
    ends = [d for d in (expires, *ended_by) if d is not None]
    if any(d <= as_of for d in ends):
        return Status.EXPIRED
    if any(d <= as_of for d in partly_ended_by):
        return Status.PARTLY_EXPIRED
    return Status.IN_FORCE


def status_phrase(status: Status, as_of: dt.date) -> str:
    """Say a status with the date it holds on, so that a stale page is never silently wrong."""
    return f"{status.label} (tính đến ngày {as_of:%d/%m/%Y})"
