"""Controlled vocabularies: document types, issuers, fields of law and kinds of items."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

import yaml

from pbgdpl.model.units import load_units


@dataclass(frozen=True)
class Vocabularies:
    """The values editors may write in each controlled field, as they appear on pages."""

    document_types: tuple[str, ...]
    normative_types: frozenset[str]
    issuers: tuple[str, ...]
    fields: tuple[str, ...]
    material_kinds: tuple[str, ...]
    video_kinds: tuple[str, ...]
    event_formats: tuple[str, ...]
    provincial_issuers: dict[str, tuple[str, ...]] = dataclasses.field(
        default_factory=dict, hash=False, compare=False
    )
    """Each province's own issuing bodies, by the province's slug."""

    def values(self, name: str) -> tuple[str, ...]:
        """Return the allowed values of the vocabulary called `name`."""
        return getattr(self, name)  # type: ignore[no-any-return]

    def for_agency(self, slug: str) -> Vocabularies:
        """Return the choices an agency's editors get: the central issuers and its own bodies.

        The schemas and `validate` accept every province's bodies; an agency's form lists
        only its own, so a province's editor picks from a few dozen issuers, not hundreds.
        """
        every_province = {i for bodies in self.provincial_issuers.values() for i in bodies}
        central = tuple(i for i in self.issuers if i not in every_province)
        own = self.provincial_issuers.get(slug, ())
        return dataclasses.replace(self, issuers=(*central, *own))


def provincial_issuers(raw: dict[str, Any]) -> dict[str, tuple[str, ...]]:
    """Return each province's issuing bodies in the standard spelling, by province slug.

    "Tỉnh Lào Cai" in the register is written "tỉnh Lào Cai" after a body's name:
    "Ủy ban nhân dân tỉnh Lào Cai", "Sở Tư pháp thành phố Hà Nội".
    """
    return {
        unit.slug: tuple(
            f"{body} {unit.name[0].lower()}{unit.name[1:]}" for body in raw["provincial_issuers"]
        )
        for unit in load_units()
        if unit.kind == "province"
    }


@cache
def load_vocabularies() -> Vocabularies:
    """Load the vocabularies shipped with the package, with provincial issuers added."""
    text = resources.files("pbgdpl.model").joinpath("vocabularies.yml").read_text("utf-8")
    raw = yaml.safe_load(text)
    provinces = provincial_issuers(raw)
    return Vocabularies(
        document_types=tuple(t["name"] for t in raw["document_types"]),
        normative_types=frozenset(t["name"] for t in raw["document_types"] if t["normative"]),
        issuers=(*raw["issuers"], *(i for bodies in provinces.values() for i in bodies)),
        fields=tuple(raw["fields"]),
        material_kinds=tuple(raw["material_kinds"]),
        video_kinds=tuple(raw["video_kinds"]),
        event_formats=tuple(raw["event_formats"]),
        provincial_issuers=provinces,
    )
