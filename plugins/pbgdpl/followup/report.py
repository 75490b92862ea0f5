"""The annual report for the 8 December deadline (letter 2500/BTP-PBGDPL, item 7).

Per agency: what it reported for the year, which indicators are missing, and the audit
standing of its site; as Markdown for people and CSV for spreadsheets.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from pbgdpl.catalog import Catalog
from pbgdpl.followup.audit import AgencyAudit, Audit, Standing, audit_portal
from pbgdpl.followup.audit_formats import summary
from pbgdpl.followup.downloads import csv_text
from pbgdpl.followup.register import Register
from pbgdpl.followup.statistics import AgencyYear, YearStatistics, year_statistics
from pbgdpl.model.formatting import vi_number
from pbgdpl.model.indicators import INDICATORS, INDICATORS_BY_CODE

DEADLINE_DAY = (12, 8)  # month, day: "trước ngày 08/12 hàng năm"


@dataclass(frozen=True)
class AnnualReport:
    """The year's statistics next to the audit, both on the same as-of date."""

    year: int
    statistics: YearStatistics
    audit: Audit

    @property
    def deadline(self) -> dt.date:
        """Return the day the report is due at the Ministry of Justice."""
        return dt.date(self.year, *DEADLINE_DAY)

    def standing_of(self, slug: str) -> AgencyAudit:
        """Return the audit of one agency."""
        return next(a for a in self.audit.agencies if a.slug == slug)

    @property
    def markdown_name(self) -> str:
        """Return the Markdown file's name."""
        return f"bao-cao-pbgdpl-{self.year}.md"

    @property
    def csv_name(self) -> str:
        """Return the CSV file's name."""
        return f"bao-cao-pbgdpl-{self.year}.csv"


def annual_report(catalog: Catalog, register: Register, as_of: dt.date, year: int) -> AnnualReport:
    """Return the report of `year` on the date `as_of`."""
    statistics = year_statistics(catalog, register, as_of, year)
    return AnnualReport(year, statistics, audit_portal(catalog, register, as_of))


def _cell(text: str) -> str:
    # Names and periods come from editors' files: a "|" or a line break would split the table.
    return " ".join(text.replace("|", "\\|").split())


def _reported(row: AgencyYear) -> str:
    if row.report is None:
        return "Chưa báo cáo"
    return f"{_cell(row.report.data['period'])}, ngày {row.report.date:%d/%m/%Y}"


def _missing(row: AgencyYear) -> str:
    if row.report is None:
        return "Tất cả"
    return "; ".join(INDICATORS_BY_CODE[code].label for code in row.missing) or "—"


def report_markdown(report: AnnualReport) -> str:
    """Return the report as Markdown, in Vietnamese."""
    stats, audit = report.statistics, report.audit
    reported = len(stats.reported)
    late = ", đã quá hạn" if audit.as_of > report.deadline else ""
    lines = [
        f"# Báo cáo kết quả phổ biến, giáo dục pháp luật năm {report.year}",
        "",
        f"Tổng hợp từ Cổng PBGDPL để báo cáo Bộ Tư pháp trước ngày "
        f"{report.deadline:%d/%m/%Y} (Công văn số 2500/BTP-PBGDPL){late}. "
        f"Dữ liệu tính đến ngày {audit.as_of:%d/%m/%Y}.",
        "",
        "## Tóm tắt",
        "",
        f"- Số liệu năm {report.year}: {reported}/{stats.in_register} đơn vị trong danh mục đã "
        f"báo cáo, {stats.in_register - sum(r.in_register for r in stats.reported)} đơn vị "
        "chưa báo cáo.",
        f"- Trang thông tin điện tử PBGDPL: {summary(audit)}",
        "",
        f"## Tổng cộng các chỉ tiêu năm {report.year} (các báo cáo cả năm)",
        "",
        "| Chỉ tiêu | Đơn vị tính | Tổng cộng | Số đơn vị báo cáo |",
        "|---|---|---:|---:|",
    ]
    lines += [
        f"| {i.label} | {i.unit} | {vi_number(stats.totals[i.code])} | {stats.reporting[i.code]} |"
        for i in INDICATORS
    ]
    if stats.part_year:
        lines += [
            "",
            "Không cộng vào tổng số liệu chưa đủ năm của: "
            + ", ".join(f"{_cell(a.name)} ({_cell(a.report_period)})" for a in stats.part_year)
            + ".",
        ]
    lines += [
        "",
        "## Từng đơn vị",
        "",
        "| Đơn vị | Tình trạng trang | Báo cáo số liệu | Chỉ tiêu chưa báo cáo |",
        "|---|---|---|---|",
    ]
    for row in stats.agencies:
        name = _cell(row.name) + ("" if row.in_register else " (ngoài danh mục)")
        standing = report.standing_of(row.slug).standing.label
        lines.append(f"| {name} | {standing} | {_reported(row)} | {_missing(row)} |")
    follow_up = [a for a in audit.agencies if a.standing is not Standing.OK and a.built]
    if follow_up:
        lines += ["", "## Trang thành phần cần đôn đốc", ""]
        for agency in follow_up:
            lines.append(f"- **{_cell(agency.name)}** ({agency.standing.label}):")
            lines += [f"  - {_cell(problem)}" for problem in agency.problems]
    return "\n".join(lines) + "\n"


CSV_FIXED = (
    "nam",
    "ma_don_vi",
    "ten_don_vi",
    "loai",
    "trong_danh_muc",
    "tinh_trang",
    "ten_tinh_trang",
    "da_bao_cao",
    "ky_bao_cao",
    "ngay_bao_cao",
    "chi_tieu_chua_bao_cao",
)


def report_csv(report: AnnualReport) -> str:
    """Return the report as CSV: one row per agency, its standing and each indicator."""
    rows = []
    for row in report.statistics.agencies:
        standing = report.standing_of(row.slug).standing
        figures = row.figures
        rows.append(
            (
                report.year,
                row.slug,
                row.name,
                row.kind,
                "có" if row.in_register else "không",
                standing.value,
                standing.label,
                "có" if row.report else "không",
                row.report.data["period"] if row.report else None,
                row.report.date.isoformat() if row.report else None,
                ";".join(row.missing),
                *(figures.get(i.code) for i in INDICATORS),
            )
        )
    return csv_text((*CSV_FIXED, *(i.code for i in INDICATORS)), rows)
