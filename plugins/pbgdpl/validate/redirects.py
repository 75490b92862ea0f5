"""Redirects: every `redirect_from` stays inside its agency's site and is taken only once."""

from __future__ import annotations

import re
from collections.abc import Iterable

from pbgdpl.model.diagnostics import Diagnostic, Severity
from pbgdpl.model.items import Item
from pbgdpl.model.sections import SECTIONS_BY_SLUG

LISTING_PAGE = re.compile(r"^trang-\d+$")


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
