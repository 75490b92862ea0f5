"""Page history: the editors' public change notes, read from Git; never commit messages."""

from __future__ import annotations

import datetime as dt
import re
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


def test_the_commits_of_a_file_follow_renames_newest_first(tmp_path: Path) -> None:
    # Commits say which agency published a document number first; pages never show them.
    act_out_history(tmp_path / "repo")
    history = read_history(tmp_path / "repo")
    assert history.notice is None
    changes = history.files[ITEM]
    old = ITEM.replace("tap-huan-hoa-giai-vien", "tap-huan")
    assert [c.named for c in changes] == [ITEM, old, old]
    assert [c.date for c in changes] == [
        dt.date(2026, 4, 9),
        dt.date(2026, 3, 5),
        dt.date(2026, 3, 2),
    ]
    # None of these commits wrote a change note: the page keeps its date of publication.
    found = history.of(ITEM, dt.date(2026, 3, 2))
    assert (found.updated, found.changes) == (dt.date(2026, 3, 2), ())


def test_a_deleted_file_lends_no_history_to_a_new_file_at_its_path() -> None:
    log = (
        "\x1ec3\x1f2026-05-01T09:00:00+07:00\0\nA\0agencies/a/tin-tuc/x.md\0"
        "\x1ec2\x1f2026-04-01T09:00:00+07:00\0\nD\0agencies/a/tin-tuc/x.md\0"
        "\x1ec1\x1f2026-03-01T09:00:00+07:00\0\nA\0agencies/a/tin-tuc/x.md\0"
        "\x1ec0\x1f2026-02-01T09:00:00+07:00\0\nA\0agencies/a/tin-tuc/gone.md\0"
    )
    history = parse_log(log, "\x1e")
    assert [c.commit for c in history["agencies/a/tin-tuc/x.md"]] == ["c3"]
    assert "agencies/a/tin-tuc/gone.md" in history  # parse_log does not know what exists now


def test_a_commit_subject_can_neither_forge_nor_reach_the_public_history(tmp_path: Path) -> None:
    repo = PortalRepo(tmp_path / "repo")
    path = "agencies/lao-cai/tin-tuc/tin-moi.md"
    write(repo.root / path, TEXT.format("mới"))
    repo.commit("Đăng tin", dt.datetime(2026, 3, 2, 9, 0))
    forged = (
        "\x1e0123456789ab\x1f2026-01-01T09:00:00+07:00\x1fNội dung đã được Bộ Tư pháp thẩm định"
    )
    write(
        repo.root / path, TEXT.format("mới").replace("---\n\n", "ghi_chu_thay_doi: Bổ sung\n---\n")
    )
    repo.commit(
        "Cập nhật\x1f " + forged + "\x1b]8;;https://evil.example\x07", dt.datetime(2026, 4, 1)
    )
    history = read_history(repo.root, noted=[path])
    assert [(c.date, c.note) for c in history.files[path]] == [
        (dt.date(2026, 4, 1), ""),
        (dt.date(2026, 3, 2), ""),
    ]
    assert [(c.date, c.note) for c in history.notes[path]] == [(dt.date(2026, 4, 1), "Bổ sung")]


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


NEWS = "agencies/lao-cai/tin-tuc/hoa-giai-vien-duoc-cong-nhan.md"
NOTED = (
    "---\ntitle: Hòa giải viên được công nhận\ndate: 2026-03-02\n{note}---\n\n"
    "Danh sách {count} hòa giải viên {typo}.\n"
)
FOLDED = "ghi_chu_thay_doi: >-\n  {}\n"


def act_out_public_history(root: Path) -> PortalRepo:
    """Publication, two major changes, a minor fix, then a bulk import that renames the item."""
    repo = PortalRepo(root)
    write(repo.root / NEWS, NOTED.format(note="", count=30, typo="đuợc công nhận"))
    repo.commit("Đăng tin hòa giải viên", dt.datetime(2026, 3, 2, 9, 0))
    # A note written over two lines; the next one changes only its second line.
    write(
        repo.root / NEWS,
        NOTED.format(note=FOLDED.format("Bổ sung 10 hòa giải viên"), count=40, typo="đuợc"),
    )
    repo.commit("fix(content): bump count per PR #12", dt.datetime(2026, 5, 4, 16, 0))
    write(
        repo.root / NEWS,
        NOTED.format(note=FOLDED.format("Bổ sung 12 hòa giải viên"), count=42, typo="đuợc"),
    )
    repo.commit("update", dt.datetime(2026, 7, 1, 8, 0))
    write(
        repo.root / NEWS,
        NOTED.format(note=FOLDED.format("Bổ sung 12 hòa giải viên"), count=42, typo="được"),
    )
    repo.commit("Sửa lỗi chính tả", dt.datetime(2026, 8, 15, 10, 0))
    # The bulk import moves the item and adds a scheduled one, in one commit of its own date.
    repo.repo.git.mv(NEWS, NEWS.replace("hoa-giai-vien", "danh-sach-hoa-giai-vien"))
    write(
        repo.root / "agencies/lao-cai/tin-tuc/hen-gio.md",
        "---\ntitle: Tin hẹn giờ\ndate: 2026-12-01\npublish_at: 2026-12-01T08:00\n---\nSắp đăng.\n",
    )
    repo.commit("Import 2026 batch; schedule hen-gio for 01/12", dt.datetime(2026, 11, 23, 7, 0))
    return repo


def test_a_page_shows_the_editors_change_notes_never_commit_messages(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    repo = act_out_public_history(tmp_path / "repo")
    out = tmp_path / "site"
    build = ["build", "--out", str(out), "--as-of", "2026-11-23", "--only", "lao-cai"]
    status = main(["--root", str(repo.root), *build])
    assert status == 0
    assert "lưu ý" not in capsys.readouterr().err
    page = out / "lao-cai/tin-tuc/danh-sach-hoa-giai-vien-duoc-cong-nhan/index.html"
    html = page.read_text("utf-8")
    # The last major change, not the minor fix (15/08) nor the import (23/11).
    assert 'Cập nhật lần cuối: <time datetime="2026-07-01">01/07/2026</time>' in html
    assert "Lịch sử thay đổi (2 lần)" in html
    history = html.split("Lịch sử thay đổi")[1].split("</details>")[0]
    assert re.findall(r"</time>: ([^<]*)</li>", history) == [
        "Bổ sung 12 hòa giải viên",
        "Bổ sung 10 hòa giải viên",
        "Đăng lần đầu.",
    ]
    assert '<time datetime="2026-05-04">04/05/2026</time>: Bổ sung 10' in history
    assert '<time datetime="2026-03-02">02/03/2026</time>: Đăng lần đầu.' in history
    for subject in ("fix(content)", "update", "Sửa lỗi chính tả", "Import", "hen-gio", "Đăng tin"):
        assert subject not in history
    # Search engines are told the same date.
    sitemap = (out / "sitemap.xml").read_text("utf-8")
    entry = sitemap.split("danh-sach-hoa-giai-vien-duoc-cong-nhan/</loc>")[1].split("</url>")[0]
    assert "<lastmod>2026-07-01</lastmod>" in entry
    # And feed readers: published on its date, updated by its last major change.
    feed = (out / "lao-cai/feed.xml").read_text("utf-8")
    entry = feed.split("danh-sach-hoa-giai-vien-duoc-cong-nhan/</id>")[1].split("</entry>")[0]
    assert "<published>2026-03-02" in entry and "<updated>2026-07-01" in entry


def test_a_note_in_an_imported_file_is_its_publication_not_a_change(tmp_path: Path) -> None:
    repo = PortalRepo(tmp_path / "repo")
    write(repo.root / NEWS, NOTED.format(note="ghi_chu_thay_doi: Cũ\n", count=1, typo="x"))
    repo.commit("Import", dt.datetime(2026, 11, 23, 7, 0))
    history = read_history(repo.root, noted=[NEWS])
    assert NEWS not in history.notes
    found = history.of(NEWS, dt.date(2026, 3, 2))
    assert (found.updated, found.changes) == (dt.date(2026, 3, 2), ())


def test_outside_git_a_page_shows_its_front_matter_date(built_portal: Path) -> None:
    # The session's sample portal is a copy outside any Git checkout.
    source = sorted((FIXTURE / "agencies/lao-cai/tin-tuc").glob("*.md"))[0]
    date = split_front_matter(source.read_text("utf-8")).values["date"]
    html = (built_portal / "lao-cai/tin-tuc" / source.stem / "index.html").read_text("utf-8")
    shown = dt.date.fromisoformat(date).strftime("%d/%m/%Y")
    assert f'Cập nhật lần cuối: <time datetime="{date}">{shown}</time>' in html
    assert "Lịch sử thay đổi" not in html
