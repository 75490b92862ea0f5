"""The exported JSON Schemas agree with the loader about what is valid."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest

from pbgdpl.loading.frontmatter import read_yaml_mapping, split_front_matter
from pbgdpl.model.schemas import check_schemas

from conftest import REPO

SCHEMAS = REPO / "schemas"


def schema(name: str) -> dict:
    return json.loads((SCHEMAS / f"{name}.json").read_text("utf-8"))


def test_committed_schemas_are_current() -> None:
    assert check_schemas(SCHEMAS) == []


@pytest.mark.parametrize("path", sorted((REPO / "agencies").glob("*/*/*.md")), ids=lambda p: p.stem)
def test_sample_items_match_their_section_schema(path: Path) -> None:
    document = split_front_matter(path.read_text("utf-8"))
    jsonschema.validate(document.values, schema(path.parent.name))


def test_sample_agency_files_match_the_agency_schema() -> None:
    for path in (REPO / "agencies").glob("*/agency.yml"):
        values, _ = read_yaml_mapping(path.read_text("utf-8"))
        jsonschema.validate(values, schema("agency"))


def test_schema_refuses_what_the_loader_refuses() -> None:
    item = {"title": "Hỏi", "date": "2025-01-01", "cau_hoi": "…", "linh_vuc": ["Dat dai"]}
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(item, schema("hoi-dap"))
    del item["linh_vuc"]
    jsonschema.validate(item, schema("hoi-dap"))
    del item["cau_hoi"]
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(item, schema("hoi-dap"))
