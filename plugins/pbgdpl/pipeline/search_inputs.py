"""The national index's inputs: every site's records, with what each gives alone.

Each site leaves its search records in its bundle folder (`search.records.RECORDS`); the
national index reads all of them after every edit, and derives from each record the words
and counts its rules weigh (`search.derived`). A site whose records file is the same bytes
gives the same records and the same derived words, so both are kept in the output's cache,
one file per site, under the hash of its records file and the code that derived them: an
edit reads and derives again the records of the sites it changed only.
"""

from __future__ import annotations

import hashlib
import pickle
from pathlib import Path

from pbgdpl.search.derived import RecordWords, derive
from pbgdpl.search.records import BUNDLE, RECORDS, SearchRecord, read_records

_VERSION = 1
NATIONAL_FILE = "_national.pickle"

Inputs = tuple[list[SearchRecord], list[RecordWords]]


def record_files(out: Path) -> list[Path]:
    """Return the records file of every site installed in the portal folder `out`, sorted."""
    sites = [p for p in out.glob(f"*/{BUNDLE}/{RECORDS}") if not p.parts[-3].startswith(".")]
    return [p for p in sorted([out / BUNDLE / RECORDS, *sites]) if p.is_file()]


def _cache_file(out: Path, path: Path, cache: Path) -> Path:
    site = path.relative_to(out).parts[0]
    return cache / (NATIONAL_FILE if site == BUNDLE else f"{site}.pickle")


def _read_kept(path: Path, digest: str, platform: str) -> Inputs | None:
    try:
        with path.open("rb") as stream:
            version, written_by, source, inputs = pickle.load(stream)
    except (OSError, EOFError, ValueError, TypeError, AttributeError, pickle.UnpicklingError):
        return None
    if (version, written_by, source) != (_VERSION, platform, digest):
        return None
    records, derived = inputs
    return (records, derived) if len(records) == len(derived) else None


def _keep(path: Path, digest: str, platform: str, inputs: Inputs) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(f".{path.name}")
    with partial.open("wb") as stream:
        pickle.dump((_VERSION, platform, digest, inputs), stream, pickle.HIGHEST_PROTOCOL)
    partial.replace(path)


def portal_inputs(out: Path, cache: Path | None = None, platform: str = "") -> Inputs:
    """Return the records of every site installed in `out` and what each gives alone.

    With `cache` (a folder of the build's cache), a site's records and derived words are
    taken from it when its records file has not changed since, for the same `platform`
    (our code and libraries: `fingerprint.platform_fingerprint`), and kept there otherwise.
    """
    records: list[SearchRecord] = []
    derived: list[RecordWords] = []
    wanted: set[Path] = set()
    for path in record_files(out):
        data = path.read_bytes()
        digest = hashlib.sha256(data).hexdigest()
        kept_file = _cache_file(out, path, cache) if cache is not None else None
        found = _read_kept(kept_file, digest, platform) if kept_file is not None else None
        if found is None:
            site_records = read_records(data)
            found = (site_records, [derive(r) for r in site_records])
            if kept_file is not None:
                _keep(kept_file, digest, platform, found)
        if kept_file is not None:
            wanted.add(kept_file)
        records += found[0]
        derived += found[1]
    if cache is not None and cache.is_dir():
        for stale in cache.glob("*.pickle"):
            if stale not in wanted:
                stale.unlink()
    return records, derived
