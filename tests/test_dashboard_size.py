"""The national dashboard stays small however many items the agencies have to check again.

The dashboard holds one short row per agency; the agency's own follow-up page lists its
items, and its home page counts them and links there.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from sections.samples import AGENCY, PORTAL_YML, write_sample_portal

from pbgdpl.cli import main

from conftest import write

QUESTION = """\
---
title: Câu hỏi cũ số {n} về đăng ký kết hôn
date: {day}
cau_hoi: Đăng ký kết hôn cần giấy tờ gì (câu {n})?
---
Trả lời câu hỏi số {n}.
"""
# Answer n is dated n weeks into 2020: the oldest first is answer 1.
OLDEST_FIRST = list(range(1, 61))


def listed(html: str) -> list[str]:
    """Return the titles of the items to check again that a page lists, in its order."""
    found = html[html.index('<ol class="pb-to-review-list"') :]
    return re.findall(r">(Câu hỏi cũ số \d+) về", found[: found.index("</ol>")])


def build_with_old_answers(root: Path, count: int) -> Path:
    """Build the sample portal with `count` answers past their review date; its output."""
    write_sample_portal(root, ["hoi-dap", "tin-tuc"])
    write(root / "content" / "portal.yml", PORTAL_YML + "review_after_months:\n  hoi-dap: 12\n")
    for n in range(1, count + 1):
        text = QUESTION.format(n=n, day=dt.date(2020, 1, 1) + dt.timedelta(weeks=n))
        write(root / "agencies" / AGENCY / "hoi-dap" / f"cau-hoi-cu-{n}.md", text)
    out = root / "site"
    build = ["--root", str(root), "build", "--out", str(out), "--as-of", "2025-06-01"]
    assert main(build) == 0
    return out


def test_items_to_review_are_on_the_agency_page_not_the_national_dashboard(
    tmp_path: Path,
) -> None:
    few = build_with_old_answers(tmp_path / "few", 2)
    many = build_with_old_answers(tmp_path / "many", 60)
    dashboard = (many / "tinh-hinh-cap-nhat" / "index.html").read_text("utf-8")
    assert "Câu hỏi cũ số" not in dashboard
    # Fifty-eight answers more cost the dashboard a few digits, not a line each.
    small = (few / "tinh-hinh-cap-nhat" / "index.html").stat().st_size
    assert abs(len(dashboard.encode()) - small) < 20
    row = dashboard[dashboard.index(f'<a href="don-vi/{AGENCY}/">') :]
    assert row[: row.index("</tr>")].count("<td") == 4
    # The agency's follow-up page lists the oldest ten and links the whole list.
    own_page = many / "tinh-hinh-cap-nhat" / "don-vi" / AGENCY / "index.html"
    own = own_page.read_text("utf-8")
    assert listed(own) == [f"Câu hỏi cũ số {n}" for n in OLDEST_FIRST[:10]]
    assert '<a href="can-ra-soat/">Xem cả 60 bài cần rà soát</a>' in own
    # The whole list: fifty a page, numbered on from one page to the next.
    first = (own_page.parent / "can-ra-soat" / "index.html").read_text("utf-8")
    second = (own_page.parent / "can-ra-soat" / "trang-2" / "index.html").read_text("utf-8")
    assert listed(first) + listed(second) == [f"Câu hỏi cũ số {n}" for n in OLDEST_FIRST]
    assert len(listed(first)) == 50 and '<ol class="pb-to-review-list" start="51">' in second
    assert f'href="../../../../tinh-hinh-cap-nhat/don-vi/{AGENCY}/can-ra-soat/trang-2/"' in first
    # Its home counts them and links that page.
    home = (many / AGENCY / "index.html").read_text("utf-8")
    assert "60 bài cần rà soát" in home
    assert "Câu hỏi cũ số" not in home[home.index('class="pb-agency-standing"') :]
    assert f'href="../tinh-hinh-cap-nhat/don-vi/{AGENCY}/"' in home
