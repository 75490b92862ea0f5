"""Pagefind's input documents, kept between builds so that an edit rewrites only its own.

Pagefind reads one `<url>/index.html` per search record. Deriving 10,000 of them from
their records, writing them and removing them again cost our Python twice what Pagefind
itself spends on the national index. The folder is kept in the output's cache with the
key of each document it holds (its record and the words its index keeps), and a build
writes only the documents whose key changed and removes those of records gone.

The list of keys is removed before the folder is touched and written back once it
matches the folder again: a build stopped halfway leaves no list, and the next one
writes every document, so a kept document is never stale.

Pagefind numbers pages in the order it finds them, which is each folder's own order of
its entries: by a hash of their names on ext4, by when they were made on tmpfs or btrfs.
A fresh folder is written in name order, part by part of the address. A kept folder that
gains an entry is made again, with its parents, moving its entries into a new folder in
name order: the index of a kept folder is then the index of a fresh one, on any of them.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import shutil
from collections.abc import Sequence
from pathlib import Path, PurePosixPath
from typing import NamedTuple

from pbgdpl.search.derived import RecordWords, derive_all
from pbgdpl.search.documents import index_document
from pbgdpl.search.records import SearchRecord
from pbgdpl.search.selection import KeptWords

KEYS_FILE = "keys.pickle"
DOCUMENTS = "documents"
_VERSION = 3


def _key(record: RecordWords, kept: KeptWords) -> str:
    return hashlib.sha256(f"{record.key}\n{kept!r}".encode()).hexdigest()


def _read_keys(folder: Path, platform: str) -> dict[str, str]:
    try:
        with (folder / KEYS_FILE).open("rb") as stream:
            version, written_by, keys = pickle.load(stream)
    except (OSError, EOFError, ValueError, TypeError, pickle.UnpicklingError):
        return {}
    # Documents written by other code may be written differently: none is kept.
    same = version == _VERSION and written_by == platform
    return keys if same and isinstance(keys, dict) else {}


def _document_path(documents: Path, url: str) -> Path:
    return documents / url / "index.html"


def _entries(url: str) -> tuple[str, ...]:
    """Return the names of the folders and the file that hold `url`'s document.

    Sorting documents by them writes each folder's entries in name order, the order
    `sorted(os.listdir())` gives."""
    return PurePosixPath(url, "index.html").parts


def _new_entry(documents: Path, url: str) -> Path | None:
    """Return the folder in which writing `url`'s document makes a new entry, if any."""
    folder = documents
    for name in _entries(url):
        if not (folder / name).exists():
            return folder
        folder = folder / name
    return None


def _remake_in_name_order(folder: Path) -> None:
    """Make `folder` again, its entries moved into the new folder in name order."""
    fresh = folder.with_name(f".{folder.name}.fresh")
    shutil.rmtree(fresh, ignore_errors=True)  # left by a build stopped here
    fresh.mkdir()
    for name in sorted(os.listdir(folder)):
        os.rename(folder / name, fresh / name)
    folder.rmdir()
    fresh.rename(folder)


def _remake_grown(documents: Path, grown: set[Path]) -> None:
    """Make again each folder that gained an entry, and the folders above it, deepest first."""
    remade = {parent for folder in grown for parent in (folder, *folder.parents)}
    remade = {folder for folder in remade if folder.is_relative_to(documents)}
    for folder in sorted(remade, key=lambda f: len(f.parts), reverse=True):
        _remake_in_name_order(folder)


class Updated(NamedTuple):
    """The documents' folder once up to date, and what changed in it."""

    folder: Path
    written: int
    changes: dict[str, tuple[str, str]] | None
    """Each document written again, by page URL ("/ha-noi/…/"): its text before and now;
    None when a document was added or removed, or none was kept."""


def update_documents(
    records: Sequence[SearchRecord],
    selected: Sequence[KeptWords],
    folder: Path,
    platform: str = "",
    derived: Sequence[RecordWords] | None = None,
) -> Updated:
    """Make `folder`/documents hold exactly the records' documents; return it, how many
    documents were written and the changes. Documents kept by another `platform` (our
    code, the theme, the libraries: `fingerprint.platform_fingerprint`) are all written
    again. `derived` gives each record's hash (`derived.py`), derived now if not given."""
    documents = folder / DOCUMENTS
    keys = _read_keys(folder, platform) if documents.is_dir() else {}
    (folder / KEYS_FILE).unlink(missing_ok=True)
    if not keys:
        shutil.rmtree(documents, ignore_errors=True)
    wanted = {
        record.url: (record, kept, _key(found, kept))
        for record, kept, found in zip(records, selected, derive_all(records, derived), strict=True)
    }
    gone = keys.keys() - wanted.keys()
    for url in gone:
        _document_path(documents, url).unlink(missing_ok=True)
    written = 0
    changes: dict[str, tuple[str, str]] | None = {} if keys and not gone else None
    # A folder kept from the last build that gains an entry is made again (module doc).
    grown: set[Path] = set()
    for url in sorted(wanted, key=_entries):
        record, kept, key = wanted[url]
        if keys.get(url) == key:
            continue
        if keys and (entry_in := _new_entry(documents, url)) is not None:
            grown.add(entry_in)
        target = _document_path(documents, url)
        text = index_document(record, kept)
        try:
            if changes is not None and url in keys:
                changes[f"/{url}"] = (target.read_text("utf-8"), text)
            else:
                changes = None
        except FileNotFoundError:
            changes = None
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, "utf-8")
        written += 1
    _remake_grown(documents, grown)
    documents.mkdir(parents=True, exist_ok=True)
    partial = folder / f".{KEYS_FILE}"
    with partial.open("wb") as stream:
        keys = {url: key for url, (_, _, key) in wanted.items()}
        pickle.dump((_VERSION, platform, keys), stream, pickle.HIGHEST_PROTOCOL)
    partial.replace(folder / KEYS_FILE)
    return Updated(documents, written, changes)
