"""Portal settings that give each section an amount: days before it is stale, months to review."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from pbgdpl.model.fields import Field, FieldError
from pbgdpl.model.sections import SECTIONS_BY_SLUG
from pbgdpl.model.vocabularies import Vocabularies

MAX_DAYS = 3650


@dataclass(frozen=True)
class SectionAmounts(Field):
    """A whole number of some unit by section folder: {tin-tuc: 30, …}.

    The days allowed since a section's newest item (`stale_after_days`), the months after
    which an item is due for review (`review_after_months`).
    """

    unit: str = "ngày"
    maximum: int = MAX_DAYS

    def parse(self, value: Any, vocabularies: Vocabularies) -> dict[str, int]:
        if not isinstance(value, dict):
            raise self._wrong_type(
                value, f'một bảng "chuyên mục: số {self.unit}", ví dụ "tin-tuc: 30"'
            )
        for slug, days in value.items():
            if slug not in SECTIONS_BY_SLUG:
                raise FieldError(
                    "unknown-section",
                    f'Trường "{self.key}" ({self.label}): "{slug}" không phải chuyên mục. '
                    "Các chuyên mục: " + ", ".join(SECTIONS_BY_SLUG) + ".",
                )
            if isinstance(days, bool) or not isinstance(days, int) or not 1 <= days <= self.maximum:
                raise FieldError(
                    "invalid-days",
                    f'Trường "{self.key}" ({self.label}): số {self.unit} của chuyên mục "{slug}" '
                    f'phải là số nguyên từ 1 đến {self.maximum}; giá trị hiện tại: "{days}".',
                )
        # Keep the portal's section order, so reports list sections the same way everywhere.
        return {slug: value[slug] for slug in SECTIONS_BY_SLUG if slug in value}

    def describe(self, vocabularies: Vocabularies) -> dict[str, Any]:
        days = {"type": "integer", "minimum": 1, "maximum": self.maximum}
        return {
            "type": "object",
            "additionalProperties": False,
            "properties": {slug: days for slug in SECTIONS_BY_SLUG},
        }
