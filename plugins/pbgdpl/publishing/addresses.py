"""Absolute public addresses of portal paths, for files read outside the portal (feeds …)."""

from __future__ import annotations

from pbgdpl.model.settings import PortalSettings


def portal_base(settings: PortalSettings) -> str:
    """Return the portal's public address, always ending with a slash."""
    return settings.base_url.rstrip("/") + "/"


def public_url(settings: PortalSettings, path: str) -> str:
    """Return the public address of `path`, a path relative to the portal root."""
    return portal_base(settings) + path.lstrip("/")
