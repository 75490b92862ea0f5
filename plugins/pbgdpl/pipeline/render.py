"""Render one site with MkDocs into a staging folder; runs inside a worker process."""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, cast

from mkdocs.commands.build import build
from mkdocs.config import load_config

from pbgdpl.catalog.reads import Query
from pbgdpl.pipeline.search_index import save_site_search
from pbgdpl.pipeline.theme_dirs import shallow_theme_dirs
from pbgdpl.publishing.compression import ENCODINGS
from pbgdpl.safety.render_clock import PageTooSlow
from pbgdpl.search.records import BUNDLE, RECORDS, SearchRecord, load_records
from pbgdpl.site.page_inputs import PageState, PreviousSite
from pbgdpl.site.structure import SiteContext

if TYPE_CHECKING:
    from pbgdpl.search.plugin import SearchPlugin
    from pbgdpl.site.plugin import SitePlugin


@dataclass(frozen=True)
class SiteResult:
    """What rendering one site produced: where, how long, and what MkDocs warned about."""

    site: str
    staging: Path
    seconds: float
    index_seconds: float = 0.0
    warnings: tuple[str, ...] = ()
    error: str | None = None
    pages: int = 0
    """The pages rendered; the others were kept from the last build (`kept`)."""
    kept: int = 0
    rendered_pages: tuple[str, ...] = ()
    """Where each rendered page is, relative to the output folder."""
    # The editor's file whose page took longer than the clock allows: the build leaves
    # that page out and renders the site again.
    too_slow: str | None = None
    # What its pages asked of the catalog and the legal registry (`pbgdpl.catalog.reads`).
    reads: tuple[Query, ...] = ()
    # What each page was made from (`pbgdpl.site.page_inputs`), for the next build.
    page_states: dict[str, PageState] = field(default_factory=dict)


@dataclass
class _Capture(logging.Handler):
    """Collect MkDocs' warnings for the site being built, instead of printing them."""

    messages: list[str] = field(default_factory=list)

    def __post_init__(self) -> None:
        super().__init__(logging.WARNING)

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())

    def __hash__(self) -> int:
        return id(self)


class _NotDirty(logging.Filter):
    """Drop MkDocs' warning about dirty builds: ours render into an empty folder."""

    def filter(self, record: logging.LogRecord) -> bool:
        return not record.getMessage().startswith("A 'dirty' build")


def _previous_records(out: Path, site: str, pages: dict[str, PageState]) -> dict[str, SearchRecord]:
    path = out / site / BUNDLE / RECORDS
    if not pages or not path.is_file():
        return {}
    try:
        return {r.url: r for r in load_records(path)}
    except (OSError, ValueError):
        return {}


def render_site(
    context: SiteContext,
    config_file: Path,
    empty_docs: Path,
    staging: Path,
    previous_search: Path | None = None,
    previous: tuple[Path, dict[str, PageState]] | None = None,
    salt: str = "",
) -> SiteResult:
    """Build `context.site` and its search index into `staging`; report errors, never raise.

    `previous_search` is the site's installed search bundle, if built by the same
    platform: its index is kept when the site's search records did not change.
    `previous` is the portal's output folder and what made each page the last build
    installed there: a page whose inputs did not change is copied, with its search
    record, instead of rendered (`pbgdpl.site.page_inputs`). `salt` hashes what every
    page depends on beyond the catalog.
    """
    started = time.perf_counter()
    rendered = started
    failure: str | None = None
    too_slow: str | None = None
    capture = _Capture()
    logger = logging.getLogger("mkdocs")
    logger.addHandler(capture)
    reads: tuple[Query, ...] = ()
    states: dict[str, PageState] = {}
    kept = 0
    rendered_pages: tuple[str, ...] = ()
    out, pages_before = previous or (Path(), {})
    old_records = _previous_records(out, context.site, pages_before)
    dirty = _NotDirty()
    logging.getLogger("mkdocs.commands.build").addFilter(dirty)
    try:
        config = load_config(
            config_file=str(config_file), docs_dir=str(empty_docs), site_dir=str(staging)
        )
        if context.site:
            config.theme.dirs = shallow_theme_dirs(
                config.theme.dirs, config.theme.custom_dir, empty_docs.parent / "_theme"
            )
        # MkDocs' registry types every plugin as BasePlugin; mkdocs.yml names ours.
        plugin = cast("SitePlugin", config.plugins["pbgdpl/site"])
        search = cast("SearchPlugin", config.plugins["pbgdpl/search"])
        with context.catalog.recording() as recorded:
            site = (
                PreviousSite(out, pages_before, frozenset(old_records), tuple(ENCODINGS.values()))
                if previous
                else None
            )
            plugin.bind(context, recorded, site, salt)
            # Dirty: MkDocs renders only the pages whose file is modified (`SiteFile`).
            build(config, dirty=True)
        states = plugin.page_states(search.searched)
        # A kept page asks what it asked last time: its answers are the same.
        asked = recorded.queries.union(*(state.queries for state in states.values()))
        reads = tuple(sorted(asked))
        kept_files = plugin.kept
        kept = len(kept_files)
        pages = len(states) - kept
        kept_uris = {f.src_uri for f in kept_files}
        rendered_pages = tuple(s.dest for uri, s in states.items() if uri not in kept_uris)
        records = list(search.records)
        for file in kept_files:
            url = states[file.src_uri].search
            if url is not None:
                records.append(old_records[url])
        rendered = time.perf_counter()
        site_root = staging / context.site if context.site else staging
        # An agency is indexed now; the national bundle covers every site, once all are in.
        save_site_search(
            records,
            site_root / BUNDLE,
            staging / "_search",
            index=bool(context.site),
            terms=context.catalog.search_terms,
            previous=previous_search,
        )
    except PageTooSlow as error:
        pages, failure, too_slow = 0, str(error), error.page
    except Exception as error:
        pages, failure = 0, f"{type(error).__name__}: {error}"
    finally:
        logger.removeHandler(capture)
        logging.getLogger("mkdocs.commands.build").removeFilter(dirty)
    return SiteResult(
        context.site,
        staging,
        rendered - started,
        time.perf_counter() - rendered,
        warnings=tuple(capture.messages),
        error=failure,
        pages=pages,
        too_slow=too_slow,
        reads=reads,
        kept=kept,
        rendered_pages=rendered_pages,
        page_states=states,
    )
