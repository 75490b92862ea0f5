"""Portal settings: the portal's name, operator, contacts and roles (content/portal.yml)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, ClassVar

from pbgdpl.model.fields import Contacts, Field, FieldError, Flag, Link, Logins, Text, Words
from pbgdpl.model.forge import Forge, ForgeSetting
from pbgdpl.model.thresholds import SectionAmounts
from pbgdpl.model.vocabularies import Vocabularies


@dataclass(frozen=True)
class Amount(Field):
    """A whole number of some unit (days, KB, MB), at least one."""

    unit: str = "ngày"

    def parse(self, value: Any, vocabularies: Vocabularies) -> int:
        if isinstance(value, bool) or not isinstance(value, int) or value < 1:
            raise FieldError(
                "invalid-amount",
                f'Trường "{self.key}" ({self.label}) phải là một số {self.unit} nguyên dương, '
                f'ví dụ 30; giá trị hiện tại: "{value}".',
            )
        return value

    def describe(self, vocabularies: Vocabularies) -> dict[str, Any]:
        return {"type": "integer", "minimum": 1}


@dataclass(frozen=True)
class PortalSettings:
    """Settings of the whole portal, kept by the editorial board."""

    FIELDS: ClassVar[tuple[Field, ...]] = (
        Text("name", "name", "Tên cổng", required=True, max_length=200),
        Text("short_name", "short_name", "Tên viết tắt", required=True, max_length=60),
        Text("operator", "operator", "Cơ quan chủ quản", required=True, max_length=300),
        Contacts("contacts", "contacts", "Thông tin liên hệ", required=True),
        Logins("editorial_board", "editorial_board", "Ban Biên tập", required=True),
        Logins("maintainers", "maintainers", "Nhóm kỹ thuật", required=True),
        Words(
            "delegated_review",
            "delegated_review",
            "Trang thành phần được tự duyệt bài thường (biên tập viên duyệt thay Ban Biên tập)",
        ),
        Link("base_url", "base_url", "Địa chỉ công khai của cổng"),
        Amount("mirror_expiry_days", "mirror_expiry_days", "Số ngày một bản sao còn hạn"),
        Amount("max_page_kb", "max_page_kb", "Dung lượng tối đa một tệp bài viết", unit="KB"),
        Amount(
            "max_attachment_mb",
            "max_attachment_mb",
            "Dung lượng tối đa một tệp đính kèm",
            unit="MB",
        ),
        SectionAmounts(
            "stale_after_days",
            "stale_after_days",
            "Số ngày tối đa giữa hai lần cập nhật chuyên mục",
        ),
        SectionAmounts(
            "review_after_months",
            "review_after_months",
            "Số tháng sau khi đăng hoặc rà soát thì bài đến hạn rà soát",
            unit="tháng",
            maximum=120,
        ),
        Amount(
            "dissemination_days",
            "dissemination_days",
            "Số ngày để cơ quan ban hành phổ biến văn bản mới",
        ),
        Link(
            "national_legal_database",
            "national_legal_database",
            "Địa chỉ Cơ sở dữ liệu quốc gia về pháp luật",
        ),
        Link(
            "policy_feedback_url",
            "policy_feedback_url",
            "Địa chỉ kênh phản ánh chính sách (Quyết định số 48/2025/QĐ-TTg)",
        ),
        ForgeSetting("editor", "editor", "Kho Git của trình biên tập trên trình duyệt"),
        Flag(
            "offline_reading",
            "offline_reading",
            "Cho phép lưu trang để đọc khi không có mạng (false: gỡ bản lưu khỏi máy người đọc)",
        ),
    )

    name: str
    short_name: str
    operator: str
    contacts: dict[str, str] = field(default_factory=dict)
    editorial_board: tuple[str, ...] = ()
    maintainers: tuple[str, ...] = ()
    # Agencies whose editors may approve their own ordinary items; the board approves the rest.
    delegated_review: tuple[str, ...] = ()
    # Feeds, the sitemap, open data and share tags need absolute addresses; links stay relative.
    base_url: str = "https://pbgdpl.gov.vn/"
    # A mirror built on the as-of date is out of date this many days later.
    mirror_expiry_days: int = 30
    # Per-file limits: an editor's Markdown file, and an attachment or picture.
    max_page_kb: int = 512
    max_attachment_mb: int = 20
    # Follow-up (letter 2610/BTP-PBGDPL): a section whose newest item is older is stale.
    stale_after_days: dict[str, int] = field(default_factory=dict)
    # Review (rà soát): an item is due this many months after its date or its last review.
    review_after_months: dict[str, int] = field(default_factory=dict)
    # Dissemination follow-up: the agency that posts a document publishes an explainer,
    # an answer or a material citing it within this many days of its date of effect.
    dissemination_days: int = 30
    # The national channels citizens are pointed to; None: the portal shows no link.
    national_legal_database: str | None = None
    policy_feedback_url: str | None = None
    # The web editor's forge (GitHub, Gitea/Forgejo, GitLab) and repository.
    editor: Forge = field(default_factory=Forge)
    # Readers' phones keep opened and saved pages; false is the kill switch that makes
    # every installed service worker clear its caches and unregister.
    offline_reading: bool = True
