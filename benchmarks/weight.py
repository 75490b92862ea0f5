"""Print what each page type weighs on a phone: bytes on the wire, first and repeat visit.

    .venv/bin/python benchmarks/weight.py [--site DIR] [--items N] [--axe]

Builds the sample portal (or, with --items, a synthetic one of N items from
generate.py; or reads an already built --site), serves it with `build.py serve`'s server
(the precompressed .br/.gz copies, revalidation), and opens one page of each type in
headless Chromium at 360 × 740. Prints, per page type: the HTML's size raw, Brotli and
gzip; the bytes a first visit transfers (HTML, CSS, JS, images); the bytes a repeat visit
transfers (the browser revalidates and gets 304s); and with --axe the axe-core
violations at 360 px. Then the largest HTML pages of the whole output.
Targets (issue 18): first visit ≤ 60 KB, repeat ≤ 20 KB, every page ≤ 40 KB of HTML.
Figures are printed, never asserted.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import threading
from pathlib import Path

from quality import AS_OF, CHROMIUM, build_sample, find_pages

from pbgdpl.publishing.preview import preview_server

KB = 1024
FIRST_TARGET = 60 * KB
REPEAT_TARGET = 20 * KB
HTML_TARGET = 40 * KB


def build_synthetic(items: int, out: Path, scratch: Path) -> None:
    """Generate a synthetic portal of `items` items and build it into `out`."""
    from generate import generate_portal

    from pbgdpl.cli import main

    root = scratch / "portal"
    generate_portal(root, agencies=70, items=items, seed=1)
    main(["--root", str(root), "build", "--out", str(out), "--as-of", AS_OF])


def visit_bytes(url: str, axe: bool) -> tuple[int, int, int | None]:
    """Return the bytes transferred by a first and a repeat visit, and axe's violations."""
    from playwright.sync_api import Response, sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=["--no-sandbox"])
        context = browser.new_context(viewport={"width": 360, "height": 740}, locale="vi-VN")
        page = context.new_page()
        responses: list[Response] = []
        page.on("response", lambda response: responses.append(response))
        visits: list[int] = []
        for _ in range(2):
            responses.clear()
            page.goto(url, wait_until="networkidle")
            total = 0
            for response in responses:
                sizes = response.request.sizes()
                total += sizes["responseBodySize"] + sizes["responseHeadersSize"]
            visits.append(total)
        violations = None
        if axe:
            from axe_playwright_python.sync_playwright import Axe

            violations = len(Axe().run(page).response["violations"])
        browser.close()
    return visits[0], visits[1], violations


def html_sizes(path: Path) -> tuple[int, int, int]:
    """Return a page's HTML size raw, as its .br copy and as its .gz copy."""
    sizes = [path.stat().st_size]
    for ending in (".br", ".gz"):
        copy = Path(str(path) + ending)
        sizes.append(copy.stat().st_size if copy.is_file() else sizes[0])
    return sizes[0], sizes[1], sizes[2]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--site", type=Path, help="thư mục cổng đã dựng")
    parser.add_argument("--items", type=int, help="dựng cổng tổng hợp có N bài")
    parser.add_argument("--axe", action="store_true", help="đếm lỗi axe-core ở 360 px")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="pbgdpl-weight-") as scratch:
        site = args.site
        if site is None:
            site = Path(scratch) / "site"
            if args.items:
                build_synthetic(args.items, site, Path(scratch))
            else:
                build_sample(site)
        rows = [("Loại trang", "HTML", "HTML br", "HTML gz", "Lần đầu", "Lần sau", "axe")]
        with preview_server(site) as server:
            thread = threading.Thread(target=server.serve_forever, daemon=True)
            thread.start()
            url = f"http://127.0.0.1:{server.server_address[1]}/"
            for kind, path in find_pages(site):
                raw, br, gz = html_sizes(site / path / "index.html")
                first, repeat, violations = visit_bytes(url + path, args.axe)
                first_note = "" if first <= FIRST_TARGET else " VƯỢT"
                repeat_note = "" if repeat <= REPEAT_TARGET else " VƯỢT"
                rows.append(
                    (
                        f"{kind} /{path}",
                        f"{raw / KB:.1f} KB",
                        f"{br / KB:.1f} KB",
                        f"{gz / KB:.1f} KB",
                        f"{first / KB:.1f} KB{first_note}",
                        f"{repeat / KB:.1f} KB{repeat_note}",
                        "—" if violations is None else str(violations),
                    )
                )
            server.shutdown()
        widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
        for number, row in enumerate(rows):
            print(" | ".join(text.ljust(width) for text, width in zip(row, widths, strict=True)))
            if number == 0:
                print("-+-".join("-" * width for width in widths))
        pages = sorted(site.rglob("*.html"), key=lambda p: p.stat().st_size, reverse=True)
        over = [p for p in pages if p.stat().st_size > HTML_TARGET]
        print(f"\nTrang HTML lớn nhất ({len(pages)} trang, {len(over)} trang > 40 KB):")
        for path in pages[:5]:
            print(f"  {path.stat().st_size / KB:7.1f} KB  /{path.relative_to(site).as_posix()}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
