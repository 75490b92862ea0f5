"""Generate a synthetic Cổng PBGDPL source tree for the benchmarks.

The portal has real agencies (the 2025 register of units), every section of every
agency, and items of 600-900 words whose front matter is valid against the schema.
Everything is drawn from `random.Random(seed)`: the same arguments give the same
bytes. The Vietnamese text it draws from (names, places, sentences, titles …) is in
corpus.yml next to this file. Usage:

    python benchmarks/generate.py OUT --agencies 70 --items 10000 --seed 1
"""

from __future__ import annotations

import argparse
import bisect
import datetime as dt
import functools
import json
import random
import re
import shutil
import sys
import time
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, NamedTuple

import yaml

from pbgdpl.editorial.scaffold import short_slug
from pbgdpl.model.fields import slugify
from pbgdpl.model.indicators import INDICATORS_BY_CODE
from pbgdpl.model.units import load_units

REPO = Path(__file__).resolve().parent.parent
MODEL = REPO / "plugins" / "pbgdpl" / "model"
COPIED = ("content", "theme", "mkdocs.yml", "build.py")

FIRST_DAY = dt.date(2019, 1, 1)
LAST_DAY = dt.date(2026, 11, 20)
# Documents are issued early enough for their effective date to stay before LAST_DAY.
LAST_ISSUE_DAY = dt.date(2026, 9, 1)
# Limits of the body's length, in words (tokens with a letter or digit).
MIN_WORDS = 600
MAX_WORDS = 900

# The sections of every agency, in the portal's order, and their share of the items.
SECTION_WEIGHTS: dict[str, float] = {
    "van-ban-moi": 5,
    "gioi-thieu-van-ban": 3,
    "hoi-dap": 5,
    "doi-thoai-chinh-sach": 1,
    "tai-lieu": 3,
    "video": 2,
    "tinh-huong": 3,
    "cuoc-thi": 1,
    "tu-sach": 1.5,
    "so-lieu": 1.5,
    "tin-tuc": 6,
}
SECTIONS = tuple(SECTION_WEIGHTS)
# Which sections an agency with fewer items than sections fills first.
SECTION_PRIORITY = (
    "tin-tuc",
    "van-ban-moi",
    "hoi-dap",
    "gioi-thieu-van-ban",
    "tai-lieu",
    "tinh-huong",
    "video",
    "so-lieu",
    "tu-sach",
    "doi-thoai-chinh-sach",
    "cuoc-thi",
)


# Banks of Vietnamese text: corpus.yml, next to this file, says what each one holds.
CORPUS = Path(__file__).resolve().with_name("corpus.yml")


def _after_body(province: str) -> str:
    """Return a province's name as written after a body's: "Ủy ban nhân dân tỉnh Lào Cai"."""
    return province[0].lower() + province[1:]


class _FieldInfo(NamedTuple):
    """A field of law: a law people know, its year, and topics that fit "về {topic}"."""

    law: str
    year: int
    topics: tuple[str, ...]


def _load_corpus() -> dict[str, Any]:
    """Load corpus.yml with every string normalised to NFC."""
    text = unicodedata.normalize("NFC", CORPUS.read_text("utf-8"))
    return _mapping(yaml.safe_load(text), "the file")


def _mapping(value: Any, where: str) -> dict[str, Any]:
    """Return `value`, a mapping with string keys in corpus.yml."""
    if not isinstance(value, dict) or not all(isinstance(k, str) for k in value):
        raise ValueError(f"{CORPUS.name}: {where} must be a mapping with text keys")
    return value


def _text(value: Any, where: str) -> str:
    """Return `value`, a string in corpus.yml."""
    if not isinstance(value, str):
        raise ValueError(f"{CORPUS.name}: {where} must be text, not {value!r}")
    return value


def _texts(value: Any, where: str) -> tuple[str, ...]:
    """Return `value`, a list of strings in corpus.yml, as a tuple."""
    if not isinstance(value, list):
        raise ValueError(f"{CORPUS.name}: {where} must be a list")
    return tuple(_text(v, where) for v in value)


def _lists(value: Any, where: str) -> dict[str, tuple[str, ...]]:
    """Return `value`, a mapping of lists of strings in corpus.yml."""
    return {k: _texts(v, f"{where}.{k}") for k, v in _mapping(value, where).items()}


_CORPUS = _load_corpus()
FIELD_INFO: dict[str, _FieldInfo] = {
    name: _FieldInfo(
        _text(entry["law"], f"fields.{name}.law"),
        int(entry["year"]),
        _texts(entry["topics"], f"fields.{name}.topics"),
    )
    for name, entry in _mapping(_CORPUS["fields"], "fields").items()
}
FOCUS_FIELDS = _lists(_CORPUS["focus_fields"], "focus_fields")
CIRCULAR_CODES: dict[str, str] = {
    slug: _text(code, f"circular_codes.{slug}")
    for slug, code in _mapping(_CORPUS["circular_codes"], "circular_codes").items()
}
OTHER_OWN_DOCUMENTS: dict[str, list[tuple[str, str, str]]] = {
    slug: [
        (
            _text(doc["type"], f"other_own_documents.{slug}"),
            _text(doc["code"], f"other_own_documents.{slug}"),
            _text(doc["issuer"], f"other_own_documents.{slug}"),
        )
        for doc in docs
    ]
    for slug, docs in _mapping(_CORPUS["other_own_documents"], "other_own_documents").items()
}
NORMATIVE_TYPES = _texts(_CORPUS["normative_types"], "normative_types")
GUIDES = _lists(_CORPUS["guides"], "guides")
FAMILY_NAMES = _texts(_CORPUS["family_names"], "family_names")
# Middle names and given names, of "men" and of "women".
NAMES: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    sex: (_texts(names["middle"], f"names.{sex}"), _texts(names["given"], f"names.{sex}"))
    for sex, names in _mapping(_CORPUS["names"], "names").items()
}
COMMUNES = _texts(_CORPUS["communes"], "communes")
STREETS = _texts(_CORPUS["streets"], "streets")
PUBLISHERS = _texts(_CORPUS["publishers"], "publishers")
SENTENCES = _texts(_CORPUS["sentences"], "sentences")
BULLETS = _texts(_CORPUS["bullets"], "bullets")
PROCEDURE_STEPS = _texts(_CORPUS["procedure_steps"], "procedure_steps")
TASK_STEPS = _texts(_CORPUS["task_steps"], "task_steps")
CONTEST_STEPS = _texts(_CORPUS["contest_steps"], "contest_steps")
USAGE_STEPS = _texts(_CORPUS["usage_steps"], "usage_steps")
HEADINGS = _lists(_CORPUS["headings"], "headings")
NEWS_TITLES: tuple[tuple[str, str], ...] = tuple(
    (_text(entry["title"], "news_titles"), _text(entry["event"], "news_titles"))
    for entry in _CORPUS["news_titles"]
)

# The lead-ins of the two lists of each section's bodies ({agency} is filled in), and
# the steps the numbered list picks from.
SECTION_LISTS: dict[str, tuple[str, str, tuple[str, ...]]] = {
    "van-ban-moi": (
        "Văn bản yêu cầu triển khai một số hoạt động sau:",
        "Để tổ chức thực hiện, {agency} giao các cơ quan, đơn vị:",
        TASK_STEPS,
    ),
    "gioi-thieu-van-ban": (
        "Để đưa văn bản vào cuộc sống, cơ quan chức năng triển khai các hoạt động:",
        "Người dân thực hiện các thủ tục liên quan theo trình tự sau:",
        PROCEDURE_STEPS,
    ),
    "hoi-dap": (
        "Hiện nay, cơ quan tư pháp đang triển khai nhiều hoạt động hỗ trợ người dân:",
        "Trình tự thực hiện như sau:",
        PROCEDURE_STEPS,
    ),
    "doi-thoai-chinh-sach": (
        "Người dân, doanh nghiệp kiến nghị tăng cường các hoạt động:",
        "Sau buổi đối thoại, cơ quan chủ trì sẽ thực hiện:",
        TASK_STEPS,
    ),
    "tai-lieu": (
        "Tài liệu được sử dụng trong các hoạt động:",
        "Khi sử dụng tài liệu, báo cáo viên, tuyên truyền viên nên:",
        USAGE_STEPS,
    ),
    "video": (
        "Video là một phần của chuỗi hoạt động tuyên truyền, gồm:",
        "Các đơn vị sử dụng video theo hướng dẫn sau:",
        USAGE_STEPS,
    ),
    "tinh-huong": (
        "Để phòng ngừa những vướng mắc tương tự, địa phương đã triển khai:",
        "Trình tự giải quyết được thực hiện như sau:",
        PROCEDURE_STEPS,
    ),
    "cuoc-thi": (
        "Song song với cuộc thi, Ban tổ chức triển khai các hoạt động:",
        "Người dự thi thực hiện các bước sau:",
        CONTEST_STEPS,
    ),
    "tu-sach": (
        "Cùng với việc phát hành ấn phẩm, đơn vị biên soạn còn:",
        "Để khai thác ấn phẩm hiệu quả, bạn đọc có thể:",
        USAGE_STEPS,
    ),
    "so-lieu": (
        "Trong kỳ báo cáo, các cơ quan, đơn vị đã thực hiện:",
        "Trong kỳ tiếp theo, các cơ quan, đơn vị tập trung:",
        TASK_STEPS,
    ),
    "tin-tuc": (
        "Các hoạt động chính trong đợt này gồm:",
        "Thời gian tới, các cơ quan, đơn vị tập trung:",
        TASK_STEPS,
    ),
}

EDIT_MARK = re.compile(r" \(cập nhật lần (\d+)\)$")

_WORD = re.compile(r"\S*\w\S*")
_VIDEO_ID = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-"


# Small helpers.


def _q(text: str) -> str:
    """Quote a string for YAML (a JSON string is a YAML double-quoted scalar)."""
    return json.dumps(text, ensure_ascii=False)


def _cap(text: str) -> str:
    """Capitalise the first letter only."""
    return text[:1].upper() + text[1:]


def _lower_first(text: str) -> str:
    """Lower the first letter only: "Về việc …" → "về việc …"."""
    return text[:1].lower() + text[1:]


def _vn_date(day: dt.date) -> str:
    """Write a date the Vietnamese way: 05/3/2024."""
    return f"{day.day:02d}/{day.month}/{day.year}"


def _vn_int(number: int) -> str:
    """Write an integer with dots between thousands: 12.600."""
    return f"{number:,}".replace(",", ".")


def _vn_dec(number: float) -> str:
    """Write a number with one decimal and a decimal comma: 87,5."""
    return f"{number:.1f}".replace(".", ",")


def _count(text: str) -> tuple[int, int]:
    """Count the words (tokens with a letter or digit) and all tokens of `text`."""
    return len(_WORD.findall(text)), len(text.split())


def _kv(key: str, value: str) -> str:
    """Write one key with a quoted string value."""
    return f"{key}: {_q(value)}"


def _list_lines(marks: Sequence[str], entries: Sequence[str], ctx: _Context) -> str:
    """Write a Markdown list: entries end with a semicolon, the last one with a full stop."""
    last = len(entries) - 1
    return "\n".join(
        f"{mark} {entry.format_map(ctx).rstrip(';.')}{'.' if i == last else ';'}"
        for i, (mark, entry) in enumerate(zip(marks, entries, strict=True))
    )


def _yaml_list(key: str, values: Sequence[str]) -> str:
    """Write a block list of quoted strings."""
    return f"{key}:\n" + "\n".join(f"  - {_q(v)}" for v in values)


def _front_matter(
    title: str,
    day: dt.date,
    description: str,
    extra: Sequence[str],
    tags: Sequence[str],
    fields: Sequence[str],
) -> str:
    """Write an item's front matter: title, date, description, `extra` lines, tags, fields."""
    head = [f"title: {_q(title)}", f"date: {day.isoformat()}", _kv("description", description)]
    return "\n".join([*head, *extra, _yaml_list("tags", tags), _yaml_list("linh_vuc", fields)])


def _apportion(total: int, weights: Sequence[float]) -> list[int]:
    """Split `total` in proportion to `weights` by the largest remainder; ties go first."""
    if total <= 0 or not weights:
        return [0] * len(weights)
    whole = sum(weights)
    raw = [total * w / whole for w in weights]
    shares = [int(r) for r in raw]
    order = sorted(range(len(weights)), key=lambda i: (shares[i] - raw[i], i))
    for i in order[: total - sum(shares)]:
        shares[i] += 1
    return shares


class _Context(dict[str, str]):
    """Values for sentence templates; {n1}, {n2} and {pct} give a fresh number each time."""

    def __init__(self, rng: random.Random, values: dict[str, str]) -> None:
        super().__init__(values)
        self.rng = rng

    def __missing__(self, key: str) -> str:
        if key == "n1":
            return str(self.rng.randint(5, 120))
        if key == "n2":
            return _vn_int(self.rng.randint(300, 25000))
        if key == "pct":
            return _vn_dec(self.rng.uniform(62, 98))
        raise KeyError(key)


class _Subject(NamedTuple):
    """What an item is about: a field of law, one of its topics, a date, and the context."""

    main: str
    topic: str
    day: dt.date
    ctx: _Context


# Agencies and documents.


@dataclass(frozen=True)
class _Unit:
    """A unit of the 2025 register, or a numbered extra one."""

    slug: str
    name: str
    kind: str


@dataclass(frozen=True)
class _Agency:
    """An agency being generated: its register entry and how its text names it."""

    slug: str
    name: str
    kind: str

    @property
    def unit(self) -> str:
        """Return the unit in charge of the agency's site."""
        if self.slug == "bo-tu-phap":
            return "Cục Phổ biến, giáo dục pháp luật và Trợ giúp pháp lý"
        if self.kind == "province":
            return f"Sở Tư pháp {self.name}"
        if self.kind in ("ministry", "sector"):
            return f"Vụ Pháp chế {self.name}"
        return f"Ban Pháp chế {self.name}"

    @property
    def speaker(self) -> str:
        """Return how sentences name the agency as an actor."""
        return f"Ủy ban nhân dân {self.name}" if self.kind == "province" else self.name

    @property
    def domain(self) -> str:
        """Return the agency's (invented) web domain."""
        compact = self.slug.replace("-", "")
        if self.kind == "province":
            return f"sotuphap.{compact}.gov.vn"
        return f"{compact}.org.vn" if self.kind == "organisation" else f"{compact}.gov.vn"


@dataclass
class _Document:
    """A legal document of a van-ban-moi section, planned before any file is written."""

    number: str
    doc_type: str
    issuer: str
    issued: dt.date
    effective: dt.date
    agency: str = ""
    signer: str = ""
    signer_title: str = ""
    fields: tuple[str, ...] = ()
    abstract: str = ""
    expires: dt.date | None = None
    relations: list[tuple[str, _Document]] = field(default_factory=list)


@functools.cache
def _load_units() -> tuple[_Unit, ...]:
    """Load the register of units, central bodies and provinces interleaved."""
    central: list[_Unit] = []
    provinces: list[_Unit] = []
    for entry in load_units():
        unit = _Unit(entry.slug, entry.name, entry.kind)
        (provinces if entry.kind == "province" else central).append(unit)
    mixed: list[_Unit] = []
    for i in range(max(len(central), len(provinces))):
        mixed.extend(group[i] for group in (central, provinces) if i < len(group))
    return tuple(mixed)


def _load_vocabularies() -> dict[str, Any]:
    """Load the controlled vocabularies of the content model."""
    text = (MODEL / "vocabularies.yml").read_text("utf-8")
    vocabularies: dict[str, Any] = yaml.safe_load(unicodedata.normalize("NFC", text))
    return vocabularies


def _numbered_unit(number: int) -> _Unit:
    """Return the extra unit `don-vi-<number>`, an organisation."""
    return _Unit(f"don-vi-{number}", f"Đơn vị số {number}", "organisation")


def _choose_units(count: int) -> list[_Unit]:
    """Return `count` units: the register first, then numbered extra ones."""
    units = list(_load_units()[:count])
    units.extend(_numbered_unit(n) for n in range(len(units) + 1, count + 1))
    return units


# The generator.


class _Generator:
    """Draw agencies, documents and items from one random stream."""

    def __init__(self, rng: random.Random, existing: Sequence[_Document] = ()) -> None:
        self.rng = rng
        vocabularies = _load_vocabularies()
        self.fields: tuple[str, ...] = tuple(vocabularies["fields"])
        if sorted(self.fields) != sorted(FIELD_INFO):
            raise RuntimeError(f"the fields of {CORPUS.name} differ from those of vocabularies.yml")
        self.material_kinds: tuple[str, ...] = tuple(vocabularies["material_kinds"])
        self.video_kinds: tuple[str, ...] = tuple(vocabularies["video_kinds"])
        self.event_formats: tuple[str, ...] = tuple(vocabularies["event_formats"])
        types = {t["name"]: t["normative"] for t in vocabularies["document_types"]}
        for name in (*NORMATIVE_TYPES, "Chỉ thị", "Công văn", "Kế hoạch", "Thông báo", "Hướng dẫn"):
            if types.get(name) is not (name in NORMATIVE_TYPES):
                raise RuntimeError(f"document type {name!r} disagrees with vocabularies.yml")
        self.provinces = [u for u in _load_units() if u.kind == "province"]
        issuers = set(vocabularies["issuers"])
        issuers.update(
            f"{body} {_after_body(p.name)}"
            for p in self.provinces
            for body in ("Hội đồng nhân dân", "Ủy ban nhân dân")
        )
        self.issuers = frozenset(issuers)
        self.ministries = {u.slug: u.name for u in _load_units() if u.slug in CIRCULAR_CODES}
        self.counters: dict[tuple[str, int | None], int] = {}
        self.used_numbers = {d.number.upper() for d in existing}
        self.documents: list[_Document] = list(existing)
        self._by_date: list[_Document] = []
        self._ordinals: list[int] = []
        self._by_field: dict[str, tuple[list[_Document], list[int]]] = {}
        self._by_agency: dict[str, list[_Document]] = {}
        self._introduced: dict[str, set[str]] = {}

    # -- random values -----------------------------------------------------------

    def date_between(self, first: dt.date, last: dt.date) -> dt.date:
        """Return a random date from `first` to `last`, both included."""
        return first + dt.timedelta(days=self.rng.randint(0, (last - first).days))

    def person(self, female: bool | None = None) -> str:
        """Return a full Vietnamese name, of a woman, a man or either."""
        rng = self.rng
        if female is None:
            female = rng.random() < 0.5
        middles, givens = NAMES["women" if female else "men"]
        return f"{rng.choice(FAMILY_NAMES)} {rng.choice(middles)} {rng.choice(givens)}"

    def field_for(self, agency: _Agency) -> str:
        """Return a field of law, often one the agency is in charge of."""
        focus = FOCUS_FIELDS.get(agency.slug)
        if focus and self.rng.random() < 0.5:
            return self.rng.choice(focus)
        return self.rng.choice(self.fields)

    def fields_from(self, main: str) -> list[str]:
        """Return `main` and, sometimes, a second field."""
        second = self.rng.choice(self.fields)
        if second != main and self.rng.random() < 0.4:
            return [main, second]
        return [main]

    def province_for(self, agency: _Agency) -> str:
        """Return the agency's province, or any province for a central agency."""
        return agency.name if agency.kind == "province" else self.rng.choice(self.provinces).name

    def context(self, agency: _Agency, field_name: str, day: dt.date, topic: str) -> _Context:
        """Return the values that fill the sentence templates of one item."""
        law, law_year, _ = FIELD_INFO[field_name]
        prose_field = _lower_first(field_name)
        if law_year > day.year:
            law = f"pháp luật về {prose_field}"
        return _Context(
            self.rng,
            {
                "agency": agency.speaker,
                "unit": agency.unit,
                "field": prose_field,
                "law": law,
                "topic": topic,
                "year": str(day.year),
                "year2": str(day.year + self.rng.choice((1, 2, 4))),
                "date": _vn_date(day),
                "commune": self.rng.choice(COMMUNES),
                "province": self.province_for(agency),
            },
        )

    def field_and_topic(self, agency: _Agency) -> tuple[str, str]:
        """Return a field of law for an item of the agency, and one of the field's topics."""
        main = self.field_for(agency)
        return main, self.rng.choice(FIELD_INFO[main].topics)

    def subject(self, agency: _Agency) -> _Subject:
        """Draw what an item is about: field, topic, a date of the portal's years, context."""
        main, topic = self.field_and_topic(agency)
        day = self.date_between(FIRST_DAY, LAST_DAY)
        return _Subject(main, topic, day, self.context(agency, main, day, topic))

    # -- documents ---------------------------------------------------------------

    def next_number(self, code: str, year: int | None) -> str:
        """Return a document number not used anywhere in the portal."""
        key = (code, year)
        serial = self.counters.get(key, self.rng.randint(0, 30))
        while True:
            serial += self.rng.randint(1, 6)
            number = f"{serial:02d}/{year}/{code}" if year else f"{serial:02d}/{code}"
            if number.upper() not in self.used_numbers:
                break
        self.counters[key] = serial
        self.used_numbers.add(number.upper())
        return number

    def own_document_kinds(self, agency: _Agency) -> list[tuple[str, str, str]]:
        """Return the (type, code, issuer) of the documents the agency issues itself."""
        if agency.kind == "province":
            council = f"Hội đồng nhân dân {_after_body(agency.name)}"
            committee = f"Ủy ban nhân dân {_after_body(agency.name)}"
            return [
                ("Quyết định", "QĐ-UBND", committee),
                ("Nghị quyết", "NQ-HĐND", council),
                ("Kế hoạch", "KH-UBND", committee),
                ("Công văn", "UBND-NC", committee),
                ("Chỉ thị", "CT-UBND", committee),
                ("Thông báo", "TB-UBND", committee),
            ]
        if agency.slug in CIRCULAR_CODES:
            code = CIRCULAR_CODES[agency.slug]
            letter = "BTP-PBGDPL" if code == "BTP" else f"{code}-PC"
            return [
                ("Thông tư", f"TT-{code}", agency.name),
                ("Kế hoạch", f"KH-{code}", agency.name),
                ("Công văn", letter, agency.name),
            ]
        return list(OTHER_OWN_DOCUMENTS.get(agency.slug, ()))

    def central_document_kind(self) -> tuple[str, str, str]:
        """Return the (type, code, issuer) of a document of the central government."""
        rng = self.rng
        roll = rng.random()
        if roll < 0.16:
            return ("Luật", "QH", "Quốc hội")
        if roll < 0.24:
            return ("Nghị quyết", "QH", "Quốc hội")
        if roll < 0.50:
            return ("Nghị định", "NĐ-CP", "Chính phủ")
        if roll < 0.62:
            return ("Quyết định", "QĐ-TTg", "Thủ tướng Chính phủ")
        if roll < 0.68:
            return ("Chỉ thị", "CT-TTg", "Thủ tướng Chính phủ")
        if roll < 0.90:
            slug = rng.choice(sorted(self.ministries))
            return ("Thông tư", f"TT-{CIRCULAR_CODES[slug]}", self.ministries[slug])
        if roll < 0.95:
            return ("Công văn", "BTP-PBGDPL", "Bộ Tư pháp")
        return ("Kế hoạch", "KH-BTP", "Bộ Tư pháp")

    def signer_title(self, issuer: str) -> str:
        """Return the title of the person who signs for `issuer`."""
        rng = self.rng
        deputy = rng.random() < 0.6
        if issuer == "Quốc hội":
            return "Chủ tịch Quốc hội"
        if issuer in ("Chính phủ", "Thủ tướng Chính phủ"):
            return "Phó Thủ tướng" if deputy else "Thủ tướng"
        if issuer.startswith("Bộ "):
            return "Thứ trưởng" if deputy else "Bộ trưởng"
        if issuer.startswith("Ủy ban nhân dân "):
            return "Phó Chủ tịch" if deputy else "Chủ tịch"
        if issuer.startswith("Hội đồng nhân dân "):
            return "Chủ tịch"
        return {
            "Ngân hàng Nhà nước Việt Nam": "Phó Thống đốc" if deputy else "Thống đốc",
            "Thanh tra Chính phủ": "Phó Tổng Thanh tra Chính phủ"
            if deputy
            else "Tổng Thanh tra Chính phủ",
            "Văn phòng Chính phủ": "Phó Chủ nhiệm" if deputy else "Bộ trưởng, Chủ nhiệm",
            "Hội đồng Thẩm phán Tòa án nhân dân tối cao": "Chánh án",
            "Viện kiểm sát nhân dân tối cao": "Phó Viện trưởng" if deputy else "Viện trưởng",
        }.get(issuer, "Phó Chủ tịch" if deputy else "Chủ tịch")

    def abstract(self, doc_type: str, field_name: str, issued: dt.date, province: str) -> str:
        """Return the abstract (trích yếu) of a document."""
        rng = self.rng
        law, law_year, topics = FIELD_INFO[field_name]
        topic = rng.choice(topics)
        prose_field = _lower_first(field_name)
        law_known = law_year < issued.year and law.startswith(("Luật", "Bộ luật"))
        where = f" trên địa bàn {province}" if province else ""
        if doc_type == "Luật":
            if law_known and rng.random() < 0.5:
                return f"Sửa đổi, bổ sung một số điều của {law}"
            return f"Về {topic}"
        if doc_type == "Nghị định":
            if law_known and rng.random() < 0.5:
                return f"Quy định chi tiết một số điều và biện pháp thi hành {law}"
            return rng.choice(
                (
                    f"Quy định xử phạt vi phạm hành chính trong lĩnh vực {prose_field}",
                    f"Quy định về {topic}",
                )
            )
        if doc_type == "Thông tư":
            return rng.choice(
                (
                    f"Hướng dẫn thực hiện một số quy định về {topic}",
                    f"Quy định chế độ báo cáo thống kê trong lĩnh vực {prose_field}",
                )
            )
        if doc_type == "Quyết định":
            return f"Ban hành Quy định về {topic}{where}"
        if doc_type == "Nghị quyết":
            if province:
                return rng.choice(
                    (
                        "Quy định mức chi bảo đảm cho công tác phổ biến, giáo dục pháp luật"
                        + where,
                        f"Về chính sách hỗ trợ {topic}{where}",
                    )
                )
            return f"Về việc thí điểm một số cơ chế, chính sách đặc thù về {topic}"
        if doc_type == "Kế hoạch":
            return f"Phổ biến, giáo dục pháp luật về {topic} năm {issued.year}{where}"
        if doc_type == "Công văn":
            return f"Về việc tăng cường phổ biến, giáo dục pháp luật về {topic}"
        if doc_type == "Chỉ thị":
            return f"Về tăng cường công tác phổ biến, giáo dục pháp luật về {topic}{where}"
        if doc_type == "Thông báo":
            return (
                f"Kết luận tại hội nghị sơ kết công tác phổ biến, giáo dục pháp luật "
                f"về lĩnh vực {prose_field} năm {issued.year}"
            )
        return f"Thực hiện công tác phổ biến, giáo dục pháp luật về {topic} năm {issued.year}"

    def plan_document(self, agency: _Agency) -> _Document:
        """Draw one document for the agency's van-ban-moi section, with a fresh number."""
        rng = self.rng
        own = self.own_document_kinds(agency)
        if own and rng.random() < 0.45:
            doc_type, code, issuer = rng.choice(own)
        else:
            doc_type, code, issuer = self.central_document_kind()
        issued = self.date_between(FIRST_DAY, LAST_ISSUE_DAY)
        if code == "QH":
            code = "QH14" if issued < dt.date(2021, 7, 20) else "QH15"
        normative = doc_type in NORMATIVE_TYPES
        number = self.next_number(code, issued.year if normative else None)
        if doc_type == "Luật":
            delay = rng.randint(120, 400)
        elif normative:
            delay = rng.randint(10, 60)
        else:
            delay = 0
        effective = min(issued + dt.timedelta(days=delay), LAST_DAY)
        main = self.field_for(agency)
        province = ""
        for body in ("Ủy ban nhân dân ", "Hội đồng nhân dân "):
            if issuer.startswith(body):
                province = issuer.removeprefix(body)
        if issuer not in self.issuers:
            raise RuntimeError(f"issuer {issuer!r} is not in the vocabulary")
        return _Document(
            number=number,
            doc_type=doc_type,
            issuer=issuer,
            issued=issued,
            effective=effective,
            agency=agency.slug,
            signer=self.person(),
            signer_title=self.signer_title(issuer),
            fields=tuple(self.fields_from(main)),
            abstract=self.abstract(doc_type, main, issued, province),
        )

    def relate(self, documents: Sequence[_Document], share: float = 0.22) -> None:
        """Give about a fifth of `documents` a relation to an earlier document."""
        rng = self.rng
        pool = sorted(self.documents, key=lambda d: (d.issued, d.number))
        ordinals = [d.issued.toordinal() for d in pool]
        for doc in sorted(documents, key=lambda d: (d.issued, d.number)):
            if rng.random() >= share:
                continue
            earlier = bisect.bisect_left(ordinals, doc.issued.toordinal())
            if earlier == 0:
                continue
            sample = [pool[rng.randrange(earlier)] for _ in range(40)]
            kinds = ["thay_the", "sua_doi_bo_sung", "huong_dan"]
            rng.shuffle(kinds)
            for kind in kinds:
                target = next((t for t in sample if self._fits(kind, doc, t)), None)
                if target is None:
                    continue
                doc.relations.append((kind, target))
                if kind == "sua_doi_bo_sung":
                    doc.abstract = (
                        f"Sửa đổi, bổ sung một số điều của {target.doc_type} số {target.number}"
                    )
                if (
                    kind == "thay_the"
                    and target.agency
                    and target.expires is None
                    and doc.effective > target.effective
                ):
                    target.expires = doc.effective
                break

    @staticmethod
    def _fits(kind: str, doc: _Document, target: _Document) -> bool:
        """Tell whether `doc` can have relation `kind` to `target`."""
        if target is doc or target.number == doc.number:
            return False
        if kind == "huong_dan":
            return target.doc_type in GUIDES.get(doc.doc_type, ())
        if kind == "sua_doi_bo_sung" and doc.doc_type not in NORMATIVE_TYPES:
            return False
        return target.doc_type == doc.doc_type and target.issuer == doc.issuer

    def index_documents(self) -> None:
        """Index every known document by date and by field, for references."""
        self._by_date = sorted(self.documents, key=lambda d: (d.issued, d.number))
        self._ordinals = [d.issued.toordinal() for d in self._by_date]
        by_field: dict[str, list[_Document]] = {}
        for doc in self._by_date:
            for name in doc.fields:
                by_field.setdefault(name, []).append(doc)
        self._by_field = {
            name: (docs, [d.issued.toordinal() for d in docs]) for name, docs in by_field.items()
        }
        self._by_agency = {}
        for doc in self.documents:
            if doc.agency:
                self._by_agency.setdefault(doc.agency, []).append(doc)

    def documents_before(self, day: dt.date, field_name: str, count: int) -> list[_Document]:
        """Return up to `count` distinct documents issued before `day`, of the field if any."""
        docs, ordinals = self._by_field.get(field_name, ([], []))
        end = bisect.bisect_left(ordinals, day.toordinal())
        if end == 0:
            docs, ordinals = self._by_date, self._ordinals
            end = bisect.bisect_left(ordinals, day.toordinal())
        if end == 0:
            return []
        chosen: list[_Document] = []
        for _ in range(count):
            doc = docs[self.rng.randrange(end)]
            if doc not in chosen:
                chosen.append(doc)
        return chosen

    def cited(self, key: str, day: dt.date, field_name: str) -> list[str]:
        """Return the front-matter list `key` of one or two documents issued before `day`.

        The list is empty when no document is that old.
        """
        documents = self.documents_before(day, field_name, self.rng.randint(1, 2))
        return [_yaml_list(key, [d.number for d in documents])] if documents else []

    # -- bodies ------------------------------------------------------------------

    def body(self, section: str, ctx: _Context, lead: str, table: Sequence[str]) -> str:
        """Assemble a body of 600-900 words: lead, headings, two lists, a table, paragraphs.

        The headings, the lists' lead-ins and the steps to pick from are the section's.
        """
        rng = self.rng
        headings = HEADINGS[section]
        bullet_intro, numbered_intro, steps = SECTION_LISTS[section]
        sentences = iter(rng.sample(SENTENCES, len(SENTENCES)))
        target = rng.randint(640, 830)
        blocks: list[str] = []
        words = tokens = 0

        def add(text: str) -> None:
            nonlocal words, tokens
            w, t = _count(text)
            words += w
            tokens += t
            blocks.append(text)

        def paragraph(count: int) -> str:
            return " ".join(next(sentences).format_map(ctx) for _ in range(count))

        if lead.endswith(":"):
            add(lead)
            add(paragraph(1))
        else:
            add(f"{lead} {paragraph(1)}")
        add(f"## {headings[0]}")
        add(paragraph(2))
        bullets = rng.sample(BULLETS, rng.randint(4, 5))
        add(bullet_intro.format_map(ctx) + "\n\n" + _list_lines(["-"] * len(bullets), bullets, ctx))
        add(f"## {headings[1]}")
        add(paragraph(2))
        picked = sorted(rng.sample(range(len(steps)), min(len(steps), rng.randint(4, 5))))
        marks = [f"{n}." for n in range(1, len(picked) + 1)]
        add(
            numbered_intro.format_map(ctx)
            + "\n\n"
            + _list_lines(marks, [steps[i] for i in picked], ctx)
        )
        add(f"## {headings[2]}")
        add("\n".join(table))
        add(paragraph(1))
        tail = list(headings[3:])
        current: list[str] = []
        for sentence in sentences:
            if words >= target:
                break
            text = sentence.format_map(ctx)
            w, t = _count(text)
            if tokens + t + 2 > MAX_WORDS - 10:
                break
            if not current or len(current) >= 4:
                if current:
                    blocks.append(" ".join(current))
                    current = []
                if tail:
                    heading = f"## {tail.pop(0)}"
                    add(heading)
            current.append(text)
            words += w
            tokens += t
        if current:
            blocks.append(" ".join(current))
        return "\n\n".join(blocks)

    # -- items ---------------------------------------------------------------------

    def document_item(self, agency: _Agency, doc: _Document) -> tuple[str, str, str]:
        """Return the slug, front matter and body of a van-ban-moi item."""
        abstract_l = _lower_first(doc.abstract)
        title = f"{doc.doc_type} số {doc.number} {abstract_l}"
        relations: dict[str, list[str]] = {}
        for kind, target in doc.relations:
            relations.setdefault(kind, []).append(target.number)
        effect = (
            "có hiệu lực thi hành kể từ ngày ký"
            if doc.effective == doc.issued
            else f"có hiệu lực thi hành từ ngày {_vn_date(doc.effective)}"
        )
        description = (
            f"{doc.issuer} ban hành {doc.doc_type} số {doc.number} {abstract_l}; văn bản {effect}."
        )
        lines = [
            f"title: {_q(title)}",
            f"description: {_q(description)}",
            f"so_ky_hieu: {_q(doc.number)}",
            f"loai_van_ban: {_q(doc.doc_type)}",
            f"co_quan_ban_hanh: {_q(doc.issuer)}",
            f"nguoi_ky: {_q(doc.signer)}",
            f"chuc_danh: {_q(doc.signer_title)}",
            f"ngay_ban_hanh: {doc.issued.isoformat()}",
            f"ngay_hieu_luc: {doc.effective.isoformat()}",
        ]
        if doc.expires:
            lines.append(f"ngay_het_hieu_luc: {doc.expires.isoformat()}")
        lines.append(_yaml_list("linh_vuc", doc.fields))
        lines.append(f"trich_yeu: {_q(doc.abstract)}")
        for kind in ("sua_doi_bo_sung", "thay_the", "huong_dan"):
            if kind in relations:
                lines.append(_yaml_list(kind, relations[kind]))
        main = doc.fields[0]
        topic = self.rng.choice(FIELD_INFO[main].topics)
        lines.append(_yaml_list("tags", [_lower_first(main), topic]))
        ctx = self.context(agency, main, doc.issued, topic)
        lead = (
            f"Ngày {_vn_date(doc.issued)}, {doc.issuer} ban hành {doc.doc_type} số "
            f"{doc.number} {abstract_l}. Văn bản do {doc.signer_title} "
            f"{doc.signer} ký và {effect}."
        )
        for kind, target in doc.relations:
            if kind == "thay_the":
                lead += (
                    f" {doc.doc_type} này thay thế {target.doc_type} số {target.number} "
                    f"ngày {_vn_date(target.issued)} của {target.issuer}."
                )
            elif kind == "sua_doi_bo_sung":
                lead += (
                    f" Văn bản sửa đổi, bổ sung một số điều của {target.doc_type} số "
                    f"{target.number}."
                )
            else:
                lead += (
                    f" Văn bản quy định chi tiết, hướng dẫn thi hành {target.doc_type} "
                    f"số {target.number} của {target.issuer}."
                )
        table = [
            "| Thông tin | Nội dung |",
            "|---|---|",
            f"| Số ký hiệu | {doc.number} |",
            f"| Loại văn bản | {doc.doc_type} |",
            f"| Cơ quan ban hành | {doc.issuer} |",
            f"| Người ký | {doc.signer_title} {doc.signer} |",
            f"| Ngày ban hành | {_vn_date(doc.issued)} |",
            f"| Ngày có hiệu lực | {_vn_date(doc.effective)} |",
        ]
        body = self.body("van-ban-moi", ctx, lead, table)
        return slugify(f"{doc.doc_type} {doc.number}"), "\n".join(lines), body

    def introduction_item(self, agency: _Agency) -> tuple[str, str, str]:
        """Return the slug, front matter and body of a gioi-thieu-van-ban item."""
        rng = self.rng
        own = self._by_agency.get(agency.slug, [])
        pool = own if own and rng.random() < 0.6 else self._by_date
        if pool:
            introduced = self._introduced.setdefault(agency.slug, set())
            for _ in range(8):
                doc = pool[rng.randrange(len(pool))]
                if doc.number not in introduced and doc.doc_type in NORMATIVE_TYPES:
                    break
            introduced.add(doc.number)
            day = min(doc.issued + dt.timedelta(days=rng.randint(3, 60)), LAST_DAY)
            main = doc.fields[0] if doc.fields else self.field_for(agency)
            fields = list(doc.fields) or [main]
            number, doc_type, issuer = doc.number, doc.doc_type, doc.issuer
            abstract = _lower_first(doc.abstract) if doc.abstract else ""
        else:
            day = self.date_between(dt.date(2019, 5, 1), LAST_DAY)
            main = "Phổ biến, giáo dục pháp luật"
            fields = [main]
            number, doc_type, issuer = "14/2019/QĐ-TTg", "Quyết định", "Thủ tướng Chính phủ"
            abstract = "về xây dựng, quản lý, khai thác Tủ sách pháp luật"
        topic = rng.choice(FIELD_INFO[main].topics)
        title = rng.choice(
            (
                f"Những điểm mới của {doc_type} số {number}",
                f"{doc_type} số {number} có gì mới?",
                f"Giới thiệu {doc_type} số {number} {abstract}".rstrip(),
            )
        )[:300]
        ctx = self.context(agency, main, day, topic)
        front = _front_matter(
            title,
            day,
            f"Giới thiệu những nội dung cơ bản của {doc_type} số {number} do {issuer} ban hành.",
            [f"van_ban: {_q(number)}"],
            [topic, _lower_first(doc_type)],
            fields,
        )
        lead = (
            f"{doc_type} số {number} của {issuer} {abstract} là văn bản có tác động "
            f"trực tiếp đến lĩnh vực {ctx['field']}. Bài viết giới thiệu những nội dung cơ "
            f"bản để cán bộ, công chức và người dân nắm được, thực hiện đúng."
        )
        before, after = sorted(rng.sample(range(5, 30), 2), reverse=True)
        table = [
            "| Nội dung | Trước đây | Theo quy định mới |",
            "|---|---|---|",
            "| Hình thức nộp hồ sơ | Chủ yếu nộp trực tiếp | Trực tiếp hoặc trực tuyến |",
            f"| Thời hạn giải quyết | {before} ngày làm việc | {after} ngày làm việc |",
            f"| Thành phần hồ sơ | {rng.randint(5, 9)} loại giấy tờ | "
            f"{rng.randint(2, 4)} loại giấy tờ |",
            "| Công khai thông tin | Chưa quy định cụ thể | Bắt buộc công khai trên cổng "
            "thông tin điện tử |",
        ]
        slug = f"gioi-thieu-{slugify(f'{doc_type} {number}')}"
        return slug, front, self.body("gioi-thieu-van-ban", ctx, lead, table)

    def question_item(self, agency: _Agency) -> tuple[str, str, str]:
        """Return the slug, front matter and body of a hoi-dap item."""
        rng = self.rng
        main, topic, day, ctx = self.subject(agency)
        honorific = rng.choice(("Ông", "Bà", "Anh", "Chị"))
        family, middle, given = self.person(honorific in ("Bà", "Chị")).split()
        asker = f"{honorific} {family} {middle} {given[0]}., {ctx['commune']}, {ctx['province']}"
        question = rng.choice(
            (
                f"Gia đình tôi ở {ctx['commune']}, {ctx['province']} đang cần tìm hiểu quy định về "
                f"{topic}. Xin hỏi pháp luật hiện hành quy định như thế nào, cần chuẩn bị những "
                "giấy tờ gì và nộp hồ sơ ở đâu?",
                f"Tôi nghe nói các quy định về {topic} vừa có nhiều thay đổi từ năm {day.year}. "
                "Xin hỏi những thay đổi đó là gì và người dân cần lưu ý điều gì để thực hiện đúng?",
                f"Tôi là cán bộ thôn ở {ctx['commune']}, thường được bà con hỏi về {topic}. Xin "
                "cho biết căn cứ pháp lý, quyền và nghĩa vụ của người dân cũng như cơ quan có "
                "thẩm quyền giải quyết trong trường hợp này?",
            )
        )
        title = rng.choice(
            (
                f"Pháp luật quy định thế nào về {topic}?",
                f"Những điều cần biết về {topic}",
                f"Hỏi đáp về {topic}",
            )
        )
        front = _front_matter(
            title,
            day,
            f"Giải đáp câu hỏi của người dân về {topic}: căn cứ pháp lý, "
            "trình tự, thủ tục và những lưu ý khi thực hiện.",
            [
                f"cau_hoi: {_q(question)}",
                f"nguoi_hoi: {_q(asker)}",
                *self.cited("can_cu", day, main),
            ],
            [topic, _lower_first(main)],
            self.fields_from(main),
        )
        lead = f"{agency.unit} trả lời {honorific.lower()} như sau:"
        days = rng.randint(3, 20)
        fee = rng.choice(("Miễn lệ phí", "Theo quy định của Hội đồng nhân dân cấp tỉnh"))
        table = [
            "| Nội dung | Quy định |",
            "|---|---|",
            "| Cơ quan tiếp nhận | Ủy ban nhân dân cấp xã nơi cư trú |",
            "| Hình thức nộp | Trực tiếp, qua bưu chính hoặc trực tuyến |",
            f"| Thời hạn giải quyết | {days:02d} ngày làm việc |",
            f"| Lệ phí | {fee} |",
        ]
        return short_slug(title), front, self.body("hoi-dap", ctx, lead, table)

    def dialogue_item(self, agency: _Agency) -> tuple[str, str, str]:
        """Return the slug, front matter and body of a doi-thoai-chinh-sach item."""
        rng = self.rng
        main, topic = self.field_and_topic(agency)
        day = self.date_between(dt.date(2019, 1, 10), LAST_DAY)
        held = day - dt.timedelta(days=rng.randint(1, 5))
        ctx = self.context(agency, main, day, topic)
        fmt = rng.choice(self.event_formats)
        title = rng.choice(
            (
                f"Đối thoại chính sách: {_cap(topic)}",
                f"Đối thoại với người dân, doanh nghiệp về {topic}",
                f"Đối thoại chính sách pháp luật về {ctx['field']} năm {held.year}",
            )
        )
        venue = rng.choice(
            (
                f"Hội trường {agency.unit}, {ctx['province']}",
                f"Trụ sở Ủy ban nhân dân {ctx['commune']}, {ctx['province']}",
            )
        )
        front = _front_matter(
            title,
            day,
            f"Tóm tắt ý kiến của người dân, doanh nghiệp và trả lời của "
            f"{agency.unit} tại buổi đối thoại về {topic}.",
            [
                f"ngay_doi_thoai: {held.isoformat()}",
                f"dia_diem: {_q(venue)}",
                _kv("chu_tri", f"Lãnh đạo {agency.unit}"),
                f"hinh_thuc: {_q(fmt)}",
                *self.cited("van_ban", held, main),
            ],
            ["đối thoại chính sách", topic],
            self.fields_from(main),
        )
        lead = (
            f"Ngày {_vn_date(held)}, {agency.unit} tổ chức đối thoại chính sách về {topic} "
            f"theo hình thức {fmt}, với sự tham gia của đại diện các sở, ngành, chính "
            "quyền cơ sở, doanh nghiệp và người dân."
        )
        groups = (
            "Thủ tục hành chính",
            "Chính sách hỗ trợ",
            "Quyền và nghĩa vụ của người dân",
            "Kiến nghị sửa đổi quy định",
        )
        table = ["| Nhóm câu hỏi | Số câu hỏi | Đã trả lời tại buổi đối thoại |", "|---|---|---|"]
        for group in groups:
            asked = rng.randint(4, 40)
            table.append(f"| {group} | {asked} | {rng.randint(asked // 2, asked)} |")
        return short_slug(title), front, self.body("doi-thoai-chinh-sach", ctx, lead, table)

    def material_item(self, agency: _Agency) -> tuple[str, str, str]:
        """Return the slug, front matter and body of a tai-lieu item."""
        rng = self.rng
        main, topic, day, ctx = self.subject(agency)
        kind = rng.choice(self.material_kinds)
        title = {
            "đề cương": f"Đề cương giới thiệu {ctx['law']}",
            "sổ tay": f"Sổ tay pháp luật về {topic}",
            "tờ gấp": f"Tờ gấp tuyên truyền về {topic}",
            "hỏi đáp": f"Hỏi - đáp pháp luật về {topic}",
        }.get(kind, f"Tài liệu bồi dưỡng báo cáo viên pháp luật về {ctx['field']}")
        front = _front_matter(
            title,
            day,
            f"{_cap(kind)} do {agency.unit} biên soạn, dùng cho báo cáo "
            "viên, tuyên truyền viên pháp luật và người dân.",
            [f"loai_tai_lieu: {_q(kind)}"],
            [kind, topic],
            self.fields_from(main),
        )
        lead = (
            f"Nhằm phục vụ công tác phổ biến, giáo dục pháp luật năm {day.year}, "
            f"{agency.unit} biên soạn {kind} về {topic}, dùng cho báo cáo viên, tuyên "
            "truyền viên pháp luật và người dân."
        )
        table = ["| Phần | Nội dung | Số trang |", "|---|---|---|"]
        parts = (
            "Những vấn đề chung",
            f"Quy định về {topic}",
            "Tình huống thường gặp",
            "Hỏi - đáp và phụ lục",
        )
        for n, part in enumerate(parts, start=1):
            table.append(f"| Phần {n} | {part} | {rng.randint(4, 40)} |")
        return short_slug(title), front, self.body("tai-lieu", ctx, lead, table)

    def video_item(self, agency: _Agency) -> tuple[str, str, str]:
        """Return the slug, front matter and body of a video item."""
        rng = self.rng
        main, topic, day, ctx = self.subject(agency)
        kind = rng.choice(self.video_kinds)
        title = {
            "tiểu phẩm": f"Tiểu phẩm: {_cap(topic)}",
            "phóng sự": f"Phóng sự: Người dân {ctx['province']} với {topic}",
            "tọa đàm": f"Tọa đàm: Những điều cần biết về {topic}",
        }.get(kind, f"Video hướng dẫn: {_cap(topic)}")
        minutes, seconds = rng.randint(3, 45), rng.randint(0, 59)
        duration = f"{minutes:02d}:{seconds:02d}"
        video_id = "".join(rng.choices(_VIDEO_ID, k=11))
        front = _front_matter(
            title,
            day,
            f"Video {kind} về {topic} do {agency.unit} thực hiện.",
            [
                f"url: https://www.youtube.com/watch?v={video_id}",
                f"thoi_luong: {_q(duration)}",
                f"loai_video: {_q(kind)}",
            ],
            [kind, topic],
            self.fields_from(main),
        )
        lead = (
            f"Video {kind} do {agency.unit} thực hiện, thời lượng {minutes} phút {seconds} "
            f"giây, truyền tải những quy định cơ bản về {topic} bằng hình ảnh gần gũi, "
            "dễ hiểu."
        )
        table = ["| Phân đoạn | Thời điểm | Nội dung |", "|---|---|---|"]
        marks = sorted(rng.sample(range(0, minutes * 60 + seconds), 4))
        parts = (
            "Tình huống mở đầu",
            "Phân tích quy định",
            "Lời khuyên của chuyên gia",
            "Thông điệp kết thúc",
        )
        for n, (mark, part) in enumerate(zip(marks, parts, strict=True), start=1):
            table.append(f"| {n} | {mark // 60:02d}:{mark % 60:02d} | {part} |")
        return short_slug(title), front, self.body("video", ctx, lead, table)

    def case_item(self, agency: _Agency) -> tuple[str, str, str]:
        """Return the slug, front matter and body of a tinh-huong item."""
        rng = self.rng
        main, topic, day, ctx = self.subject(agency)
        title = rng.choice(
            (
                f"Tình huống pháp luật về {topic}",
                f"Vướng mắc về {topic} được giải quyết thế nào?",
            )
        )
        front = _front_matter(
            title,
            day,
            f"Phân tích một tình huống thực tế về {topic} và hướng giải "
            "quyết theo quy định của pháp luật.",
            self.cited("can_cu", day, main),
            ["tình huống pháp luật", topic],
            self.fields_from(main),
        )
        first, second = self.person(False), self.person(True)
        lead = (
            f"Ông {first} và bà {second} là hàng xóm ở {ctx['commune']}, "
            f"{ctx['province']}. Năm {day.year}, giữa hai gia đình phát sinh vướng mắc "
            f"liên quan đến {topic}. Sau nhiều lần tự thương lượng không thành, ông "
            f"{first.split()[-1]} đề nghị tổ hòa giải thôn và Ủy ban nhân dân xã giúp "
            "giải quyết."
        )
        table = [
            "| Vấn đề | Quy định áp dụng | Hướng xử lý |",
            "|---|---|---|",
            f"| Xác định quyền của các bên | {ctx['law']} | Đối chiếu giấy tờ, hồ sơ |",
            "| Hòa giải tại cơ sở | Luật Hòa giải ở cơ sở năm 2013 | Tổ hòa giải thôn chủ trì |",
            "| Giải quyết khi không hòa giải thành | Quy định về thẩm quyền giải quyết | "
            "Ủy ban nhân dân hoặc Tòa án |",
        ]
        return short_slug(title), front, self.body("tinh-huong", ctx, lead, table)

    def contest_item(self, agency: _Agency) -> tuple[str, str, str]:
        """Return the slug, front matter and body of a cuoc-thi item."""
        rng = self.rng
        main, topic = self.field_and_topic(agency)
        day = self.date_between(FIRST_DAY, dt.date(2026, 7, 1))
        starts = day + dt.timedelta(days=rng.randint(3, 20))
        ends = starts + dt.timedelta(days=rng.randint(20, 75))
        ctx = self.context(agency, main, day, topic)
        fmt = rng.choice(self.event_formats)
        title = rng.choice(
            (
                f"Cuộc thi tìm hiểu pháp luật về {ctx['field']} năm {starts.year}",
                f"Cuộc thi “Tìm hiểu {ctx['law']}” năm {starts.year}",
                f"Cuộc thi tìm hiểu pháp luật về {topic} dành cho học sinh, sinh viên",
            )
        )
        front = _front_matter(
            title,
            day,
            f"Thể lệ, thời gian và cơ cấu giải thưởng của cuộc thi tìm hiểu "
            f"pháp luật về {topic} do {agency.name} tổ chức.",
            [
                f"ngay_bat_dau: {starts.isoformat()}",
                f"ngay_ket_thuc: {ends.isoformat()}",
                f"don_vi_to_chuc: {_q(agency.speaker)}",
                f"hinh_thuc: {_q(fmt)}",
                f"lien_ket: https://{agency.domain}/cuoc-thi-{starts.year}",
            ],
            ["cuộc thi", topic],
            self.fields_from(main),
        )
        lead = (
            f"{agency.speaker} tổ chức cuộc thi tìm hiểu pháp luật về {topic} theo hình "
            f"thức {fmt}, diễn ra từ ngày {_vn_date(starts)} đến ngày {_vn_date(ends)}."
        )
        table = ["| Giải | Số lượng | Giá trị mỗi giải (đồng) |", "|---|---|---|"]
        for prize, count, value in (
            ("Giải Nhất", 1, 5),
            ("Giải Nhì", 2, 3),
            ("Giải Ba", 3, 2),
            ("Giải Khuyến khích", rng.randint(5, 20), 1),
        ):
            table.append(f"| {prize} | {count:02d} | {_vn_int(value * 1_000_000)} |")
        return short_slug(title), front, self.body("cuoc-thi", ctx, lead, table)

    def book_item(self, agency: _Agency) -> tuple[str, str, str]:
        """Return the slug, front matter and body of a tu-sach item."""
        rng = self.rng
        main, topic, day, ctx = self.subject(agency)
        title = rng.choice(
            (
                f"Cẩm nang pháp luật về {topic}",
                f"Hỏi - đáp {ctx['law']}",
                f"Sổ tay {topic} dành cho người dân",
                f"Tìm hiểu pháp luật về {ctx['field']}",
            )
        )
        publisher = rng.choice(PUBLISHERS)
        year = day.year if rng.random() < 0.7 else max(2018, day.year - 1)
        pages = rng.randint(80, 320)
        front = _front_matter(
            title,
            day,
            f"Ấn phẩm {pages} trang về {topic}, được đăng toàn văn trên Tủ sách pháp luật điện tử.",
            [
                f"tac_gia: {_q(agency.unit)}",
                f"nha_xuat_ban: {_q(publisher)}",
                f"nam_xuat_ban: {year}",
            ],
            ["tủ sách pháp luật", topic],
            self.fields_from(main),
        )
        lead = (
            f"Cuốn sách “{title}” do {agency.unit} biên soạn, {publisher} xuất bản năm "
            f"{year}, dày {pages} trang, được cấp miễn phí cho Tủ sách pháp luật ở cơ sở."
        )
        table = ["| Phần | Nội dung | Trang |", "|---|---|---|"]
        page = 5
        for n, part in enumerate(
            (
                "Những vấn đề chung",
                f"Quy định về {topic}",
                "Câu hỏi thường gặp",
                "Tình huống minh họa",
            ),
            start=1,
        ):
            table.append(f"| Phần {n} | {part} | {page} |")
            page += rng.randint(15, max(16, pages // 4))
        return short_slug(title), front, self.body("tu-sach", ctx, lead, table)

    def statistics_item(self, agency: _Agency) -> tuple[str, str, str]:
        """Return the slug, front matter and body of a so-lieu item."""
        rng = self.rng
        main, topic = self.field_and_topic(agency)
        roll = rng.random()
        if roll < 0.5:
            year = rng.randint(2019, 2025)
            period = f"Năm {year}"
            day = self.date_between(dt.date(year + 1, 1, 5), dt.date(year + 1, 3, 31))
        elif roll < 0.8:
            year = rng.randint(2019, 2026)
            period = f"6 tháng đầu năm {year}"
            day = self.date_between(dt.date(year, 7, 1), dt.date(year, 8, 31))
        else:
            year = rng.randint(2019, 2026)
            quarter = rng.randint(1, 3)
            period = f"Quý {('I', 'II', 'III')[quarter - 1]} năm {year}"
            first = dt.date(year, quarter * 3 + 1, 1)
            day = self.date_between(first, first + dt.timedelta(days=25))
        ctx = self.context(agency, main, day, topic)
        # Ranges per indicator code of the so-lieu section (pbgdpl.model.indicators).
        catalogue = (
            ("so_cuoc_truc_tiep", 20, 2000),
            ("so_luot_nguoi_tham_du", 2000, 900000),
            ("so_tai_lieu_phat_hanh", 500, 200000),
            ("so_cau_hoi_tra_loi", 50, 6000),
            ("so_cuoc_thi", 1, 12),
            ("so_luot_du_thi", 500, 300000),
            ("so_tin_bai_dang_tai", 100, 5000),
            ("so_luot_truy_cap", 5000, 2000000),
        )
        figures = []
        for code, low, high in rng.sample(catalogue, rng.randint(3, 5)):
            indicator = INDICATORS_BY_CODE[code]
            figures.append((code, indicator.label, rng.randint(low, high), indicator.unit))
        chi_tieu = "\n".join(f"  {code}: {value}" for code, _, value, _ in figures)
        title = (
            f"Số liệu công tác phổ biến, giáo dục pháp luật {_lower_first(period)} "
            f"của {agency.name}"
        )
        front = _front_matter(
            title,
            day,
            f"Tổng hợp kết quả công tác phổ biến, giáo dục pháp luật "
            f"{_lower_first(period)}, trong đó có lĩnh vực {ctx['field']}.",
            [f"nam: {year}", f"ky_bao_cao: {_q(period)}", f"chi_tieu:\n{chi_tieu}"],
            ["thống kê", "số liệu"],
            [
                "Phổ biến, giáo dục pháp luật",
                *([main] if main != "Phổ biến, giáo dục pháp luật" else []),
            ],
        )
        lead = (
            f"{agency.unit} tổng hợp kết quả công tác phổ biến, giáo dục pháp luật "
            f"{_lower_first(period)} trên cơ sở báo cáo của các cơ quan, đơn vị, xã, "
            "phường."
        )
        table = ["| Chỉ tiêu | Kết quả | Đơn vị tính |", "|---|---|---|"]
        for _, name, value, unit in figures:
            table.append(f"| {name} | {_vn_int(value)} | {unit} |")
        return short_slug(f"so-lieu-{period}"), front, self.body("so-lieu", ctx, lead, table)

    def news_item(self, agency: _Agency) -> tuple[str, str, str]:
        """Return the slug, front matter and body of a tin-tuc item."""
        rng = self.rng
        main, topic = self.field_and_topic(agency)
        template, event = rng.choice(NEWS_TITLES)
        if "Ngày Pháp luật" in template:
            year = rng.randint(2019, 2026)
            day = self.date_between(dt.date(year, 10, 20), dt.date(year, 11, 20))
        else:
            day = self.date_between(FIRST_DAY, LAST_DAY)
        ctx = self.context(agency, main, day, topic)
        title = template.format_map(ctx)
        front = _front_matter(
            title,
            day,
            f"{agency.unit} tổ chức {event} về {topic} cho cán bộ, công chức và người dân.",
            [],
            [topic, _lower_first(main)],
            self.fields_from(main),
        )
        lead = (
            f"Ngày {_vn_date(day)}, {agency.unit} tổ chức {event} về {topic} cho cán bộ, "
            f"công chức và người dân tại {ctx['commune']}, {ctx['province']}. Tham dự có "
            f"{rng.randint(40, 400)} đại biểu là lãnh đạo các cơ quan, đơn vị, báo cáo "
            "viên pháp luật và hòa giải viên ở cơ sở."
        )
        table = ["| Hoạt động | Số lượng | Số người tham gia |", "|---|---|---|"]
        for activity in (
            "Hội nghị, tọa đàm",
            "Lớp tập huấn",
            "Buổi tuyên truyền lưu động",
            "Tin, bài, video đăng tải",
        ):
            table.append(
                f"| {activity} | {rng.randint(2, 60)} | {_vn_int(rng.randint(50, 9000))} |"
            )
        return short_slug(title), front, self.body("tin-tuc", ctx, lead, table)

    def item(self, agency: _Agency, section: str) -> tuple[str, str, str]:
        """Return the slug, front matter and body of an item of any section but van-ban-moi."""
        makers = {
            "gioi-thieu-van-ban": self.introduction_item,
            "hoi-dap": self.question_item,
            "doi-thoai-chinh-sach": self.dialogue_item,
            "tai-lieu": self.material_item,
            "video": self.video_item,
            "tinh-huong": self.case_item,
            "cuoc-thi": self.contest_item,
            "tu-sach": self.book_item,
            "so-lieu": self.statistics_item,
            "tin-tuc": self.news_item,
        }
        return makers[section](agency)

    # -- agencies --------------------------------------------------------------------

    def agency_yaml(self, agency: _Agency, sections: Sequence[str]) -> str:
        """Return the agency.yml of an agency."""
        rng = self.rng
        scope = (
            f"trên địa bàn {agency.name}"
            if agency.kind == "province"
            else f"thuộc ngành, lĩnh vực do {agency.name} phụ trách"
        )
        city = agency.name if agency.kind == "province" else "Hà Nội"
        ward = rng.choice([c for c in COMMUNES if c.startswith("phường")])
        address = f"Số {rng.randint(1, 250)} {rng.choice(STREETS)}, {ward}, {city}"
        phone = f"0{rng.randint(200, 299)} {rng.randint(100, 999)} {rng.randint(1000, 9999)}"
        description = (
            f"Trang thông tin điện tử phổ biến, giáo dục pháp luật của {agency.name}, "
            f"cập nhật văn bản mới, hỏi đáp pháp luật, tài liệu và hoạt động phổ "
            f"biến, giáo dục pháp luật {scope}."
        )
        # GitHub logins are at most 39 characters, never with a doubled hyphen.
        login = agency.slug[:28].rstrip("-")
        return (
            "\n".join(
                (
                    f"slug: {agency.slug}",
                    f"name: {_q(agency.name)}",
                    f"kind: {agency.kind}",
                    f"unit: {_q(agency.unit)}",
                    f"description: {_q(description)}",
                    "contacts:",
                    f"  address: {_q(address)}",
                    f"  phone: {_q(phone)}",
                    f"  email: pbgdpl@{agency.domain}",
                    f"  website: https://{agency.domain}",
                    f"editors: [{login}-bientap-1, {login}-bientap-2]",
                    f"sections: [{', '.join(sections)}]",
                )
            )
            + "\n"
        )

    def write_agencies(
        self, root: Path, agencies: Sequence[_Agency], counts: Sequence[int]
    ) -> list[Path]:
        """Write agency.yml and every item of `agencies`; return the items' paths."""
        plans: list[dict[str, int]] = [_section_counts(n) for n in counts]
        planned: dict[str, list[_Document]] = {}
        new_documents: list[_Document] = []
        for agency, plan in zip(agencies, plans, strict=True):
            docs = [self.plan_document(agency) for _ in range(plan.get("van-ban-moi", 0))]
            planned[agency.slug] = docs
            new_documents.extend(docs)
        self.documents.extend(new_documents)
        self.relate(new_documents)
        self.index_documents()
        paths: list[Path] = []
        for agency, plan in zip(agencies, plans, strict=True):
            folder = root / "agencies" / agency.slug
            folder.mkdir(parents=True, exist_ok=True)
            sections = [s for s in SECTIONS if plan.get(s)] or list(SECTIONS)
            (folder / "agency.yml").write_text(self.agency_yaml(agency, sections), "utf-8")
            unwritten = iter(planned[agency.slug])
            for section in SECTIONS:
                count = plan.get(section, 0)
                if not count:
                    continue
                section_dir = folder / section
                section_dir.mkdir(exist_ok=True)
                taken: set[str] = set()
                for _ in range(count):
                    if section == "van-ban-moi":
                        slug, front, body = self.document_item(agency, next(unwritten))
                    else:
                        slug, front, body = self.item(agency, section)
                    path = section_dir / f"{_unique(slug, taken)}.md"
                    path.write_text(f"---\n{front}\n---\n\n{body}\n", "utf-8")
                    paths.append(path)
        return paths


def _unique(slug: str, taken: set[str]) -> str:
    """Return `slug`, or `slug-2`, `slug-3` … if taken; remember the result."""
    candidate, n = slug, 1
    while candidate in taken:
        n += 1
        candidate = f"{slug}-{n}"
    taken.add(candidate)
    return candidate


def _section_counts(total: int) -> dict[str, int]:
    """Spread an agency's items over the sections: one each first, then by weight."""
    if total < len(SECTIONS):
        return {s: 1 for s in SECTION_PRIORITY[:total]}
    extra = _apportion(total - len(SECTIONS), list(SECTION_WEIGHTS.values()))
    return {s: 1 + n for s, n in zip(SECTIONS, extra, strict=True)}


def _agency_counts(rng: random.Random, agencies: int, items: int) -> list[int]:
    """Spread the items over agencies of uneven size (weights 1 to 3)."""
    weights = [rng.choice((1, 2, 3)) for _ in range(agencies)]
    if items >= len(SECTIONS) * agencies:
        base = len(SECTIONS)
    elif items >= agencies:
        base = 1
    else:
        base = 0
    extra = _apportion(items - base * agencies, weights)
    return [base + n for n in extra]


def _read_front_value(text: str, key: str) -> str | None:
    """Return the plain or quoted value of a top-level front-matter key, if written inline."""
    match = re.search(rf"^{key}:[ \t]*(.+?)[ \t]*$", text, flags=re.MULTILINE)
    if not match:
        return None
    value = match.group(1)
    if value.startswith('"'):
        return str(json.loads(value))
    if value.startswith("'") and value.endswith("'"):
        return value[1:-1].replace("''", "'")
    return value


def _existing_documents(root: Path) -> list[_Document]:
    """Read the documents already in the portal at `root`: numbers, types, issuers, dates."""
    found: list[_Document] = []
    for path in sorted((root / "agencies").glob("*/van-ban-moi/*.md")):
        text = path.read_text("utf-8").split("\n---", 1)[0]
        number = _read_front_value(text, "so_ky_hieu")
        issued = _read_front_value(text, "ngay_ban_hanh")
        if not number or not issued:
            continue
        try:
            day = dt.date.fromisoformat(issued)
            effective = dt.date.fromisoformat(_read_front_value(text, "ngay_hieu_luc") or issued)
        except ValueError:
            continue
        found.append(
            _Document(
                number=number.replace(" ", ""),
                doc_type=_read_front_value(text, "loai_van_ban") or "",
                issuer=_read_front_value(text, "co_quan_ban_hanh") or "",
                issued=day,
                effective=effective,
            )
        )
    return found


def _agency_from_yaml(root: Path, slug: str) -> _Agency:
    """Read an existing agency's name and kind from its agency.yml."""
    config = yaml.safe_load((root / "agencies" / slug / "agency.yml").read_text("utf-8"))
    return _Agency(slug, unicodedata.normalize("NFC", str(config["name"])), str(config["kind"]))


# Public interface.


@dataclass(frozen=True)
class GeneratedPortal:
    """A generated portal: its root, its agencies' slugs and its item files."""

    root: Path
    agencies: list[str]
    items: int
    item_paths: list[Path]


def generate_portal(target: Path, *, agencies: int, items: int, seed: int = 1) -> GeneratedPortal:
    """Write a complete portal source tree with `agencies` agencies and `items` items.

    `target` must be missing or empty. The repository's content/, theme/, mkdocs.yml and
    build.py are copied (its agencies/ is not); then every agency gets an agency.yml and
    items in all 11 sections (one each at least when `items` allows).
    """
    if agencies < 1 or items < 0:
        raise ValueError("agencies must be at least 1 and items at least 0")
    target = Path(target)
    if target.exists() and any(target.iterdir()):
        raise FileExistsError(f"{target} is not empty; generate into an empty folder")
    target.mkdir(parents=True, exist_ok=True)
    for name in COPIED:
        source = REPO / name
        if source.is_dir():
            shutil.copytree(source, target / name)
        else:
            shutil.copy2(source, target / name)
    rng = random.Random(seed)
    chosen = [_Agency(u.slug, u.name, u.kind) for u in _choose_units(agencies)]
    counts = _agency_counts(rng, agencies, items)
    generator = _Generator(rng)
    paths = generator.write_agencies(target, chosen, counts)
    return GeneratedPortal(target, [a.slug for a in chosen], len(paths), paths)


def add_item(root: Path, agency: str, *, seed: int) -> Path:
    """Write one new news item (tin-tuc) into an existing agency; return its path."""
    root = Path(root)
    generator = _Generator(random.Random(f"{seed}:{agency}"))
    generator.index_documents()
    slug, front, body = generator.news_item(_agency_from_yaml(root, agency))
    folder = root / "agencies" / agency / "tin-tuc"
    folder.mkdir(parents=True, exist_ok=True)
    taken = {p.stem for p in folder.glob("*.md")}
    path = folder / f"{_unique(slug, taken)}.md"
    path.write_text(f"---\n{front}\n---\n\n{body}\n", "utf-8")
    return path


def add_agency(root: Path, slug: str, *, items: int, seed: int) -> list[Path]:
    """Add a whole new agency with `items` items to the portal at `root`; return their paths.

    A slug of the register keeps its real name and kind; any other slug becomes an
    organisation. Document numbers stay unique across the portal, and references may
    point at the documents already there.
    """
    root = Path(root)
    if (root / "agencies" / slug).exists():
        raise FileExistsError(f"agency {slug!r} already exists in {root}")
    units = {u.slug: u for u in _load_units()}
    if slug in units:
        unit = units[slug]
    else:
        number = re.fullmatch(r"don-vi-(\d+)", slug)
        name = "Đơn vị mới" if slug == "don-vi-moi" else f"Đơn vị {slug}"
        unit = _numbered_unit(int(number.group(1))) if number else _Unit(slug, name, "organisation")
    generator = _Generator(random.Random(f"{seed}:{slug}"), _existing_documents(root))
    agency = _Agency(unit.slug, unit.name, unit.kind)
    return generator.write_agencies(root, [agency], [items])


def edit_item(path: Path, *, title: bool = True, body: bool = True) -> None:
    """Change the title and/or one sentence of the body of an item, keeping it valid."""
    path = Path(path)
    text = path.read_text("utf-8")
    if not text.startswith("---\n"):
        raise ValueError(f"{path} has no front matter")
    end = text.index("\n---", 4)
    front, rest_of_file = text[4:end], text[end:]
    lines = front.split("\n")
    for i, line in enumerate(lines):
        if line.startswith("title:"):
            loaded = yaml.safe_load(line)
            heading = str(loaded["title"]) if loaded and loaded.get("title") is not None else ""
            match = EDIT_MARK.search(heading)
            revision = int(match.group(1)) + 1 if match else 1
            heading = EDIT_MARK.sub("", heading)
            suffix = f" (cập nhật lần {revision})"
            if title:
                lines[i] = f"title: {_q(heading[: 300 - len(suffix)] + suffix)}"
            break
    else:
        raise ValueError(f"{path} has no title")
    if not body:
        path.write_text("---\n" + "\n".join(lines) + rest_of_file, "utf-8")
        return
    sentence = (
        f"Nội dung bài viết đã được cập nhật lần {revision} để phản ánh đầy đủ, chính "
        "xác các quy định hiện hành."
    )
    parts = rest_of_file.split("\n\n")
    for i, part in enumerate(parts):
        paragraph = part.strip()
        if i < 2 or not paragraph or paragraph[0] in "#-|*>0123456789" or paragraph[-1] == ":":
            continue
        pieces = re.split(r"(?<=[.!?])\s+", paragraph, maxsplit=1)
        rest = pieces[1] if len(pieces) > 1 else ""
        parts[i] = f"{sentence} {rest}".rstrip()
        break
    else:
        parts.append(sentence)
    front_text = "\n".join(lines)
    body_text = "\n\n".join(parts)
    path.write_text(f"---\n{front_text}{body_text}", "utf-8")


def most_cited_document(root: Path) -> Path:
    """Return the file of the legal document whose number the most other files mention."""
    documents = {}
    for path in sorted(Path(root).glob("agencies/*/van-ban-moi/*.md")):
        number = _read_front_value(path.read_text("utf-8").split("\n---", 1)[0], "so_ky_hieu")
        if number:
            documents[number] = path
    counts = dict.fromkeys(documents, 0)
    for path in Path(root).glob("agencies/*/*/*.md"):
        text = path.read_text("utf-8")
        for number in documents:
            if number in text and path != documents[number]:
                counts[number] += 1
    return documents[max(sorted(counts), key=lambda n: counts[n])]


def expire_document(path: Path, day: dt.date) -> None:
    """Make the legal document of `path` cease to have effect on `day` (a status change)."""
    path = Path(path)
    text = path.read_text("utf-8")
    end = text.index("\n---", 4)
    lines = [line for line in text[4:end].split("\n") if not line.startswith("ngay_het_hieu_luc:")]
    at = next(i for i, line in enumerate(lines) if line.startswith("ngay_hieu_luc:"))
    effective = dt.date.fromisoformat(lines[at].split(":", 1)[1].strip().strip('"'))
    lines.insert(at + 1, f"ngay_het_hieu_luc: {max(day, effective).isoformat()}")
    path.write_text("---\n" + "\n".join(lines) + text[end:], "utf-8")


def edit_agency(root: Path, slug: str) -> None:
    """Change an agency's description in its agency.yml (shown on its pages and lists)."""
    path = Path(root) / "agencies" / slug / "agency.yml"
    config = yaml.safe_load(path.read_text("utf-8"))
    config["description"] = f"{config.get('description') or config['name']} Cập nhật thông tin."
    path.write_text(yaml.safe_dump(config, allow_unicode=True, sort_keys=False), "utf-8")


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line: generate a portal into OUT and print how long it took."""
    parser = argparse.ArgumentParser(
        description="Tạo cổng PBGDPL tổng hợp để đo hiệu năng (generate a synthetic portal)."
    )
    parser.add_argument("out", type=Path, metavar="OUT", help="thư mục đích (empty folder)")
    parser.add_argument("--agencies", type=int, default=70, help="số trang thành phần")
    parser.add_argument("--items", type=int, default=10000, help="tổng số bài")
    parser.add_argument("--seed", type=int, default=1, help="hạt giống ngẫu nhiên")
    args = parser.parse_args(argv)
    started = time.perf_counter()
    try:
        portal = generate_portal(args.out, agencies=args.agencies, items=args.items, seed=args.seed)
    except (FileExistsError, ValueError) as problem:
        print(f"generate.py: {problem}", file=sys.stderr)
        return 2
    elapsed = time.perf_counter() - started
    print(
        f"Đã tạo {portal.items} bài của {len(portal.agencies)} trang thành phần vào "
        f"{portal.root} trong {elapsed:.2f} s (generated)."
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
