"""A page too slow to render is left out of the build; its site and every other site publish.

The loader refuses the Markdown known to be slow; the per-page clock of the site build is
the backstop for what it does not know. Here the clock is set short (mkdocs.yml
`page_seconds`) and a very long table stands for a hostile page.
"""

from __future__ import annotations

import contextlib
import gc
import json
import time
from pathlib import Path

import pytest

from pbgdpl.safety.render_clock import PageTooSlow, RenderClock

from conftest import AS_OF, write

pytestmark = pytest.mark.long

SLOW = "agencies/nghe-an/tin-tuc/bang-rat-dai.md"
KEPT = "nghe-an/tin-tuc/nghe-an-kien-toan-to-hoa-giai-sau-sap-xep-thon-ban/index.html"


def _short_clock(root: Path, seconds: float) -> None:
    config_file = root / "mkdocs.yml"
    lines = config_file.read_text("utf-8").splitlines()
    at = lines.index("  - pbgdpl/site")
    lines[at : at + 1] = ["  - pbgdpl/site:", f"      page_seconds: {seconds}"]
    config_file.write_text("\n".join(lines) + "\n", "utf-8")


def _slow_item(root: Path) -> None:
    rows = "\n".join(f"| Dòng {n} | mã {n} | ghi chú {n} |" for n in range(6000))
    write(
        root / SLOW,
        "---\ntitle: Bảng số liệu rất dài\ndate: 2026-11-20\n---\n\n"
        f"| Số | Mã | Ghi chú |\n|---|---|---|\n{rows}\n",
    )


def _build(run_cli, root: Path, *extra: str) -> tuple[int, str]:
    status, _, err = run_cli(
        root,
        "build",
        "--out",
        str(root / "site"),
        "--as-of",
        AS_OF.isoformat(),
        "--jobs",
        "1",
        "--report",
        str(root / "report.json"),
        *extra,
    )
    return status, err


def test_a_slow_page_is_left_out_and_everything_else_published(portal_copy: Path, run_cli) -> None:
    _short_clock(portal_copy, 0.3)
    _slow_item(portal_copy)
    status, err = _build(run_cli, portal_copy, "--keep-going")
    site = portal_copy / "site"
    # The editor is told which file, in Vietnamese, and what to do.
    assert f"{SLOW}:1: lỗi [page-too-slow]" in err
    assert "chia bài" in err
    # The page is left out, its agency's other pages and every other agency are built.
    assert not (site / "nghe-an/tin-tuc/bang-rat-dai").exists()
    assert (site / KEPT).is_file()
    assert (site / "ha-noi/index.html").is_file()
    listing = (site / "nghe-an/tin-tuc/index.html").read_text("utf-8")
    assert "Bảng số liệu rất dài" not in listing
    assert "bang-rat-dai" not in (site / "index.html").read_text("utf-8")
    assert json.loads((portal_copy / "report.json").read_text("utf-8"))["pages_left_out"] == [SLOW]
    # --keep-going publishes what is valid; a build without it fails loudly.
    assert status == 0
    status, err = _build(run_cli, portal_copy)
    assert status == 1
    assert f"{SLOW}:1: lỗi [page-too-slow]" in err


def test_once_the_page_is_fixed_the_next_build_publishes_it(portal_copy: Path, run_cli) -> None:
    _short_clock(portal_copy, 0.3)
    _slow_item(portal_copy)
    _build(run_cli, portal_copy, "--keep-going")
    write(
        portal_copy / SLOW,
        "---\ntitle: Bảng số liệu rất dài\ndate: 2026-11-20\n---\n\nBảng đã được chia nhỏ.\n",
    )
    status, err = _build(run_cli, portal_copy)
    assert status == 0, err
    page = portal_copy / "site/nghe-an/tin-tuc/bang-rat-dai/index.html"
    assert "Bảng đã được chia nhỏ." in page.read_text("utf-8")


def _work(seconds: float) -> None:
    """Keep the processor busy for `seconds` of this process's time, as a render does."""
    end = time.process_time() + seconds
    while time.process_time() < end:
        pass


def test_a_deadline_whose_signal_was_swallowed_still_stops_the_page() -> None:
    # Python swallows an exception raised elsewhere than the render (here by the page's own
    # code): the render then runs to its end, and the page is refused there, by its file.
    clock = RenderClock(0.05)
    clock.start(SLOW)
    with contextlib.suppress(PageTooSlow):
        _work(1)
    with pytest.raises(PageTooSlow, match=SLOW):
        clock.finish()
    # A page done in time is not refused, even right after a slow one.
    clock.start(SLOW)
    clock.finish()


def test_a_deadline_falling_in_a_collector_callback_rings_again_after_it() -> None:
    # Where Python would swallow it (a garbage collector's callback), the deadline waits
    # for the callback to end and then stops the render itself.
    def slow_callback(phase: str, info: dict[str, int]) -> None:
        if phase == "start":
            _work(0.2)

    clock = RenderClock(0.05)
    gc.callbacks.append(slow_callback)
    try:
        clock.start(SLOW)
        with pytest.raises(PageTooSlow, match=SLOW):
            gc.collect()
            _work(1)
    finally:
        gc.callbacks.remove(slow_callback)
        clock.stop()
