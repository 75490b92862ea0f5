"""Scaffolding: a new agency site that validates, and new items from commented templates."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

import pytest

from pbgdpl.editorial.scaffold import item_template, short_slug
from pbgdpl.loading.frontmatter import split_front_matter
from pbgdpl.model.moment import BuildMoment
from pbgdpl.model.sections import SECTIONS

Cli = Callable[..., tuple[int, str, str]]


@pytest.mark.parametrize(
    ("title", "slug"),
    [
        ("Luật Đất đai", "luat-dat-dai"),
        (
            "Nghị định 145/2020/NĐ-CP: hướng dẫn Bộ luật Lao động",
            "nghi-dinh-145-2020-nd-cp-huong-dan-bo-luat-lao-dong",
        ),
        ("  Hỏi đáp về “đăng ký kết hôn”?  ", "hoi-dap-ve-dang-ky-ket-hon"),
        ("ĐẤT ĐAI Đường", "dat-dai-duong"),
    ],
)
def test_slugs_from_vietnamese_titles(title: str, slug: str) -> None:
    assert short_slug(title) == slug


def test_a_long_title_is_cut_at_a_word() -> None:
    slug = short_slug("Kế hoạch " + "tuyên truyền phổ biến giáo dục pháp luật " * 5)
    assert len(slug) <= 80 and not slug.endswith("-")
    assert slug.endswith(("phap", "luat", "duc", "giao", "bien", "pho", "truyen", "tuyen"))


def test_new_agency_makes_a_complete_site_that_validates(portal_copy: Path, run_cli: Cli) -> None:
    status, out, err = run_cli(
        portal_copy,
        "new",
        "agency",
        "quang-ninh",
        "--name",
        "Tỉnh Quảng Ninh",
        "--kind",
        "province",
        "--editors",
        "qn-stp-bientap",
    )
    assert status == 0, err
    assert "Đã tạo agencies/quang-ninh/agency.yml" in out
    # The form that works on a fresh machine, where the system python lacks the package.
    assert ".venv/bin/python build.py new tin-tuc --agency quang-ninh" in out
    folder = portal_copy / "agencies/quang-ninh"
    expected = {"agency.yml", "index.md", *(s.slug for s in SECTIONS)}
    assert {p.name for p in folder.iterdir()} == expected

    status, out, err = run_cli(portal_copy, "validate", "agencies/quang-ninh")
    # The home page's placeholder is named until the editor writes the introduction.
    assert status == 1
    assert "agencies/quang-ninh/index.md:5: lỗi [placeholder-text]" in out
    home = folder / "index.md"
    text = home.read_text("utf-8")
    home.write_text(text[: text.index("(Giới thiệu")] + "Trang của Sở Tư pháp.\n", "utf-8")

    status, out, err = run_cli(portal_copy, "validate", "agencies/quang-ninh")
    assert status == 0, out
    assert " lỗi [" not in out
    status, out, _ = run_cli(portal_copy, "codeowners")
    assert "/agencies/quang-ninh/" in (portal_copy / ".github/CODEOWNERS").read_text("utf-8")


def test_new_agency_refuses_a_taken_or_reserved_name(portal_copy: Path, run_cli: Cli) -> None:
    status, _, err = run_cli(
        portal_copy, "new", "agency", "ha-noi", "--name", "Hà Nội", "--kind", "province"
    )
    assert status == 1 and "Đã có thư mục agencies/ha-noi" in err
    status, _, err = run_cli(
        portal_copy, "new", "agency", "tin-tuc", "--name", "X", "--kind", "sector"
    )
    assert status == 1 and "trùng một địa chỉ của cổng quốc gia" in err
    status, _, err = run_cli(
        portal_copy, "new", "agency", "Quảng Ninh", "--name", "X", "--kind", "province"
    )
    assert status == 1 and 'ví dụ "quang-ninh"' in err


def test_new_item_from_a_template_with_todays_date(portal_copy: Path, run_cli: Cli) -> None:
    status, out, err = run_cli(
        portal_copy,
        "new",
        "tin-tuc",
        "--agency",
        "ha-noi",
        "--title",
        "Luật Đất đai: những điểm mới",
    )
    assert status == 0, err
    path = portal_copy / "agencies/ha-noi/tin-tuc/luat-dat-dai-nhung-diem-moi.md"
    assert "Đã tạo agencies/ha-noi/tin-tuc/luat-dat-dai-nhung-diem-moi.md" in out
    document = split_front_matter(path.read_text("utf-8"))
    assert document.values["title"] == "Luật Đất đai: những điểm mới"
    assert document.values["date"] == BuildMoment.now().date.isoformat()
    assert "# publish_at:" in path.read_text("utf-8")  # publishing controls, commented

    # The template's placeholder text must be replaced before the item can be published.
    status, out, _ = run_cli(portal_copy, "validate", "agencies/ha-noi/tin-tuc")
    line = path.read_text("utf-8").split("\n").index("(Viết nội dung tại đây.)") + 1
    assert status == 1
    assert f"luat-dat-dai-nhung-diem-moi.md:{line}: lỗi [placeholder-text]" in out
    path.write_text(
        path.read_text("utf-8").replace("(Viết nội dung tại đây.)", "Luật có ba điểm mới."),
        "utf-8",
    )
    status, out, _ = run_cli(portal_copy, "validate", "agencies/ha-noi/tin-tuc")
    assert status == 0, out

    status, _, err = run_cli(
        portal_copy,
        "new",
        "tin-tuc",
        "--agency",
        "ha-noi",
        "--title",
        "Luật Đất đai: những điểm mới",
    )
    assert status == 1 and "Đã có tệp agencies/ha-noi/tin-tuc/luat-dat-dai-nhung-diem-moi.md" in err


def test_a_required_field_left_empty_is_named_by_validation(
    portal_copy: Path, run_cli: Cli
) -> None:
    assert (
        run_cli(
            portal_copy, "new", "hoi-dap", "--agency", "ha-noi", "--title", "Hỏi về thừa kế đất đai"
        )[0]
        == 0
    )
    path = "agencies/ha-noi/hoi-dap/hoi-ve-thua-ke-dat-dai.md"

    status, out, _ = run_cli(portal_copy, "validate", path)

    # Both errors in one pass, each on its own line: the empty key and the placeholder.
    file = portal_copy / path
    lines = file.read_text("utf-8").split("\n")
    key_line = next(n for n, line in enumerate(lines, 1) if line.startswith("cau_hoi:"))
    assert status == 1
    assert (
        f'{path}:{key_line}: lỗi [missing-field] Trường bắt buộc "cau_hoi" (Câu hỏi) của '
        'chuyên mục "Hỏi đáp pháp luật" đang để trống' in out
    )
    assert f"{path}:{lines.index('(Viết nội dung tại đây.)') + 1}: lỗi [placeholder-text]" in out
    file.write_text(
        file.read_text("utf-8")
        .replace(
            "cau_hoi:", 'cau_hoi: "Con có được thừa kế quyền sử dụng đất của cha mẹ không?"', 1
        )
        .replace("(Viết nội dung tại đây.)", "Có, theo Bộ luật Dân sự."),
        "utf-8",
    )
    assert run_cli(portal_copy, "validate", path)[0] == 0


def test_new_item_for_a_missing_agency_says_how_to_create_it(
    portal_copy: Path, run_cli: Cli
) -> None:
    status, _, err = run_cli(
        portal_copy, "new", "tin-tuc", "--agency", "quang-ninh", "--title", "Tin"
    )
    assert status == 1
    assert 'python build.py new agency quang-ninh --name "…"' in err


@pytest.mark.parametrize("section", SECTIONS, ids=lambda s: s.slug)
def test_every_template_is_valid_front_matter_with_only_known_keys(section) -> None:
    text = item_template(section, "ha-noi", 'Tiêu đề: có "ngoặc"', dt.date(2026, 11, 23))
    document = split_front_matter(text)
    known = {f.key for f in section.all_fields}
    assert set(document.values) <= known
    assert document.values["title"] == 'Tiêu đề: có "ngoặc"'
    for field in section.all_fields:
        assert f"{field.key}:" in text, field.key  # every field is shown, if only as a comment
