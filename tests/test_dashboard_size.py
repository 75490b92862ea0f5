"""The national dashboard stays small however many items an agency has to check again."""

from __future__ import annotations

from pathlib import Path

from sections.samples import AGENCY, PORTAL_YML, write_sample_portal

from pbgdpl.cli import main

from conftest import write

QUESTION = """\
---
title: Câu hỏi cũ số {n} về đăng ký kết hôn
date: 2020-0{n}-10
cau_hoi: Đăng ký kết hôn cần giấy tờ gì (câu {n})?
---
Trả lời câu hỏi số {n}.
"""


def test_the_dashboard_row_lists_three_items_to_review_and_links_the_rest(tmp_path: Path) -> None:
    root = write_sample_portal(tmp_path / "portal", ["hoi-dap", "tin-tuc"])
    write(root / "content" / "portal.yml", PORTAL_YML + "review_after_months:\n  hoi-dap: 12\n")
    for n in range(1, 7):
        write(root / "agencies" / AGENCY / "hoi-dap" / f"cau-hoi-cu-{n}.md", QUESTION.format(n=n))
    out = root / "site"
    build = ["--root", str(root), "build", "--out", str(out), "--as-of", "2025-06-01"]
    assert main(build) == 0
    dashboard = (out / "tinh-hinh-cap-nhat" / "index.html").read_text("utf-8")
    row = dashboard[dashboard.index(f'id="don-vi-{AGENCY}"') :]
    row = row[: row.index("</tr>")]
    # Six answers are past their 12 months; the sample's own (2025) is not.
    assert "6 bài cần rà soát" in row
    assert row.count('class="pb-to-review__more"') == 1
    assert "Và 3 bài khác" in row
    assert row.count("Câu hỏi cũ số") == 3
    # The agency's own page lists every one of them.
    home = (out / AGENCY / "index.html").read_text("utf-8")
    listed = home[home.index('class="pb-to-review"') :]
    listed = listed[: listed.index("</details>")]
    assert listed.count("Câu hỏi cũ số") == 6
    assert "pb-to-review__more" not in listed
