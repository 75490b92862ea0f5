"""A build that finds nothing changed says what the last one said and does nothing else;
any change (a file, the build's moment passing a scheduled item, the output) is seen."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from conftest import write

pytestmark = pytest.mark.long
NEWS = "agencies/ha-noi/tin-tuc/boi-duong-hoa-giai-vien-nam-2026.md"
SCHEDULED = "agencies/lao-cai/tin-tuc/lich-tiep-cong-dan-chieu-23-11.md"
SCHEDULED_PAGE = "lao-cai/tin-tuc/lich-tiep-cong-dan-chieu-23-11/index.html"


def _build(run_cli, root: Path, as_of: str) -> tuple[dict, str]:
    report = root / "report.json"
    status, _, err = run_cli(
        root, "build", "--out", str(root / "site"), "--as-of", as_of, "--report", str(report)
    )
    assert status == 0, err
    return json.loads(report.read_text("utf-8")), err


def _problems(err: str) -> list[str]:
    """The editors' problems a build printed, without its closing summary."""
    return [line for line in err.splitlines() if not line.startswith("Đã dựng")]


def test_nothing_changed_means_nothing_done_and_the_same_problems_said(
    portal_copy: Path, run_cli
) -> None:
    write(
        portal_copy / SCHEDULED,
        "---\ntitle: Lịch tiếp công dân chiều 23/11\ndate: 2026-11-23\n"
        "publish_at: 2026-11-23T14:00\n---\n\nLịch tiếp công dân của Sở Tư pháp.\n",
    )
    _, first_err = _build(run_cli, portal_copy, "2026-11-23T09:00")
    # The record is trusted once the files are clearly older than it (as the parse cache).
    time.sleep(2.1)
    figures, err = _build(run_cli, portal_copy, "2026-11-23T09:00")
    assert figures["rebuilt"] == []
    figures, err = _build(run_cli, portal_copy, "2026-11-23T09:30")
    assert figures["rebuilt"] == [] and list(figures["timings"]) == ["unchanged"]
    assert figures["sites_skipped"] > 1
    assert _problems(err) == _problems(first_err)
    assert not (portal_copy / "site" / SCHEDULED_PAGE).exists()

    # The moment passes the scheduled time: the item comes out, though no file changed.
    figures, _ = _build(run_cli, portal_copy, "2026-11-23T14:30")
    assert "lao-cai" in figures["rebuilt"]
    assert (portal_copy / "site" / SCHEDULED_PAGE).is_file()

    # The same size and modification time, other words: the change time gives it away.
    time.sleep(2.1)
    path = portal_copy / NEWS
    before = path.stat()
    text = path.read_text("utf-8")
    changed = text.replace("hòa giải", "hoà giải", 1)
    assert changed != text and len(changed.encode()) == len(text.encode())
    path.write_text(changed, "utf-8")
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))
    figures, _ = _build(run_cli, portal_copy, "2026-11-23T14:30")
    assert "ha-noi" in figures["rebuilt"]

    # The output touched by someone else (its manifest gone): the build looks again.
    time.sleep(2.1)
    _build(run_cli, portal_copy, "2026-11-23T14:30")
    (portal_copy / "site" / "manifest.json").unlink()
    figures, _ = _build(run_cli, portal_copy, "2026-11-23T14:30")
    assert "load" in figures["timings"]
    assert (portal_copy / "site" / "manifest.json").is_file()


def test_a_new_commit_is_a_change_though_no_file_changed(portal_copy: Path, run_cli) -> None:
    # The pages' history ("last updated", change notes) is read from Git.
    git = ["git", "-c", "user.name=Biên tập", "-c", "user.email=bientap@example.gov.vn"]
    for step in (["init", "-q", "-b", "main"], ["add", "-A"], ["commit", "-q", "-m", "Bản đầu"]):
        subprocess.run([*git, *step], cwd=portal_copy, check=True, capture_output=True)
    _build(run_cli, portal_copy, "2026-11-23")
    time.sleep(2.1)
    figures, _ = _build(run_cli, portal_copy, "2026-11-23")
    assert list(figures["timings"]) == ["unchanged"]
    subprocess.run(
        [*git, "commit", "-q", "--allow-empty", "-m", "Không đổi tệp"],
        cwd=portal_copy,
        check=True,
    )
    figures, _ = _build(run_cli, portal_copy, "2026-11-23")
    assert "load" in figures["timings"]


def test_a_dangling_link_is_reported_by_the_loader_not_a_crash(portal_copy: Path, run_cli) -> None:
    link = portal_copy / "agencies/ha-noi/tin-tuc/lien-ket-hong.md"
    link.symlink_to(portal_copy / "khong-co-tep-nay.md")
    status, _, err = run_cli(
        portal_copy, "build", "--out", str(portal_copy / "site"), "--as-of", "2026-11-23"
    )
    assert status == 1
    assert "agencies/ha-noi/tin-tuc/lien-ket-hong.md" in err
    assert "Traceback" not in err


def test_a_touched_file_with_the_same_bytes_is_no_change(portal_copy: Path, run_cli) -> None:
    _build(run_cli, portal_copy, "2026-11-23")
    time.sleep(2.1)
    path = portal_copy / NEWS
    # Saved again as it was (an editor's save, a checkout): new times, the same bytes.
    path.write_bytes(path.read_bytes())
    figures, _ = _build(run_cli, portal_copy, "2026-11-23")
    assert list(figures["timings"]) == ["unchanged"]
    # Finding nothing changed needs neither the renderer, MkDocs, Git nor the other
    # commands: importing them took longer than the look.
    heavy = ("mkdocs", "git", "pbgdpl.pipeline.build", "pbgdpl.catalog", "pbgdpl.cli.editorial")
    look = (
        "import sys\nfrom pbgdpl.cli import main\n"
        f"status = main(['--root', {str(portal_copy)!r}, 'build', '--out', "
        f"{str(portal_copy / 'site')!r}, '--as-of', '2026-11-23'])\n"
        f"print(status, *[m for m in {heavy!r} if m in sys.modules])"
    )
    looked = subprocess.run(
        [sys.executable, "-c", look], capture_output=True, text=True, check=False
    )
    summary, loaded = looked.stdout.splitlines()
    assert loaded == "0", looked.stderr
    assert summary.startswith("Đã dựng 0 trang"), summary
    # Touched again, now with other words: the build sees them.
    text = path.read_text("utf-8")
    path.write_text(text.replace("hòa giải", "hoà giải", 1), "utf-8")
    figures, _ = _build(run_cli, portal_copy, "2026-11-23")
    assert "ha-noi" in figures["rebuilt"]
    page = portal_copy / "site/ha-noi/tin-tuc/boi-duong-hoa-giai-vien-nam-2026/index.html"
    assert "hoà giải" in page.read_text("utf-8")
    # A touched file that is not Markdown (no parsed bytes to compare): a full look.
    time.sleep(2.1)
    settings = portal_copy / "agencies/ha-noi/agency.yml"
    settings.write_bytes(settings.read_bytes())
    figures, _ = _build(run_cli, portal_copy, "2026-11-23")
    assert "load" in figures["timings"] and figures["rebuilt"] == []
