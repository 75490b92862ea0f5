"""A small portal the tests of legal knowledge own: documents that change, and items citing them.

Two provincial sites. Nghị định 100/2019/NĐ-CP takes effect on 01/01/2020, is amended by
168/2024/NĐ-CP from 01/01/2025 and repealed by 20/2025/NĐ-CP from 01/07/2025. Items rely
on it in each of the three ways: `can_cu`, `van_ban` and the text, one of them on the
other site; one was reviewed after the amendment.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from sections.samples import PORTAL_YML

from pbgdpl.cli import main

from conftest import copy_parts, write

OWNER = "so-tu-phap-mau"
OTHER = "so-tu-phap-khac"
# Either side of the amendment and of the repeal.
BEFORE_AMENDMENT = dt.date(2024, 12, 31)
AMENDED = dt.date(2025, 1, 2)
BEFORE_REPEAL = dt.date(2025, 6, 30)
REPEALED = dt.date(2025, 7, 2)

AGENCY_YML = """\
slug: {slug}
name: {name}
kind: province
contacts:
  email: stp@{slug}.example.gov.vn
editors: [{slug}-bientap]
sections: [{sections}]
"""

DOCUMENT = """\
---
title: Nghị định số {number} {title}
so_ky_hieu: "{number}"
loai_van_ban: Nghị định
co_quan_ban_hanh: Chính phủ
nguoi_ky: Nguyễn Văn A
ngay_ban_hanh: {issued}
ngay_hieu_luc: {effective}
linh_vuc: [Giao thông vận tải]
trich_yeu: Quy định {title}
{extra}---
Toàn văn nghị định.
"""

DOCUMENTS = {
    "nghi-dinh-100-2019-nd-cp": (
        "100/2019/NĐ-CP",
        "xử phạt vi phạm hành chính về giao thông đường bộ",
        "2019-12-30",
        "2020-01-01",
        "csdl_quoc_gia: https://vbpl.vn/van-ban/100-2019-nd-cp\n",
    ),
    "nghi-dinh-168-2024-nd-cp": (
        "168/2024/NĐ-CP",
        "sửa đổi quy định xử phạt về giao thông",
        "2024-12-26",
        "2025-01-01",
        'sua_doi_bo_sung: ["100/2019/NĐ-CP"]\n',
    ),
    "nghi-dinh-20-2025-nd-cp": (
        "20/2025/NĐ-CP",
        "bãi bỏ quy định xử phạt cũ về giao thông",
        "2025-05-15",
        "2025-07-01",
        'bai_bo: ["100/2019/NĐ-CP"]\n',
    ),
}

# By agency and path below it: the whole text of each item relying on the documents.
ITEMS = {
    (OWNER, "gioi-thieu-van-ban/gioi-thieu-nghi-dinh-100.md"): """\
---
title: Giới thiệu Nghị định xử phạt giao thông đường bộ
date: 2020-01-10
van_ban: "100/2019/NĐ-CP"
---
Những điểm mới về mức phạt.
""",
    (OWNER, "hoi-dap/phat-nong-do-con.md"): """\
---
title: Uống bia rồi lái xe bị phạt bao nhiêu?
date: 2024-06-01
cau_hoi: Tôi uống một lon bia rồi lái xe máy thì bị phạt bao nhiêu?
can_cu: ["100/2019/NĐ-CP"]
---
Mức phạt theo điểm c khoản 6 Điều 6.
""",
    (OWNER, "hoi-dap/da-ra-soat.md"): """\
---
title: Không mang giấy phép lái xe bị phạt thế nào?
date: 2024-06-03
cau_hoi: Tôi quên mang giấy phép lái xe thì bị phạt thế nào?
can_cu: ["100/2019/NĐ-CP"]
da_ra_soat: 2025-02-01
---
Mức phạt từ 100.000 đồng đến 200.000 đồng.
""",
    (OWNER, "gioi-thieu-van-ban/gioi-thieu-nghi-dinh-168.md"): """\
---
title: Những điểm mới của Nghị định sửa đổi quy định xử phạt giao thông
date: 2025-03-15
van_ban: "168/2024/NĐ-CP"
---
Bài giới thiệu.
""",
    (OTHER, "hoi-dap/khong-doi-mu-bao-hiem.md"): """\
---
title: Không đội mũ bảo hiểm bị phạt bao nhiêu?
date: 2024-06-02
cau_hoi: Đi xe máy không đội mũ bảo hiểm bị phạt bao nhiêu?
---
Theo Nghị định 100/2019/NĐ-CP, người đi xe máy không đội mũ bảo hiểm bị phạt tiền.
""",
}


def write_legal_portal(root: Path, portal_yml: str = "") -> Path:
    """Write the portal at `root`; `portal_yml` is added to the portal's settings."""
    copy_parts(("theme", "mkdocs.yml"), root)
    write(root / "content" / "portal.yml", PORTAL_YML + portal_yml)
    for slug, name, sections in (
        (OWNER, "Tỉnh Mẫu Sơn", "van-ban-moi, gioi-thieu-van-ban, hoi-dap"),
        (OTHER, "Tỉnh Khác Sơn", "hoi-dap"),
    ):
        text = AGENCY_YML.format(slug=slug, name=name, sections=sections)
        write(root / "agencies" / slug / "agency.yml", text)
    for stem, (number, title, issued, effective, extra) in DOCUMENTS.items():
        text = DOCUMENT.format(
            number=number, title=title, issued=issued, effective=effective, extra=extra
        )
        write(root / "agencies" / OWNER / "van-ban-moi" / f"{stem}.md", text)
    for (slug, path), text in ITEMS.items():
        write(root / "agencies" / slug / path, text)
    return root


def build_site(root: Path, day: dt.date, name: str = "site") -> Path:
    """Build the portal at `root` as of `day` into `root/name`; return the output folder."""
    out = root / name
    args = ["--root", str(root), "build", "--out", str(out), "--as-of", day.isoformat()]
    assert main(args) == 0
    return out


def build_either_side(root: Path) -> dict[dt.date, Path]:
    """Build the portal the day before the repeal takes effect and the day after."""
    return {day: build_site(root, day, f"site-{day}") for day in (BEFORE_REPEAL, REPEALED)}
