"""The build moment: the minute, in Vietnam's wall-clock time, at which a build shows the portal.

Times are Vietnam's wall-clock time (Asia/Ho_Chi_Minh, no daylight saving), kept as
naive datetimes. Legal status, scheduled items and withdrawals all depend on this one
moment, so that the same inputs and the same moment give the same portal, byte for byte:

* `--as-of YYYY-MM-DDTHH:MM` is that moment;
* `--as-of YYYY-MM-DD` is the end of that day (23:59), so an item scheduled at any time
  of that day is in the build: the date-only form previews a day's portal;
* without `--as-of`, the moment is now, so a deployment never publishes early.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from zoneinfo import ZoneInfo

VIETNAM = ZoneInfo("Asia/Ho_Chi_Minh")


def vietnam_date(instant: dt.datetime) -> dt.date:
    """Return the date in Vietnam of an aware instant, such as a commit's time."""
    return instant.astimezone(VIETNAM).date()


@dataclass(frozen=True, order=True)
class BuildMoment:
    """The minute a build shows the portal at, as a naive Vietnam wall-clock datetime."""

    at: dt.datetime

    @classmethod
    def now(cls) -> BuildMoment:
        """Return the current minute in Vietnam."""
        return cls(dt.datetime.now(VIETNAM).replace(tzinfo=None, second=0, microsecond=0))

    @classmethod
    def end_of(cls, day: dt.date) -> BuildMoment:
        """Return the last minute of `day`: a date-only as-of shows the whole day's portal."""
        return cls(dt.datetime.combine(day, dt.time(23, 59)))

    @classmethod
    def parse(cls, text: str) -> BuildMoment:
        """Read `YYYY-MM-DD` (the end of that day) or `YYYY-MM-DDTHH:MM`; raise ValueError."""
        text = text.strip()
        if "T" not in text and " " not in text:
            return cls.end_of(dt.date.fromisoformat(text))
        moment = dt.datetime.fromisoformat(text.replace(" ", "T"))
        if moment.tzinfo is not None:
            moment = moment.astimezone(VIETNAM).replace(tzinfo=None)
        return cls(moment.replace(second=0, microsecond=0))

    @property
    def date(self) -> dt.date:
        """Return the day of the moment: the as-of date of legal status and listings."""
        return self.at.date()
