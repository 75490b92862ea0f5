"""The `repo-settings` command of build.py: are the repository's settings those the rules need?"""

from __future__ import annotations

import argparse
import os
import re
import sys
from typing import Any

from pbgdpl.editorial.repository_settings import (
    GITHUB_API,
    SettingsError,
    api_reader,
    check_repository,
)
from pbgdpl.editorial.roles import SETTINGS_PATH, roles_in_folder
from pbgdpl.loading.frontmatter import FrontMatterError, read_yaml_mapping
from pbgdpl.model.diagnostics import format_text
from pbgdpl.model.forge import Forge
from pbgdpl.model.terminal import one_line

# owner/name as GitHub spells them: no "." or ".." name, nothing that leaves the API path.
REPOSITORY = re.compile(r"^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})/(?!\.\.?$)[A-Za-z0-9_.-]{1,100}$")


def _configured(args: argparse.Namespace) -> tuple[str, str]:
    """Return the repository and branch: from the arguments, else the `editor:` block."""
    repo, branch = args.repo, args.branch
    if repo is None or branch is None:
        try:
            values, _ = read_yaml_mapping((args.root / SETTINGS_PATH).read_text("utf-8"))
        except (OSError, FrontMatterError):
            values = {}
        editor = values.get("editor")
        if not isinstance(editor, dict):
            editor = {}
        repo = repo or str(editor.get("repo") or Forge.repo)
        branch = branch or str(editor.get("branch") or Forge.branch)
    return repo, branch


def command_repo_settings(args: argparse.Namespace) -> int:
    """Check the GitHub repository's settings; exit 1 when one does not hold."""
    repo, branch = _configured(args)
    if not REPOSITORY.match(repo):
        print(
            f"lỗi: tên kho “{one_line(repo)}” không đúng dạng tổ-chức/tên-kho; ghi --repo hoặc "
            f"khối editor: repo: trong {SETTINGS_PATH}",
            file=sys.stderr,
        )
        return 2
    roles, problems = roles_in_folder(args.root)
    if problems:
        print(format_text(problems), file=sys.stderr)
    token = os.environ.get("GITHUB_TOKEN") or os.environ.get("GH_TOKEN")
    try:
        findings = check_repository(api_reader(args.api, token), repo, branch, roles)
    except SettingsError as error:
        print(f"lỗi: {one_line(error)}", file=sys.stderr)
        return 2
    print(f"Cài đặt kho {repo} (nhánh {one_line(branch)}), đọc qua GitHub API:")
    for finding in findings:
        mark = "đạt     " if finding.ok else "CHƯA ĐẠT"
        line = f"  {mark}  {one_line(finding.setting)}: {one_line(finding.found)}"
        print(line if finding.ok else f"{line} → {one_line(finding.fix)}")
    failed = sum(not f.ok for f in findings)
    print(f"{len(findings) - failed}/{len(findings)} cài đặt đạt.")
    return 1 if failed or problems else 0


def add_commands(commands: Any) -> None:
    """Register repo-settings on build.py's subcommand parser."""
    settings = commands.add_parser(
        "repo-settings",
        help="kiểm tra cài đặt kho trên GitHub (check the repository settings through the API)",
    )
    settings.add_argument(
        "--repo",
        default=None,
        metavar="OWNER/NAME",
        help=f"kho trên GitHub (default: editor: repo: trong {SETTINGS_PATH})",
    )
    settings.add_argument(
        "--branch", default=None, help="nhánh đăng (default: editor: branch:, hoặc main)"
    )
    settings.add_argument(
        "--api", default=GITHUB_API, help=f"địa chỉ GitHub API (default: {GITHUB_API})"
    )
    settings.set_defaults(run=command_repo_settings)
