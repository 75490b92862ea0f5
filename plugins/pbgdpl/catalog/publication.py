"""Publication rules: which items are out at a build's moment (drafts, schedules, withdrawals).

An item is in the catalog when it is not a draft and its `publish_at` (if any) is at or
before the moment (see pbgdpl.model.moment). A withdrawal takes effect on its date:
before that date the item is listed as usual.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Iterable
from typing import Any

from pbgdpl.model.fields import Withdrawal
from pbgdpl.model.items import Item
from pbgdpl.model.moment import BuildMoment


def is_live(data: dict[str, Any], moment: BuildMoment) -> bool:
    """Tell whether an item with front matter `data` (by English name) is out at `moment`."""
    if data.get("draft"):
        return False
    publish_at: dt.datetime | None = data.get("publish_at")
    return publish_at is None or publish_at <= moment.at


def withdrawal(item: Item) -> Withdrawal | None:
    """Return the item's withdrawal if the catalog keeps one, else None."""
    return item.data.get("withdrawn")


def live_items(items: Iterable[Item], moment: BuildMoment) -> list[Item]:
    """Return the items out at `moment`; a withdrawal dated later is dropped until its day."""
    published = []
    for item in items:
        if not is_live(item.data, moment):
            continue
        withdrawn = withdrawal(item)
        if withdrawn is not None and withdrawn.date > moment.date:
            data = {k: v for k, v in item.data.items() if k != "withdrawn"}
            item = dataclasses.replace(item, data=data)
        published.append(item)
    return published
