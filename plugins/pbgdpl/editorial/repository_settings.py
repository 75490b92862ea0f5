"""Check, through GitHub's API, the repository settings that make the board's rules hold.

CODEOWNERS says who owns what; only the repository's settings make GitHub wait for them:
a protected main (branch protection or rulesets) that requires a pull request, a code
owner's review of its latest push and the two checks, with nobody allowed around it; the
board's and maintainers' teams with write access; workflows with a read-only token; Pages
deployed by the workflow from main alone. Each finding says where in Settings to fix it.

The API is read with a token in GITHUB_TOKEN (or GH_TOKEN) that may read the repository's
administration settings; the token is sent to the API address only and never printed.
"""

from __future__ import annotations

import json
import urllib.error
import urllib.request
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any
from urllib.parse import quote, urlsplit

from pbgdpl.editorial.roles import Roles

GITHUB_API = "https://api.github.com"
# The names of the jobs whose checks must pass: .github/workflows/ci.yml and review.yml.
REQUIRED_CHECKS = ("make test", "Kiểm tra, báo cáo, bản xem trước")
PAGES_ENVIRONMENT = "github-pages"
LOOPBACK = ("127.0.0.1", "localhost", "::1")
TIMEOUT_SECONDS = 20


class SettingsError(Exception):
    """The API could not be read: a wrong address, repository or token."""


@dataclass(frozen=True)
class Finding:
    """One setting: whether it holds, what was found, and where to set it."""

    setting: str
    ok: bool
    found: str
    fix: str = ""


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    """Refuse redirects, so the token never leaves the API address."""

    def redirect_request(self, *args: Any, **kwargs: Any) -> None:
        return None


Get = Callable[[str], Any]
"""Read one API path; return its JSON, or None when GitHub answers 404 (not set)."""


def api_reader(api: str, token: str | None) -> Get:
    """Return a reader of GitHub's REST API at `api` (https, or http on this machine)."""
    parts = urlsplit(api)
    if not (parts.scheme == "https" or (parts.scheme == "http" and parts.hostname in LOOPBACK)):
        raise SettingsError(f"Địa chỉ API phải bắt đầu bằng https:// ({api})")
    base = api.rstrip("/")
    # urllib would send the token on to wherever a redirect points: follow none.
    opener = urllib.request.build_opener(_NoRedirect)

    def get(path: str) -> Any:
        request = urllib.request.Request(base + path)
        request.add_header("Accept", "application/vnd.github+json")
        request.add_header("X-GitHub-Api-Version", "2022-11-28")
        if token:
            request.add_header("Authorization", f"Bearer {token}")
        try:
            with opener.open(request, timeout=TIMEOUT_SECONDS) as answer:
                return json.loads(answer.read().decode("utf-8") or "null")
        except urllib.error.HTTPError as error:
            if error.code == 404:
                return None
            if error.code in (401, 403):
                raise SettingsError(
                    f"GitHub từ chối đọc {path} (HTTP {error.code}): cần token của quản trị kho, "
                    "quyền đọc Administration, trong biến GITHUB_TOKEN (a token that may read "
                    "the repository's administration settings)"
                ) from None
            # A redirect (a renamed repository) is refused too, so it lands here.
            raise SettingsError(f"GitHub trả lỗi HTTP {error.code} cho {path}") from None
        except (urllib.error.URLError, TimeoutError, ValueError) as error:
            raise SettingsError(f"Không đọc được {base}{path}: {error}") from None

    return get


def _rules(get: Get, repo: str, branch: str) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    """Return the branch protection (or {}) and the ruleset rules that apply to `branch`."""
    protection = get(f"/repos/{repo}/branches/{quote(branch, safe='')}/protection") or {}
    rules = get(f"/repos/{repo}/rules/branches/{quote(branch, safe='')}") or []
    return protection, [r for r in rules if isinstance(r, dict)]


def _rule(rules: list[dict[str, Any]], kind: str) -> list[dict[str, Any]]:
    return [r.get("parameters") or {} for r in rules if r.get("type") == kind]


def _either(protected: bool, ruled: bool) -> str:
    if protected and ruled:
        return "bảo vệ nhánh và ruleset"
    return "bảo vệ nhánh" if protected else "ruleset" if ruled else "chưa đặt"


def branch_findings(get: Get, repo: str, branch: str) -> list[Finding]:
    """Check that `branch` takes changes only through reviewed, checked pull requests."""
    protection, rules = _rules(get, repo, branch)
    reviews = protection.get("required_pull_request_reviews") or {}
    pulls = _rule(rules, "pull_request")
    checks = protection.get("required_status_checks") or {}
    ruled_checks = _rule(rules, "required_status_checks")
    where = f"Settings → Rules → Rulesets (nhánh {branch}), hoặc Settings → Branches"

    def review_rule(classic: str, ruleset: str, label: str) -> Finding:
        held = bool(reviews.get(classic)) or any(p.get(ruleset) for p in pulls)
        return Finding(label, held, "bật" if held else "chưa bật", f"{where}: bật “{label}”")

    count = max(
        [int(reviews.get("required_approving_review_count") or 0)]
        + [int(p.get("required_approving_review_count") or 0) for p in pulls]
    )
    names = {str(c) for c in checks.get("contexts") or ()}
    names |= {str(c.get("context")) for c in checks.get("checks") or () if isinstance(c, dict)}
    for parameters in ruled_checks:
        names |= {
            str(c.get("context"))
            for c in parameters.get("required_status_checks") or ()
            if isinstance(c, dict)
        }
    missing = [name for name in REQUIRED_CHECKS if name not in names]
    strict = bool(checks.get("strict")) or any(
        p.get("strict_required_status_checks_policy") for p in ruled_checks
    )
    no_force = (
        protection and not (protection.get("allow_force_pushes") or {}).get("enabled")
    ) or any(r.get("type") == "non_fast_forward" for r in rules)
    no_delete = (
        protection and not (protection.get("allow_deletions") or {}).get("enabled")
    ) or any(r.get("type") == "deletion" for r in rules)
    return [
        Finding(
            f"Nhánh {branch} chỉ nhận thay đổi qua pull request",
            bool(reviews) or bool(pulls),
            _either(bool(reviews), bool(pulls)),
            f"{where}: bật “Require a pull request before merging”",
        ),
        review_rule(
            "require_code_owner_reviews",
            "require_code_owner_review",
            "Require review from Code Owners",
        ),
        Finding(
            "Số người duyệt tối thiểu",
            count >= 1,
            str(count),
            f"{where}: “Required approvals” ít nhất 1",
        ),
        review_rule(
            "dismiss_stale_reviews",
            "dismiss_stale_reviews_on_push",
            "Dismiss stale pull request approvals when new commits are pushed",
        ),
        review_rule(
            "require_last_push_approval",
            "require_last_push_approval",
            "Require approval of the most recent reviewable push",
        ),
        Finding(
            "Kiểm tra bắt buộc: " + ", ".join(f"“{n}”" for n in REQUIRED_CHECKS),
            not missing,
            "thiếu " + ", ".join(f"“{n}”" for n in missing) if missing else "đủ",
            f"{where}: “Require status checks to pass”, thêm các kiểm tra còn thiếu",
        ),
        Finding(
            "Nhánh phải cập nhật trước khi hợp nhất",
            strict,
            "bật" if strict else "chưa bật",
            f"{where}: bật “Require branches to be up to date before merging”",
        ),
        Finding(
            "Chặn force push",
            bool(no_force),
            "chặn" if no_force else "chưa chặn",
            f"{where}: bật “Block force pushes”",
        ),
        Finding(
            "Không cho xóa nhánh",
            bool(no_delete),
            "chặn" if no_delete else "chưa chặn",
            f"{where}: bật “Restrict deletions”",
        ),
        _bypass(get, repo, protection, rules, where),
    ]


def _bypass(
    get: Get, repo: str, protection: dict[str, Any], rules: list[dict[str, Any]], where: str
) -> Finding:
    """Check that nobody, administrators included, may merge around the rules."""
    label = "Không ai được bỏ qua quy tắc (kể cả quản trị)"
    if protection:
        held = bool((protection.get("enforce_admins") or {}).get("enabled"))
        return Finding(
            label,
            held,
            "áp dụng" if held else "quản trị bỏ qua được",
            f"{where}: bật “Do not allow bypassing the above settings”",
        )
    actors = []
    for ruleset in sorted({int(r["ruleset_id"]) for r in rules if "ruleset_id" in r}):
        detail = get(f"/repos/{repo}/rulesets/{ruleset}") or {}
        if "bypass_actors" not in detail:
            return Finding(
                label, False, "không đọc được danh sách bỏ qua", "dùng token của quản trị kho"
            )
        actors += [str(a.get("actor_type", "?")) for a in detail["bypass_actors"] or ()]
    held = bool(rules) and not actors
    found = (
        "danh sách bỏ qua trống" if held else ("có: " + ", ".join(actors) if actors else "chưa đặt")
    )
    return Finding(label, held, found, f"{where}: để trống “Bypass list”")


def team_findings(get: Get, repo: str, roles: Roles) -> list[Finding]:
    """Check that the board's and maintainers' teams and logins may write to the repository."""
    findings = []
    for who, entries in (("Ban Biên tập", roles.board), ("Nhóm kỹ thuật", roles.maintainers)):
        for entry in entries:
            if "/" in entry:
                org, team = entry.split("/", 1)
                answer = get(f"/orgs/{quote(org)}/teams/{quote(team)}/repos/{repo}")
                permissions = (answer or {}).get("permissions") or {}
                held = bool(permissions.get("push"))
                found = (
                    "chưa có nhóm hoặc chưa có quyền trên kho"
                    if answer is None
                    else ("có quyền ghi" if held else "chỉ có quyền đọc")
                )
                fix = f"Organization → Teams: tạo nhóm {entry}, cho quyền Write trên kho {repo}"
            else:
                answer = get(f"/repos/{repo}/collaborators/{quote(entry)}/permission")
                permission = str((answer or {}).get("permission", "none"))
                held = permission in ("admin", "write")
                found = f"quyền {permission}"
                fix = f"Settings → Collaborators and teams: cho {entry} quyền Write"
            findings.append(Finding(f"{who}: {entry}", held, found, fix))
    return findings


def workflow_findings(get: Get, repo: str) -> list[Finding]:
    """Check the workflows' token and that Pages deploys from the workflow on main alone."""
    actions = get(f"/repos/{repo}/actions/permissions/workflow") or {}
    read_only = actions.get("default_workflow_permissions") == "read"
    approves = bool(actions.get("can_approve_pull_request_reviews"))
    pages = get(f"/repos/{repo}/pages") or {}
    environment = get(f"/repos/{repo}/environments/{PAGES_ENVIRONMENT}") or {}
    policy = environment.get("deployment_branch_policy") or {}
    branches: Iterable[str] = ()
    if policy.get("custom_branch_policies"):
        answer = get(f"/repos/{repo}/environments/{PAGES_ENVIRONMENT}/deployment-branch-policies")
        branches = [str(p.get("name")) for p in (answer or {}).get("branch_policies") or ()]
    main_only = bool(policy.get("protected_branches")) or list(branches) == ["main"]
    errors = get(f"/repos/{repo}/codeowners/errors") or {}
    problems = [str(e.get("message", "")).splitlines()[0] for e in errors.get("errors") or ()]
    return [
        Finding(
            "Quyền mặc định của workflow: chỉ đọc",
            read_only,
            str(actions.get("default_workflow_permissions", "không rõ")),
            "Settings → Actions → General → Workflow permissions: “Read repository contents”",
        ),
        Finding(
            "Actions không được tạo hay duyệt pull request",
            not approves,
            "được" if approves else "không",
            "Settings → Actions → General: bỏ chọn “Allow GitHub Actions to create and approve "
            "pull requests”",
        ),
        Finding(
            "Pages đăng bằng workflow “Dựng và đăng cổng”",
            pages.get("build_type") == "workflow",
            str(pages.get("build_type", "chưa bật Pages")),
            "Settings → Pages → Source: “GitHub Actions”",
        ),
        Finding(
            f"Môi trường {PAGES_ENVIRONMENT} chỉ nhận nhánh main",
            main_only,
            "chỉ main" if main_only else ("chưa giới hạn" if environment else "chưa có môi trường"),
            f"Settings → Environments → {PAGES_ENVIRONMENT} → Deployment branches: chỉ main "
            "(hoặc Protected branches only)",
        ),
        Finding(
            "CODEOWNERS không có lỗi",
            not problems,
            "; ".join(problems) or "không lỗi",
            "sửa .github/CODEOWNERS (sinh lại bằng build.py codeowners --base origin/main)",
        ),
    ]


def check_repository(get: Get, repo: str, branch: str, roles: Roles) -> list[Finding]:
    """Return every finding on the repository `repo` (owner/name) and its `branch`."""
    if get(f"/repos/{repo}") is None:
        raise SettingsError(f"Không thấy kho {repo} (sai tên, hoặc token không đọc được kho)")
    return [
        *branch_findings(get, repo, branch),
        *team_findings(get, repo, roles),
        *workflow_findings(get, repo),
    ]
