"""`build.py report --year`: the summary for the 8 December deadline, in Markdown and CSV."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from pbgdpl.followup.register import load_register
from pbgdpl.model.indicators import INDICATORS

from conftest import AS_OF


def run_report(root: Path, run_cli, year: int, out: Path) -> tuple[str, list[dict[str, str]]]:
    status, printed, _ = run_cli(
        root, "report", "--year", str(year), "--as-of", AS_OF.isoformat(), "--out", str(out)
    )
    assert status == 0
    markdown, table = out / f"bao-cao-pbgdpl-{year}.md", out / f"bao-cao-pbgdpl-{year}.csv"
    assert printed.split() == [str(markdown), str(table)]
    rows = list(csv.DictReader(io.StringIO(table.read_text("utf-8-sig"), newline="")))
    return markdown.read_text("utf-8"), rows


def test_report_lists_every_agency_with_what_it_reported(
    portal_copy: Path, run_cli, tmp_path: Path
) -> None:
    markdown, rows = run_report(portal_copy, run_cli, 2025, tmp_path / "bao-cao")
    by_agency = {r["ma_don_vi"]: r for r in rows}
    assert set(by_agency) == load_register().slugs
    bo_y_te = by_agency["bo-y-te"]
    assert (bo_y_te["da_bao_cao"], bo_y_te["ky_bao_cao"], bo_y_te["ngay_bao_cao"]) == (
        "có",
        "Năm 2025",
        "2026-01-28",
    )
    assert bo_y_te["so_cuoc_truc_tiep"] == "1864" and bo_y_te["so_cuoc_thi"] == ""
    assert bo_y_te["chi_tieu_chua_bao_cao"] == (
        "so_cuoc_thi;so_luot_du_thi;so_cuoc_doi_thoai;so_tin_bai_dang_tai;so_luot_truy_cap"
    )
    not_built = by_agency["bo-cong-an"]
    assert (not_built["da_bao_cao"], not_built["tinh_trang"]) == ("không", "missing")
    assert not_built["chi_tieu_chua_bao_cao"] == ";".join(i.code for i in INDICATORS)
    assert "| Bộ Công an | Chưa xây dựng | Chưa báo cáo | Tất cả |" in markdown
    assert "| Bộ Y tế | Thiếu chuyên mục | Năm 2025, ngày 28/01/2026 | Số cuộc thi" in markdown


def test_report_standings_are_the_audits(portal_copy: Path, run_cli, tmp_path: Path) -> None:
    _, rows = run_report(portal_copy, run_cli, 2025, tmp_path / "bao-cao")
    _, out, _ = run_cli(portal_copy, "audit", "--as-of", AS_OF.isoformat(), "--format", "json")
    audit = {a["slug"]: a["standing"] for a in json.loads(out)["agencies"]}
    assert {r["ma_don_vi"]: r["tinh_trang"] for r in rows} == audit


def test_report_says_the_deadline_and_whether_it_has_passed(
    portal_copy: Path, run_cli, tmp_path: Path
) -> None:
    past, _ = run_report(portal_copy, run_cli, 2025, tmp_path / "a")
    coming, rows = run_report(portal_copy, run_cli, 2026, tmp_path / "b")
    assert "trước ngày 08/12/2025 (Công văn số 2500/BTP-PBGDPL), đã quá hạn." in past
    assert "trước ngày 08/12/2026 (Công văn số 2500/BTP-PBGDPL). Dữ liệu" in coming
    reported = {r["ma_don_vi"]: r["ky_bao_cao"] for r in rows if r["da_bao_cao"] == "có"}
    assert reported == {"ha-noi": "6 tháng đầu năm 2026"}
    assert f"- Số liệu năm 2026: 1/{len(load_register().agencies)} đơn vị" in coming


def test_report_totals_match_the_rows(portal_copy: Path, run_cli, tmp_path: Path) -> None:
    markdown, rows = run_report(portal_copy, run_cli, 2025, tmp_path / "bao-cao")
    for indicator in INDICATORS:
        values = [int(r[indicator.code]) for r in rows if r[indicator.code]]
        total = f"{sum(values):,}".replace(",", ".")
        assert f"| {indicator.label} | {indicator.unit} | {total} | {len(values)} |" in markdown


def test_report_needs_a_valid_year(portal_copy: Path, run_cli, capsys) -> None:
    with pytest.raises(SystemExit) as stopped:
        run_cli(portal_copy, "report", "--year", "năm-nay")
    assert stopped.value.code == 2
    assert "năm không hợp lệ: 'năm-nay'; viết YYYY" in capsys.readouterr().err


def test_yearly_totals_never_add_a_six_month_figure(
    portal_copy: Path, run_cli, tmp_path: Path
) -> None:
    # Hà Nội reported only the first six months of 2026.
    markdown, _ = run_report(portal_copy, run_cli, 2026, tmp_path / "b")
    direct = next(i for i in INDICATORS if i.code == "so_cuoc_truc_tiep")
    assert f"| {direct.label} | {direct.unit} | 0 | 0 |" in markdown
    assert (
        "Không cộng vào tổng số liệu chưa đủ năm của: Thành phố Hà Nội "
        "(6 tháng đầu năm 2026)." in markdown
    )


def run_unit_report(root: Path, run_cli, slug: str, year: int, out: Path) -> str:
    status, printed, _ = run_cli(
        root,
        "report",
        "--year",
        str(year),
        "--agency",
        slug,
        "--as-of",
        AS_OF.isoformat(),
        "--out",
        str(out),
    )
    assert status == 0
    document = out / f"bao-cao-pbgdpl-{year}-{slug}.html"
    assert printed.split() == [str(document)]
    return document.read_text("utf-8")


def test_one_unit_gets_its_report_in_the_layout_of_an_official_report(
    portal_copy: Path, run_cli, tmp_path: Path
) -> None:
    html = run_unit_report(portal_copy, run_cli, "ha-noi", 2025, tmp_path / "bc")
    # The heading block: the unit, the national name and motto, the place and date.
    heading = html.split("</header>")[0]
    assert '<p class="unit">Thành phố Hà Nội</p>' in heading
    assert "Cộng hòa xã hội chủ nghĩa Việt Nam" in heading
    assert "Độc lập - Tự do - Hạnh phúc" in heading
    assert "ngày 23 tháng 11 năm 2026" in heading
    assert "<h1>BÁO CÁO</h1>" in html
    parts = [line for line in html.splitlines() if line.startswith("<h2>")]
    assert [p.split(".")[0] for p in parts] == ["<h2>I", "<h2>II", "<h2>III", "<h2>IV"]
    assert "Kỳ báo cáo: Năm 2025 (đăng ngày 15/01/2026)." in html
    assert '<td class="num">13.960</td>' in html
    assert "@page { size: A4;" in html and "Nơi nhận:" in html
    # Nobody else's figures: only this unit.
    assert "Bộ Y tế" not in html


def test_a_units_six_month_report_is_never_called_the_year(
    portal_copy: Path, run_cli, tmp_path: Path
) -> None:
    html = run_unit_report(portal_copy, run_cli, "ha-noi", 2026, tmp_path / "bc")
    assert "Kỳ báo cáo: 6 tháng đầu năm 2026" in html
    assert "Đây là số liệu chưa đủ năm" in html
    assert '<th scope="col">Năm 2026</th>' not in html


def test_a_units_report_escapes_what_editors_wrote_and_names_unknown_units(
    portal_copy: Path, run_cli, tmp_path: Path
) -> None:
    agency = portal_copy / "agencies/ha-noi/agency.yml"
    agency.write_text(
        agency.read_text("utf-8").replace(
            "name: Thành phố Hà Nội", 'name: "Hà Nội <script>alert(1)</script>"'
        ),
        "utf-8",
    )
    html = run_unit_report(portal_copy, run_cli, "ha-noi", 2025, tmp_path / "bc")
    assert "<script>" not in html and "&lt;script&gt;" in html
    status, _, err = run_cli(portal_copy, "report", "--year", "2025", "--agency", "khong-co")
    assert status == 2
    assert 'Không có đơn vị "khong-co"' in err
