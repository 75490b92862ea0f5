"""Sharded builds: each shard builds a share of the sites; assembling them gives the portal."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from pbgdpl.pipeline.shards import parse_shard
from pbgdpl.publishing.output import CACHE_DIR


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
