"""Open data: the catalog of legal documents and of all items, as JSON and CSV, with a schema.

The schema is a Frictionless Data Package (`datapackage.json`, Table Schema v2): each
column's name, Vietnamese title and type. Column names are the front-matter keys editors
write (`so_ky_hieu`, `ngay_hieu_luc` …), so the export reads like the content it comes from.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from pbgdpl.catalog import Catalog
from pbgdpl.model.fields import (
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
)
from pbgdpl.model.items import Item
from pbgdpl.model.sections import COMMON_FIELDS, LEGAL_DOCUMENTS
from pbgdpl.model.settings import PortalSettings
from pbgdpl.publishing.addresses import public_url
from pbgdpl.publishing.output import write_changed
from pbgdpl.safety.spreadsheet import csv_cell

FOLDER = "du-lieu-mo"
PACKAGE = "datapackage.json"
LIST_DELIMITER = ";"
# The common front-matter keys that describe content (not publishing controls such as draft).
CONTENT_KEYS = ("title", "date", "description", "tags", "linh_vuc")
# The item's own attributes; every other field is read from its front-matter data.
COMMON_ATTRS: dict[str, Callable[[Item], object]] = {
    "title": lambda item: item.title,
    "date": lambda item: item.date,
    "description": lambda item: item.description,
    "tags": lambda item: item.tags,
    "fields": lambda item: item.fields,
}


@dataclass(frozen=True)
class Column:
    """One column of a table: its name, Vietnamese title, Table Schema type and value."""

    name: str
    title: str
    kind: str
    value: Callable[[Item], object]
    url: bool = False

    def schema(self) -> dict[str, object]:
        """Return the Table Schema field of the column."""
        described: dict[str, object] = {"name": self.name, "title": self.title, "type": self.kind}
        if self.kind == "list":
            described.update(delimiter=LIST_DELIMITER, itemType="string")
        if self.url and self.kind == "string":
            described["format"] = "uri"
        return described


@dataclass(frozen=True)
class Table:
    """One exported table: its file stem, title, columns and rows."""

    name: str
    title: str
    columns: tuple[Column, ...]
    items: tuple[Item, ...]


def _kind(field: Field) -> str | None:
    """Return the Table Schema type of a field, or None for a structured value."""
    if isinstance(field, Date):
        return "date"
    if isinstance(field, Year):
        return "integer"
    if isinstance(field, Choices | Words | DocumentNumbers):
        return "list"
    if isinstance(field, Text | Choice | DocumentNumber | Link):
        return "string"
    # Figures, quizzes, withdrawal notices: no place in a flat table.
    return None


def _attachments(settings: PortalSettings) -> Callable[[Item], object]:
    # Attachments are file names next to the item's page: publish their addresses.
    def addresses(item: Item) -> object:
        return tuple(
            public_url(settings, f"{item.agency}/{item.section_slug}/{name}")
            for name in item.data.get("attachments", ())
        )

    return addresses


def _data_value(attr: str) -> Callable[[Item], object]:
    def value(item: Item) -> object:
        return item.data.get(attr)

    return value


def _field_column(field: Field, kind: str, settings: PortalSettings) -> Column:
    if field.attr == "attachments":
        return Column(field.key, field.label, "list", _attachments(settings))
    getter = COMMON_ATTRS.get(field.attr) or _data_value(field.attr)
    return Column(field.key, field.label, kind, getter, url=isinstance(field, Link))


def _columns(fields: tuple[Field, ...], settings: PortalSettings) -> tuple[Column, ...]:
    kinds = ((f, _kind(f)) for f in fields)
    return tuple(_field_column(f, kind, settings) for f, kind in kinds if kind is not None)


def _site_columns(catalog: Catalog) -> tuple[Column, ...]:
    settings = catalog.settings
    return (
        Column("url", "Địa chỉ trang", "string", lambda i: public_url(settings, i.url), url=True),
        Column("don_vi", "Mã trang thành phần", "string", lambda i: i.agency),
        Column("ten_don_vi", "Tên cơ quan", "string", lambda i: catalog.agencies[i.agency].name),
    )


def tables(catalog: Catalog, items: list[Item]) -> tuple[Table, ...]:
    """Return the legal documents table and the all-items table of the published items."""
    settings = catalog.settings
    common = _site_columns(catalog)
    documents = LEGAL_DOCUMENTS
    content = tuple(f for f in COMMON_FIELDS if f.key in CONTENT_KEYS)
    document_fields = tuple(
        f for f in documents.all_fields if f.key in CONTENT_KEYS or f in documents.fields
    )
    item_columns = (
        Column("chuyen_muc", "Mã chuyên mục", "string", lambda i: i.section_slug),
        Column("ten_chuyen_muc", "Tên chuyên mục", "string", lambda i: i.section.title),
        *_columns(content, settings),
    )
    document_columns = _columns(document_fields, settings)
    return (
        Table(
            "van-ban",
            documents.title,
            common + document_columns,
            tuple(i for i in items if i.section_slug == documents.slug),
        ),
        Table("bai-viet", "Mọi bài của các trang thành phần", common + item_columns, tuple(items)),
    )


def _json_value(value: object) -> object:
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, tuple | list):
        return [_json_value(v) for v in value]
    return value


def _csv_value(value: object) -> str:
    """Return a cell: lists joined, every value neutralised for spreadsheets (`csv_cell`)."""
    if isinstance(value, tuple | list):
        return csv_cell(LIST_DELIMITER.join(str(_json_value(v)) for v in value))
    return csv_cell(_json_value(value))


def table_json(table: Table) -> str:
    """Return the rows of a table as a JSON array of objects, lists as arrays."""
    rows = [{c.name: _json_value(c.value(item)) for c in table.columns} for item in table.items]
    return json.dumps(rows, ensure_ascii=False, indent=1) + "\n"


def table_csv(table: Table) -> str:
    """Return a table as CSV (RFC 4180), with a header row; lists joined with ";"."""
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(c.name for c in table.columns)
    for item in table.items:
        writer.writerow(_csv_value(c.value(item)) for c in table.columns)
    return buffer.getvalue()


def data_package(catalog: Catalog, all_tables: tuple[Table, ...], as_of: dt.date) -> str:
    """Return `datapackage.json`: what each file holds and the schema of its columns."""
    resources = []
    for table in all_tables:
        schema = {"fields": [c.schema() for c in table.columns], "primaryKey": ["url"]}
        for suffix, mediatype in (("csv", "text/csv"), ("json", "application/json")):
            resources.append(
                {
                    "name": f"{table.name}-{suffix}",
                    "path": f"{table.name}.{suffix}",
                    "title": table.title,
                    "format": suffix,
                    "mediatype": mediatype,
                    "encoding": "utf-8",
                    "schema": schema,
                }
            )
    package = {
        "$schema": "https://datapackage.org/profiles/2.0/datapackage.json",
        "name": "pbgdpl-du-lieu-mo",
        "title": f"Dữ liệu mở của {catalog.settings.name}",
        "description": (
            "Danh mục văn bản và bài viết của các trang thành phần, tính đến ngày "
            f"{as_of:%d/%m/%Y}. CSV mã hóa UTF-8 (có BOM để Excel đọc đúng tiếng Việt); "
            f"cột nhiều giá trị nối bằng dấu '{LIST_DELIMITER}', trong JSON là mảng."
        ),
        "homepage": public_url(catalog.settings, ""),
        "version": as_of.isoformat(),
        "as_of": as_of.isoformat(),
        "resources": resources,
    }
    return json.dumps(package, ensure_ascii=False, indent=1) + "\n"


def write_open_data(catalog: Catalog, items: list[Item], out: Path, as_of: dt.date) -> list[Path]:
    """Write every table as CSV and JSON, and the data package, into `du-lieu-mo/`."""
    folder = out / FOLDER
    folder.mkdir(exist_ok=True)
    all_tables = tables(catalog, items)
    written = []
    for table in all_tables:
        csv_path = folder / f"{table.name}.csv"
        write_changed(csv_path, "\ufeff" + table_csv(table))
        json_path = folder / f"{table.name}.json"
        write_changed(json_path, table_json(table))
        written += [csv_path, json_path]
    package = folder / PACKAGE
    write_changed(package, data_package(catalog, all_tables, as_of))
    return [*written, package]
