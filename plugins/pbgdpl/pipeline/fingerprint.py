"""Fingerprints of a site's inputs: unchanged inputs mean the site need not be rebuilt."""

from __future__ import annotations

import hashlib
from importlib import metadata
from pathlib import Path
from typing import TYPE_CHECKING

from pbgdpl.model.sites import NATIONAL

if TYPE_CHECKING:
    # Only named: a build's first look (`first_look.py`) imports this module, not the catalog.
    from pbgdpl.catalog import Catalog

PACKAGES = ("mkdocs", "mkdocs-material", "markdown", "jinja2", "pyyaml")


def platform_fingerprint(root: Path) -> str:
    """Hash what every site depends on: mkdocs.yml, the theme, our code and library versions."""
    digest = hashlib.sha256()
    package_dir = Path(__file__).resolve().parent.parent
    paths = [root / "mkdocs.yml", root / "content" / "portal.yml"]
    paths += sorted(p for p in (root / "theme").rglob("*") if p.is_file())
    paths += sorted(p for p in package_dir.rglob("*") if p.suffix in (".py", ".yml"))
    for path in paths:
        digest.update(
            str(path.relative_to(root if path.is_relative_to(root) else package_dir)).encode()
        )
        digest.update(path.read_bytes() if path.is_file() else b"")
    for package in PACKAGES:
        digest.update(f"{package}={metadata.version(package)}".encode())
    return digest.hexdigest()


def registry_fingerprint(catalog: Catalog, reads: list[list[str]] | None) -> str:
    """Hash the catalog's answers to the questions a site's last render asked.

    A site never rendered (`reads` None) has no fingerprint that matches.
    """
    if reads is None:
        return "never rendered"
    return catalog.answers(tuple(query) for query in reads)


def _asset_stamp(root: Path, path: str) -> str:
    stat = (root / path).stat()
    return f"{path}:{stat.st_size}:{stat.st_mtime_ns}"


def site_fingerprint(site: str, catalog: Catalog, root: Path, platform: str, as_of: str) -> str:
    """Hash the inputs of one site, but for what its pages read of the legal registry.

    An agency site shows its own items, pages and assets; the national site shows
    every item's summary, so it changes whenever any item does. What any page reads of
    the registry (other sites' documents, their status) is hashed apart, from the
    questions its last render asked (`registry_fingerprint`).
    """
    digest = hashlib.sha256(f"{platform}\n{as_of}\n{site}\n".encode())
    digest.update(repr(catalog.settings).encode())
    # Every site's search page rewrites queries with the board's search dictionary.
    digest.update(repr(sorted(catalog.search_terms.items())).encode())
    if site == NATIONAL:
        digest.update(repr(sorted(catalog.agencies.items())).encode())
        for slug in sorted(catalog.items_by_site):
            for item in catalog.items_by_site[slug]:
                digest.update(
                    repr(
                        (
                            item.url,
                            item.title,
                            item.date,
                            item.description,
                            item.data.get("number"),
                            # The statistics pages sum each report's figures.
                            item.data.get("year"),
                            item.data.get("period"),
                            item.data.get("figures"),
                        )
                    ).encode()
                )
        # The follow-up dashboard dates each section by its items' Git history.
        digest.update(
            catalog.history.digest(
                i.path for items in catalog.items_by_site.values() for i in items
            ).encode()
        )
    else:
        digest.update(repr(catalog.agencies[site]).encode())
        digest.update(repr(catalog.items_by_site.get(site, ())).encode())
    digest.update(repr(catalog.pages_by_site.get(site, ())).encode())
    for asset in catalog.assets_by_site.get(site, ()):
        digest.update(_asset_stamp(root, asset.path).encode())
    return digest.hexdigest()
