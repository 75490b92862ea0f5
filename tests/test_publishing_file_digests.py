"""The manifest's kept digests: unchanged files are not hashed again, changed ones always are."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import shutil
import time
from pathlib import Path

from pbgdpl.publishing.file_digests import CACHE_FOLDER, FileDigests
from pbgdpl.publishing.manifest import PORTAL_SCOPE, Provenance, write_manifest

PROVENANCE = Provenance(dt.date(2026, 11, 23), dt.date(2026, 12, 23), "unknown")


def _manifest(out: Path) -> tuple[dict[str, dict[str, object]], int]:
    digests = FileDigests.open(out / ".pbgdpl-cache")
    write_manifest(out, PORTAL_SCOPE, "https://pbgdpl.gov.vn/", PROVENANCE, digests)
    files = json.loads((out / "manifest.json").read_text("utf-8"))["files"]
    return files, digests.hashed


def _record(path: Path) -> dict[str, object]:
    data = path.read_bytes()
    return {"size": len(data), "sha256": hashlib.sha256(data).hexdigest()}


def test_manifest_rehashes_only_changed_files_and_never_keeps_a_stale_digest(
    tmp_path: Path,
) -> None:
    out = tmp_path / "site"
    (out / "tin-tuc").mkdir(parents=True)
    page, feed = out / "index.html", out / "tin-tuc" / "feed.xml"
    page.write_text("<p>Trang chủ</p>", "utf-8")
    feed.write_text("<feed>mot</feed>", "utf-8")
    files, hashed = _manifest(out)
    assert hashed == 2
    assert files == {"index.html": _record(page), "tin-tuc/feed.xml": _record(feed)}
    # Digests kept in the same instant as the files were written are not trusted yet.
    files, hashed = _manifest(out)
    assert hashed == 2

    # Once the files are clearly older than the kept digests, nothing is hashed again.
    time.sleep(2.1)
    _manifest(out)
    files, hashed = _manifest(out)
    assert hashed == 0
    assert files["tin-tuc/feed.xml"] == _record(feed)

    # The same size and modification time, other bytes: the change time gives it away.
    before = feed.stat()
    feed.write_text("<feed>hai</feed>", "utf-8")
    os.utime(feed, ns=(before.st_atime_ns, before.st_mtime_ns))
    assert feed.stat().st_size == before.st_size
    files, hashed = _manifest(out)
    assert hashed == 1
    assert files["tin-tuc/feed.xml"] == _record(feed)

    # A file gone is gone from the manifest and from the kept digests.
    feed.unlink()
    files, _ = _manifest(out)
    assert set(files) == {"index.html"}
    assert set(FileDigests.open(out / ".pbgdpl-cache").entries) == {"index.html"}


def test_unreadable_kept_digests_mean_every_file_is_hashed(tmp_path: Path) -> None:
    out = tmp_path / "site"
    out.mkdir()
    (out / "index.html").write_text("<p>Trang chủ</p>", "utf-8")
    _manifest(out)
    for kept in (out / ".pbgdpl-cache" / CACHE_FOLDER).iterdir():
        kept.write_bytes(b"not a pickle")
    files, hashed = _manifest(out)
    assert hashed == 1
    assert files["index.html"] == _record(out / "index.html")


def test_an_edit_writes_again_the_digests_of_its_folder_only(tmp_path: Path) -> None:
    out = tmp_path / "site"
    for site in ("ha-noi", "lao-cai", "bo-y-te"):
        (out / site).mkdir(parents=True)
        (out / site / "index.html").write_text(f"<p>{site}</p>", "utf-8")
    (out / "index.html").write_text("<p>Trang chủ</p>", "utf-8")
    _manifest(out)
    time.sleep(2.1)
    _manifest(out)  # every file hashed once more, now that its times are settled
    kept = out / ".pbgdpl-cache" / CACHE_FOLDER

    def stamps() -> dict[str, int]:
        return {p.name: p.stat().st_mtime_ns for p in kept.iterdir()}

    before = stamps()
    assert len(before) == 4  # a file for each site, one for the top
    (out / "lao-cai" / "index.html").write_text("<p>Lào Cai, đã sửa</p>", "utf-8")
    files, hashed = _manifest(out)
    assert hashed == 1
    assert files["lao-cai/index.html"] == _record(out / "lao-cai" / "index.html")
    after = stamps()
    assert len([name for name in before if after[name] != before[name]]) == 1
    # A site removed takes its digests with it.
    shutil.rmtree(out / "bo-y-te")
    files, _ = _manifest(out)
    assert "bo-y-te/index.html" not in files
    assert len(stamps()) == 3
    assert set(FileDigests.open(out / ".pbgdpl-cache").entries) == set(files)
