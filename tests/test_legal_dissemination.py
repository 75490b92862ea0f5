"""Dissemination coverage: did the site that posts a document explain it within N days?"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Callable
from pathlib import Path

from legal_portal import OTHER, OWNER, REPEALED, build_site, write_legal_portal

from conftest import write

ANSWER_ELSEWHERE = """\
---
title: Nghị định 20/2025/NĐ-CP bãi bỏ những gì?
date: 2025-07-05
cau_hoi: Nghị định 20/2025/NĐ-CP bãi bỏ văn bản nào?
can_cu: ["20/2025/NĐ-CP"]
---
Nghị định bãi bỏ Nghị định 100/2019/NĐ-CP.
"""


def states(out: str) -> dict[str, str]:
    """Return each of the owner's documents with its state, from the audit's JSON."""
    owner = next(a for a in json.loads(out)["agencies"] if a["slug"] == OWNER)
    return {c["number"]: c["state"] for c in owner["dissemination"]}


def test_an_explainer_within_n_days_covers_the_document_and_one_after_is_late(
    tmp_path: Path, run_cli: Callable[..., tuple[int, str, str]]
) -> None:
    root = write_legal_portal(tmp_path / "portal")
    # Another site's answer does not count: the agency posting the document must explain it.
    write(root / "agencies" / OTHER / "hoi-dap" / "nghi-dinh-20-bai-bo.md", ANSWER_ELSEWHERE)
    out = run_cli(root, "audit", "--as-of", REPEALED.isoformat(), "--format", "json")[1]
    # 100/2019: explained on 10/01/2020, in force from 01/01/2020 (30 days: on time).
    # 168/2024: explained on 15/03/2025, in force from 01/01/2025 (late).
    # 20/2025: in force from 01/07/2025, not explained yet, its 30 days not over.
    assert states(out) == {
        "100/2019/NĐ-CP": "dung-han",
        "168/2024/NĐ-CP": "tre-han",
        "20/2025/NĐ-CP": "trong-han",
    }
    out = run_cli(root, "audit", "--as-of", "2025-08-01", "--format", "json")[1]
    assert states(out)["20/2025/NĐ-CP"] == "chua-pho-bien"
    text = run_cli(root, "audit", "--as-of", "2025-08-01")[1]
    assert "2 văn bản chưa được phổ biến đúng hạn: 168/2024/NĐ-CP, 20/2025/NĐ-CP" in text


def test_the_number_of_days_comes_from_portal_yml(
    tmp_path: Path, run_cli: Callable[..., tuple[int, str, str]]
) -> None:
    root = write_legal_portal(tmp_path / "portal", "dissemination_days: 90\n")
    out = run_cli(root, "audit", "--as-of", REPEALED.isoformat(), "--format", "json")[1]
    assert states(out)["168/2024/NĐ-CP"] == "dung-han"
    assert json.loads(out)["dissemination_days"] == 90


def text_of(fragment: str) -> str:
    """Return the visible text of HTML, its spaces collapsed."""
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", fragment)).split())


def page_text(page: Path) -> str:
    return text_of(page.read_text("utf-8"))


def test_the_document_page_and_the_national_table_show_coverage(tmp_path: Path) -> None:
    root = write_legal_portal(tmp_path / "portal")
    out = build_site(root, REPEALED)
    late = page_text(out / OWNER / "van-ban-moi" / "nghi-dinh-168-2024-nd-cp" / "index.html")
    assert "Phổ biến văn bản Phổ biến trễ hạn · hạn phổ biến: 31/01/2025" in late
    assert "Những điểm mới của Nghị định sửa đổi quy định xử phạt giao thông" in late
    on_time = page_text(out / OWNER / "van-ban-moi" / "nghi-dinh-100-2019-nd-cp" / "index.html")
    assert "Đã phổ biến đúng hạn · hạn phổ biến: 31/01/2020" in on_time
    table = (out / "tinh-hinh-cap-nhat" / "pho-bien-van-ban" / "index.html").read_text("utf-8")
    row = re.search(rf'<tr id="pho-bien-{OWNER}">.*?</tr>', table, flags=re.S)
    assert row is not None
    cells = re.findall(r"<td>([^<]*)</td>", row.group(0))
    # Documents; on time, late, missing, pending; the share on time of those due.
    assert cells == ["3", "1", "1", "0", "1", "50%"]
    # The agency's own follow-up page names each document not disseminated in time.
    own = page_text(out / "tinh-hinh-cap-nhat" / "don-vi" / OWNER / "index.html")
    assert "Phổ biến văn bản: 50% đúng hạn (2 văn bản đến hạn)" in own
    assert "168/2024/NĐ-CP" in own and "phổ biến trễ hạn, hạn phổ biến 31/01/2025" in own
    assert "Văn bản chưa được phổ biến đúng hạn" in own
    dashboard = (out / "tinh-hinh-cap-nhat" / "index.html").read_text("utf-8")
    assert 'href="pho-bien-van-ban/"' in dashboard
