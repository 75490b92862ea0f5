"""Bound the time one page may take to render, so hostile Markdown cannot stall a build.

The loader refuses the Markdown known to be slow; this is the backstop for the rest, in
the loader (a short budget) and in site builds. It counts the process's own processor
time, so a machine busy with other work never fails a page that is not slow. It uses a
signal, so it works in a process's main thread (where the loader and site builds run) and
does nothing elsewhere. Python swallows an exception raised inside a garbage collector's
callback: a deadline that falls there rings again just after, and `finish` raises it
anyway once the page is done.
"""

from __future__ import annotations

import gc
import signal
import threading
from types import FrameType

PAGE_SECONDS = 20.0
AGAIN_SECONDS = 0.01


class PageTooSlow(Exception):
    """A page's Markdown took longer to render than any real page does.

    `page` is the file the clock was started for, so the build can leave that page out.
    """

    def __init__(self, page: str, seconds: float) -> None:
        super().__init__(
            f"{page}: trang cần hơn {seconds:g} giây để dựng nên bị dừng; kiểm tra các dấu "
            "ngoặc, dấu * và danh sách lồng nhau (page took too long to render)."
        )
        self.page = page
        self.seconds = seconds


def _in_collector_callback(frame: FrameType | None) -> bool:
    """Tell whether `frame` runs inside a garbage collector's callback."""
    codes = {getattr(callback, "__code__", None) for callback in gc.callbacks}
    while frame is not None:
        if frame.f_code in codes:
            return True
        frame = frame.f_back
    return False


class RenderClock:
    """Start a deadline before a page's Markdown is rendered; stop it afterwards."""

    def __init__(self, seconds: float = PAGE_SECONDS) -> None:
        self.seconds = seconds
        self.page = ""
        self.overran = False
        # Processor time (SIGVTALRM) ignores other processes; wall time (SIGALRM) does not.
        self.signal = signal.SIGVTALRM
        self.timer = signal.ITIMER_VIRTUAL

    def _expired(self, signum: int, frame: FrameType | None) -> None:
        self.overran = True
        if _in_collector_callback(frame):
            signal.setitimer(self.timer, AGAIN_SECONDS)
            return
        raise PageTooSlow(self.page, self.seconds)

    @staticmethod
    def _usable() -> bool:
        main = threading.current_thread() is threading.main_thread()
        return main and hasattr(signal, "setitimer")

    def start(self, page: str) -> None:
        """Arm the deadline for `page`."""
        if self._usable():
            self.page = page
            self.overran = False
            signal.signal(self.signal, self._expired)
            signal.setitimer(self.timer, self.seconds)

    def stop(self) -> None:
        """Disarm the deadline."""
        if self._usable():
            signal.setitimer(self.timer, 0)

    def finish(self) -> None:
        """Disarm the deadline, and raise if it passed though its first raise was swallowed."""
        self.stop()
        if self.overran:
            raise PageTooSlow(self.page, self.seconds)
