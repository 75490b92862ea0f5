"""One sample item of every section, in a small portal of one agency that the tests own.

A new section adds its sample here: `test_every_section.py` then checks that it gets a
schema, a page with its facts, a search record and a feed entry.
"""

from __future__ import annotations

from pathlib import Path

from conftest import copy_parts, write

AGENCY = "so-tu-phap-mau"
# The platform files a build needs; the content is written below, not copied.
PLATFORM = ("theme", "mkdocs.yml")

PORTAL_YML = """\
name: Cổng Thông tin điện tử Phổ biến, giáo dục pháp luật (bản thử)
short_name: Cổng thử
operator: Bộ Tư pháp
contacts:
  email: thu@example.gov.vn
editorial_board: [bbt-thu]
maintainers: [ky-thuat-thu]
base_url: https://thu.example.gov.vn/
"""

AGENCY_YML = """\
slug: so-tu-phap-mau
name: Tỉnh Mẫu Sơn
kind: province
description: Trang thử của các chuyên mục.
contacts:
  email: stp@mauson.example.gov.vn
editors: [mauson-bientap]
sections: [{sections}]
"""

# By section folder: the file name and the whole text of one item.
SAMPLES: dict[str, tuple[str, str]] = {
    "van-ban-moi": (
        "nghi-dinh-168-2024-nd-cp",
        """\
---
title: Nghị định số 168/2024/NĐ-CP về xử phạt vi phạm hành chính về trật tự giao thông
so_ky_hieu: "168/2024/NĐ-CP"
loai_van_ban: Nghị định
co_quan_ban_hanh: Chính phủ
nguoi_ky: Trần Hồng Hà
chuc_danh: Phó Thủ tướng
ngay_ban_hanh: 2024-12-26
ngay_hieu_luc: 2025-01-01
linh_vuc: [Giao thông vận tải]
trich_yeu: Quy định xử phạt vi phạm hành chính về trật tự, an toàn giao thông đường bộ
---
Nghị định quy định mức phạt đối với từng hành vi vi phạm.
""",
    ),
    "gioi-thieu-van-ban": (
        "gioi-thieu-nghi-dinh-168",
        """\
---
title: Những điểm mới của Nghị định xử phạt giao thông
date: 2025-01-05
van_ban: "168/2024/NĐ-CP"
---
Bài viết giới thiệu các điểm mới của Nghị định 168/2024/NĐ-CP.
""",
    ),
    "hoi-dap": (
        "uong-ruou-roi-lai-xe-may",
        """\
---
title: Uống rượu rồi lái xe máy bị phạt thế nào?
date: 2025-02-10
cau_hoi: Tôi uống một cốc bia rồi đi xe máy thì có bị phạt không?
nguoi_hoi: Anh Minh, xã Mẫu Sơn
can_cu: ["168/2024/NĐ-CP"]
linh_vuc: [Giao thông vận tải]
---
Có. Người điều khiển xe máy trong máu hoặc hơi thở có nồng độ cồn đều bị xử phạt.
""",
    ),
    "doi-thoai-chinh-sach": (
        "doi-thoai-ve-an-toan-giao-thong",
        """\
---
title: Đối thoại về an toàn giao thông với thanh niên
date: 2025-03-01
ngay_doi_thoai: 2025-03-20
dia_diem: Hội trường Sở Tư pháp tỉnh Mẫu Sơn
chu_tri: Giám đốc Sở Tư pháp
hinh_thuc: trực tiếp
van_ban: ["168/2024/NĐ-CP"]
---
Kết quả buổi đối thoại.
""",
    ),
    "tai-lieu": (
        "de-cuong-an-toan-giao-thong",
        """\
---
title: Đề cương tuyên truyền an toàn giao thông
date: 2025-03-05
loai_tai_lieu: đề cương
---
Đề cương dùng cho báo cáo viên pháp luật.
""",
    ),
    "video": (
        "tieu-pham-doi-mu-bao-hiem",
        """\
---
title: Tiểu phẩm đội mũ bảo hiểm
date: 2025-03-10
url: https://www.youtube.com/watch?v=dQw4w9WgXcQ
thoi_luong: "05:30"
loai_video: tiểu phẩm
---
Lời thoại của tiểu phẩm.
""",
    ),
    "tinh-huong": (
        "cho-nguoi-say-muon-xe",
        """\
---
title: Cho người say rượu mượn xe máy
date: 2025-03-12
can_cu: ["168/2024/NĐ-CP"]
---
Anh A cho bạn đã uống rượu mượn xe máy. Anh A có bị phạt không?
""",
    ),
    "cuoc-thi": (
        "cuoc-thi-an-toan-giao-thong",
        """\
---
title: Cuộc thi tìm hiểu pháp luật về an toàn giao thông
date: 2025-04-01
ngay_bat_dau: 2025-04-05
ngay_ket_thuc: 2025-05-05
don_vi_to_chuc: Sở Tư pháp tỉnh Mẫu Sơn
hinh_thuc: trực tuyến
trac_nghiem:
  - cau_hoi: Người lái xe máy có được chở hai người lớn không?
    lua_chon: [Được, Không được]
    dap_an: B
    giai_thich: Xe máy chỉ được chở một người, trừ trường hợp luật cho phép.
    can_cu: Luật Trật tự, an toàn giao thông đường bộ số 36/2024/QH15
---
Thể lệ cuộc thi.
""",
    ),
    "tu-sach": (
        "so-tay-phap-luat-giao-thong",
        """\
---
title: Sổ tay pháp luật giao thông
date: 2025-04-10
tac_gia: Sở Tư pháp tỉnh Mẫu Sơn
nha_xuat_ban: Nhà xuất bản Tư pháp
nam_xuat_ban: 2025
---
Sổ tay tóm tắt các quy định chính.
""",
    ),
    "so-lieu": (
        "so-lieu-nam-2024",
        """\
---
title: Số liệu phổ biến, giáo dục pháp luật năm 2024
date: 2025-01-20
nam: 2024
ky_bao_cao: Năm 2024
chi_tieu:
  so_cuoc_truc_tiep: 120
---
Số liệu tổng hợp từ các xã.
""",
    ),
    "tin-tuc": (
        "hoi-nghi-tap-huan",
        """\
---
title: Hội nghị tập huấn báo cáo viên pháp luật
date: 2025-04-15
description: Sở Tư pháp tập huấn cho 120 báo cáo viên.
---
Sáng nay, Sở Tư pháp tổ chức hội nghị tập huấn.
""",
    ),
}


def write_sample_portal(root: Path, sections: list[str]) -> Path:
    """Write a portal of one agency keeping `sections`, with their sample items, at `root`."""
    copy_parts(PLATFORM, root)
    write(root / "content" / "portal.yml", PORTAL_YML)
    write(
        root / "agencies" / AGENCY / "agency.yml", AGENCY_YML.format(sections=", ".join(sections))
    )
    for slug in sections:
        name, text = SAMPLES[slug]
        write(root / "agencies" / AGENCY / slug / f"{name}.md", text)
    return root
