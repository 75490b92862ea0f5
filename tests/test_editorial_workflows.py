"""The GitHub workflows: linted by actionlint, audited by zizmor (offline), and safe by design."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from conftest import REPO

WORKFLOWS = REPO / ".github/workflows"
TOOLS = Path(sys.executable).parent


def workflow(name: str) -> dict:
    # PyYAML reads the key `on` as True (YAML 1.1); keep it readable here.
    data = yaml.safe_load((WORKFLOWS / name).read_text("utf-8"))
    data["on"] = data.pop(True)
    return data


def run(*command: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(command, cwd=REPO, capture_output=True, text=True, check=False)


def test_actionlint_passes() -> None:
    done = run(str(TOOLS / "actionlint"), *sorted(str(p) for p in WORKFLOWS.glob("*.yml")))
    assert done.returncode == 0, done.stdout + done.stderr


def test_zizmor_finds_nothing_even_as_an_auditor() -> None:
    done = run(str(TOOLS / "zizmor"), "--offline", "--persona", "auditor", str(WORKFLOWS))
    assert done.returncode == 0, done.stdout + done.stderr
    assert "No findings to report" in done.stdout


@pytest.mark.parametrize("name", sorted(p.name for p in WORKFLOWS.glob("*.yml")))
def test_no_workflow_runs_untrusted_code_with_write_access(name: str) -> None:
    data = workflow(name)
    triggers = set(data["on"]) if isinstance(data["on"], dict) else {data["on"]}
    assert not triggers & {"pull_request_target", "workflow_run"}
    text = (WORKFLOWS / name).read_text("utf-8")
    assert "secrets." not in text
    for action in re.findall(r"uses:\s*(\S+)", text):
        assert re.fullmatch(r"[\w.-]+/[\w.-]+@[0-9a-f]{40}", action), action
    assert data["permissions"] == {}, "permissions are granted job by job"


def test_pull_requests_get_annotations_a_report_and_a_preview_read_only() -> None:
    data = workflow("review.yml")
    assert set(data["on"]) == {"pull_request"}
    job = data["jobs"]["review"]
    assert job["permissions"] == {"contents": "read"}
    runs = "\n".join(step.get("run", "") for step in job["steps"])
    assert "build.py validate --format github" in runs
    assert "build.py validate --format comment > comment/nhan-xet.md" in runs
    assert "build.py review" in runs and '>> "$GITHUB_STEP_SUMMARY"' in runs
    assert 'build.py build --out preview --keep-going "${only[@]}"' in runs
    assert "build.py codeowners --check" in runs
    # The uploaded preview is the copy that opens from disk (tests/test_publishing_disk_preview.py).
    assert "build.py disk-preview preview --out ban-xem-truoc" in runs
    uploads = [s for s in job["steps"] if "upload-artifact" in s.get("uses", "")]
    assert [u["with"]["path"] for u in uploads] == ["comment", "ban-xem-truoc"]


def test_the_result_reaches_the_editor_as_a_comment_from_a_job_that_runs_no_pr_code() -> None:
    data = workflow("review.yml")
    assert set(data["jobs"]) == {"review", "comment"}
    job = data["jobs"]["comment"]
    assert job["needs"] == "review"
    assert job["permissions"] == {"pull-requests": "write"}
    # Same-repository branches only (the web editor's): a fork's token is read-only anyway.
    assert "head.repo.full_name == github.repository" in job["if"]
    uses = [step.get("uses", "") for step in job["steps"]]
    assert not any("checkout" in u or "setup-python" in u for u in uses)
    runs = "\n".join(step.get("run", "") for step in job["steps"])
    assert "build.py" not in runs and ".venv" not in runs
    assert "gh pr comment" in runs and "--edit-last" in runs


def test_main_and_nightly_builds_deploy_to_pages_one_at_a_time() -> None:
    data = workflow("portal.yml")
    assert data["on"]["push"] == {"branches": ["main"]}
    assert data["on"]["schedule"] == [{"cron": "0 17 * * *"}]  # 00:00 in Vietnam
    assert data["concurrency"] == {"group": "pages", "cancel-in-progress": False}
    deploy = data["jobs"]["deploy"]
    assert deploy["permissions"] == {"pages": "write", "id-token": "write"}
    assert deploy["environment"]["name"] == "github-pages"
    assert any("deploy-pages" in s.get("uses", "") for s in deploy["steps"])
    # Every other job reads only.
    for name, job in data["jobs"].items():
        if name != "deploy":
            assert job["permissions"] in ({}, {"contents": "read"}), name


def test_the_pull_request_template_holds_the_boards_checklist() -> None:
    text = (REPO / ".github/pull_request_template.md").read_text("utf-8")
    boxes = re.findall(r"^- \[ \] (.+)$", text, flags=re.MULTILINE)
    assert len(boxes) >= 8
    assert "## Ban Biên tập duyệt" in text
    assert any("redirect_from" in box for box in boxes)
    assert any("ngày có hiệu lực" in box for box in boxes)


def test_the_published_portal_carries_its_web_editor() -> None:
    steps = workflow("portal.yml")["jobs"]["assemble"]["steps"]
    runs = [step.get("run", "") for step in steps]
    install = runs.index("make node_modules/.installed")
    joined = next(i for i, r in enumerate(runs) if "build.py assemble" in r)
    assert install < joined and runs[joined].endswith("--out site --editor")
