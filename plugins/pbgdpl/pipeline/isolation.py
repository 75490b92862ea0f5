"""Keep one agency's broken content from taking down the others' sites."""

from __future__ import annotations

from pbgdpl.loading.portal import Portal
from pbgdpl.model.diagnostics import Diagnostic, Severity


def broken_agencies(portal: Portal) -> dict[str, list[Diagnostic]]:
    """Return each agency folder whose content has errors, with its errors."""
    broken: dict[str, list[Diagnostic]] = {}
    for diagnostic in portal.diagnostics:
        parts = diagnostic.path.split("/")
        if diagnostic.severity is Severity.ERROR and parts[0] == "agencies" and len(parts) > 1:
            broken.setdefault(parts[1], []).append(diagnostic)
    return broken
