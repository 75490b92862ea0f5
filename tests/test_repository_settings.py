"""`build.py repo-settings` against a local stand-in for GitHub's API (our boundary).

A real HTTP server in a thread answers the REST paths the command reads with the JSON
GitHub documents for them: once with the settings README asks for, once with the usual
mistakes, each of which the command must name with where to fix it.
"""

from __future__ import annotations

import http.server
import json
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any, ClassVar

import pytest
import yaml

from pbgdpl.editorial.repository_settings import REQUIRED_CHECKS

REPO = "pbgdpl/cong-pbgdpl"
TOKEN = "ghp_thu-nghiem-khong-that"


def ruleset_settings() -> dict[str, Any]:
    """What GitHub answers for a repository set up as README says, with a ruleset."""
    return {
        f"/repos/{REPO}": {"full_name": REPO},
        f"/repos/{REPO}/rules/branches/main": [
            {
                "type": "pull_request",
                "ruleset_id": 7,
                "parameters": {
                    "require_code_owner_review": True,
                    "required_approving_review_count": 1,
                    "dismiss_stale_reviews_on_push": True,
                    "require_last_push_approval": True,
                },
            },
            {
                "type": "required_status_checks",
                "ruleset_id": 7,
                "parameters": {
                    "strict_required_status_checks_policy": True,
                    "required_status_checks": [{"context": name} for name in REQUIRED_CHECKS],
                },
            },
            {"type": "non_fast_forward", "ruleset_id": 7},
            {"type": "deletion", "ruleset_id": 7},
        ],
        f"/repos/{REPO}/rulesets/7": {"id": 7, "enforcement": "active", "bypass_actors": []},
        f"/orgs/pbgdpl-bbt/teams/thuong-truc/repos/{REPO}": {"permissions": {"push": True}},
        f"/orgs/pbgdpl-bbt/teams/ky-thuat/repos/{REPO}": {"permissions": {"push": True}},
        f"/repos/{REPO}/actions/permissions/workflow": {
            "default_workflow_permissions": "read",
            "can_approve_pull_request_reviews": False,
        },
        f"/repos/{REPO}/pages": {"build_type": "workflow"},
        f"/repos/{REPO}/environments/github-pages": {
            "deployment_branch_policy": {
                "protected_branches": True,
                "custom_branch_policies": False,
            }
        },
        f"/repos/{REPO}/codeowners/errors": {"errors": []},
    }


def mistaken_settings() -> dict[str, Any]:
    """Classic branch protection as people often leave it, and loose workflow settings."""
    answers = ruleset_settings()
    del answers[f"/repos/{REPO}/rules/branches/main"]
    answers[f"/repos/{REPO}/branches/main/protection"] = {
        "required_pull_request_reviews": {
            "require_code_owner_reviews": False,
            "required_approving_review_count": 1,
            "dismiss_stale_reviews": True,
            "require_last_push_approval": False,
        },
        "required_status_checks": {"strict": True, "contexts": ["make test"]},
        "enforce_admins": {"enabled": False},
        "allow_force_pushes": {"enabled": False},
        "allow_deletions": {"enabled": False},
    }
    answers[f"/orgs/pbgdpl-bbt/teams/ky-thuat/repos/{REPO}"] = {"permissions": {"push": False}}
    answers[f"/repos/{REPO}/actions/permissions/workflow"] = {
        "default_workflow_permissions": "write",
        "can_approve_pull_request_reviews": True,
    }
    answers[f"/repos/{REPO}/pages"] = {"build_type": "legacy"}
    answers[f"/repos/{REPO}/codeowners/errors"] = {
        "errors": [{"line": 3, "message": "Unknown owner on line 3: @pbgdpl-bbt/thuong-truc\n"}]
    }
    del answers[f"/orgs/pbgdpl-bbt/teams/thuong-truc/repos/{REPO}"]
    return answers


class Moved:
    """A redirect, as GitHub answers for a renamed repository."""

    def __init__(self, to: str) -> None:
        self.to = to


class FakeGitHub(http.server.BaseHTTPRequestHandler):
    """Answer GET requests from `answers` by path (404 otherwise); record what was asked."""

    answers: ClassVar[dict[str, Any]] = {}
    seen: ClassVar[list[tuple[str, str | None]]] = []

    def do_GET(self) -> None:
        path = self.path.split("?")[0]
        self.seen.append((path, self.headers.get("Authorization")))
        if path in self.answers and isinstance(self.answers[path], Moved):
            self.send_response(301)
            self.send_header("Location", self.answers[path].to)
            self.end_headers()
            return
        found = path in self.answers
        body = json.dumps(self.answers[path] if found else {"message": "Not Found"}).encode()
        self.send_response(200 if found else 404)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: Any) -> None:
        pass


@pytest.fixture
def github() -> Iterator[tuple[str, type[FakeGitHub]]]:
    handler = type("Handler", (FakeGitHub,), {"answers": {}, "seen": []})
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}", handler
    server.shutdown()
    server.server_close()


def check(run_cli, root: Path, api: str, monkeypatch: pytest.MonkeyPatch) -> tuple[int, str, str]:
    monkeypatch.setenv("GITHUB_TOKEN", TOKEN)
    return run_cli(root, "repo-settings", "--api", api)


def test_the_settings_readme_asks_for_pass(
    github, sample_portal: Path, run_cli, monkeypatch: pytest.MonkeyPatch
) -> None:
    api, handler = github
    handler.answers = ruleset_settings()
    status, out, err = check(run_cli, sample_portal, api, monkeypatch)
    assert status == 0, out + err
    assert out.startswith(f"Cài đặt kho {REPO} (nhánh main), đọc qua GitHub API:")
    assert "CHƯA ĐẠT" not in out
    assert "17/17 cài đặt đạt." in out
    # The repository comes from content/portal.yml; every request carries the token.
    assert {auth for _, auth in handler.seen} == {f"Bearer {TOKEN}"}
    assert TOKEN not in out + err


def test_each_mistake_is_named_with_where_to_fix_it(
    github, sample_portal: Path, run_cli, monkeypatch: pytest.MonkeyPatch
) -> None:
    api, handler = github
    handler.answers = mistaken_settings()
    status, out, _ = check(run_cli, sample_portal, api, monkeypatch)
    assert status == 1
    failed = [line.strip() for line in out.splitlines() if "CHƯA ĐẠT" in line]
    expected = (
        "Require review from Code Owners: chưa bật → Settings → Rules",
        "Require approval of the most recent reviewable push: chưa bật",
        "Kiểm tra bắt buộc: “make test”, “Kiểm tra, báo cáo, bản xem trước”: thiếu “Kiểm tra",
        "Không ai được bỏ qua quy tắc (kể cả quản trị): quản trị bỏ qua được → ",
        "Ban Biên tập: pbgdpl-bbt/thuong-truc: chưa có nhóm hoặc chưa có quyền trên kho → "
        "Organization → Teams: tạo nhóm pbgdpl-bbt/thuong-truc",
        "Nhóm kỹ thuật: pbgdpl-bbt/ky-thuat: chỉ có quyền đọc",
        "Quyền mặc định của workflow: chỉ đọc: write → Settings → Actions → General",
        "Actions không được tạo hay duyệt pull request: được",
        "Pages đăng bằng workflow “Dựng và đăng cổng”: legacy → Settings → Pages → Source",
        "CODEOWNERS không có lỗi: Unknown owner on line 3: @pbgdpl-bbt/thuong-truc →",
    )
    for mistake in expected:
        assert sum(mistake in line for line in failed) == 1, mistake
    assert len(failed) == len(expected)
    assert f"{17 - len(expected)}/17 cài đặt đạt." in out


def test_a_refused_token_or_an_unknown_repository_is_explained(
    github, sample_portal: Path, run_cli, monkeypatch: pytest.MonkeyPatch
) -> None:
    api, _ = github
    status, _, err = check(run_cli, sample_portal, api, monkeypatch)
    assert status == 2 and f"Không thấy kho {REPO}" in err
    status, _, err = run_cli(sample_portal, "repo-settings", "--api", api, "--repo", "../x")
    assert status == 2 and "không đúng dạng tổ-chức/tên-kho" in err
    status, _, err = run_cli(sample_portal, "repo-settings", "--api", "http://example.com")
    assert status == 2 and "https://" in err


def test_the_token_never_follows_a_redirect(
    github, sample_portal: Path, run_cli, monkeypatch: pytest.MonkeyPatch
) -> None:
    api, handler = github
    handler.answers = ruleset_settings()
    handler.answers[f"/repos/{REPO}"] = Moved(f"{api}/elsewhere/{REPO}")
    status, _, err = check(run_cli, sample_portal, api, monkeypatch)
    assert status == 2 and "HTTP 301" in err
    assert [path for path, _ in handler.seen] == [f"/repos/{REPO}"]


def test_the_required_checks_are_the_workflows_jobs() -> None:
    workflows = Path(__file__).parent.parent / ".github/workflows"
    # A job that runs only sometimes (the comment, skipped for forks) cannot be required:
    # a pull request it skips would wait for it forever.
    names = {
        job["name"]
        for file in ("ci.yml", "review.yml")
        for job in yaml.safe_load((workflows / file).read_text("utf-8"))["jobs"].values()
        if "if" not in job
    }
    assert set(REQUIRED_CHECKS) == names
