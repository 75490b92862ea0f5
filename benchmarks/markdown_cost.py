"""Measure the worst Markdown inputs of each enabled extension: how long `validate` takes to
name them, and how long rendering them would take.

    python benchmarks/markdown_cost.py            # every input, ~200 KB each
    python benchmarks/markdown_cost.py backslashes "unclosed <a"

For each input it prints its size, the time `check_body` (what `validate` runs on a page
body) takes and the diagnostic it gives, then the time Python-Markdown takes to render it
with the portal's extensions (capped at 60 s, shown as >60s), or the error it raises.
"""

from __future__ import annotations

import signal
import sys
import time
from collections.abc import Callable
from pathlib import Path
from types import FrameType

from pbgdpl.loading.body import check_body
from pbgdpl.safety.markdown_render import render_markdown

ROOT = Path(__file__).resolve().parent.parent
SIZE = 200_000
RENDER_CAP = 60.0


def lines(unit: str, per_line: int) -> str:
    """Repeat `unit` on lines of `per_line` units up to SIZE characters: one paragraph."""
    line = unit * per_line + "\n"
    return line * (SIZE // len(line))


# By extension (or core syntax): the inputs known to cost the most.
INPUTS: dict[str, str] = {
    "unclosed <a": lines("<a ", 25),
    "raw html <": lines("<", 80),
    "html comments": lines("<!--", 20),
    "entities &#": lines("&#", 40),
    "backslashes": lines("\\", 80),
    "backslash-backtick": lines("\\`", 40),
    "backticks": lines("`", 80),
    "autolinks <https://>": lines("<https://a.vn/x> ", 4),
    "bare addresses": lines("https://a.vn/x ", 5),
    "emphasis": lines("*a **b ", 10),
    "links [](": lines("[a](", 20),
    "images ![": lines("![a", 25),
    "tables: backticks": "| a | b |\n|---|---|\n"
    + ("| " + "`" * 40 + " | " + "`" * 39 + " |\n") * (SIZE // 90),
    "def_list: 700 tight pairs": "".join(f"T{i}\n: D{i}\n" for i in range(700)),
    "def_list: 3000 pairs": "".join(f"Thuật ngữ {i}\n:   Định nghĩa {i}\n\n" for i in range(3000)),
    "footnotes: 3000": "".join(f"Chú thích[^{i}]\n\n[^{i}]: ghi chú {i}\n" for i in range(3000)),
    "abbr: 50 + text": "".join(f"*[VT{i}]: viết tắt {i}\n" for i in range(50)) + lines("VT1 ", 20),
    "abbr: 300": "".join(f"*[VT{i}]: viết tắt {i}\n" for i in range(300)) + lines("VT1 ", 20),
    "admonition: 3000": "!!! note\n    Nội dung.\n\n" * 3000,
    "toc: 5000 headings": "".join(f"## Mục {i}\n\nx\n\n" for i in range(5000)),
    "sane_lists: 50000 items": "- a\n" * 50_000,
}


class Capped(Exception):
    """Rendering went past RENDER_CAP."""


def _stop(signum: int, frame: FrameType | None) -> None:
    raise Capped


def timed(run: Callable[[], str]) -> tuple[float, str]:
    """Run `run` under the cap; return its wall time and what it returned or raised."""
    signal.signal(signal.SIGALRM, _stop)
    signal.setitimer(signal.ITIMER_REAL, RENDER_CAP)
    start = time.perf_counter()
    try:
        outcome = run()
    except Capped:
        outcome = f">{RENDER_CAP:.0f}s"
    except RecursionError:
        outcome = "RecursionError"
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
    return time.perf_counter() - start, outcome


def main(names: list[str]) -> None:
    """Print the cost of each input (or of those named)."""
    print(f"{'input':28} {'KB':>5}  {'validate':>9}  diagnostic            {'render':>8}")
    for name, body in INPUTS.items():
        if names and name not in names:
            continue
        checked, said = timed(
            lambda body=body: ",".join(d.code for d in check_body(ROOT, "x.md", body, 5)) or "—"
        )
        rendered, outcome = timed(lambda body=body: len(render_markdown(ROOT, body)) and "")
        shown = outcome or f"{rendered:.2f} s"
        print(f"{name:28} {len(body) / 1024:5.0f}  {checked:7.2f} s  {said:20}  {shown:>8}")


if __name__ == "__main__":
    main(sys.argv[1:])
