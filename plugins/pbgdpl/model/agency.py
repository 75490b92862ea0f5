"""An agency's component site, as described by its agency.yml."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, ClassVar

from pbgdpl.model.fields import Contacts, Field, FieldError, Logins, Text
from pbgdpl.model.sections import SECTIONS, SECTIONS_BY_SLUG
from pbgdpl.model.urls import EMAIL, official_address
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
class QuestionTarget(Field):
    """Where citizens send a legal question: an e-mail address or an https form."""

    def parse(self, value: Any, vocabularies: Vocabularies) -> str:
        text = value.strip() if isinstance(value, str) else ""
        if not (EMAIL.fullmatch(text) or official_address(text)):
            raise FieldError(
                "invalid-question-target",
                f'Trường "{self.key}" ({self.label}) phải là một địa chỉ thư điện tử '
                "(ví dụ hoidap@moj.gov.vn) hoặc địa chỉ biểu mẫu https:// trên tên miền .vn "
                f'của cơ quan; giá trị hiện tại: "{value}".',
            )
        return text

    def describe(self, vocabularies: Vocabularies) -> dict[str, Any]:
        return {"type": "string", "anyOf": [{"format": "email"}, {"pattern": "^https://"}]}


@dataclass(frozen=True)
class EnglishPage(Field):
    """The agency's page in English: its English name and a few lines about it."""

    KEYS: ClassVar[tuple[str, ...]] = ("name", "about")

    def parse(self, value: Any, vocabularies: Vocabularies) -> dict[str, str]:
        if (
            not isinstance(value, dict)
            or set(value) - set(self.KEYS)
            or not all(isinstance(v, str) and v.strip() for v in value.values())
            or "name" not in value
        ):
            raise FieldError(
                "invalid-english-page",
                f'Trường "{self.key}" ({self.label}) là một bảng gồm "name" (tên tiếng Anh, '
                'bắt buộc) và "about" (vài câu giới thiệu bằng tiếng Anh), ví dụ: '
                '{name: "Ministry of Justice", about: "…"}.',
            )
        return {k: " ".join(value[k].split()) for k in self.KEYS if k in value}

    def describe(self, vocabularies: Vocabularies) -> dict[str, Any]:
        return {
            "type": "object",
            "required": ["name"],
            "additionalProperties": False,
            "properties": {k: {"type": "string", "minLength": 1} for k in self.KEYS},
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
        QuestionTarget("send_question", "send_question", "Nơi nhận câu hỏi của người dân"),
        EnglishPage("english", "english", "Trang tiếng Anh"),
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
    send_question: str | None = None
    english: dict[str, str] = field(default_factory=dict)

    @property
    def url(self) -> str:
        """Return the agency site's URL, relative to the portal root."""
        return f"{self.slug}/"

    @property
    def question_link(self) -> str | None:
        """Return the link that sends a question: the form, or a mail to the agency."""
        target = self.send_question or self.contacts.get("email")
        if target is None or target.startswith("https://"):
            return target
        return f"mailto:{target}"

    @property
    def kind_label(self) -> str:
        """Return the Vietnamese name of the agency's kind."""
        return KIND_LABELS[self.kind]
