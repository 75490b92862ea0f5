"""One unit's annual report (`report --year Y --agency SLUG`), laid out as an official report.

A ministry or a province reports to the Ministry of Justice before 8 December. The
document follows the layout of an administrative report (Decree 30/2020/NĐ-CP): the
heading block (the unit on the left, the national motto on the right, place and date),
the title, numbered parts, the recipients and the signature block. It is one HTML file
with an A4 print stylesheet, so the unit prints it or saves it as PDF from a browser.
Everything the editors wrote is escaped by Jinja's autoescape.
"""

from __future__ import annotations

from importlib import resources

import jinja2

from pbgdpl.followup.report import AnnualReport
from pbgdpl.model.formatting import vi_date, vi_number
from pbgdpl.model.indicators import INDICATORS


def unit_report_name(report: AnnualReport, slug: str) -> str:
    """Return the file name of one unit's report."""
    return f"bao-cao-pbgdpl-{report.year}-{slug}.html"


def unit_report_html(report: AnnualReport, slug: str) -> str:
    """Return the report of the unit `slug` for the year, as a printable HTML document."""
    row = next(a for a in report.statistics.agencies if a.slug == slug)
    environment = jinja2.Environment(autoescape=True, undefined=jinja2.StrictUndefined)
    environment.filters["vi_number"] = vi_number
    environment.filters["vi_date"] = vi_date
    template = environment.from_string(
        resources.files("pbgdpl.followup").joinpath("unit-report.html").read_text("utf-8")
    )
    return template.render(
        report=report,
        unit=row,
        standing=report.standing_of(slug),
        indicators=INDICATORS,
        as_of=report.audit.as_of,
    )
