"""Write the portal-wide files once every site is in place; the manifest last."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from pbgdpl.catalog import Catalog
from pbgdpl.publishing.addresses import portal_base
from pbgdpl.publishing.agency_export import write_agency_exports
from pbgdpl.publishing.compression import write_precompressed
from pbgdpl.publishing.feeds import write_feeds
from pbgdpl.publishing.file_digests import FileDigests
from pbgdpl.publishing.headers import write_cdn_rules
from pbgdpl.publishing.kept_inputs import (
    AGENCIES,
    LEGAL_FEEDS,
    BuildInputs,
    KeptInputs,
    agency_keys,
)
from pbgdpl.publishing.legal_feeds import write_legal_feeds
from pbgdpl.publishing.manifest import (
    PORTAL_SCOPE,
    Listing,
    Manifest,
    Provenance,
    published_names,
    write_manifest,
)
from pbgdpl.publishing.opendata import ROWS, KeptRows, write_open_data
from pbgdpl.publishing.published import items_with_pages
from pbgdpl.publishing.service_worker import write_service_worker
from pbgdpl.publishing.sitemap import write_robots, write_sitemap
from pbgdpl.webeditor.security import editor_policy


@dataclass(frozen=True)
class Publication:
    """What publishing wrote: feeds, open data, sitemaps, rules, and the manifest."""

    feeds: list[Path]
    open_data: list[Path]
    sitemaps: list[Path]
    manifest: Manifest


@dataclass(frozen=True)
class FileRules:
    """What publishing the output's files needs of the portal, once its pages and feeds are
    written: the rules, compressed copies and manifest read only these and the files."""

    provenance: Provenance
    base: str
    """The portal's address (`portal_base`)."""
    editor_policy: str


def publish_portal(
    catalog: Catalog,
    out: Path,
    provenance: Provenance,
    digests: FileDigests | None = None,
    inputs: BuildInputs | None = None,
) -> Publication:
    """Write feeds, open data, sitemaps, CDN rules, `sw.js`, compressed copies, then the manifest.

    Everything is derived from the catalog and the pages present in `out`, so a full
    build, an incremental one and an assembly of shards write the same bytes. With
    `digests` (kept by a build, not by an assembly that is deployed as it is), the
    manifest hashes only the files that changed; with the build's `inputs` as well, the
    feeds and exports whose inputs are those they were written from are left as they
    are (`KeptInputs`).
    """
    feeds, open_data, sitemaps = publish_content(
        catalog, out, provenance, digests.folder if digests is not None else None, inputs
    )
    manifest = publish_files(out, file_rules(catalog, provenance), digests)
    return Publication(feeds, open_data, sitemaps, manifest)


def file_rules(catalog: Catalog, provenance: Provenance) -> FileRules:
    """Return what `publish_files` needs of the portal's settings."""
    settings = catalog.settings
    return FileRules(provenance, portal_base(settings), editor_policy(settings.editor))


def publish_content(
    catalog: Catalog,
    out: Path,
    provenance: Provenance,
    kept: Path | None = None,
    inputs: BuildInputs | None = None,
) -> tuple[list[Path], list[Path], list[Path]]:
    """Write what the catalog gives: feeds, open data, exports, sitemaps, `robots.txt`, `sw.js`.

    None of it depends on the search bundles. `kept` is the build's folder of kept
    digests and inputs (`FileDigests.folder`). Return the feeds, open data and sitemaps.
    """
    items = items_with_pages(catalog, out)
    agencies, keys = None, {}
    if kept is not None and inputs is not None:
        keys = agency_keys(inputs.fingerprints, items)
        agencies = KeptInputs.open(kept / AGENCIES, keys)
    unchanged = agencies.unchanged if agencies else None
    feeds = write_feeds(catalog, items, out, provenance.as_of, unchanged)
    legal = kept / LEGAL_FEEDS if kept is not None and inputs is not None else None
    platform = inputs.platform if inputs is not None else ""
    feeds += write_legal_feeds(catalog, out, provenance.as_of, legal, platform)
    rows = KeptRows.open(kept / ROWS, keys) if agencies and kept else None
    open_data = write_open_data(catalog, items, out, provenance.as_of, rows)
    open_data += write_agency_exports(catalog, out, provenance.as_of, unchanged)
    if agencies:
        agencies.done()
    sitemaps = write_sitemap(catalog, items, out, published_names(out))
    write_robots(catalog.settings, out)
    write_service_worker(out, provenance, catalog.settings.offline_reading)
    return feeds, open_data, sitemaps


def publish_files(out: Path, rules: FileRules, digests: FileDigests | None = None) -> Manifest:
    """Write the CDN rules and the compressed copies of `out`'s files, then its manifest.

    The output is listed once: the rules and the copies read the listing, and the manifest
    lists the copies too. With `digests`, the manifest hashes only the files that changed.
    """
    listing = Listing.of(out)
    write_cdn_rules(out, rules.editor_policy, listing.names())
    listing.refresh_top()
    write_precompressed(out, listing)
    return write_manifest(out, PORTAL_SCOPE, rules.base, rules.provenance, digests, listing)
