"""Compressed copies of the theme's assets kept between builds, by content.

The theme's scripts and styles and Pagefind's WebAssembly get Brotli's best level, which
costs about a second and a half a build for files that are the same in every build of a
version: a first build of an output folder (a preview, a forced build, a fresh CI
runner with its cache restored) compressed them all again. Their copies are kept in the
user's cache, named after the file's content and the compression's settings, and are
used only when they decompress to the file's bytes: a damaged copy is made again, never
published.
"""

from __future__ import annotations

import gzip
import hashlib
import os
import tempfile
from pathlib import Path

import brotli

# The copies of one file: (ending, compressed bytes), as `compression._encodings` gives.
Copies = list[tuple[str, bytes]]


def cache_folder() -> Path:
    """Return where the copies are kept: `$XDG_CACHE_HOME/pbgdpl/compressed`."""
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "pbgdpl" / "compressed"


def _name(data: bytes, settings: str) -> str:
    digest = hashlib.sha256(data)
    digest.update(f"\n{settings}\nbrotli {brotli.__version__}".encode())
    return digest.hexdigest()


def load(data: bytes, settings: str, endings: tuple[str, ...]) -> Copies | None:
    """Return the kept copies of `data` made with `settings`, if whole and right."""
    folder = cache_folder() / _name(data, settings)
    try:
        copies = [(ending, (folder / ending.lstrip(".")).read_bytes()) for ending in endings]
    except OSError:
        return None
    for ending, body in copies:
        try:
            plain = brotli.decompress(body) if ending == ".br" else gzip.decompress(body)
        except (brotli.error, OSError, EOFError):
            return None
        if plain != data:
            return None
    return copies


def save(data: bytes, settings: str, copies: Copies) -> None:
    """Keep `copies` of `data`; a cache that cannot be written is only a slower next build."""
    folder = cache_folder() / _name(data, settings)
    try:
        folder.mkdir(parents=True, exist_ok=True)
        for ending, body in copies:
            # Written whole, then renamed: a build running beside never reads half a copy.
            with tempfile.NamedTemporaryFile(dir=folder, delete=False) as stream:
                stream.write(body)
            os.replace(stream.name, folder / ending.lstrip("."))
    except OSError:
        return
