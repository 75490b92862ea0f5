"""What each follow-up page shows: the `view` of its listing, read by its partial.

The national pages stay small however large the portal grows: the dashboard holds one
short row per agency and links each agency's own page; a year's statistics hold the
national totals and link one page per indicator; the full data are the CSV and JSON
downloads. `parents` are the pages above a page, for its breadcrumbs.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from pbgdpl.catalog.dissemination import Coverage, DocumentCoverage
from pbgdpl.followup.audit import AgencyAudit, Audit, Standing
from pbgdpl.followup.charts import Bar, Chart
from pbgdpl.followup.review_due import ItemToReview
from pbgdpl.followup.statistics import AgencyYear, YearStatistics
from pbgdpl.model.agency import KIND_LABELS
from pbgdpl.model.fields import Indicator
from pbgdpl.model.formatting import vi_number
from pbgdpl.model.indicators import INDICATORS, INDICATORS_BY_CODE
from pbgdpl.model.sections import SECTIONS_BY_SLUG

DASHBOARD = "tinh-hinh-cap-nhat/"
DASHBOARD_TITLE = "Tình hình xây dựng, cập nhật Trang thông tin điện tử PBGDPL"
DISSEMINATION = f"{DASHBOARD}pho-bien-van-ban/"
DISSEMINATION_TITLE = "Phổ biến văn bản mới theo đơn vị"
CRITERIA = f"{DASHBOARD}cach-danh-gia/"
CRITERIA_TITLE = "Cách đánh giá tình trạng trang thành phần"
AGENCY_PAGES = f"{DASHBOARD}don-vi/"
STATISTICS = "thong-ke/"
STATISTICS_TITLE = "Số liệu phổ biến, giáo dục pháp luật"
# The indicator drawn on the statistics index, year by year.
CHARTED = "so_cuoc_truc_tiep"
# An indicator's page draws this many agencies, the largest first; its table lists all.
CHART_TOP = 10
# An agency's page shows the first few items to check again and documents not disseminated
# in time; the rest are on pages of their own, this many a page.
SHOWN_ON_AGENCY_PAGE = 10
LIST_PAGE_SIZE = 50
REVIEW_LIST = "can-ra-soat/"
OVERDUE_LIST = "van-ban-chua-pho-bien/"

Parents = tuple[tuple[str, str], ...]
"""The pages above a page, top first: (path from the portal's root, title)."""


def agency_page(slug: str) -> str:
    """Return the path of an agency's follow-up page from the portal's root."""
    return f"{AGENCY_PAGES}{slug}/"


def indicator_slug(indicator: Indicator) -> str:
    """Return the URL segment of an indicator's page: its code with hyphens."""
    return indicator.code.replace("_", "-")


@dataclass(frozen=True)
class DashboardView:
    """What the dashboard shows: the summary, its charts, one row per agency, the criteria."""

    audit: Audit
    charts: tuple[Chart, ...]
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
    def disseminating(self) -> int:
        """Count the agencies that post legal documents, to link the dissemination page."""
        return sum(1 for a in self.audit.agencies if a.dissemination)

    @property
    def agency_pages(self) -> str:
        """Return the path of the agencies' pages from the dashboard."""
        return AGENCY_PAGES.removeprefix(DASHBOARD)

    @property
    def dissemination_page(self) -> str:
        """Return the path of the dissemination page from the dashboard."""
        return DISSEMINATION.removeprefix(DASHBOARD)

    @property
    def criteria_page(self) -> str:
        """Return the path of the criteria page from the dashboard."""
        return CRITERIA.removeprefix(DASHBOARD)


@dataclass(frozen=True)
class CriteriaView:
    """How the dashboard judges a site: the standings and each section's days between updates."""

    audit: Audit
    thresholds: tuple[tuple[str, str, int | None], ...]
    parents: Parents = ((DASHBOARD, DASHBOARD_TITLE),)


@dataclass(frozen=True)
class DisseminationView:
    """The national table of dissemination: one row per agency that posts legal documents."""

    audit: Audit
    parents: Parents = ((DASHBOARD, DASHBOARD_TITLE),)

    @property
    def disseminating(self) -> tuple[AgencyAudit, ...]:
        """Return the agencies that post legal documents."""
        return tuple(a for a in self.audit.agencies if a.dissemination)

    @property
    def coverage_states(self) -> tuple[Coverage, ...]:
        """Return the states of dissemination, in the order of the table's columns."""
        return tuple(Coverage)

    def agency_page(self, slug: str) -> str:
        """Return the path of an agency's follow-up page from the portal's root."""
        return agency_page(slug)


@dataclass(frozen=True)
class AgencyFollowUpView:
    """One agency's follow-up: its sections, what to fix, what to check again, dissemination."""

    unit: AgencyAudit
    as_of: dt.date
    dissemination_days: int
    """Of the whole audit, only what the page prints: its date and the days allowed. With
    no other agency in it, the page is rendered again only when this agency's audit changes
    (`pbgdpl.site.page_inputs`)."""
    parents: Parents = ((DASHBOARD, DASHBOARD_TITLE),)

    @property
    def coverage_states(self) -> tuple[Coverage, ...]:
        """Return the states of dissemination, in the order of the summary."""
        return tuple(Coverage)

    @property
    def overdue(self) -> tuple[DocumentCoverage, ...]:
        """Return the documents not disseminated in time (missing, then late), to name them."""
        return overdue(self.unit)

    @property
    def shown(self) -> int:
        """Return how many items to review and overdue documents the page lists itself."""
        return SHOWN_ON_AGENCY_PAGE

    @property
    def review_list(self) -> str:
        """Return the path of the full list of items to check again, from this page."""
        return REVIEW_LIST

    @property
    def overdue_list(self) -> str:
        """Return the path of the full list of overdue documents, from this page."""
        return OVERDUE_LIST


@dataclass(frozen=True)
class AgencyListView:
    """One page of an agency's long list: its items to check again, or its overdue documents."""

    unit: AgencyAudit
    entries: tuple[ItemToReview, ...] | tuple[DocumentCoverage, ...]
    first: int
    """The number of the page's first entry in the whole list, for `<ol start>`."""
    total: int
    base: str
    """The path of the list's first page from the portal's root; the others are trang-N/."""
    parents: Parents


def overdue(unit: AgencyAudit) -> tuple[DocumentCoverage, ...]:
    """Return an agency's documents not disseminated in time: missing first, then late."""
    return unit.disseminated(Coverage.MISSING, Coverage.LATE)


def agency_lists(
    unit: AgencyAudit,
) -> list[tuple[str, tuple[ItemToReview, ...] | tuple[DocumentCoverage, ...]]]:
    """Return the agency's long lists that need pages of their own, by kind of listing."""
    found: list[tuple[str, tuple[ItemToReview, ...] | tuple[DocumentCoverage, ...]]] = []
    if len(unit.to_review) > SHOWN_ON_AGENCY_PAGE:
        found.append(("followup-review", unit.to_review))
    if len(overdue(unit)) > SHOWN_ON_AGENCY_PAGE:
        found.append(("followup-overdue", overdue(unit)))
    return found


def list_base(unit: AgencyAudit, kind: str) -> str:
    """Return the path of the first page of an agency's long list, from the portal's root."""
    return agency_page(unit.slug) + (REVIEW_LIST if kind == "followup-review" else OVERDUE_LIST)


@dataclass(frozen=True)
class StatisticsView:
    """What a year's statistics page shows: the national totals, and a page per indicator."""

    stats: YearStatistics
    indicators: tuple[Indicator, ...]
    charts: tuple[Chart, ...]
    csv_name: str
    json_name: str
    years: tuple[int, ...]
    parents: Parents = ((STATISTICS, STATISTICS_TITLE),)

    def indicator_page(self, indicator: Indicator) -> str:
        """Return the path of an indicator's page from the year's page."""
        return f"{indicator_slug(indicator)}/"


@dataclass(frozen=True)
class IndicatorView:
    """One indicator in one year: every agency's figure, the largest first, and a chart."""

    stats: YearStatistics
    indicator: Indicator
    chart: Chart
    parents: Parents

    @property
    def reported(self) -> tuple[AgencyYear, ...]:
        """Return the agencies that reported the indicator, the largest figure first."""
        code = self.indicator.code
        found = [a for a in self.stats.reported if code in a.figures]
        return tuple(sorted(found, key=lambda a: -a.figures[code]))

    @property
    def not_reported(self) -> tuple[AgencyYear, ...]:
        """Return the agencies of the register that did not report the indicator."""
        code = self.indicator.code
        return tuple(a for a in self.stats.agencies if a.in_register and code not in a.figures)

    @property
    def total(self) -> int:
        """Return the national total of the indicator (full-year reports only)."""
        return self.stats.totals[self.indicator.code]


@dataclass(frozen=True)
class StatisticsIndexView:
    """What the statistics index shows: each year's totals, and links to its page."""

    years: tuple[YearStatistics, ...]
    indicators: tuple[Indicator, ...]
    charts: tuple[Chart, ...]


def dashboard_charts(audit: Audit) -> tuple[Chart, ...]:
    """Draw how many sites have items in each required section.

    The agencies by standing are the summary above it, four figures: no chart repeats them.
    """
    built = [a for a in audit.agencies if a.built]
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
    return (by_section,)


def indicator_view(stats: YearStatistics, indicator: Indicator) -> IndicatorView:
    """Return an indicator's page: its chart draws the largest full-year figures."""
    code = indicator.code
    full = sorted((a for a in stats.full_year if code in a.figures), key=lambda a: -a.figures[code])
    drawn = full[:CHART_TOP]
    shown = "" if len(full) <= CHART_TOP else f"{len(drawn)} đơn vị có số liệu lớn nhất; "
    chart = Chart(
        f"{stats.year}-{indicator_slug(indicator)}",
        f"{indicator.label} năm {stats.year}, theo đơn vị"
        + (f" ({CHART_TOP} đơn vị có số liệu lớn nhất)" if shown else ""),
        f"{shown}{len(full)} đơn vị báo cáo cả năm; tổng cộng "
        f"{vi_number(stats.totals[code])} {indicator.unit}.",
        indicator.unit,
        tuple(Bar(a.name, a.figures[code]) for a in drawn),
    )
    parents = (
        (STATISTICS, STATISTICS_TITLE),
        (f"{STATISTICS}{stats.year}/", f"Năm {stats.year}"),
    )
    return IndicatorView(stats, indicator, chart, parents)


def statistics_view(stats: YearStatistics, years: tuple[int, ...]) -> StatisticsView:
    """Return a year's page: how many full-year reports give each indicator, as a chart."""
    reporting = stats.reporting
    chart = Chart(
        f"{stats.year}-bao-cao",
        f"Số đơn vị báo cáo cả năm {stats.year}, theo chỉ tiêu",
        f"{len(stats.full_year)} đơn vị báo cáo cả năm; "
        + "; ".join(f"{i.label}: {reporting[i.code]}" for i in INDICATORS)
        + ".",
        "đơn vị",
        tuple(Bar(i.label, reporting[i.code]) for i in INDICATORS),
    )
    stem = f"thong-ke-{stats.year}"
    return StatisticsView(stats, INDICATORS, (chart,), f"{stem}.csv", f"{stem}.json", years)


def statistics_index_view(years: tuple[YearStatistics, ...]) -> StatisticsIndexView:
    """Return the index: how many agencies reported each year, and the year's direct sessions."""
    first = INDICATORS_BY_CODE[CHARTED]
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
