"""Scaffolding for editors: a new agency site, or a new item from a commented template.

Templates are written from the content model (pbgdpl.model.sections), so they list
exactly the fields validation knows. Comments are in Vietnamese; a required field is
left empty, so validation names it until the editor fills it in.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from pathlib import Path

from pbgdpl.loading.portal import RESERVED_NAMES
from pbgdpl.loading.writing import BODY_PLACEHOLDER
from pbgdpl.model.agency import KIND_LABELS
from pbgdpl.model.diagnostics import COMMAND
from pbgdpl.model.fields import (
    SLUG,
    Choice,
    Choices,
    Date,
    DocumentNumber,
    DocumentNumbers,
    Field,
    Link,
    Text,
    Words,
    Year,
    slugify,
)
from pbgdpl.model.sections import SECTIONS, SECTIONS_BY_SLUG, Section
from pbgdpl.model.vocabularies import load_vocabularies

MAX_SLUG_LENGTH = 80
PUBLISHING_KEYS = ("draft", "publish_at", "withdrawn", "redirect_from")


class ScaffoldError(Exception):
    """A scaffold that cannot be made: the message says why, in Vietnamese."""


@dataclass(frozen=True)
class Scaffold:
    """The files a scaffold command wrote, relative to the repository root."""

    written: tuple[str, ...]


def short_slug(title: str) -> str:
    """Make a file or folder name from a Vietnamese title: "Luật Đất đai" → "luat-dat-dai"."""
    slug = slugify(title)
    if len(slug) > MAX_SLUG_LENGTH:
        slug = slug[:MAX_SLUG_LENGTH].rsplit("-", 1)[0]
    return slug


def _yaml_text(text: str) -> str:
    """Quote a text for YAML: JSON's double-quoted strings are valid YAML."""
    return json.dumps(text, ensure_ascii=False)


def _hint(field: Field, section: Section) -> str:
    """Say in Vietnamese what to write in a field."""
    vocabularies = load_vocabularies()
    if isinstance(field, Choice | Choices):
        allowed = vocabularies.values(field.vocabulary)
        listed = (
            ", ".join(allowed)
            if len(allowed) <= 6
            else f"một giá trị trong schemas/{section.slug}.json"
        )
        many = " (một hoặc nhiều, dạng [A, B])" if isinstance(field, Choices) else ""
        return f"{field.label}{many}: {listed}"
    if isinstance(field, Date):
        return f"{field.label}, dạng YYYY-MM-DD"
    if isinstance(field, DocumentNumber):
        return f'{field.label}, trong ngoặc kép, ví dụ "145/2020/NĐ-CP"'
    if isinstance(field, DocumentNumbers):
        return f'{field.label}: danh sách số ký hiệu, ví dụ ["145/2020/NĐ-CP"]'
    if isinstance(field, Link):
        return f"{field.label}, bắt đầu bằng https://"
    if isinstance(field, Words):
        return (
            f"{field.label}: danh sách, ví dụ [tệp-a.pdf]"
            if "tep" in field.key
            else f"{field.label}: danh sách, ví dụ [từ khóa 1, từ khóa 2]"
        )
    if isinstance(field, Year):
        return f"{field.label}, ví dụ 2026"
    if isinstance(field, Text):
        return field.label
    return f"{field.label}: xem cách viết trong schemas/{section.slug}.json"


def _aligned(rows: list[tuple[str, str]]) -> list[str]:
    """Write (YAML, comment) rows with the comments in one column."""
    width = max(len(left) for left, _ in rows) + 2
    return [f"{left.ljust(width)}# {comment}" for left, comment in rows]


def item_template(section: Section, agency: str, title: str, today: dt.date) -> str:
    """Return a new item's Markdown: commented front matter, then a body to write."""
    rows = [(f"title: {_yaml_text(title)}", "bắt buộc: tiêu đề")]
    if section.date_from:
        rows.append((f"# date: {today.isoformat()}", "ngày đăng; mặc định là ngày ban hành"))
    else:
        rows.append((f"date: {today.isoformat()}", "bắt buộc: ngày đăng, dạng YYYY-MM-DD"))
    for field in section.all_fields:
        if field.key in (*PUBLISHING_KEYS, "title", "date"):
            continue
        if field.required:
            rows.append((f"{field.key}:", f"bắt buộc: {_hint(field, section)}"))
        else:
            rows.append((f"# {field.key}:", _hint(field, section)))
    tomorrow = (today + dt.timedelta(days=1)).isoformat()
    controls = [
        ("# draft: true", "bản nháp: không đăng"),
        (f"# publish_at: {tomorrow}T08:00", "hẹn giờ đăng, giờ Việt Nam"),
        (
            f'# withdrawn: {{date: {today.isoformat()}, reason: "Lý do"}}',
            "thôi đăng: trang còn, có thông báo",
        ),
        (
            f'# redirect_from: ["{agency}/{section.slug}/ten-bai-cu/"]',
            "địa chỉ cũ chuyển về bài này",
        ),
    ]
    aligned = _aligned([*rows, *controls])
    lines = [
        "---",
        f'# Bài mới của chuyên mục "{section.title}" (agencies/{agency}/{section.slug}/).',
        '# Dòng bắt đầu bằng "#" là ghi chú, không được đăng; bỏ "# " ở đầu dòng để dùng',
        "# trường đó. Trường bắt buộc để trống thì lệnh kiểm tra sẽ nhắc.",
        f"# Mẫu đầy đủ: schemas/{section.slug}.json.",
        *aligned[: len(rows)],
        "# Điều khiển việc đăng:",
        *aligned[len(rows) :],
        "---",
        "",
        BODY_PLACEHOLDER,
        "",
    ]
    return "\n".join(lines)


def new_item(
    root: Path,
    section_slug: str,
    agency: str,
    title: str,
    today: dt.date,
    slug: str | None = None,
) -> Scaffold:
    """Create an item of `section_slug` for `agency` from the section's template."""
    section = SECTIONS_BY_SLUG.get(section_slug)
    if section is None:
        raise ScaffoldError(
            f'"{section_slug}" không phải chuyên mục. Các chuyên mục: '
            + ", ".join(SECTIONS_BY_SLUG)
            + '; hoặc "agency" để tạo trang thành phần mới.'
        )
    folder = root / "agencies" / agency
    if not (folder / "agency.yml").is_file():
        raise ScaffoldError(
            f'Không có trang thành phần "{agency}" (thiếu agencies/{agency}/agency.yml); '
            f'tạo bằng: {COMMAND} new agency {agency} --name "…" --kind …'
        )
    slug = slug or short_slug(title)
    if not SLUG.fullmatch(slug):
        raise ScaffoldError(
            f'Tên tệp "{slug}" chỉ được gồm chữ thường không dấu, số và dấu gạch ngang.'
        )
    path = folder / section.slug / f"{slug}.md"
    if path.exists():
        raise ScaffoldError(
            f"Đã có tệp {path.relative_to(root).as_posix()}; chọn tiêu đề khác hoặc đặt tên "
            "tệp bằng --slug."
        )
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(item_template(section, agency, title, today), "utf-8")
    return Scaffold((path.relative_to(root).as_posix(),))


def agency_file(
    slug: str, name: str, kind: str, editors: tuple[str, ...], sections: tuple[str, ...]
) -> str:
    """Return the text of a new agency's agency.yml, with comments."""
    return f"""\
# Trang thành phần "{name}". Ban Biên tập duyệt mọi thay đổi của tệp này.
slug: {slug}                # tên thư mục, cũng là địa chỉ trang: /{slug}/
name: {_yaml_text(name)}
kind: {kind}                # {", ".join(KIND_LABELS)}
# unit: "Sở Tư pháp …"      # đơn vị phụ trách trang
# description: "…"          # giới thiệu ngắn, hiện trên trang chủ của đơn vị
# Thông tin liên hệ, hiện ở chân trang. Thay {{}} bằng các dòng, ví dụ:
#   contacts:
#     address: 58-60 Trần Phú, phường Ba Đình, Hà Nội
#     phone: "024 6273 9468"
#     email: pbgdpl@moj.gov.vn
#     website: https://moj.gov.vn
contacts: {{}}
# Tài khoản Git của biên tập viên (hoặc nhóm to-chuc/nhom); họ duyệt thay đổi của trang.
# Sau khi sửa, chạy: {COMMAND} codeowners
editors: [{", ".join(editors)}]
# Các chuyên mục trang giữ; mỗi chuyên mục là một thư mục cùng tên.
sections: [{", ".join(sections)}]
"""


def index_page(name: str) -> str:
    """Return the text of a new agency's home page introduction."""
    return f"""\
---
title: {_yaml_text(f"Trang thông tin phổ biến, giáo dục pháp luật {name}")}
---

(Giới thiệu trang: đơn vị quản lý, người dân tìm được gì ở đây, cách gửi câu hỏi pháp luật.)
"""


def new_agency(
    root: Path,
    slug: str,
    name: str,
    kind: str,
    editors: tuple[str, ...] = (),
    sections: tuple[str, ...] = (),
) -> Scaffold:
    """Create a complete agency site: agency.yml, its home page and a folder per section."""
    if not SLUG.fullmatch(slug):
        raise ScaffoldError(
            f'Tên thư mục "{slug}" chỉ được gồm chữ thường không dấu, số và dấu gạch ngang, '
            f'ví dụ "{short_slug(slug)}".'
        )
    reserved = {*RESERVED_NAMES, *SECTIONS_BY_SLUG}
    content = root / "content"
    if content.is_dir():
        reserved |= {p.name.removesuffix(".md") for p in content.iterdir()}
    if slug in reserved:
        raise ScaffoldError(f'"{slug}" trùng một địa chỉ của cổng quốc gia; chọn tên khác.')
    if kind not in KIND_LABELS:
        raise ScaffoldError(
            f'Loại "{kind}" không hợp lệ; chọn một trong: {", ".join(KIND_LABELS)}.'
        )
    unknown = [s for s in sections if s not in SECTIONS_BY_SLUG]
    if unknown:
        raise ScaffoldError(f"Không có chuyên mục: {', '.join(unknown)}.")
    folder = root / "agencies" / slug
    if folder.exists():
        raise ScaffoldError(f"Đã có thư mục agencies/{slug}.")
    kept = tuple(s.slug for s in SECTIONS if not sections or s.slug in sections)
    folder.mkdir(parents=True)
    (folder / "agency.yml").write_text(agency_file(slug, name, kind, editors, kept), "utf-8")
    (folder / "index.md").write_text(index_page(name), "utf-8")
    for section in kept:
        (folder / section).mkdir()
    return Scaffold(
        (
            f"agencies/{slug}/agency.yml",
            f"agencies/{slug}/index.md",
            *(f"agencies/{slug}/{s}/" for s in kept),
        )
    )
