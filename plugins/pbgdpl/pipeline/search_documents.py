"""Pagefind's input documents, kept between builds so that an edit rewrites only its own.

Pagefind reads one `<url>/index.html` per search record. Deriving 10,000 of them from
their records, writing them and removing them again cost our Python twice what Pagefind
itself spends on the national index. The folder is kept in the output's cache with the
key of each document it holds (its record and the words its index keeps), and a build
writes only the documents whose key changed and removes those of records gone.

The list of keys is removed before the folder is touched and written back once it
matches the folder again: a build stopped halfway leaves no list, and the next one
writes every document, so a kept document is never stale.
"""

from __future__ import annotations

import hashlib
import pickle
import shutil
from collections.abc import Sequence
from pathlib import Path

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


def update_documents(
    records: Sequence[SearchRecord],
    selected: Sequence[KeptWords],
    folder: Path,
    platform: str = "",
    derived: Sequence[RecordWords] | None = None,
) -> tuple[Path, int]:
    """Make `folder`/documents hold exactly the records' documents; return it and how many
    documents were written. Documents kept by another `platform` (our code, the theme,
    the libraries: `fingerprint.platform_fingerprint`) are all written again. `derived`
    gives each record's hash (`derived.py`), derived now if not given."""
    documents = folder / DOCUMENTS
    keys = _read_keys(folder, platform) if documents.is_dir() else {}
    (folder / KEYS_FILE).unlink(missing_ok=True)
    if not keys:
        shutil.rmtree(documents, ignore_errors=True)
    wanted = {
        record.url: (record, kept, _key(found, kept))
        for record, kept, found in zip(records, selected, derive_all(records, derived), strict=True)
    }
    for url in keys.keys() - wanted.keys():
        _document_path(documents, url).unlink(missing_ok=True)
    written = 0
    for url, (record, kept, key) in wanted.items():
        if keys.get(url) == key:
            continue
        target = _document_path(documents, url)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(index_document(record, kept), "utf-8")
        written += 1
    documents.mkdir(parents=True, exist_ok=True)
    partial = folder / f".{KEYS_FILE}"
    with partial.open("wb") as stream:
        keys = {url: key for url, (_, _, key) in wanted.items()}
        pickle.dump((_VERSION, platform, keys), stream, pickle.HIGHEST_PROTOCOL)
    partial.replace(folder / KEYS_FILE)
    return documents, written
