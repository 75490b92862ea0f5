"""Statistics reports (section so-lieu): validated like other content, summed per year."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from pbgdpl.catalog import Catalog
from pbgdpl.followup.register import load_register
from pbgdpl.followup.statistics import reported_years, year_statistics
from pbgdpl.loading.portal import load_portal
from pbgdpl.model.indicators import INDICATORS
from pbgdpl.model.moment import BuildMoment

from conftest import AS_OF, REPO, write

REPORT = """---
title: Số liệu phổ biến, giáo dục pháp luật năm 2026
date: 2026-11-20
nam: 2026
ky_bao_cao: Năm 2026
chi_tieu:
  so_cuoc_truc_tiep: 120
{extra}---
Báo cáo.
"""


def report_at(root: Path, slug: str, extra: str, name: str = "nam-2026") -> str:
    path = write(root / f"agencies/{slug}/so-lieu/{name}.md", REPORT.format(extra=extra))
    return path.relative_to(root).as_posix()


def diagnostics(root: Path, run_cli) -> list[tuple[str, int, str]]:
    _, out, _ = run_cli(root, "validate", "--format", "json")
    return [(d["path"], d["line"], d["code"]) for d in json.loads(out)]


@pytest.mark.parametrize(
    ("extra", "code", "line"),
    [
        ("  so_cuoc_truc_tiepp: 5\n", "unknown-indicator", 6),
        ("  so_luot_truy_cap: -5\n", "invalid-count", 6),
        ("  so_luot_truy_cap: 12.600\n", "invalid-count", 6),
        ('  so_luot_truy_cap: "12600"\n', "invalid-count", 6),
    ],
)
def test_a_wrong_figure_is_an_error_at_the_figures_line(
    portal_copy: Path, run_cli, extra: str, code: str, line: int
) -> None:
    path = report_at(portal_copy, "lao-cai", extra)
    assert diagnostics(portal_copy, run_cli) == [(path, line, code)]


def test_every_wrong_figure_of_a_report_is_named_in_one_pass(portal_copy: Path, run_cli) -> None:
    extra = "  so_luot_truy_cap: 99999999999\n  so_cuoc_thi: .inf\n  so_cuoc_doi_thoaii: 3\n"
    path = report_at(portal_copy, "lao-cai", extra)
    assert diagnostics(portal_copy, run_cli) == [
        (path, 6, "implausible-count"),
        (path, 6, "invalid-count"),
        (path, 6, "unknown-indicator"),
    ]


def test_messages_name_the_indicator_and_suggest_the_right_one(portal_copy: Path, run_cli) -> None:
    report_at(portal_copy, "lao-cai", "  so_cuoc_truc_tiepp: 5\n")
    _, out, _ = run_cli(portal_copy, "validate", "--format", "json")
    assert json.loads(out)[0]["message"] == (
        'Chỉ tiêu "so_cuoc_truc_tiepp" trong trường "chi_tieu" (Chỉ tiêu) không có trong danh '
        'mục chỉ tiêu. Có phải là "so_cuoc_truc_tiep"?'
    )


def test_the_year_is_required(portal_copy: Path, run_cli) -> None:
    path = report_at(portal_copy, "lao-cai", "")
    file = portal_copy / path
    file.write_text(file.read_text("utf-8").replace("nam: 2026\n", ""), "utf-8")
    assert diagnostics(portal_copy, run_cli) == [(path, 1, "missing-field")]


def test_the_schema_lists_every_indicator_with_its_label() -> None:
    schema = json.loads((REPO / "schemas/so-lieu.json").read_text("utf-8"))
    figures = schema["properties"]["chi_tieu"]
    assert figures["additionalProperties"] is False
    assert {k: v["title"] for k, v in figures["properties"].items()} == {
        i.code: i.label for i in INDICATORS
    }
    assert {"nam", "chi_tieu"} <= set(schema["required"])


def catalog_of(root: Path) -> Catalog:
    return Catalog.from_portal(load_portal(root), BuildMoment.end_of(AS_OF))


def test_sample_has_two_agencies_with_two_years_of_statistics(sample_portal: Path) -> None:
    catalog = catalog_of(sample_portal)
    register = load_register()
    years = reported_years(catalog, AS_OF)
    reported = {
        year: {a.slug for a in year_statistics(catalog, register, AS_OF, year).reported}
        for year in years
    }
    twice = {
        slug
        for slug in catalog.agencies
        if sum(slug in agencies for agencies in reported.values()) >= 2
    }
    assert len(twice) >= 2


def test_a_newer_report_of_the_same_year_replaces_the_older(portal_copy: Path) -> None:
    report_at(portal_copy, "lao-cai", "", name="sau-thang-2026")
    later = (
        REPORT.replace("2026-11-20", "2026-11-22")
        .replace("120", "300")
        .format(extra="  so_cuoc_thi: 2\n")
    )
    write(portal_copy / "agencies/lao-cai/so-lieu/ca-nam-2026.md", later)
    stats = year_statistics(catalog_of(portal_copy), load_register(), AS_OF, 2026)
    lao_cai = next(a for a in stats.agencies if a.slug == "lao-cai")
    assert lao_cai.figures == {"so_cuoc_truc_tiep": 300, "so_cuoc_thi": 2}
    assert lao_cai.report is not None and lao_cai.report.slug == "ca-nam-2026"


def test_totals_are_sums_over_the_agencies_that_reported(
    portal_copy: Path, sample_portal: Path
) -> None:
    report_at(portal_copy, "lao-cai", "  so_luot_truy_cap: 5000\n")
    report_at(portal_copy, "nghe-an", "  so_cuoc_thi: 3\n")
    catalog = catalog_of(portal_copy)
    before = year_statistics(catalog_of(sample_portal), load_register(), AS_OF, 2026)
    stats = year_statistics(catalog, load_register(), AS_OF, 2026)
    assert stats.totals["so_cuoc_truc_tiep"] == before.totals["so_cuoc_truc_tiep"] + 240
    assert stats.totals["so_luot_truy_cap"] == before.totals["so_luot_truy_cap"] + 5000
    assert stats.reporting["so_cuoc_thi"] == before.reporting["so_cuoc_thi"] + 1
    assert len(stats.reported) == len(before.reported) + 2
    assert len(stats.agencies) == stats.in_register == len(load_register().agencies)


def test_a_report_published_after_the_as_of_date_is_not_counted(portal_copy: Path) -> None:
    report_at(portal_copy, "lao-cai", "")
    file = portal_copy / "agencies/lao-cai/so-lieu/nam-2026.md"
    file.write_text(file.read_text("utf-8").replace("2026-11-20", "2026-12-01"), "utf-8")
    stats = year_statistics(catalog_of(portal_copy), load_register(), AS_OF, 2026)
    assert "lao-cai" not in {a.slug for a in stats.reported}
