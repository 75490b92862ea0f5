"""National statistics: each agency's yearly report (section `so-lieu`), summed per year."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Any

from pbgdpl.catalog import Catalog
from pbgdpl.followup.downloads import csv_text
from pbgdpl.followup.register import Register
from pbgdpl.model.agency import KIND_LABELS
from pbgdpl.model.fields import Figure, fold
from pbgdpl.model.indicators import INDICATORS
from pbgdpl.model.items import Item

STATISTICS_SECTION = "so-lieu"


@dataclass(frozen=True)
class AgencyYear:
    """One agency's figures for one year: the report that counts, or None if it has none."""

    slug: str
    name: str
    kind: str
    in_register: bool
    report: Item | None = None

    @property
    def kind_label(self) -> str:
        """Return the Vietnamese name of the agency's kind."""
        return KIND_LABELS[self.kind]

    @property
    def figures(self) -> dict[str, int]:
        """Return the reported value of each indicator, by code."""
        found: tuple[Figure, ...] = self.report.data["figures"] if self.report else ()
        return {figure.code: int(figure.value) for figure in found}

    @property
    def report_period(self) -> str:
        """Return the period the report covers, as its editor wrote it, or "" without one."""
        return str(self.report.data["period"]) if self.report else ""

    @property
    def full_year(self) -> bool:
        """Tell whether the report covers the whole year (not six months, nine or a quarter)."""
        return self.report is not None and covers_full_year(self.report_period)

    @property
    def missing(self) -> tuple[str, ...]:
        """Return the codes of the indicators the agency did not report."""
        figures = self.figures
        return tuple(i.code for i in INDICATORS if i.code not in figures)


@dataclass(frozen=True)
class YearStatistics:
    """Every agency's figures for one year and their national totals."""

    year: int
    as_of: dt.date
    agencies: tuple[AgencyYear, ...]

    @property
    def reported(self) -> tuple[AgencyYear, ...]:
        """Return the agencies that reported figures for the year."""
        return tuple(a for a in self.agencies if a.report is not None)

    @property
    def full_year(self) -> tuple[AgencyYear, ...]:
        """Return the agencies whose report covers the whole year: the ones the totals add."""
        return tuple(a for a in self.reported if a.full_year)

    @property
    def part_year(self) -> tuple[AgencyYear, ...]:
        """Return the agencies that reported only part of the year (six months …)."""
        return tuple(a for a in self.reported if not a.full_year)

    @property
    def totals(self) -> dict[str, int]:
        """Return the total of each indicator over the full-year reports that give it.

        A six-month figure is never added to full-year ones: "Tổng cộng năm" would mix
        periods and mean nothing.
        """
        return {i.code: sum(a.figures.get(i.code, 0) for a in self.full_year) for i in INDICATORS}

    @property
    def reporting(self) -> dict[str, int]:
        """Return how many full-year reports give each indicator."""
        return {i.code: sum(i.code in a.figures for a in self.full_year) for i in INDICATORS}

    @property
    def in_register(self) -> int:
        """Count the agencies of the register."""
        return sum(a.in_register for a in self.agencies)


PART_OF_YEAR = re.compile(r"\b(thang|quy)\b")
"""Words of a reporting period shorter than a year: "6 tháng đầu năm", "quý III"."""


def covers_full_year(period: str) -> bool:
    """Tell whether a report's period (`ky_bao_cao`, free text) is the whole year."""
    return PART_OF_YEAR.search(fold(period)) is None


def year_reports(catalog: Catalog, as_of: dt.date) -> dict[tuple[str, int], Item]:
    """Return the report that counts for each (agency, year).

    An agency may report a year more than once (six months, then the whole year): the
    newest report published by `as_of` replaces the earlier ones.
    """
    found: dict[tuple[str, int], Item] = {}
    for slug in catalog.agencies:
        # Newest first: the first report seen for a year is the one that counts.
        for item in catalog.items(slug, STATISTICS_SECTION):
            if item.date <= as_of:
                found.setdefault((slug, item.data["year"]), item)
    return found


def year_statistics(
    catalog: Catalog, register: Register, as_of: dt.date, year: int
) -> YearStatistics:
    """Return the figures of every agency in the register, and of any other that reported."""
    reports = year_reports(catalog, as_of)
    rows = []
    for unit in register.agencies:
        agency = catalog.agencies.get(unit.slug)
        name = agency.name if agency else unit.name
        rows.append(AgencyYear(unit.slug, name, unit.kind, True, reports.get((unit.slug, year))))
    for (slug, reported_year), item in sorted(reports.items()):
        if reported_year == year and slug not in register.slugs:
            agency = catalog.agencies[slug]
            rows.append(AgencyYear(slug, agency.name, agency.kind, False, item))
    kinds = list(KIND_LABELS)
    rows.sort(key=lambda a: kinds.index(a.kind))
    return YearStatistics(year, as_of, tuple(rows))


def reported_years(catalog: Catalog, as_of: dt.date) -> tuple[int, ...]:
    """Return the years some agency reported figures for, newest first."""
    return tuple(sorted({year for _, year in year_reports(catalog, as_of)}, reverse=True))


CSV_FIXED = (
    "nam",
    "ma_don_vi",
    "ten_don_vi",
    "loai",
    "ky_bao_cao",
    "ngay_bao_cao",
    "duong_dan_bao_cao",
)


def statistics_csv(stats: YearStatistics) -> str:
    """Return one CSV row per agency that reported; an indicator it did not report is empty.

    `duong_dan_bao_cao` is the report's address relative to the portal's root.
    """
    return csv_text(
        (*CSV_FIXED, *(i.code for i in INDICATORS)),
        (
            (
                stats.year,
                a.slug,
                a.name,
                a.kind,
                a.report.data["period"],
                a.report.date.isoformat(),
                a.report.url,
                *(a.figures.get(i.code) for i in INDICATORS),
            )
            for a in stats.reported
            if a.report is not None
        ),
    )


def statistics_json(stats: YearStatistics) -> dict[str, Any]:
    """Return the year's figures as a JSON-ready mapping: indicators, totals, each report."""
    return {
        "year": stats.year,
        "as_of": stats.as_of.isoformat(),
        "indicators": [{"code": i.code, "label": i.label, "unit": i.unit} for i in INDICATORS],
        "agencies_in_register": stats.in_register,
        "agencies_reported": len(stats.reported),
        "totals": stats.totals,
        "reports": [
            {
                "slug": a.slug,
                "name": a.name,
                "kind": a.kind,
                "in_register": a.in_register,
                "period": a.report.data["period"],
                "reported_on": a.report.date.isoformat(),
                "url": a.report.url,
                "figures": a.figures,
            }
            for a in stats.reported
            if a.report is not None
        ],
    }
