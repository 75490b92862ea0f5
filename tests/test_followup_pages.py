"""The dashboard and statistics pages of the built sample portal: tables, charts, downloads."""

from __future__ import annotations

import csv
import io
import json
import re
from html import unescape
from pathlib import Path

from playwright.sync_api import Page

from pbgdpl.followup.audit import SECTION_STATE_LABELS, SectionState
from pbgdpl.followup.register import load_register
from pbgdpl.model.indicators import INDICATORS
from pbgdpl.model.sections import SECTIONS_BY_SLUG

from conftest import FIXTURE
from htmlcheck import links_of, resolve

DASHBOARD = "tinh-hinh-cap-nhat/index.html"
AGENCIES = sorted(p.name for p in (FIXTURE / "agencies").iterdir() if (p / "agency.yml").is_file())
# A dashboard row: its standing, and the link to the agency's own follow-up page.
ROW = re.compile(
    r'<tr data-standing="([a-z]+)" data-kind="[a-z]+"><th><a href="don-vi/([a-z0-9-]+)/">'
)


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


def dashboard_rows(html: str) -> dict[str, str]:
    """Return each agency's standing as the dashboard's rows show it, by slug."""
    return {slug: standing for standing, slug in ROW.findall(html)}


def text_of(html: str) -> str:
    """Return the visible text of HTML, its spaces collapsed."""
    return " ".join(unescape(re.sub(r"<[^>]+>", " ", html)).split())


def test_dashboard_shows_every_agency_of_the_register(built_portal: Path) -> None:
    page = built_portal / DASHBOARD
    html = page.read_text("utf-8")
    assert "<h1>Tình hình xây dựng, cập nhật Trang thông tin điện tử PBGDPL</h1>" in html
    assert set(dashboard_rows(html)) == load_register().slugs | set(AGENCIES)
    assert "dữ liệu tính đến ngày 23/11/2026" in html
    # Every row links the agency's own follow-up page, which links its site if it has one.
    for slug in dashboard_rows(html):
        own = resolve(built_portal, page, f"don-vi/{slug}/")
        assert own is not None and own.is_file(), slug
        assert (f"../../../{slug}/" in links_of(own)) == (slug in AGENCIES), slug


def test_dashboard_charts_are_svg_with_a_text_alternative(built_portal: Path) -> None:
    html = (built_portal / DASHBOARD).read_text("utf-8")
    drawn = charts(html)
    assert len(drawn) == 1
    for svg in drawn:
        ids = re.search(r'aria-labelledby="([^"]+)"', svg)
        assert ids is not None and 'role="img"' in svg
        for name in ids.group(1).split():
            assert f'id="{name}"' in svg
        assert re.search(r"<title [^>]*>[^<]+</title><desc [^>]*>[^<]+</desc>", svg)
    assert html.count("Xem số liệu của biểu đồ dạng bảng") == 1


def test_dashboard_csv_and_json_agree_with_the_table(built_portal: Path) -> None:
    html = (built_portal / DASHBOARD).read_text("utf-8")
    rows = read_csv(download(built_portal, DASHBOARD, "(CSV)"))
    data = json.loads(download(built_portal, DASHBOARD, "JSON").read_text("utf-8"))
    shown = dashboard_rows(html)
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


def test_each_indicator_has_a_page_with_every_agency_figure_largest_first(
    built_portal: Path,
) -> None:
    year_page = built_portal / "thong-ke/2025/index.html"
    rows = read_csv(download(built_portal, "thong-ke/2025/index.html", "CSV"))
    for indicator in INDICATORS:
        slug = indicator.code.replace("_", "-")
        page = resolve(built_portal, year_page, f"{slug}/")
        assert page is not None and page.is_file(), slug
        html = page.read_text("utf-8")
        assert f"<h1>{indicator.label} năm 2025</h1>" in html
        # Every agency that reported the figure, the largest first, each linking its report.
        table = re.search(r'<table id="pb-indicator-table".*?</table>', html, flags=re.S)
        expected = sorted(
            ((r["duong_dan_bao_cao"], int(r[indicator.code])) for r in rows if r[indicator.code]),
            key=lambda pair: -pair[1],
        )
        assert table is not None
        report_then_figure = r'<a href="\.\./\.\./\.\./([^"]+)">.*?</th><td>([\d.]+)</td>'
        shown = re.findall(report_then_figure, table.group(0))
        assert [(url, int(value.replace(".", ""))) for url, value in shown] == expected
        total = sum(value for _, value in expected)
        assert f"{total:,}".replace(",", ".") in text_of(html)
        # The breadcrumbs lead back up to the year and to the statistics.
        trail = re.search(r'<nav class="pb-breadcrumbs".*?</nav>', html, flags=re.S)
        assert trail is not None
        above = [resolve(built_portal, page, h) for h in re.findall(r'href="([^"]+)"', trail[0])]
        assert above == [built_portal / p for p in ("index.html", "thong-ke/index.html")] + [
            year_page
        ]
    assert len(charts(year_page.read_text("utf-8"))) == 1


def test_an_agency_follow_up_page_lists_what_to_fix_and_each_section(built_portal: Path) -> None:
    audit = json.loads(
        (built_portal / "tinh-hinh-cap-nhat/tinh-hinh-cap-nhat.json").read_text("utf-8")
    )
    for unit in audit["agencies"]:
        page = built_portal / f"tinh-hinh-cap-nhat/don-vi/{unit['slug']}/index.html"
        text = text_of(page.read_text("utf-8"))
        assert f"Tình hình cập nhật: {unit['name']}" in text
        assert unit["standing_label"] in text
        for finding in unit["findings"]:
            assert f"{finding['what']}. Việc của {finding['actor_label']} : " in text
        for section in unit["sections"]:
            title = SECTIONS_BY_SLUG[section["slug"]].title
            state = SECTION_STATE_LABELS[SectionState(section["state"])]
            assert f"{title}{' (bắt buộc)' if section['required'] else ''} {state}" in text
        for due in unit["to_review"]:
            assert due["title"] in text
        if unit["standing"] == "missing":
            assert "Chưa có Trang thông tin điện tử PBGDPL thành phần trên Cổng" in text
    # The dashboard's row counts the same findings the agency's page lists.
    html = (built_portal / DASHBOARD).read_text("utf-8")
    for slug in AGENCIES:
        page = (built_portal / f"tinh-hinh-cap-nhat/don-vi/{slug}/index.html").read_text("utf-8")
        findings = re.search(r'<ul class="pb-findings">.*?</ul>', page, flags=re.S)
        count = findings.group(0).count("<li>") if findings else 0
        row = re.search(rf'<a href="don-vi/{slug}/">.*?</tr>', html, flags=re.S)
        assert row is not None and row.group(0).endswith(f"<td>{count} việc</td></tr>"), slug


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
    assert f"<td>{total}</td>" in html


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
        assert f"../tinh-hinh-cap-nhat/don-vi/{slug}/" in links_of(home)
        assert "../tinh-hinh-cap-nhat/" in links_of(home)


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
    # "1.250 bài" sorts as 1250; a site never built ("—") comes last.
    cells = rows.evaluate_all("rs => rs.map(r => r.cells[2].textContent)")
    counts = [int(c.split()[0].replace(".", "")) if c != "—" else -1 for c in cells]
    assert counts == sorted(counts, reverse=True) and counts[-1] == -1
    header = page.locator("#pb-dashboard-table th", has_text="Số bài")
    assert header.get_attribute("aria-sort") == "descending"


def test_dashboard_table_is_complete_without_javascript(built_portal: Path) -> None:
    html = (built_portal / DASHBOARD).read_text("utf-8")
    assert re.search(
        r'<form class="pb-table-filter" data-pb-filter="pb-dashboard-table" hidden>', html
    )
    assert html.count("<tr data-standing=") == len(load_register().slugs | set(AGENCIES))


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
