"""The follow-up pages of the national portal: the dashboard, each agency's page, statistics.

Each page is a generated listing whose `view` (`followup/views.py`) holds what its partial
shows; the data behind it is written next to it as CSV and JSON, so links to the
downloads are relative.
"""

from __future__ import annotations

import datetime as dt

from pbgdpl.catalog import Catalog
from pbgdpl.followup.audit import AgencyAudit, audit_agency, audit_portal
from pbgdpl.followup.audit_formats import audit_csv, audit_json, threshold_rows
from pbgdpl.followup.downloads import json_text
from pbgdpl.followup.register import Register, load_register
from pbgdpl.followup.statistics import (
    reported_years,
    statistics_csv,
    statistics_json,
    year_statistics,
)
from pbgdpl.followup.views import (
    CRITERIA,
    CRITERIA_TITLE,
    DASHBOARD,
    DASHBOARD_TITLE,
    DISSEMINATION,
    DISSEMINATION_TITLE,
    LIST_PAGE_SIZE,
    STATISTICS,
    STATISTICS_TITLE,
    AgencyFollowUpView,
    AgencyListView,
    CriteriaView,
    DashboardView,
    DisseminationView,
    agency_lists,
    agency_page,
    dashboard_charts,
    indicator_slug,
    indicator_view,
    list_base,
    statistics_index_view,
    statistics_view,
)
from pbgdpl.model.indicators import INDICATORS
from pbgdpl.model.records import Download, Listing, listing_page_uri

# The site's planner names the dashboard and the statistics in the navigation.
__all__ = [
    "DASHBOARD",
    "DASHBOARD_TITLE",
    "STATISTICS",
    "STATISTICS_TITLE",
    "agency_standing",
    "national_pages",
]


def dashboard_pages(
    catalog: Catalog, as_of: dt.date, register: Register
) -> dict[str, Listing | Download]:
    """Return the dashboard, its downloads, the dissemination table and each agency's page."""
    audit = audit_portal(catalog, register, as_of)
    stem = DASHBOARD.rstrip("/")
    dashboard = DashboardView(audit, dashboard_charts(audit), f"{stem}.csv", f"{stem}.json")
    pages: dict[str, Listing | Download] = {
        f"{DASHBOARD}index.md": Listing(
            f"{DASHBOARD}index.md",
            DASHBOARD_TITLE,
            "dashboard",
            view=dashboard,
            description="Đơn vị nào chưa xây dựng, còn thiếu chuyên mục hay chậm cập nhật "
            "Trang thông tin điện tử PBGDPL thành phần.",
        ),
        f"{DASHBOARD}{dashboard.csv_name}": Download(
            f"{DASHBOARD}{dashboard.csv_name}", audit_csv(audit)
        ),
        f"{DASHBOARD}{dashboard.json_name}": Download(
            f"{DASHBOARD}{dashboard.json_name}", json_text(audit_json(audit))
        ),
    }
    pages[f"{CRITERIA}index.md"] = Listing(
        f"{CRITERIA}index.md",
        CRITERIA_TITLE,
        "followup-criteria",
        view=CriteriaView(audit, tuple(threshold_rows(audit))),
        description="Khi nào trang thành phần được đánh giá là chưa xây dựng, thiếu chuyên "
        "mục, chậm cập nhật hay đạt; số ngày tối đa giữa hai lần cập nhật của từng chuyên mục.",
    )
    if dashboard.disseminating:
        pages[f"{DISSEMINATION}index.md"] = Listing(
            f"{DISSEMINATION}index.md",
            DISSEMINATION_TITLE,
            "dissemination",
            view=DisseminationView(audit),
            description="Các cơ quan đăng văn bản mới đã phổ biến văn bản đúng hạn hay chưa.",
        )
    for unit in audit.agencies:
        uri = f"{agency_page(unit.slug)}index.md"
        pages[uri] = Listing(
            uri,
            f"Tình hình cập nhật: {unit.name}",
            "followup-agency",
            view=AgencyFollowUpView(unit, audit.as_of, audit.dissemination_days),
            description=f"{unit.name}: tình trạng trang thành phần, việc cần khắc phục, "
            "bài cần rà soát và việc phổ biến văn bản mới.",
        )
        pages.update(agency_list_pages(unit))
    return pages


LIST_TITLES = {
    "followup-review": "Bài cần rà soát",
    "followup-overdue": "Văn bản chưa được phổ biến đúng hạn",
}


def agency_list_pages(unit: AgencyAudit) -> dict[str, Listing | Download]:
    """Return the pages of an agency's long lists, LIST_PAGE_SIZE entries a page."""
    pages: dict[str, Listing | Download] = {}
    for kind, entries in agency_lists(unit):
        base = list_base(unit, kind)
        chunks = [
            entries[start : start + LIST_PAGE_SIZE]
            for start in range(0, len(entries), LIST_PAGE_SIZE)
        ]
        parents = (
            (DASHBOARD, DASHBOARD_TITLE),
            (agency_page(unit.slug), unit.name),
        )
        for number, chunk in enumerate(chunks, start=1):
            uri = listing_page_uri(base, number)
            title = f"{LIST_TITLES[kind]}: {unit.name}"
            pages[uri] = Listing(
                uri,
                title if number == 1 else f"{title} (trang {number})",
                kind,
                page_number=number,
                page_count=len(chunks),
                view=AgencyListView(
                    unit, chunk, (number - 1) * LIST_PAGE_SIZE + 1, len(entries), base, parents
                ),
            )
    return pages


def statistics_pages(
    catalog: Catalog, as_of: dt.date, register: Register
) -> dict[str, Listing | Download]:
    """Return the statistics index, each year's page and downloads, and each indicator's page."""
    years = reported_years(catalog, as_of)
    all_stats = tuple(year_statistics(catalog, register, as_of, year) for year in years)
    pages: dict[str, Listing | Download] = {
        f"{STATISTICS}index.md": Listing(
            f"{STATISTICS}index.md",
            STATISTICS_TITLE,
            "statistics-index",
            view=statistics_index_view(all_stats),
            description="Số liệu phổ biến, giáo dục pháp luật do các bộ, ngành, đoàn thể, địa "
            "phương báo cáo, tổng hợp theo năm.",
        )
    }
    for stats in all_stats:
        base = f"{STATISTICS}{stats.year}/"
        view = statistics_view(stats, years)
        pages[f"{base}index.md"] = Listing(
            f"{base}index.md",
            f"{STATISTICS_TITLE} năm {stats.year}",
            "statistics",
            view=view,
            description=f"Số liệu năm {stats.year}: tổng cộng cả nước, từng chỉ tiêu theo đơn "
            "vị, kèm tệp CSV và JSON.",
        )
        pages[f"{base}{view.csv_name}"] = Download(f"{base}{view.csv_name}", statistics_csv(stats))
        pages[f"{base}{view.json_name}"] = Download(
            f"{base}{view.json_name}", json_text(statistics_json(stats))
        )
        for indicator in INDICATORS:
            uri = f"{base}{indicator_slug(indicator)}/index.md"
            pages[uri] = Listing(
                uri,
                f"{indicator.label} năm {stats.year}",
                "statistics-indicator",
                view=indicator_view(stats, indicator),
                description=f"{indicator.label} ({indicator.unit}) năm {stats.year} của từng "
                "đơn vị và tổng cộng cả nước.",
            )
    return pages


def national_pages(
    catalog: Catalog, as_of: dt.date, register: Register | None = None
) -> dict[str, Listing | Download]:
    """Return the dashboard, the statistics pages and their downloads, by source path."""
    register = register or load_register()
    return dashboard_pages(catalog, as_of, register) | statistics_pages(catalog, as_of, register)


def agency_standing(
    catalog: Catalog, slug: str, as_of: dt.date, register: Register | None = None
) -> AgencyAudit:
    """Return one agency's audit, for the standing shown on its own home page."""
    register = register or load_register()
    return audit_agency(catalog.agencies[slug], catalog, register, as_of)
