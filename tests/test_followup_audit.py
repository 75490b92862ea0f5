"""`build.py audit`: agencies in known states give exactly the expected standings."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
from pathlib import Path

import pytest

from pbgdpl.followup.audit import AgencyAudit, Audit, SectionAudit, Standing
from pbgdpl.followup.register import load_register

from conftest import AS_OF, write

DAY = dt.timedelta(days=1)
REQUIRED = (
    "van-ban-moi",
    "gioi-thieu-van-ban",
    "hoi-dap",
    "doi-thoai-chinh-sach",
    "tai-lieu",
    "video",
    "tinh-huong",
)


def item_text(section: str, serial: int, date: dt.date) -> str:
    """Return a valid item of `section` dated `date`; `serial` keeps document numbers unique."""
    number = f"{serial}/2026/NĐ-CP"
    own = {
        "van-ban-moi": (
            f'so_ky_hieu: "{number}"\nloai_van_ban: Nghị định\nco_quan_ban_hanh: Chính phủ\n'
            f"nguoi_ky: Nguyễn Văn A\nngay_ban_hanh: {date}\nngay_hieu_luc: {date}\n"
            "linh_vuc: [Hộ tịch]\ntrich_yeu: Quy định chi tiết một số điều về hộ tịch\n"
        ),
        "gioi-thieu-van-ban": f'van_ban: "{number}"\n',
        "hoi-dap": "cau_hoi: Đăng ký kết hôn cần giấy tờ gì?\n",
        "doi-thoai-chinh-sach": f"ngay_doi_thoai: {date}\n",
        "tai-lieu": "loai_tai_lieu: tờ gấp\n",
        "video": "url: https://www.youtube.com/watch?v=dQw4w9WgXcQ\n",
    }.get(section, "")
    return f"---\ntitle: Bài số {serial} của chuyên mục\ndate: {date}\n{own}---\nNội dung bài.\n"


def add_agency(
    root: Path, slug: str, kind: str, dated: dict[str, dt.date | None], serial: int
) -> None:
    """Create an agency keeping the sections of `dated`: one item on that date, or none."""
    write(
        root / "agencies" / slug / "agency.yml",
        f"slug: {slug}\nname: Đơn vị {slug}\nkind: {kind}\n"
        f"contacts: {{email: {slug}@example.gov.vn}}\neditors: [bien-tap-{slug}]\n"
        f"sections: [{', '.join(dated)}]\n",
    )
    for n, (section, date) in enumerate(dated.items()):
        folder = root / "agencies" / slug / section
        folder.mkdir(parents=True, exist_ok=True)
        if date is not None:
            write(folder / f"bai-{n}.md", item_text(section, serial * 100 + n, date))


def fresh(**changes: dt.date | None) -> dict[str, dt.date | None]:
    """Every required section and the news, three days old, with `changes` (dashes as _)."""
    dated: dict[str, dt.date | None] = dict.fromkeys((*REQUIRED, "tin-tuc"), AS_OF - 3 * DAY)
    dated.update({key.replace("_", "-"): value for key, value in changes.items()})
    return dated


@pytest.fixture
def known_states(portal_copy: Path) -> Path:
    """The sample portal plus agencies in each state the audit tells apart."""
    add_agency(portal_copy, "hai-phong", "province", fresh(tin_tuc=AS_OF - 30 * DAY), 1)
    add_agency(portal_copy, "hue", "province", fresh(hoi_dap=None), 2)
    add_agency(portal_copy, "da-nang", "province", fresh(tin_tuc=AS_OF - 31 * DAY), 3)
    without_video = {k: v for k, v in fresh().items() if k != "video"}
    add_agency(portal_copy, "quang-ninh", "province", without_video, 4)
    add_agency(portal_copy, "trung-tam-phap-luat", "organisation", fresh(), 5)
    return portal_copy


def audit(root: Path, run_cli, *args: str) -> tuple[int, dict]:
    status, out, _ = run_cli(root, "audit", "--as-of", AS_OF.isoformat(), "--format", "json", *args)
    return status, {a["slug"]: a for a in json.loads(out)["agencies"]}


def problems(agency: dict) -> list[tuple[str, str, int | None]]:
    return [
        (s["slug"], s["state"], s["days_since"]) for s in agency["sections"] if s["state"] != "ok"
    ]


def test_fixture_content_is_valid(known_states: Path, run_cli) -> None:
    status, out, _ = run_cli(known_states, "validate", "--format", "json")
    assert (status, [d["code"] for d in json.loads(out)]) == (0, ["empty-section"])


def test_known_states_give_exact_standings(known_states: Path, run_cli) -> None:
    status, found = audit(known_states, run_cli)
    assert status == 0
    expected = {
        "hai-phong": ("ok", True, []),
        "hue": ("incomplete", True, [("hoi-dap", "empty", None)]),
        "da-nang": ("stale", True, [("tin-tuc", "stale", 31)]),
        "quang-ninh": ("incomplete", True, [("video", "missing", None)]),
        "trung-tam-phap-luat": ("ok", False, []),
        "can-tho": ("missing", True, []),
    }
    assert {
        slug: (found[slug]["standing"], found[slug]["in_register"], problems(found[slug]))
        for slug in expected
    } == expected
    assert found["can-tho"]["sections"] == [] and found["can-tho"]["items"] == 0
    assert found["hai-phong"]["items"] == 8
    assert found["hai-phong"]["latest"] == (AS_OF - 3 * DAY).isoformat()
    assert len(found) == len(load_register().agencies) + 1


def test_every_register_agency_without_a_folder_is_not_built(known_states: Path, run_cli) -> None:
    _, found = audit(known_states, run_cli)
    folders = {p.name for p in (known_states / "agencies").iterdir()}
    for unit in load_register().agencies:
        assert (found[unit.slug]["standing"] == "missing") is (unit.slug not in folders)


def test_text_output_says_what_to_fix_in_vietnamese(known_states: Path, run_cli) -> None:
    status, out, _ = run_cli(known_states, "audit", "--as-of", AS_OF.isoformat())
    assert status == 0
    lines = out.splitlines()
    assert lines[0].endswith("dữ liệu tính đến ngày 23/11/2026")
    start = lines.index(
        "da-nang: Đơn vị da-nang: Chậm cập nhật (8 bài, cập nhật gần nhất 20/11/2026)"
    )
    assert lines[start + 1] == (
        "  - Tin tức, hoạt động: chậm cập nhật, bài mới nhất ngày 23/10/2026, đã 31 ngày "
        "(quy định 30 ngày). Việc của biên tập viên của đơn vị: đăng bài mới vào "
        "agencies/da-nang/tin-tuc/ hoặc cập nhật bài cũ kèm ghi chú thay đổi"
    )
    assert "trung-tam-phap-luat: Đơn vị trung-tam-phap-luat [ngoài danh mục]: Đạt" in out
    assert "can-tho: Thành phố Cần Thơ: Chưa xây dựng" in lines


def test_markdown_output_is_one_table_row_per_agency(known_states: Path, run_cli) -> None:
    status, out, _ = run_cli(
        known_states, "audit", "--as-of", AS_OF.isoformat(), "--format", "markdown"
    )
    rows = [line for line in out.splitlines() if line.startswith("|")]
    assert status == 0
    assert rows[0] == "| Đơn vị | Loại | Tình trạng | Số bài | Cập nhật gần nhất | Cần khắc phục |"
    assert len(rows) == 2 + len(load_register().agencies) + 1  # header, rule, one outside
    assert (
        "| Đơn vị hue | Tỉnh, thành phố | Thiếu chuyên mục | 7 | 20/11/2026 | "
        "Hỏi đáp pháp luật: chưa có bài. Việc của biên tập viên của đơn vị: đăng bài vào "
        "agencies/hue/hoi-dap/ |" in out
    )


def test_each_finding_says_who_must_act(known_states: Path, run_cli) -> None:
    _, found = audit(known_states, run_cli)
    missing = found["quang-ninh"]["findings"]
    # A missing section can only be added through agency.yml, which the board approves.
    assert [(f["what"], f["actor"], f["actor_label"]) for f in missing] == [
        ("Video tiểu phẩm, phóng sự: chưa có chuyên mục", "board", "Ban Biên tập")
    ]
    assert "agencies/quang-ninh/agency.yml" in missing[0]["action"]
    assert [f["actor"] for f in found["da-nang"]["findings"]] == ["editors"]
    assert [f["actor"] for f in found["hue"]["findings"]] == ["editors"]
    assert [(f["actor"], f["action"]) for f in found["can-tho"]["findings"]] == [
        ("board", "duyệt việc tạo agencies/can-tho/agency.yml cùng biên tập viên của đơn vị")
    ]
    assert found["hai-phong"]["findings"] == []


def test_fail_on_gives_an_exit_status_for_ci(known_states: Path, run_cli) -> None:
    assert audit(known_states, run_cli)[0] == 0
    assert audit(known_states, run_cli, "--fail-on", "stale")[0] == 1
    status, _, err = run_cli(
        known_states, "audit", "--as-of", AS_OF.isoformat(), "--fail-on", "missing"
    )
    assert status == 1
    assert "can-tho" in err and "da-nang" not in err and "hue" not in err


def test_fail_on_takes_the_level_and_every_worse_one() -> None:
    agencies = tuple(
        AgencyAudit(slug, slug, "province", True, built, sections)
        for slug, built, sections in (
            ("dat", True, (SectionAudit("tin-tuc", False, True, 1, AS_OF, 30, 1),)),
            ("cham", True, (SectionAudit("tin-tuc", False, True, 1, AS_OF, 30, 40),)),
            ("thieu", True, (SectionAudit("video", True, False, 0, None, None, None),)),
            ("chua-co", False, ()),
        )
    )
    audit = Audit(AS_OF, agencies, ("video",), {"tin-tuc": 30})
    assert [a.standing for a in agencies] == [
        Standing.OK,
        Standing.STALE,
        Standing.INCOMPLETE,
        Standing.MISSING,
    ]
    failing = {level: [a.slug for a in audit.failing(level)] for level in Standing}
    assert failing == {
        Standing.STALE: ["cham", "thieu", "chua-co"],
        Standing.INCOMPLETE: ["thieu", "chua-co"],
        Standing.MISSING: ["chua-co"],
        Standing.OK: ["dat", "cham", "thieu", "chua-co"],
    }


def test_thresholds_come_from_portal_settings(known_states: Path, run_cli) -> None:
    settings = known_states / "content/portal.yml"
    settings.write_text(
        settings.read_text("utf-8").replace("  tin-tuc: 30\n", "  tin-tuc: 60\n"), "utf-8"
    )
    _, found = audit(known_states, run_cli)
    assert found["da-nang"]["standing"] == "ok"


def test_an_unknown_section_in_the_thresholds_is_an_error_with_its_line(
    portal_copy: Path, run_cli
) -> None:
    settings = portal_copy / "content/portal.yml"
    text = settings.read_text("utf-8").replace("  tin-tuc: 30\n", "  tin-tuc-moi: 30\n")
    settings.write_text(text, "utf-8")
    status, out, _ = run_cli(portal_copy, "validate", "--format", "json")
    line = text.splitlines().index("stale_after_days:") + 1
    found = [(d["path"], d["line"], d["code"]) for d in json.loads(out)]
    assert status == 1
    assert found == [("content/portal.yml", line, "unknown-section")]


def test_an_item_dated_after_the_audit_date_does_not_count(known_states: Path, run_cli) -> None:
    write(
        known_states / "agencies/da-nang/tin-tuc/sau.md", item_text("tin-tuc", 999, AS_OF + 5 * DAY)
    )
    _, found = audit(known_states, run_cli)
    assert problems(found["da-nang"]) == [("tin-tuc", "stale", 31)]


def git(root: Path, *args: str, date: dt.date | None = None) -> None:
    env = {
        "GIT_AUTHOR_NAME": "Biên tập",
        "GIT_AUTHOR_EMAIL": "bt@example.gov.vn",
        "GIT_COMMITTER_NAME": "Biên tập",
        "GIT_COMMITTER_EMAIL": "bt@example.gov.vn",
        "HOME": str(root),
        "PATH": "/usr/bin:/bin",
    }
    if date is not None:
        stamp = f"{date.isoformat()}T10:00:00+07:00"
        env |= {"GIT_AUTHOR_DATE": stamp, "GIT_COMMITTER_DATE": stamp}
    subprocess.run(["git", *args], cwd=root, env=env, check=True, capture_output=True)


def test_only_a_change_note_makes_a_stale_site_fresh_not_an_import_or_a_fix(
    known_states: Path, run_cli
) -> None:
    # da-nang's news is 31 days old. Imported yesterday, then fixed today: still stale.
    git(known_states, "init", "-q", "-b", "main")
    git(known_states, "add", "-A")
    git(known_states, "commit", "-q", "-m", "Nhập nội dung từ cổng cũ", date=AS_OF - DAY)
    news = known_states / "agencies/da-nang/tin-tuc/bai-7.md"
    news.write_text(news.read_text("utf-8") + "Sửa lỗi chính tả.\n", "utf-8")
    git(known_states, "commit", "-q", "-am", "Sửa lỗi", date=AS_OF)
    found = audit(known_states, run_cli)[1]["da-nang"]
    assert (found["standing"], problems(found)) == ("stale", [("tin-tuc", "stale", 31)])
    # A major change, with its public change note, is news: the site is fresh again.
    news.write_text(
        news.read_text("utf-8").replace("---\n", "---\nghi_chu_thay_doi: Bổ sung kết quả\n", 1),
        "utf-8",
    )
    git(known_states, "commit", "-q", "-am", "Cập nhật tin", date=AS_OF)
    found = audit(known_states, run_cli)[1]["da-nang"]
    assert (found["standing"], problems(found)) == ("ok", [])
