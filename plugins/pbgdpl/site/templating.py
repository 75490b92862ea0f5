"""Jinja filters the theme uses to show dates and values the Vietnamese way."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from jinja2 import pass_context
from jinja2.runtime import Context

from pbgdpl.catalog.registry import LegalDocument
from pbgdpl.legal.filters import LEGAL_FILTERS
from pbgdpl.model.fields import fold, slugify
from pbgdpl.model.formatting import field_value, vi_date, vi_number
from pbgdpl.model.items import Item
from pbgdpl.model.videos import parse_video
from pbgdpl.site.regions import group_by_region

OTHER_FIELD = "Lĩnh vực khác"


def group_by_field(items: Iterable[Item]) -> list[tuple[str, str, list[Item]]]:
    """Return items grouped by field of law (an item may be in several): anchor, name, items.

    Fields are in alphabetical order read without accents; items without a field come last.
    """
    groups: dict[str, list[Item]] = {}
    for item in items:
        for name in item.fields or (OTHER_FIELD,):
            groups.setdefault(name, []).append(item)
    names = sorted(groups, key=lambda name: (name == OTHER_FIELD, fold(name)))
    return [("linh-vuc-" + slugify(name), name, groups[name]) for name in names]


@pass_context
def cited_documents(
    context: Context, numbers: Iterable[str]
) -> list[tuple[str, LegalDocument | None]]:
    """Return each cited number with the document the portal has for it, if any."""
    registry = context["catalog"].registry
    agency = context.get("agency")
    site = agency.slug if agency is not None else ""
    return [(number, registry.lookup(number, site)) for number in numbers]


def page_language(record: Any) -> str:
    """Return the language of a page: "en" for pages under an en/ folder, else "vi"."""
    return "en" if "/en/" in f"/{getattr(record, 'src_uri', '')}" else "vi"


TEMPLATE_FILTERS = {
    "vi_date": vi_date,
    "vi_number": vi_number,
    "field_value": field_value,
    "video": parse_video,
    "by_region": group_by_region,
    "by_field": group_by_field,
    "page_language": page_language,
    "cited_documents": cited_documents,
    **LEGAL_FILTERS,
}
