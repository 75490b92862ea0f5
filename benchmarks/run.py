"""Benchmark the portal build at national scale and print the figures issues 3 and 21 ask for.

    python benchmarks/run.py --pages 10000 [--agencies 70] [--stock both|prune|default|none]
    python benchmarks/run.py --pages 100000 --agencies 300 --shards 8

Generates a synthetic portal, builds it fully, measures an incremental rebuild after each
kind of edit (a body, a title, a legal document's metadata, an agency.yml, a new item, a
new agency, nothing) with the sites and pages it rendered again, checks that the result is
byte for byte a full build of the same input, then builds the same corpus with stock
MkDocs + Material as one site; prints a table and writes JSON.

With --shards N it simulates an N-runner CI matrix instead: `build --shard I/N` for each
shard one after another, then `assemble`, each with its time and peak memory.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import hashlib
import json
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import psutil
from generate import (
    add_agency,
    add_item,
    edit_agency,
    edit_item,
    expire_document,
    generate_portal,
    most_cited_document,
)

AS_OF = "2026-11-23"
HERE = Path(__file__).resolve().parent


@dataclass
class Run:
    """One measured command: wall time, peak memory of its process tree, and its report."""

    seconds: float
    peak_rss: int
    report: dict = field(default_factory=dict)
    # The memory really in use: each page shared by processes (a forked worker's copy of
    # its parent) counted once, in shares (PSS). The RSS sum counts it in each process.
    peak_pss: int = 0
    # Processor time of the command and every process it waited for: on a shared,
    # loaded machine it varies less than the wall time.
    cpu_seconds: float = 0.0


def _tree_total(process: psutil.Process, amount: Callable[[psutil.Process], int]) -> int:
    """Add up `amount` over `process` and every process below it."""
    total = 0
    for member in [process, *process.children(recursive=True)]:
        # A worker may exit between listing and reading it.
        with contextlib.suppress(psutil.Error):
            total += amount(member)
    return total


def _tree_rss(process: psutil.Process) -> int:
    return _tree_total(process, lambda member: member.memory_info().rss)


def _tree_pss(process: psutil.Process) -> int:
    return _tree_total(process, lambda member: member.memory_full_info().pss)


# PSS is read from /proc/<pid>/smaps_rollup, which costs more than RSS: every tenth sample.
PSS_EVERY = 10


def measure(command: list[str], cwd: Path, report: Path | None = None) -> Run:
    """Run `command`, sampling the RSS of its whole process tree every 20 ms (PSS every 0.2 s)."""
    started = time.perf_counter()
    used = resource.getrusage(resource.RUSAGE_CHILDREN)
    child = subprocess.Popen(command, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    process = psutil.Process(child.pid)
    peak = peak_pss = 0
    done = threading.Event()

    def sample() -> None:
        nonlocal peak, peak_pss
        samples = 0
        while not done.is_set():
            try:
                peak = max(peak, _tree_rss(process))
                if samples % PSS_EVERY == 0:
                    peak_pss = max(peak_pss, _tree_pss(process))
            except psutil.Error:
                return
            samples += 1
            done.wait(0.02)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    _, stderr = child.communicate()
    seconds = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = after.ru_utime + after.ru_stime - used.ru_utime - used.ru_stime
    done.set()
    sampler.join()
    if child.returncode not in (0,):
        sys.exit(f"{' '.join(command)} failed ({child.returncode}):\n{stderr.decode()[-3000:]}")
    loaded = json.loads(report.read_text("utf-8")) if report and report.is_file() else {}
    return Run(seconds, peak, loaded, cpu_seconds=cpu, peak_pss=peak_pss)


def build(
    portal: Path, out: Path, jobs: int, *, force: bool = False, shard: str | None = None
) -> Run:
    """Build the portal with build.py, as CI does."""
    report = portal / "report.json"
    command = [
        sys.executable,
        "build.py",
        "build",
        "--out",
        str(out),
        "--as-of",
        AS_OF,
        "--report",
        str(report),
    ]
    if jobs:
        command += ["--jobs", str(jobs)]
    if force:
        command.append("--force")
    if shard:
        command += ["--shard", shard]
    return measure(command, portal, report)


def tree_digests(root: Path) -> dict[str, str]:
    """Hash every file of a built portal but the build's cache of parsed files."""
    return {
        p.relative_to(root).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(root.rglob("*"))
        if p.is_file() and p.relative_to(root).parts[0] != ".pbgdpl-cache"
    }


def differences(one: Path, other: Path) -> list[str]:
    """Return the files that differ between two built portals (missing on one side included)."""
    first, second = tree_digests(one), tree_digests(other)
    return sorted(k for k in first.keys() | second.keys() if first.get(k) != second.get(k))


def html_sizes(site: Path) -> list[int]:
    """Return the size of every HTML page of the portal, search bundles excluded."""
    return [p.stat().st_size for p in site.rglob("*.html") if "pagefind" not in p.parts]


def folder_size(path: Path) -> int:
    """Return the bytes of every file under `path`."""
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file())


def _sent(path: Path) -> int:
    """Return the bytes a server sends for `path`: its Brotli copy when it has one."""
    copy = Path(f"{path}.br")
    return (copy if copy.is_file() else path).stat().st_size


def first_query_bytes(bundle: Path) -> int:
    """Estimate the bytes one Pagefind bundle sends for a first query, compressed.

    The browser loads pagefind.js, the entry file, the metadata, the WebAssembly, one
    index chunk and the fragments of the first results (here: the mean chunk and five
    mean fragments); `search_quality.py` measures it in a real browser.
    """
    fixed = [bundle / "pagefind.js", bundle / "pagefind-entry.json"]
    fixed += [*bundle.glob("*.pf_meta"), *bundle.glob("wasm.*.pagefind")]
    size = sum(_sent(p) for p in fixed)
    plain = (".br", ".gz")
    chunks = [_sent(p) for p in (bundle / "index").glob("*") if not p.name.endswith(plain)]
    fragments = [_sent(p) for p in (bundle / "fragment").glob("*") if not p.name.endswith(plain)]
    size += int(statistics.mean(chunks)) if chunks else 0
    size += 5 * int(statistics.mean(fragments)) if fragments else 0
    return size


def stock_build(portal: Path, work: Path, *, prune: bool) -> Run:
    """Build every item as one stock MkDocs + Material site (default navigation)."""
    docs = work / "docs"
    if not docs.exists():
        shutil.copytree(portal / "agencies", docs, ignore=shutil.ignore_patterns("*.yml"))
        (docs / "index.md").write_text("# Cổng PBGDPL\n", "utf-8")
    features = "\n    - navigation.prune" if prune else " []"
    (work / "mkdocs.yml").write_text(
        f"site_name: Stock\ntheme:\n  name: material\n  language: vi\n  features:{features}\n",
        "utf-8",
    )
    return measure([sys.executable, "-m", "mkdocs", "build", "-q", "-d", str(work / "site")], work)


def shard_simulation(portal: Path, work: Path, count: int, jobs: int) -> dict[str, object]:
    """Build every shard of `count` one after another, then assemble them; return figures."""
    shards = []
    for index in range(1, count + 1):
        out = work / f"shard-{index}"
        run = build(portal, out, jobs, force=True, shard=f"{index}/{count}")
        shard = {
            "shard": f"{index}/{count}",
            "seconds": round(run.seconds, 2),
            "cpu_seconds": round(run.cpu_seconds, 2),
            "peak_rss_mb": round(run.peak_rss / 2**20),
            "sites": run.report["sites_rendered"],
            "pages": run.report["pages"],
            "stages": {k: round(v, 2) for k, v in run.report["timings"].items()},
        }
        shards.append(shard)
        # As it goes: the whole simulation may take an hour on a shared machine.
        print(_shard_line(shard), flush=True)
    outs = [str(work / f"shard-{i}") for i in range(1, count + 1)]
    command = [sys.executable, "build.py", "assemble", *outs, "--out", str(work / "site")]
    assembled = measure(command, portal)
    print(
        f"assemble: {assembled.seconds:.2f} s, {assembled.cpu_seconds:.2f} s processor, "
        f"{round(assembled.peak_rss / 2**20)} MB",
        flush=True,
    )
    slowest = max(float(str(s["seconds"])) for s in shards)
    return {
        "shards": shards,
        "assemble_seconds": round(assembled.seconds, 2),
        "assemble_peak_rss_mb": round(assembled.peak_rss / 2**20),
        "matrix_seconds": round(slowest + assembled.seconds, 2),
    }


def _shard_line(shard: dict) -> str:
    stages = ", ".join(f"{k} {v} s" for k, v in shard["stages"].items())
    return (
        f"shard {shard['shard']}: {shard['seconds']} s ({shard['cpu_seconds']} s processor), "
        f"{shard['peak_rss_mb']} MB, {shard['sites']} sites, {shard['pages']} pages ({stages})"
    )


def print_shards(figures: dict) -> None:
    """Print the shard simulation: each shard, the assembly, the matrix's wall time."""
    simulation = figures["shard_simulation"]
    print(f"items / agencies: {figures['pages']} / {figures['agencies']}")
    for shard in simulation["shards"]:
        print(_shard_line(shard))
    print(f"assemble: {simulation['assemble_seconds']} s, {simulation['assemble_peak_rss_mb']} MB")
    print(
        f"as a matrix (slowest shard + assemble, runners in parallel): "
        f"{simulation['matrix_seconds']} s"
    )


def save_figures(figures: dict[str, object], target: Path) -> None:
    """Write the run's figures as JSON next to the others and say where."""
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(json.dumps(figures, ensure_ascii=False, indent=2) + "\n", "utf-8")
    print(f"\nJSON: {target}")


def main() -> None:
    """Run the benchmark and print its table."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--pages", type=int, default=1000, help="items in the synthetic portal")
    parser.add_argument("--agencies", type=int, default=70)
    parser.add_argument("--jobs", type=int, default=0, help="build processes (default: cores)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument(
        "--stock",
        choices=["both", "default", "prune", "none"],
        default=None,
        help="stock MkDocs runs (default: both up to 3,000 pages, else prune)",
    )
    parser.add_argument("--out", type=Path, default=HERE / "out")
    parser.add_argument(
        "--keep",
        action="store_true",
        help="keep the generated portal and the outputs (to look at them or time a step again)",
    )
    parser.add_argument(
        "--shards",
        type=int,
        default=0,
        help="simulate an N-runner matrix (build --shard I/N one after another, then assemble) "
        "instead of the full and incremental benchmark",
    )
    args = parser.parse_args()
    stock = args.stock or ("both" if args.pages <= 3000 else "prune")

    work = Path(tempfile.mkdtemp(prefix=f"pbgdpl-bench-{args.pages}-"))
    figures: dict[str, object] = {"pages": args.pages, "agencies": args.agencies}
    started = time.perf_counter()
    generated = generate_portal(
        work / "portal", agencies=args.agencies, items=args.pages, seed=args.seed
    )
    figures["generate_seconds"] = round(time.perf_counter() - started, 2)
    print(f"generated: {figures['generate_seconds']} s into {work}", flush=True)
    portal, site = generated.root, work / "site"
    if args.shards:
        figures["shard_simulation"] = shard_simulation(portal, work, args.shards, args.jobs)
        print_shards(figures)
        save_figures(figures, args.out / f"shards-{args.pages}-{args.shards}.json")
        _finish(work, args.keep)
        return

    full = build(portal, site, args.jobs, force=True)
    sizes = html_sizes(site)
    bundles = [p for p in site.rglob("pagefind") if (p / "pagefind-entry.json").is_file()]
    national_bundle = site / "pagefind"
    agency_bundle = max((b for b in bundles if b != national_bundle), key=folder_size)
    rendered_pages = full.report["pages"]
    figures["full"] = {
        "seconds": round(full.seconds, 2),
        "cpu_seconds": round(full.cpu_seconds, 2),
        "ms_per_item": round(1000 * full.seconds / args.pages, 2),
        "ms_per_page": round(1000 * full.seconds / rendered_pages, 2),
        "stages": {k: round(v, 2) for k, v in full.report["timings"].items()},
        "cpu_render_seconds": round(full.report["render_seconds"], 2),
        "cpu_index_seconds": round(full.report["index_seconds"], 2),
        "peak_rss_mb": round(full.peak_rss / 2**20),
        "peak_pss_mb": round(full.peak_pss / 2**20),
        "output_mb": round(folder_size(site) / 2**20, 1),
        "html_pages": len(sizes),
        "rendered_pages": rendered_pages,
        "html_kb_median": round(statistics.median(sizes) / 1024, 1),
        "html_kb_max": round(max(sizes) / 1024, 1),
        "search_index_mb": round(sum(folder_size(b) for b in bundles) / 2**20, 1),
        "search_bundles": len(bundles),
        "first_query_kb_agency": round(first_query_bytes(agency_bundle) / 1024),
        "first_query_kb_national": round(first_query_bytes(national_bundle) / 1024),
    }

    incremental = {}
    paths = generated.item_paths
    edits = {
        "edit_body": lambda: edit_item(paths[len(paths) // 2], title=False),
        "edit_title": lambda: edit_item(paths[len(paths) // 3], body=False),
        "edit_document_metadata": lambda: expire_document(
            most_cited_document(portal), dt.date.fromisoformat(AS_OF) - dt.timedelta(days=10)
        ),
        "edit_agency_yml": lambda: edit_agency(portal, generated.agencies[1]),
        "add_one_item": lambda: add_item(portal, generated.agencies[0], seed=args.seed + 1),
        "add_one_agency": lambda: add_agency(
            portal, "don-vi-moi", items=max(args.pages // args.agencies, 11), seed=args.seed + 2
        ),
        "no_change": lambda: None,
    }
    print(f"full build: {full.seconds:.2f} s, {full.cpu_seconds:.2f} s processor", flush=True)
    for name, edit in edits.items():
        edit()
        run = incremental[name] = build(portal, site, args.jobs)
        # As it goes: a long run on a shared machine may be stopped before the table.
        print(
            f"{name}: {run.seconds:.2f} s, {run.cpu_seconds:.2f} s processor, "
            f"{run.report['sites_rendered']} sites, {run.report['pages']} pages rendered, "
            f"{run.report.get('pages_kept', 0)} pages of those sites kept; stages: "
            + ", ".join(f"{k} {v:.2f} s" for k, v in run.report["timings"].items()),
            flush=True,
        )
    figures["incremental"] = {
        name: {
            "seconds": round(run.seconds, 2),
            "cpu_seconds": round(run.cpu_seconds, 2),
            "share_of_full": round(run.seconds / full.seconds, 3),
            "sites_rebuilt": run.report["sites_rendered"],
            "pages_rendered": run.report["pages"],
            "pages_kept": run.report.get("pages_kept", 0),
            "stages": {k: round(v, 2) for k, v in run.report["timings"].items()},
            "peak_rss_mb": round(run.peak_rss / 2**20),
            "peak_pss_mb": round(run.peak_pss / 2**20),
        }
        for name, run in incremental.items()
    }
    # Correctness first: the incremental builds must end where a full build of the same
    # input does, byte for byte.
    full_again = build(portal, work / "site-full", args.jobs, force=True)
    differing = differences(site, work / "site-full")
    figures["verify"] = {
        "full_seconds": round(full_again.seconds, 2),
        "identical": not differing,
        "differing_files": differing[:20],
        "differing_count": len(differing),
    }
    print(f"incremental output = full build: {not differing} ({len(differing)} differ)", flush=True)

    figures["stock"] = {}
    for variant in ("default", "prune"):
        if stock in (variant, "both"):
            run = stock_build(portal, work / "stock", prune=variant == "prune")
            figures["stock"][variant] = {  # type: ignore[index]
                "seconds": round(run.seconds, 2),
                "ratio": round(run.seconds / full.seconds, 1),
                "peak_rss_mb": round(run.peak_rss / 2**20),
                "html_kb_median": round(statistics.median(html_sizes(work / "stock/site")) / 1024),
            }
    print_table(figures)
    save_figures(figures, args.out / f"bench-{args.pages}.json")
    _finish(work, args.keep)


def _finish(work: Path, keep: bool) -> None:
    if keep:
        print(f"kept: {work}")
    else:
        shutil.rmtree(work)


def print_table(figures: dict) -> None:
    """Print the figures as a two-column table."""
    full = figures["full"]
    rows = [
        ("pages (items) / agencies", f"{figures['pages']} / {figures['agencies']}"),
        ("full build, wall / processor", f"{full['seconds']} s / {full['cpu_seconds']} s"),
        ("  ms per corpus page (item)", f"{full['ms_per_item']} ms"),
        (
            "  ms per rendered page",
            f"{full['ms_per_page']} ms ({full['rendered_pages']} pages, listings included)",
        ),
        *((f"  stage {k}", f"{v} s") for k, v in full["stages"].items()),
        (
            "  CPU in MkDocs / Pagefind",
            f"{full['cpu_render_seconds']} s / {full['cpu_index_seconds']} s",
        ),
        ("peak memory (process tree)", f"{full['peak_rss_mb']} MB"),
        ("  shared pages counted once (PSS)", f"{full['peak_pss_mb']} MB"),
        ("output size", f"{full['output_mb']} MB"),
        ("HTML per page median / max", f"{full['html_kb_median']} KB / {full['html_kb_max']} KB"),
        ("search index", f"{full['search_index_mb']} MB in {full['search_bundles']} bundles"),
        ("first query, one agency (est., sent)", f"{full['first_query_kb_agency']} KB"),
        ("first query, national (est., sent)", f"{full['first_query_kb_national']} KB"),
        *(
            (
                f"incremental: {k}",
                f"{v['seconds']} s = {100 * v['share_of_full']:.1f}% of full, "
                f"{v['cpu_seconds']} s processor "
                f"({v['sites_rebuilt']} sites, {v['pages_rendered']} pages rendered, "
                f"{v['pages_kept']} kept)",
            )
            for k, v in figures["incremental"].items()
        ),
        (
            "incremental output = full build",
            "yes, byte for byte"
            if figures["verify"]["identical"]
            else f"NO: {figures['verify']['differing_count']} files differ, e.g. "
            + ", ".join(figures["verify"]["differing_files"][:5]),
        ),
        *(
            (
                f"stock Material ({k})",
                f"{v['seconds']} s = {v['ratio']}× ours, {v['html_kb_median']} KB/page",
            )
            for k, v in figures["stock"].items()
        ),
    ]
    width = max(len(r[0]) for r in rows)
    for label, value in rows:
        print(f"{label.ljust(width)}  {value}")


if __name__ == "__main__":
    main()
