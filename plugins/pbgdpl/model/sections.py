"""The sections every component site may keep: each one described once, here.

A section's description is all the portal knows about it. From it come the JSON Schema
of its front matter (`schemas.py`), the checks of its items (`pbgdpl.loading`), its
pages (the theme's `partials/pbgdpl/item.html` reads `fields`, `template` and
`on_home`), its search record and feed entry (each field's `role`), and the follow-up
of which agencies keep it. To add a section: describe it in `SECTIONS`, write its
template if its page needs more than the facts table, and add it to `tests/sections/`
(ARCHITECTURE.md walks through it).
"""

from __future__ import annotations

from dataclasses import dataclass

from pbgdpl.model.fields import (
    Attachments,
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
# Attachments are listed under the text, not in the facts table.
ATTACHMENTS = Attachments("tep_dinh_kem", "attachments", "Tệp đính kèm", shown=False)

# The public change note of a major change (GOV.UK's practice): a new note moves the
# page's "last updated" and joins its history (`pbgdpl.loading.history`); a minor
# fix leaves it as it was. Shown in the history, not in the facts table.
CHANGE_NOTE = Text(
    "ghi_chu_thay_doi",
    "change_note",
    "Ghi chú thay đổi lớn (công khai)",
    max_length=300,
    shown=False,
    hint=(
        "Chỉ viết khi sửa nội dung quan trọng (thay đổi lớn), mỗi lần một câu mới, ví dụ "
        "“Cập nhật mức phạt theo Nghị định 282/2025/NĐ-CP”: câu này hiện trong “Lịch sử "
        "thay đổi” của trang và ngày “Cập nhật lần cuối” chuyển sang ngày đăng thay đổi. "
        "Sửa lỗi chính tả, định dạng: giữ nguyên ghi chú cũ."
    ),
)

# Keys every item may carry; `date` is required except where a section says otherwise.
COMMON_FIELDS: tuple[Field, ...] = (
    Text("title", "title", "Tiêu đề", required=True, max_length=300),
    Date("date", "date", "Ngày đăng", required=True),
    Text("description", "description", "Tóm tắt", max_length=500),
    Words("tags", "tags", "Từ khóa"),
    FIELD_OF_LAW,
    # Publishing controls (pbgdpl.catalog.publication): never, not yet, no longer, moved.
    Flag("draft", "draft", "Bản nháp, chưa đăng"),
    Moment("publish_at", "publish_at", "Hẹn giờ đăng (giờ Việt Nam)"),
    Withdrawn("withdrawn", "withdrawn", "Thôi đăng"),
    PortalPaths("redirect_from", "redirect_from", "Địa chỉ cũ chuyển về bài này"),
    # Review (rà soát): when an editor last checked the item against the law, and when it is
    # next due; the due date defaults to the section's period in portal.yml (review_after_months).
    Date(
        "da_ra_soat",
        "reviewed",
        "Ngày rà soát gần nhất",
        hint="Ngày biên tập viên đã rà soát nội dung theo văn bản hiện hành",
    ),
    Date("han_ra_soat", "review_by", "Hạn rà soát tiếp theo"),
    CHANGE_NOTE,
)


@dataclass(frozen=True)
class Section:
    """A section (chuyên mục) of a component site: its folder, names, fields and page."""

    slug: str
    """The folder of its items and the URL segment of its pages: "hoi-dap"."""
    kind: str
    """Its name in code (see GLOSSARY.md): "question"."""
    title: str
    item_label: str
    """What one item is called, lower case: "câu hỏi"."""
    fields: tuple[Field, ...]
    date_from: str | None = None
    """The field an item's date defaults to when `date` is not written."""
    template: str | None = None
    """The name of its template in theme/partials/pbgdpl/sections/, for what its pages
    show beyond the facts table (see theme/partials/pbgdpl/section.html). None: the facts
    table, the text and the attachments are the whole page."""
    on_home: bool = False
    """Whether the home pages list its newest items."""
    registers_documents: bool = False
    """Whether its items are legal documents: registered by number, with a status."""
    dates_in_order: tuple[tuple[str, str], ...] = ()
    """Pairs of date fields (by attr) whose second may not come before the first."""
    relies_on_documents: bool = False
    """Whether what its items say rests on legal documents (cited in fields or the text): a
    change of those documents flags the item for review (`pbgdpl.catalog.reliance`)."""
    disseminates: bool = False
    """Whether its items count as disseminating the documents they cite: an explainer, an
    answer, a material (`pbgdpl.catalog.dissemination`)."""

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

    @property
    def page_template(self) -> str:
        """Return the theme partial of its pages' own parts; the plain one when it has none."""
        if self.template is None:
            return "partials/pbgdpl/section.html"
        return f"partials/pbgdpl/sections/{self.template}.html"

    def with_role(self, role: str) -> tuple[Field, ...]:
        """Return the section's own fields with one role ("fact", "lead", "cited" …)."""
        return tuple(f for f in self.fields if f.role == role)

    @property
    def facts(self) -> tuple[Field, ...]:
        """Return the fields the page shows in its facts table."""
        return tuple(f for f in self.fields if f.shown)

    def field(self, attr: str) -> Field:
        """Return the field of an English attribute name, common fields included."""
        return next(f for f in self.all_fields if f.attr == attr)


LEGAL_DOCUMENTS = Section(
    "van-ban-moi",
    "legal_document",
    "Văn bản mới có hiệu lực",
    "văn bản",
    (
        DocumentNumber("so_ky_hieu", "number", "Số ký hiệu", required=True, role="number"),
        Choice(
            "loai_van_ban",
            "doc_type",
            "Loại văn bản",
            required=True,
            role="fact",
            vocabulary="document_types",
        ),
        Choice(
            "co_quan_ban_hanh",
            "issuer",
            "Cơ quan ban hành",
            required=True,
            role="fact",
            vocabulary="issuers",
        ),
        Text("nguoi_ky", "signer", "Người ký", required=True, role="fact", max_length=100),
        Text("chuc_danh", "signer_title", "Chức danh người ký", role="fact", max_length=150),
        Date("ngay_ban_hanh", "issued", "Ngày ban hành", required=True),
        Date("ngay_hieu_luc", "effective", "Ngày có hiệu lực", required=True),
        Date("ngay_het_hieu_luc", "expires", "Ngày hết hiệu lực"),
        # Shown by the document's template as links to the lists of each field of law.
        Choices("linh_vuc", "fields", "Lĩnh vực", required=True, shown=False, vocabulary="fields"),
        Text("trich_yeu", "abstract", "Trích yếu", required=True, role="lead", max_length=1000),
        # Relations are shown by the document's own template, both ways.
        DocumentNumbers("sua_doi_bo_sung", "amends", "Sửa đổi, bổ sung văn bản", shown=False),
        DocumentNumbers("thay_the", "replaces", "Thay thế văn bản", shown=False),
        DocumentNumbers("bai_bo", "repeals", "Bãi bỏ văn bản", shown=False),
        DocumentNumbers(
            "bai_bo_mot_phan", "repeals_in_part", "Bãi bỏ một phần văn bản", shown=False
        ),
        DocumentNumbers("huong_dan", "guides", "Hướng dẫn, quy định chi tiết văn bản", shown=False),
        # Linked by the document's own template; the database's address is in portal.yml.
        Link(
            "csdl_quoc_gia",
            "national_entry",
            "Địa chỉ văn bản trên Cơ sở dữ liệu quốc gia về pháp luật",
            shown=False,
        ),
        ATTACHMENTS,
    ),
    date_from="issued",
    template="legal-document",
    on_home=True,
    registers_documents=True,
    dates_in_order=(("effective", "expires"),),
)

SECTIONS: tuple[Section, ...] = (
    LEGAL_DOCUMENTS,
    Section(
        "gioi-thieu-van-ban",
        "document_introduction",
        "Giới thiệu văn bản pháp luật mới",
        "bài giới thiệu",
        (DocumentNumber("van_ban", "document", "Văn bản được giới thiệu", required=True),),
        relies_on_documents=True,
        disseminates=True,
    ),
    Section(
        "hoi-dap",
        "question",
        "Hỏi đáp pháp luật",
        "câu hỏi",
        (
            Text(
                "cau_hoi",
                "question",
                "Câu hỏi",
                required=True,
                role="lead",
                shown=False,
                max_length=3000,
            ),
            Text("nguoi_hoi", "asker", "Người hỏi", role="fact", max_length=200),
            DocumentNumbers("can_cu", "legal_basis", "Căn cứ pháp lý", shown=False),
        ),
        template="question",
        on_home=True,
        relies_on_documents=True,
        disseminates=True,
    ),
    Section(
        "doi-thoai-chinh-sach",
        "policy_dialogue",
        "Đối thoại chính sách pháp luật",
        "cuộc đối thoại",
        (
            Date("ngay_doi_thoai", "held_on", "Ngày đối thoại", required=True),
            Text("dia_diem", "venue", "Địa điểm", role="fact", max_length=300),
            Text("chu_tri", "chair", "Chủ trì", role="fact", max_length=300),
            Choice("hinh_thuc", "format", "Hình thức", role="fact", vocabulary="event_formats"),
            DocumentNumbers("van_ban", "documents", "Văn bản được đối thoại"),
        ),
        template="policy-dialogue",
        relies_on_documents=True,
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
                role="fact",
                vocabulary="material_kinds",
            ),
            ATTACHMENTS,
        ),
        relies_on_documents=True,
        disseminates=True,
    ),
    Section(
        "video",
        "video",
        "Video tiểu phẩm, phóng sự",
        "video",
        (
            VideoLink("url", "url", "Địa chỉ video", required=True, shown=False),
            Text("thoi_luong", "duration", "Thời lượng", max_length=10),
            Choice("loai_video", "video_kind", "Loại video", role="fact", vocabulary="video_kinds"),
        ),
        template="video",
    ),
    Section(
        "tinh-huong",
        "legal_case",
        "Tình huống pháp luật",
        "tình huống",
        (DocumentNumbers("can_cu", "legal_basis", "Căn cứ pháp lý", shown=False),),
        relies_on_documents=True,
    ),
    Section(
        "cuoc-thi",
        "contest",
        "Cuộc thi tìm hiểu pháp luật",
        "cuộc thi",
        (
            Date("ngay_bat_dau", "starts", "Ngày bắt đầu", required=True),
            Date("ngay_ket_thuc", "ends", "Ngày kết thúc", required=True),
            Text("don_vi_to_chuc", "organiser", "Đơn vị tổ chức", role="fact", max_length=300),
            Choice("hinh_thuc", "format", "Hình thức", role="fact", vocabulary="event_formats"),
            Link("lien_ket", "link", "Đường dẫn tham gia"),
            QuizQuestions("trac_nghiem", "quiz", "Câu hỏi trắc nghiệm tự chấm điểm", shown=False),
        ),
        template="contest",
        dates_in_order=(("starts", "ends"),),
    ),
    Section(
        "tu-sach",
        "bookshelf",
        "Tủ sách pháp luật điện tử",
        "ấn phẩm",
        (
            Text("tac_gia", "author", "Tác giả", role="fact", max_length=300),
            Text("nha_xuat_ban", "publisher", "Nhà xuất bản", role="fact", max_length=300),
            Year("nam_xuat_ban", "published_year", "Năm xuất bản"),
            ATTACHMENTS,
        ),
    ),
    Section(
        "so-lieu",
        "statistics",
        "Số liệu thống kê",
        "báo cáo số liệu",
        (
            Year("nam", "year", "Năm báo cáo", required=True),
            Text("ky_bao_cao", "period", "Kỳ báo cáo", required=True, role="fact", max_length=100),
            Figures("chi_tieu", "figures", "Chỉ tiêu", required=True, indicators=INDICATORS),
        ),
    ),
    Section("tin-tuc", "news", "Tin tức, hoạt động", "tin", (), on_home=True),
)

SECTIONS_BY_SLUG = {section.slug: section for section in SECTIONS}
