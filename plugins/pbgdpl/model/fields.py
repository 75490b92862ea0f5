"""Front-matter field types: how each value is checked, converted and described."""

from __future__ import annotations

import datetime as dt
import difflib
import re
import unicodedata
from dataclasses import dataclass
from typing import Any, ClassVar

from pbgdpl.model.vocabularies import Vocabularies

DOCUMENT_NUMBER = re.compile(
    r"^(?P<serial>\d{1,5}[a-z]?)(?:/(?P<year>\d{4}))?"
    r"/(?P<code>(?=[^/]*[A-Za-zĐđ])[A-Za-zĐđ0-9]+(?:-[A-Za-zĐđ0-9]+)*)$"
)
SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
DATE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")
URL = re.compile(r"^https://[A-Za-z0-9.-]+(?::\d+)?(?:/[^\s]*)?$")


class FieldError(Exception):
    """A value that does not fit its field: a stable code and a Vietnamese message."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message


def _type_name(value: object) -> str:
    names = {bool: "đúng/sai", int: "số", float: "số", list: "danh sách", dict: "bảng khóa"}
    return names.get(type(value), "văn bản")


@dataclass(frozen=True)
class Field:
    """One front-matter key: its English name in code and its Vietnamese label."""

    key: str
    attr: str
    label: str
    required: bool = False

    json_type: ClassVar[str] = "string"

    def parse(self, value: Any, vocabularies: Vocabularies) -> Any:
        """Check `value` and return it converted, or raise FieldError."""
        raise NotImplementedError

    def describe(self, vocabularies: Vocabularies) -> dict[str, Any]:
        """Return the JSON Schema of the field."""
        return {"type": self.json_type}

    def json_schema(self, vocabularies: Vocabularies) -> dict[str, Any]:
        """Return the JSON Schema of the field, with its label as title."""
        return {"title": self.label, **self.describe(vocabularies)}

    def _wrong_type(self, value: object, expected: str) -> FieldError:
        return FieldError(
            "wrong-type",
            f'Trường "{self.key}" ({self.label}) phải là {expected}, '
            f'nhưng đang là {_type_name(value)} "{value}". '
            "Nếu giá trị là văn bản, đặt nó trong dấu ngoặc kép.",
        )


@dataclass(frozen=True)
class Text(Field):
    """A line or a paragraph of text."""

    max_length: int = 1000

    def parse(self, value: Any, vocabularies: Vocabularies) -> str:
        if not isinstance(value, str):
            raise self._wrong_type(value, "một đoạn văn bản")
        text = " ".join(value.split())
        if not text:
            raise FieldError("empty-field", f'Trường "{self.key}" ({self.label}) đang để trống.')
        if len(text) > self.max_length:
            raise FieldError(
                "too-long",
                f'Trường "{self.key}" ({self.label}) dài {len(text)} ký tự; '
                f"hãy rút gọn dưới {self.max_length} ký tự.",
            )
        return text

    def describe(self, vocabularies: Vocabularies) -> dict[str, Any]:
        return {"type": "string", "minLength": 1, "maxLength": self.max_length}


@dataclass(frozen=True)
class Date(Field):
    """A calendar date written YYYY-MM-DD."""

    def parse(self, value: Any, vocabularies: Vocabularies) -> dt.date:
        match = DATE.match(value) if isinstance(value, str) else None
        if match:
            try:
                return dt.date(*(int(part) for part in match.groups()))
            except ValueError:
                pass
        raise FieldError(
            "invalid-date",
            f'Trường "{self.key}" ({self.label}) phải là một ngày có thật, viết theo dạng '
            f'YYYY-MM-DD (ví dụ 2025-07-01); giá trị hiện tại "{value}" không hợp lệ.',
        )

    def describe(self, vocabularies: Vocabularies) -> dict[str, Any]:
        return {"type": "string", "format": "date", "pattern": DATE.pattern}


@dataclass(frozen=True)
class Year(Field):
    """A year, such as the year a book was published."""

    def parse(self, value: Any, vocabularies: Vocabularies) -> int:
        if isinstance(value, bool) or not isinstance(value, int) or not 1900 <= value <= 2100:
            raise FieldError(
                "invalid-year",
                f'Trường "{self.key}" ({self.label}) phải là một năm có bốn chữ số, '
                f'ví dụ 2024; giá trị hiện tại: "{value}".',
            )
        return value

    def describe(self, vocabularies: Vocabularies) -> dict[str, Any]:
        return {"type": "integer", "minimum": 1900, "maximum": 2100}


def fold(text: str) -> str:
    """Fold Vietnamese text to lower-case ASCII: "Đất đai" → "dat dai"."""
    decomposed = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    return "".join(c for c in decomposed if not unicodedata.combining(c)).lower()


def _suggestion(value: str, allowed: tuple[str, ...]) -> str:
    # Compare without accents: editors often type without them.
    by_folded = {fold(v): v for v in allowed}
    close = difflib.get_close_matches(fold(value), list(by_folded), n=1, cutoff=0.6)
    if close:
        return f' Có phải là "{by_folded[close[0]]}"?'
    if len(allowed) <= 8:
        return " Chọn một trong: " + ", ".join(f'"{v}"' for v in allowed) + "."
    return " Xem danh sách giá trị hợp lệ trong schemas/ hoặc trong README."


@dataclass(frozen=True)
class Choice(Field):
    """One value from a controlled vocabulary."""

    vocabulary: str = ""

    def parse(self, value: Any, vocabularies: Vocabularies) -> str:
        if not isinstance(value, str):
            raise self._wrong_type(value, "một giá trị trong danh mục")
        allowed = vocabularies.values(self.vocabulary)
        if value not in allowed:
            raise FieldError(
                "value-not-allowed",
                f'Trường "{self.key}" ({self.label}) không nhận giá trị "{value}".'
                + _suggestion(value, allowed),
            )
        return value

    def describe(self, vocabularies: Vocabularies) -> dict[str, Any]:
        return {"type": "string", "enum": list(vocabularies.values(self.vocabulary))}


@dataclass(frozen=True)
class Choices(Field):
    """Several values from a controlled vocabulary; a single value is accepted too."""

    vocabulary: str = ""

    def parse(self, value: Any, vocabularies: Vocabularies) -> tuple[str, ...]:
        values = [value] if isinstance(value, str) else value
        if not isinstance(values, list) or not values:
            raise self._wrong_type(value, "một danh sách giá trị trong danh mục")
        one = Choice(self.key, self.attr, self.label, vocabulary=self.vocabulary)
        return tuple(dict.fromkeys(one.parse(v, vocabularies) for v in values))

    def describe(self, vocabularies: Vocabularies) -> dict[str, Any]:
        enum = {"type": "string", "enum": list(vocabularies.values(self.vocabulary))}
        return {"anyOf": [enum, {"type": "array", "items": enum, "minItems": 1}]}


@dataclass(frozen=True)
class Words(Field):
    """A list of short free texts, such as tags."""

    def parse(self, value: Any, vocabularies: Vocabularies) -> tuple[str, ...]:
        values = [value] if isinstance(value, str) else value
        if not isinstance(values, list) or not all(isinstance(v, str) and v for v in values):
            raise self._wrong_type(value, "một danh sách từ khóa")
        return tuple(" ".join(v.split()) for v in values)

    def describe(self, vocabularies: Vocabularies) -> dict[str, Any]:
        word = {"type": "string", "minLength": 1}
        return {"anyOf": [word, {"type": "array", "items": word}]}


def parse_document_number(key: str, label: str, value: Any) -> str:
    """Check the shape of a document number (số ký hiệu) and return it trimmed."""
    if not isinstance(value, str):
        raise FieldError(
            "wrong-type",
            f'Trường "{key}" ({label}) phải là số ký hiệu văn bản đặt trong ngoặc kép, '
            f'ví dụ "145/2020/NĐ-CP"; giá trị hiện tại: "{value}".',
        )
    number = value.strip().replace(" ", "")
    match = DOCUMENT_NUMBER.match(number)
    if not match or (match["year"] and not 1945 <= int(match["year"]) <= 2100):
        raise FieldError(
            "invalid-document-number",
            f'Trường "{key}" ({label}): "{value}" không phải số ký hiệu hợp lệ. '
            'Viết theo dạng số/năm/ký hiệu cho văn bản quy phạm ("145/2020/NĐ-CP") '
            'hoặc số/ký hiệu cho văn bản hành chính ("471/QĐ-TTg").',
        )
    return number


@dataclass(frozen=True)
class DocumentNumber(Field):
    """A legal document's number (số ký hiệu), such as 145/2020/NĐ-CP."""

    def parse(self, value: Any, vocabularies: Vocabularies) -> str:
        return parse_document_number(self.key, self.label, value)

    def describe(self, vocabularies: Vocabularies) -> dict[str, Any]:
        return {"type": "string", "pattern": DOCUMENT_NUMBER.pattern}


@dataclass(frozen=True)
class DocumentNumbers(Field):
    """A list of document numbers, for relations and legal bases."""

    def parse(self, value: Any, vocabularies: Vocabularies) -> tuple[str, ...]:
        values = value if isinstance(value, list) else [value]
        return tuple(parse_document_number(self.key, self.label, v) for v in values)

    def describe(self, vocabularies: Vocabularies) -> dict[str, Any]:
        number = {"type": "string", "pattern": DOCUMENT_NUMBER.pattern}
        return {"anyOf": [number, {"type": "array", "items": number}]}


@dataclass(frozen=True)
class Link(Field):
    """An https address."""

    def parse(self, value: Any, vocabularies: Vocabularies) -> str:
        if not isinstance(value, str) or not URL.match(value.strip()):
            raise FieldError(
                "invalid-url",
                f'Trường "{self.key}" ({self.label}) phải là địa chỉ bắt đầu bằng https://; '
                f'giá trị hiện tại: "{value}".',
            )
        return value.strip()

    def describe(self, vocabularies: Vocabularies) -> dict[str, Any]:
        return {"type": "string", "format": "uri", "pattern": "^https://"}


@dataclass(frozen=True)
class Figure:
    """One reported figure: its name, value and unit."""

    name: str
    value: float
    unit: str


@dataclass(frozen=True)
class Figures(Field):
    """A list of reported figures (chỉ tiêu): {ten, gia_tri, don_vi}."""

    def parse(self, value: Any, vocabularies: Vocabularies) -> tuple[Figure, ...]:
        if not isinstance(value, list):
            raise self._wrong_type(value, "một danh sách chỉ tiêu")
        figures = []
        for entry in value:
            if (
                not isinstance(entry, dict)
                or not isinstance(entry.get("ten"), str)
                or isinstance(entry.get("gia_tri"), bool)
                or not isinstance(entry.get("gia_tri"), int | float)
                or not isinstance(entry.get("don_vi", ""), str)
                or set(entry) - {"ten", "gia_tri", "don_vi"}
            ):
                raise FieldError(
                    "invalid-figure",
                    f'Mỗi chỉ tiêu trong "{self.key}" phải có "ten" (văn bản), "gia_tri" (số) '
                    f'và "don_vi" (văn bản), ví dụ: {{ten: "Số cuộc tuyên truyền", '
                    f'gia_tri: 120, don_vi: "cuộc"}}; mục sai: {entry}.',
                )
            figures.append(Figure(entry["ten"], entry["gia_tri"], entry.get("don_vi", "")))
        return tuple(figures)

    def describe(self, vocabularies: Vocabularies) -> dict[str, Any]:
        return {
            "type": "array",
            "items": {
                "type": "object",
                "required": ["ten", "gia_tri"],
                "additionalProperties": False,
                "properties": {
                    "ten": {"type": "string"},
                    "gia_tri": {"type": "number"},
                    "don_vi": {"type": "string"},
                },
            },
        }


@dataclass(frozen=True)
class Contacts(Field):
    """An agency's contacts: address, phone, e-mail, website."""

    KEYS: ClassVar[tuple[str, ...]] = ("address", "phone", "email", "website")

    def parse(self, value: Any, vocabularies: Vocabularies) -> dict[str, str]:
        if not isinstance(value, dict):
            raise self._wrong_type(value, "một bảng gồm address, phone, email, website")
        unknown = set(value) - set(self.KEYS)
        wrong = [k for k in self.KEYS if k in value and not isinstance(value[k], str)]
        if unknown or wrong:
            raise FieldError(
                "invalid-contacts",
                f'Trường "{self.key}" ({self.label}) chỉ gồm các khóa address, phone, email, '
                "website, mỗi khóa là văn bản (số điện thoại đặt trong ngoặc kép); "
                f"khóa sai: {', '.join(sorted({*unknown, *wrong}))}.",
            )
        return {k: " ".join(value[k].split()) for k in self.KEYS if k in value}

    def describe(self, vocabularies: Vocabularies) -> dict[str, Any]:
        return {
            "type": "object",
            "additionalProperties": False,
            "properties": {k: {"type": "string"} for k in self.KEYS},
        }


@dataclass(frozen=True)
class Logins(Field):
    """A list of Git host logins or teams (org/team)."""

    def parse(self, value: Any, vocabularies: Vocabularies) -> tuple[str, ...]:
        pattern = re.compile(r"^[A-Za-z0-9](?:[A-Za-z0-9-]*)(?:/[A-Za-z0-9_.-]+)?$")
        if not isinstance(value, list) or not all(
            isinstance(v, str) and pattern.match(v) for v in value
        ):
            raise FieldError(
                "invalid-logins",
                f'Trường "{self.key}" ({self.label}) phải là danh sách tài khoản Git '
                '(ví dụ [nguyenvana, to-chuc/nhom-bien-tap]); giá trị hiện tại: '
                f'"{value}".',
            )
        return tuple(value)

    def describe(self, vocabularies: Vocabularies) -> dict[str, Any]:
        return {"type": "array", "items": {"type": "string"}}
