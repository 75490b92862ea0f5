"""Every section gets, from its one description, a schema, pages, a search record and a feed.

The portal here is the tests' own (`samples.py`): one agency keeping every section, one
item in each. Each check reads what a user or another tool reads: the JSON Schema with
a validator that is not ours, the built HTML, the search records the index is made of,
and the JSON Feed.
"""

from __future__ import annotations

import datetime as dt
import json
from html.parser import HTMLParser
from pathlib import Path

import jsonschema
import pytest
import yaml

from pbgdpl.cli import main
from pbgdpl.model.schemas import all_schemas
from pbgdpl.model.sections import SECTIONS, Section
from pbgdpl.search.records import SearchRecord, load_records
from sections.samples import AGENCY, SAMPLES, write_sample_portal

AS_OF = dt.date(2025, 6, 1)
SLUGS = [section.slug for section in SECTIONS]


@pytest.fixture(scope="module")
def sample_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sample portal, built once; its output folder."""
    root = write_sample_portal(tmp_path_factory.mktemp("sections") / "portal", SLUGS)
    out = root / "site"
    assert (
        main(["--root", str(root), "build", "--out", str(out), "--as-of", AS_OF.isoformat()]) == 0
    )
    return out


def _front_matter(slug: str) -> dict:
    text = SAMPLES[slug][1]
    return yaml.load(text.split("---\n")[1], Loader=yaml.BaseLoader)


def _url(slug: str) -> str:
    return f"{AGENCY}/{slug}/{SAMPLES[slug][0]}/"


class _FactRows(HTMLParser):
    """Collect the row labels of the facts table (`table.pb-facts th`)."""

    def __init__(self) -> None:
        super().__init__()
        self.in_facts = self.in_label = False
        self.labels: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "table" and ("class", "pb-facts") in attrs:
            self.in_facts = True
        elif tag == "th" and self.in_facts:
            self.in_label = True
            self.labels.append("")

    def handle_endtag(self, tag: str) -> None:
        if tag == "table":
            self.in_facts = False
        elif tag == "th":
            self.in_label = False

    def handle_data(self, data: str) -> None:
        if self.in_label:
            self.labels[-1] += data


def test_every_section_has_a_sample_item() -> None:
    missing = [s.slug for s in SECTIONS if s.slug not in SAMPLES]
    assert not missing, f"add a sample item of {missing} to tests/sections/samples.py"


@pytest.mark.parametrize("section", SECTIONS, ids=SLUGS)
def test_the_sample_matches_the_sections_json_schema(section: Section) -> None:
    schema = all_schemas()[f"{section.slug}.json"]
    jsonschema.Draft202012Validator.check_schema(schema)
    text = SAMPLES[section.slug][1]
    # YAML's own types, as an editor's tool reads the file (dates stay dates there).
    values = yaml.safe_load(text.split("---\n")[1])
    as_json = json.loads(json.dumps(values, default=str))
    jsonschema.validate(as_json, schema, cls=jsonschema.Draft202012Validator)
    required = {f.key for f in section.all_fields if f.required}
    assert set(schema["required"]) == required


@pytest.mark.parametrize("section", SECTIONS, ids=SLUGS)
def test_the_item_page_shows_the_facts_the_section_shows(
    section: Section, sample_site: Path
) -> None:
    html = (sample_site / _url(section.slug) / "index.html").read_text("utf-8")
    rows = _FactRows()
    rows.feed(html)
    written = _front_matter(section.slug)
    for field in section.fields:
        if field.key not in written:
            continue
        if field.shown:
            assert field.label in rows.labels, f"{section.slug}: {field.key} not in the facts"
        else:
            assert field.label not in rows.labels, f"{section.slug}: {field.key} in the facts"
    title = yaml.safe_load(SAMPLES[section.slug][1].split("---\n")[1])["title"]
    assert f"<h1>{title}</h1>" in html


@pytest.mark.parametrize("section", SECTIONS, ids=SLUGS)
def test_the_section_page_lists_the_item(section: Section, sample_site: Path) -> None:
    listing = (sample_site / AGENCY / section.slug / "index.html").read_text("utf-8")
    assert f'href="../../{_url(section.slug)}"' in listing or SAMPLES[section.slug][0] in listing


def _record(sample_site: Path, slug: str) -> SearchRecord:
    records = load_records(sample_site / AGENCY / "pagefind" / "pbgdpl-records.json.gz")
    return next(r for r in records if r.url == _url(slug))


@pytest.mark.parametrize("section", SECTIONS, ids=SLUGS)
def test_the_search_record_follows_the_field_roles(section: Section, sample_site: Path) -> None:
    record = _record(sample_site, section.slug)
    written = _front_matter(section.slug)
    assert record.kind == section.item_label.capitalize()
    assert record.section == section.slug
    for field in section.fields:
        value = written.get(field.key)
        if not value:
            continue
        values = value if isinstance(value, list) else [value]
        if field.role == "fact":
            assert set(values) <= set(record.facts), f"{section.slug}: {field.key}"
        elif field.role == "lead":
            assert values[0] in record.lead, f"{section.slug}: {field.key}"
        elif field.role == "cited":
            assert set(values) <= set(record.cited), f"{section.slug}: {field.key}"
        elif field.role == "number":
            assert record.number == values[0]
            assert record.status, "a registered document carries its status"


@pytest.mark.parametrize("section", SECTIONS, ids=SLUGS)
def test_the_feed_announces_the_item_with_its_summary(section: Section, sample_site: Path) -> None:
    feed = json.loads((sample_site / AGENCY / section.slug / "feed.json").read_text("utf-8"))
    entry = next(e for e in feed["items"] if e["url"].endswith(_url(section.slug)))
    written = _front_matter(section.slug)
    leads = [written[f.key] for f in section.with_role("lead") if written.get(f.key)]
    expected = written.get("description") or (leads[0] if leads else None)
    assert entry.get("summary") == expected
