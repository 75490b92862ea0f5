"""One Decap CMS collection per section an agency keeps, generated from the section's fields."""

from __future__ import annotations

from typing import Any

from pbgdpl.model.fields import Field
from pbgdpl.model.sections import Section
from pbgdpl.model.vocabularies import Vocabularies

# Keys that steer publishing go after the text: most items never need them.
PUBLISHING_KEYS = ("draft", "publish_at", "withdrawn", "redirect_from")
MAX_SLUG_LENGTH = 80
"""As `build.py new` (pbgdpl.editorial.scaffold): file names from titles of at most 80 letters."""

BODY = {
    "name": "body",
    "label": "Nội dung",
    "widget": "markdown",
    "required": True,
    # Pictures only: code blocks mean nothing to the portal's readers.
    "editor_components": ["image"],
    "modes": ["rich_text", "raw"],
    "sanitize_preview": True,
    "hint": "Ảnh: nút (+) → Hình ảnh; ảnh được lưu cạnh bài. Bảng: chuyển sang chế độ Markdown.",
}


def form_fields(section: Section, vocabularies: Vocabularies) -> list[dict[str, Any]]:
    """Return the form of an item of `section`: its fields, the text, then publishing controls."""
    fields: list[Field] = list(section.all_fields)
    steering = [f for f in fields if f.key in PUBLISHING_KEYS]
    facts = [f for f in fields if f.key not in PUBLISHING_KEYS]
    form = [f.form_field(vocabularies) for f in facts]
    for field in form:
        if field["name"] == "date" and field["required"]:
            field["default"] = "{{now}}"  # today, as `build.py new` writes it
    return [
        *form,
        BODY,
        *(f.form_field(vocabularies) for f in steering),
    ]


def collection(section: Section, agency: str, vocabularies: Vocabularies) -> dict[str, Any]:
    """Return the collection of one agency's section: its folder, names, form and media."""
    return {
        "name": section.slug,
        "label": section.title,
        "label_singular": section.item_label,
        "folder": f"agencies/{agency}/{section.slug}",
        "create": True,
        "delete": False,
        "extension": "md",
        "format": "frontmatter",
        # The file name is the page's address: the title without accents, as `new` makes it.
        "slug": f"{{{{title | truncate({MAX_SLUG_LENGTH}, '')}}}}",
        "identifier_field": "title",
        # Pictures and attachments next to the item, linked by their bare file names.
        "media_folder": "",
        "public_folder": "",
        "summary": "{{title}}",
        "sortable_fields": ["title", "date"],
        "fields": form_fields(section, vocabularies),
    }
