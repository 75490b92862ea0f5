"""Page history from Git: last update and change notes, read in one pass over the log."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from editorial_repo import PortalRepo
from git import Repo

from pbgdpl.cli import main
from pbgdpl.loading.frontmatter import split_front_matter
from pbgdpl.loading.history import parse_log, read_history

from conftest import FIXTURE, copy_portal, write

ITEM = "agencies/lao-cai/tin-tuc/tap-huan-hoa-giai-vien.md"
TEXT = "---\ntitle: Tập huấn hòa giải viên\ndate: 2026-03-02\n---\n\nLớp tập huấn {}.\n"


def act_out_history(root: Path) -> PortalRepo:
    """An item written, corrected and renamed over three commits."""
    repo = PortalRepo(root)
    write(repo.root / ITEM.replace("tap-huan-hoa-giai-vien", "tap-huan"), TEXT.format("đầu tiên"))
    repo.commit("Đăng tin tập huấn hòa giải viên", dt.datetime(2026, 3, 2, 10, 0))
    write(repo.root / ITEM.replace("tap-huan-hoa-giai-vien", "tap-huan"), TEXT.format("thứ nhất"))
    repo.commit("Sửa lỗi chính tả", dt.datetime(2026, 3, 5, 15, 30))
    repo.repo.git.mv(ITEM.replace("tap-huan-hoa-giai-vien", "tap-huan"), ITEM)
    write(repo.root / ITEM, TEXT.format("thứ nhất năm 2026"))
    # 23:30 on 9 April in Vietnam is still 9 April, whatever the machine's time zone.
    repo.commit("Đặt lại tên tệp cho rõ", dt.datetime(2026, 4, 9, 23, 30))
    return repo


def test_the_history_of_a_file_follows_renames_newest_first(tmp_path: Path) -> None:
    act_out_history(tmp_path / "repo")
    history = read_history(tmp_path / "repo")
    assert history.notice is None
    changes = history.files[ITEM]
    assert [c.note for c in changes] == [
        "Đặt lại tên tệp cho rõ",
        "Sửa lỗi chính tả",
        "Đăng tin tập huấn hòa giải viên",
    ]
    assert [c.date for c in changes] == [
        dt.date(2026, 4, 9),
        dt.date(2026, 3, 5),
        dt.date(2026, 3, 2),
    ]
    found = history.of(ITEM, dt.date(2026, 3, 2))
    assert found.updated == dt.date(2026, 4, 9) and found.from_git
    # A file the log never saw keeps its front-matter date.
    assert history.of("agencies/x/tin-tuc/moi.md", dt.date(2026, 1, 1)).updated == dt.date(
        2026, 1, 1
    )


def test_a_deleted_file_lends_no_history_to_a_new_file_at_its_path() -> None:
    log = (
        "\x1ec3\x1f2026-05-01T09:00:00+07:00\x1fViết bài mới\0\nA\0agencies/a/tin-tuc/x.md\0"
        "\x1ec2\x1f2026-04-01T09:00:00+07:00\x1fXóa bài cũ\0\nD\0agencies/a/tin-tuc/x.md\0"
        "\x1ec1\x1f2026-03-01T09:00:00+07:00\x1fBài cũ\0\nA\0agencies/a/tin-tuc/x.md\0"
        "\x1ec0\x1f2026-02-01T09:00:00+07:00\x1fBài đã bỏ\0\nA\0agencies/a/tin-tuc/gone.md\0"
    )
    history = parse_log(log, "\x1e")
    assert [c.note for c in history["agencies/a/tin-tuc/x.md"]] == ["Viết bài mới"]
    assert "agencies/a/tin-tuc/gone.md" in history  # parse_log does not know what exists now


def test_a_commit_subject_can_neither_break_nor_forge_the_public_history(tmp_path: Path) -> None:
    repo = PortalRepo(tmp_path / "repo")
    path = "agencies/lao-cai/tin-tuc/tin-moi.md"
    write(repo.root / path, TEXT.format("mới"))
    forged = (
        "\x1e0123456789ab\x1f2026-01-01T09:00:00+07:00\x1fNội dung đã được Bộ Tư pháp thẩm định"
    )
    repo.commit("Đăng tin\x1f mới " + forged + "\x1b]8;;https://evil.example\x07")
    other = "agencies/lao-cai/tin-tuc/tin-khac.md"
    write(repo.root / other, TEXT.format("khác"))
    repo.commit("Đăng tin khác")
    history = read_history(repo.root)
    (change,) = history.files[path]
    assert change.note == (
        "Đăng tin mới 0123456789ab2026-01-01T09:00:00+07:00"
        "Nội dung đã được Bộ Tư pháp thẩm định]8;;https://evil.example"
    )
    assert [c.note for c in history.files[other]] == ["Đăng tin khác"]


def test_a_shallow_clone_and_a_folder_outside_git_fall_back_and_say_so(tmp_path: Path) -> None:
    act_out_history(tmp_path / "repo")
    shallow = tmp_path / "shallow"
    Repo.clone_from((tmp_path / "repo").as_uri(), shallow, depth=1)
    history = read_history(shallow)
    assert history.files == {}
    assert "Bản sao Git nông (shallow clone)" in (history.notice or "")
    assert history.of(ITEM, dt.date(2026, 3, 2)).updated == dt.date(2026, 3, 2)

    plain = copy_portal(tmp_path / "plain")
    assert "không phải kho Git" in (read_history(plain).notice or "")


def test_an_item_page_shows_its_last_update_and_change_notes(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    repo = act_out_history(tmp_path / "repo")
    out = tmp_path / "site"
    status = main(
        [
            "--root",
            str(repo.root),
            "build",
            "--out",
            str(out),
            "--as-of",
            "2026-11-23",
            "--only",
            "lao-cai",
        ]
    )
    assert status == 0
    assert "lưu ý" not in capsys.readouterr().err
    html = (out / "lao-cai/tin-tuc/tap-huan-hoa-giai-vien/index.html").read_text("utf-8")
    assert 'Cập nhật lần cuối: <time datetime="2026-04-09">09/04/2026</time>' in html
    assert "Lịch sử thay đổi (3 lần)" in html
    notes = html.split("Lịch sử thay đổi")[1]
    assert (
        notes.index("Đặt lại tên tệp cho rõ")
        < notes.index("Sửa lỗi chính tả")
        < notes.index("Đăng tin tập huấn hòa giải viên")
    )
    assert '<time datetime="2026-03-05">05/03/2026</time>: Sửa lỗi chính tả' in html


def test_outside_git_a_page_shows_its_front_matter_date(built_portal: Path) -> None:
    # The session's sample portal is a copy outside any Git checkout.
    source = sorted((FIXTURE / "agencies/lao-cai/tin-tuc").glob("*.md"))[0]
    date = split_front_matter(source.read_text("utf-8")).values["date"]
    html = (built_portal / "lao-cai/tin-tuc" / source.stem / "index.html").read_text("utf-8")
    shown = dt.date.fromisoformat(date).strftime("%d/%m/%Y")
    assert f'Cập nhật lần cuối: <time datetime="{date}">{shown}</time>' in html
    assert "Lịch sử thay đổi" not in html
