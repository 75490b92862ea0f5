"""The region (miền) of each province, so the directory can group provincial sites."""

from __future__ import annotations

from collections.abc import Iterable

from pbgdpl.model.agency import Agency
from pbgdpl.model.fields import fold

# The 34 provincial units of 2025 by the three regions citizens name them by.
REGIONS: dict[str, tuple[str, ...]] = {
    "Miền Bắc": (
        "ha-noi",
        "hai-phong",
        "quang-ninh",
        "bac-ninh",
        "hung-yen",
        "ninh-binh",
        "phu-tho",
        "thai-nguyen",
        "tuyen-quang",
        "lao-cai",
        "cao-bang",
        "lang-son",
        "son-la",
        "dien-bien",
        "lai-chau",
    ),
    "Miền Trung và Tây Nguyên": (
        "thanh-hoa",
        "nghe-an",
        "ha-tinh",
        "quang-tri",
        "hue",
        "da-nang",
        "quang-ngai",
        "gia-lai",
        "dak-lak",
        "khanh-hoa",
        "lam-dong",
    ),
    "Miền Nam": (
        "ho-chi-minh",
        "dong-nai",
        "tay-ninh",
        "can-tho",
        "vinh-long",
        "dong-thap",
        "an-giang",
        "ca-mau",
    ),
}
OTHER_REGION = "Khác"
REGION_ORDER = (*REGIONS, OTHER_REGION)
_REGION_OF = {slug: region for region, slugs in REGIONS.items() for slug in slugs}


def region_of(agency: Agency) -> str:
    """Return the region of a province's site, or "Khác" for a site outside the register."""
    return _REGION_OF.get(agency.slug, OTHER_REGION)


def group_by_region(agencies: Iterable[Agency]) -> list[tuple[str, list[Agency]]]:
    """Return provincial sites grouped by region, north to south, each sorted by name."""
    groups: dict[str, list[Agency]] = {region: [] for region in REGION_ORDER}
    for agency in agencies:
        groups[region_of(agency)].append(agency)
    return [
        (region, sorted(found, key=lambda a: fold(a.name)))
        for region, found in groups.items()
        if found
    ]
