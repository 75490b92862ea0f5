"""Open data (documents and items as CSV and JSON, described by a data package), the
sitemap and robots.txt."""

from __future__ import annotations

import csv
import io
import json
import xml.etree.ElementTree as ET
from pathlib import Path

import yaml

from pbgdpl.catalog import Catalog
from pbgdpl.loading.portal import load_portal
from pbgdpl.model.moment import BuildMoment
from pbgdpl.publishing.manifest import published_files
from pbgdpl.publishing.output import CACHE_DIR
from pbgdpl.publishing.sitemap import write_sitemap

from conftest import FIXTURE, write

BASE = "https://pbgdpl.gov.vn/"
SITEMAP_NS = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


def read_csv(path: Path) -> list[dict[str, str]]:
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf"), "Excel needs the UTF-8 BOM to show Vietnamese"
    return list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"), newline="")))


def front_matter(path: Path) -> dict:
    return yaml.safe_load(path.read_text("utf-8").split("---")[1])


def test_every_legal_document_is_in_the_open_data_with_its_facts(built_portal: Path) -> None:
    folder = built_portal / "du-lieu-mo"
    rows = {row["url"]: row for row in read_csv(folder / "van-ban.csv")}
    records = {
        record["url"]: record for record in json.loads((folder / "van-ban.json").read_text("utf-8"))
    }
    assert rows.keys() == records.keys()
    sources = sorted(FIXTURE.glob("agencies/*/van-ban-moi/*.md"))
    assert sources
    for source in sources:
        agency, url = source.parts[-3], BASE + "/".join((*source.parts[-3:-1], source.stem, ""))
        if not (built_portal / agency / "van-ban-moi" / source.stem / "index.html").is_file():
            continue  # not published as of the build's date
        facts = front_matter(source)
        row, record = rows[url], records[url]
        assert row["so_ky_hieu"] == record["so_ky_hieu"] == facts["so_ky_hieu"]
        assert row["ngay_hieu_luc"] == record["ngay_hieu_luc"] == str(facts["ngay_hieu_luc"])
        fields = facts["linh_vuc"] if isinstance(facts["linh_vuc"], list) else [facts["linh_vuc"]]
        assert record["linh_vuc"] == fields
        assert row["linh_vuc"] == ";".join(fields)
        assert row["don_vi"] == agency


def test_the_data_package_describes_every_column_of_every_file(built_portal: Path) -> None:
    folder = built_portal / "du-lieu-mo"
    package = json.loads((folder / "datapackage.json").read_text("utf-8"))
    assert package["as_of"] == "2026-11-23"
    assert {r["path"] for r in package["resources"]} == {
        "van-ban.csv",
        "van-ban.json",
        "bai-viet.csv",
        "bai-viet.json",
    }
    for resource in package["resources"]:
        fields = resource["schema"]["fields"]
        names = [f["name"] for f in fields]
        assert all(
            f["title"] and f["type"] in {"string", "date", "integer", "list"} for f in fields
        )
        if resource["format"] == "csv":
            header = next(
                csv.reader(io.StringIO((folder / resource["path"]).read_text("utf-8-sig")))
            )
            assert header == names
        else:
            for record in json.loads((folder / resource["path"]).read_text("utf-8")):
                assert list(record) == names


def test_every_item_of_the_open_data_has_a_page(built_portal: Path) -> None:
    rows = read_csv(built_portal / "du-lieu-mo" / "bai-viet.csv")
    assert len(rows) >= 40
    assert len({row["chuyen_muc"] for row in rows}) >= 8
    for row in rows:
        assert (built_portal / row["url"].removeprefix(BASE) / "index.html").is_file()
        assert row["date"][:4].isdigit() and row["ten_chuyen_muc"] and row["title"]


def test_sitemap_lists_every_page_once_with_absolute_addresses(built_portal: Path) -> None:
    tree = ET.parse(built_portal / "sitemap.xml").getroot()
    assert tree.tag == f"{SITEMAP_NS}urlset"
    urls = [u.findtext(f"{SITEMAP_NS}loc") for u in tree]
    pages = sorted(
        p.relative_to(built_portal).as_posix().removesuffix("index.html")
        for p in built_portal.rglob("index.html")
        # The build's cache (never published) keeps the search index's documents.
        if p.relative_to(built_portal).parts[0] != CACHE_DIR
    )
    assert len(set(urls)) == len(urls)
    assert sorted(urls) == [BASE + page for page in pages]
    dated = {u.findtext(f"{SITEMAP_NS}loc"): u.findtext(f"{SITEMAP_NS}lastmod") for u in tree}
    source = sorted(FIXTURE.glob("agencies/ha-noi/hoi-dap/*.md"))[0]
    item = f"{BASE}ha-noi/hoi-dap/{source.stem}/"
    assert dated[item] == str(front_matter(source)["date"])
    assert dated[BASE] is None  # a listing changes with every item: no lastmod


def test_a_large_sitemap_is_split_under_an_index(tmp_path: Path, sample_portal: Path) -> None:
    out = tmp_path / "site"
    for n in range(25):
        write(out / f"trang-{n:02}" / "index.html", "<p>trang</p>")
    catalog = Catalog.from_portal(load_portal(sample_portal), BuildMoment.now())
    written = write_sitemap(catalog, [], out, published_files(out), limit=10)
    assert [p.name for p in written] == ["sitemap.xml", *(f"sitemap-{n}.xml" for n in (1, 2, 3))]
    index = ET.parse(out / "sitemap.xml").getroot()
    assert index.tag == f"{SITEMAP_NS}sitemapindex"
    assert [s.findtext(f"{SITEMAP_NS}loc") for s in index] == [
        f"{BASE}sitemap-{n}.xml" for n in (1, 2, 3)
    ]
    # Fewer pages later: the parts no longer needed are removed.
    write_sitemap(catalog, [], out, published_files(out), limit=100)
    assert sorted(p.name for p in out.glob("sitemap*.xml")) == ["sitemap.xml"]


def test_robots_txt_points_at_the_sitemap(built_portal: Path) -> None:
    robots = (built_portal / "robots.txt").read_text("utf-8")
    assert "User-agent: *" in robots
    assert f"Sitemap: {BASE}sitemap.xml" in robots
