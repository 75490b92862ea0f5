"""Make a Pagefind bundle's filter files the same bytes for the same pages, and keep only
those a search is narrowed by.

Pagefind 1.5 writes the values of each filter, and the list of filters in its metadata,
in the order of a randomly seeded hash map: two builds of the same pages differ, while
the portal promises the same output, byte for byte, for the same inputs and date. This
module sorts them and renames the files after their new content. It reads and writes
Pagefind's files (gzip of "pagefind_dcd" + CBOR) and refuses a file it could not write
back unchanged, so a new Pagefind format fails the build instead of breaking search.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import struct
from pathlib import Path
from typing import Any

SIGNATURE = b"pagefind_dcd"
# CBOR major types used by Pagefind's files.
UNSIGNED, NEGATIVE, TEXT, ARRAY = 0, 1, 3, 4
# Positions in the metadata's top-level array (Pagefind's MetaIndex).
META_FILTERS = 3


class BundleFormatError(Exception):
    """A Pagefind file this module cannot read and write back unchanged."""


def _head(major: int, value: int) -> bytes:
    if value < 24:
        return bytes([major << 5 | value])
    for code, size, fmt in ((24, 1, ">B"), (25, 2, ">H"), (26, 4, ">I"), (27, 8, ">Q")):
        if value < 1 << (8 * size):
            return bytes([major << 5 | code]) + struct.pack(fmt, value)
    raise BundleFormatError(f"integer too large: {value}")


def encode(value: Any) -> bytes:
    """Encode integers, strings and lists as CBOR, the way Pagefind does."""
    if isinstance(value, int):
        return _head(UNSIGNED, value) if value >= 0 else _head(NEGATIVE, -1 - value)
    if isinstance(value, str):
        data = value.encode("utf-8")
        return _head(TEXT, len(data)) + data
    if isinstance(value, list):
        return _head(ARRAY, len(value)) + b"".join(encode(v) for v in value)
    raise BundleFormatError(f"cannot encode {type(value).__name__}")


def _decode(data: bytes, at: int) -> tuple[Any, int]:
    major, info = data[at] >> 5, data[at] & 31
    at += 1
    if info < 24:
        value = info
    elif info <= 27:
        size = 1 << (info - 24)
        value = int.from_bytes(data[at : at + size], "big")
        at += size
    else:
        raise BundleFormatError(f"unsupported CBOR item at byte {at - 1}")
    if major == UNSIGNED:
        return value, at
    if major == NEGATIVE:
        return -1 - value, at
    if major == TEXT:
        return data[at : at + value].decode("utf-8"), at + value
    if major == ARRAY:
        items = []
        for _ in range(value):
            item, at = _decode(data, at)
            items.append(item)
        return items, at
    raise BundleFormatError(f"unsupported CBOR type {major}")


def decode(data: bytes) -> Any:
    """Decode a plain Pagefind file's bytes (its signature, then one CBOR item)."""
    if not data.startswith(SIGNATURE):
        raise BundleFormatError("không phải tệp Pagefind (no signature)")
    value, end = _decode(data, len(SIGNATURE))
    if end != len(data):
        raise BundleFormatError("định dạng Pagefind không đọc được (trailing bytes)")
    return value


def plain_bytes(path: Path) -> bytes:
    """Return a Pagefind file's bytes, gunzipped unless it is plain (`slim.py`)."""
    data = path.read_bytes()
    return data if data.startswith(SIGNATURE) else gzip.decompress(data)


def read(path: Path) -> Any:
    """Read a Pagefind file, gzipped or plain; refuse it unless writing it back gives the same
    content."""
    data = plain_bytes(path)
    if not data.startswith(SIGNATURE):
        raise BundleFormatError(f"{path.name}: không phải tệp Pagefind (no signature)")
    value, end = _decode(data, len(SIGNATURE))
    if end != len(data) or encode(value) != data[len(SIGNATURE) :]:
        raise BundleFormatError(f"{path.name}: định dạng Pagefind không đọc được (unknown)")
    return value


def _write(folder: Path, prefix: str, suffix: str, value: Any, digits: int) -> str:
    data = SIGNATURE + encode(value)
    name = f"{prefix}{hashlib.sha256(data).hexdigest()[:digits]}"
    (folder / f"{name}{suffix}").write_bytes(gzip.compress(data, mtime=0))
    return name


def canonicalize(bundle: Path, narrowing: frozenset[str], language: str = "vi") -> list[Any]:
    """Sort the bundle's filter values and filters, renaming the files they live in; return
    the metadata so written.

    Only the filters a search is narrowed by (`narrowing`) keep their files: the others
    are left out of the metadata unread (each page's fragment keeps their values).
    """
    entry_path = bundle / "pagefind-entry.json"
    entry = json.loads(entry_path.read_text("utf-8"))
    index = entry["languages"][language]
    meta_path = bundle / f"pagefind.{index['hash']}.pf_meta"
    meta = read(meta_path)
    filters = []
    for name, digest in sorted(meta[META_FILTERS]):
        old = bundle / "filter" / f"{digest}.pf_filter"
        if name not in narrowing:
            old.unlink()
            continue
        filter_name, values = read(old)
        old.unlink()
        canonical = [filter_name, sorted(values)]
        filters.append(
            [name, _write(bundle / "filter", f"{language}_", ".pf_filter", canonical, 7)]
        )
    meta[META_FILTERS] = filters
    meta_path.unlink()
    index["hash"] = _write(bundle, f"pagefind.{language}_", ".pf_meta", meta, 10).removeprefix(
        "pagefind."
    )
    entry_path.write_text(json.dumps(entry, ensure_ascii=False, separators=(",", ":")), "utf-8")
    return list(meta)
