"""Explain to an editor what the sanitizer removes from a page, before it is published."""

from __future__ import annotations

from dataclasses import dataclass
from html.parser import HTMLParser

from pbgdpl.model.urls import is_remote, plain_url
from pbgdpl.safety.html_policy import (
    ATTRIBUTES,
    CLASSES,
    TAGS,
    URL_ATTRIBUTES,
    allowed_value,
)

# Tags that run code, embed other documents or collect input: an editor never needs them.
DANGEROUS_TAGS = frozenset(
    {
        "script",
        "iframe",
        "frame",
        "frameset",
        "object",
        "embed",
        "applet",
        "form",
        "input",
        "button",
        "textarea",
        "select",
        "style",
        "link",
        "meta",
        "base",
        "svg",
        "math",
        "template",
        "noscript",
        "portal",
    }
)
SCRIPT_SCHEMES = ("javascript:", "vbscript:", "data:")
# Removed with everything inside them: what they contain is not reported again.
OPAQUE_TAGS = frozenset(
    {"svg", "math", "object", "template", "noscript", "iframe", "script", "style", "frameset"}
)


@dataclass(frozen=True)
class Removal:
    """One thing the sanitizer takes out: how serious, what, and the text to find it by."""

    dangerous: bool
    code: str
    needle: str
    message: str


def _tag_removal(tag: str) -> Removal:
    if tag == "iframe":
        message = (
            "Khung nhúng <iframe> không được phép và đã bị bỏ. Để đăng video, tạo bài trong "
            'chuyên mục "video" với trường url là địa chỉ trang xem video.'
        )
    elif tag in DANGEROUS_TAGS:
        message = (
            f"Thẻ <{tag}> (mã lệnh, nội dung nhúng hoặc biểu mẫu) không được phép trong bài "
            "viết và đã bị bỏ; xóa thẻ này."
        )
    else:
        message = (
            f"Thẻ HTML <{tag}> không được hỗ trợ nên đã bị bỏ (giữ lại chữ bên trong); "
            "dùng cú pháp Markdown thay thế."
        )
    code = "unsafe-html" if tag in DANGEROUS_TAGS else "html-removed"
    return Removal(tag in DANGEROUS_TAGS, code, f"<{tag}", message)


def _attribute_removal(tag: str, name: str, value: str) -> Removal | None:
    if name.startswith("on"):
        return Removal(
            True,
            "unsafe-html",
            name,
            f'Thuộc tính "{name}" (mã lệnh chạy khi có sự kiện) không được phép và đã bị bỏ; '
            "xóa thuộc tính này.",
        )
    if name in URL_ATTRIBUTES and name in ATTRIBUTES.get(tag, ()):
        if allowed_value(tag, name, value):
            return None
        plain = plain_url(value)
        scheme = plain.split(":", 1)[0] if ":" in plain else ""
        if plain.startswith(SCRIPT_SCHEMES):
            return Removal(
                True,
                "unsafe-html",
                f"{scheme}:",
                f'Địa chỉ "{scheme}:…" trong thẻ <{tag}> không được phép và đã bị bỏ; chỉ dùng '
                "địa chỉ https://, mailto:, tel: hoặc đường dẫn tới trang, tệp trong cổng.",
            )
        if tag == "img" and is_remote(value):
            return Removal(
                False,
                "remote-image",
                value,
                f'Ảnh "{value}" lấy từ trang khác nên không được hiển thị (cổng chỉ hiện ảnh '
                "của chính mình, để trang nhanh và dùng được khi không có mạng); tải ảnh về, "
                "lưu cạnh bài viết và dẫn bằng tên tệp.",
            )
        return Removal(
            False,
            "html-removed",
            value,
            f'Địa chỉ "{value}" trong thẻ <{tag}> không được hỗ trợ nên đã bị bỏ; dùng '
            "https://, mailto:, tel: hoặc đường dẫn trong cổng.",
        )
    if name == "class":
        foreign = sorted(set(value.split()) - CLASSES.get(tag, set()))
        if foreign:
            return Removal(
                False,
                "html-removed",
                "class",
                f'Lớp (class) "{" ".join(foreign)}" của thẻ <{tag}> không được dùng trong bài '
                "viết nên đã bị bỏ.",
            )
        return None
    if name == "id" and name in ATTRIBUTES.get(tag, ()) and not allowed_value(tag, name, value):
        return Removal(
            False,
            "html-removed",
            value,
            f'Mã định danh id="{value}" có thể trùng với tên dành riêng của giao diện nên '
            "đã bị bỏ; tiêu đề Markdown (## …) tự có id riêng, hãy dẫn tới id đó.",
        )
    if name == "style" and tag in ("td", "th"):
        return None
    if name not in ATTRIBUTES.get(tag, ()) and name not in ATTRIBUTES["*"]:
        dangerous = name in ("srcdoc", "formaction", "xlink:href", "action")
        return Removal(
            dangerous,
            "unsafe-html" if dangerous else "html-removed",
            name,
            f'Thuộc tính "{name}" của thẻ <{tag}> không được phép nên đã bị bỏ.',
        )
    return None


class _Inspector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.removals: dict[tuple[str, str], Removal] = {}
        self.opaque_depth = 0

    def _add(self, removal: Removal | None) -> None:
        if removal is not None:
            self.removals.setdefault((removal.code, removal.message), removal)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if self.opaque_depth:
            self.opaque_depth += tag in OPAQUE_TAGS
            return
        self.opaque_depth += tag in OPAQUE_TAGS
        if tag not in TAGS:
            self._add(_tag_removal(tag))
            # Attributes of a removed tag go with it; report code in them all the same.
            self._add(
                next(
                    (_attribute_removal(tag, n, v or "") for n, v in attrs if n.startswith("on")),
                    None,
                )
            )
            return
        for name, value in attrs:
            self._add(_attribute_removal(tag, name, value or ""))

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        depth = self.opaque_depth
        self.handle_starttag(tag, attrs)
        self.opaque_depth = depth

    def handle_endtag(self, tag: str) -> None:
        if tag in OPAQUE_TAGS and self.opaque_depth:
            self.opaque_depth -= 1


def find_removals(html: str) -> list[Removal]:
    """Return what sanitizing `html` removes, dangerous things first, each once."""
    inspector = _Inspector()
    inspector.feed(html)
    inspector.close()
    return sorted(inspector.removals.values(), key=lambda r: not r.dangerous)
