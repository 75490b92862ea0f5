"""Portal settings: the portal's name, operator, contacts and roles (content/portal.yml)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import ClassVar

from pbgdpl.model.fields import Contacts, Field, Logins, Text


@dataclass(frozen=True)
class PortalSettings:
    """Settings of the whole portal, kept by the editorial board."""

    FIELDS: ClassVar[tuple[Field, ...]] = (
        Text("name", "name", "Tên cổng", required=True, max_length=200),
        Text("short_name", "short_name", "Tên viết tắt", required=True, max_length=60),
        Text("operator", "operator", "Cơ quan chủ quản", required=True, max_length=300),
        Contacts("contacts", "contacts", "Thông tin liên hệ", required=True),
        Logins("editorial_board", "editorial_board", "Ban Biên tập", required=True),
        Logins("maintainers", "maintainers", "Nhóm kỹ thuật", required=True),
    )

    name: str
    short_name: str
    operator: str
    contacts: dict[str, str] = field(default_factory=dict)
    editorial_board: tuple[str, ...] = ()
    maintainers: tuple[str, ...] = ()
