"""The legislature term in numbers: 52/2014/QH14 is impossible, and the error says QH13 fits."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from legal_portal import OWNER, write_legal_portal

from pbgdpl.model.numbers import legislature_term_problem, parse_number, terms_of

from conftest import write

LAW = """\
---
title: Luật số 52/2014/QH14 về hôn nhân và gia đình
so_ky_hieu: "52/2014/QH14"
loai_van_ban: Luật
co_quan_ban_hanh: Quốc hội
nguoi_ky: Nguyễn Sinh Hùng
ngay_ban_hanh: 2014-06-19
ngay_hieu_luc: 2015-01-01
linh_vuc: [Hôn nhân và gia đình]
trich_yeu: Luật Hôn nhân và gia đình
---
Toàn văn luật.
"""
ANSWER = """\
---
title: Kết hôn khi nào?
date: 2025-03-01
cau_hoi: Nam bao nhiêu tuổi thì được kết hôn?
can_cu: ["45/2016/QH13", "5/2022/QH14"]
---
Nam từ đủ 20 tuổi.
"""


def test_an_election_year_belongs_to_two_terms() -> None:
    assert terms_of(2014) == [13]
    assert terms_of(2016) == [13, 14]
    assert terms_of(2021) == [14, 15]
    for number in ("45/2019/QH14", "1/2016/QH14", "45/2016/QH13", "12/2024/UBTVQH15"):
        parts = parse_number(number)
        assert parts is not None and legislature_term_problem(parts) is None, number


def test_a_term_that_does_not_fit_its_year_is_an_error_naming_the_right_term(
    tmp_path: Path, run_cli: Callable[..., tuple[int, str, str]]
) -> None:
    root = write_legal_portal(tmp_path / "portal")
    site = root / "agencies" / OWNER
    write(site / "van-ban-moi" / "luat-52-2014-qh14.md", LAW)
    write(site / "hoi-dap" / "ket-hon-khi-nao.md", ANSWER)
    status, out, _ = run_cli(root, "validate")
    assert status == 1
    law = f"agencies/{OWNER}/van-ban-moi/luat-52-2014-qh14.md:3:"
    assert (
        f'{law} lỗi [legislature-term] Số ký hiệu "52/2014/QH14" không hợp lệ: năm 2014 '
        "không thuộc nhiệm kỳ Quốc hội khóa 14 (khóa 14 họp từ năm 2016 đến năm 2021). "
        'Năm 2014 là của Quốc hội khóa 13: viết "52/2014/QH13" (khóa 13)'
    ) in out
    answer = [line for line in out.splitlines() if "ket-hon-khi-nao.md" in line]
    # The answer's can_cu is on line 5; 45/2016/QH13 is right (2016 elected the 14th).
    assert len(answer) == 1
    assert f"agencies/{OWNER}/hoi-dap/ket-hon-khi-nao.md:5:" in answer[0]
    assert '"5/2022/QH15" (khóa 15)' in answer[0]
