"""One broken agency never stops the portal: main publishes the last good version of it."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import yaml
from editorial_repo import PortalRepo

from conftest import AS_OF, REPO

NEWS = "agencies/ha-noi/tin-tuc/boi-duong-hoa-giai-vien-nam-2026.md"


def test_a_broken_agency_keeps_its_last_good_pages_and_every_other_agency_publishes(
    tmp_path: Path, run_cli: Callable[..., tuple[int, str, str]]
) -> None:
    portal = PortalRepo(tmp_path / "repo")
    portal.edit(NEWS, "Nội dung bồi dưỡng tập trung", "Nội dung bồi dưỡng năm nay tập trung")
    portal.commit("Sửa số lớp bồi dưỡng")
    portal.edit(NEWS, "date: 2026-08-06", "date: 2026-13-06")
    new = portal.root / "agencies/lao-cai/tin-tuc/tin-moi-sau-loi.md"
    new.write_text("---\ntitle: Tin mới của Lào Cai\ndate: 2026-11-22\n---\n\nNội dung.\n", "utf-8")
    portal.commit("Một ngày sai ở Hà Nội, một tin mới ở Lào Cai")

    status, _, err = run_cli(portal.root, "restore-last-good")

    assert status == 0
    assert f"Trang thành phần ha-noi: 1 lỗi ({NEWS}:3:" in err
    assert "đăng lại bản không lỗi gần nhất" in err
    out = tmp_path / "site"
    args = ("build", "--keep-going", "--out", str(out), "--as-of", AS_OF.isoformat())
    assert run_cli(portal.root, *args)[0] == 0
    page = out / "ha-noi/tin-tuc/boi-duong-hoa-giai-vien-nam-2026/index.html"
    assert "Nội dung bồi dưỡng năm nay tập trung" in page.read_text(
        "utf-8"
    )  # the last good version, not older
    assert (out / "lao-cai/tin-tuc/tin-moi-sau-loi/index.html").is_file()
    # The committed content still has the error: the content check on main reports it.
    portal.repo.git.checkout("--", "agencies/ha-noi")
    status, annotations, _ = run_cli(portal.root, "validate", "--format", "github")
    assert status == 1
    assert f"::error file={NEWS},line=3" in annotations


def test_the_deploy_restores_broken_agencies_and_fails_a_visible_job() -> None:
    data = yaml.safe_load((REPO / ".github/workflows/portal.yml").read_text("utf-8"))
    shard = "\n".join(s.get("run", "") for s in data["jobs"]["shard"]["steps"])
    assert "build.py restore-last-good" in shard
    assert "build.py build --keep-going --shard" in shard
    assert shard.index("restore-last-good") < shard.index("build --keep-going")
    content = "\n".join(s.get("run", "") for s in data["jobs"]["content"]["steps"])
    assert "build.py validate --format github" in content and "GITHUB_STEP_SUMMARY" in content
    # The deploy does not wait for the content check: valid agencies publish regardless.
    assert "content" not in str(data["jobs"]["deploy"].get("needs", ""))
