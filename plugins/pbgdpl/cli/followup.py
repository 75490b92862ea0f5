"""The follow-up commands of build.py: `audit` and `report`."""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path

from pbgdpl.catalog import Catalog, open_catalog
from pbgdpl.cli.arguments import date_argument, day_or_today
from pbgdpl.followup.audit import Standing, audit_portal
from pbgdpl.followup.audit_formats import audit_json, format_audit_markdown, format_audit_text
from pbgdpl.followup.downloads import json_text
from pbgdpl.followup.register import load_register
from pbgdpl.followup.report import AnnualReport, annual_report, report_csv, report_markdown
from pbgdpl.followup.unit_report import unit_report_html, unit_report_name
from pbgdpl.model.diagnostics import COMMAND, Severity, format_text
from pbgdpl.model.moment import BuildMoment
from pbgdpl.model.terminal import one_line
from pbgdpl.validate import load_checked

AUDIT_FORMATS = {
    "text": format_audit_text,
    "json": lambda audit: json_text(audit_json(audit)).rstrip("\n"),
    "markdown": format_audit_markdown,
}


def _catalog(root: Path, as_of: dt.date) -> Catalog | None:
    """Load the portal and its Git history; say so when some files did not load."""
    portal = load_checked(root)
    if portal.settings is None:
        print(format_text(portal.diagnostics), file=sys.stderr)
        return None
    errors = sum(d.severity is Severity.ERROR for d in portal.diagnostics)
    if errors:
        print(
            f"lưu ý: {errors} lỗi nội dung, các tệp lỗi không được tính; chạy "
            f"'{COMMAND} validate' để xem (content errors: those files are not counted).",
            file=sys.stderr,
        )
    catalog = open_catalog(portal, BuildMoment.end_of(as_of))
    if catalog.history.notice:
        print(f"lưu ý: {one_line(catalog.history.notice)}", file=sys.stderr)
    return catalog


def command_audit(args: argparse.Namespace) -> int:
    """Print the audit; with --fail-on, exit 1 when an agency is at that standing or worse."""
    as_of = day_or_today(args.as_of)
    catalog = _catalog(args.root, as_of)
    if catalog is None:
        return 1
    audit = audit_portal(catalog, load_register(), as_of)
    print(AUDIT_FORMATS[args.format](audit))
    if args.fail_on is None:
        return 0
    failing = audit.failing(Standing(args.fail_on))
    if failing:
        print(
            f'{len(failing)} đơn vị ở mức "{Standing(args.fail_on).label}" hoặc kém hơn: '
            + ", ".join(a.slug for a in failing),
            file=sys.stderr,
        )
    return 1 if failing else 0


def command_report(args: argparse.Namespace) -> int:
    """Write the year's report as Markdown and CSV, or one unit's as HTML, into the folder."""
    as_of = day_or_today(args.as_of)
    catalog = _catalog(args.root, as_of)
    if catalog is None:
        return 1
    report = annual_report(catalog, load_register(), as_of, args.year)
    if args.agency is not None:
        return _write_unit_report(report, args.agency, args.out)
    args.out.mkdir(parents=True, exist_ok=True)
    markdown = args.out / report.markdown_name
    table = args.out / report.csv_name
    markdown.write_text(report_markdown(report), "utf-8")
    table.write_text(report_csv(report), "utf-8", newline="")
    print(markdown)
    print(table)
    return 0


def _write_unit_report(report: AnnualReport, slug: str, out: Path) -> int:
    """Write one unit's printable report; say so in Vietnamese when the unit is unknown."""
    if slug not in {a.slug for a in report.statistics.agencies}:
        print(
            f'Không có đơn vị "{slug}" trong danh mục hay trong agencies/: viết mã đơn vị như '
            "tên thư mục, ví dụ --agency ha-noi (unknown agency).",
            file=sys.stderr,
        )
        return 2
    out.mkdir(parents=True, exist_ok=True)
    document = out / unit_report_name(report, slug)
    document.write_text(unit_report_html(report, slug), "utf-8")
    print(document)
    return 0


def _year(text: str) -> int:
    if not text.isdigit() or not 1990 <= int(text) <= 2100:
        raise argparse.ArgumentTypeError(f"năm không hợp lệ: {text!r}; viết YYYY (invalid year)")
    return int(text)


def add_commands(
    commands: argparse._SubParsersAction[argparse.ArgumentParser],
) -> None:
    """Register `audit` and `report`."""
    audit = commands.add_parser(
        "audit", help="đôn đốc: trang nào chưa xây dựng, thiếu chuyên mục, chậm cập nhật"
    )
    audit.add_argument(
        "--as-of",
        type=date_argument,
        default=None,
        help="ngày đánh giá, YYYY-MM-DD (default: today, Asia/Ho_Chi_Minh)",
    )
    audit.add_argument("--format", choices=sorted(AUDIT_FORMATS), default="text")
    audit.add_argument(
        "--fail-on",
        choices=[s.value for s in Standing if s is not Standing.OK],
        default=None,
        help="trả mã 1 khi có đơn vị ở mức này hoặc kém hơn (missing > incomplete > stale), "
        "dùng trong CI",
    )
    audit.set_defaults(run=command_audit)

    report = commands.add_parser(
        "report", help="báo cáo năm cho hạn 08/12: số liệu, chỉ tiêu còn thiếu, tình trạng trang"
    )
    report.add_argument("--year", type=_year, required=True, help="năm báo cáo, YYYY")
    report.add_argument(
        "--as-of",
        type=date_argument,
        default=None,
        help="ngày tính số liệu, YYYY-MM-DD (default: today, Asia/Ho_Chi_Minh)",
    )
    report.add_argument(
        "--agency",
        metavar="SLUG",
        default=None,
        help="báo cáo của một đơn vị (mã thư mục), dạng văn bản in được (one unit's report)",
    )
    report.add_argument(
        "--out",
        type=Path,
        default=Path("bao-cao"),
        help="thư mục ghi tệp .md và .csv (default: bao-cao/)",
    )
    report.set_defaults(run=command_report)
