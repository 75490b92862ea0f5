"""The register of units that must keep a component site (after the 2025 reorganisation)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from importlib import resources

import yaml

# Groups of the register file, and the agency kind each group's units have.
_GROUP_KINDS = {
    "ministries": "ministry",
    "ministerial_agencies": "sector",
    "central_bodies": "organisation",
    "provinces": "province",
}
# The courts and the procuracy are sectors (ngành), not organisations.
_SECTOR_BODIES = frozenset({"toa-an-nhan-dan-toi-cao", "vien-kiem-sat-nhan-dan-toi-cao"})


@dataclass(frozen=True)
class Unit:
    """A unit in the register: a ministry, sector, organisation or province."""

    slug: str
    name: str
    kind: str
    formerly: tuple[str, ...] = ()


@cache
def load_units() -> tuple[Unit, ...]:
    """Load the register shipped with the package (copied from shared/data/units-2025.yml)."""
    text = resources.files("pbgdpl.model").joinpath("units-2025.yml").read_text("utf-8")
    raw = yaml.safe_load(text)
    return tuple(
        Unit(
            slug=entry["slug"],
            name=entry["name"],
            kind="sector" if entry["slug"] in _SECTOR_BODIES else kind,
            formerly=tuple(entry.get("formerly", ())),
        )
        for group, kind in _GROUP_KINDS.items()
        for entry in raw[group]
    )
