"""An agency's component site, as described by its agency.yml."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, ClassVar

from pbgdpl.model.fields import Contacts, Field, FieldError, Logins, Text
from pbgdpl.model.sections import SECTIONS, SECTIONS_BY_SLUG
from pbgdpl.model.vocabularies import Vocabularies

KIND_LABELS = {
    "ministry": "Bộ, cơ quan ngang bộ",
    "sector": "Ngành",
    "organisation": "Đoàn thể, tổ chức",
    "province": "Tỉnh, thành phố",
}


@dataclass(frozen=True)
class Kind(Field):
    """The kind of an agency: ministry, sector, organisation or province."""

    def parse(self, value: Any, vocabularies: Vocabularies) -> str:
        if value not in KIND_LABELS:
            raise FieldError(
                "value-not-allowed",
                f'Trường "{self.key}" ({self.label}) không nhận giá trị "{value}". '
                "Chọn một trong: " + ", ".join(f'"{k}"' for k in KIND_LABELS) + ".",
            )
        return str(value)

    def describe(self, vocabularies: Vocabularies) -> dict[str, Any]:
        return {"type": "string", "enum": list(KIND_LABELS)}


@dataclass(frozen=True)
class SectionList(Field):
    """The sections an agency keeps, by folder name."""

    def parse(self, value: Any, vocabularies: Vocabularies) -> tuple[str, ...]:
        if not isinstance(value, list) or not value:
            raise FieldError(
                "wrong-type",
                f'Trường "{self.key}" ({self.label}) phải là danh sách chuyên mục, '
                "ví dụ [van-ban-moi, hoi-dap, tin-tuc].",
            )
        for slug in value:
            if slug not in SECTIONS_BY_SLUG:
                raise FieldError(
                    "unknown-section",
                    f'Chuyên mục "{slug}" không tồn tại. Các chuyên mục hợp lệ: '
                    + ", ".join(s.slug for s in SECTIONS)
                    + ".",
                )
        # Keep the portal's order, so every site lists its sections the same way.
        return tuple(s.slug for s in SECTIONS if s.slug in value)

    def describe(self, vocabularies: Vocabularies) -> dict[str, Any]:
        return {
            "type": "array",
            "minItems": 1,
            "uniqueItems": True,
            "items": {"type": "string", "enum": [s.slug for s in SECTIONS]},
        }


@dataclass(frozen=True)
class Agency:
    """A ministry, sector, organisation or province with its component site."""

    FIELDS: ClassVar[tuple[Field, ...]] = (
        Text("slug", "slug", "Tên thư mục (slug)", required=True, max_length=80),
        Text("name", "name", "Tên cơ quan", required=True, max_length=200),
        Kind("kind", "kind", "Loại cơ quan", required=True),
        Text("unit", "unit", "Đơn vị phụ trách", max_length=300),
        Text("description", "description", "Giới thiệu ngắn", max_length=1000),
        Contacts("contacts", "contacts", "Thông tin liên hệ", required=True),
        Logins("editors", "editors", "Biên tập viên", required=True),
        SectionList("sections", "sections", "Các chuyên mục", required=True),
    )

    slug: str
    name: str
    kind: str
    path: str
    sections: tuple[str, ...]
    editors: tuple[str, ...] = ()
    contacts: dict[str, str] = field(default_factory=dict)
    unit: str | None = None
    description: str | None = None

    @property
    def url(self) -> str:
        """Return the agency site's URL, relative to the portal root."""
        return f"{self.slug}/"

    @property
    def kind_label(self) -> str:
        """Return the Vietnamese name of the agency's kind."""
        return KIND_LABELS[self.kind]
