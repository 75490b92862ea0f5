"""Machine-readable legal data: Legislation JSON-LD, stable identifiers, agencies' exports."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from legal_portal import (
    BEFORE_REPEAL,
    OWNER,
    REPEALED,
    build_either_side,
    build_site,
    write_legal_portal,
)
from pyld import jsonld
from sections.samples import AGENCY, SAMPLES, write_sample_portal

from conftest import write
from htmlcheck import resolve

SCHEMA = "https://schema.org/"
DOCUMENTS = f"{OWNER}/van-ban-moi/"
EXPORTS = "du-lieu-mo/don-vi/"
FORMATS = jsonschema.Draft202012Validator.FORMAT_CHECKER
HOSTILE_TITLE = "Nghị định số 168/2024/NĐ-CP </script><script>alert(1)</script> & sửa đổi"


def no_network(url: str, options: dict[str, Any] | None = None) -> dict[str, Any]:
    raise AssertionError(f"the JSON-LD must expand without fetching {url}")


def legislation(page: Path) -> dict[str, Any]:
    """Return the page's one JSON-LD object, expanded by pyld with the network refused."""
    scripts = re.findall(
        r'<script type="application/ld\+json">(.*?)</script>', page.read_text("utf-8"), re.S
    )
    assert len(scripts) == 1, page
    [expanded] = jsonld.expand(json.loads(scripts[0]), {"documentLoader": no_network})
    found: dict[str, Any] = expanded
    return found


def value(node: dict[str, Any], name: str) -> Any:
    [entry] = node[SCHEMA + name]
    return entry.get("@value", entry.get("@id", entry))


@pytest.fixture(scope="module")
def builds(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    root = write_legal_portal(tmp_path_factory.mktemp("machine") / "portal")
    amending = root / "agencies" / DOCUMENTS / "nghi-dinh-168-2024-nd-cp.md"
    text = amending.read_text("utf-8")
    write(amending, re.sub(r"^title: .*$", f"title: {HOSTILE_TITLE}", text, flags=re.M))
    return {str(day): out for day, out in build_either_side(root).items()}


def test_every_document_page_carries_legislation_json_ld(builds: dict[str, Path]) -> None:
    out = builds[str(REPEALED)]
    pages = sorted((out / DOCUMENTS).glob("*/index.html"))
    assert len(pages) == 3
    for page in pages:
        node = legislation(page)
        assert node["@type"] == [SCHEMA + "Legislation"]
        for name in (
            "legislationIdentifier",
            "legislationType",
            "legislationPassedBy",
            "legislationDate",
            "legislationDateOfApplicability",
            "legislationLegalForce",
        ):
            assert SCHEMA + name in node, (page, name)
        assert node["@id"].startswith("https://thu.example.gov.vn/eli/nghi-dinh/")
    amending = legislation(out / DOCUMENTS / "nghi-dinh-168-2024-nd-cp" / "index.html")
    assert value(amending, "name") == HOSTILE_TITLE
    assert value(amending, "legislationIdentifier") == "168/2024/NĐ-CP"
    assert value(amending, "legislationType") == "Nghị định"
    assert value(amending, "legislationDate") == "2024-12-26"
    assert value(amending, "legislationDateOfApplicability") == "2025-01-01"
    [issuer] = amending[SCHEMA + "legislationPassedBy"]
    assert issuer[SCHEMA + "name"] == [{"@value": "Chính phủ"}]
    target = "https://thu.example.gov.vn/eli/nghi-dinh/2019/100-nd-cp/"
    assert value(amending, "legislationAmends") == target
    repealing = legislation(out / DOCUMENTS / "nghi-dinh-20-2025-nd-cp" / "index.html")
    assert value(repealing, "legislationRepeals") == target


def test_legal_force_is_as_of_the_build_date(builds: dict[str, Path]) -> None:
    page = Path(DOCUMENTS) / "nghi-dinh-100-2019-nd-cp" / "index.html"
    before = legislation(builds[str(BEFORE_REPEAL)] / page)
    after = legislation(builds[str(REPEALED)] / page)
    assert value(before, "legislationLegalForce") == SCHEMA + "InForce"
    assert value(after, "legislationLegalForce") == SCHEMA + "NotInForce"
    assert value(after, "legislationDateVersion") == str(REPEALED)


def test_the_stable_identifier_leads_to_the_document(builds: dict[str, Path]) -> None:
    out = builds[str(REPEALED)]
    identifier = out / "eli" / "nghi-dinh" / "2019" / "100-nd-cp" / "index.html"
    href = re.search(r'http-equiv="refresh" content="0; url=([^"]+)"', identifier.read_text())
    assert href is not None
    target = resolve(out, identifier, href.group(1))
    assert target == (out / DOCUMENTS / "nghi-dinh-100-2019-nd-cp" / "index.html").resolve()
    page = (out / DOCUMENTS / "nghi-dinh-100-2019-nd-cp" / "index.html").read_text("utf-8")
    assert "https://thu.example.gov.vn/eli/nghi-dinh/2019/100-nd-cp/" in page


@pytest.fixture(scope="module")
def sample_build(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The one-agency portal with an item of every section, and a hostile title."""
    root = write_sample_portal(tmp_path_factory.mktemp("export") / "portal", list(SAMPLES))
    news = root / "agencies" / AGENCY / "tin-tuc" / "hoi-nghi-tap-huan.md"
    title = "Hội nghị tập huấn báo cáo viên pháp luật"
    write(
        news, news.read_text("utf-8").replace(f"title: {title}", f'title: "=HYPERLINK(1) {title}"')
    )
    return build_site(root, dt.date(2026, 11, 23))


def test_each_agency_export_follows_its_published_schema(sample_build: Path) -> None:
    folder = sample_build / EXPORTS
    schema = json.loads((folder / "noi-dung.schema.json").read_text("utf-8"))
    checker = jsonschema.Draft202012Validator(schema, format_checker=FORMATS)
    export = json.loads((folder / f"{AGENCY}.json").read_text("utf-8"))
    errors = [f"{list(e.path)}: {e.message}" for e in checker.iter_errors(export)]
    assert errors == []
    # Complete: an item of every section, with its front matter and its text.
    assert {entry["chuyen_muc"] for entry in export["bai"]} == set(SAMPLES)
    contest = next(e for e in export["bai"] if e["chuyen_muc"] == "cuoc-thi")
    assert contest["thuoc_tinh"]["trac_nghiem"][0]["dap_an"] == "B"
    figures = next(e for e in export["bai"] if e["chuyen_muc"] == "so-lieu")
    assert figures["thuoc_tinh"]["chi_tieu"] == {"so_cuoc_truc_tiep": 120}
    # A change a reader of the schema must notice: an unknown key fails it.
    contest["thuoc_tinh"]["khong_co"] = 1
    assert not checker.is_valid(export)


def test_the_national_index_lists_every_export_and_the_csv_is_safe(sample_build: Path) -> None:
    folder = sample_build / EXPORTS
    index = json.loads((folder / "index.json").read_text("utf-8"))
    schema = json.loads((folder / "index.schema.json").read_text("utf-8"))
    jsonschema.validate(
        index, schema, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER
    )
    [entry] = index["don_vi"]
    assert entry["ma"] == AGENCY and entry["so_bai"] == len(SAMPLES)
    for key in ("json", "csv"):
        assert (sample_build / entry[key].removeprefix("https://thu.example.gov.vn/")).is_file()
    raw = (folder / f"{AGENCY}.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"), newline="")))
    assert len(rows) == len(SAMPLES)
    news = next(r for r in rows if r["chuyen_muc"] == "tin-tuc")
    # A title a spreadsheet would run as a formula is kept as text.
    assert news["title"].startswith("'=HYPERLINK(1)")


def test_verify_covers_the_exports(
    sample_build: Path, tmp_path: Path, run_cli: Callable[..., tuple[int, str, str]]
) -> None:
    copy = shutil.copytree(sample_build, tmp_path / "ban-sao")
    status, out, _ = run_cli(tmp_path, "verify", str(copy), "--today", "2026-11-24")
    assert status == 0, out
    write(copy / EXPORTS / f"{AGENCY}.json", "{}")
    (copy / EXPORTS / "index.json").unlink()
    status, out, _ = run_cli(tmp_path, "verify", str(copy), "--today", "2026-11-24")
    assert status == 1
    assert f"tệp bị thay đổi: {EXPORTS}{AGENCY}.json" in out
    assert f"thiếu tệp: {EXPORTS}index.json" in out
