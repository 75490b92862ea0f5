"""The statistics every agency reports each year (chỉ tiêu) in its `so-lieu` section.

Every indicator is a count of what happened during the reporting year, so national
totals are plain sums across agencies. Ratios (tỷ lệ hòa giải thành) and stocks at a
date (số tổ hòa giải, số hòa giải viên) do not add up across agencies or years and stay
in the report's text. The set follows the headings of the ministry's yearly follow-up
(letter 2500/BTP-PBGDPL, item 7) and of Decision 471/QĐ-TTg, part III.2: direct
dissemination, materials, contests, policy dialogues, and the component site itself.
"""

from __future__ import annotations

from pbgdpl.model.fields import Indicator

# Each maximum is what one agency could report for one year at the very most: the
# population (about 100 million) attending or taking part twice, a session in every one of
# ~10,000 communes a month many times over, a visit by every citizen a hundred times.
INDICATORS: tuple[Indicator, ...] = (
    Indicator("so_cuoc_truc_tiep", "Số cuộc phổ biến pháp luật trực tiếp", "cuộc", 1_000_000),
    Indicator(
        "so_luot_nguoi_tham_du",
        "Số lượt người tham dự phổ biến pháp luật trực tiếp",
        "lượt người",
        200_000_000,
    ),
    Indicator(
        "so_tai_lieu_phat_hanh", "Số tài liệu phổ biến pháp luật được phát hành", "bản", 200_000_000
    ),
    Indicator(
        "so_video_phong_su", "Số video, tiểu phẩm, phóng sự được sản xuất", "sản phẩm", 100_000
    ),
    Indicator("so_cuoc_thi", "Số cuộc thi tìm hiểu pháp luật", "cuộc thi", 100_000),
    Indicator(
        "so_luot_du_thi", "Số lượt người dự thi tìm hiểu pháp luật", "lượt người", 200_000_000
    ),
    Indicator("so_cuoc_doi_thoai", "Số cuộc đối thoại chính sách pháp luật", "cuộc", 100_000),
    Indicator(
        "so_tin_bai_dang_tai",
        "Số tin, bài đăng trên Trang thông tin điện tử PBGDPL",
        "tin, bài",
        1_000_000,
    ),
    Indicator(
        "so_cau_hoi_tra_loi", "Số câu hỏi pháp luật được trả lời trực tuyến", "câu hỏi", 10_000_000
    ),
    Indicator(
        "so_luot_truy_cap",
        "Số lượt truy cập Trang thông tin điện tử PBGDPL",
        "lượt",
        10_000_000_000,
    ),
)

INDICATORS_BY_CODE = {indicator.code: indicator for indicator in INDICATORS}
