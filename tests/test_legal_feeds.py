"""Follow a law without an account: feeds per document, field of law and issuer, on a mirror."""

from __future__ import annotations

import datetime as dt
import json
import urllib.request
from pathlib import Path

import feedparser
import pytest
from legal_portal import BEFORE_REPEAL, OWNER, REPEALED, build_either_side, write_legal_portal

from conftest import serve
from htmlcheck import links_of

DOCUMENT = f"{OWNER}/van-ban-moi/nghi-dinh-100-2019-nd-cp/"
FIELD = "van-ban-moi/linh-vuc/giao-thong-van-tai/"
ISSUER = "van-ban-moi/co-quan/chinh-phu/"
REPEAL = "Nghị định 100/2019/NĐ-CP: Hết hiệu lực toàn bộ, bị bãi bỏ bởi Nghị định 20/2025/NĐ-CP"
MIRROR = "/guong/pbgdpl/"


@pytest.fixture(scope="module")
def builds(tmp_path_factory: pytest.TempPathFactory) -> dict[dt.date, Path]:
    """The portal built the day before the repeal takes effect and the day after."""
    return build_either_side(write_legal_portal(tmp_path_factory.mktemp("feeds") / "portal"))


def fetch(url: str) -> bytes:
    with urllib.request.urlopen(url) as response:
        body: bytes = response.read()
        return body


def test_a_document_feed_announces_the_repeal_only_after_it(
    builds: dict[dt.date, Path],
) -> None:
    titles = {
        day: [e.title for e in feedparser.parse((out / DOCUMENT / "feed.xml").read_bytes()).entries]
        for day, out in builds.items()
    }
    assert REPEAL not in titles[BEFORE_REPEAL]
    assert REPEAL in titles[REPEALED]
    for day in builds:
        assert "Câu hỏi mới: Uống bia rồi lái xe bị phạt bao nhiêu?" in titles[day]
        assert "Bài giới thiệu mới: Giới thiệu Nghị định xử phạt giao thông đường bộ" in titles[day]
    # A field of law's and an issuer's feeds join those of their documents.
    for folder in (FIELD, ISSUER):
        joined = feedparser.parse((builds[REPEALED] / folder / "feed.xml").read_bytes())
        assert REPEAL in [e.title for e in joined.entries]


def test_feeds_work_on_a_mirror_under_a_base_path(builds: dict[dt.date, Path]) -> None:
    with serve(builds[REPEALED], MIRROR) as root:
        assert root.endswith(MIRROR)
        for folder in (DOCUMENT, FIELD, ISSUER):
            url = root + folder + "feed.xml"
            headers = {"content-location": url, "content-type": "application/atom+xml"}
            parsed = feedparser.parse(fetch(url), response_headers=headers)
            assert not parsed.bozo, parsed.get("bozo_exception")
            assert parsed.version == "atom10" and parsed.feed.title
            assert parsed.feed.link == root + folder
            assert parsed.entries
            dates = [e.updated_parsed for e in parsed.entries]
            assert dates == sorted(dates, reverse=True)
            for entry in parsed.entries:
                assert entry.id.startswith("https://thu.example.gov.vn/"), entry.id
                assert entry.link.startswith(root), entry.link
                assert b"<h1>" in fetch(entry.link), entry.link


def test_json_feeds_follow_json_feed_1_1_and_match_the_atom_feeds(
    builds: dict[dt.date, Path],
) -> None:
    # feedparser 6.0 reads no JSON Feed: check the specification's rules for version 1.1.
    out = builds[REPEALED]
    for folder in (DOCUMENT, FIELD, ISSUER):
        feed = json.loads((out / folder / "feed.json").read_text("utf-8"))
        assert feed["version"] == "https://jsonfeed.org/version/1.1"
        assert isinstance(feed["title"], str) and feed["title"]
        assert feed["feed_url"] == f"https://thu.example.gov.vn/{folder}feed.json"
        assert isinstance(feed["items"], list) and feed["items"]
        ids = [item["id"] for item in feed["items"]]
        assert len(ids) == len(set(ids)), "ids are unique within a feed"
        atom = feedparser.parse((out / folder / "feed.xml").read_bytes())
        assert ids == [e.id for e in atom.entries]
        for item in feed["items"]:
            assert isinstance(item["id"], str)
            assert item.get("content_text") or item.get("content_html")
            dt.datetime.fromisoformat(item["date_published"])
            page = (out / folder / item["url"] / "index.html").resolve()
            assert page.is_file(), item["url"]


def test_pages_link_their_feeds_relatively(builds: dict[dt.date, Path]) -> None:
    out = builds[REPEALED]
    for folder in (DOCUMENT, FIELD, ISSUER):
        links = links_of(out / folder / "index.html")
        feeds = [link for link in links if link.endswith(("feed.xml", "feed.json"))]
        own = [
            link
            for link in feeds
            if (out / folder / link).resolve().parent == (out / folder).resolve()
        ]
        # Announced in the head and offered in the page, Atom and JSON Feed each.
        assert len(own) == 4, (folder, feeds)
        assert not any(link.startswith(("/", "http")) for link in own)
