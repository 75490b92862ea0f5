"""Measure how well search answers citizens: the query set typed into the real search page.

    .venv/bin/python benchmarks/search_quality.py                    # sample, 3,000, 10,000
    .venv/bin/python benchmarks/search_quality.py --sizes sample 3000
    .venv/bin/python benchmarks/search_quality.py --sizes sample --offline --lighthouse
    .venv/bin/python benchmarks/search_quality.py --sizes sample --queries held-out

For each portal size it builds a portal into a temporary folder: the sample portal, or a
generated one (`benchmarks/generate.py OUT --agencies 70 --items N --seed S`, through its
command line) with the sample's agencies copied into it, so the expected pages exist at
every size. It serves the portal on 127.0.0.1 with the portal's own preview server
(`build.py serve`: the precompressed `.br`/`.gz` copies with Content-Encoding, as the CDN
and nginx deliver them), types each query of
`benchmarks/search-queries.yml` into the national search page in headless Chromium and
presses Enter, then reads the results as a reader sees them. Per class of query it prints:
the share of queries whose expected page is first (top-1) or in the first three (top-3),
the share with no result at all, the time from Enter to the results, and the bytes the
browser fetched meanwhile: transferred (compressed bodies and headers, as on the wire) and
uncompressed. The service worker's install (`sw.js` and the shell it caches, registered when
the page loads) runs in the background: its bytes are never counted in a query's and are
printed apart, with the share of them that came before the first results. The first query
of each class runs in a fresh browser (empty cache: Pagefind, its index and the lexicon
load); the others follow in the same tab, as a reader's next searches do.

`--queries` names the query sets to type (default: both), each reported apart: `ours`
(`benchmarks/search-queries.yml`, the set the ranking was tuned on) and `held-out`
(`benchmarks/search-queries-held-out.yml`, written before seeing how its queries rank and
never tuned on, an estimate of a set we have not seen).

`--keep DIR` keeps each built portal in DIR/<size>/ and, run again, searches it without
building it again (remove the folder after a change to the code or the theme). `--agency`
repeats the queries on the search page of the expected page's agency (the same ranking on a
smaller index). `--offline` searches the offline package of the agency with
the most expected pages, opened from file://. `--lighthouse` runs Lighthouse mobile on
/tim-kiem/?q=… (npm `lighthouse`, installed by benchmarks/quality.py's cache, with
Debian's Chromium) and prints its performance score, TBT and CLS. Figures are printed and
written as JSON, never asserted.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, BinaryIO
from urllib.parse import urlsplit

import yaml
from playwright.sync_api import Browser, Page, sync_playwright
from search import AS_OF, build, serve_with

from pbgdpl.model.sections import SECTIONS
from pbgdpl.publishing.preview import PreviewHandler

REPO = Path(__file__).resolve().parent.parent
QUERY_SETS = {
    # Our own set, the one the ranking was tuned on.
    "ours": Path(__file__).resolve().parent / "search-queries.yml",
    # Held out: written before seeing how they rank, never used to tune; an estimate of a
    # set we have not seen.
    "held-out": Path(__file__).resolve().parent / "search-queries-held-out.yml",
}
PORTAL_PARTS = ("content", "agencies", "theme", "mkdocs.yml", "build.py")


@dataclass(frozen=True)
class Response:
    """One response of the server: when, for whom, bytes on the wire and uncompressed."""

    at: float
    path: str
    by_worker: bool
    transferred: int
    plain: int


@dataclass
class Wire:
    """Every response the preview server sent since the last reset."""

    responses: list[Response] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def add(self, response: Response) -> None:
        with self.lock:
            self.responses.append(response)

    def reset(self) -> None:
        with self.lock:
            self.responses = []

    def page(self, until: float) -> tuple[int, int]:
        """Return the page's own bytes (transferred, uncompressed) sent up to `until`."""
        with self.lock:
            mine = [r for r in self.responses if not r.by_worker and r.at <= until]
        return sum(r.transferred for r in mine), sum(r.plain for r in mine)

    def worker(self, until: float) -> tuple[int, int]:
        """Return the service worker's bytes transferred: in all, and up to `until`."""
        with self.lock:
            mine = [r for r in self.responses if r.by_worker]
        return sum(r.transferred for r in mine), sum(r.transferred for r in mine if r.at <= until)


class CountingPreview(PreviewHandler):
    """The portal's preview server, counting what each response puts on the wire."""

    wire: Wire
    plain_size: int | None = None
    header_bytes: int = 0

    def send_head(self) -> BinaryIO | None:
        self.plain_size = None
        return super().send_head()

    def _send_file(self, original: Path, copy: Path, coding: str) -> BinaryIO | None:
        self.plain_size = original.stat().st_size
        return super()._send_file(original, copy, coding)

    def flush_headers(self) -> None:
        self.header_bytes = sum(len(line) for line in getattr(self, "_headers_buffer", []))
        super().flush_headers()

    def copyfile(self, source, outputfile) -> None:  # type: ignore[no-untyped-def]
        body = source.read()
        outputfile.write(body)
        # The worker's own script, and what it fetches (its address is their referrer).
        referrer = urlsplit(self.headers.get("Referer", "")).path
        by_worker = "Service-Worker" in self.headers or referrer.endswith("/sw.js")
        plain = len(body) if self.plain_size is None else self.plain_size
        self.wire.add(
            Response(
                time.perf_counter(),
                urlsplit(self.path).path,
                by_worker,
                self.header_bytes + len(body),
                self.header_bytes + plain,
            )
        )


@contextlib.contextmanager
def serve(folder: Path) -> Iterator[tuple[str, Wire]]:
    """Serve `folder` with the preview server on 127.0.0.1; yield its URL and its wire."""
    wire = Wire()
    with serve_with(folder, type("Handler", (CountingPreview,), {"wire": wire})) as url:
        yield url, wire


@dataclass
class Outcome:
    """One query as searched: where the expected page came, results, time and bytes.

    `transferred` and `plain` are the page's own bytes from Enter to the results (on the
    wire, and uncompressed); `worker` and `worker_before` the service worker's install
    bytes seen while this tab was open, and those of them sent before the results showed.
    """

    cls: str
    query: str
    rank: int | None
    results: int
    ms: float
    transferred: int
    plain: int
    cold: bool
    first: list[str] = field(default_factory=list)
    worker: int = 0
    worker_before: int = 0


def load_queries(name: str) -> dict[str, list[dict[str, Any]]]:
    """Return the query set `name` (a key of QUERY_SETS) by class."""
    found: dict[str, list[dict[str, Any]]] = yaml.safe_load(QUERY_SETS[name].read_text("utf-8"))
    return found


def sample_portal(target: Path) -> Path:
    """Copy the repository's sample portal into `target`."""
    for name in PORTAL_PARTS:
        source = REPO / name
        (shutil.copytree if source.is_dir() else shutil.copy2)(source, target / name)
    return target


def _number(path: Path) -> str | None:
    """Return the document number (so_ky_hieu) of a legal document's file, or None."""
    for line in path.read_text("utf-8").splitlines()[1:40]:
        if line.startswith("so_ky_hieu:"):
            return line.split(":", 1)[1].strip().strip('"')
        if line == "---":
            break
    return None


def generated_portal(target: Path, items: int, agencies: int, seed: int) -> Path:
    """Generate a portal of `items` items, then copy the sample's agencies into it.

    A sample agency replaces the generated files of the same name and keeps the others;
    its agency.yml keeps every section either side has.
    """
    subprocess.run(
        [
            sys.executable,
            str(REPO / "benchmarks" / "generate.py"),
            str(target),
            "--agencies",
            str(agencies),
            "--items",
            str(items),
            "--seed",
            str(seed),
        ],
        check=True,
        stdout=subprocess.DEVNULL,
    )
    # A legal document belongs to one agency: generated documents that share a number with
    # a sample document give way to it.
    numbers = {
        _number(path)
        for path in (REPO / "agencies").glob("*/van-ban-moi/*.md")
        if _number(path) is not None
    }
    for path in (target / "agencies").glob("*/van-ban-moi/*.md"):
        if _number(path) in numbers:
            path.unlink()
    for folder in sorted((REPO / "agencies").iterdir()):
        if not folder.is_dir():
            continue
        into = target / "agencies" / folder.name
        generated = into / "agency.yml"
        sections: list[str] = []
        if generated.is_file():
            sections = list(yaml.safe_load(generated.read_text("utf-8")).get("sections", []))
        shutil.copytree(folder, into, dirs_exist_ok=True)
        sample = yaml.safe_load((into / "agency.yml").read_text("utf-8"))
        wanted = {*sections, *sample.get("sections", [])}
        sample["sections"] = [s.slug for s in SECTIONS if s.slug in wanted]
        (into / "agency.yml").write_text(
            yaml.safe_dump(sample, allow_unicode=True, sort_keys=False), "utf-8"
        )
    return target


def wait_for_search(page: Page) -> None:
    """Wait until the search page has answered the query typed last."""
    page.wait_for_function(
        "() => { const l = document.getElementById('pb-search-results');"
        " const s = document.getElementById('pb-search-status-line');"
        " return l.getAttribute('aria-busy') === 'false' && s.textContent"
        " && !s.textContent.startsWith('Đang'); }",
        timeout=60000,
    )


def results_of(page: Page, root: str) -> list[str]:
    """Return the URLs of the results shown, relative to the portal's root."""
    links = page.locator("#pb-search-results > li h2 a").evaluate_all(
        "links => links.map(a => a.href)"
    )
    return [str(link).removeprefix(root) for link in links]


def count_of(page: Page) -> int:
    """Return how many results the page says it found."""
    status = page.locator("#pb-search-status-line").text_content() or ""
    if status.startswith("Không tìm thấy"):
        return 0
    return len(page.locator("#pb-search-results > li").all())


def type_query(page: Page, query: str) -> tuple[float, float]:
    """Type `query` into the search box, press Enter; return the ms until the results, and
    the moment they showed (perf_counter)."""
    box = page.locator("#pb-search-q")
    box.fill(query)
    started = time.perf_counter()
    box.press("Enter")
    page.wait_for_timeout(1)
    wait_for_search(page)
    shown = time.perf_counter()
    return (shown - started) * 1000, shown


def run_class(
    browser: Browser,
    url: str,
    wire: Wire,
    cls: str,
    cases: list[dict[str, Any]],
    path: str,
) -> list[Outcome]:
    """Search a class's queries in one fresh tab; the first query finds an empty cache."""
    context = browser.new_context(locale="vi-VN")
    page = context.new_page()
    # The worker's install starts when the page loads: count it from there, apart.
    wire.reset()
    page.goto(url + path, wait_until="load")
    loaded = [r for r in wire.responses if r.by_worker]
    outcomes = []
    for i, case in enumerate(cases):
        wire.reset()
        ms, shown = type_query(page, case["q"])
        transferred, plain = wire.page(shown)
        found = results_of(page, url)
        expected = set(case["expect"])
        rank = next((n for n, u in enumerate(found, 1) if u in expected), None)
        outcome = Outcome(
            cls, case["q"], rank, count_of(page), ms, transferred, plain, i == 0, found[:3]
        )
        if i == 0:
            # Let the background install finish before counting it.
            page.wait_for_timeout(1500)
            worker, before = wire.worker(shown)
            early = sum(r.transferred for r in loaded)
            outcome.worker, outcome.worker_before = worker + early, before + early
        outcomes.append(outcome)
    context.close()
    return outcomes


def share(part: int, whole: int) -> str:
    return f"{100 * part / whole:5.1f}%" if whole else "    -"


def report(title: str, outcomes: list[Outcome]) -> None:
    """Print per class and overall: top-1, top-3, zero results, times and bytes."""
    print(f"\n{title}")
    print("  KB: transferred (compressed, with headers) / uncompressed; medians")
    head = f"  {'class':<10} {'n':>3} {'top-1':>6} {'top-3':>6} {'zero':>6}"
    print(head + f" {'first ms':>9} {'next ms':>8} {'first KB':>9} {'plain KB':>9} {'next KB':>8}")
    classes = [*dict.fromkeys(o.cls for o in outcomes), "ALL"]
    for cls in classes:
        rows = [o for o in outcomes if cls in ("ALL", o.cls)]
        cold = [o for o in rows if o.cold]
        warm = [o for o in rows if not o.cold]
        top1 = sum(o.rank == 1 for o in rows)
        top3 = sum(o.rank is not None and o.rank <= 3 for o in rows)
        zero = sum(o.results == 0 for o in rows)

        def med(values: list[float]) -> float:
            return statistics.median(values) if values else 0.0

        print(
            f"  {cls:<10} {len(rows):>3} {share(top1, len(rows))} {share(top3, len(rows))} "
            f"{share(zero, len(rows))} {med([o.ms for o in cold]):>9.0f} "
            f"{med([o.ms for o in warm]):>8.0f} {med([o.transferred / 1024 for o in cold]):>9.0f} "
            f"{med([o.plain / 1024 for o in cold]):>9.0f} "
            f"{med([o.transferred / 1024 for o in warm]):>8.1f}"
        )
    cold = [o for o in outcomes if o.cold]
    if cold:
        worst = max(cold, key=lambda o: o.transferred)
        print(
            f"  first query, most bytes: {worst.transferred / 1024:.0f} KB transferred, "
            f"{worst.plain / 1024:.0f} KB uncompressed (“{worst.query}”)"
        )
        installs = [o for o in cold if o.worker]
        if installs:
            print(
                "  service worker install (background, not counted above): median "
                f"{statistics.median(o.worker for o in installs) / 1024:.0f} KB transferred, "
                f"of which {statistics.median(o.worker_before for o in installs) / 1024:.0f} KB "
                "before the first results showed"
            )
    misses = [o for o in outcomes if o.rank is None or o.rank > 3]
    for o in misses:
        print(f"    miss [{o.cls}] “{o.query}” → {', '.join(o.first) or 'no result'}")


def offline_outcomes(
    browser: Browser, site: Path, work: Path, queries: dict[str, list[dict[str, Any]]]
) -> tuple[str, list[Outcome]]:
    """Search the offline package of the agency most queries expect, opened from disk."""
    counts: dict[str, int] = {}
    for cases in queries.values():
        for case in cases:
            slug = case["expect"][0].split("/")[0]
            counts[slug] = counts.get(slug, 0) + 1
    slug = max(counts, key=lambda s: counts[s])
    package = work / "offline"
    package.mkdir(parents=True, exist_ok=True)
    archive = package / f"{slug}.zip"
    subprocess.run(
        [
            sys.executable,
            "build.py",
            "mirror",
            "--site",
            str(site),
            "--only",
            slug,
            "--out",
            str(archive),
            "--today",
            AS_OF,
        ],
        cwd=REPO,
        check=True,
        stdout=subprocess.DEVNULL,
    )
    shutil.unpack_archive(archive, package / "open")
    opened = next(p.parent for p in (package / "open").rglob("tim-kiem.html"))
    search_page = (opened / "tim-kiem.html").as_uri()
    outcomes = []
    context = browser.new_context(locale="vi-VN")
    page = context.new_page()
    for cls, cases in queries.items():
        for case in cases:
            if not all(u.startswith(f"{slug}/") for u in case["expect"]):
                continue
            started = time.perf_counter()
            page.goto(f"{search_page}?q={case['q']}")
            page.locator("[data-pb-offline-status]").wait_for()
            ms = (time.perf_counter() - started) * 1000
            root = opened.as_uri() + "/"
            links = page.locator("[data-pb-offline-results] a").evaluate_all(
                "links => links.map(a => a.href)"
            )
            found = [str(u).removeprefix(root).removesuffix("index.html") for u in links]
            rank = next((n for n, u in enumerate(found, 1) if u in case["expect"]), None)
            outcomes.append(Outcome(cls, case["q"], rank, len(found), ms, 0, 0, False, found[:3]))
    context.close()
    return slug, outcomes


def lighthouse(url: str) -> dict[str, float] | None:
    """Run Lighthouse mobile on `url`; return its performance score, TBT and CLS, or None."""
    from quality import CHROMIUM, ensure_npm_tools

    done = subprocess.run(
        [
            str(ensure_npm_tools() / "lighthouse"),
            url,
            "--quiet",
            "--only-categories=performance",
            "--output=json",
            "--output-path=stdout",
            "--chrome-flags=--headless=new --no-sandbox --disable-gpu",
        ],
        env={**os.environ, "CHROME_PATH": str(CHROMIUM)},
        capture_output=True,
        text=True,
        check=False,
        timeout=300,
    )
    if done.returncode != 0:
        print(f"  Lighthouse failed: {done.stderr.strip()[-300:]}")
        return None
    data = json.loads(done.stdout)
    audits = data["audits"]
    return {
        "performance": round(data["categories"]["performance"]["score"] * 100),
        "tbt_ms": round(audits["total-blocking-time"]["numericValue"]),
        "cls": round(audits["cumulative-layout-shift"]["numericValue"], 3),
    }


def search_set(
    browser: Browser,
    served: tuple[str, Wire],
    size: str,
    work: Path,
    name: str,
    queries: dict[str, list[dict[str, Any]]],
    args: argparse.Namespace,
) -> dict[str, Any]:
    """Type one query set into the national page (and, as asked, agency pages and the
    offline package); print its report and return its outcomes."""
    url, wire = served
    outcomes = [
        o
        for cls, cases in queries.items()
        for o in run_class(browser, url, wire, cls, cases, "tim-kiem/")
    ]
    report(f"[{name}] national search page ({size})", outcomes)
    figures: dict[str, Any] = {"national": [o.__dict__ for o in outcomes]}
    if args.agency:
        scoped = []
        for cls, cases in queries.items():
            for case in cases:
                slug = case["expect"][0].split("/")[0]
                if all(u.startswith(f"{slug}/") for u in case["expect"]):
                    scoped += run_class(browser, url, wire, cls, [case], f"{slug}/tim-kiem/")
        report(f"[{name}] agency search pages ({size})", scoped)
        figures["agency"] = [o.__dict__ for o in scoped]
    if args.offline:
        slug, offline = offline_outcomes(browser, work / "site", work / name, queries)
        report(f"[{name}] offline package of {slug}, from file:// ({size})", offline)
        figures["offline"] = [o.__dict__ for o in offline]
    return figures


def main() -> None:
    """Build each portal size, search the query set, print and save the figures."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", nargs="+", default=["sample", "3000", "10000"])
    parser.add_argument("--agencies", type=int, default=70)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--agency", action="store_true", help="also on agency pages")
    parser.add_argument("--offline", action="store_true", help="also the offline package")
    parser.add_argument("--lighthouse", action="store_true", help="Lighthouse mobile")
    parser.add_argument("--queries", nargs="+", choices=list(QUERY_SETS), default=list(QUERY_SETS))
    parser.add_argument("--out", type=Path, default=Path(__file__).resolve().parent / "out")
    parser.add_argument(
        "--keep",
        type=Path,
        help="keep each portal in KEEP/<size>/ and search one built there before",
    )
    args = parser.parse_args()
    sets = {name: load_queries(name) for name in args.queries}
    figures: dict[str, Any] = {}
    for size in args.sizes:
        if args.keep:
            work = args.keep / size
            work.mkdir(parents=True, exist_ok=True)
        else:
            work = Path(tempfile.mkdtemp(prefix=f"pbgdpl-quality-{size}-"))
        root = work / "portal"
        site = work / "site"
        if (site / "manifest.json").is_file():
            print(f"\n=== {size}: the portal built before in {site}")
        else:
            shutil.rmtree(root, ignore_errors=True)
            root.mkdir()
            if size == "sample":
                sample_portal(root)
            else:
                generated_portal(root, int(size), args.agencies, args.seed)
            seconds = build(root, site)
            print(f"\n=== {size}: built in {seconds:.0f} s")
        with serve(site) as (url, wire), sync_playwright() as playwright:
            browser = playwright.chromium.launch(
                executable_path=shutil.which("chromium"), args=["--no-sandbox"]
            )
            figures[size] = {}
            for name, queries in sets.items():
                figures[size][name] = search_set(
                    browser, (url, wire), size, work, name, queries, args
                )
            if args.lighthouse:
                scores = lighthouse(url + "tim-kiem/?q=%C4%91%E1%BA%A5t+%C4%91ai")
                print(f"\n  Lighthouse mobile /tim-kiem/?q=đất đai: {scores}")
                figures[size]["lighthouse"] = scores
            browser.close()
        if not args.keep:
            shutil.rmtree(work)
    args.out.mkdir(parents=True, exist_ok=True)
    target = args.out / "search-quality.json"
    target.write_text(json.dumps(figures, ensure_ascii=False, indent=1) + "\n", "utf-8")
    print(f"\nJSON: {target}")


if __name__ == "__main__":
    main()
