"""Stale answers: an item whose documents were amended or repealed says so, until reviewed.

The portal of `legal_portal.py` is built either side of the repeal of 100/2019/NĐ-CP; the
notice on the page, the audit entry, the agency's follow-up page and the review report must
follow.
"""

from __future__ import annotations

import datetime as dt
import html
import json
import re
from collections.abc import Callable
from pathlib import Path

import pytest
from git import Repo
from legal_portal import (
    BEFORE_REPEAL,
    OTHER,
    OWNER,
    REPEALED,
    build_either_side,
    write_legal_portal,
)

from pbgdpl.editorial.review import review_changes
from pbgdpl.editorial.review_format import to_markdown

REPEAL = (
    "{role} 100/2019/NĐ-CP đã bị bãi bỏ bởi 20/2025/NĐ-CP từ 01/07/2025; "
    "nội dung có thể không còn đúng."
)
AMENDMENT = (
    "Văn bản căn cứ 100/2019/NĐ-CP đã được sửa đổi, bổ sung bởi 168/2024/NĐ-CP từ "
    "01/01/2025; nội dung có thể không còn đúng."
)
# The three ways of relying on the document: can_cu, van_ban, and the text (on another site).
RELYING = {
    f"{OWNER}/hoi-dap/phat-nong-do-con/": "Văn bản căn cứ",
    f"{OWNER}/gioi-thieu-van-ban/gioi-thieu-nghi-dinh-100/": "Văn bản căn cứ",
    f"{OTHER}/hoi-dap/khong-doi-mu-bao-hiem/": "Văn bản được viện dẫn",
}
REVIEWED = f"{OWNER}/hoi-dap/da-ra-soat/"


def page_text(site: Path, url: str) -> str:
    """Return the visible text of a built page, its spaces collapsed."""
    raw = (site / url / "index.html").read_text("utf-8")
    raw = re.sub(r"<(script|style)\b.*?</\1>", " ", raw, flags=re.S)
    text = " ".join(html.unescape(re.sub(r"<[^>]+>", " ", raw)).split())
    return re.sub(r" ([.;,])", r"\1", text)


@pytest.fixture(scope="module")
def builds(tmp_path_factory: pytest.TempPathFactory) -> dict[dt.date, Path]:
    """The portal built the day before the repeal takes effect and the day after."""
    return build_either_side(write_legal_portal(tmp_path_factory.mktemp("stale") / "portal"))


def test_the_page_names_the_repeal_only_after_it(builds: dict[dt.date, Path]) -> None:
    for url, role in RELYING.items():
        before = page_text(builds[BEFORE_REPEAL], url)
        after = page_text(builds[REPEALED], url)
        assert REPEAL.format(role=role) not in before, url
        assert REPEAL.format(role=role) in after, url
        # The amendment took effect earlier: both builds name it.
        amendment = AMENDMENT.replace("Văn bản căn cứ", role)
        assert amendment in before and amendment in after, url


def test_a_review_clears_the_flag_until_the_next_change(builds: dict[dt.date, Path]) -> None:
    before = page_text(builds[BEFORE_REPEAL], REVIEWED)
    assert "sửa đổi, bổ sung bởi 168/2024/NĐ-CP" not in before
    assert "Nội dung đã được rà soát ngày 01/02/2025." in before
    after = page_text(builds[REPEALED], REVIEWED)
    assert REPEAL.format(role="Văn bản căn cứ") in after
    assert "sửa đổi, bổ sung bởi 168/2024/NĐ-CP" not in after


def test_the_agency_follow_up_page_lists_items_to_review(builds: dict[dt.date, Path]) -> None:
    def follow_up(day: dt.date, slug: str) -> str:
        return page_text(builds[day], f"tinh-hinh-cap-nhat/don-vi/{slug}/")

    assert "Bài cần rà soát (2 bài, cũ nhất trước)" in follow_up(BEFORE_REPEAL, OWNER)
    assert "Bài cần rà soát (3 bài, cũ nhất trước)" in follow_up(REPEALED, OWNER)
    assert "bãi bỏ bởi 20/2025/NĐ-CP" not in follow_up(BEFORE_REPEAL, OTHER)
    assert "bãi bỏ bởi 20/2025/NĐ-CP" in follow_up(REPEALED, OTHER)
    assert "Không đội mũ bảo hiểm bị phạt bao nhiêu?" in follow_up(REPEALED, OTHER)
    # The agency's home counts them and links that page.
    home = page_text(builds[REPEALED], f"{OWNER}/")
    assert "Chi tiết từng chuyên mục, 3 bài cần rà soát" in home


def test_audit_lists_items_to_review_oldest_first(
    tmp_path: Path, run_cli: Callable[..., tuple[int, str, str]]
) -> None:
    root = write_legal_portal(tmp_path / "portal")
    for day, expected in ((BEFORE_REPEAL, 2), (REPEALED, 3)):
        status, out, _ = run_cli(root, "audit", "--as-of", day.isoformat(), "--format", "json")
        assert status == 0
        owner = next(a for a in json.loads(out)["agencies"] if a["slug"] == OWNER)
        assert len(owner["to_review"]) == expected
        since = [r["since"] for r in owner["to_review"]]
        assert since == sorted(since)
    status, text, _ = run_cli(root, "audit", "--as-of", REPEALED.isoformat())
    assert f"cần rà soát: agencies/{OWNER}/hoi-dap/da-ra-soat.md" in text
    assert REPEAL.format(role="Văn bản căn cứ") in text


def test_a_pull_request_repealing_a_document_lists_every_item_relying_on_it(
    tmp_path: Path,
) -> None:
    root = write_legal_portal(tmp_path / "portal")
    repeal = root / "agencies" / OWNER / "van-ban-moi" / "nghi-dinh-20-2025-nd-cp.md"
    text = repeal.read_text("utf-8")
    repeal.unlink()
    repo = Repo.init(root, initial_branch="main")
    with repo.config_writer() as config:
        config.set_value("user", "name", "Biên tập viên")
        config.set_value("user", "email", "bientap@example.vn")
    repo.git.add(A=True)
    repo.git.commit("-m", "Cổng ban đầu")
    repo.git.checkout("-b", "bai-bo")
    repeal.write_text(text, "utf-8")
    repo.git.add(A=True)
    repo.git.commit("-m", "Đăng Nghị định 20/2025/NĐ-CP")

    review = review_changes(root, "main", "bai-bo")
    [change] = review.status_changes
    assert change.number == "100/2019/NĐ-CP"
    assert {i.url for i in change.relying} == {*RELYING, REVIEWED}
    report = to_markdown(review)
    assert "**100/2019/NĐ-CP**" in report and "4 bài dựa vào" in report
    assert f"`agencies/{OTHER}/hoi-dap/khong-doi-mu-bao-hiem.md`" in report
