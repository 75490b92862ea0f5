"""Put back the last good version of each broken agency, in the deploy's throwaway checkout.

On main, one agency's broken file must not stop the portal. Before the deploy builds, each
agency whose content has errors gets its folder back as it was at its newest commit that
loads without errors, so its last good pages are published again while every other agency
(and the nightly scheduled items) publishes as usual. The errors are still reported: the
deploy workflow's content check fails and names the file and line.
"""

from __future__ import annotations

import shutil
import stat
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import cast

from git import Commit, Repo
from git.objects.base import IndexObjUnion

from pbgdpl.loading.gitrepo import export_tree, open_repository
from pbgdpl.model.diagnostics import Diagnostic
from pbgdpl.pipeline.isolation import broken_agencies
from pbgdpl.validate import load_checked

# How many versions of a broken agency's folder are tried, newest first.
TRIES = 20


@dataclass(frozen=True)
class Restored:
    """A broken agency: its errors, and the commit whose version was put back (or None)."""

    slug: str
    errors: list[Diagnostic]
    commit: Commit | None


def _export_folder(version: Commit, folder: str, target: Path) -> bool:
    """Write one folder of `version` under `target`; False when the commit does not have it."""
    try:
        tree = version.tree / folder
    except KeyError:
        return False
    entries = cast("Iterator[IndexObjUnion]", tree.traverse())
    for entry in entries:
        # Symbolic links are never written: the loader refuses them anyway.
        if entry.type != "blob" or stat.S_ISLNK(entry.mode):
            continue
        path = target / entry.path
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(entry.data_stream.read())
    return True


def last_good_version(repo: Repo, slug: str, tries: int = TRIES) -> Commit | None:
    """Return the newest commit at which the agency's folder loads without errors."""
    folder = f"agencies/{slug}"
    with tempfile.TemporaryDirectory(prefix="pbgdpl-last-good-") as temporary:
        trial = Path(temporary) / "portal"
        export_tree(repo.head.commit, trial)
        for version in repo.iter_commits(paths=folder, max_count=tries):
            shutil.rmtree(trial / folder, ignore_errors=True)
            if _export_folder(version, folder, trial) and slug not in broken_agencies(
                load_checked(trial)
            ):
                return version
    return None


def restore_last_good(root: Path) -> list[Restored]:
    """Replace each broken agency's folder in `root` by its last good version, in place."""
    broken = broken_agencies(load_checked(root))
    if not broken:
        return []
    restored = []
    with open_repository(root) as repo:
        for slug, errors in sorted(broken.items()):
            good = last_good_version(repo, slug)
            if good is not None:
                shutil.rmtree(root / "agencies" / slug)
                _export_folder(good, f"agencies/{slug}", root)
            restored.append(Restored(slug, errors, good))
    return restored
