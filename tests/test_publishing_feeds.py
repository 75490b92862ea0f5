"""Atom and JSON feeds: the portal, each agency and each section; entries lead to real pages."""

from __future__ import annotations

import json
from pathlib import Path

import feedparser
from sections.samples import AGENCY, write_sample_portal

from pbgdpl.cli import main
from pbgdpl.model.sections import SECTIONS

from conftest import FIXTURE, write
from htmlcheck import links_of

BASE = "https://pbgdpl.gov.vn/"
AGENCIES = sorted(p.name for p in (FIXTURE / "agencies").iterdir() if (p / "agency.yml").is_file())


def page_of(built: Path, url: str) -> Path:
    """Return the file an absolute portal address is served from."""
    assert url.startswith(BASE), url
    path = url.removeprefix(BASE)
    return built / path / "index.html" if path.endswith("/") or not path else built / path


def follows_a_law(built: Path, feed: Path) -> bool:
    """Tell a feed of a document, field of law or issuer (tests/test_legal_feeds.py) apart."""
    parts = feed.parent.relative_to(built).parts
    document_page = len(parts) == 3 and parts[1] == "van-ban-moi"
    return document_page or parts[:2] in (("van-ban-moi", "linh-vuc"), ("van-ban-moi", "co-quan"))


def site_feeds(built: Path, name: str) -> list[Path]:
    """Return the feeds of the portal, its sections and its agencies' sites."""
    return sorted(p for p in built.rglob(name) if not follows_a_law(built, p))


def test_every_scope_has_both_feeds(built_portal: Path) -> None:
    folders = ["", *(f"{s.slug}/" for s in SECTIONS), *(f"{a}/" for a in AGENCIES)]
    for slug in AGENCIES:
        folders += [
            f"{slug}/{d.name}/"
            for d in (built_portal / slug).iterdir()
            if d.name in {s.slug for s in SECTIONS}
        ]
    for folder in folders:
        assert (built_portal / folder / "feed.xml").is_file(), folder
        assert (built_portal / folder / "feed.json").is_file(), folder


def test_every_atom_feed_parses_cleanly_and_its_entries_open_real_pages(
    built_portal: Path,
) -> None:
    feeds = site_feeds(built_portal, "feed.xml")
    assert len(feeds) > 1 + len(SECTIONS) + len(AGENCIES)
    entries = 0
    for path in feeds:
        parsed = feedparser.parse(path.read_bytes())
        assert not parsed.bozo, f"{path}: {parsed.get('bozo_exception')}"
        assert parsed.version == "atom10" and parsed.feed.title, path
        assert page_of(built_portal, parsed.feed.link).is_file(), path
        dates = [entry.published_parsed for entry in parsed.entries]
        assert dates == sorted(dates, reverse=True), f"{path}: not newest first"
        for entry in parsed.entries:
            assert entry.title and entry.id == entry.link and entry.author
            assert page_of(built_portal, entry.link).is_file(), f"{path}: {entry.link}"
        entries += len(parsed.entries)
    assert entries > 0


def test_every_json_feed_follows_json_feed_1_1(built_portal: Path) -> None:
    # feedparser 6.0 reads no JSON Feed: check the specification's required members.
    for path in site_feeds(built_portal, "feed.json"):
        feed = json.loads(path.read_text("utf-8"))
        assert feed["version"] == "https://jsonfeed.org/version/1.1", path
        assert feed["title"] and feed["feed_url"] == feed["home_page_url"] + "feed.json"
        assert page_of(built_portal, feed["home_page_url"]).is_file(), path
        atom = feedparser.parse((path.parent / "feed.xml").read_bytes())
        assert [item["url"] for item in feed["items"]] == [e.link for e in atom.entries]
        for item in feed["items"]:
            assert item["id"] and item["content_text"] and item["date_published"]
            assert page_of(built_portal, item["url"]).is_file(), f"{path}: {item['url']}"


def test_the_national_feed_holds_every_agency_and_a_section_feed_only_its_section(
    built_portal: Path,
) -> None:
    national = feedparser.parse((built_portal / "feed.xml").read_bytes())
    authors = {entry.author for entry in national.entries}
    assert len(authors) >= 5
    questions = feedparser.parse((built_portal / "hoi-dap" / "feed.xml").read_bytes())
    assert questions.entries
    assert all("/hoi-dap/" in entry.link for entry in questions.entries)
    agency = feedparser.parse((built_portal / "ha-noi" / "feed.xml").read_bytes())
    assert agency.entries
    assert all(entry.link.startswith(BASE + "ha-noi/") for entry in agency.entries)
    assert agency.feed.title == "Thành phố Hà Nội"


def test_pages_announce_their_feeds(built_portal: Path) -> None:
    listing = built_portal / "bo-tu-phap" / "hoi-dap" / "index.html"
    links = links_of(listing)
    assert "../../bo-tu-phap/feed.xml" in links
    assert "../../bo-tu-phap/feed.json" in links
    assert "../../bo-tu-phap/hoi-dap/feed.xml" in links
    assert "./feed.xml" in links_of(built_portal / "index.html")


def test_a_tag_written_in_two_cases_is_announced_once(tmp_path: Path) -> None:
    root = write_sample_portal(tmp_path / "portal", ["tin-tuc"])
    write(
        root / "agencies" / AGENCY / "tin-tuc" / "tro-giup-phap-ly.md",
        "---\ntitle: Trợ giúp pháp lý miễn phí tại xã\ndate: 2025-05-02\n"
        "tags: [Trợ giúp pháp lý, trợ giúp pháp lý, Người có công]\n---\nNội dung.\n",
    )
    out = root / "site"
    assert main(["--root", str(root), "build", "--out", str(out), "--as-of", "2025-06-01"]) == 0
    items = json.loads((out / AGENCY / "feed.json").read_text("utf-8"))["items"]
    tags = next(i["tags"] for i in items if i["title"] == "Trợ giúp pháp lý miễn phí tại xã")
    assert tags == ["Tin tức, hoạt động", "Trợ giúp pháp lý", "Người có công"]
