"""Sharded builds: each shard builds a share of the sites; assembling them gives the portal."""

from __future__ import annotations

import datetime as dt
import hashlib
import os
from pathlib import Path

import pytest

from pbgdpl.pipeline.shards import ShardDigests, parse_shard
from pbgdpl.publishing.manifest import Provenance, write_manifest
from pbgdpl.publishing.output import CACHE_DIR, replace_bytes

pytestmark = pytest.mark.long


def tree_digest(root: Path) -> dict[str, str]:
    """Hash every file of an output folder but the build's cache (parsed files)."""
    return {
        p.relative_to(root).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(root.rglob("*"))
        if p.is_file() and p.relative_to(root).parts[0] != CACHE_DIR
    }


def test_shards_cover_every_site_once_and_assemble_to_the_full_build(
    portal_copy: Path, built_portal: Path, run_cli
) -> None:
    shards = [portal_copy / f"shard-{i}" for i in (1, 2, 3)]
    built = []
    for number, shard in enumerate(shards, start=1):
        status, out, _ = run_cli(
            portal_copy,
            "build",
            "--shard",
            f"{number}/3",
            "--out",
            str(shard),
            "--as-of",
            "2026-11-23",
        )
        assert status == 0
        built.append(int(out.split("Đã dựng ")[1].split(" ")[0]))
    agencies = len([p for p in built_portal.iterdir() if (p / "pagefind").is_dir()])
    assert sum(built) == agencies + 1 and all(built)
    target = portal_copy / "assembled"
    before = [tree_digest(shard) for shard in shards]
    status, out, _ = run_cli(portal_copy, "assemble", *map(str, shards), "--out", str(target))
    assert status == 0, out
    # Same inputs and the same as-of date: byte-identical output, search indexes included.
    assert tree_digest(target) == tree_digest(built_portal)
    # Joined by linking their files, not copying them; and the shards stay as built.
    page = next(p for p in shards[0].glob("*/index.html") if p.parent.name != CACHE_DIR)
    assert (target / page.relative_to(shards[0])).samefile(page)
    assert [tree_digest(shard) for shard in shards] == before


def test_a_site_in_two_shards_is_refused(portal_copy: Path, run_cli) -> None:
    shard = portal_copy / "shard"
    assert run_cli(portal_copy, "build", "--shard", "1/2", "--out", str(shard))[0] == 0
    status, _, err = run_cli(
        portal_copy, "assemble", str(shard), str(shard), "--out", str(portal_copy / "joined")
    )
    assert status == 1 and "có trong cả" in err


@pytest.mark.parametrize("text", ["0/2", "3/2", "a/b", "2"])
def test_bad_shard_numbers_are_refused(text: str) -> None:
    with pytest.raises(ValueError):
        parse_shard(text)


def test_an_assembly_takes_a_shards_digest_only_for_the_very_file_it_published(
    tmp_path: Path,
) -> None:
    # The manifest of a national portal covers hundreds of thousands of files: those
    # joined from a shard are not hashed again, unless they are no longer the shard's.
    shard, target = tmp_path / "shard", tmp_path / "out"
    (shard / "ha-noi").mkdir(parents=True)
    (shard / "ha-noi" / "index.html").write_text("<p>mot</p>", "utf-8")
    day = dt.date(2026, 11, 23)
    write_manifest(shard, "portal", "/", Provenance(day, day, "abc"))
    (target / "ha-noi").mkdir(parents=True)
    page = target / "ha-noi" / "index.html"
    os.link(shard / "ha-noi" / "index.html", page)
    digests = ShardDigests(tmp_path / "digests")
    digests.learn(shard, ["ha-noi"])

    assert digests.digest("ha-noi/index.html", page) == (10, _sha(b"<p>mot</p>"))
    assert digests.hashed == 0
    # Written again with other bytes of the same size: no longer the shard's file.
    replace_bytes(page, b"<p>hai</p>")
    assert digests.digest("ha-noi/index.html", page) == (10, _sha(b"<p>hai</p>"))
    assert digests.hashed == 1


def _sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()
