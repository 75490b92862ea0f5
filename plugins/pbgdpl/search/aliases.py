"""The other names people search an agency by, so that they reach its home page.

People rarely type an agency's full name: they type "Hà Nội" or "Sở Tư pháp Hà Nội" for
"Thành phố Hà Nội", the unit that keeps the site, or a province's name from before the
2025 merger ("Bình Dương" for Thành phố Hồ Chí Minh). Everyday abbreviations ("TP HCM",
"Bộ TP") are the board's to list, in the search dictionary (`content/tu-dien-tim-kiem.yml`).
"""

from __future__ import annotations

import re

from pbgdpl.model.agency import Agency
from pbgdpl.model.units import load_units

# "Thành phố Hà Nội" → "Hà Nội", "Sở Tư pháp tỉnh Lào Cai" → "Sở Tư pháp Lào Cai".
PROVINCE_WORD = re.compile(r"\b(?:[Tt]hành phố|[Tt]ỉnh)\s+")


def agency_aliases(agency: Agency) -> tuple[str, ...]:
    """Return the names besides `agency.name` that should lead to the agency's home."""
    found: list[str] = []
    unit = agency.unit or ""
    if agency.kind == "province":
        found += [PROVINCE_WORD.sub("", agency.name), PROVINCE_WORD.sub("", unit)]
        found += [f for u in load_units() if u.slug == agency.slug for f in u.formerly]
    if unit and agency.name not in unit:
        found.append(f"{unit} {agency.name}")
    elif unit:
        found.append(unit)
    return tuple(dict.fromkeys(a.strip() for a in found if a.strip() and a != agency.name))
