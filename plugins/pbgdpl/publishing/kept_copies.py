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
import zlib
from pathlib import Path

import brotli

# The copies of one file: (ending, compressed bytes), as `compression._encodings` gives.
Copies = list[tuple[str, bytes]]


def cache_folder() -> Path | None:
    """Return where the copies are kept, `$XDG_CACHE_HOME/pbgdpl/compressed` (by default in
    the home folder's `.cache`), or None for a user without a home folder: nothing is kept."""
    base = os.environ.get("XDG_CACHE_HOME")
    if not base:
        try:
            base = str(Path.home() / ".cache")
        except RuntimeError:
            return None
    return Path(base) / "pbgdpl" / "compressed"


def _folder(data: bytes, settings: str) -> Path | None:
    """Return the folder of `data`'s copies: named after its bytes and what compresses them
    (the libraries too: another zlib may write other bytes for the same level)."""
    root = cache_folder()
    if root is None:
        return None
    digest = hashlib.sha256(data)
    digest.update(
        f"\n{settings}\nbrotli {brotli.__version__}\nzlib {zlib.ZLIB_RUNTIME_VERSION}".encode()
    )
    return root / digest.hexdigest()


def load(data: bytes, settings: str, endings: tuple[str, ...]) -> Copies | None:
    """Return the kept copies of `data` made with `settings`, if whole and right."""
    folder = _folder(data, settings)
    if folder is None:
        return None
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
    folder = _folder(data, settings)
    if folder is None:
        return
    try:
        folder.mkdir(parents=True, exist_ok=True)
        for ending, body in copies:
            # Written whole, then renamed: a build running beside never reads half a copy.
            with tempfile.NamedTemporaryFile(dir=folder, delete=False) as stream:
                stream.write(body)
            os.replace(stream.name, folder / ending.lstrip("."))
    except OSError:
        return
