"""Split a Markdown file into front matter and body, and read YAML keeping line numbers."""

from __future__ import annotations

import re
from collections import deque
from dataclasses import dataclass
from typing import Any

import yaml

from pbgdpl.safety.text import control_characters

# libyaml parses ~10× faster; the pure-Python loader is the fallback.
_BaseLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

MAX_FRONT_MATTER_BYTES = 64 * 1024
# Brackets nested deeper than this crash libyaml's composer (SIGSEGV at ~30,000) or take
# seconds to parse; front matter never needs more than two or three.
MAX_FLOW_DEPTH = 16
# Longer numbers are not counts or years; Python refuses to convert 4,300 digits or more.
MAX_NUMBER_CHARS = 18
# Tags the loader resolves by itself; an explicit `!!str` is harmless too. Any other tag
# (!!timestamp, !!binary, !!set, !!python/…) builds values the fields do not expect.
PLAIN_TAGS = frozenset(
    f"tag:yaml.org,2002:{name}" for name in ("str", "int", "float", "bool", "null", "seq", "map")
)
NUMBER_TAGS = frozenset({"tag:yaml.org,2002:int", "tag:yaml.org,2002:float"})
FLOW_TOKENS = re.compile(r"""[\[\]{}"'#\n]""")


class StrictLoader(_BaseLoader):  # type: ignore[misc, valid-type]
    """A safe loader that keeps dates as text and knows only true/false as booleans.

    YAML 1.1 turns `2024-02-30` into an exception, `no` into False and `12:30` into
    750; the schema checks and converts text itself, with the line of the key.
    """


StrictLoader.yaml_implicit_resolvers = {
    first: [
        (tag, regexp)
        for tag, regexp in resolvers
        if tag
        not in (
            "tag:yaml.org,2002:timestamp",
            "tag:yaml.org,2002:bool",
            "tag:yaml.org,2002:int",
            "tag:yaml.org,2002:float",
        )
    ]
    for first, resolvers in _BaseLoader.yaml_implicit_resolvers.items()
}
StrictLoader.add_implicit_resolver(
    "tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF")
)
StrictLoader.add_implicit_resolver(
    "tag:yaml.org,2002:int", re.compile(r"^[-+]?(?:0|[1-9][0-9]*)$"), list("-+0123456789")
)
StrictLoader.add_implicit_resolver(
    "tag:yaml.org,2002:float",
    re.compile(r"^[-+]?(?:0|[1-9][0-9]*)\.[0-9]+$"),
    list("-+0123456789"),
)


class FrontMatterError(Exception):
    """Front matter that cannot be read: a stable code, a line and a Vietnamese message."""

    def __init__(self, code: str, line: int, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.line = line
        self.message = message


@dataclass(frozen=True)
class Document:
    """A Markdown file split in two: its front matter and its body."""

    values: dict[str, Any]
    lines: dict[str, int]
    body: str
    body_line: int


def read_yaml_mapping(text: str, first_line: int = 1) -> tuple[dict[str, Any], dict[str, int]]:
    """Read a YAML mapping; return its values and the line of each top-level key.

    Raise FrontMatterError for a syntax error, a duplicate key, an anchor or alias
    (which can expand a few bytes into megabytes), a control character, brackets nested
    too deep, an explicit tag, a number too long, or anything but a mapping.
    """
    if len(text.encode("utf-8")) > MAX_FRONT_MATTER_BYTES:
        raise FrontMatterError(
            "front-matter-too-large",
            first_line,
            f"Phần thông tin đầu tệp dài hơn {MAX_FRONT_MATTER_BYTES // 1024} KB; "
            "hãy chuyển nội dung dài xuống phần thân bài.",
        )
    controls = control_characters(text.replace("\r", ""), first_line)
    if controls is not None:
        raise FrontMatterError("control-character", controls.lines[0], controls.describe())
    _check_flow_depth(text, first_line)
    loader = StrictLoader(text)
    try:
        node = loader.get_single_node()
        if node is None:
            return {}, {}
        _check_nodes(node, first_line)
        if not isinstance(node, yaml.MappingNode):
            raise FrontMatterError(
                "front-matter-not-mapping",
                first_line,
                'Phần thông tin đầu tệp phải gồm các dòng "khóa: giá trị", ví dụ "title: …".',
            )
        values = loader.construct_document(node)
    except yaml.MarkedYAMLError as error:
        # An unclosed quote or bracket is found only at the end of the text: point at
        # where it was opened instead.
        at_end = "end of stream" in (error.problem or "")
        mark = (error.context_mark if at_end else None) or error.problem_mark or error.context_mark
        # Never point past the last written line (the closing "---" is not the culprit).
        last = max((i for i, t in enumerate(text.split("\n")) if t.strip()), default=0)
        line = first_line + min(mark.line if mark else 0, last)
        raise FrontMatterError(
            "invalid-yaml",
            line,
            f"Lỗi cú pháp YAML: {error.problem or error.context}. Kiểm tra dấu hai chấm, "
            "thụt lề và dấu ngoặc kép ở dòng này (giá trị có dấu hai chấm cần đặt trong "
            "ngoặc kép).",
        ) from None
    except yaml.YAMLError as error:
        # The reader's errors (a character YAML refuses) carry a position, not a mark.
        position = getattr(error, "position", 0) or 0
        raise FrontMatterError(
            "invalid-yaml",
            first_line + text.count("\n", 0, position),
            f"Lỗi YAML: {error}. Kiểm tra lại dòng này.",
        ) from None
    finally:
        loader.dispose()
    lines = {key.value: first_line + key.start_mark.line for key, _ in node.value}
    return values, lines


def _check_flow_depth(text: str, first_line: int) -> None:
    """Refuse brackets nested deeper than MAX_FLOW_DEPTH, in one linear pass before parsing.

    Quoted text and comments are skipped as YAML reads them; a stray quote only makes the
    count stop early, and the parser then reports the quote.
    """
    depth = 0
    line = first_line
    position = 0
    while match := FLOW_TOKENS.search(text, position):
        char = match.group()
        position = match.end()
        if char == "\n":
            line += 1
        elif char in "[{":
            depth += 1
            if depth > MAX_FLOW_DEPTH:
                raise FrontMatterError(
                    "yaml-too-deep",
                    line,
                    f"Dấu ngoặc [ ] hoặc {{ }} lồng nhau quá {MAX_FLOW_DEPTH} cấp; thông tin "
                    "đầu tệp chỉ cần danh sách đơn giản, ví dụ tags: [đất đai, nhà ở].",
                )
        elif char in "]}":
            depth = max(depth - 1, 0)
        elif char == "#":
            end = text.find("\n", position)
            position = len(text) if end < 0 else end
        elif position == 1 or text[position - 2] in " \t\n[{,:":
            # A quote opens a quoted scalar only where a value starts.
            end = _closing_quote(text, position, char)
            if end < 0:
                return
            line += text.count("\n", position, end)
            position = end + 1


def _closing_quote(text: str, start: int, quote: str) -> int:
    """Return where the scalar quoted by `quote` from `start` closes, or -1."""
    position = start
    while True:
        end = text.find(quote, position)
        if end < 0:
            return -1
        if quote == "'" and text.startswith("''", end):
            position = end + 2
        elif quote == '"' and _escaped(text, end):
            position = end + 1
        else:
            return end


def _escaped(text: str, index: int) -> bool:
    backslashes = 0
    while index - backslashes - 1 >= 0 and text[index - backslashes - 1] == "\\":
        backslashes += 1
    return backslashes % 2 == 1


def _tag_refused(tag: str, line: int) -> FrontMatterError:
    return FrontMatterError(
        "yaml-tag",
        line,
        f'Không dùng thẻ kiểu YAML "{tag.removeprefix("tag:yaml.org,2002:")}" (!!…) trong '
        "tệp nội dung; viết giá trị thường, ví dụ ngày dạng 2025-07-01.",
    )


def _check_scalar(node: yaml.ScalarNode, line: int) -> None:
    """Refuse an explicit tag other than !!str, and a number too long to be a count."""
    # Any tag but !!str must be the one the plain value resolves to without it (libyaml
    # writes a plain scalar's style as "", PyYAML as None).
    implicit = StrictLoader.resolve(StrictLoader, yaml.ScalarNode, node.value, (True, False))
    if node.tag not in PLAIN_TAGS or (
        node.tag != "tag:yaml.org,2002:str" and (node.style or node.tag != implicit)
    ):
        raise _tag_refused(node.tag, line)
    if node.tag in NUMBER_TAGS and len(node.value) > MAX_NUMBER_CHARS:
        raise FrontMatterError(
            "number-too-large",
            line,
            f"Số dài {len(node.value)} chữ số, quá lớn cho một giá trị của cổng; kiểm tra "
            "lại số liệu (nếu là văn bản, đặt trong dấu ngoặc kép).",
        )


def _check_nodes(root: yaml.Node, first_line: int) -> None:
    seen: set[int] = set()
    # Each node with the line to report: a mapping value's is its key's line, where an
    # alias is written (the node itself points back at its anchor).
    queue = deque([(root, first_line + root.start_mark.line)])
    while queue:
        node, line = queue.popleft()
        if id(node) in seen:
            raise FrontMatterError(
                "yaml-alias",
                line,
                "Không dùng neo và bí danh YAML (&, *) trong tệp nội dung; "
                "hãy viết giá trị đầy đủ.",
            )
        seen.add(id(node))
        if isinstance(node, yaml.ScalarNode):
            _check_scalar(node, first_line + node.start_mark.line)
        elif node.tag not in PLAIN_TAGS:
            raise _tag_refused(node.tag, line)
        if isinstance(node, yaml.MappingNode):
            keys: dict[str, int] = {}
            for key, value in node.value:
                if not isinstance(key, yaml.ScalarNode):
                    raise FrontMatterError(
                        "invalid-yaml", line, "Khóa YAML phải là một từ, ví dụ title."
                    )
                if key.value in keys:
                    raise FrontMatterError(
                        "duplicate-key",
                        first_line + key.start_mark.line,
                        f'Khóa "{key.value}" xuất hiện hai lần (lần đầu ở dòng '
                        f"{keys[key.value]}); hãy xóa một dòng.",
                    )
                keys[key.value] = first_line + key.start_mark.line
                queue.append((value, keys[key.value]))
        elif isinstance(node, yaml.SequenceNode):
            queue.extend((child, first_line + child.start_mark.line) for child in node.value)


def split_front_matter(text: str) -> Document:
    """Split `text` into front matter (between two `---` lines) and the Markdown body."""
    if not text.startswith("---\n"):
        raise FrontMatterError(
            "missing-front-matter",
            1,
            'Tệp phải bắt đầu bằng dòng "---", tiếp theo là thông tin bài viết '
            '(title, date …) và một dòng "---" nữa.',
        )
    end = re.search(r"^(?:---|\.\.\.)[ \t]*$", text[4:], flags=re.MULTILINE)
    if end is None:
        raise FrontMatterError(
            "unclosed-front-matter",
            1,
            'Phần thông tin đầu tệp chưa được đóng: thêm một dòng "---" sau dòng thông tin cuối.',
        )
    yaml_text = text[4 : 4 + end.start()]
    values, lines = read_yaml_mapping(yaml_text, first_line=2)
    rest = text[4 + end.end() :]
    body_line = 2 + yaml_text.count("\n") + 1
    rest = rest.removeprefix("\n")
    return Document(values, lines, rest, body_line)
