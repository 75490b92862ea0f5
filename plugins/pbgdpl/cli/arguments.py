"""The command line's readers of dates and moments: one `--as-of` syntax for every command."""

from __future__ import annotations

import argparse
import datetime as dt

from pbgdpl.model.moment import BuildMoment


def moment_argument(text: str) -> BuildMoment:
    """Read `--as-of`: a date (its end of day) or a moment YYYY-MM-DDTHH:MM, Vietnam time."""
    try:
        return BuildMoment.parse(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"thời điểm không hợp lệ: {text!r}; viết YYYY-MM-DD hoặc YYYY-MM-DDTHH:MM "
            "(invalid date)"
        ) from None


def date_argument(text: str) -> dt.date:
    """Read a day, YYYY-MM-DD (a moment's day is taken too), Vietnam time."""
    return moment_argument(text).date


def day_or_today(day: dt.date | None) -> dt.date:
    """Return the day a command was given, or today's in Vietnam."""
    return day or BuildMoment.now().date
