"""The national dashboard stays small however many items the agencies have to check again.

The dashboard holds one short row per agency; the agency's own follow-up page lists its
items, and its home page counts them and links there.
"""

from __future__ import annotations

from pathlib import Path

from sections.samples import AGENCY, PORTAL_YML, write_sample_portal

from pbgdpl.cli import main

from conftest import write

QUESTION = """\
---
title: Câu hỏi cũ số {n} về đăng ký kết hôn
date: 2020-{month:02d}-10
cau_hoi: Đăng ký kết hôn cần giấy tờ gì (câu {n})?
---
Trả lời câu hỏi số {n}.
"""


def build_with_old_answers(root: Path, count: int) -> Path:
    """Build the sample portal with `count` answers past their review date; its output."""
    write_sample_portal(root, ["hoi-dap", "tin-tuc"])
    write(root / "content" / "portal.yml", PORTAL_YML + "review_after_months:\n  hoi-dap: 12\n")
    for n in range(1, count + 1):
        text = QUESTION.format(n=n, month=n % 12 + 1)
        write(root / "agencies" / AGENCY / "hoi-dap" / f"cau-hoi-cu-{n}.md", text)
    out = root / "site"
    build = ["--root", str(root), "build", "--out", str(out), "--as-of", "2025-06-01"]
    assert main(build) == 0
    return out


def test_items_to_review_are_on_the_agency_page_not_the_national_dashboard(
    tmp_path: Path,
) -> None:
    few = build_with_old_answers(tmp_path / "few", 2)
    many = build_with_old_answers(tmp_path / "many", 40)
    dashboard = (many / "tinh-hinh-cap-nhat" / "index.html").read_text("utf-8")
    assert "Câu hỏi cũ số" not in dashboard
    # Forty answers more cost the dashboard a few digits, not a line each.
    small = (few / "tinh-hinh-cap-nhat" / "index.html").stat().st_size
    assert abs(len(dashboard.encode()) - small) < 20
    row = dashboard[dashboard.index(f'<a href="don-vi/{AGENCY}/">') :]
    assert row[: row.index("</tr>")].count("<td") == 4
    # The agency's follow-up page lists every one of them, oldest first.
    own = (many / "tinh-hinh-cap-nhat" / "don-vi" / AGENCY / "index.html").read_text("utf-8")
    listed = own[own.index('<ol class="pb-to-review-list">') :]
    listed = listed[: listed.index("</ol>")]
    assert listed.count("Câu hỏi cũ số") == 40
    # Its home counts them and links that page.
    home = (many / AGENCY / "index.html").read_text("utf-8")
    assert "40 bài cần rà soát" in home
    assert "Câu hỏi cũ số" not in home[home.index('class="pb-agency-standing"') :]
    assert f'href="../tinh-hinh-cap-nhat/don-vi/{AGENCY}/"' in home
