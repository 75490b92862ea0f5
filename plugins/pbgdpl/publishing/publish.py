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
    items = items_with_pages(catalog, out)
    agencies, keys = None, {}
    if digests is not None and inputs is not None:
        keys = agency_keys(inputs.fingerprints, items)
        agencies = KeptInputs.open(digests.folder / AGENCIES, keys)
    kept = agencies.unchanged if agencies else None
    feeds = write_feeds(catalog, items, out, provenance.as_of, kept)
    legal = digests.folder / LEGAL_FEEDS if digests is not None and inputs is not None else None
    platform = inputs.platform if inputs is not None else ""
    feeds += write_legal_feeds(catalog, out, provenance.as_of, legal, platform)
    rows = KeptRows.open(digests.folder / ROWS, keys) if agencies and digests else None
    open_data = write_open_data(catalog, items, out, provenance.as_of, rows)
    open_data += write_agency_exports(catalog, out, provenance.as_of, kept)
    if agencies:
        agencies.done()
    # The output is listed once: the sitemap and the CDN rules read it, and the files
    # written after it are all at the top of the folder.
    listing = Listing.of(out)
    files = listing.names()
    sitemaps = write_sitemap(catalog, items, out, files)
    write_robots(catalog.settings, out)
    write_cdn_rules(out, editor_policy(catalog.settings.editor), files)
    write_service_worker(out, provenance, catalog.settings.offline_reading)
    listing.refresh_top()
    # After every other file, before the manifest, which lists the copies too.
    write_precompressed(out, listing)
    manifest = write_manifest(
        out, PORTAL_SCOPE, portal_base(catalog.settings), provenance, digests, listing
    )
    return Publication(feeds, open_data, sitemaps, manifest)
