"""Export the content model as JSON Schema files for editors' text editors and other tools."""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from pbgdpl.model.agency import Agency
from pbgdpl.model.fields import Field
from pbgdpl.model.sections import SECTIONS
from pbgdpl.model.vocabularies import load_vocabularies

SCHEMA_URL = "https://json-schema.org/draft/2020-12/schema"


def _object_schema(name: str, title: str, fields: Sequence[Field]) -> dict[str, Any]:
    vocabularies = load_vocabularies()
    return {
        "$schema": SCHEMA_URL,
        "$id": f"https://pbgdpl.gov.vn/schemas/{name}.json",
        "title": title,
        "type": "object",
        "required": [f.key for f in fields if f.required],
        "properties": {f.key: f.json_schema(vocabularies) for f in fields},
        "additionalProperties": False,
    }


def all_schemas() -> dict[str, dict[str, Any]]:
    """Return every schema by file name: agency.yml and the front matter of each section."""
    schemas = {"agency.json": _object_schema("agency", "Tệp agency.yml", Agency.FIELDS)}
    for section in SECTIONS:
        schemas[f"{section.slug}.json"] = _object_schema(
            section.slug, f"Bài thuộc chuyên mục {section.title}", section.all_fields
        )
    return schemas


def _render(schema: dict[str, Any]) -> str:
    return json.dumps(schema, ensure_ascii=False, indent=2) + "\n"


def write_schemas(folder: Path) -> list[Path]:
    """Write every schema into `folder`; return the paths written."""
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name, schema in all_schemas().items():
        path = folder / name
        path.write_text(_render(schema), "utf-8")
        written.append(path)
    return written


def check_schemas(folder: Path) -> list[str]:
    """Return the names of schema files in `folder` that are missing or out of date."""
    return [
        name
        for name, schema in all_schemas().items()
        if not (folder / name).is_file() or (folder / name).read_text("utf-8") != _render(schema)
    ]
