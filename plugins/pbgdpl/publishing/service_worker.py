"""The service worker (`sw.js`) that lets a phone read saved pages without a network.

It is written at the root of the output, so its scope is the whole portal, and served from
the portal's own origin like every script (the Content-Security-Policy allows no other).
Its cache names carry a version made from the build's provenance (as-of date, source
commit, as in `manifest.json`) and the bytes of the shell it keeps, so every build that
changes them installs a new worker, which refreshes the pages a reader saved and drops the
old caches. With `offline_reading: false` in the portal settings the build writes the kill
switch instead: a worker that clears its caches and unregisters itself.
"""

from __future__ import annotations

import hashlib
import json
from importlib.resources import files
from pathlib import Path

from pbgdpl.publishing.manifest import Provenance
from pbgdpl.publishing.output import write_changed
from pbgdpl.site.structure import SAVED_URI

WORKER = "sw.js"
# The saved-pages page: search over what the phone holds, and where a page not yet saved
# sends the reader when there is no network.
SAVED_PAGE = SAVED_URI.removesuffix("index.md")
# What every page needs to show offline: the portal's frame, its scripts and icons.
SHELL = (
    f"{SAVED_PAGE}index.html",
    "assets/pbgdpl/portal.css",
    "assets/pbgdpl/print.css",
    "assets/pbgdpl/reading-tools.js",
    "assets/pbgdpl/offline.js",
    "assets/pbgdpl/logo.svg",
    "assets/pbgdpl/favicon.svg",
    "assets/pbgdpl/manifest.webmanifest",
)
TEMPLATES = files("pbgdpl.publishing")


def worker_version(out: Path, provenance: Provenance) -> str:
    """Return the build's version for cache names: provenance and the shell's bytes."""
    digest = hashlib.sha256(f"{provenance.as_of}:{provenance.source_commit}".encode())
    for name in SHELL:
        path = out / name
        digest.update(name.encode() + b"\0")
        digest.update(path.read_bytes() if path.is_file() else b"")
    return digest.hexdigest()[:16]


def render_worker(out: Path, provenance: Provenance, enabled: bool) -> str:
    """Return `sw.js`: the offline worker of this build, or the kill switch."""
    if not enabled:
        return TEMPLATES.joinpath("service-worker-off.js").read_text("utf-8")
    shell = [name.removesuffix("index.html") for name in SHELL if (out / name).is_file()]
    constants = (
        f"var VERSION = {json.dumps(worker_version(out, provenance))};\n"
        f"var SHELL = {json.dumps(shell)};\n"
        f"var SAVED_PAGE = {json.dumps(SAVED_PAGE)};\n"
    )
    return constants + TEMPLATES.joinpath("service-worker.js").read_text("utf-8")


def write_service_worker(out: Path, provenance: Provenance, enabled: bool) -> Path:
    """Write `sw.js` at the root of `out`; return its path."""
    return write_changed(out / WORKER, render_worker(out, provenance, enabled))
