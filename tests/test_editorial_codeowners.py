"""CODEOWNERS is generated from the roles in the repository and checked for staleness."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from editorial_repo import PortalRepo
from sections.samples import AGENCY, write_sample_portal

from pbgdpl.model.fields import LOGIN_OR_TEAM


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
    settings = portal_copy / "content/portal.yml"
    settings.write_text(
        settings.read_text("utf-8").replace("delegated_review: []", "delegated_review: [ha-noi]"),
        "utf-8",
    )
    status, out, _ = run_cli(portal_copy, "codeowners")
    assert status == 0
    assert "Đã ghi .github/CODEOWNERS" in out
    rules = owners_of((portal_copy / ".github/CODEOWNERS").read_text("utf-8"))
    board, maintainers = ["@pbgdpl-bbt/thuong-truc"], ["@pbgdpl-bbt/ky-thuat"]
    assert next(iter(rules)) == "*" and rules["*"] == maintainers
    # GitHub takes any one listed owner's approval: where the board must approve, it alone.
    assert rules["/agencies/bo-tu-phap/"] == board
    # An agency the board delegated to may approve its own ordinary items.
    assert rules["/agencies/ha-noi/"] == ["@hanoi-stp-phamthao", "@hanoi-stp-dovinh", *board]
    # The roles file of an agency is the board's: editors cannot add editors.
    for slug in ("bo-tu-phap", "ha-noi"):
        assert rules[f"/agencies/{slug}/agency.yml"] == board
        assert list(rules).index(f"/agencies/{slug}/agency.yml") > list(rules).index(
            f"/agencies/{slug}/"
        )
    assert rules["/content/"] == board
    for platform in ("/mkdocs.yml", "/theme/", "/plugins/", "/build.py", "/.github/"):
        assert rules[platform] == maintainers, platform


def test_a_pull_request_cannot_regenerate_its_way_into_rights(
    tmp_path: Path, run_cli: Callable[..., tuple[int, str, str]]
) -> None:
    portal = PortalRepo(tmp_path / "repo")
    settings = portal.root / "content/portal.yml"
    settings.write_text(
        settings.read_text("utf-8").replace("delegated_review: []", "delegated_review: [ha-noi]"),
        "utf-8",
    )
    assert run_cli(portal.root, "codeowners", "--base", "HEAD")[0] == 0  # roles committed first
    portal.commit("Giao Hà Nội tự duyệt bài thường")
    assert run_cli(portal.root, "codeowners", "--base", "HEAD")[0] == 0
    portal.commit("Sinh CODEOWNERS")
    portal.branch("tu-cap-quyen")
    # An editor of Bộ Tư pháp adds themself to Hà Nội's editors and follows the old advice.
    portal.edit("agencies/ha-noi/agency.yml", "editors: [", "editors: [btp-bientap-nguyenlan, ")
    run_cli(portal.root, "codeowners")
    portal.commit("Thêm biên tập viên")

    status, _, err = run_cli(portal.root, "codeowners", "--check", "--base", "main")

    assert status == 1
    assert "không phải từ vai trò của nhánh gốc main" in err
    assert "'.venv/bin/python build.py codeowners --base main'" in err
    # The one fix offered restores the base's owners; the roles change waits for the board.
    run_cli(portal.root, "codeowners", "--base", "main")
    rules = owners_of((portal.root / ".github/CODEOWNERS").read_text("utf-8"))
    assert "@btp-bientap-nguyenlan" not in rules["/agencies/ha-noi/"]
    status, out, _ = run_cli(portal.root, "codeowners", "--check", "--base", "main")
    assert status == 0
    assert "sửa vai trò so với main: Ban Biên tập duyệt" in out


def test_check_fails_when_the_base_roles_changed(
    portal_copy: Path, run_cli: Callable[..., tuple[int, str, str]]
) -> None:
    assert run_cli(portal_copy, "codeowners")[0] == 0
    assert run_cli(portal_copy, "codeowners", "--check")[0] == 0
    roles = portal_copy / "content/portal.yml"
    roles.write_text(
        roles.read_text("utf-8").replace("delegated_review: []", "delegated_review: [lao-cai]"),
        "utf-8",
    )

    status, _, err = run_cli(portal_copy, "codeowners", "--check")

    assert status == 1
    assert ".github/CODEOWNERS: khác với vai trò của bản làm việc" in err
    run_cli(portal_copy, "codeowners")
    rules = owners_of((portal_copy / ".github/CODEOWNERS").read_text("utf-8"))
    assert rules["/agencies/lao-cai/"][0] == "@laocai-stp-lucmai"


def test_no_login_or_folder_name_can_widen_a_rule(
    tmp_path: Path, run_cli: Callable[..., tuple[int, str, str]]
) -> None:
    root = write_sample_portal(tmp_path / "portal", ["tin-tuc"])
    roles = root / "agencies" / AGENCY / "agency.yml"
    roles.write_text(
        roles.read_text("utf-8").replace(
            "editors: [mauson-bientap]",
            'editors: [mauson-bientap, "x\\n* @nghean-stp-hothanh", "bbt\\n", "a*b", "-x", '
            '"a--b", "to-chuc/nhom bien tap"]',
        ),
        "utf-8",
    )
    for name in ("*", "tinh\nmoi"):
        (root / "agencies" / name).mkdir()
        (root / "agencies" / name / "agency.yml").write_text(
            "slug: x\nname: X\neditors: [nghean-stp-hothanh]\n", "utf-8"
        )

    status, _, err = run_cli(root, "codeowners")

    assert status == 1
    assert err.splitlines() == [
        'agencies/*/agency.yml:1: lỗi [invalid-slug] Tên thư mục "*" chỉ được gồm chữ thường '
        "không dấu, số và dấu gạch ngang; thư mục này không được ghi vào CODEOWNERS.",
        f'agencies/{AGENCY}/agency.yml:7: lỗi [invalid-logins] Trường "editors" (editors): '
        '"x ↵ * @nghean-stp-hothanh", "bbt ↵ ", "a*b", "-x", "a--b", "to-chuc/nhom bien tap" '
        "không phải tài khoản GitHub (chữ cái không dấu, số và dấu gạch ngang, không bắt đầu "
        "hay kết thúc bằng dấu gạch ngang, tối đa 39 ký tự) hay nhóm "
        "dạng to-chuc/ten-nhom (ví dụ [nguyenvana, to-chuc/nhom-bien-tap]); sửa hoặc xóa các "
        "giá trị này.",
        'agencies/tinh ↵ moi/agency.yml:1: lỗi [invalid-slug] Tên thư mục "tinh ↵ moi" chỉ '
        "được gồm chữ thường không dấu, số và dấu gạch ngang; thư mục này không được ghi vào "
        "CODEOWNERS.",
    ]
    text = (root / ".github/CODEOWNERS").read_text("utf-8")
    rules = owners_of(text)
    # The broken agency's editors grant nothing; the board still owns its folder.
    assert rules[f"/agencies/{AGENCY}/"] == ["@bbt-thu"]
    assert rules["*"] == ["@ky-thuat-thu"]
    assert "nghean-stp-hothanh" not in text
    assert all(p == "*" or "*" not in p for p in rules)


@pytest.mark.parametrize(
    ("login", "valid"),
    [
        ("nguyenvana", True),
        ("a" * 39, True),
        ("a" * 40, False),
        ("to-chuc/nhom-bien-tap", True),
        ("to-chuc/nhom_bien_tap", True),
        ("nguyen-van-a", True),
        ("nguyen--van", False),
        ("-nguyen", False),
        ("nguyen-", False),
        ("nguyen\n", False),
        ("ng*", False),
        ("@nguyen", False),
        ("to-chuc/", False),
        ("to-chuc/nhom/con", False),
        ("to-chuc/nhom bien tap", False),
    ],
)
def test_logins_follow_githubs_grammar(login: str, valid: bool) -> None:
    assert bool(LOGIN_OR_TEAM.fullmatch(login)) is valid
