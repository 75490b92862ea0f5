"""Build the portal's Pagefind bundles from the search records each site keeps.

Each site's render leaves its records in `<site>/pagefind/` (`RECORDS`), with the board's
search dictionary (`TERMS`); an agency site is indexed right away into the same folder,
with the lexicon its search page reads before searching (`pbgdpl.search.lexicon`). Once
every site is in place, the national bundle `/pagefind/` is built from the records of all
sites, so the national site searches the whole portal while each agency its own pages.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import gc
import hashlib
import json
import os
import shutil
import subprocess
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from pagefind.service import get_executable

from pbgdpl.pipeline.index_state import keep_state, take_state
from pbgdpl.pipeline.kept_fragments import FOLDER as FRAGMENTS
from pbgdpl.pipeline.kept_fragments import Fragments
from pbgdpl.pipeline.search_documents import update_documents
from pbgdpl.pipeline.search_inputs import portal_inputs, record_files
from pbgdpl.publishing.compression import ENCODINGS
from pbgdpl.search.canonical import canonicalize
from pbgdpl.search.derived import RecordWords, derive_all, forget_remembered_words
from pbgdpl.search.documents import NARROWING
from pbgdpl.search.lexicon import PAIRS_FOLDER, Lexicon, build_lexicon, write_lexicon
from pbgdpl.search.pagefind_patch import CannotPatch, IndexState, patch_index
from pbgdpl.search.pagefind_reading import page_order
from pbgdpl.search.records import BUNDLE, RECORDS, SearchRecord, load_records, save_records
from pbgdpl.search.selection import select_words
from pbgdpl.search.slim import slim_bundle

TERMS = "pbgdpl-terms.json"
# The national index's documents, in the output's cache (`search_documents.py`).
NATIONAL_DOCUMENTS = "national-search"
# Each site's records with what they give alone, in the output's cache (`search_inputs.py`).
SEARCH_INPUTS = "search-inputs"
# What the portal's search page loads: Pagefind's ready-made interfaces (~0.5 MB a bundle)
# are not used, nor its web worker (search.js runs the whole search in a worker of its own).
KEPT_FILES = ("pagefind.js", "pagefind-entry.json")
KEPT_SUFFIXES = (".pf_meta", ".pagefind")
# A query downloads the index chunk of each of its words. Pagefind closes a chunk after
# 20,000 word positions (~70 KB here); 2,000 brings a first search on 10,000 pages from
# ~390 KB down to ~250 KB (benchmarks/search.py). Pagefind marks the setting unstable:
# without it, search still works, with larger chunks.
CHUNK_SIZE_VARIABLE = "PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE"
CHUNK_SIZE = 2000
KEPT_FOLDERS = ("index", "fragment", "filter")
# An edit of at most this many of the national index's documents patches the index
# (`pagefind_patch.py`) instead of running Pagefind over every document.
PATCH_LIMIT = 50


class SearchIndexError(Exception):
    """Pagefind could not be found or failed on a site."""


@cache
def pagefind_binary() -> Path:
    """Return the Pagefind binary installed with the `pagefind[bin]` package."""
    binary = get_executable()
    if binary is None or not binary.is_file():
        raise SearchIndexError(
            "Không tìm thấy chương trình Pagefind; chạy lại 'make portal' để cài "
            "(pagefind binary missing: pip install 'pagefind[bin]')."
        )
    return binary


def _read_terms(bundle_dir: Path) -> dict[str, str]:
    path = bundle_dir / TERMS
    found: dict[str, str] = json.loads(path.read_text("utf-8")) if path.is_file() else {}
    return found


def _remove(path: Path) -> None:
    if path.is_dir():
        shutil.rmtree(path)
    else:
        path.unlink()


def _prune(bundle: Path) -> None:
    for path in bundle.iterdir():
        wanted = (
            path.name in KEPT_FOLDERS
            if path.is_dir()
            else path.name in KEPT_FILES or path.name.endswith(KEPT_SUFFIXES)
        )
        if not wanted:
            _remove(path)


@dataclass
class _Reuse:
    """Put in place of each file of `built` that `previous` holds with the same bytes the
    previous file, with its compressed copies: their times stay, so publishing does not
    compress them again (Pagefind names most of its files by their content)."""

    built: Path
    previous: Path | None
    seen: set[str] = field(default_factory=set)
    """The files of `built` put in place, as strings: ten thousand Paths cost."""

    def _keep(self, path: Path, data: bytes) -> bool:
        self.seen.add(str(path))
        if self.previous is None:
            return False
        old = self.previous / path.relative_to(self.built)
        try:
            if old.stat().st_size != len(data) or old.read_bytes() != data:
                return False
        except OSError:  # none, or a folder
            return False
        self._put_previous(str(path), str(old))
        return True

    def _put_previous(self, path: str, old: str) -> None:
        os.unlink(path)
        self._put(old, path)
        for ending in ENCODINGS.values():
            try:
                self._put(f"{old}{ending}", f"{path}{ending}")
            except FileNotFoundError:
                continue

    def _put(self, source: str, target: str) -> None:
        _link(source, target)
        self.seen.add(target)

    def same_fragment(self, path: Path, originals: dict[str, str], kept: Fragments) -> bool:
        """Put in place of fragment `path` its rewrite of the last build, if Pagefind wrote
        it the same (`kept_fragments.py`); tell whether it did."""
        if self.previous is None or not kept.unchanged(path.name, originals):
            return False
        old = f"{self.previous}/{FRAGMENTS}/{path.name}"
        if not os.path.isfile(old):
            return False
        self.seen.add(str(path))
        self._put_previous(str(path), old)
        return True

    def write(self, path: Path, data: bytes) -> None:
        """Put `data` in `path`: the previous file if it holds the same bytes (`slim.Writer`)."""
        if not self._keep(path, data):
            path.write_bytes(data)

    def rest(self) -> None:
        """Keep the previous file of each file of `built` not yet put in place by `write`."""
        if self.previous is None:
            return
        for path in self.built.rglob("*"):
            if str(path) not in self.seen and path.is_file():
                self._keep(path, path.read_bytes())

    def index(self) -> Path:
        """Return the folder where the index now is: `built`."""
        return self.built


def _files(folder: str, base: str = "") -> Iterator[str]:
    """Yield the files below `folder`, named with "/" after `base`: one call a folder."""
    with os.scandir(folder) as entries:
        for entry in entries:
            if entry.is_dir(follow_symlinks=False):
                yield from _files(entry.path, f"{base}{entry.name}/")
            else:
                yield base + entry.name


@dataclass
class _TakeOver:
    """Make `previous`, the index set aside for this build, the index built in `built`.

    A file of the same name and bytes stays where it is, with its compressed copies, and
    only the files new or changed are written into it: an edit changes a few of the
    national index's ten thousand files, and linking each of the others into the new index
    (with its two copies) cost seconds. `previous` is no published folder: it was moved out
    of the output (`set_aside_index`), so nothing is served from it while it changes.
    """

    built: Path
    previous: Path
    wanted: set[str] = field(default_factory=set)
    """The index's files, named from its folder: every other file of `previous` goes."""

    def write(self, path: Path, data: bytes) -> None:
        """Put `data` in the place of `path` in `previous`, unless already there (`slim.Writer`)."""
        name = path.relative_to(self.built).as_posix()
        self.wanted.add(name)
        old = self.previous / name
        try:
            if old.stat().st_size == len(data) and old.read_bytes() == data:
                return
            old.unlink()
        except FileNotFoundError:
            old.parent.mkdir(parents=True, exist_ok=True)
        # A new file: newer than the copies of the file it replaces, which publishing
        # makes again.
        old.write_bytes(data)

    def same_fragment(self, path: Path, originals: dict[str, str], kept: Fragments) -> bool:
        """Keep fragment `path` as the last build rewrote it, if Pagefind wrote it the same
        (`kept_fragments.py`); tell whether it did."""
        name = f"{FRAGMENTS}/{path.name}"
        if not kept.unchanged(path.name, originals) or not (self.previous / name).is_file():
            return False
        self.wanted.add(name)
        return True

    def rest(self) -> None:
        """Take the files of `built` not yet written; remove the others of `previous`."""
        for name in _files(str(self.built)):
            if name not in self.wanted:
                self.write(self.built / name, (self.built / name).read_bytes())
        endings = tuple(ENCODINGS.values())
        for name in list(_files(str(self.previous))):
            ending = next((e for e in endings if name.endswith(e)), "")
            if name.removesuffix(ending) not in self.wanted:
                os.unlink(self.previous / name)

    def index(self) -> Path:
        """Return the folder where the index now is: `previous`."""
        return self.previous


@dataclass(frozen=True)
class KeptWork:
    """What an index built again may take from the last build."""

    documents: Path | None = None
    """A folder of the build's cache where Pagefind's documents are kept between builds
    by the same `platform` (`search_documents.py`)."""
    platform: str = ""
    previous: Path | None = None
    """The bundle's previous index: its files that come out the same are kept, with their
    compressed copies."""
    inputs: Path | None = None
    """A folder of the build's cache where each site's records are kept with what they
    give alone (`search_inputs.py`)."""
    set_aside: bool = False
    """Whether `previous` was set aside for this build (`set_aside_index`): then it becomes
    the new index, instead of giving its files to it."""


def index_records(
    records: list[SearchRecord],
    bundle_dir: Path,
    scratch: Path,
    kept: KeptWork = KeptWork(),
    derived: list[RecordWords] | None = None,
) -> None:
    """Index `records` into `bundle_dir`, replacing its index only when Pagefind succeeds.

    The records' documents are written below `scratch` (a folder the caller removes),
    one `<url>/index.html` each, so that Pagefind gives every result its portal URL, or
    below `kept.documents`, kept for the next build; `kept.previous`'s files that come
    out the same are kept. `derived` is what each record gives alone, if known.
    """
    _index_documents(_Prepared.of(records, derived, scratch, kept), bundle_dir, scratch, kept)


@dataclass(frozen=True)
class _Prepared:
    """Pagefind's documents written for an index, with what the index needs besides."""

    documents: Path
    lexicon: Lexicon
    pages: int
    changes: dict[str, tuple[str, str]] | None = None
    """The documents written again, before and now (`search_documents.Updated`)."""

    @classmethod
    def of(
        cls,
        records: list[SearchRecord],
        derived: list[RecordWords] | None,
        scratch: Path,
        kept: KeptWork,
    ) -> _Prepared:
        """Write the documents of `records` (`index_records`); what they were made from,
        the largest part of the index's work, is dropped on return."""
        pairs = sorted(
            zip(records, derive_all(records, derived), strict=True), key=lambda p: p[0].url
        )
        records = [record for record, _ in pairs]
        words = [found for _, found in pairs]
        selected = select_words(records, words)
        updated = update_documents(
            records, selected, kept.documents or scratch, kept.platform, words
        )
        lexicon = build_lexicon(records, selected, words)
        return cls(updated.folder, lexicon, len(records), updated.changes)


def _index_documents(prepared: _Prepared, bundle_dir: Path, scratch: Path, kept: KeptWork) -> None:
    """Put in `bundle_dir` the index of the documents prepared: the index set aside,
    patched for the documents changed, or Pagefind's."""
    fragments = Fragments.open(kept.documents, kept.platform)
    state = take_state(kept.documents, kept.platform)
    previous = kept.previous if kept.previous is not None and kept.previous.is_dir() else None
    changes = prepared.changes
    if previous is not None and kept.set_aside and state is not None and changes is not None:
        try:
            if len(changes) > PATCH_LIMIT:
                raise CannotPatch(f"{len(changes)} documents changed")
            state = patch_index(previous, state, changes, NARROWING, CHUNK_SIZE)
        except CannotPatch:
            pass
        else:
            _put_lexicon(previous, scratch, prepared, _read_terms(bundle_dir))
            _install_index(previous, bundle_dir)
            fragments.save(fragments.known)
            keep_state(kept.documents, kept.platform, state)
            shutil.rmtree(scratch, ignore_errors=True)
            return
    _run_pagefind(prepared, bundle_dir, scratch, kept, fragments)


def _run_pagefind(
    prepared: _Prepared, bundle_dir: Path, scratch: Path, kept: KeptWork, fragments: Fragments
) -> None:
    """Run Pagefind on the documents prepared, then put the index in `bundle_dir`."""
    built = scratch / BUNDLE
    shutil.rmtree(built, ignore_errors=True)
    built.mkdir(parents=True)
    documents, lexicon = prepared.documents, prepared.lexicon
    completed = subprocess.run(
        [
            str(pagefind_binary()),
            "--site",
            str(documents),
            "--output-path",
            str(built),
            "--force-language",
            "vi",
            "--silent",
        ],
        capture_output=True,
        text=True,
        check=False,
        env={**os.environ, CHUNK_SIZE_VARIABLE: str(CHUNK_SIZE)},
    )
    if completed.returncode != 0:
        raise SearchIndexError(
            f"Pagefind lỗi khi lập chỉ mục {bundle_dir}: {completed.stderr.strip()}"
        )
    _prune(built)
    meta = canonicalize(built, NARROWING)
    previous = kept.previous if kept.previous is not None and kept.previous.is_dir() else None
    reuse = (
        _TakeOver(built, previous)
        if previous is not None and kept.set_aside
        else _Reuse(built, previous)
    )
    originals = fragments.originals(built)
    slim_bundle(built, reuse.write, lambda path: reuse.same_fragment(path, originals, fragments))
    write_lexicon(built, lexicon, prepared.pages, _read_terms(bundle_dir))
    reuse.rest()
    _install_index(reuse.index(), bundle_dir)
    fragments.save(originals)
    if kept.documents is not None:
        urls = page_order(documents)
        if len(urls) == len(meta[1]):
            name = json.loads((bundle_dir / "pagefind-entry.json").read_text("utf-8"))
            state = IndexState(urls, [page[1] for page in meta[1]], name["languages"]["vi"]["hash"])
            keep_state(kept.documents, kept.platform, state)
    shutil.rmtree(scratch)


def _install_index(index: Path, bundle_dir: Path) -> None:
    """Move the index in `index` into `bundle_dir`, beside the records and dictionary."""
    bundle_dir.mkdir(parents=True, exist_ok=True)
    for old in bundle_dir.iterdir():
        if old.name not in (RECORDS, TERMS):
            _remove(old)
    for new in index.iterdir():
        new.rename(bundle_dir / new.name)


def _put_lexicon(index: Path, scratch: Path, prepared: _Prepared, terms: dict[str, str]) -> None:
    """Write the lexicon into `index`, an index set aside: a file the same stays as it is;
    the copies of the records and dictionary, published beside the index, go."""
    fresh = scratch / "lexicon"
    shutil.rmtree(fresh, ignore_errors=True)
    fresh.mkdir(parents=True)
    write_lexicon(fresh, prepared.lexicon, prepared.pages, terms)
    take = _TakeOver(fresh, index)
    for name in _files(str(fresh)):
        take.write(fresh / name, (fresh / name).read_bytes())
    endings = tuple(ENCODINGS.values())
    pairs = index / PAIRS_FOLDER
    stale = [f"{PAIRS_FOLDER}/{n}" for n in os.listdir(pairs)] if pairs.is_dir() else []
    stale += [name + ending for name in (RECORDS, TERMS) for ending in endings]
    for name in stale:
        if name.removesuffix(next((e for e in endings if name.endswith(e)), "")) not in take.wanted:
            (index / name).unlink(missing_ok=True)


def _same_inputs(bundle_dir: Path, previous: Path | None) -> bool:
    """Tell whether `previous` is a whole bundle indexed from the records now in `bundle_dir`."""
    if previous is None or not (previous / "pagefind-entry.json").is_file():
        return False
    return all(
        (previous / name).is_file()
        and (previous / name).read_bytes() == (bundle_dir / name).read_bytes()
        for name in (RECORDS, TERMS)
    )


def _link(source: str, target: str) -> None:
    # Index files are never written again in place: a new index replaces the folder's.
    try:
        os.link(source, target)
    except OSError:
        shutil.copy2(source, target)


def _copy_index(previous: Path, bundle_dir: Path) -> None:
    for path in previous.iterdir():
        if path.name in (RECORDS, TERMS):
            continue
        if path.is_dir():
            shutil.copytree(path, bundle_dir / path.name, copy_function=_link)
        else:
            _link(str(path), str(bundle_dir / path.name))


def save_site_search(
    records: list[SearchRecord],
    bundle_dir: Path,
    scratch: Path,
    *,
    index: bool,
    terms: dict[str, str] | None = None,
    previous: Path | None = None,
) -> bool:
    """Keep a site's records and search dictionary in its bundle folder; index when `index`.

    `previous` is the bundle the site had, built by the same code: when its records and
    dictionary are the same bytes, its index is copied instead of built again (Pagefind
    gives the same index for the same documents). Return whether Pagefind ran.
    """
    save_records(bundle_dir / RECORDS, records)
    (bundle_dir / TERMS).write_text(
        json.dumps(terms or {}, ensure_ascii=False, sort_keys=True, separators=(",", ":")),
        "utf-8",
    )
    if not index:
        return False
    if _same_inputs(bundle_dir, previous):
        assert previous is not None
        _copy_index(previous, bundle_dir)
        return False
    index_records(records, bundle_dir, scratch, KeptWork(previous=previous))
    return True


def portal_records(out: Path) -> list[SearchRecord]:
    """Return the records of every site installed in the portal folder `out`."""
    return [record for path in record_files(out) for record in load_records(path)]


def set_aside_index(bundle_dir: Path, folder: Path) -> None:
    """Move a bundle's index (all but its records and dictionary) into `folder`."""
    folder.mkdir(parents=True)
    if (bundle_dir / "pagefind-entry.json").is_file():
        for path in bundle_dir.iterdir():
            if path.name not in (RECORDS, TERMS):
                path.rename(folder / path.name)


def restore_index(folder: Path, bundle_dir: Path) -> bool:
    """Move an index set aside (`set_aside_index`) back into `bundle_dir`, if there is one."""
    if not (folder / "pagefind-entry.json").is_file() or not bundle_dir.is_dir():
        return False
    for path in folder.iterdir():
        target = bundle_dir / path.name
        if target.exists():
            _remove(target)
        path.rename(target)
    return True


def portal_search_inputs(out: Path) -> str:
    """Hash the records and dictionaries of every site installed in `out`: the national
    bundle's inputs."""
    digest = hashlib.sha256()
    sites = [p for p in out.glob(f"*/{BUNDLE}") if not p.parts[-2].startswith(".")]
    for bundle in sorted([out / BUNDLE, *sites]):
        for name in (RECORDS, TERMS):
            path = bundle / name
            digest.update(f"{path.relative_to(out)}\n".encode())
            digest.update(path.read_bytes() if path.is_file() else b"")
    return digest.hexdigest()


def _give_back_memory() -> None:
    """Return to the system the memory freed in this process (glibc keeps it otherwise)."""
    gc.collect()
    try:
        ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6").malloc_trim(0)
    except (OSError, AttributeError):  # not glibc: its allocator gives back on its own
        return


def index_portal(out: Path, scratch: Path, kept: KeptWork = KeptWork()) -> int:
    """Build the national bundle `/pagefind/` over every site's records; return its pages.

    With `kept`, its documents are kept in the build's cache (the next build writes only
    those whose record or kept words changed), so are each site's records with what they
    give alone (`search_inputs.py`), and the previous national index (`set_aside_index`)
    gives the files that come out the same.
    """
    # Every site's records and derived words are the index's largest inputs: they are gone
    # before Pagefind runs, the build's largest process.
    prepared = _Prepared.of(*portal_inputs(out, kept.inputs, kept.platform), scratch, kept)
    forget_remembered_words()
    _give_back_memory()
    _index_documents(prepared, out / BUNDLE, scratch, kept)
    return prepared.pages
