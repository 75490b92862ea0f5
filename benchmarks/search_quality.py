"""Measure how well search answers citizens: the query set typed into the real search page.

    .venv/bin/python benchmarks/search_quality.py                    # sample, 3,000, 10,000
    .venv/bin/python benchmarks/search_quality.py --sizes sample 3000
    .venv/bin/python benchmarks/search_quality.py --sizes sample --offline --lighthouse

For each portal size it builds a portal into a temporary folder: the sample portal, or a
generated one (`benchmarks/generate.py OUT --agencies 70 --items N --seed S`, through its
command line) with the sample's agencies copied into it, so the expected pages exist at
every size. It serves the portal on 127.0.0.1, types each query of
`benchmarks/search-queries.yml` into the national search page in headless Chromium and
presses Enter, then reads the results as a reader sees them. Per class of query it prints:
the share of queries whose expected page is first (top-1) or in the first three (top-3),
the share with no result at all, the time from Enter to the results, and the bytes the
browser fetched meanwhile (as served, and gzip as a CDN would send text). The first query
of each class runs in a fresh browser (empty cache: Pagefind, its index and the lexicon
load); the others follow in the same tab, as a reader's next searches do.

`--agency` repeats the queries on the search page of the expected page's agency (the same
ranking on a smaller index). `--offline` searches the offline package of the agency with
the most expected pages, opened from file://. `--lighthouse` runs Lighthouse mobile on
/tim-kiem/?q=… (npm `lighthouse`, installed by benchmarks/quality.py's cache, with
Debian's Chromium) and prints its performance score, TBT and CLS. Figures are printed and
written as JSON, never asserted.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from playwright.sync_api import Browser, Page, sync_playwright
from search import AS_OF, Traffic, build, serve

from pbgdpl.model.sections import SECTIONS

REPO = Path(__file__).resolve().parent.parent
QUERIES = Path(__file__).resolve().parent / "search-queries.yml"
PORTAL_PARTS = ("content", "agencies", "theme", "mkdocs.yml", "build.py")


@dataclass
class Outcome:
    """One query as searched: where the expected page came, results, time and bytes."""

    cls: str
    query: str
    rank: int | None
    results: int
    ms: float
    served: int
    compressed: int
    cold: bool
    first: list[str] = field(default_factory=list)


def load_queries() -> dict[str, list[dict[str, Any]]]:
    """Return the query set by class."""
    found: dict[str, list[dict[str, Any]]] = yaml.safe_load(QUERIES.read_text("utf-8"))
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


def type_query(page: Page, query: str) -> float:
    """Type `query` into the search box, press Enter; return the ms until the results."""
    box = page.locator("#pb-search-q")
    box.fill(query)
    started = time.perf_counter()
    box.press("Enter")
    page.wait_for_timeout(1)
    wait_for_search(page)
    return (time.perf_counter() - started) * 1000


def run_class(
    browser: Browser,
    url: str,
    traffic: Traffic,
    cls: str,
    cases: list[dict[str, Any]],
    path: str,
) -> list[Outcome]:
    """Search a class's queries in one fresh tab; the first query finds an empty cache."""
    context = browser.new_context(locale="vi-VN")
    page = context.new_page()
    page.goto(url + path, wait_until="load")
    outcomes = []
    for i, case in enumerate(cases):
        traffic.reset()
        ms = type_query(page, case["q"])
        found = results_of(page, url)
        expected = set(case["expect"])
        rank = next((n for n, u in enumerate(found, 1) if u in expected), None)
        outcomes.append(
            Outcome(
                cls,
                case["q"],
                rank,
                count_of(page),
                ms,
                traffic.served,
                traffic.compressed,
                i == 0,
                found[:3],
            )
        )
    context.close()
    return outcomes


def share(part: int, whole: int) -> str:
    return f"{100 * part / whole:5.1f}%" if whole else "    -"


def report(title: str, outcomes: list[Outcome]) -> None:
    """Print per class and overall: top-1, top-3, zero results, times and bytes."""
    print(f"\n{title}")
    head = f"  {'class':<10} {'n':>3} {'top-1':>6} {'top-3':>6} {'zero':>6}"
    print(head + f" {'first ms':>9} {'next ms':>8} {'first KB':>9} {'gzip KB':>8} {'next KB':>8}")
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
            f"{med([o.ms for o in warm]):>8.0f} {med([o.served / 1024 for o in cold]):>9.0f} "
            f"{med([o.compressed / 1024 for o in cold]):>8.0f} "
            f"{med([o.served / 1024 for o in warm]):>8.1f}"
        )
    cold = [o for o in outcomes if o.cold]
    if cold:
        worst = max(cold, key=lambda o: o.served)
        print(
            f"  first query, most bytes: {worst.served / 1024:.0f} KB served, "
            f"{worst.compressed / 1024:.0f} KB gzip (“{worst.query}”)"
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


def main() -> None:
    """Build each portal size, search the query set, print and save the figures."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", nargs="+", default=["sample", "3000", "10000"])
    parser.add_argument("--agencies", type=int, default=70)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--agency", action="store_true", help="also on agency pages")
    parser.add_argument("--offline", action="store_true", help="also the offline package")
    parser.add_argument("--lighthouse", action="store_true", help="Lighthouse mobile")
    parser.add_argument("--out", type=Path, default=Path(__file__).resolve().parent / "out")
    args = parser.parse_args()
    queries = load_queries()
    figures: dict[str, Any] = {}
    for size in args.sizes:
        work = Path(tempfile.mkdtemp(prefix=f"pbgdpl-quality-{size}-"))
        root = work / "portal"
        root.mkdir()
        if size == "sample":
            sample_portal(root)
        else:
            generated_portal(root, int(size), args.agencies, args.seed)
        site = work / "site"
        seconds = build(root, site)
        print(f"\n=== {size}: built in {seconds:.0f} s")
        with serve(site) as (url, traffic), sync_playwright() as playwright:
            browser = playwright.chromium.launch(
                executable_path=shutil.which("chromium"), args=["--no-sandbox"]
            )
            outcomes = [
                o
                for cls, cases in queries.items()
                for o in run_class(browser, url, traffic, cls, cases, "tim-kiem/")
            ]
            report(f"national search page ({size})", outcomes)
            figures[size] = {"national": [o.__dict__ for o in outcomes]}
            if args.agency:
                scoped = []
                for cls, cases in queries.items():
                    for case in cases:
                        slug = case["expect"][0].split("/")[0]
                        if all(u.startswith(f"{slug}/") for u in case["expect"]):
                            path = f"{slug}/tim-kiem/"
                            scoped += run_class(browser, url, traffic, cls, [case], path)
                report(f"agency search pages ({size})", scoped)
                figures[size]["agency"] = [o.__dict__ for o in scoped]
            if args.offline:
                slug, offline = offline_outcomes(browser, site, work, queries)
                report(f"offline package of {slug}, from file:// ({size})", offline)
                figures[size]["offline"] = [o.__dict__ for o in offline]
            if args.lighthouse:
                scores = lighthouse(url + "tim-kiem/?q=%C4%91%E1%BA%A5t+%C4%91ai")
                print(f"\n  Lighthouse mobile /tim-kiem/?q=đất đai: {scores}")
                figures[size]["lighthouse"] = scores
            browser.close()
        shutil.rmtree(work)
    args.out.mkdir(parents=True, exist_ok=True)
    target = args.out / "search-quality.json"
    target.write_text(json.dumps(figures, ensure_ascii=False, indent=1) + "\n", "utf-8")
    print(f"\nJSON: {target}")


if __name__ == "__main__":
    main()
