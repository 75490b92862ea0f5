"""Configuration of the search plugin."""

from __future__ import annotations

from mkdocs.config import config_options as opt
from mkdocs.config.base import Config


class SearchConfig(Config):
    """Options of the `pbgdpl/search` plugin, set once for the portal in mkdocs.yml."""

    enabled = opt.Type(bool, default=True)
    """Record what search should know about each page while its site renders."""
