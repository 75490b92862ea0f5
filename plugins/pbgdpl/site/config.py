"""Configuration of the site plugin."""

from __future__ import annotations

from mkdocs.config import config_options as opt
from mkdocs.config.base import Config

from pbgdpl.safety.render_clock import PAGE_SECONDS


class SiteConfig(Config):
    """Options of the `pbgdpl/site` plugin, set once for the portal in mkdocs.yml."""

    enabled = opt.Type(bool, default=True)
    """Render the site from the portal's catalog; off, MkDocs builds docs_dir as usual."""

    listing_page_size = opt.Type(int, default=30)
    """How many items a section listing shows on one page before the next page."""

    home_latest = opt.Type(int, default=4)
    """How many of the newest items of each section a home page shows."""

    page_seconds = opt.Type((int, float), default=PAGE_SECONDS)
    """How long one page may take to render; a slower page is left out, not its site."""
