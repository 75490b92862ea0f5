"""Publishing controls in front matter: drafts, scheduled items, withdrawals and redirects.

Times are Vietnam's wall-clock time (Asia/Ho_Chi_Minh, no daylight saving), kept as
naive datetimes. A build shows the portal as it stands at one moment:

* `--as-of YYYY-MM-DDTHH:MM` is that moment;
* `--as-of YYYY-MM-DD` is the end of that day (23:59), so an item scheduled at any time
  of that day is in the build: the date-only form previews a day's portal;
* without `--as-of`, the moment is now, so a deployment never publishes early.

An item is in the catalog when it is not a draft and its `publish_at` (if any) is at or
before the moment. A withdrawal takes effect on its date: before that date the item is
listed as usual.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from collections.abc import Iterable
from zoneinfo import ZoneInfo

from pbgdpl.diagnostics import Diagnostic, Severity
from pbgdpl.model.fields import Withdrawal
from pbgdpl.model.items import Item
from pbgdpl.model.sections import SECTIONS_BY_SLUG

VIETNAM = ZoneInfo("Asia/Ho_Chi_Minh")
LISTING_PAGE = re.compile(r"^trang-\d+$")


def now_in_vietnam() -> dt.datetime:
    """Return the current minute in Vietnam, as a naive wall-clock datetime."""
    return dt.datetime.now(VIETNAM).replace(tzinfo=None, second=0, microsecond=0)


def parse_as_of(text: str) -> dt.date:
    """Read a build's as-of: `YYYY-MM-DD` gives a date, `YYYY-MM-DDTHH:MM` a datetime."""
    text = text.strip()
    if "T" in text or " " in text:
        moment = dt.datetime.fromisoformat(text.replace(" ", "T"))
        if moment.tzinfo is not None:
            moment = moment.astimezone(VIETNAM).replace(tzinfo=None)
        return moment.replace(second=0, microsecond=0)
    return dt.date.fromisoformat(text)


def publication_moment(as_of: dt.date | None) -> dt.datetime:
    """Return the moment a build as of `as_of` shows: see the module's docstring."""
    if as_of is None:
        return now_in_vietnam()
    if isinstance(as_of, dt.datetime):
        return as_of
    return dt.datetime.combine(as_of, dt.time(23, 59))


def is_live(data: dict, moment: dt.datetime) -> bool:
    """Tell whether an item with front matter `data` (by English name) is out at `moment`."""
    if data.get("draft"):
        return False
    publish_at: dt.datetime | None = data.get("publish_at")
    return publish_at is None or publish_at <= moment


def withdrawal(item: Item) -> Withdrawal | None:
    """Return the item's withdrawal if the catalog keeps one, else None."""
    return item.data.get("withdrawn")


def published_items(items: Iterable[Item], moment: dt.datetime) -> list[Item]:
    """Return the items out at `moment`; a withdrawal dated later is dropped until its day."""
    published = []
    for item in items:
        if not is_live(item.data, moment):
            continue
        withdrawn = withdrawal(item)
        if withdrawn is not None and withdrawn.date > moment.date():
            data = {k: v for k, v in item.data.items() if k != "withdrawn"}
            item = dataclasses.replace(item, data=data)
        published.append(item)
    return published


def _reserved(path: str) -> bool:
    """Tell whether a portal path is one the build writes itself: a section listing page."""
    parts = path.strip("/").split("/")
    if len(parts) >= 2 and parts[1] == "pagefind":
        return True
    return (
        len(parts) in (2, 3)
        and parts[1] in SECTIONS_BY_SLUG
        and (len(parts) == 2 or bool(LISTING_PAGE.match(parts[2])))
    )


def check_redirects(items: Iterable[Item]) -> list[Diagnostic]:
    """Check every `redirect_from`: inside the item's own site, and taken by nothing else."""
    items = list(items)
    urls = {item.url: item for item in items}
    claimed: dict[str, Item] = {}
    problems = []

    def error(item: Item, code: str, message: str) -> None:
        problems.append(Diagnostic(item.path, 1, code, Severity.ERROR, message))

    for item in items:
        for path in item.data.get("redirect_from", ()):
            if path.split("/")[0] != item.agency:
                error(
                    item,
                    "redirect-outside-agency",
                    f'Địa chỉ cũ "{path}" trong "redirect_from" phải thuộc trang của đơn vị '
                    f'mình, tức bắt đầu bằng "{item.agency}/".',
                )
            elif path == item.url:
                error(
                    item,
                    "redirect-to-itself",
                    f'Địa chỉ cũ "{path}" chính là địa chỉ hiện tại của bài; xóa dòng này '
                    'khỏi "redirect_from".',
                )
            elif path in urls:
                error(
                    item,
                    "redirect-conflict",
                    f'Địa chỉ cũ "{path}" đang là địa chỉ của bài {urls[path].path}; '
                    "không thể chuyển hướng một địa chỉ còn đang dùng.",
                )
            elif _reserved(path):
                error(
                    item,
                    "redirect-conflict",
                    f'Địa chỉ "{path}" là trang danh sách của chuyên mục, không thể dùng làm '
                    "địa chỉ cũ của bài.",
                )
            elif claimed.setdefault(path, item) is not item:
                error(
                    item,
                    "duplicate-redirect",
                    f'Địa chỉ cũ "{path}" đã được bài {claimed[path].path} nhận chuyển hướng; '
                    "mỗi địa chỉ cũ chỉ chuyển về một bài.",
                )
    return problems
