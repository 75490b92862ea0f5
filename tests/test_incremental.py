"""Incremental builds: after each kind of edit, only what shows it is rebuilt, and the
result is byte for byte what a full build of the same input gives."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from pathlib import Path

from pbgdpl.publishing.output import CACHE_DIR

from conftest import write

ARGS = ("--as-of", "2026-11-23")
ALCOHOL_LAW = "agencies/bo-y-te/van-ban-moi/luat-phong-chong-tac-hai-cua-ruou-bia-44-2019-qh14.md"
NEWS = "agencies/ha-noi/tin-tuc/boi-duong-hoa-giai-vien-nam-2026.md"
QUESTION = "agencies/bo-tu-phap/hoi-dap/hoi-dap-ve-dang-ky-ket-hon.md"
NEW_AGENCY = """slug: don-vi-moi
name: Ủy ban Trung ương Mặt trận Tổ quốc Việt Nam
kind: organisation
unit: Ban Tuyên giáo
description: Trang thông tin phổ biến, giáo dục pháp luật thí điểm của một đơn vị mới.
contacts:
  address: 1 Tràng Tiền, Hà Nội
  phone: "024 0000 0000"
  email: pbgdpl@example.gov.vn
editors: [dvm-bientap-an]
sections: [van-ban-moi, tin-tuc]
"""
NEW_DOCUMENT = """---
title: Kế hoạch số 7/KH-MTTW phổ biến pháp luật năm 2026
description: Kế hoạch phổ biến, giáo dục pháp luật năm 2026 của đơn vị mới.
so_ky_hieu: "7/KH-MTTW"
loai_van_ban: Kế hoạch
co_quan_ban_hanh: Ủy ban Trung ương Mặt trận Tổ quốc Việt Nam
trich_yeu: Phổ biến, giáo dục pháp luật năm 2026
nguoi_ky: Nguyễn Thị An
chuc_danh: Chủ tịch
ngay_ban_hanh: 2026-02-02
ngay_hieu_luc: 2026-02-02
linh_vuc:
  - Hòa giải ở cơ sở
---

Kế hoạch phổ biến, giáo dục pháp luật năm 2026 của đơn vị.
"""
NEW_NEWS = """---
title: Ra mắt trang thông tin phổ biến pháp luật của đơn vị mới
date: 2026-11-02
description: Đơn vị mới ra mắt trang thông tin phổ biến, giáo dục pháp luật.
---

Trang thông tin của đơn vị đã hoạt động từ tháng 11/2026.
"""


def _tree(root: Path) -> dict[str, str]:
    return {
        p.relative_to(root).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(root.rglob("*"))
        if p.is_file() and p.relative_to(root).parts[0] != CACHE_DIR
    }


def _differences(one: Path, other: Path) -> list[str]:
    first, second = _tree(one), _tree(other)
    return sorted(k for k in first.keys() | second.keys() if first.get(k) != second.get(k))


def _replace(root: Path, name: str, old: str, new: str) -> None:
    path = root / name
    text = path.read_text("utf-8")
    assert old in text, f"{old!r} not in {name}"
    path.write_text(text.replace(old, new, 1), "utf-8")


def _edit_text_and_title(root: Path) -> None:
    _replace(root, NEWS, "Từ ngày 20/7", "Trong hai tuần, từ ngày 20/7")
    _replace(root, QUESTION, "title: Điều kiện", "title: Hỏi đáp về điều kiện")


def _expire_law_and_edit_agency(root: Path) -> None:
    _replace(
        root,
        ALCOHOL_LAW,
        "ngay_hieu_luc: 2020-01-01\n",
        "ngay_hieu_luc: 2020-01-01\nngay_het_hieu_luc: 2026-11-01\n",
    )
    _replace(root, "agencies/lao-cai/agency.yml", "description: ", "description: Cập nhật. ")


def _add_item_and_agency(root: Path) -> None:
    write(root / "agencies/ha-noi/tin-tuc/tin-moi-cuoi-thang-11.md", NEW_NEWS)
    write(root / "agencies/don-vi-moi/agency.yml", NEW_AGENCY)
    write(root / "agencies/don-vi-moi/van-ban-moi/ke-hoach-7-kh-mttw.md", NEW_DOCUMENT)
    write(root / "agencies/don-vi-moi/tin-tuc/ra-mat-trang.md", NEW_NEWS)


def _edit_phone(root: Path) -> None:
    path = root / "agencies/lao-cai/agency.yml"
    text = path.read_text("utf-8")
    phone = next(line for line in text.splitlines() if line.strip().startswith("phone:"))
    _replace(root, "agencies/lao-cai/agency.yml", phone, phone.split(":")[0] + ': "0214 000 0000"')


# Each edit, the sites it rebuilds, and whether search records changed (national index).
STEPS: list[tuple[Callable[[Path], None], set[str], bool]] = [
    # The text of a news story shows on its own site only; a title also in national lists.
    (_edit_text_and_title, {"ha-noi", "bo-tu-phap", "_portal"}, True),
    # A law's end of effect shows where it is posted and wherever a page links or cites
    # it (Hà Nội's answer); an agency.yml on its own site and in the national directory.
    (_expire_law_and_edit_agency, {"bo-y-te", "ha-noi", "lao-cai", "_portal"}, True),
    # A new agency: its own site and what names agencies, not every other site.
    (_add_item_and_agency, {"ha-noi", "don-vi-moi", "_portal"}, True),
    # A phone number is on the agency's pages and in the directory, in no search record:
    # every search index is kept as it was.
    (_edit_phone, {"lao-cai", "_portal"}, False),
]


def test_incremental_builds_end_where_a_full_build_does(portal_copy: Path, run_cli) -> None:
    out, full = portal_copy / "site", portal_copy / "full"
    report = ("--report", str(portal_copy / "report.json"))
    assert run_cli(portal_copy, "build", "--out", str(out), *ARGS)[0] == 0
    for edit, expected, searched in STEPS:
        edit(portal_copy)
        status, _, err = run_cli(portal_copy, "build", "--out", str(out), *ARGS, *report)
        assert status == 0, err
        figures = json.loads(Path(report[1]).read_text("utf-8"))
        assert set(figures["rebuilt"]) == expected, edit.__name__
        assert ("search" in figures["timings"]) == searched, edit.__name__
        status, _, err = run_cli(portal_copy, "build", "--force", "--out", str(full), *ARGS)
        assert status == 0, err
        assert _differences(out, full) == [], edit.__name__
