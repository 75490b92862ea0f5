"""How a change takes a published page down without deleting its file.

Deleting a published page is caught as a removal; the same page also disappears when an
editor marks it a draft, moves its `publish_at` into the future, or withdraws it. Each
needs the board's decision as much as a deletion does.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from pbgdpl.model.fields import Withdrawal


def is_published(values: dict[str, Any], moment: dt.datetime) -> bool:
    """Tell whether an item with this front matter (by key, parsed) is out at `moment`."""
    if not values.get("title") or values.get("draft") is True:
        return False
    publish_at = values.get("publish_at")
    return not isinstance(publish_at, dt.datetime) or publish_at <= moment


def how_unpublished(old: dict[str, Any], new: dict[str, Any], moment: dt.datetime) -> str | None:
    """Say how a change takes down a page that was out at `moment`; None if it does not."""
    if not is_published(old, moment):
        return None
    if new.get("draft") is True:
        return "đặt lại thành bản nháp (draft: true)"
    publish_at = new.get("publish_at")
    if isinstance(publish_at, dt.datetime) and publish_at > moment:
        return f"dời giờ đăng sang {publish_at:%d/%m/%Y %H:%M} (publish_at)"
    withdrawn = new.get("withdrawn")
    if isinstance(withdrawn, Withdrawal) and withdrawn != old.get("withdrawn"):
        return f"thôi đăng từ ngày {withdrawn.date:%d/%m/%Y} (withdrawn)"
    return None
