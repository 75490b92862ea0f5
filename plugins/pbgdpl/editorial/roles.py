"""Who may change what: the editorial board, the maintainers and each agency's editors.

Roles are read from content/portal.yml and agencies/*/agency.yml alone, without loading
the portal's items, from the working tree or from a commit.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from git import Commit, Repo

from pbgdpl.loading.frontmatter import FrontMatterError, read_yaml_mapping
from pbgdpl.loading.gitrepo import read_text
from pbgdpl.model.diagnostics import Diagnostic, Severity
from pbgdpl.model.fields import SLUG, FieldError, Logins, Words
from pbgdpl.model.vocabularies import load_vocabularies

SETTINGS_PATH = "content/portal.yml"


@dataclass(frozen=True)
class Roles:
    """The logins (or org/team) of the board, the maintainers and each agency's editors."""

    board: tuple[str, ...] = ()
    maintainers: tuple[str, ...] = ()
    editors: dict[str, tuple[str, ...]] = field(default_factory=dict)
    names: dict[str, str] = field(default_factory=dict)
    # Agencies whose editors may approve their ordinary items (content/portal.yml).
    delegated: tuple[str, ...] = ()

    def agencies_of(self, login: str) -> list[str]:
        """Return the agencies whose editors include `login` (logins ignore case)."""
        return sorted(slug for slug, logins in self.editors.items() if _has(logins, login))

    def in_board(self, login: str) -> bool:
        """Tell whether `login` is a member of the editorial board."""
        return _has(self.board, login)

    def may_change(self, login: str, area: str, agency: str | None) -> bool:
        """Tell whether `login` may change a file of this area (and agency) on its own."""
        if area == "platform":
            return _has(self.maintainers, login)
        if self.in_board(login):
            return True
        return area == "agency" and agency is not None and _has(self.editors.get(agency, ()), login)


def _has(logins: Iterable[str], login: str) -> bool:
    return login.lower() in {entry.lower() for entry in logins}


def _logins(
    values: dict[str, Any],
    lines: dict[str, int],
    key: str,
    path: str,
    problems: list[Diagnostic],
) -> tuple[str, ...]:
    """Return the logins under `key`; a wrong value grants nothing and is reported."""
    try:
        return Logins(key, key, key).parse(values.get(key, []), load_vocabularies())
    except FieldError as error:
        problems.append(
            Diagnostic(path, lines.get(key, 1), error.code, Severity.ERROR, error.message)
        )
        return ()


def read_roles(
    read: Callable[[str], str | None], agencies: Iterable[str]
) -> tuple[Roles, list[Diagnostic]]:
    """Read the roles through `read` (path → text), with what is wrong in the roles files."""
    problems: list[Diagnostic] = []

    def mapping(path: str) -> tuple[dict[str, Any], dict[str, int]]:
        text = read(path)
        if text is None:
            problems.append(
                Diagnostic(
                    path,
                    1,
                    "missing-roles",
                    Severity.ERROR,
                    f"Thiếu tệp {path}, nơi ghi vai trò biên tập.",
                )
            )
            return {}, {}
        try:
            values, lines = read_yaml_mapping(text)
        except FrontMatterError as error:
            problems.append(Diagnostic(path, error.line, error.code, Severity.ERROR, error.message))
            return {}, {}
        return values, lines

    settings, lines = mapping(SETTINGS_PATH)
    board = _logins(settings, lines, "editorial_board", SETTINGS_PATH, problems)
    maintainers = _logins(settings, lines, "maintainers", SETTINGS_PATH, problems)
    try:
        delegated = Words("delegated_review", "delegated_review", "delegated_review").parse(
            settings.get("delegated_review", []), load_vocabularies()
        )
    except FieldError as error:
        line = lines.get("delegated_review", 1)
        problems.append(Diagnostic(SETTINGS_PATH, line, error.code, Severity.ERROR, error.message))
        delegated = ()
    editors: dict[str, tuple[str, ...]] = {}
    names: dict[str, str] = {}
    for slug in sorted(agencies):
        path = f"agencies/{slug}/agency.yml"
        if not SLUG.fullmatch(slug):
            # A folder name becomes a CODEOWNERS pattern: "*" or a newline would widen it.
            problems.append(
                Diagnostic(
                    path,
                    1,
                    "invalid-slug",
                    Severity.ERROR,
                    f'Tên thư mục "{slug}" chỉ được gồm chữ thường không dấu, số và dấu gạch '
                    "ngang; thư mục này không được ghi vào CODEOWNERS.",
                )
            )
            continue
        values, lines = mapping(path)
        if values:
            editors[slug] = _logins(values, lines, "editors", path, problems)
            names[slug] = str(values.get("name") or slug)
    return Roles(board, maintainers, editors, names, delegated), problems


def roles_in_folder(root: Path) -> tuple[Roles, list[Diagnostic]]:
    """Read the roles of the portal in the folder `root`."""

    def read(path: str) -> str | None:
        file = root / path
        return file.read_text("utf-8") if file.is_file() and not file.is_symlink() else None

    folder = root / "agencies"
    agencies = [p.parent.name for p in folder.glob("*/agency.yml")] if folder.is_dir() else []
    return read_roles(read, agencies)


def roles_in_commit(repo: Repo, version: Commit) -> Roles:
    """Read the roles as they are in one commit; broken roles files grant nothing."""
    try:
        agencies = [
            tree.name
            for tree in (version.tree / "agencies").trees
            if any(blob.name == "agency.yml" for blob in tree.blobs)
        ]
    except KeyError:
        agencies = []
    return read_roles(lambda path: read_text(repo, version, path), agencies)[0]
