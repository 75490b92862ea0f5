"""The sites of the portal: the national portal, and one component site per agency.

A site is named by its agency's slug; the national portal's name is `NATIONAL`, "",
because its pages sit at the root of the portal. Where a name must not be empty (a
build-state key, a staging folder, a message), `site_key` and `site_label` give one.
"""

from __future__ import annotations

NATIONAL = ""
NATIONAL_KEY = "_portal"


def site_key(site: str) -> str:
    """Return a site's name in the build state and the staging folder: "_portal" or its slug."""
    return site or NATIONAL_KEY


def site_label(site: str) -> str:
    """Return how messages name a site: "cổng quốc gia" or the agency's slug."""
    return site or "cổng quốc gia"
