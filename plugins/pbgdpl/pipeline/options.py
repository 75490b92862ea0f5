"""What a build is asked to do (`BuildOptions`) and what it did (`BuildReport`).

Light on purpose: the command line reads them, and a build that finds nothing changed
(`first_look.py`) answers with a report, without importing the renderer.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from pbgdpl.model.diagnostics import Diagnostic, Severity
from pbgdpl.model.moment import BuildMoment
from pbgdpl.model.sites import site_key

if TYPE_CHECKING:
    from pbgdpl.pipeline.render import SiteResult


@dataclass(frozen=True)
class BuildOptions:
    """How to build: where from and to, for which date, which sites, how many processes."""

    root: Path
    out: Path
    moment: BuildMoment
    only: tuple[str, ...] = ()
    jobs: int = 0
    force: bool = False
    shard: tuple[int, int] | None = None
    keep_going: bool = False
    editor: bool = False
    """Also write the web editor into OUT/bien-tap/, served with the portal (its own CSP)."""

    @property
    def as_of(self) -> dt.date:
        """Return the day of the build's moment: legal status and listings are as of it."""
        return self.moment.date


@dataclass
class BuildReport:
    """What a build did: the diagnostics, each site rendered or skipped, and the time taken."""

    diagnostics: list[Diagnostic] = field(default_factory=list)
    rendered: list[SiteResult] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    # Agencies left out because their content has errors (--keep-going), with the errors.
    excluded: dict[str, list[Diagnostic]] = field(default_factory=dict)
    timings: dict[str, float] = field(default_factory=dict)
    # What the editors should know about the build, such as history read without Git.
    notices: list[str] = field(default_factory=list)
    # Pages left out because they took too long to render; the rest of their site is built.
    left_out: list[Diagnostic] = field(default_factory=list)

    def to_json(self) -> dict[str, object]:
        """Return the figures of the build: stage wall times and per-site work."""
        return {
            "timings": self.timings,
            "sites_rendered": len(self.rendered),
            "rebuilt": sorted(site_key(r.site) for r in self.rendered),
            "sites_skipped": len(self.skipped),
            # Pages rendered; the other pages of the sites rendered were kept as they were.
            "pages": sum(r.pages for r in self.rendered),
            "pages_kept": sum(r.kept for r in self.rendered),
            "rendered_pages": sorted(p for r in self.rendered for p in r.rendered_pages),
            "render_seconds": sum(r.seconds for r in self.rendered),
            "index_seconds": sum(r.index_seconds for r in self.rendered),
            "errors": sum(d.severity is Severity.ERROR for d in self.diagnostics),
            "excluded": sorted(self.excluded),
            "pages_left_out": sorted(d.path for d in self.left_out),
        }

    @property
    def failed(self) -> list[SiteResult]:
        """Return the sites whose rendering failed."""
        return [r for r in self.rendered if r.error]
