"""CODEOWNERS is generated from the roles in the repository and checked for staleness."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path


def owners_of(text: str) -> dict[str, list[str]]:
    """Return each CODEOWNERS pattern with its owners, in file order."""
    rules = {}
    for line in text.splitlines():
        if line and not line.startswith("#"):
            pattern, *owners = line.split()
            rules[pattern] = owners
    return rules


def test_roles_become_owners(
    portal_copy: Path, run_cli: Callable[..., tuple[int, str, str]]
) -> None:
    status, out, _ = run_cli(portal_copy, "codeowners")
    assert status == 0
    assert "Đã ghi .github/CODEOWNERS" in out
    rules = owners_of((portal_copy / ".github/CODEOWNERS").read_text("utf-8"))
    board, maintainers = ["@pbgdpl-bbt/thuong-truc"], ["@pbgdpl-bbt/ky-thuat"]
    assert next(iter(rules)) == "*" and rules["*"] == maintainers
    assert rules["/agencies/bo-tu-phap/"] == [
        "@btp-bientap-nguyenlan",
        "@btp-bientap-tranhung",
        *board,
    ]
    # The roles file of an agency is the board's: editors cannot add editors.
    assert rules["/agencies/bo-tu-phap/agency.yml"] == board
    assert list(rules).index("/agencies/bo-tu-phap/agency.yml") > list(rules).index(
        "/agencies/bo-tu-phap/"
    )
    assert rules["/content/"] == board
    for platform in ("/mkdocs.yml", "/theme/", "/plugins/", "/build.py", "/.github/"):
        assert rules[platform] == maintainers, platform


def test_check_fails_when_an_agency_changes_its_editors(
    portal_copy: Path, run_cli: Callable[..., tuple[int, str, str]]
) -> None:
    assert run_cli(portal_copy, "codeowners")[0] == 0
    assert run_cli(portal_copy, "codeowners", "--check")[0] == 0
    roles = portal_copy / "agencies/lao-cai/agency.yml"
    roles.write_text(
        roles.read_text("utf-8").replace("editors: [", "editors: [laocai-stp-moi, "), "utf-8"
    )

    status, _, err = run_cli(portal_copy, "codeowners", "--check")

    assert status == 1
    assert ".github/CODEOWNERS: đã cũ" in err and "python build.py codeowners" in err
    run_cli(portal_copy, "codeowners")
    rules = owners_of((portal_copy / ".github/CODEOWNERS").read_text("utf-8"))
    assert rules["/agencies/lao-cai/"][0] == "@laocai-stp-moi"
