"""Read one of the national index's documents as Pagefind 1.5.2 does: its words, with
their positions and weights, its filters and its fragment.

An edit changes a few of the national index's ten thousand documents; running Pagefind
over all of them again took ~9 s at 10,000 items. `national_patch.py` reads instead the
changed documents, before and after, with this module, and changes only the index files
their words and filters are in. The rules are Pagefind's, read from its source at tag
v1.5.2 (`fossick/parser.rs`, `fossick/splitting.rs`, `fossick/mod.rs`) and checked
against the binary: an index patched equals, byte for byte, the index Pagefind builds
from the same documents (`tests/test_national_patch.py`).

Only HTML shaped like our documents (`documents.index_document`) is read. A document
using anything else raises `UnsupportedDocument`, and the index is built by Pagefind:

- attributes double-quoted or bare names; no `<script>`, `<style>`, `<textarea>`, CDATA
  or malformed tag; every element closed in order;
- no `id` attribute (Pagefind's anchors), no `<img>`, no `data-pagefind-sort`,
  `data-pagefind-index-attrs` nor `data-pagefind-meta` (meta words are indexed apart);
- no emoji or other symbol (category So) in indexed words: Pagefind indexes emoji with a
  table (the `emojis` crate) not reproduced here.

Known approximations, irrelevant to our documents: `html.unescape` stands for the
`html_escape` crate (entities without a semicolon may differ); Python's Unicode tables
stand for Rust's; graphemes, used to split camelCase parts, are taken as one character
with its combining marks.
"""

from __future__ import annotations

import html
import json
import os
import re
import string
import struct
import unicodedata
from dataclasses import dataclass, field
from enum import Enum
from functools import lru_cache
from pathlib import Path

# Pagefind's default `include_characters` (`utils.rs` WORD_SYMBOLS).
INCLUDE_CHARACTERS = "_‿⁀⁔︳︴﹍﹎﹏＿"
# Weights are u8 with 1.0 = 24 (`fossick/mod.rs::parse_digest`).
WEIGHT_MULTIPLIER = 24.0
WEIGHT_MAX = 10.0
# Rust's `char::is_whitespace` (the White_Space property), not Python's `str.isspace`.
WHITE_SPACE = (
    "\t\n\x0b\x0c\r \x85\xa0\u1680"
    + "".join(map(chr, range(0x2000, 0x200B)))
    + "\u2028\u2029\u202f\u205f\u3000"
)
_WS = re.escape(WHITE_SPACE)
_WORDS = re.compile(f"[^{_WS}]+")
_TRIM = re.compile(f"^[{_WS}]+|[{_WS}]+$")
_NEWLINES = re.compile(r"(\n|\r\n)+")
_SPACES = re.compile(f"[{_WS}]{{2,}}")
_PRIVATE = re.compile(f"___PAGEFIND_[^{_WS}]+[{_WS}]?")
_ATTRIBUTE_MATCH = re.compile(f"^[{_WS}]*(?P<name>[^:\\[\\]]+)\\[(?P<attribute>.+)\\][{_WS}]*$")
_RUST_FLOAT = re.compile(
    r"[+-]?(?:inf|infinity|nan|(?:[0-9]+\.?[0-9]*|\.[0-9]+)(?:[eE][+-]?[0-9]+)?)", re.I
)

# `parser.rs`: the elements whose text is dropped, those that end a sentence, `<br>`.
REMOVED = frozenset(
    [
        "head",
        "style",
        "script",
        "noscript",
        "label",
        "form",
        "svg",
        "footer",
        "nav",
        "iframe",
        "template",
    ]
)
SENTENCES = frozenset(
    ["h1", "h2", "h3", "h4", "h5", "h6", "p", "td", "div", "ul", "li", "article", "section"]
)
SPACES = frozenset({"br"})
AUTO_WEIGHTS = {"h1": "7", "h2": "6", "h3": "5", "h4": "4", "h5": "3", "h6": "2"}
VOID = frozenset(
    [
        "area",
        "base",
        "br",
        "col",
        "embed",
        "hr",
        "img",
        "input",
        "link",
        "meta",
        "param",
        "source",
        "track",
        "wbr",
    ]
)
UNSUPPORTED_TAGS = frozenset({"script", "style", "textarea", "img"})
UNSUPPORTED_ATTRIBUTES = frozenset({"id", "data-pagefind-sort", "data-pagefind-index-attrs"})

_TOKEN = re.compile(
    r"<!--.*?-->"
    r"|<![^>]*>"
    r"|<(?P<end>/?)(?P<tag>[A-Za-z][A-Za-z0-9-]*)(?P<attrs>(?:\s+[^\s=/>\"']+(?:=\"[^\"]*\")?)*)\s*/?>"
    r"|(?P<text>[^<]+)",
    re.S,
)
_ATTRIBUTE = re.compile(r"([^\s=/>\"']+)(?:=\"([^\"]*)\")?")
# What Rust's regex `\w` matches (Alphabetic, Nd, marks, Pc, joiners), which Python's `\w`
# is not: "½" (No) ends no sentence for Pagefind.
_WORD_CATEGORIES = frozenset({"Lu", "Ll", "Lt", "Lm", "Lo", "Nl", "Nd", "Mn", "Mc", "Me", "Pc"})


def _ends_sentence(c: str) -> bool:
    """Whether Pagefind puts a full stop after a block of text ending with `c`."""
    return unicodedata.category(c) in _WORD_CATEGORIES or c in "'\")$*\u200c\u200d"


class UnsupportedDocument(ValueError):
    """A document uses HTML this writer does not read the way Pagefind does."""


# --- Text normalization (`fossick/mod.rs::normalize_content`) -------------------------


def normalize_content(text: str) -> str:
    """Decode entities, trim, make newlines spaces and runs of white space one space."""
    text = _TRIM.sub("", html.unescape(text))
    return _SPACES.sub(" ", _NEWLINES.sub(" ", text))


def split_whitespace(text: str) -> list[str]:
    """Split `text` on Rust's white space."""
    return _WORDS.findall(text)


# --- HTML to digest, filters and meta (`fossick/parser.rs`) ---------------------------


class Status(Enum):
    """What becomes of an element's text (`NodeStatus`)."""

    INDEXING = 1
    IGNORED = 2
    EXCLUDED = 3
    BODY = 4
    PARENT_OF_BODY = 5


@dataclass
class _Node:
    tag: str
    status: Status
    attributes: dict[str, str] = field(default_factory=dict)
    text: str = ""
    parent: _Node | None = None


@dataclass
class ParsedDocument:
    """What Pagefind's parser keeps of one document."""

    digest: str
    filters: dict[str, list[str]]
    meta: dict[str, str]
    has_custom_body: bool


def _attr_specs(value: str, attributes: dict[str, str]) -> list[str]:
    """`parse_attr_string`: "k[attr]" → "k:<attr's value>", "k:v" kept, comma lists split."""
    if ":" in value:
        names, literal = value.split(":", 1)
        specs = _attr_specs(names, attributes)
        if specs:
            specs[-1] += f":{literal}"
        return specs
    specs = []
    for chunk in value.split(","):
        chunk = chunk.strip(WHITE_SPACE)
        found = _ATTRIBUTE_MATCH.match(chunk)
        if found:
            specs.append(f"{found['name']}:{attributes.get(found['attribute'], '')}")
        else:
            specs.append(chunk)
    return specs


def _attribute_pair(spec: str, node: _Node) -> tuple[str, str] | None:
    """`get_attribute_pair`: the name and value a spec gives on `node`."""
    if ":" in spec:
        name, value = spec.split(":", 1)
        return name, normalize_content(value)
    if not node.text:
        return None
    return spec, normalize_content(node.text)


@dataclass
class _Parser:
    root: _Node = field(default_factory=lambda: _Node("", Status.INDEXING))
    filters: dict[str, list[str]] = field(default_factory=dict)
    meta: dict[str, str] = field(default_factory=dict)
    default_meta: dict[str, str] = field(default_factory=dict)
    inside_html: int = 0

    def __post_init__(self) -> None:
        self.current = self.root

    def start(self, tag: str, attributes: dict[str, str]) -> None:
        """Open an element (`element!(root, …)` then the exclusions' handler)."""
        if tag in UNSUPPORTED_TAGS or UNSUPPORTED_ATTRIBUTES & attributes.keys():
            raise UnsupportedDocument(f"<{tag}> or its attributes")
        if tag == "html":
            self.inside_html += 1
        elif not self.inside_html:
            raise UnsupportedDocument(f"<{tag}> outside <html>")
        node = _Node(tag, self._status(attributes), attributes, parent=self.current)
        if node.status is not Status.EXCLUDED and tag in SPACES:
            self.current.text += " "
        if self.current.status is Status.EXCLUDED:
            node.status = Status.EXCLUDED
        if tag in REMOVED and self.inside_html and tag != "html":
            node.status = Status.IGNORED
        self.current = node
        if tag in VOID:
            self.current = self.root if node.parent is None else node.parent
            if node.status is not Status.EXCLUDED:
                self._keep_attributes(node)

    @staticmethod
    def _status(attributes: dict[str, str]) -> Status:
        if "data-pagefind-body" in attributes:
            return Status.BODY
        ignore = attributes.get("data-pagefind-ignore")
        if ignore is None:
            return Status.INDEXING
        return Status.IGNORED if ignore.lower() in ("", "index", "true") else Status.EXCLUDED

    def _keep_attributes(self, node: _Node) -> None:
        """Keep the filters and meta an element gives, ignored or not."""
        found = node.attributes
        if "data-pagefind-filter" in found:
            for spec in _attr_specs(found["data-pagefind-filter"], found):
                if pair := _attribute_pair(spec, node):
                    self.filters.setdefault(pair[0], []).append(normalize_content(pair[1]))
        metas = (
            ("data-pagefind-meta", self.meta),
            ("data-pagefind-default-meta", self.default_meta),
        )
        for name, target in metas:
            if name in found:
                for spec in _attr_specs(found[name], found):
                    if pair := _attribute_pair(spec, node):
                        target[pair[0]] = pair[1]

    def text(self, raw: str) -> None:
        """Add text to the deepest open element (`text!`)."""
        if self.inside_html:
            self.current.text += raw

    def end(self, tag: str) -> None:
        """Close an element: its text goes, punctuated and weighted, to its parent."""
        node = self.current
        if node.tag != tag or node.parent is None:
            raise UnsupportedDocument(f"</{tag}> does not close <{node.tag}>")
        self.current = node.parent
        if tag == "html":
            self.inside_html -= 1
        if node.status is Status.EXCLUDED:
            return
        self._keep_attributes(node)
        if tag == "h1" and "auto_title" not in self.meta and node.text.strip():
            self.meta["auto_title"] = normalize_content(node.text)
        if tag == "title" and "auto_page_title" not in self.meta:
            self.meta["auto_page_title"] = normalize_content(node.text)
        if node.status is Status.IGNORED:
            return
        _punctuate_and_weigh(node)
        _give_to_parent(node, self.current)

    def result(self) -> ParsedDocument:
        """Collapse what is still open into the root (`wrap`) and return the document."""
        node = self.current
        while node.parent is not None:
            if node.parent.status is not Status.PARENT_OF_BODY:
                _give_to_parent(node, node.parent, collapse=True)
            node = node.parent
        meta = dict(self.meta)
        for auto in ("auto_title", "auto_page_title"):
            title = meta.pop(auto, None)
            if title is not None and "title" not in meta:
                meta["title"] = title
        meta = {**self.default_meta, **meta}
        return ParsedDocument(
            normalize_content(self.root.text),
            {k: [_PRIVATE.sub("", v) for v in vs] for k, vs in sorted(self.filters.items())},
            {k: _PRIVATE.sub("", v) for k, v in sorted(meta.items())},
            self.root.status is Status.PARENT_OF_BODY,
        )


def _punctuate_and_weigh(node: _Node) -> None:
    if node.tag in SENTENCES:
        node.text = " " + node.text
        if node.text and _ends_sentence(node.text[-1]):
            node.text += "."
        node.text += " "
    weight = node.attributes.get("data-pagefind-weight")
    if weight is not None:
        node.text = f" ___PAGEFIND_WEIGHT___{weight} {node.text} ___END_PAGEFIND_WEIGHT___ "
    elif node.tag in AUTO_WEIGHTS:
        auto = AUTO_WEIGHTS[node.tag]
        node.text = f" ___PAGEFIND_AUTO_WEIGHT___{auto} {node.text} ___END_PAGEFIND_WEIGHT___ "


def _give_to_parent(node: _Node, parent: _Node, collapse: bool = False) -> None:
    body = (Status.BODY, Status.PARENT_OF_BODY)
    if not collapse and parent.status is Status.PARENT_OF_BODY and node.status not in body:
        return
    if node.status is Status.INDEXING:
        parent.text += node.text
    elif node.status in body:
        if collapse or parent.status is not Status.PARENT_OF_BODY:
            parent.text = ""
        parent.text += node.text
        parent.status = Status.PARENT_OF_BODY


def parse_document(source: str) -> ParsedDocument:
    """Read one document as Pagefind's parser does (for the HTML this module supports)."""
    parser = _Parser()
    at = 0
    for found in _TOKEN.finditer(source):
        if found.start() != at:
            raise UnsupportedDocument(f"unreadable HTML at {at}")
        at = found.end()
        if found["text"] is not None:
            parser.text(found["text"])
        elif found["tag"] is not None:
            tag = found["tag"].lower()
            if found["end"]:
                parser.end(tag)
            else:
                attributes = {
                    name.lower(): value or "" for name, value in _ATTRIBUTE.findall(found["attrs"])
                }
                parser.start(tag, attributes)
    if at != len(source):
        raise UnsupportedDocument(f"unreadable HTML at {at}")
    return parser.result()


# --- Words (`fossick/splitting.rs::get_indexable_words`) ------------------------------


def _is_alphanumeric(c: str) -> bool:
    return unicodedata.category(c) in ("Lu", "Ll", "Lt", "Lm", "Lo", "Nl", "Nd", "No")


def strip_diacritics(word: str) -> str | None:
    """The word without its combining marks, or None if it has none (`normalize_diacritics`)."""
    if word.isascii():
        return None
    nfd = unicodedata.normalize("NFD", word)
    stripped = "".join(c for c in nfd if not unicodedata.category(c).startswith("M"))
    return stripped if stripped != word else None


def _graphemes(text: str) -> list[str]:
    found: list[str] = []
    for c in text:
        if found and (unicodedata.category(c).startswith("M") or c in "\u200d\ufe0f"):
            found[-1] += c
        else:
            found.append(c)
    return found


def _digit(g: str) -> bool:
    return all("0" <= c <= "9" for c in g)


def _upper(g: str) -> bool:
    return g.upper() != g.lower() and g == g.upper()


def _lower(g: str) -> bool:
    return g.upper() != g.lower() and g == g.lower()


def _boundary(a: str, b: str | None, c: str | None) -> bool:
    """convert_case 0.11's default boundaries between graphemes `a` and `b`."""
    if b is None:
        return False
    return (
        (_lower(a) and _upper(b))
        or (_lower(a) and _digit(b))
        or (_upper(a) and _digit(b))
        or (_digit(a) and _lower(b))
        or (_digit(a) and _upper(b))
        or (c is not None and _upper(a) and _upper(b) and _lower(c))
    )


def convert_case_lower(text: str) -> str:
    """convert_case 0.11's `to_case(Case::Lower)`."""
    if not text:
        return ""
    graphemes = _graphemes(text)
    starts = [0]
    for g in graphemes:
        starts.append(starts[-1] + len(g))
    words, last = [], 0
    for i, a in enumerate(graphemes):
        b = graphemes[i + 1] if i + 1 < len(graphemes) else None
        c = graphemes[i + 2] if i + 2 < len(graphemes) else None
        if a in ("_", "-", " "):
            words.append(text[last : starts[i]])
            last = starts[i + 1]
        elif _boundary(a, b, c):
            words.append(text[last : starts[i + 1]])
            last = starts[i + 1]
    words.append(text[last:])
    return " ".join(w.lower() for w in words)


@dataclass(frozen=True)
class IndexableWord:
    """One index key a token gives: the key, its accented form if different, whether a part."""

    key: str
    original: str | None
    is_compound_part: bool


def _keyed(word: str, part: bool) -> IndexableWord:
    stripped = strip_diacritics(word)
    return IndexableWord(stripped or word, word if stripped else None, part)


def _normalized_word(raw: str) -> str:
    out = []
    for c in raw:
        if _is_alphanumeric(c) or c in INCLUDE_CHARACTERS:
            if c.isascii():
                c = c.lower()
            out.append(c.lower() if c.isupper() else c)
    return "".join(out)


@lru_cache(maxsize=1 << 18)
def indexable_words(raw: str) -> tuple[IndexableWord, ...]:
    """The keys Pagefind indexes for one token (no stemming: there is none for vi);
    remembered, as pages share most of their tokens."""
    if any(unicodedata.category(c) == "So" for c in raw):
        raise UnsupportedDocument(f"symbol or emoji in {raw!r}")
    found = []
    normalized = _normalized_word(raw)
    if normalized:
        found.append(_keyed(normalized, False))
    possibly_compound = any(not _is_alphanumeric(c) for c in raw) or any(
        c.isupper() for c in raw[1:]
    )
    if not possibly_compound:
        return tuple(found)
    spaced = "".join(" " if c in string.punctuation else c for c in raw)
    parts = " ".join(split_whitespace(convert_case_lower(spaced)))
    if normalized and (any(c in WHITE_SPACE for c in parts) or not normalized.startswith(parts)):
        found += [_keyed(p, True) for p in split_whitespace(parts) if len(p.encode()) > 1]
    return tuple(found)


# --- Digest to words (`fossick/mod.rs::parse_digest`) ---------------------------------


def _f32(value: float) -> float:
    return float(struct.unpack("f", struct.pack("f", value))[0])


def _weight(text: str, explicit: bool) -> int:
    """The u8 weight of a weight marker's value."""
    value = _f32(float(text)) if _RUST_FLOAT.fullmatch(text) else 1.0
    if explicit and value <= 0:
        return 0
    if value != value:  # NaN: `as u8` gives 0
        return 1 if explicit else 0
    scaled = int(_f32(min(max(value, 0.0), WEIGHT_MAX) * WEIGHT_MULTIPLIER))
    return max(scaled, 1) if explicit else scaled


@dataclass(frozen=True)
class Occurrence:
    """A key at a word position with a weight, and the accented form it was written in."""

    position: int
    weight: int
    original: str | None


@dataclass
class Digest:
    """What `parse_digest` gives: the fragment's text, the words, the word count."""

    content: str
    words: dict[str, list[Occurrence]]
    word_count: int


def _marker(token: str, stack: list[int]) -> bool:
    """Apply a weight marker to `stack`; tell whether `token` is a marker."""
    if not token.startswith("_"):
        return False
    if token.startswith("___PAGEFIND_ANCHOR___"):
        raise UnsupportedDocument("anchors")
    if token.startswith("___PAGEFIND_WEIGHT___"):
        stack.append(_weight(token.replace("___PAGEFIND_WEIGHT___", ""), True))
    elif token.startswith("___PAGEFIND_AUTO_WEIGHT___"):
        value = token.replace("___PAGEFIND_AUTO_WEIGHT___", "")
        stack.append(_weight(value, False) if len(stack) == 1 else stack[-1])
    elif token.startswith("___END_PAGEFIND_WEIGHT___"):
        stack.pop()
    else:
        return False
    return True


def parse_digest(digest: str) -> Digest:
    """Give each token a position and index its keys with the current weight."""
    words: dict[str, list[Occurrence]] = {}
    kept: list[str] = []
    stack = [int(WEIGHT_MULTIPLIER)]
    position = last = 0
    for token in split_whitespace(digest):
        if _marker(token, stack):
            continue
        token = token.replace("\u200b", "")
        if not token:
            continue
        kept.append(token)
        weight = stack[-1] if stack else 1
        found = indexable_words(token)
        parts = sum(1 for w in found if w.is_compound_part)
        partial = max(weight // parts, 1) if parts and weight > 0 else 0
        for word in found:
            at = Occurrence(position, partial if word.is_compound_part else weight, word.original)
            words.setdefault(word.key, []).append(at)
        last = position
        position += 1
    return Digest(" ".join(kept), words, last + 1)


# --- Pages ----------------------------------------------------------------------------


@dataclass
class Page:
    """One indexed page: its fragment's data and its words."""

    url: str
    digest: Digest
    filters: dict[str, list[str]]

    def fragment(self) -> str:
        """The fragment's JSON, as serde_json writes `PageFragmentData`."""
        data = {
            "url": self.url,
            "content": self.digest.content,
            "word_count": self.digest.word_count,
            "filters": self.filters,
            "meta": {},
            "anchors": [],
        }
        return json.dumps(data, ensure_ascii=False, separators=(",", ":"))


# The characters whose handling here was checked against Pagefind: ASCII, Latin letters
# with Vietnamese's and their combining accents, the dashes, quotes and ellipsis of
# General Punctuation. Python's Unicode tables are not Rust's: a document with any other
# character ("½", "m²", "°C", an emoji) is left to Pagefind.
_CHECKED = re.compile(r"[^\x00-\x7f\u00c0-\u024f\u0300-\u036f\u1e00-\u1eff\u2010-\u2027]")


def read_document(source: str, url: str) -> Page:
    """Read the document `source`, at `url`, as Pagefind indexes it."""
    if found := _CHECKED.search(source):
        raise UnsupportedDocument(f"character {found[0]!r} (U+{ord(found[0]):04X})")
    parsed = parse_document(source)
    if parsed.meta or not parsed.has_custom_body:
        raise UnsupportedDocument("meta, or no data-pagefind-body")
    return Page(url, parse_digest(parsed.digest), parsed.filters)


def page_order(documents: Path) -> list[str]:
    """Return the URLs of the documents below `documents` in the order Pagefind numbers
    them: walkdir's, unsorted, depth first (each folder's own order of its entries)."""
    found: list[str] = []

    def walk(folder: str, url: str) -> None:
        with os.scandir(folder) as entries:
            for entry in entries:
                if entry.is_dir(follow_symlinks=False):
                    walk(entry.path, f"{url}{entry.name}/")
                elif entry.name == "index.html":
                    found.append(url)

    walk(str(documents), "/")
    return found
