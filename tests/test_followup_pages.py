"""The dashboard and statistics pages of the built sample portal: tables, charts, downloads."""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

from playwright.sync_api import Page

from pbgdpl.followup.register import load_register
from pbgdpl.model.indicators import INDICATORS

from conftest import FIXTURE
from htmlcheck import links_of, resolve

DASHBOARD = "tinh-hinh-cap-nhat/index.html"
AGENCIES = sorted(p.name for p in (FIXTURE / "agencies").iterdir() if (p / "agency.yml").is_file())


def read_csv(path: Path) -> list[dict[str, str]]:
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf"), "CSV starts with a BOM so Excel reads Vietnamese"
    return list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"), newline="")))


def download(site: Path, page: str, label: str) -> Path:
    """Follow the page's link whose text contains `label`; return the linked file."""
    html = (site / page).read_text("utf-8")
    hrefs = re.findall(rf'<a href="([^"]+)"[^>]*>[^<]*{re.escape(label)}', html)
    assert len(hrefs) == 1, hrefs
    target = resolve(site, site / page, hrefs[0])
    assert target is not None and target.is_file(), hrefs[0]
    return target


def charts(html: str) -> list[str]:
    return re.findall(r"<svg class=\"pb-chart__svg\".*?</svg>", html, flags=re.S)


def test_dashboard_shows_every_agency_of_the_register(built_portal: Path) -> None:
    html = (built_portal / DASHBOARD).read_text("utf-8")
    assert "<h1>Tình hình xây dựng, cập nhật Trang thông tin điện tử PBGDPL</h1>" in html
    rows = re.findall(r'<tr id="don-vi-([a-z0-9-]+)" data-standing="([a-z]+)"', html)
    assert {slug for slug, _ in rows} == load_register().slugs | set(AGENCIES)
    for slug in AGENCIES:
        assert f'<a href="../{slug}/">' in html
    assert "dữ liệu tính đến ngày 23/11/2026" in html


def test_dashboard_charts_are_svg_with_a_text_alternative(built_portal: Path) -> None:
    html = (built_portal / DASHBOARD).read_text("utf-8")
    drawn = charts(html)
    assert len(drawn) == 2
    for svg in drawn:
        ids = re.search(r'aria-labelledby="([^"]+)"', svg)
        assert ids is not None and 'role="img"' in svg
        for name in ids.group(1).split():
            assert f'id="{name}"' in svg
        assert re.search(r"<title [^>]*>[^<]+</title><desc [^>]*>[^<]+</desc>", svg)
    assert html.count("Xem số liệu của biểu đồ dạng bảng") == 2


def test_dashboard_csv_and_json_agree_with_the_table(built_portal: Path) -> None:
    html = (built_portal / DASHBOARD).read_text("utf-8")
    rows = read_csv(download(built_portal, DASHBOARD, "(CSV)"))
    data = json.loads(download(built_portal, DASHBOARD, "JSON").read_text("utf-8"))
    shown = dict(re.findall(r'<tr id="don-vi-([a-z0-9-]+)" data-standing="([a-z]+)"', html))
    assert {r["ma_don_vi"]: r["tinh_trang"] for r in rows} == shown
    assert {a["slug"]: a["standing"] for a in data["agencies"]} == shown
    assert data["as_of"] == "2026-11-23"
    for slug in AGENCIES:
        row = next(r for r in rows if r["ma_don_vi"] == slug)
        assert int(row["so_bai"]) > 0 and row["tinh_trang"] != "missing"


def test_statistics_pages_for_each_reported_year(built_portal: Path) -> None:
    index = (built_portal / "thong-ke/index.html").read_text("utf-8")
    for year in (2024, 2025):
        assert f'<a href="{year}/">Năm {year}</a>' in index
        page = built_portal / f"thong-ke/{year}/index.html"
        html = page.read_text("utf-8")
        assert f"<h1>Số liệu phổ biến, giáo dục pháp luật năm {year}</h1>" in html
        assert charts(html)
        for indicator in INDICATORS:
            assert indicator.label in html


def test_statistics_csv_parses_and_matches_the_totals(built_portal: Path) -> None:
    page = "thong-ke/2025/index.html"
    rows = read_csv(download(built_portal, page, "CSV"))
    data = json.loads(download(built_portal, page, "JSON").read_text("utf-8"))
    by_agency = {r["ma_don_vi"]: r for r in rows}
    assert by_agency["bo-tu-phap"]["so_cuoc_truc_tiep"] == "186"
    assert by_agency["bo-tu-phap"]["duong_dan_bao_cao"] == (
        "bo-tu-phap/so-lieu/so-lieu-van-hanh-cong-pbgdpl-nam-2025/"
    )
    assert (built_portal / by_agency["bo-tu-phap"]["duong_dan_bao_cao"] / "index.html").is_file()
    for indicator in INDICATORS:
        total = sum(int(r[indicator.code]) for r in rows if r[indicator.code])
        assert data["totals"][indicator.code] == total
    assert len(data["reports"]) == len(rows) == data["agencies_reported"]
    html = (built_portal / page).read_text("utf-8")
    total = f"{data['totals']['so_cuoc_truc_tiep']:,}".replace(",", ".")
    assert f'<td class="pb-num">{total}</td>' in html


def test_agency_home_shows_its_own_standing(built_portal: Path) -> None:
    audit = json.loads(
        (built_portal / "tinh-hinh-cap-nhat/tinh-hinh-cap-nhat.json").read_text("utf-8")
    )
    standings = {a["slug"]: (a["standing"], a["standing_label"]) for a in audit["agencies"]}
    for slug in AGENCIES:
        home = built_portal / slug / "index.html"
        html = home.read_text("utf-8")
        code, label = standings[slug]
        assert "Tình hình cập nhật trang" in html
        assert f'<span class="pb-standing pb-standing--{code}">{label}</span>' in html
        assert f"../tinh-hinh-cap-nhat/#don-vi-{slug}" in links_of(home)


def test_follow_up_pages_load_scripts_from_files_only(built_portal: Path) -> None:
    pages = [DASHBOARD, "thong-ke/index.html", "thong-ke/2025/index.html"]
    for page in pages:
        html = (built_portal / page).read_text("utf-8")
        assert not re.search(r"<script(?![^>]*\bsrc=)[^>]*>\s*\S", html), page
        assert not re.search(r"\son[a-z]+=", html), page
    assert (built_portal / "assets/pbgdpl/dashboard.js").is_file()
    assert "../assets/pbgdpl/dashboard.js" in links_of(built_portal / DASHBOARD)


def test_dashboard_table_sorts_and_filters_in_the_browser(portal_url: str, page: Page) -> None:
    page.goto(portal_url + "tinh-hinh-cap-nhat/")
    rows = page.locator("#pb-dashboard-table tbody tr")
    total = rows.count()
    page.locator("select[name=standing]").select_option("missing")
    missing = page.locator('#pb-dashboard-table tbody tr[data-standing="missing"]').count()
    assert page.locator("#pb-dashboard-table tbody tr:visible").count() == missing
    assert page.locator("[data-pb-count]").inner_text() == (
        f"Đang hiển thị {missing} / {total} đơn vị"
    )
    page.locator("select[name=standing]").select_option("")
    page.locator("input[name=don-vi]").fill("ha noi")
    assert page.locator("#pb-dashboard-table tbody tr:visible th").all_inner_texts() == [
        "Thành phố Hà Nội"
    ]
    page.locator("input[name=don-vi]").fill("")
    page.get_by_role("button", name="Số bài").click()
    page.get_by_role("button", name="Số bài").click()
    counts = [int(v) for v in rows.evaluate_all("rs => rs.map(r => r.cells[3].dataset.sort)")]
    assert counts == sorted(counts, reverse=True)
    header = page.locator("#pb-dashboard-table th", has_text="Số bài")
    assert header.get_attribute("aria-sort") == "descending"


def test_dashboard_table_is_complete_without_javascript(built_portal: Path) -> None:
    html = (built_portal / DASHBOARD).read_text("utf-8")
    assert re.search(
        r'<form class="pb-table-filter" data-pb-filter="pb-dashboard-table" hidden>', html
    )
    assert html.count('<tr id="don-vi-') == len(load_register().slugs | set(AGENCIES))


def test_an_edited_figure_reaches_the_statistics_page_in_an_incremental_build(
    portal_copy: Path, run_cli
) -> None:
    out = portal_copy / "site"
    build = ("build", "--out", str(out), "--as-of", "2026-11-23")
    assert run_cli(portal_copy, *build)[0] == 0
    report = portal_copy / "agencies/lao-cai/so-lieu/so-lieu-pbgdpl-nam-2025.md"
    report.write_text(
        report.read_text("utf-8").replace("so_cuoc_truc_tiep: 5318", "so_cuoc_truc_tiep: 5400"),
        "utf-8",
    )
    assert run_cli(portal_copy, *build)[0] == 0
    rows = read_csv(out / "thong-ke/2025/thong-ke-2025.csv")
    assert next(r for r in rows if r["ma_don_vi"] == "lao-cai")["so_cuoc_truc_tiep"] == "5400"
