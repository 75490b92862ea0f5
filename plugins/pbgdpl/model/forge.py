"""Where the web editor saves editors' work: the portal's Git forge (content/portal.yml).

GitHub first; a ministry or province that keeps its own Gitea, Forgejo or GitLab server
names it here, and the web editor (pbgdpl.webeditor) logs in and opens pull requests there.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, ClassVar

from pbgdpl.model.fields import URL, Field, FieldError
from pbgdpl.model.vocabularies import Vocabularies

FORGE_KINDS = {"github": "GitHub", "gitea": "Gitea hoặc Forgejo", "gitlab": "GitLab"}
REPOSITORY = re.compile(r"^[A-Za-z0-9_.-]+(?:/[A-Za-z0-9_.-]+)+$")
BRANCH = re.compile(r"^[A-Za-z0-9._/-]+$")


@dataclass(frozen=True)
class Forge:
    """The repository the editor works in, and how editors log in to its forge."""

    kind: str = "github"
    repo: str = "pbgdpl/cong-pbgdpl"
    branch: str = "main"
    server: str = ""
    """The https address of a self-hosted forge; empty for github.com or gitlab.com."""
    app_id: str = ""
    """The OAuth application's client id (Gitea, Forgejo, GitLab: login without a server)."""
    auth_url: str = ""
    """GitHub: the https address of the OAuth proxy that logs editors in."""


@dataclass(frozen=True)
class ForgeSetting(Field):
    """The `editor:` block of content/portal.yml: forge, repo, branch and login settings."""

    KEYS: ClassVar[tuple[str, ...]] = ("forge", "repo", "branch", "server", "app_id", "auth_url")

    def parse(self, value: Any, vocabularies: Vocabularies) -> Forge:
        example = "{forge: github, repo: to-chuc/kho, branch: main}"
        if not isinstance(value, dict) or not all(isinstance(v, str) for v in value.values()):
            raise self._wrong_type(value, f"một bảng khóa, ví dụ {example}")
        unknown = sorted(str(k) for k in set(value) - set(self.KEYS))
        if unknown:
            raise self._problem(f"có khóa lạ {', '.join(unknown)}; chỉ dùng {', '.join(self.KEYS)}")
        kind = value.get("forge", "github")
        if kind not in FORGE_KINDS:
            raise self._problem(f'"forge" phải là một trong {", ".join(FORGE_KINDS)}')
        if not REPOSITORY.fullmatch(value.get("repo", "")):
            raise self._problem('"repo" phải là tên kho dạng to-chuc/ten-kho')
        if not BRANCH.fullmatch(value.get("branch", "main")):
            raise self._problem('"branch" phải là tên nhánh, ví dụ main')
        for key in ("server", "auth_url"):
            if key in value and not URL.fullmatch(value[key]):
                raise self._problem(f'"{key}" phải là địa chỉ bắt đầu bằng https://')
        if kind != "github" and "app_id" not in value:
            raise self._problem(
                f'với {FORGE_KINDS[kind]}, cần "app_id" (mã ứng dụng OAuth, xem README, mục '
                '"Biên tập trên trình duyệt")'
            )
        return Forge(
            kind,
            value["repo"],
            value.get("branch", "main"),
            value.get("server", "").rstrip("/"),
            value.get("app_id", ""),
            value.get("auth_url", "").rstrip("/"),
        )

    def _problem(self, why: str) -> FieldError:
        return FieldError("invalid-editor", f'Trường "{self.key}" ({self.label}): {why}.')

    def describe(self, vocabularies: Vocabularies) -> dict[str, Any]:
        return {
            "type": "object",
            "required": ["repo"],
            "additionalProperties": False,
            "properties": {
                "forge": {"type": "string", "enum": list(FORGE_KINDS)},
                "repo": {"type": "string", "pattern": REPOSITORY.pattern},
                "branch": {"type": "string", "pattern": BRANCH.pattern},
                "server": {"type": "string", "pattern": URL.pattern},
                "app_id": {"type": "string"},
                "auth_url": {"type": "string", "pattern": URL.pattern},
            },
        }
