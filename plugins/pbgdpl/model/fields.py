"""Front-matter field types: how each value is checked, converted and described."""

from __future__ import annotations

import datetime as dt
import difflib
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, ClassVar

from pbgdpl.model.numbers import FIRST_YEAR, NUMBER_PATTERN, parse_number
from pbgdpl.model.urls import EMAIL, PHONE, official_address
from pbgdpl.model.videos import ALLOWED_HOSTS_TEXT, parse_video
from pbgdpl.model.vocabularies import Vocabularies

# Anchored for JSON Schema (ECMA-262); in Python always used with fullmatch, since `$`
# also matches before a final newline ("tin-moi\n" would pass as a slug).
SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
DATE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")
URL = re.compile(r"^https://[A-Za-z0-9.-]+(?::\d+)?(?:/[^\s]*)?$")


class FieldError(Exception):
    """A value that does not fit its field: a stable code and a Vietnamese message."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message


class FieldErrors(FieldError):
    """Several problems in one value (figures of a report): each becomes its own diagnostic."""

    def __init__(self, errors: list[FieldError]) -> None:
        super().__init__(errors[0].code, " ".join(e.message for e in errors))
        self.errors = errors


def _type_name(value: object) -> str:
    names = {bool: "đúng/sai", int: "số", float: "số", list: "danh sách", dict: "bảng khóa"}
    return names.get(type(value), "văn bản")


@dataclass(frozen=True)
class Field:
    """One front-matter key: its English name in code, its Vietnamese label, and its role.

    `role` says what the value is to the item, and so where every output shows it:

    * "fact": a fact about the item (issuer, venue, author): searched above its text;
    * "lead": the text a reader reads first (the question, the abstract): the summary
      of search results and feeds when the item has no `description`;
    * "cited": numbers of documents the item relies on: a number query finds the item;
    * "number": a legal document's own number;
    * "": none of these (dates, links, lists the page shows in its own way).

    `shown` is False for values the page shows outside its facts table (the question,
    attachments, the video, the quiz, relations between documents).
    """

    key: str
    attr: str
    label: str
    required: bool = False
    role: str = ""
    shown: bool = True
    hint: str = ""

    json_type: ClassVar[str] = "string"

    def parse(self, value: Any, vocabularies: Vocabularies) -> Any:
        """Check `value` and return it converted, or raise FieldError."""
        raise NotImplementedError

    def describe(self, vocabularies: Vocabularies) -> dict[str, Any]:
        """Return the JSON Schema of the field."""
        return {"type": self.json_type}

    def json_schema(self, vocabularies: Vocabularies) -> dict[str, Any]:
        """Return the JSON Schema of the field, with its label as title and hint as description."""
        hint = {"description": self.hint} if self.hint else {}
        return {"title": self.label, **hint, **self.describe(vocabularies)}

    def form(self, vocabularies: Vocabularies) -> dict[str, Any]:
        """Return the web editor's control for the field: a Decap CMS widget and its options.

        Each type gives the control that checks in the form what `parse` checks on the file
        (required, allowed values, patterns, dates), so an editor sees a mistake before saving.
        """
        raise NotImplementedError

    def form_field(self, vocabularies: Vocabularies) -> dict[str, Any]:
        """Return the field as the web editor shows it: key, label, whether required, hint."""
        hint = {"hint": self.hint} if self.hint else {}
        return {
            "name": self.key,
            "label": self.label,
            "required": self.required,
            **hint,
            **self.form(vocabularies),
        }

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

    def form(self, vocabularies: Vocabularies) -> dict[str, Any]:
        # A value of up to a line or two gets a one-line box; longer ones a text area.
        return {
            "widget": "string" if self.max_length <= 300 else "text",
            "pattern": [
                f"^[\\s\\S]{{1,{self.max_length}}}$",
                f"Tối đa {self.max_length} ký tự; hãy rút gọn.",
            ],
        }


@dataclass(frozen=True)
class Date(Field):
    """A calendar date written YYYY-MM-DD."""

    def parse(self, value: Any, vocabularies: Vocabularies) -> dt.date:
        match = DATE.fullmatch(value) if isinstance(value, str) else None
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

    def form(self, vocabularies: Vocabularies) -> dict[str, Any]:
        # A calendar shown dd/mm/yyyy and written YYYY-MM-DD.
        return {
            "widget": "datetime",
            "format": "YYYY-MM-DD",
            "date_format": "DD/MM/YYYY",
            "time_format": False,
        }


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

    def form(self, vocabularies: Vocabularies) -> dict[str, Any]:
        return {"widget": "number", "value_type": "int", "min": 1900, "max": 2100}


def fold(text: str) -> str:
    """Fold Vietnamese text to lower-case ASCII: "Đất đai" → "dat dai"."""
    decomposed = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    return "".join(c for c in decomposed if not unicodedata.combining(c)).lower()


def slugify(text: str) -> str:
    """Make a URL slug from Vietnamese text: "Luật Đất đai 2024" → "luat-dat-dai-2024"."""
    return re.sub(r"[^a-z0-9]+", "-", fold(text)).strip("-")


def _suggestion(value: str, allowed: tuple[str, ...]) -> str:
    # Compare without accents: editors often type without them.
    by_folded = {fold(v): v for v in allowed}
    close = difflib.get_close_matches(fold(value), list(by_folded), n=1, cutoff=0.6)
    if close:
        return f' Có phải là "{by_folded[close[0]]}"?'
    if len(allowed) <= 8:
        return " Chọn một trong: " + ", ".join(f'"{v}"' for v in allowed) + "."
    return (
        " Chọn một giá trị trong danh sách của trình biên tập trên trình duyệt, hoặc xem "
        "danh mục trong schemas/<chuyên-mục>.json."
    )


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

    def form(self, vocabularies: Vocabularies) -> dict[str, Any]:
        return {"widget": "select", "options": list(vocabularies.values(self.vocabulary))}


@dataclass(frozen=True)
class Choices(Field):
    """Several values from a controlled vocabulary; a single value is accepted too."""

    vocabulary: str = ""

    def parse(self, value: Any, vocabularies: Vocabularies) -> tuple[str, ...]:
        values = [value] if isinstance(value, str) else value
        if not isinstance(values, list) or not values:
            raise self._wrong_type(value, "một danh sách giá trị trong danh mục")
        allowed = vocabularies.values(self.vocabulary)
        parts = [p.strip() for p in value.split(",")] if isinstance(value, str) else []
        if value not in allowed and len(parts) > 1 and all(p in allowed for p in parts):
            raise FieldError(
                "value-not-a-list",
                f'Trường "{self.key}" ({self.label}) có nhiều giá trị: viết thành danh sách '
                f"trong ngoặc vuông, {self.key}: [{', '.join(parts)}].",
            )
        one = Choice(self.key, self.attr, self.label, vocabulary=self.vocabulary)
        return tuple(dict.fromkeys(one.parse(v, vocabularies) for v in values))

    def describe(self, vocabularies: Vocabularies) -> dict[str, Any]:
        enum = {"type": "string", "enum": list(vocabularies.values(self.vocabulary))}
        return {"anyOf": [enum, {"type": "array", "items": enum, "minItems": 1}]}

    def form(self, vocabularies: Vocabularies) -> dict[str, Any]:
        return {
            "widget": "select",
            "multiple": True,
            "options": list(vocabularies.values(self.vocabulary)),
        }


@dataclass(frozen=True)
class Words(Field):
    """A list of short free texts, such as tags."""

    def parse(self, value: Any, vocabularies: Vocabularies) -> tuple[str, ...]:
        # "tags: đất đai, hộ tịch" means two words, as the web editor's box reads it.
        values = [v for v in value.split(",") if v.strip()] if isinstance(value, str) else value
        if not isinstance(values, list) or not all(isinstance(v, str) and v for v in values):
            raise self._wrong_type(value, "một danh sách từ khóa")
        return tuple(" ".join(v.split()) for v in values)

    def describe(self, vocabularies: Vocabularies) -> dict[str, Any]:
        word = {"type": "string", "minLength": 1}
        return {"anyOf": [word, {"type": "array", "items": word}]}

    def form(self, vocabularies: Vocabularies) -> dict[str, Any]:
        # Decap's list without sub-fields: one box, values separated by commas.
        return {"widget": "list", "hint": "Ngăn cách các giá trị bằng dấu phẩy."}


@dataclass(frozen=True)
class Attachments(Words):
    """Files published with an item (PDF, DOCX, ODT): names of files in the item's folder."""

    def form(self, vocabularies: Vocabularies) -> dict[str, Any]:
        return {
            "widget": "list",
            "field": {"name": "tep", "label": "Tệp", "widget": "file", "choose_url": False},
        }


NUMBER_FORM_HINT = 'Ví dụ "145/2020/NĐ-CP" (văn bản quy phạm) hoặc "471/QĐ-TTg".'
NUMBER_FORM_MESSAGE = (
    "Số ký hiệu viết dạng số/năm/ký hiệu (145/2020/NĐ-CP) hoặc số/ký hiệu (471/QĐ-TTg), "
    "không có dấu cách."
)


def parse_document_number(key: str, label: str, value: Any) -> str:
    """Check the shape of a document number (số ký hiệu) and return it trimmed."""
    if not isinstance(value, str):
        raise FieldError(
            "wrong-type",
            f'Trường "{key}" ({label}) phải là số ký hiệu văn bản đặt trong ngoặc kép, '
            f'ví dụ "145/2020/NĐ-CP"; giá trị hiện tại: "{value}".',
        )
    number = value.strip().replace(" ", "")
    parts = parse_number(number)
    if parts is None or (parts.year is not None and not FIRST_YEAR <= parts.year <= 2100):
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

    role: str = "cited"

    def parse(self, value: Any, vocabularies: Vocabularies) -> str:
        return parse_document_number(self.key, self.label, value)

    def describe(self, vocabularies: Vocabularies) -> dict[str, Any]:
        return {"type": "string", "pattern": NUMBER_PATTERN}

    def form(self, vocabularies: Vocabularies) -> dict[str, Any]:
        return {
            "widget": "string",
            "pattern": [NUMBER_PATTERN, NUMBER_FORM_MESSAGE],
            "hint": NUMBER_FORM_HINT,
        }


@dataclass(frozen=True)
class DocumentNumbers(Field):
    """A list of document numbers, for relations and legal bases."""

    role: str = "cited"

    def parse(self, value: Any, vocabularies: Vocabularies) -> tuple[str, ...]:
        values = value if isinstance(value, list) else [value]
        return tuple(parse_document_number(self.key, self.label, v) for v in values)

    def describe(self, vocabularies: Vocabularies) -> dict[str, Any]:
        number = {"type": "string", "pattern": NUMBER_PATTERN}
        return {"anyOf": [number, {"type": "array", "items": number}]}

    def form(self, vocabularies: Vocabularies) -> dict[str, Any]:
        return {
            "widget": "list",
            "field": {
                "name": "so_ky_hieu",
                "label": "Số ký hiệu",
                "widget": "string",
                "pattern": [NUMBER_PATTERN, NUMBER_FORM_MESSAGE],
                "hint": NUMBER_FORM_HINT,
            },
        }


@dataclass(frozen=True)
class Link(Field):
    """An https address."""

    def parse(self, value: Any, vocabularies: Vocabularies) -> str:
        if not isinstance(value, str) or not URL.fullmatch(value.strip()):
            raise FieldError(
                "invalid-url",
                f'Trường "{self.key}" ({self.label}) phải là địa chỉ bắt đầu bằng https://; '
                f'giá trị hiện tại: "{value}".',
            )
        return value.strip()

    def describe(self, vocabularies: Vocabularies) -> dict[str, Any]:
        return {"type": "string", "format": "uri", "pattern": URL.pattern}

    def form(self, vocabularies: Vocabularies) -> dict[str, Any]:
        return {
            "widget": "string",
            "pattern": [URL.pattern, "Địa chỉ phải bắt đầu bằng https:// và không có dấu cách."],
        }


class VideoLink(Link):
    """The https address of a video page on a provider the portal embeds."""

    def form(self, vocabularies: Vocabularies) -> dict[str, Any]:
        hint = f"Địa chỉ trang xem video ({ALLOWED_HOSTS_TEXT})."
        return {**super().form(vocabularies), "hint": hint}

    def parse(self, value: Any, vocabularies: Vocabularies) -> str:
        address = super().parse(value, vocabularies)
        if parse_video(address) is None:
            raise FieldError(
                "video-host-not-allowed",
                f'Trường "{self.key}" ({self.label}): "{address}" không phải địa chỉ một video '
                f"trên trang được phép nhúng ({ALLOWED_HOSTS_TEXT}); dán địa chỉ trang xem "
                "video, ví dụ https://www.youtube.com/watch?v=… (video host not allowed).",
            )
        return address


@dataclass(frozen=True)
class Figure:
    """One reported figure: its name, value and unit, and its indicator code if it has one."""

    name: str
    value: float
    unit: str
    code: str = ""


@dataclass(frozen=True)
class Indicator:
    """A statistic every agency reports (chỉ tiêu): its front-matter key, label and unit.

    `maximum` is the most one agency can plausibly report for one year: a figure above
    it is a typing slip (extra digits), refused before it reaches national totals.
    """

    code: str
    label: str
    unit: str
    maximum: int


def _grouped(count: int) -> str:
    """Write a count with Vietnamese thousands separators: 1.250.000."""
    return f"{count:,}".replace(",", ".")


@dataclass(frozen=True)
class Figures(Field):
    """Reported figures (chỉ tiêu): whole numbers, each under a key from a fixed indicator set."""

    indicators: tuple[Indicator, ...] = ()

    def parse(self, value: Any, vocabularies: Vocabularies) -> tuple[Figure, ...]:
        if not isinstance(value, dict) or not value:
            example = self.indicators[0].code if self.indicators else "so_cuoc_truc_tiep"
            raise self._wrong_type(
                value, f'một bảng "mã chỉ tiêu: số", ví dụ "{example}: 120" (mỗi chỉ tiêu một dòng)'
            )
        # Every wrong figure at once: a report is corrected in one pass.
        errors = [e for code, count in value.items() if (e := self._figure_error(code, count))]
        if errors:
            raise errors[0] if len(errors) == 1 else FieldErrors(errors)
        return tuple(
            Figure(i.label, value[i.code], i.unit, i.code)
            for i in self.indicators
            if i.code in value
        )

    def _figure_error(self, code: object, count: object) -> FieldError | None:
        codes = tuple(i.code for i in self.indicators)
        if code not in codes:
            return FieldError(
                "unknown-indicator",
                f'Chỉ tiêu "{code}" trong trường "{self.key}" ({self.label}) không có trong '
                "danh mục chỉ tiêu." + _suggestion(str(code), codes),
            )
        if isinstance(count, bool) or not isinstance(count, int) or count < 0:
            return FieldError(
                "invalid-count",
                f'Chỉ tiêu "{code}" trong trường "{self.key}" phải là số nguyên không âm, '
                "viết liền không có dấu chấm hay dấu cách phân cách hàng nghìn (ví dụ "
                f'12600); giá trị hiện tại: "{count}".',
            )
        indicator = self.indicators[codes.index(code)]
        if count > indicator.maximum:
            return FieldError(
                "implausible-count",
                f'Chỉ tiêu "{code}" ({indicator.label}) là {_grouped(count)} '
                f"{indicator.unit}, vượt mức hợp lý của một đơn vị trong một năm "
                f"({_grouped(indicator.maximum)}); kiểm tra lại số liệu (có thể thừa chữ số).",
            )
        return None

    def describe(self, vocabularies: Vocabularies) -> dict[str, Any]:
        return {
            "type": "object",
            "minProperties": 1,
            "additionalProperties": False,
            "properties": {
                i.code: {
                    "title": i.label,
                    "description": f"Đơn vị tính: {i.unit}",
                    "type": "integer",
                    "minimum": 0,
                    "maximum": i.maximum,
                }
                for i in self.indicators
            },
        }

    def form(self, vocabularies: Vocabularies) -> dict[str, Any]:
        return {
            "widget": "object",
            "hint": "Số nguyên viết liền (12600); chỉ tiêu chưa có số liệu thì bỏ trống.",
            "fields": [
                {
                    "name": i.code,
                    "label": i.label,
                    "hint": f"Đơn vị tính: {i.unit}",
                    "required": False,
                    "widget": "number",
                    "value_type": "int",
                    "min": 0,
                }
                for i in self.indicators
            ],
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
        contacts = {k: " ".join(value[k].split()) for k in self.KEYS if k in value}
        for key, (valid, example) in CONTACT_RULES.items():
            if key in contacts and not valid(contacts[key]):
                raise FieldError(
                    "invalid-contact",
                    f'Trường "{self.key}.{key}" ({self.label}): "{contacts[key]}" không hợp lệ; '
                    f"viết {example}.",
                )
        return contacts

    def describe(self, vocabularies: Vocabularies) -> dict[str, Any]:
        return {
            "type": "object",
            "additionalProperties": False,
            "properties": {k: {"type": "string"} for k in self.KEYS},
        }


# Each contact is shown as a link (mailto:, tel:, the website): the portal's URL rules.
CONTACT_RULES: dict[str, tuple[Callable[[str], bool], str]] = {
    "email": (
        lambda text: bool(EMAIL.fullmatch(text)),
        "một địa chỉ thư điện tử, ví dụ pbgdpl@moj.gov.vn (không kèm ?cc=, ?bcc=)",
    ),
    "phone": (lambda text: bool(PHONE.fullmatch(text)), 'số điện thoại, ví dụ "024 6273 9468"'),
    "website": (
        official_address,
        "địa chỉ https:// của trang chính thức trên tên miền .vn, ví dụ https://moj.gov.vn",
    ),
}


# GitHub's grammar: a login is 1 to 39 letters, digits or single hyphens, neither first
# nor last; a team is "org/team-slug". Nothing else reaches CODEOWNERS, where a space,
# a newline or a glob would add or widen a rule.
LOGIN = r"[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}"
LOGIN_OR_TEAM = re.compile(rf"{LOGIN}(?:/[A-Za-z0-9][A-Za-z0-9_-]{{0,99}})?")


@dataclass(frozen=True)
class Logins(Field):
    """A list of Git host logins or teams (org/team), as GitHub spells them."""

    def parse(self, value: Any, vocabularies: Vocabularies) -> tuple[str, ...]:
        example = "(ví dụ [nguyenvana, to-chuc/nhom-bien-tap])"
        if not isinstance(value, list):
            raise FieldError(
                "invalid-logins",
                f'Trường "{self.key}" ({self.label}) phải là danh sách tài khoản GitHub '
                f'{example}; giá trị hiện tại: "{value}".',
            )
        wrong = [v for v in value if not isinstance(v, str) or not LOGIN_OR_TEAM.fullmatch(v)]
        if wrong:
            # Every wrong value at once, so the editor fixes the list in one pass.
            shown = ", ".join(f'"{v}"' for v in wrong)
            raise FieldError(
                "invalid-logins",
                f'Trường "{self.key}" ({self.label}): {shown} không phải tài khoản GitHub '
                "(chữ cái không dấu, số và dấu gạch ngang, không bắt đầu hay kết thúc bằng dấu "
                f"gạch ngang, tối đa 39 ký tự) hay nhóm dạng to-chuc/ten-nhom {example}; sửa "
                "hoặc xóa các giá trị này.",
            )
        return tuple(value)

    def describe(self, vocabularies: Vocabularies) -> dict[str, Any]:
        return {"type": "array", "items": {"type": "string"}}


@dataclass(frozen=True)
class Flag(Field):
    """A yes/no switch written true or false, such as `draft: true`."""

    def parse(self, value: Any, vocabularies: Vocabularies) -> bool:
        if not isinstance(value, bool):
            raise self._wrong_type(value, "true hoặc false")
        return value

    def describe(self, vocabularies: Vocabularies) -> dict[str, Any]:
        return {"type": "boolean"}

    def form(self, vocabularies: Vocabularies) -> dict[str, Any]:
        return {"widget": "boolean"}


MOMENT = re.compile(r"^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})$")


@dataclass(frozen=True)
class Moment(Field):
    """A date and time of day in Vietnam's time zone, written YYYY-MM-DDTHH:MM."""

    def parse(self, value: Any, vocabularies: Vocabularies) -> dt.datetime:
        match = MOMENT.fullmatch(value.strip()) if isinstance(value, str) else None
        if match:
            try:
                year, month, day, hour, minute = (int(part) for part in match.groups())
                return dt.datetime(year, month, day, hour, minute)
            except ValueError:
                pass
        raise FieldError(
            "invalid-moment",
            f'Trường "{self.key}" ({self.label}) phải là ngày và giờ Việt Nam, viết theo dạng '
            f'YYYY-MM-DDTHH:MM (ví dụ 2026-12-01T08:00); giá trị hiện tại "{value}" '
            "không hợp lệ.",
        )

    def describe(self, vocabularies: Vocabularies) -> dict[str, Any]:
        return {"type": "string", "pattern": MOMENT.pattern}

    def form(self, vocabularies: Vocabularies) -> dict[str, Any]:
        # The time as the editor types it, which the portal reads as Vietnam's time.
        return {
            "widget": "datetime",
            "format": "YYYY-MM-DDTHH:mm",
            "date_format": "DD/MM/YYYY",
            "time_format": "HH:mm",
        }


@dataclass(frozen=True)
class Withdrawal:
    """Why and since when an item is withdrawn: its page stays, with a notice."""

    date: dt.date
    reason: str


WITHDRAWAL_DATE = Date("date", "date", "Ngày thôi đăng", required=True)
WITHDRAWAL_REASON = Text("reason", "reason", "Lý do thôi đăng", required=True, max_length=500)
WITHDRAWAL_FIELDS: tuple[Field, ...] = (WITHDRAWAL_DATE, WITHDRAWAL_REASON)


@dataclass(frozen=True)
class Withdrawn(Field):
    """The withdrawal of a published item: `{date: YYYY-MM-DD, reason: …}`."""

    def parse(self, value: Any, vocabularies: Vocabularies) -> Withdrawal:
        example = '{date: 2026-12-01, reason: "Văn bản đã được thay thế bởi …"}'
        if not isinstance(value, dict) or set(value) != {"date", "reason"}:
            raise FieldError(
                "invalid-withdrawal",
                f'Trường "{self.key}" ({self.label}) phải có đúng hai khóa "date" (ngày thôi '
                f'đăng) và "reason" (lý do, hiện cho người đọc), ví dụ: {self.key}: {example}.',
            )
        return Withdrawal(
            WITHDRAWAL_DATE.parse(value["date"], vocabularies),
            WITHDRAWAL_REASON.parse(value["reason"], vocabularies),
        )

    def describe(self, vocabularies: Vocabularies) -> dict[str, Any]:
        return {
            "type": "object",
            "required": [f.key for f in WITHDRAWAL_FIELDS],
            "additionalProperties": False,
            "properties": {f.key: f.json_schema(vocabularies) for f in WITHDRAWAL_FIELDS},
        }

    def form(self, vocabularies: Vocabularies) -> dict[str, Any]:
        # Folded until needed: most items are never withdrawn. Decap checks the sub-fields
        # of an empty optional block as if it were filled, so the form cannot require the
        # pair; `parse` (validate, on the pull request) asks for both or neither.
        return {
            "widget": "object",
            "collapsed": True,
            "hint": "Chỉ điền khi thôi đăng bài, và điền cả ngày lẫn lý do: trang vẫn còn, "
            "kèm thông báo và lý do.",
            "fields": [
                {**f.form_field(vocabularies), "required": False} for f in WITHDRAWAL_FIELDS
            ],
        }


PORTAL_PATH = re.compile(r"^/?[a-z0-9]+(?:-[a-z0-9]+)*(?:/[a-z0-9]+(?:-[a-z0-9]+)*)+/?$")


@dataclass(frozen=True)
class PortalPaths(Field):
    """Old addresses of a page, relative to the portal root: `bo-tu-phap/tin-tuc/ten-cu/`."""

    def parse(self, value: Any, vocabularies: Vocabularies) -> tuple[str, ...]:
        values = [value] if isinstance(value, str) else value
        if not isinstance(values, list) or not values:
            raise self._wrong_type(value, "một danh sách địa chỉ cũ")
        paths = []
        for path in values:
            if not isinstance(path, str) or not PORTAL_PATH.fullmatch(path.strip()):
                raise FieldError(
                    "invalid-redirect",
                    f'Trường "{self.key}" ({self.label}): "{path}" không phải địa chỉ cũ hợp lệ. '
                    "Viết đường dẫn tính từ gốc cổng, gồm chữ thường không dấu, số, dấu gạch "
                    'ngang và dấu "/", ví dụ "bo-tu-phap/tin-tuc/ten-bai-cu/".',
                )
            paths.append(path.strip().strip("/") + "/")
        return tuple(dict.fromkeys(paths))

    def describe(self, vocabularies: Vocabularies) -> dict[str, Any]:
        path = {"type": "string", "pattern": PORTAL_PATH.pattern}
        return {"anyOf": [path, {"type": "array", "items": path, "minItems": 1}]}

    def form(self, vocabularies: Vocabularies) -> dict[str, Any]:
        return {
            "widget": "list",
            "field": {
                "name": "dia_chi",
                "label": "Địa chỉ cũ",
                "widget": "string",
                "pattern": [
                    PORTAL_PATH.pattern,
                    'Viết đường dẫn tính từ gốc cổng, ví dụ "bo-tu-phap/tin-tuc/ten-bai-cu/".',
                ],
            },
        }


@dataclass(frozen=True)
class QuizQuestion:
    """One multiple-choice question of a contest's self-scored quiz."""

    question: str
    choices: tuple[str, ...]
    answer: int
    explanation: str
    legal_basis: str

    @property
    def answer_letter(self) -> str:
        """Return the letter of the right choice: A, B, C …"""
        return QUIZ_LETTERS[self.answer]


QUIZ_LETTERS = "ABCDEF"
QUIZ_LABELS = {
    "cau_hoi": "Câu hỏi",
    "lua_chon": "Các phương án",
    "dap_an": "Đáp án đúng (chữ cái)",
    "giai_thich": "Giải thích",
    "can_cu": "Căn cứ pháp lý",
}
QUIZ_EXAMPLE = (
    '- cau_hoi: "Ngày Pháp luật Việt Nam là ngày nào?"\n'
    '  lua_chon: ["02/9", "09/11", "19/12"]\n'
    "  dap_an: B\n"
    '  giai_thich: "…"\n'
    '  can_cu: "Điều 8 Luật Phổ biến, giáo dục pháp luật số 14/2012/QH13"'
)


@dataclass(frozen=True)
class QuizQuestions(Field):
    """A contest's quiz: questions with 2 to 6 choices, the right one, why, and on what basis."""

    KEYS: ClassVar[tuple[str, ...]] = ("cau_hoi", "lua_chon", "dap_an", "giai_thich", "can_cu")

    def parse(self, value: Any, vocabularies: Vocabularies) -> tuple[QuizQuestion, ...]:
        if not isinstance(value, list) or not value:
            raise FieldError(
                "invalid-quiz",
                f'Trường "{self.key}" ({self.label}) là danh sách câu hỏi, mỗi câu dạng:\n'
                + QUIZ_EXAMPLE,
            )
        return tuple(self._question(n, entry) for n, entry in enumerate(value, start=1))

    def _question(self, number: int, entry: Any) -> QuizQuestion:
        def wrong(problem: str) -> FieldError:
            return FieldError(
                "invalid-quiz",
                f'Câu hỏi thứ {number} của "{self.key}" ({self.label}): {problem} '
                f"Mỗi câu viết dạng:\n{QUIZ_EXAMPLE}",
            )

        if not isinstance(entry, dict):
            raise wrong("không phải một bảng khóa.")
        unknown = sorted(str(k) for k in set(entry) - set(self.KEYS))
        if unknown:
            raise wrong(f"có khóa lạ {', '.join(unknown)}.")
        texts = {}
        for key in ("cau_hoi", "giai_thich", "can_cu"):
            text = entry.get(key)
            if not isinstance(text, str) or not text.strip():
                raise wrong(f'thiếu "{key}" hoặc "{key}" không phải văn bản.')
            texts[key] = " ".join(text.split())
        choices = entry.get("lua_chon")
        if (
            not isinstance(choices, list)
            or not 2 <= len(choices) <= len(QUIZ_LETTERS)
            or not all(isinstance(c, str | int | float) and str(c).strip() for c in choices)
        ):
            raise wrong(f'"lua_chon" phải là danh sách từ 2 đến {len(QUIZ_LETTERS)} phương án.')
        letters = QUIZ_LETTERS[: len(choices)]
        answer = entry.get("dap_an")
        if not isinstance(answer, str) or answer.strip().upper() not in letters:
            raise wrong(f'"dap_an" phải là một chữ cái trong {", ".join(letters)}.')
        return QuizQuestion(
            texts["cau_hoi"],
            tuple(" ".join(str(c).split()) for c in choices),
            letters.index(answer.strip().upper()),
            texts["giai_thich"],
            texts["can_cu"],
        )

    def describe(self, vocabularies: Vocabularies) -> dict[str, Any]:
        text = {"type": "string", "minLength": 1}
        return {
            "type": "array",
            "minItems": 1,
            "items": {
                "type": "object",
                "required": list(self.KEYS),
                "additionalProperties": False,
                "properties": {
                    "cau_hoi": {"title": QUIZ_LABELS["cau_hoi"], **text},
                    "lua_chon": {
                        "title": QUIZ_LABELS["lua_chon"],
                        "type": "array",
                        "minItems": 2,
                        "maxItems": len(QUIZ_LETTERS),
                        "items": {"type": ["string", "number"]},
                    },
                    "dap_an": {
                        "title": QUIZ_LABELS["dap_an"],
                        "type": "string",
                        "pattern": f"^[{QUIZ_LETTERS}a-f]$",
                    },
                    "giai_thich": {"title": QUIZ_LABELS["giai_thich"], **text},
                    "can_cu": {"title": QUIZ_LABELS["can_cu"], **text},
                },
            },
        }

    def form(self, vocabularies: Vocabularies) -> dict[str, Any]:
        widgets: dict[str, dict[str, Any]] = {
            "cau_hoi": {"widget": "text"},
            "lua_chon": {
                "widget": "list",
                "min": 2,
                "max": len(QUIZ_LETTERS),
                "field": {"name": "phuong_an", "label": "Phương án", "widget": "string"},
                "hint": "Thứ tự các phương án là A, B, C …",
            },
            "dap_an": {"widget": "select", "options": list(QUIZ_LETTERS)},
            "giai_thich": {"widget": "text"},
            "can_cu": {"widget": "string"},
        }
        return {
            "widget": "list",
            "summary": "{{fields.cau_hoi}}",
            "fields": [
                {"name": key, "label": QUIZ_LABELS[key], "required": True, **widgets[key]}
                for key in self.KEYS
            ],
        }
