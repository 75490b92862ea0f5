"""Sharded builds: split the sites over several machines, then join their outputs."""

from __future__ import annotations

import os
import shutil
from dataclasses import dataclass, field
from pathlib import Path

from pbgdpl.catalog import Catalog, open_catalog
from pbgdpl.model.moment import BuildMoment
from pbgdpl.model.sites import NATIONAL, NATIONAL_KEY
from pbgdpl.pipeline.fingerprint import platform_fingerprint
from pbgdpl.pipeline.search_index import index_portal, portal_search_inputs
from pbgdpl.publishing.file_digests import FileDigests
from pbgdpl.publishing.manifest import FileRecord, ManifestError, Provenance, read_manifest
from pbgdpl.publishing.output import OutputTree
from pbgdpl.publishing.publish import publish_portal
from pbgdpl.validate import load_checked
from pbgdpl.webeditor.admin import write_editor


def parse_shard(text: str) -> tuple[int, int]:
    """Read "I/N" (1 ≤ I ≤ N) into (I, N)."""
    index, _, count = text.partition("/")
    if not (index.isdigit() and count.isdigit() and 1 <= int(index) <= int(count)):
        raise ValueError(f"phân đoạn phải viết dạng I/N với 1 ≤ I ≤ N, ví dụ 1/4: {text!r}")
    return int(index), int(count)


def shard_sites(catalog: Catalog, index: int, count: int) -> list[str]:
    """Return the sites of shard `index` of `count`: a deterministic, balanced share.

    Sites are dealt largest first to the shard with the fewest items so far (ties to
    the lowest shard), so every machine gets about the same number of pages.
    """
    sites = sorted([NATIONAL, *catalog.agencies], key=lambda s: (-len(catalog.items(s)), s))
    loads = [0] * count
    share: list[list[str]] = [[] for _ in range(count)]
    for site in sites:
        lightest = loads.index(min(loads))
        share[lightest].append(site)
        loads[lightest] += len(catalog.items(site)) + 1
    return share[index - 1]


class AssembleError(Exception):
    """Shard outputs that cannot be joined."""


def _provenance(shards: list[Path]) -> Provenance:
    """Return the provenance all shards share: the same sources and the same as-of date."""
    try:
        found = {read_manifest(shard).provenance for shard in shards}
    except ManifestError as error:
        raise AssembleError(str(error)) from None
    if len(found) != 1:
        raise AssembleError(
            "các phân đoạn được dựng từ mã nguồn hoặc ngày dữ liệu khác nhau: "
            + "; ".join(sorted(f"{p.source_commit} ngày {p.as_of}" for p in found))
        )
    return found.pop()


def assemble(shards: list[Path], target: Path, root: Path, editor: bool = False) -> list[str]:
    """Copy the sites of every shard output into `target`; return the sites joined.

    The portal-wide files (feeds, sitemap, open data, manifest) are written again over
    the joined sites from the catalog at `root`, as a full build would write them; with
    `editor`, after the web editor (`bien-tap/`), so that they cover it too.
    """
    provenance = _provenance(shards)
    portal = load_checked(root)
    if portal.settings is None:
        raise AssembleError(f"{root}: không đọc được content/portal.yml (no portal settings)")
    out = OutputTree(target)
    out.prepare()
    state = out.load_state()
    joined: dict[str, Path] = {}
    digests = ShardDigests(out.staging / "digests")
    for shard in shards:
        shard_state = OutputTree(shard).load_state()
        if not shard_state:
            raise AssembleError(f"{shard}: không phải kết quả của 'build --shard' (no build state)")
        for key, record in sorted(shard_state.items()):
            if key in joined:
                raise AssembleError(f"trang {key!r} có trong cả {joined[key]} và {shard}")
            joined[key] = shard
            if key == NATIONAL_KEY:
                for name in record["entries"]:
                    _copy(shard / name, target / name)
            else:
                _copy(shard / key, target / key)
            digests.learn(shard, record["entries"] if key == NATIONAL_KEY else [key])
            state[key] = record
    # The national search covers every site: indexed once all shards are joined, and
    # recorded as a full build records it, so the next build can keep it.
    index_portal(target, out.staging / "_search")
    if NATIONAL_KEY in state:
        platform = platform_fingerprint(root)
        state[NATIONAL_KEY]["search"] = f"{platform}:{portal_search_inputs(target)}"
    out.save_state(state)
    out.finish()
    catalog = open_catalog(portal, BuildMoment.end_of(provenance.as_of))
    if editor:
        write_editor(root, target)
    publish_portal(catalog, target, provenance, digests)
    return sorted(joined)


@dataclass
class ShardDigests(FileDigests):
    """The digest of each file joined from a shard, as that shard's manifest gives it.

    A file is taken as the shard's only while it is the very file the shard published
    (`assemble` links it, and publishing never writes into a file it did not create);
    every other file is hashed. An assembly keeps no digests: it is deployed as it is.
    """

    known: dict[str, tuple[Path, FileRecord]] = field(default_factory=dict)

    def learn(self, shard: Path, parts: list[str]) -> None:
        """Take from `shard`'s manifest the digests of its files in `parts` (names, folders)."""
        wanted = tuple(parts)
        folders = tuple(f"{part}/" for part in parts)
        for name, record in read_manifest(shard).files.items():
            if name in wanted or name.startswith(folders):
                self.known[name] = (shard / name, record)

    def digest(
        self, name: str, path: Path | str, stat: os.stat_result | None = None
    ) -> tuple[int, str]:
        """Return the size and sha256 of `name`: the shard's, if it is the shard's file."""
        stat = stat or os.stat(path)
        found = self.known.get(name)
        if found is not None:
            source, record = found
            try:
                same = os.path.samestat(stat, source.stat())
            except OSError:
                same = False
            if same and record.size == stat.st_size:
                return record.size, record.sha256
        return super().digest(name, path, stat)

    def save(self, names: set[str]) -> None:
        """Keep nothing: an assembly writes no cache."""


def _copy(source: Path, target: Path) -> None:
    """Put `source` at `target`: linked, file by file, where the two share a disk.

    A national portal's shards hold hundreds of thousands of files; linking them costs
    a fraction of copying. Nothing the build writes afterwards writes into a file it did
    not create (`publishing.output.replace_bytes`), so the shards' outputs stay as built.
    """
    if target.is_dir():
        shutil.rmtree(target)
    elif target.exists():
        target.unlink()
    if source.is_dir():
        shutil.copytree(source, target, copy_function=_link_or_copy)
    else:
        _link_or_copy(str(source), str(target))


def _link_or_copy(source: str, target: str) -> None:
    try:
        os.link(source, target)
    except OSError:
        shutil.copy2(source, target)
