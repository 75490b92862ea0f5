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
import os
import pickle
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
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
# The tables' rows by agency, kept in the build's cache (`KeptRows`).
ROWS = "open-data-rows.pickle"
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


# One row of a table as text: its JSON object (indented as in the array) and its CSV line.
RowTexts = tuple[str, str]


def row_texts(table: Table, item: Item) -> RowTexts:
    """Return an item's row of `table` as JSON (one element of the array) and as CSV."""
    row = {c.name: _json_value(c.value(item)) for c in table.columns}
    # The element as `json.dumps` indents it inside the array: one more space a line.
    text = " " + json.dumps(row, ensure_ascii=False, indent=1).replace("\n", "\n ")
    buffer = io.StringIO(newline="")
    csv.writer(buffer, lineterminator="\r\n").writerow(
        _csv_value(c.value(item)) for c in table.columns
    )
    return text, buffer.getvalue()


def table_texts(table: Table, rows: list[RowTexts]) -> RowTexts:
    """Return a table as a JSON array of objects (lists as arrays) and as CSV (RFC 4180,
    a header row, lists joined with ";"), from its rows' texts (`row_texts`)."""
    body = ",\n".join(text for text, _ in rows)
    array = f"[\n{body}\n]\n" if rows else "[]\n"
    buffer = io.StringIO(newline="")
    csv.writer(buffer, lineterminator="\r\n").writerow(c.name for c in table.columns)
    return array, buffer.getvalue() + "".join(line for _, line in rows)


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


def write_open_data(
    catalog: Catalog,
    items: list[Item],
    out: Path,
    as_of: dt.date,
    rows: KeptRows | None = None,
) -> list[Path]:
    """Write every table as CSV and JSON, and the data package, into `du-lieu-mo/`.

    With `rows` (kept in the build's cache), only the rows of agencies whose inputs
    changed are made again.
    """
    folder = out / FOLDER
    folder.mkdir(exist_ok=True)
    all_tables = tables(catalog, items)
    written = []
    for table in all_tables:
        texts = [rows.of(table, item) if rows else row_texts(table, item) for item in table.items]
        array, lines = table_texts(table, texts)
        csv_path = folder / f"{table.name}.csv"
        write_changed(csv_path, "\ufeff" + lines)
        json_path = folder / f"{table.name}.json"
        write_changed(json_path, array)
        written += [csv_path, json_path]
    if rows:
        rows.save()
    package = folder / PACKAGE
    write_changed(package, data_package(catalog, all_tables, as_of))
    return [*written, package]


@dataclass
class KeptRows:
    """The rows of the tables by agency, kept in `path` with the key of the agency's inputs.

    An agency's rows are taken from the last build when its key (`kept_inputs.agency_keys`)
    is the same, else made again; the rows saved are this build's.
    """

    path: Path
    keys: Mapping[str, str]
    saved: dict[str, tuple[str, dict[tuple[str, str], RowTexts]]] = field(default_factory=dict)
    made: dict[str, tuple[str, dict[tuple[str, str], RowTexts]]] = field(default_factory=dict)

    @classmethod
    def open(cls, path: Path, keys: Mapping[str, str]) -> KeptRows:
        """Read the rows kept at `path` (none if unreadable); `keys` are this build's."""
        try:
            with path.open("rb") as stream:
                saved = pickle.load(stream)
        except (OSError, EOFError, ValueError, TypeError, pickle.UnpicklingError):
            saved = {}
        return cls(path, keys, saved if isinstance(saved, dict) else {})

    def of(self, table: Table, item: Item) -> RowTexts:
        """Return `item`'s row of `table`: kept if its agency's inputs are the same, else made."""
        key = self.keys.get(item.agency)
        if not key:
            return row_texts(table, item)
        group = self.made.setdefault(item.agency, (key, {}))[1]
        kept_key, kept = self.saved.get(item.agency, ("", {}))
        found = kept.get((table.name, item.url)) if kept_key == key else None
        texts = group[(table.name, item.url)] = found or row_texts(table, item)
        return texts

    def save(self) -> None:
        """Keep this build's rows for the next."""
        self.path.parent.mkdir(parents=True, exist_ok=True)
        partial = self.path.with_name(f".{self.path.name}.{os.getpid()}")
        with partial.open("wb") as stream:
            pickle.dump(self.made, stream, pickle.HIGHEST_PROTOCOL)
        partial.replace(self.path)
