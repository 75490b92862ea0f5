"""Keep one agency's broken content from taking down the others' sites."""

from __future__ import annotations

from dataclasses import replace

from pbgdpl.diagnostics import Diagnostic, Severity
from pbgdpl.loading.portal import Portal


def broken_agencies(portal: Portal) -> dict[str, list[Diagnostic]]:
    """Return each agency folder whose content has errors, with its errors."""
    broken: dict[str, list[Diagnostic]] = {}
    for diagnostic in portal.diagnostics:
        parts = diagnostic.path.split("/")
        if diagnostic.severity is Severity.ERROR and parts[0] == "agencies" and len(parts) > 1:
            broken.setdefault(parts[1], []).append(diagnostic)
    return broken


def without_agencies(portal: Portal, excluded: set[str]) -> Portal:
    """Return the portal with the `excluded` agencies' sites, items, pages and assets left out."""
    return replace(
        portal,
        agencies={k: v for k, v in portal.agencies.items() if k not in excluded},
        items=[i for i in portal.items if i.agency not in excluded],
        pages=[p for p in portal.pages if p.site not in excluded],
        assets=[a for a in portal.assets if a.site not in excluded],
    )
