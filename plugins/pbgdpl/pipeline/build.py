"""Build the portal: every site rendered in parallel processes into one output tree."""

from __future__ import annotations

import datetime as dt
import multiprocessing
import os
import shutil
import time
import traceback
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, TypeVar, cast

from pbgdpl.catalog import Catalog, open_catalog
from pbgdpl.loading.parallel import forked_pool
from pbgdpl.model.diagnostics import Diagnostic, Severity
from pbgdpl.model.sites import NATIONAL, NATIONAL_KEY, site_key
from pbgdpl.pipeline.fingerprint import registry_fingerprint, site_fingerprint
from pbgdpl.pipeline.first_look import FirstLook
from pbgdpl.pipeline.isolation import broken_agencies
from pbgdpl.pipeline.options import BuildOptions, BuildReport
from pbgdpl.pipeline.render import SiteResult, render_site
from pbgdpl.pipeline.search_index import (
    NATIONAL_DOCUMENTS,
    SEARCH_INPUTS,
    KeptWork,
    index_portal,
    portal_search_inputs,
    restore_index,
    set_aside_index,
)
from pbgdpl.pipeline.shards import shard_sites
from pbgdpl.pipeline.unchanged import (
    Unchanged,
    forget_unchanged,
    moment_window,
    output_stamp,
    save_unchanged,
)
from pbgdpl.publishing.compression import ENCODINGS
from pbgdpl.publishing.file_digests import FileDigests
from pbgdpl.publishing.kept_inputs import BuildInputs
from pbgdpl.publishing.manifest import Provenance, published_for
from pbgdpl.publishing.output import MANIFEST, STATE_FILE, OutputTree
from pbgdpl.publishing.publish import FileRules, file_rules, publish_content, publish_files
from pbgdpl.search.records import BUNDLE
from pbgdpl.site.page_inputs import pages_from_json, pages_to_json
from pbgdpl.site.structure import SiteContext
from pbgdpl.validate import load_with_history
from pbgdpl.webeditor.admin import write_editor

T = TypeVar("T")
# Where the national site's install puts its last search index aside, inside staging.
KEPT_INDEX = "_national_index"


@dataclass(frozen=True)
class _Work:
    """What every worker needs to render a site, inherited through fork (never pickled)."""

    catalog: Catalog
    options: BuildOptions
    empty_docs: Path
    staging: Path
    # Sites whose installed search bundle was built by the same platform (code, theme,
    # libraries): its index may be copied when the site's records are the same.
    same_platform: frozenset[str]
    out: OutputTree
    platform: str


# Set in each worker process by the pool's initializer.
_work: _Work | None = None


def _init_worker(work: _Work) -> None:
    global _work
    _work = work


def _render_in_worker(site: str) -> SiteResult:
    assert _work is not None
    options = _work.options
    context = SiteContext(site, _work.catalog, options.root, options.as_of)
    previous = options.out / site / BUNDLE if site in _work.same_platform else None
    # A forced build trusts no page it kept (its cache is gone, and the pages' record).
    pages = pages_from_json(_work.out.load_pages(site_key(site)))
    return render_site(
        context,
        options.root / "mkdocs.yml",
        _work.empty_docs,
        _work.staging / site_key(site),
        previous_search=previous,
        previous=(options.out, pages),
        salt=f"{_work.platform}\n{options.as_of.isoformat()}",
    )


def _render_all(sites: list[str], work: _Work) -> Iterator[SiteResult]:
    jobs = work.options.jobs or os.cpu_count() or 1
    if jobs == 1 or len(sites) <= 1:
        _init_worker(work)
        yield from map(_render_in_worker, sites)
        return
    # fork: workers inherit the loaded catalog and imported MkDocs instead of starting afresh.
    with forked_pool(min(jobs, len(sites)), _init_worker, (work,)) as pool:
        yield from pool.map(_render_in_worker, sites)


def _slow_page(path: str) -> Diagnostic:
    return Diagnostic(
        path,
        1,
        "page-too-slow",
        Severity.ERROR,
        "Trang của tệp này dựng quá thời gian cho phép mỗi trang nên chưa được đăng; các trang "
        "khác vẫn được đăng. Thường do định dạng lặp lại rất nhiều lần (dấu <, \\, `, bảng, "
        "danh sách lồng nhau): chia bài hoặc bỏ phần định dạng lặp lại "
        "(page left out: too slow to render).",
    )


def _render_leaving_out_slow_pages(
    sites: list[str], work: _Work
) -> tuple[list[SiteResult], dict[str, str]]:
    """Render `sites`; a page too slow to render is left out and its site rendered again.

    Each round leaves out the pages that ran out of time and renders their sites again,
    with the national site, whose listings may show them. It ends, because each round
    leaves out at least one more page. Returns the results and the pages left out, each
    with its site.
    """
    results = {r.site: r for r in _render_all(sites, work)}
    left_out: dict[str, str] = {}
    while slow := {r.too_slow: r.site for r in results.values() if r.too_slow}:
        left_out.update(slow)
        work = replace(work, catalog=work.catalog.without_pages(set(left_out)))
        again = [site for site in sites if site in {*slow.values(), NATIONAL}]
        for site in again:
            shutil.rmtree(work.staging / site_key(site), ignore_errors=True)
        results.update((r.site, r) for r in _render_all(again, work))
    return list(results.values()), left_out


def _timed(report: BuildReport, stage: str, step: Callable[[], T]) -> T:
    started = time.perf_counter()
    result = step()
    report.timings[stage] = report.timings.get(stage, 0.0) + time.perf_counter() - started
    return result


def _plan(
    catalog: Catalog,
    options: BuildOptions,
    platform: str,
    state: dict[str, dict[str, Any]],
    report: BuildReport,
) -> tuple[list[str], dict[str, str]]:
    """Return the sites whose inputs changed since the last build, and their fingerprints.

    A fingerprint here leaves out what the site reads of the legal registry: that part is
    compared through the questions its last render asked (`registry_fingerprint`).
    """
    if options.shard:
        wanted = shard_sites(catalog, *options.shard)
    else:
        wanted = [NATIONAL, *(s for s in options.only or catalog.agencies if s in catalog.agencies)]
    fingerprints = {
        site: site_fingerprint(site, catalog, options.root, platform, options.as_of.isoformat())
        + catalog.history.digest(i.path for i in catalog.item_pages(site))
        for site in wanted
    }
    to_render = []
    for site, fingerprint in fingerprints.items():
        previous = state.get(site_key(site), {})
        installed = (options.out / site).is_dir() if site else bool(previous.get("entries"))
        registry = registry_fingerprint(catalog, previous.get("reads"))
        if previous.get("inputs") == f"{fingerprint}:{registry}" and installed:
            report.skipped.append(site)
        else:
            to_render.append(site)
    return largest_first(to_render, catalog), fingerprints


def largest_first(sites: list[str], catalog: Catalog) -> list[str]:
    """Order `sites` for rendering: the largest first, so that no process is left alone
    with a big site at the end. The national site, which lists every item (1,600 pages at
    10,000 items), comes first; then the agencies by their items."""
    return sorted(sites, key=lambda s: (s != NATIONAL, -len(catalog.items(s))))


def _install(
    results: list[SiteResult],
    catalog: Catalog,
    out: OutputTree,
    state: dict[str, dict[str, Any]],
    fingerprints: dict[str, str],
    platform: str,
) -> None:
    """Move every site that rendered well into the output tree and record its inputs."""
    for result in results:
        if result.error:
            continue
        reads = [list(query) for query in result.reads]
        inputs = f"{fingerprints[result.site]}:{registry_fingerprint(catalog, reads)}"
        record = {"inputs": inputs, "reads": reads, "platform": platform}
        # Between the two, the site's pages are the new ones: no record of the old ones
        # may outlive them if the build stops there.
        out.forget_pages(site_key(result.site))
        if result.site == NATIONAL:
            national = state.get(NATIONAL_KEY, {})
            record["entries"] = out.install_national(
                national.get("entries", []), tuple(ENCODINGS.values())
            )
            if "search" in national:
                record["search"] = national["search"]
            state[NATIONAL_KEY] = record
        else:
            out.install_agency(result.site)
            state[result.site] = record
        out.save_pages(site_key(result.site), pages_to_json(result.page_states))


@dataclass(frozen=True)
class _SitesBuilt:
    """What the first part of a build (`_build_sites`) leaves to the rest (`_finish`)."""

    report: BuildReport
    state: dict[str, dict[str, Any]] | None = None
    """What built each site, saved once the national index is built; None: the build stopped."""
    platform: str = ""
    national: str | None = None
    """The national index's inputs, when the index must be built again."""
    national_reuse: bool = False
    """Whether the last national index may give the files that come out the same."""
    rules: FileRules | None = None
    """What publishing the files needs, when the portal is published again."""
    window: tuple[dt.datetime | None, ...] | None = None
    """When the output stops being current (`moment_window`), if it may be kept."""


def build_portal(options: BuildOptions, looked: FirstLook) -> BuildReport:
    """Load, check and render the portal into `options.out`; only changed sites are rebuilt.

    `looked` is the build's first look (`first_look.py`), which found something changed.
    The sites are rendered and the feeds written in a process forked for them, which ends
    before the national index is built: Pagefind's run over every page, the build's
    largest, then shares the machine with no copy of the portal (at 10,000 items, 600 MB).
    """
    built = _in_child(_build_sites, options, looked)
    if built.state is None:
        return built.report
    return _finish(options, looked, built)


def _in_child(step: Callable[[BuildOptions, FirstLook], T], *args: Any) -> T:
    """Return `step(*args)`, run in a process forked from this one, which then ends."""
    context = multiprocessing.get_context("fork")
    receive, send = context.Pipe(duplex=False)

    def run() -> None:
        try:
            answer: tuple[bool, object] = (True, step(*args))
        except BaseException as error:  # handed to the parent, which raises it
            answer = (False, error)
        try:
            send.send(answer)
        except Exception:  # an error that cannot be pickled: its text
            send.send((False, RuntimeError(traceback.format_exc())))

    child = context.Process(target=run, name="pbgdpl-build-sites")
    child.start()
    send.close()
    try:
        done, value = receive.recv()
    except EOFError:
        raise RuntimeError("Quá trình dựng các trang dừng giữa chừng (build died).") from None
    finally:
        child.join()
    if not done:
        raise value
    return cast(T, value)


def _build_sites(options: BuildOptions, looked: FirstLook) -> _SitesBuilt:
    """Load, check and render the changed sites, install them and write the feeds."""
    report = looked.report
    platform, first_build = looked.platform, looked.first_build
    cache = OutputTree(options.out).cache
    if options.force:
        # A forced build trusts nothing it kept: every file is parsed again, then kept.
        shutil.rmtree(cache, ignore_errors=True)
    forget_unchanged(cache)
    portal, history = _timed(
        report, "load", lambda: load_with_history(options.root, cache_dir=cache)
    )
    report.diagnostics = portal.diagnostics
    report.excluded = broken_agencies(portal)
    errors = [d for d in portal.diagnostics if d.severity is Severity.ERROR]
    platform_errors = [d for d in errors if not d.path.startswith(("agencies/", "content/"))]
    if portal.settings is None or (errors and not options.keep_going) or platform_errors:
        # Nothing is published from content with errors; every error is reported at once.
        # A broken platform file (mkdocs.yml) stops even a --keep-going build. A first
        # build that stops leaves no output folder, not even the parse cache.
        if first_build:
            shutil.rmtree(options.out, ignore_errors=True)
        return _SitesBuilt(report)
    # --keep-going: each broken agency keeps the pages it had; the national site's broken
    # pages are left out one by one.
    catalog = _timed(
        report,
        "catalog",
        lambda: open_catalog(portal, options.moment, set(report.excluded), history),
    )
    if catalog.history.notice:
        report.notices.append(catalog.history.notice)
    for slug in options.only:
        if slug not in catalog.agencies:
            report.diagnostics.append(
                Diagnostic(
                    "agencies",
                    1,
                    "unknown-agency",
                    Severity.ERROR,
                    f'Không có trang thành phần "{slug}" trong thư mục agencies/.',
                )
            )
    # The replaced folders are removed by the process that goes on (`_finish`).
    out = OutputTree(options.out, remove_replaced=False)
    out.prepare()
    # A forced build trusts nothing the last one recorded, but still removes its sites
    # that no longer exist.
    recorded = out.load_state()
    state = {} if options.force else recorded
    to_render, fingerprints = _plan(catalog, options, platform, state, report)
    empty_docs = out.staging / "_empty"
    empty_docs.mkdir()
    # Built before the workers fork, so that each inherits them instead of building its own.
    _timed(report, "catalog", lambda: catalog.reliance)
    same_platform = frozenset(
        s for s in to_render if state.get(site_key(s), {}).get("platform") == platform
    )
    # The national index's files that come out the same are kept with their compressed
    # copies, if the last build was made by the same code (same compression).
    national_reuse = state.get(NATIONAL_KEY, {}).get("platform") == platform
    work = _Work(catalog, options, empty_docs, out.staging, same_platform, out, platform)
    report.rendered, left_out = _timed(
        report, "render+index", lambda: _render_leaving_out_slow_pages(to_render, work)
    )
    report.left_out = [_slow_page(path) for path in sorted(left_out)]
    for site in {*left_out.values(), NATIONAL} if left_out else ():
        # A site published without one of its pages is rendered again by the next build.
        fingerprints[site] = ""
    # The national site's new pages replace its search folder: its index is kept aside,
    # to be put back if every site's records are the same.
    kept_index = out.staging / KEPT_INDEX
    if not options.shard:
        set_aside_index(options.out / BUNDLE, kept_index)
    _timed(
        report,
        "install",
        lambda: _install(report.rendered, catalog, out, state, fingerprints, platform),
    )
    gone: list[str] = []
    if not options.only and not options.shard:
        gone = [
            k
            for k in recorded
            if k != NATIONAL_KEY and k not in catalog.agencies and k not in report.excluded
        ]
        for key in gone:
            out.remove_site(key)
            state.pop(key, None)
    national = None
    if not options.shard and NATIONAL_KEY in state:
        # The national bundle searches every site: rebuilt when any site's records changed.
        inputs = f"{platform}:{portal_search_inputs(options.out)}"
        unchanged = state[NATIONAL_KEY].get("search") == inputs
        if not (unchanged and restore_index(kept_index, options.out / BUNDLE)):
            national = inputs
    # Feeds, sitemap, open data and the manifest cover every site, rebuilt or kept.
    provenance = Provenance.of_build(
        options.root, options.as_of, catalog.settings.mirror_expiry_days
    )
    if options.editor:
        # Before publishing: the CDN rules give its folder its own policy, the manifest
        # lists its files.
        _timed(report, "editor", lambda: write_editor(options.root, options.out))
    rules = None
    if options.editor or report.rendered or gone or not published_for(options.out, provenance):
        rules = file_rules(catalog, provenance)
        _timed(
            report,
            "publish",
            lambda: publish_content(
                catalog,
                options.out,
                provenance,
                out.cache,
                BuildInputs(
                    platform,
                    {site: fingerprints[site] for site in catalog.agencies if site in fingerprints},
                ),
            ),
        )
    window = None
    if not report.failed and not report.left_out:
        window = moment_window(portal.items, options.moment)
    return _SitesBuilt(report, state, platform, national, national_reuse, rules, window)


def _finish(options: BuildOptions, looked: FirstLook, built: _SitesBuilt) -> BuildReport:
    """Build the national index if it must be, record the build, publish the files."""
    report, state, platform = built.report, built.state, built.platform
    assert state is not None
    out = OutputTree(options.out)
    out.remove_replaced_later()
    if built.national is not None:
        kept_index = out.staging / KEPT_INDEX
        _timed(
            report,
            "search",
            lambda: index_portal(
                options.out,
                out.staging / "_search",
                KeptWork(
                    out.cache / NATIONAL_DOCUMENTS,
                    platform,
                    kept_index if built.national_reuse else None,
                    out.cache / SEARCH_INPUTS,
                    set_aside=True,
                ),
            ),
        )
        state[NATIONAL_KEY]["search"] = built.national
    out.save_state(state)
    out.finish()
    if built.rules is not None:
        rules = built.rules
        # Read once the national index is built: not held beside Pagefind (76 MB at
        # 10,000 items).
        digests = FileDigests.open(out.cache)
        _timed(report, "publish", lambda: publish_files(options.out, rules, digests))
    if built.window is not None:
        since, until = built.window
        sources = looked.sources
        record = Unchanged(
            sources.digest,
            options.as_of,
            since,
            until,
            output_stamp(options.out, (STATE_FILE, MANIFEST)),
            tuple(report.diagnostics),
            tuple(report.notices),
            tuple(report.skipped) + tuple(r.site for r in report.rendered),
            report.excluded,
            context=sources.context,
            stamps=sources.stamps,
        )
        save_unchanged(out.cache, record)
    return report
