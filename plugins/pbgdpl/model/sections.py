"""The sections every component site may keep, and the front matter of their items."""

from __future__ import annotations

from dataclasses import dataclass

from pbgdpl.model.fields import (
    Choice,
    Choices,
    Date,
    DocumentNumber,
    DocumentNumbers,
    Field,
    Figures,
    Flag,
    Link,
    Moment,
    PortalPaths,
    QuizQuestions,
    Text,
    VideoLink,
    Withdrawn,
    Words,
    Year,
)
from pbgdpl.model.indicators import INDICATORS

FIELD_OF_LAW = Choices("linh_vuc", "fields", "Lĩnh vực", vocabulary="fields")

# Keys every item may carry; `date` is required except where a section says otherwise.
COMMON_FIELDS: tuple[Field, ...] = (
    Text("title", "title", "Tiêu đề", required=True, max_length=300),
    Date("date", "date", "Ngày đăng", required=True),
    Text("description", "description", "Tóm tắt", max_length=500),
    Words("tags", "tags", "Từ khóa"),
    FIELD_OF_LAW,
    # Publishing controls (pbgdpl.editorial.publishing): never, not yet, no longer, moved.
    Flag("draft", "draft", "Bản nháp, chưa đăng"),
    Moment("publish_at", "publish_at", "Hẹn giờ đăng (giờ Việt Nam)"),
    Withdrawn("withdrawn", "withdrawn", "Thôi đăng"),
    PortalPaths("redirect_from", "redirect_from", "Địa chỉ cũ chuyển về bài này"),
)


@dataclass(frozen=True)
class Section:
    """A section (chuyên mục) of a component site: its folder, names and item fields."""

    slug: str
    kind: str
    title: str
    item_label: str
    fields: tuple[Field, ...]
    date_from: str | None = None

    @property
    def all_fields(self) -> tuple[Field, ...]:
        """Return the common fields, adjusted for this section, then its own fields."""
        common = []
        for field in COMMON_FIELDS:
            if field.key == "date" and self.date_from:
                field = Date("date", "date", "Ngày đăng")
            if field.key == "linh_vuc" and any(f.key == "linh_vuc" for f in self.fields):
                continue
            common.append(field)
        return (*common, *self.fields)


SECTIONS: tuple[Section, ...] = (
    Section(
        "van-ban-moi",
        "legal_document",
        "Văn bản mới có hiệu lực",
        "văn bản",
        (
            DocumentNumber("so_ky_hieu", "number", "Số ký hiệu", required=True),
            Choice(
                "loai_van_ban",
                "doc_type",
                "Loại văn bản",
                required=True,
                vocabulary="document_types",
            ),
            Choice(
                "co_quan_ban_hanh",
                "issuer",
                "Cơ quan ban hành",
                required=True,
                vocabulary="issuers",
            ),
            Text("nguoi_ky", "signer", "Người ký", required=True, max_length=100),
            Text("chuc_danh", "signer_title", "Chức danh người ký", max_length=150),
            Date("ngay_ban_hanh", "issued", "Ngày ban hành", required=True),
            Date("ngay_hieu_luc", "effective", "Ngày có hiệu lực", required=True),
            Date("ngay_het_hieu_luc", "expires", "Ngày hết hiệu lực"),
            Choices("linh_vuc", "fields", "Lĩnh vực", required=True, vocabulary="fields"),
            Text("trich_yeu", "abstract", "Trích yếu", required=True, max_length=1000),
            DocumentNumbers("sua_doi_bo_sung", "amends", "Sửa đổi, bổ sung văn bản"),
            DocumentNumbers("thay_the", "replaces", "Thay thế văn bản"),
            DocumentNumbers("bai_bo", "repeals", "Bãi bỏ văn bản"),
            DocumentNumbers("bai_bo_mot_phan", "repeals_in_part", "Bãi bỏ một phần văn bản"),
            DocumentNumbers("huong_dan", "guides", "Hướng dẫn, quy định chi tiết văn bản"),
            Words("tep_dinh_kem", "attachments", "Tệp đính kèm"),
        ),
        date_from="issued",
    ),
    Section(
        "gioi-thieu-van-ban",
        "document_introduction",
        "Giới thiệu văn bản pháp luật mới",
        "bài giới thiệu",
        (DocumentNumber("van_ban", "document", "Văn bản được giới thiệu", required=True),),
    ),
    Section(
        "hoi-dap",
        "question",
        "Hỏi đáp pháp luật",
        "câu hỏi",
        (
            Text("cau_hoi", "question", "Câu hỏi", required=True, max_length=3000),
            Text("nguoi_hoi", "asker", "Người hỏi", max_length=200),
            DocumentNumbers("can_cu", "legal_basis", "Căn cứ pháp lý"),
        ),
    ),
    Section(
        "doi-thoai-chinh-sach",
        "policy_dialogue",
        "Đối thoại chính sách pháp luật",
        "cuộc đối thoại",
        (
            Date("ngay_doi_thoai", "held_on", "Ngày đối thoại", required=True),
            Text("dia_diem", "venue", "Địa điểm", max_length=300),
            Text("chu_tri", "chair", "Chủ trì", max_length=300),
            Choice("hinh_thuc", "format", "Hình thức", vocabulary="event_formats"),
            DocumentNumbers("van_ban", "documents", "Văn bản được đối thoại"),
        ),
    ),
    Section(
        "tai-lieu",
        "material",
        "Tài liệu phổ biến, giáo dục pháp luật",
        "tài liệu",
        (
            Choice(
                "loai_tai_lieu",
                "material_kind",
                "Loại tài liệu",
                required=True,
                vocabulary="material_kinds",
            ),
            Words("tep_dinh_kem", "attachments", "Tệp đính kèm"),
        ),
    ),
    Section(
        "video",
        "video",
        "Video tiểu phẩm, phóng sự",
        "video",
        (
            VideoLink("url", "url", "Địa chỉ video", required=True),
            Text("thoi_luong", "duration", "Thời lượng", max_length=10),
            Choice("loai_video", "video_kind", "Loại video", vocabulary="video_kinds"),
        ),
    ),
    Section(
        "tinh-huong",
        "legal_case",
        "Tình huống pháp luật",
        "tình huống",
        (DocumentNumbers("can_cu", "legal_basis", "Căn cứ pháp lý"),),
    ),
    Section(
        "cuoc-thi",
        "contest",
        "Cuộc thi tìm hiểu pháp luật",
        "cuộc thi",
        (
            Date("ngay_bat_dau", "starts", "Ngày bắt đầu", required=True),
            Date("ngay_ket_thuc", "ends", "Ngày kết thúc", required=True),
            Text("don_vi_to_chuc", "organiser", "Đơn vị tổ chức", max_length=300),
            Choice("hinh_thuc", "format", "Hình thức", vocabulary="event_formats"),
            Link("lien_ket", "link", "Đường dẫn tham gia"),
            QuizQuestions("trac_nghiem", "quiz", "Câu hỏi trắc nghiệm tự chấm điểm"),
        ),
    ),
    Section(
        "tu-sach",
        "bookshelf",
        "Tủ sách pháp luật điện tử",
        "ấn phẩm",
        (
            Text("tac_gia", "author", "Tác giả", max_length=300),
            Text("nha_xuat_ban", "publisher", "Nhà xuất bản", max_length=300),
            Year("nam_xuat_ban", "published_year", "Năm xuất bản"),
            Words("tep_dinh_kem", "attachments", "Tệp đính kèm"),
        ),
    ),
    Section(
        "so-lieu",
        "statistics",
        "Số liệu thống kê",
        "báo cáo số liệu",
        (
            Year("nam", "year", "Năm báo cáo", required=True),
            Text("ky_bao_cao", "period", "Kỳ báo cáo", required=True, max_length=100),
            Figures("chi_tieu", "figures", "Chỉ tiêu", required=True, indicators=INDICATORS),
        ),
    ),
    Section("tin-tuc", "news", "Tin tức, hoạt động", "tin", ()),
)

SECTIONS_BY_SLUG = {section.slug: section for section in SECTIONS}
