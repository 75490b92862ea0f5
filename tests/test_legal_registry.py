"""The registry: status on boundary dates, relations both ways, lookups, history, listings."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest

from pbgdpl.catalog import Catalog
from pbgdpl.catalog.reads import Reads
from pbgdpl.catalog.registry import Registry
from pbgdpl.catalog.status import Status, status_on, status_phrase
from pbgdpl.legal.listings import plan_document_listings
from pbgdpl.loading.portal import load_portal
from pbgdpl.model.items import Item
from pbgdpl.model.moment import BuildMoment

from conftest import AS_OF

DAY = dt.timedelta(days=1)


def document(
    agency: str,
    slug: str,
    number: str,
    kind: str,
    issuer: str,
    issued: str,
    effective: str,
    **relations: Any,
) -> Item:
    """A registered document as the loader makes it."""
    data = {
        "number": number,
        "doc_type": kind,
        "issuer": issuer,
        "issued": dt.date.fromisoformat(issued),
        "effective": dt.date.fromisoformat(effective),
        **relations,
    }
    return Item(
        agency,
        "van-ban-moi",
        slug,
        f"agencies/{agency}/van-ban-moi/{slug}.md",
        f"{kind} {number}",
        data["issued"],
        "",
        data=data,
    )


LAND_2013 = document(
    "bo-nong-nghiep-va-moi-truong",
    "luat-dat-dai-2013",
    "45/2013/QH13",
    "Luật",
    "Quốc hội",
    "2013-11-29",
    "2014-07-01",
)
LAND_2024 = document(
    "bo-nong-nghiep-va-moi-truong",
    "luat-dat-dai-2024",
    "31/2024/QH15",
    "Luật",
    "Quốc hội",
    "2024-01-18",
    "2024-08-01",
    replaces=("45/2013/QH13",),
)
DECREE = document(
    "ha-noi",
    "nghi-dinh-102",
    "102/2024/ND-CP",
    "Nghị định",
    "Chính phủ",
    "2024-07-30",
    "2024-08-01",
    guides=("31/2024/QH15",),
)
TRAFFIC_2019 = document(
    "ha-noi",
    "nghi-dinh-100",
    "100/2019/NĐ-CP",
    "Nghị định",
    "Chính phủ",
    "2019-12-30",
    "2020-01-01",
)
TRAFFIC_2024 = document(
    "ha-noi",
    "nghi-dinh-168",
    "168/2024/NĐ-CP",
    "Nghị định",
    "Chính phủ",
    "2024-12-26",
    "2025-01-01",
    repeals_in_part=("100/2019/NĐ-CP",),
)
REGISTRY = Registry([LAND_2013, LAND_2024, DECREE, TRAFFIC_2019, TRAFFIC_2024])


@pytest.mark.parametrize(
    ("as_of", "expected"),
    [
        (dt.date(2024, 7, 31), Status.NOT_YET_IN_FORCE),
        (dt.date(2024, 8, 1), Status.IN_FORCE),
        (dt.date(2024, 8, 2), Status.IN_FORCE),
        (dt.date(2029, 12, 31), Status.EXPIRED),
        (dt.date(2030, 1, 1), Status.EXPIRED),
    ],
)
def test_status_on_the_days_around_effect_and_expiry(as_of: dt.date, expected: Status) -> None:
    effective, expires = dt.date(2024, 8, 1), dt.date(2029, 12, 31)
    assert status_on(as_of, effective, expires) is expected
    assert status_on(expires - DAY, effective, expires) is Status.IN_FORCE


def test_a_replaced_law_loses_effect_the_day_its_successor_takes_effect() -> None:
    statuses = [
        REGISTRY.status("45/2013/QH13", d)
        for d in (
            dt.date(2014, 6, 30),
            dt.date(2024, 7, 31),
            dt.date(2024, 8, 1),
            dt.date(2024, 8, 2),
        )
    ]
    assert statuses == [Status.NOT_YET_IN_FORCE, Status.IN_FORCE, Status.EXPIRED, Status.EXPIRED]


def test_a_partly_repealed_decree_is_partly_expired_from_the_repealing_date() -> None:
    assert REGISTRY.status("100/2019/NĐ-CP", dt.date(2024, 12, 31)) is Status.IN_FORCE
    assert REGISTRY.status("100/2019/NĐ-CP", dt.date(2025, 1, 1)) is Status.PARTLY_EXPIRED
    assert REGISTRY.status("100/2019/NĐ-CP", dt.date(2025, 1, 2)) is Status.PARTLY_EXPIRED
    assert REGISTRY.status("99/2019/NĐ-CP", dt.date(2025, 1, 2)) is None


def test_status_is_said_with_its_date() -> None:
    assert status_phrase(Status.EXPIRED, dt.date(2024, 8, 1)) == (
        "Hết hiệu lực toàn bộ (tính đến ngày 01/08/2024)"
    )
    assert Status.IN_FORCE.value == "con-hieu-luc"
    assert Status.IN_FORCE.label == "Còn hiệu lực"


def test_relations_are_listed_from_both_ends() -> None:
    def shown(item: Item) -> list[tuple[str, list[str]]]:
        found = REGISTRY.for_item(item)
        assert found is not None
        return [(g.label, [e.number for e in g.entries]) for g in REGISTRY.relations(found)]

    assert shown(LAND_2024) == [
        ("Thay thế", ["45/2013/QH13"]),
        ("Được hướng dẫn, quy định chi tiết bởi", ["102/2024/ND-CP"]),
    ]
    assert shown(LAND_2013) == [("Bị thay thế bởi", ["31/2024/QH15"])]
    assert shown(TRAFFIC_2019) == [("Bị bãi bỏ một phần bởi", ["168/2024/NĐ-CP"])]


def test_history_is_ordered_and_marks_what_is_still_to_come() -> None:
    land = REGISTRY.lookup("31/2024/QH15")
    assert land is not None
    history = REGISTRY.history(land, dt.date(2024, 7, 31))
    assert [(e.date.isoformat(), e.label, e.upcoming) for e in history] == [
        ("2024-01-18", "Ban hành", False),
        ("2024-08-01", "Có hiệu lực", True),
        ("2024-08-01", "Được hướng dẫn, quy định chi tiết bởi", True),
    ]


def test_lookup_folds_đ_and_case() -> None:
    assert REGISTRY.lookup("102/2024/NĐ-CP") is REGISTRY.for_item(DECREE)
    assert REGISTRY.lookup("102/2024/nd-cp") is REGISTRY.for_item(DECREE)
    assert REGISTRY.lookup("103/2024/NĐ-CP") is None


def test_provincial_numbers_are_unique_only_within_their_province() -> None:
    hanoi = document(
        "ha-noi",
        "ke-hoach",
        "18/KH-UBND",
        "Kế hoạch",
        "Ủy ban nhân dân thành phố Hà Nội",
        "2026-01-16",
        "2026-01-16",
    )
    nghe_an = document(
        "nghe-an",
        "ke-hoach",
        "18/KH-UBND",
        "Kế hoạch",
        "Ủy ban nhân dân tỉnh Nghệ An",
        "2026-02-10",
        "2026-02-10",
    )
    registry = Registry([hanoi, nghe_an])
    assert registry.duplicates == []
    assert registry.lookup("18/KH-UBND", "ha-noi") is registry.for_item(hanoi)
    assert registry.lookup("18/KH-UBND", "nghe-an") is registry.for_item(nghe_an)
    assert registry.lookup("18/KH-UBND", "") is None
    assert registry.lookup("18/KH-UBND", "bo-tu-phap") is None


def test_the_same_central_number_in_two_spellings_is_a_duplicate() -> None:
    again = document(
        "bo-tu-phap",
        "nghi-dinh-102",
        "102/2024/NĐ-CP",
        "Nghị định",
        "Chính phủ",
        "2024-07-30",
        "2024-08-01",
    )
    registry = Registry([DECREE, again])
    assert [(d.item.path, first.item.path) for d, first in registry.duplicates] == [
        (
            "agencies/bo-tu-phap/van-ban-moi/nghi-dinh-102.md",
            "agencies/ha-noi/van-ban-moi/nghi-dinh-102.md",
        ),
    ]


def test_national_listings_sort_by_date_of_effect_and_paginate(sample_portal: Path) -> None:
    catalog = Catalog.from_portal(load_portal(sample_portal), BuildMoment.end_of(AS_OF))
    listings = plan_document_listings(catalog, None, AS_OF, page_size=5)
    first, second = listings["van-ban-moi/index.md"], listings["van-ban-moi/trang-2.md"]
    assert first.kind == "documents" and first.page_count >= 3
    assert [i.data["effective"] for i in first.items] == sorted(
        (i.data["effective"] for i in first.items), reverse=True
    )
    assert first.items[-1].data["effective"] >= second.items[0].data["effective"]
    land = listings["van-ban-moi/linh-vuc/dat-dai/index.md"]
    assert {i.data["number"] for i in land.items} >= {
        "31/2024/QH15",
        "45/2013/QH13",
        "102/2024/NĐ-CP",
    }
    assert "van-ban-moi/co-quan/quoc-hoi/index.md" in listings
    month = listings["van-ban-moi/trong-thang/index.md"]
    assert month.title == "Văn bản có hiệu lực trong tháng 11/2026"
    assert all(i.data["effective"].month == 11 for i in month.items)
    august = plan_document_listings(catalog, None, dt.date(2024, 8, 20), page_size=5)
    assert {i.data["number"] for i in august["van-ban-moi/trong-thang/index.md"].items} >= {
        "31/2024/QH15",
        "102/2024/NĐ-CP",
        "43/2024/QH15",
    }


def _asked(registry: Registry, site: str, number: str) -> tuple[tuple[str, ...], ...]:
    """Ask what a page of `site` linking `number` asks, and return the questions recorded."""
    reads = Reads()
    registry.reads = reads
    found = registry.lookup(number, site)
    if found is not None:
        registry.status_of(found, AS_OF)
    registry.reads = None
    return tuple(sorted(reads.queries))


def _answers(registry: Registry, queries: tuple[tuple[str, ...], ...]) -> list[object]:
    return [registry.answer(query) for query in queries]


def test_a_page_depends_only_on_the_documents_it_asked_about() -> None:
    asked = _asked(REGISTRY, "bo-y-te", "45/2013/QH13")
    assert asked == (
        ("lookup", "45/2013/QH13", "bo-y-te"),
        ("status", "bo-nong-nghiep-va-moi-truong/van-ban-moi/luat-dat-dai-2013/", "2026-11-23"),
    )
    # A new agency's unrelated document: the page's answers are the same.
    unrelated = document(
        "don-vi-moi",
        "nghi-dinh-1",
        "1/2026/NĐ-CP",
        "Nghị định",
        "Chính phủ",
        "2026-01-01",
        "2026-02-01",
    )
    more = Registry([LAND_2013, LAND_2024, DECREE, TRAFFIC_2019, TRAFFIC_2024, unrelated])
    assert _answers(more, asked) == _answers(REGISTRY, asked)
    # The law that replaced it is withdrawn from the registry: its status changes.
    fewer = Registry([LAND_2013, DECREE, TRAFFIC_2019, TRAFFIC_2024])
    assert _answers(fewer, asked) != _answers(REGISTRY, asked)
    # A number the page links but nobody registered yet: registering it changes the answer.
    missing = _asked(REGISTRY, "bo-y-te", "1/2026/NĐ-CP")
    assert _answers(more, missing) != _answers(REGISTRY, missing)
