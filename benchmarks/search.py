"""Measure the portal's search in headless Chromium: bytes of a first query, time to results.

    python benchmarks/search.py                 # the sample portal
    python benchmarks/search.py --pages 10000   # a synthetic portal (benchmarks/generate.py)

Builds the portal into a temporary folder, serves it on 127.0.0.1 and, for each query, opens
the search page of the national site and of one agency site in a fresh browser (empty
cache), types the query and presses Enter. It prints, per query: the bytes the browser
fetched from pressing Enter until the first results showed (Pagefind's script, its
WebAssembly, the index metadata, the index chunks, the results' fragments), the same bytes
as a CDN that compresses text would send them, the requests, and the time from Enter to
the first result; then the time of a second query in the same page.
"""

from __future__ import annotations

import argparse
import contextlib
import functools
import gzip
import http.server
import json
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from generate import generate_portal
from playwright.sync_api import Page, sync_playwright

from pbgdpl.pipeline.search_index import portal_records

REPO = Path(__file__).resolve().parent.parent
AS_OF = "2026-11-23"
QUERIES = ("đất đai", "dat dai", "đăng ký kết hôn", "dang ky ket hon", "Điều", "luật đất đai")
COMPRESSIBLE = (".html", ".js", ".css", ".json", ".svg")
BUDGET = 300 * 1024


@dataclass
class Traffic:
    """What the server sent: bytes as served, bytes a compressing CDN would send, requests."""

    served: int = 0
    compressed: int = 0
    requests: list[str] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def add(self, path: str, headers: int, body: bytes) -> None:
        """Count one response."""
        packed = len(gzip.compress(body)) if path.endswith(COMPRESSIBLE) else len(body)
        with self.lock:
            self.served += headers + len(body)
            self.compressed += headers + min(packed, len(body))
            self.requests.append(path)

    def reset(self) -> None:
        """Forget what was counted."""
        with self.lock:
            self.served = self.compressed = 0
            self.requests = []


class CountingHandler(http.server.SimpleHTTPRequestHandler):
    """Serve files quietly and count every response's bytes."""

    traffic: Traffic

    def log_message(self, format: str, *args: object) -> None:
        pass

    def copyfile(self, source, outputfile) -> None:  # type: ignore[no-untyped-def]
        body = source.read()
        outputfile.write(body)
        # Headers: status line and fields, about as long as a real server's.
        self.traffic.add(self.path.split("?")[0], 200, body)


@contextlib.contextmanager
def serve_with(folder: Path, handler: type[http.server.SimpleHTTPRequestHandler]) -> Iterator[str]:
    """Serve `folder` on 127.0.0.1 with `handler`, in a thread; yield its URL."""
    server = http.server.ThreadingHTTPServer(
        ("127.0.0.1", 0), functools.partial(handler, directory=str(folder))
    )
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


@contextlib.contextmanager
def serve(folder: Path) -> Iterator[tuple[str, Traffic]]:
    """Serve `folder` on 127.0.0.1; yield its URL and the traffic counter."""
    traffic = Traffic()
    with serve_with(folder, type("Handler", (CountingHandler,), {"traffic": traffic})) as url:
        yield url, traffic


def build(root: Path, out: Path) -> float:
    """Build the portal at `root` into `out`; return the seconds it took."""
    started = time.perf_counter()
    subprocess.run(
        [sys.executable, "build.py", "build", "--out", str(out), "--as-of", AS_OF],
        cwd=root,
        check=True,
        stdout=subprocess.DEVNULL,
    )
    return time.perf_counter() - started


def wait_for_results(page: Page, timeout: float = 30.0) -> None:
    """Wait until the search page says how many results it found."""
    deadline = time.perf_counter() + timeout
    status = page.locator("#pb-search-status-line")
    while time.perf_counter() < deadline:
        text = status.text_content() or ""
        if text and not text.startswith("Đang"):
            return
        page.wait_for_timeout(5)
    raise TimeoutError("no results shown")


@dataclass(frozen=True)
class Measure:
    """One first query: bytes served and compressed, requests, results, milliseconds."""

    query: str
    served: int
    compressed: int
    requests: int
    status: str
    first_ms: float
    second_ms: float


def measure(browser, url: str, traffic: Traffic, query: str, second: str) -> Measure:  # type: ignore[no-untyped-def]
    """Search `query` in a fresh browser on the search page at `url`, then `second`."""
    context = browser.new_context(locale="vi-VN")
    page = context.new_page()
    page.goto(url, wait_until="load")
    box = page.locator("#pb-search-q")
    traffic.reset()
    box.fill(query)
    started = time.perf_counter()
    box.press("Enter")
    page.locator("#pb-search-results > li").first.wait_for(timeout=30000)
    first_ms = (time.perf_counter() - started) * 1000
    wait_for_results(page)
    status = page.locator("#pb-search-status-line").text_content() or ""
    served, compressed, requests = traffic.served, traffic.compressed, len(traffic.requests)
    box.fill(second)
    started = time.perf_counter()
    box.press("Enter")
    page.locator("#pb-search-results > li").first.wait_for(timeout=30000)
    second_ms = (time.perf_counter() - started) * 1000
    context.close()
    return Measure(query, served, compressed, requests, status, first_ms, second_ms)


def number_query(out: Path) -> str | None:
    """Return the number of a legal document of the portal, to search it as people do."""
    numbers = [r.number for r in portal_records(out) if r.number]
    return next((n for n in numbers if "Đ" in n), numbers[0] if numbers else None)


def report(site: str, results: list[Measure]) -> None:
    """Print one site's measures as a table."""
    print(f"\n{site}")
    print(f"  {'query':<22} {'served':>9} {'gzip':>8} {'req':>4} {'first':>8} {'next':>7}  status")
    for m in results:
        flag = "" if m.served < BUDGET else "  > 300 KB"
        print(
            f"  {m.query[:22]:<22} {m.served / 1024:>7.0f}KB {m.compressed / 1024:>6.0f}KB "
            f"{m.requests:>4} {m.first_ms:>6.0f}ms {m.second_ms:>5.0f}ms  {m.status}{flag}"
        )


def main() -> None:
    """Build, serve and measure; print the tables and write them as JSON."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--pages",
        type=int,
        default=0,
        help="items of a synthetic portal (default: the sample portal)",
    )
    parser.add_argument("--agencies", type=int, default=70)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--out", type=Path, default=Path(__file__).resolve().parent / "out")
    args = parser.parse_args()

    work = Path(tempfile.mkdtemp(prefix="pbgdpl-search-"))
    if args.pages:
        root = generate_portal(
            work / "portal", agencies=args.agencies, items=args.pages, seed=args.seed
        ).root
    else:
        root = work / "portal"
        for name in ("content", "agencies", "theme", "mkdocs.yml", "build.py"):
            source = REPO / name
            (shutil.copytree if source.is_dir() else shutil.copy2)(source, root / name)
    out = work / "site"
    seconds = build(root, out)
    records = portal_records(out)
    agencies = sorted({r.site for r in records if r.site})
    agency = max(agencies, key=lambda s: sum(r.site == s for r in records))
    queries = list(QUERIES)
    number = number_query(out)
    if number:
        queries += [number, number.replace("Đ", "D"), f"nghi dinh {number.split('/')[0]}"]
    print(
        f"Portal: {len(records)} searchable pages, {len(agencies)} agencies; "
        f"built in {seconds:.1f} s"
    )
    figures: dict[str, object] = {"pages": len(records), "build_seconds": round(seconds, 1)}
    with serve(out) as (url, traffic), sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=shutil.which("chromium"), args=["--no-sandbox"]
        )
        for site, path in (
            ("national (whole portal)", "tim-kiem/"),
            (f"agency {agency}", f"{agency}/tim-kiem/"),
        ):
            results = [measure(browser, url + path, traffic, q, "pháp luật") for q in queries]
            report(site, results)
            figures[site] = [m.__dict__ for m in results]
        browser.close()
    args.out.mkdir(parents=True, exist_ok=True)
    target = args.out / f"search-{args.pages or 'sample'}.json"
    target.write_text(json.dumps(figures, ensure_ascii=False, indent=1) + "\n", "utf-8")
    print(f"\nJSON: {target}")
    shutil.rmtree(work)


if __name__ == "__main__":
    main()
