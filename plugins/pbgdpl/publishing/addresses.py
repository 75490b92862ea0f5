"""Absolute public addresses of portal paths, for files read outside the portal (feeds …)."""

from __future__ import annotations

from urllib.parse import quote

from pbgdpl.model.settings import PortalSettings


def portal_base(settings: PortalSettings) -> str:
    """Return the portal's public address, always ending with a slash."""
    return settings.base_url.rstrip("/") + "/"


def public_url(settings: PortalSettings, path: str) -> str:
    """Return the public address of `path`, a path relative to the portal root.

    The path is percent-encoded, so a feed or a sitemap carries a valid address even for
    a file name that is not a slug.
    """
    return portal_base(settings) + quote(path.lstrip("/"), safe="/#")
