"""A real build of the sample portal, checked page by page."""

from __future__ import annotations

import os
import unicodedata
from collections.abc import Callable
from pathlib import Path

import pytest
import yaml

from pbgdpl.catalog import Catalog
from pbgdpl.loading.portal import load_portal
from pbgdpl.model.moment import BuildMoment
from pbgdpl.model.sections import SECTIONS_BY_SLUG
from pbgdpl.model.sites import NATIONAL
from pbgdpl.pipeline.build import largest_first

from conftest import AS_OF, FIXTURE, write
from htmlcheck import broken_links, links_of

AGENCIES = sorted(p.name for p in (FIXTURE / "agencies").iterdir() if (p / "agency.yml").is_file())


def agency_config(slug: str) -> dict:
    return yaml.safe_load((FIXTURE / "agencies" / slug / "agency.yml").read_text("utf-8"))


def test_sample_has_the_agencies_the_portal_needs() -> None:
    kinds = [agency_config(slug)["kind"] for slug in AGENCIES]
    assert len(AGENCIES) >= 8
    assert kinds.count("ministry") >= 3
    assert kinds.count("province") >= 4
    assert "organisation" in kinds


def test_every_site_has_a_home_page(built_portal: Path) -> None:
    assert (built_portal / "index.html").is_file()
    for slug in AGENCIES:
        assert (built_portal / slug / "index.html").is_file(), slug


def test_national_home_links_every_agency(built_portal: Path) -> None:
    links = links_of(built_portal / "index.html")
    for slug in AGENCIES:
        assert f"./{slug}/" in links, slug
    directory = (built_portal / "don-vi/index.html").read_text("utf-8")
    for slug in AGENCIES:
        assert agency_config(slug)["name"] in directory


def test_every_section_and_item_of_every_agency_renders(built_portal: Path) -> None:
    for slug in AGENCIES:
        for section in agency_config(slug)["sections"]:
            listing = (built_portal / slug / section / "index.html").read_text("utf-8")
            assert f"<h1>{SECTIONS_BY_SLUG[section].title}</h1>" in listing
            for item in (FIXTURE / "agencies" / slug / section).glob("*.md"):
                page = built_portal / slug / section / item.stem / "index.html"
                assert page.is_file(), page
                assert f'href="../../{slug}/{section}/{item.stem}/"' in listing


def test_agency_pages_say_which_agency_and_link_home(built_portal: Path) -> None:
    for slug in AGENCIES:
        name = agency_config(slug)["name"]
        for page in (built_portal / slug).rglob("index.html"):
            html = page.read_text("utf-8")
            assert f"Trang thành phần: <strong>{name}</strong>" in html, page
            depth = len(page.relative_to(built_portal).parts) - 1
            assert f'href="{"/".join([".."] * depth)}/"' in html, page
            assert f'href="{"/".join([".."] * depth)}/don-vi/"' in html, page


def test_no_internal_link_is_broken(built_portal: Path) -> None:
    assert broken_links(built_portal) == []


def test_pages_stay_small(built_portal: Path) -> None:
    sizes = {p: p.stat().st_size for p in built_portal.rglob("*.html")}
    assert len(sizes) > 80
    heavy = {str(p): s for p, s in sizes.items() if s >= 100_000}
    assert heavy == {}


def test_legal_document_shows_its_facts_with_vietnamese_dates(built_portal: Path) -> None:
    page = built_portal / "bo-tu-phap/van-ban-moi"
    html = "\n".join(p.read_text("utf-8") for p in page.glob("*/index.html"))
    assert (
        '<th scope="row">Số ký hiệu</th><td><span class="pb-doc-number">471/QĐ-TTg</span></td>'
        in html
    )
    assert '<th scope="row">Ngày ban hành</th><td>26/04/2019</td>' in html


def test_pages_show_the_as_of_date(built_portal: Path) -> None:
    assert f"Dữ liệu tính đến ngày {AS_OF:%d/%m/%Y}" in (built_portal / "index.html").read_text(
        "utf-8"
    )


def test_one_broken_file_does_not_take_down_other_agencies(portal_copy: Path, run_cli) -> None:
    write(portal_copy / "agencies/ha-noi/tin-tuc/loi.md", "---\ntitle: [\n---\n")
    out = portal_copy / "site"
    status, _, err = run_cli(
        portal_copy, "build", "--keep-going", "--out", str(out), "--as-of", "2026-11-23"
    )
    assert status == 0
    assert "agencies/ha-noi/tin-tuc/loi.md:2: lỗi [invalid-yaml]" in err
    assert "Bỏ qua trang thành phần ha-noi (1 lỗi" in err
    for slug in AGENCIES:
        assert (out / slug / "index.html").is_file() == (slug != "ha-noi")


def test_unchanged_sites_are_not_rebuilt(portal_copy: Path, run_cli) -> None:
    out = portal_copy / "site"
    args = ("build", "--out", str(out), "--as-of", "2026-11-23")
    assert run_cli(portal_copy, *args)[0] == 0
    _, stdout, _ = run_cli(portal_copy, *args)
    assert f"Đã dựng 0 trang (0 trang con), giữ nguyên {len(AGENCIES) + 1} trang" in stdout
    news = sorted((portal_copy / "agencies/ha-noi/tin-tuc").glob("*.md"))[0]
    news.write_text(news.read_text("utf-8") + "\nĐoạn bổ sung sau khi đăng.\n", "utf-8")
    _, stdout, _ = run_cli(portal_copy, *args)
    # Only the agency's text changed: the national listings (titles, dates) stay as they were.
    assert "Đã dựng 1 trang" in stdout and f"giữ nguyên {len(AGENCIES)} trang" in stdout
    page = out / "ha-noi/tin-tuc" / news.stem / "index.html"
    assert "Đoạn bổ sung sau khi đăng." in page.read_text("utf-8")


def test_sample_sources_are_stored_in_nfc() -> None:
    sources = [
        *FIXTURE.glob("agencies/**/*.md"),
        *FIXTURE.glob("agencies/*/agency.yml"),
        *FIXTURE.glob("content/**/*.md"),
        FIXTURE / "content/portal.yml",
    ]
    assert len(sources) > 90
    assert [p for p in sources if not unicodedata.is_normalized("NFC", p.read_text("utf-8"))] == []


def test_the_national_index_is_built_by_a_process_that_never_held_the_portal(
    portal_copy: Path, run_cli, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    # Pagefind over every page is the build's largest run: at 10,000 items it shared the
    # machine with the 600 MB of the process that had loaded and rendered the portal.
    from pbgdpl.pipeline import build

    seen = tmp_path / "processes"

    def noting(step: str, original: Callable[..., object]) -> Callable[..., object]:
        def run(*args: object, **kwargs: object) -> object:
            with seen.open("a", encoding="utf-8") as notes:
                notes.write(f"{step} {os.getpid()}\n")
            return original(*args, **kwargs)

        return run

    monkeypatch.setattr(build, "load_with_history", noting("load", build.load_with_history))
    monkeypatch.setattr(build, "index_portal", noting("index", build.index_portal))
    out = str(portal_copy / "site")
    status, _, err = run_cli(portal_copy, "build", "--out", out, "--as-of", AS_OF.isoformat())
    assert status == 0, err
    steps = dict(line.split() for line in seen.read_text("utf-8").splitlines())
    assert steps["index"] == str(os.getpid()) != steps["load"]
    assert (portal_copy / "site" / "pagefind" / "pagefind-entry.json").is_file()


def test_the_national_site_is_rendered_first_then_the_largest_agencies(
    sample_portal: Path,
) -> None:
    # The national site is the largest render: started last, it ran alone at the end while
    # the other processes had nothing left to do.
    catalog = Catalog.from_portal(load_portal(sample_portal), BuildMoment.end_of(AS_OF))
    agencies = sorted(catalog.agencies)
    order = largest_first([*agencies, NATIONAL], catalog)
    assert order[0] == NATIONAL
    sizes = [len(catalog.items(site)) for site in order[1:]]
    assert sizes == sorted(sizes, reverse=True) and sizes[0] > sizes[-1]
