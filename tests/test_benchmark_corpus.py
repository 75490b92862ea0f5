"""The benchmark's synthetic portal is valid content, and the same seed gives the same portal."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from conftest import REPO


def generate(target: Path, seed: int) -> Path:
    subprocess.run(
        [
            sys.executable,
            str(REPO / "benchmarks/generate.py"),
            str(target),
            "--agencies",
            "3",
            "--items",
            "60",
            "--seed",
            str(seed),
        ],
        check=True,
        capture_output=True,
    )
    return target


def test_synthetic_portal_validates_strictly(tmp_path: Path, run_cli) -> None:
    portal = generate(tmp_path / "portal", seed=7)
    assert len(list(portal.glob("agencies/*/*/*.md"))) == 60
    status, out, _ = run_cli(portal, "validate", "--format", "json", "--strict")
    assert (status, out.strip()) == (0, "[]")


def test_same_seed_same_portal(tmp_path: Path) -> None:
    first, second = generate(tmp_path / "a", seed=3), generate(tmp_path / "b", seed=3)
    texts = [
        {p.relative_to(root): p.read_bytes() for p in root.glob("agencies/**/*") if p.is_file()}
        for root in (first, second)
    ]
    assert texts[0] == texts[1]
