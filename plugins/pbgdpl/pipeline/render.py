"""Render one site with MkDocs into a staging folder; runs inside a worker process."""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass, field
from pathlib import Path

from mkdocs.commands.build import build
from mkdocs.config import load_config

from pbgdpl.site.structure import SiteContext


@dataclass(frozen=True)
class SiteResult:
    """What rendering one site produced: where, how long, and what MkDocs warned about."""

    site: str
    staging: Path
    seconds: float
    warnings: tuple[str, ...] = ()
    error: str | None = None
    pages: int = 0


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


def render_site(
    context: SiteContext, config_file: Path, empty_docs: Path, staging: Path
) -> SiteResult:
    """Build `context.site` into `staging`; never raise, report the error instead."""
    started = time.perf_counter()
    capture = _Capture()
    logger = logging.getLogger("mkdocs")
    logger.addHandler(capture)
    try:
        config = load_config(
            config_file=str(config_file), docs_dir=str(empty_docs), site_dir=str(staging)
        )
        plugin = config.plugins["pbgdpl/site"]
        plugin.bind(context)  # type: ignore[attr-defined]
        build(config)
        pages = len(plugin.records)  # type: ignore[attr-defined]
    except Exception as error:
        return SiteResult(
            context.site, staging, time.perf_counter() - started, tuple(capture.messages),
            error=f"{type(error).__name__}: {error}",
        )
    finally:
        logger.removeHandler(capture)
    return SiteResult(
        context.site, staging, time.perf_counter() - started, tuple(capture.messages),
        pages=pages,
    )
