"""The register of agencies that must keep a component site, and the sections every site needs."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from importlib import resources

import yaml

from pbgdpl.model.agency import KIND_LABELS
from pbgdpl.model.sections import SECTIONS_BY_SLUG
from pbgdpl.model.units import load_units


@dataclass(frozen=True)
class RequiredAgency:
    """An agency that must keep a component site (letters 2500 and 2610/BTP-PBGDPL)."""

    slug: str
    name: str
    kind: str


@dataclass(frozen=True)
class Register:
    """Who must keep a site, and which sections each site must have (Decision 471/QĐ-TTg)."""

    agencies: tuple[RequiredAgency, ...]
    required_sections: tuple[str, ...]

    @property
    def slugs(self) -> frozenset[str]:
        """Return the slugs of every agency in the register."""
        return frozenset(agency.slug for agency in self.agencies)


@cache
def load_register() -> Register:
    """Load the register: every unit of units-2025.yml plus required-agencies.yml."""
    text = resources.files("pbgdpl.followup").joinpath("required-agencies.yml").read_text("utf-8")
    raw = yaml.safe_load(text)
    agencies = [RequiredAgency(unit.slug, unit.name, unit.kind) for unit in load_units()]
    agencies += [RequiredAgency(e["slug"], e["name"], e["kind"]) for e in raw["additional"]]
    slugs = [agency.slug for agency in agencies]
    problems = sorted({s for s in slugs if slugs.count(s) > 1})
    problems += [f"{a.slug}: kind {a.kind}" for a in agencies if a.kind not in KIND_LABELS]
    problems += [s for s in raw["required_sections"] if s not in SECTIONS_BY_SLUG]
    if problems:
        # Package data, not editors' content: a mistake here is a bug to fix before release.
        raise ValueError("required-agencies.yml: " + ", ".join(problems))
    return Register(tuple(agencies), tuple(raw["required_sections"]))
