"""The exported JSON Schemas agree with the loader about what is valid."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest
from sections.samples import SAMPLES

from pbgdpl.loading.frontmatter import read_yaml_mapping, split_front_matter
from pbgdpl.model.schemas import check_schemas

from conftest import FIXTURE, REPO, write

SCHEMAS = REPO / "schemas"


def schema(name: str) -> dict:
    return json.loads((SCHEMAS / f"{name}.json").read_text("utf-8"))


def test_committed_schemas_are_current() -> None:
    assert check_schemas(SCHEMAS) == []


@pytest.mark.parametrize(
    "path", sorted((FIXTURE / "agencies").glob("*/*/*.md")), ids=lambda p: p.stem
)
def test_sample_items_match_their_section_schema(path: Path) -> None:
    document = split_front_matter(path.read_text("utf-8"))
    jsonschema.validate(document.values, schema(path.parent.name))


def test_sample_agency_files_match_the_agency_schema() -> None:
    for path in (FIXTURE / "agencies").glob("*/agency.yml"):
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


def _check_jsonschema(*args: str) -> subprocess.CompletedProcess[str]:
    tool = Path(sys.executable).parent / "check-jsonschema"
    return subprocess.run([str(tool), *args], capture_output=True, text=True, check=False)


def test_every_schema_is_standard_json_schema_that_other_tools_load() -> None:
    """check-jsonschema checks each schema against the 2020-12 metaschema, patterns as
    ECMA-262 regexes (what VS Code and ajv use), not Python's dialect."""
    checked = _check_jsonschema("--check-metaschema", *map(str, sorted(SCHEMAS.glob("*.json"))))
    assert checked.returncode == 0, checked.stdout


@pytest.mark.parametrize("slug", sorted(SAMPLES))
def test_another_validator_accepts_each_sections_sample(slug: str, tmp_path: Path) -> None:
    front_matter = SAMPLES[slug][1].split("---\n")[1]
    instance = write(tmp_path / f"{slug}.yaml", front_matter)
    checked = _check_jsonschema("--schemafile", str(SCHEMAS / f"{slug}.json"), str(instance))
    assert checked.returncode == 0, checked.stdout
