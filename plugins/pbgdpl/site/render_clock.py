"""Bound the time one page may take to render, so hostile Markdown cannot stall a build.

The loader refuses the nesting known to be slow; this is the backstop for the rest. It
uses SIGALRM, so it works in a worker's main thread (where site builds run) and does
nothing elsewhere.
"""

from __future__ import annotations

import signal
import threading
from types import FrameType

PAGE_SECONDS = 20.0


class PageTooSlow(Exception):
    """A page's Markdown took longer to render than any real page does."""


class RenderClock:
    """Start a deadline before a page's Markdown is rendered; stop it afterwards."""

    def __init__(self, seconds: float = PAGE_SECONDS) -> None:
        self.seconds = seconds
        self.page = ""

    def _expired(self, signum: int, frame: FrameType | None) -> None:
        raise PageTooSlow(
            f"{self.page}: trang cần hơn {self.seconds:.0f} giây để dựng nên bị dừng; kiểm tra "
            "các dấu ngoặc, dấu * và danh sách lồng nhau (page took too long to render)."
        )

    @staticmethod
    def _usable() -> bool:
        main = threading.current_thread() is threading.main_thread()
        return main and hasattr(signal, "setitimer")

    def start(self, page: str) -> None:
        """Arm the deadline for `page`."""
        if self._usable():
            self.page = page
            signal.signal(signal.SIGALRM, self._expired)
            signal.setitimer(signal.ITIMER_REAL, self.seconds)

    def stop(self) -> None:
        """Disarm the deadline."""
        if self._usable():
            signal.setitimer(signal.ITIMER_REAL, 0)
