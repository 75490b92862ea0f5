"""Bar charts drawn at build time as SVG: readable without JavaScript, with a text alternative.

Each bar has its label above it (long Vietnamese names are never cut), its value at its
end, and a <title> for a tooltip; the chart has <title> and <desc> for screen readers.
The page shows the same figures in a table next to the chart.

The SVG has no viewBox: its units are CSS pixels, so its text is 12 px on a 360-px phone
as on a wide screen, and the bars are drawn in percentages of whatever width it gets.
"""

from __future__ import annotations

from dataclasses import dataclass
from html import escape

from markupsafe import Markup

from pbgdpl.model.formatting import vi_number

ROW = 34
LABEL_LINE = 13
BAR_TOP = 17
BAR_HEIGHT = 12
# Bars take at most this share of the width; the rest is room for the value after them.
BAR_SPAN = 70
VALUE_GAP = 6


@dataclass(frozen=True)
class Bar:
    """One bar: what it counts, its value, and a tone the stylesheet colours it by."""

    label: str
    value: int
    tone: str = ""


@dataclass(frozen=True)
class Chart:
    """A horizontal bar chart with its title, a description and the unit of its values."""

    slug: str
    title: str
    description: str
    unit: str
    bars: tuple[Bar, ...]

    @property
    def svg(self) -> Markup:
        """Return the chart as an inline SVG element; every text is escaped."""
        height = ROW * len(self.bars) + 4
        top = max((bar.value for bar in self.bars), default=0) or 1
        ids = f"pb-chart-{self.slug}"
        parts = [
            f'<svg class="pb-chart__svg" role="img" width="100%" height="{height}" '
            f'aria-labelledby="{ids}-title {ids}-desc" font-size="12" '
            'xmlns="http://www.w3.org/2000/svg">',
            f'<title id="{ids}-title">{escape(self.title)}</title>',
            f'<desc id="{ids}-desc">{escape(self.description)}</desc>',
        ]
        for n, bar in enumerate(self.bars):
            y = n * ROW
            length = round(BAR_SPAN * bar.value / top, 1)
            shown = f"{vi_number(bar.value)} {self.unit}".strip()
            tone = f" pb-chart__bar--{escape(bar.tone)}" if bar.tone else ""
            parts.append(
                f"<g><title>{escape(bar.label)}: {escape(shown)}</title>"
                f'<text class="pb-chart__label" x="0" y="{y + LABEL_LINE}">'
                f"{escape(bar.label)}</text>"
                f'<rect class="pb-chart__bar{tone}" x="0" y="{y + BAR_TOP}" '
                f'width="{max(length, 0.5)}%" height="{BAR_HEIGHT}" fill="#0b4f8a"/>'
                f'<text class="pb-chart__value" x="{length}%" dx="{VALUE_GAP}" '
                f'y="{y + BAR_TOP + 10}">'
                f"{escape(shown)}</text></g>"
            )
        parts.append("</svg>")
        return Markup("".join(parts))
