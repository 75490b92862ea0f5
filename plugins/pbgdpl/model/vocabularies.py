"""Controlled vocabularies: document types, issuers, fields of law and kinds of items."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from importlib import resources

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

    def values(self, name: str) -> tuple[str, ...]:
        """Return the allowed values of the vocabulary called `name`."""
        return getattr(self, name)  # type: ignore[no-any-return]


@cache
def load_vocabularies() -> Vocabularies:
    """Load the vocabularies shipped with the package, with provincial issuers added."""
    text = resources.files("pbgdpl.model").joinpath("vocabularies.yml").read_text("utf-8")
    raw = yaml.safe_load(text)
    provincial = [
        f"{body} {unit.name}"
        for unit in load_units()
        if unit.kind == "province"
        for body in ("Hội đồng nhân dân", "Ủy ban nhân dân")
    ]
    return Vocabularies(
        document_types=tuple(t["name"] for t in raw["document_types"]),
        normative_types=frozenset(t["name"] for t in raw["document_types"] if t["normative"]),
        issuers=(*raw["issuers"], *provincial),
        fields=tuple(raw["fields"]),
        material_kinds=tuple(raw["material_kinds"]),
        video_kinds=tuple(raw["video_kinds"]),
        event_formats=tuple(raw["event_formats"]),
    )
