"""The follow-up pages of the national portal: the dashboard and the statistics of each year.

Each page is a generated listing whose `view` holds what its partial shows; the data
behind it is written next to it as CSV and JSON, so links to the downloads are relative.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from pbgdpl.catalog import Catalog
from pbgdpl.catalog.dissemination import Coverage
from pbgdpl.followup.audit import AgencyAudit, Audit, Standing, audit_agency, audit_portal
from pbgdpl.followup.audit_formats import audit_csv, audit_json, threshold_rows
from pbgdpl.followup.charts import Bar, Chart
from pbgdpl.followup.downloads import json_text
from pbgdpl.followup.register import Register, load_register
from pbgdpl.followup.statistics import (
    YearStatistics,
    reported_years,
    statistics_csv,
    statistics_json,
    year_statistics,
)
from pbgdpl.model.agency import KIND_LABELS
from pbgdpl.model.fields import Indicator
from pbgdpl.model.formatting import vi_number
from pbgdpl.model.indicators import INDICATORS, INDICATORS_BY_CODE
from pbgdpl.model.records import Download, Listing
from pbgdpl.model.sections import SECTIONS_BY_SLUG

DASHBOARD = "tinh-hinh-cap-nhat/"
DASHBOARD_TITLE = "Tình hình xây dựng, cập nhật Trang thông tin điện tử PBGDPL"
STATISTICS = "thong-ke/"
STATISTICS_TITLE = "Số liệu phổ biến, giáo dục pháp luật"
# The indicators a year's page draws by agency; every indicator is in its table.
CHARTED = ("so_cuoc_truc_tiep", "so_luot_nguoi_tham_du", "so_luot_truy_cap")


@dataclass(frozen=True)
class DashboardView:
    """What the dashboard shows: the audit, its charts, the criteria and the downloads."""

    audit: Audit
    charts: tuple[Chart, ...]
    thresholds: tuple[tuple[str, str, int | None], ...]
    csv_name: str
    json_name: str

    @property
    def standings(self) -> tuple[Standing, ...]:
        """Return the standings, best first, for the summary and the filter."""
        return tuple(reversed(Standing))

    @property
    def kinds(self) -> dict[str, str]:
        """Return the agency kinds and their Vietnamese names, for the filter."""
        return KIND_LABELS

    @property
    def disseminating(self) -> tuple[AgencyAudit, ...]:
        """Return the agencies that post legal documents, for the national coverage table."""
        return tuple(a for a in self.audit.agencies if a.dissemination)

    @property
    def coverage_states(self) -> tuple[Coverage, ...]:
        """Return the states of dissemination, in the order of the table's columns."""
        return tuple(Coverage)


@dataclass(frozen=True)
class StatisticsView:
    """What a year's statistics page shows: every agency's figures, totals and charts."""

    stats: YearStatistics
    indicators: tuple[Indicator, ...]
    charts: tuple[Chart, ...]
    csv_name: str
    json_name: str
    years: tuple[int, ...]


@dataclass(frozen=True)
class StatisticsIndexView:
    """What the statistics index shows: each year's totals, and links to its page."""

    years: tuple[YearStatistics, ...]
    indicators: tuple[Indicator, ...]
    charts: tuple[Chart, ...]


def dashboard_charts(audit: Audit) -> tuple[Chart, ...]:
    """Draw the agencies by standing, and how many sites have items in each required section."""
    built = [a for a in audit.agencies if a.built]
    by_standing = Chart(
        "tinh-trang",
        "Số đơn vị theo tình trạng trang thành phần",
        f"Trong {len(audit.agencies)} đơn vị phải có trang thành phần: "
        + ", ".join(f"{audit.count(s)} {s.label.lower()}" for s in reversed(Standing))
        + ".",
        "đơn vị",
        tuple(Bar(s.label, audit.count(s), s.value) for s in reversed(Standing)),
    )
    filled = {
        slug: sum(1 for a in built for s in a.sections if s.slug == slug and s.count)
        for slug in audit.required_sections
    }
    by_section = Chart(
        "chuyen-muc",
        "Số trang thành phần có bài ở từng chuyên mục bắt buộc",
        f"Trong {len(built)} trang thành phần đã xây dựng: "
        + "; ".join(f"{SECTIONS_BY_SLUG[s].title} {n}" for s, n in filled.items())
        + ".",
        "trang",
        tuple(Bar(SECTIONS_BY_SLUG[s].title, n) for s, n in filled.items()),
    )
    return by_standing, by_section


def _by_agency(stats: YearStatistics, indicator: Indicator) -> Chart:
    reported = [a for a in stats.reported if indicator.code in a.figures]
    return Chart(
        f"{stats.year}-{indicator.code}".replace("_", "-"),
        f"{indicator.label} năm {stats.year}, theo đơn vị",
        f"{len(reported)} đơn vị báo cáo chỉ tiêu này; tổng cộng "
        f"{vi_number(stats.totals[indicator.code])} {indicator.unit}.",
        indicator.unit,
        tuple(Bar(a.name, a.figures[indicator.code]) for a in reported),
    )


def statistics_view(stats: YearStatistics, years: tuple[int, ...]) -> StatisticsView:
    """Return a year's page: a chart by agency for each charted indicator someone reported."""
    charts = tuple(
        _by_agency(stats, INDICATORS_BY_CODE[code]) for code in CHARTED if stats.reporting[code]
    )
    stem = f"thong-ke-{stats.year}"
    return StatisticsView(stats, INDICATORS, charts, f"{stem}.csv", f"{stem}.json", years)


def statistics_index_view(years: tuple[YearStatistics, ...]) -> StatisticsIndexView:
    """Return the index: how many agencies reported each year, and the year's direct sessions."""
    first = INDICATORS_BY_CODE[CHARTED[0]]
    charts = (
        (
            Chart(
                "bao-cao-theo-nam",
                "Số đơn vị đã báo cáo số liệu, theo năm",
                "; ".join(f"năm {y.year}: {len(y.reported)} đơn vị" for y in years) + ".",
                "đơn vị",
                tuple(Bar(f"Năm {y.year}", len(y.reported)) for y in years),
            ),
            Chart(
                "truc-tiep-theo-nam",
                f"{first.label}, theo năm (tổng các đơn vị đã báo cáo)",
                "; ".join(
                    f"năm {y.year}: {vi_number(y.totals[first.code])} {first.unit}" for y in years
                )
                + ".",
                first.unit,
                tuple(Bar(f"Năm {y.year}", y.totals[first.code]) for y in years),
            ),
        )
        if years
        else ()
    )
    return StatisticsIndexView(years, INDICATORS, charts)


def national_pages(
    catalog: Catalog, as_of: dt.date, register: Register | None = None
) -> dict[str, Listing | Download]:
    """Return the dashboard, the statistics pages and their downloads, by source path."""
    register = register or load_register()
    audit = audit_portal(catalog, register, as_of)
    stem = DASHBOARD.rstrip("/")
    dashboard = DashboardView(
        audit,
        dashboard_charts(audit),
        tuple(threshold_rows(audit)),
        f"{stem}.csv",
        f"{stem}.json",
    )
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
    years = reported_years(catalog, as_of)
    all_stats = tuple(year_statistics(catalog, register, as_of, year) for year in years)
    pages[f"{STATISTICS}index.md"] = Listing(
        f"{STATISTICS}index.md",
        STATISTICS_TITLE,
        "statistics-index",
        view=statistics_index_view(all_stats),
        description="Số liệu phổ biến, giáo dục pháp luật do các bộ, ngành, đoàn thể, địa "
        "phương báo cáo, tổng hợp theo năm.",
    )
    for stats in all_stats:
        base = f"{STATISTICS}{stats.year}/"
        view = statistics_view(stats, years)
        pages[f"{base}index.md"] = Listing(
            f"{base}index.md",
            f"{STATISTICS_TITLE} năm {stats.year}",
            "statistics",
            view=view,
            description=f"Số liệu năm {stats.year} của từng đơn vị và tổng cộng cả nước, "
            "kèm tệp CSV và JSON.",
        )
        pages[f"{base}{view.csv_name}"] = Download(f"{base}{view.csv_name}", statistics_csv(stats))
        pages[f"{base}{view.json_name}"] = Download(
            f"{base}{view.json_name}", json_text(statistics_json(stats))
        )
    return pages


def agency_standing(
    catalog: Catalog, slug: str, as_of: dt.date, register: Register | None = None
) -> AgencyAudit:
    """Return one agency's audit, for the standing shown on its own home page."""
    register = register or load_register()
    return audit_agency(catalog.agencies[slug], catalog, register, as_of)
