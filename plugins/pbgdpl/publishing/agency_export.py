"""Each agency's complete structured export: every item, as JSON with a schema and as CSV.

TT 22/2023/TT-BTTTT wants portal information shared as structured data and web
services; Decision 39/2025/QĐ-TTg has each body keep its part of the national
e-bookshelf. These static files are that service, at stable addresses under
`du-lieu-mo/don-vi/`: `<agency>.json` (every published item: its section, address, front
matter as editors write it, and text), `<agency>.csv` (one row per item, the common
columns), the JSON Schema they follow (`noi-dung.schema.json`, made from the sections'
own descriptions) and a national index (`index.json`, with `index.schema.json`). The
manifest lists them all, so `verify` checks them on every copy.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

from pbgdpl.catalog import Catalog
from pbgdpl.model.fields import QUIZ_LETTERS, Field, Figures, QuizQuestions, Withdrawn
from pbgdpl.model.items import Item
from pbgdpl.model.schemas import SCHEMA_URL, all_schemas
from pbgdpl.model.sections import SECTIONS
from pbgdpl.publishing.addresses import public_url
from pbgdpl.publishing.output import write_changed

FOLDER = "du-lieu-mo/don-vi/"
SCHEMA = "noi-dung.schema.json"
INDEX = "index.json"
INDEX_SCHEMA = "index.schema.json"
# Publishing controls that only say when an item went out: a published item has none left.
LEFT_OUT = frozenset({"draft", "publish_at"})
# The item's own attributes; every other field is read from its front-matter data.
COMMON = {
    "title": lambda item: item.title,
    "date": lambda item: item.date,
    "description": lambda item: item.description,
    "tags": lambda item: item.tags,
    "fields": lambda item: item.fields,
}
CSV_COLUMNS = ("url", "chuyen_muc", "ma_bai", "title", "date", "description", "linh_vuc")
# A spreadsheet runs a cell that starts with one of these as a formula.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def front_matter_value(field: Field, value: Any) -> Any:
    """Return a parsed value in the shape an editor writes it, which the section's schema reads."""
    if isinstance(field, Figures):
        return {figure.code: figure.value for figure in value}
    if isinstance(field, QuizQuestions):
        return [
            {
                "cau_hoi": q.question,
                "lua_chon": list(q.choices),
                "dap_an": QUIZ_LETTERS[q.answer],
                "giai_thich": q.explanation,
                "can_cu": q.legal_basis,
            }
            for q in value
        ]
    if isinstance(field, Withdrawn):
        return {"date": value.date.isoformat(), "reason": value.reason}
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, tuple):
        return list(value)
    return value


def front_matter(item: Item) -> dict[str, Any]:
    """Return the item's front matter by key, as published (no empty values)."""
    found = {}
    for field in item.section.all_fields:
        if field.attr in LEFT_OUT:
            continue
        getter = COMMON.get(field.attr)
        value = getter(item) if getter else item.data.get(field.attr)
        if value is None or value == ():
            continue
        found[field.key] = front_matter_value(field, value)
    return found


def export_document(catalog: Catalog, agency: str, as_of: dt.date) -> dict[str, Any]:
    """Return an agency's export: the agency, the date, and every item with a page."""
    unit = catalog.agencies[agency]
    settings = catalog.settings
    return {
        "$schema": public_url(settings, FOLDER + SCHEMA),
        "ngay_du_lieu": as_of.isoformat(),
        "don_vi": {"ma": unit.slug, "ten": unit.name, "loai": unit.kind},
        "bai": [
            {
                "chuyen_muc": item.section_slug,
                "ma_bai": item.slug,
                "url": public_url(settings, item.url),
                "thoi_dang": "withdrawn" in item.data,
                "thuoc_tinh": front_matter(item),
                "noi_dung": item.body,
            }
            for item in catalog.item_pages(agency)
        ],
    }


def export_schema(catalog: Catalog) -> dict[str, Any]:
    """Return the JSON Schema of an agency's export, each section's front matter included."""
    schemas = all_schemas()
    definitions = {}
    for section in SECTIONS:
        schema = dict(schemas[f"{section.slug}.json"])
        schema.pop("$schema")
        schema.pop("$id")
        schema["properties"] = {k: v for k, v in schema["properties"].items() if k not in LEFT_OUT}
        definitions[section.slug] = schema
    text = {"type": "string", "minLength": 1}
    return {
        "$schema": SCHEMA_URL,
        "$id": public_url(catalog.settings, FOLDER + SCHEMA),
        "title": "Dữ liệu của một trang thành phần Cổng PBGDPL",
        "type": "object",
        "required": ["ngay_du_lieu", "don_vi", "bai"],
        "additionalProperties": False,
        "properties": {
            "$schema": {"type": "string", "format": "uri"},
            "ngay_du_lieu": {"title": "Dữ liệu tính đến ngày", "type": "string", "format": "date"},
            "don_vi": {
                "type": "object",
                "required": ["ma", "ten", "loai"],
                "additionalProperties": False,
                "properties": {"ma": text, "ten": text, "loai": text},
            },
            "bai": {
                "title": "Các bài",
                "type": "array",
                "items": {
                    "oneOf": [
                        {
                            "type": "object",
                            "required": ["chuyen_muc", "ma_bai", "url", "thuoc_tinh", "noi_dung"],
                            "additionalProperties": False,
                            "properties": {
                                "chuyen_muc": {"const": section.slug},
                                "ma_bai": text,
                                "url": {"type": "string", "format": "uri"},
                                "thoi_dang": {"type": "boolean"},
                                "thuoc_tinh": {"$ref": f"#/$defs/{section.slug}"},
                                "noi_dung": {"type": "string"},
                            },
                        }
                        for section in SECTIONS
                    ]
                },
            },
        },
        "$defs": definitions,
    }


def index_schema(catalog: Catalog) -> dict[str, Any]:
    """Return the JSON Schema of the national index of the agencies' exports."""
    text = {"type": "string", "minLength": 1}
    address = {"type": "string", "format": "uri"}
    return {
        "$schema": SCHEMA_URL,
        "$id": public_url(catalog.settings, FOLDER + INDEX_SCHEMA),
        "title": "Danh mục dữ liệu các trang thành phần Cổng PBGDPL",
        "type": "object",
        "required": ["ngay_du_lieu", "don_vi"],
        "additionalProperties": False,
        "properties": {
            "$schema": address,
            "ngay_du_lieu": {"type": "string", "format": "date"},
            "don_vi": {
                "type": "array",
                "items": {
                    "type": "object",
                    "required": ["ma", "ten", "loai", "so_bai", "json", "csv"],
                    "additionalProperties": False,
                    "properties": {
                        "ma": text,
                        "ten": text,
                        "loai": text,
                        "so_bai": {"type": "integer", "minimum": 0},
                        "json": address,
                        "csv": address,
                    },
                },
            },
        },
    }


def _cell(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, list):
        value = ";".join(str(v) for v in value)
    text = str(value)
    # Editors' text is untrusted: a leading quote keeps a spreadsheet from running it.
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def export_csv(document: dict[str, Any]) -> str:
    """Return an export's items as CSV (UTF-8 with BOM, CRLF): one row, the common columns."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    for entry in document["bai"]:
        values = entry["thuoc_tinh"]
        row = (entry["url"], entry["chuyen_muc"], entry["ma_bai"])
        writer.writerow(_cell(v) for v in (*row, *(values.get(key) for key in CSV_COLUMNS[3:])))
    return "\ufeff" + buffer.getvalue()


def _json(data: Any) -> str:
    return json.dumps(data, ensure_ascii=False, indent=1) + "\n"


def write_agency_exports(
    catalog: Catalog, out: Path, as_of: dt.date, kept: Callable[[str], bool] | None = None
) -> list[Path]:
    """Write every agency's export, their schema and the national index; return the paths.

    An agency's export is left as it is when `kept` says its inputs are those it was
    written from (`KeptInputs.unchanged`) and it is there.
    """
    folder = out / FOLDER
    folder.mkdir(parents=True, exist_ok=True)
    settings = catalog.settings
    write_changed(folder / SCHEMA, _json(export_schema(catalog)))
    write_changed(folder / INDEX_SCHEMA, _json(index_schema(catalog)))
    written = [folder / SCHEMA, folder / INDEX_SCHEMA]
    index = []
    for slug, unit in catalog.agencies.items():
        paths = [folder / f"{slug}.json", folder / f"{slug}.csv"]
        written += paths
        if not (kept and kept(slug) and all(p.is_file() for p in paths)):
            document = export_document(catalog, slug, as_of)
            write_changed(paths[0], _json(document))
            write_changed(paths[1], export_csv(document))
        index.append(
            {
                "ma": slug,
                "ten": unit.name,
                "loai": unit.kind,
                # The export lists every item with a page (`export_document`).
                "so_bai": len(catalog.item_pages(slug)),
                "json": public_url(settings, f"{FOLDER}{slug}.json"),
                "csv": public_url(settings, f"{FOLDER}{slug}.csv"),
            }
        )
    listing = {
        "$schema": public_url(settings, FOLDER + INDEX_SCHEMA),
        "ngay_du_lieu": as_of.isoformat(),
        "don_vi": index,
    }
    write_changed(folder / INDEX, _json(listing))
    return [*written, folder / INDEX]
