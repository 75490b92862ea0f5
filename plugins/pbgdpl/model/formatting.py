"""Values shown the Vietnamese way: dates as dd/mm/yyyy, numbers as 1.250,5.

Pages, charts, reports and downloads all show values through these, so a figure reads
the same on the dashboard as in the annual report.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from pbgdpl.model.fields import Figure


def vi_date(value: dt.date | None) -> str:
    """Show a date as dd/mm/yyyy."""
    return value.strftime("%d/%m/%Y") if value else ""


def vi_number(value: float) -> str:
    """Show a number with Vietnamese separators: 1.250,5."""
    text = f"{value:,.2f}".rstrip("0").rstrip(".") if isinstance(value, float) else f"{value:,}"
    return text.replace(",", " ").replace(".", ",").replace(" ", ".")


def field_value(value: Any) -> str:
    """Show a front-matter value as text: dates, lists and figures included."""
    if isinstance(value, dt.date):
        return vi_date(value)
    if isinstance(value, tuple):
        return "; ".join(field_value(v) for v in value)
    if isinstance(value, Figure):
        return f"{value.name}: {vi_number(value.value)} {value.unit}".strip()
    return str(value)
