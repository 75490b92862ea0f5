"""Checks that need the whole portal: document numbers, duplicates, attachments, citations.

`check_legal_content(portal)` runs at the end of loading, so `build.py validate` and
`build.py build` report the same problems; citation problems are warnings, which
`--strict` turns into failures.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from pbgdpl.diagnostics import Diagnostic, Severity
from pbgdpl.legal.citations import check_number, check_text
from pbgdpl.legal.registry import RELATIONS, LegalDocument, Registry
from pbgdpl.legal.sources import SourceLines
from pbgdpl.model.fields import DocumentNumber, DocumentNumbers, Text
from pbgdpl.model.items import Item, Page

if TYPE_CHECKING:
    from pbgdpl.loading.portal import Portal

# A document's attachments are its full text; their size and content are checked with
# every published file (pbgdpl.loading.assets).
ATTACHMENT_TYPES = {".pdf": "PDF", ".docx": "DOCX", ".odt": "ODT"}
# Number problems an editor may publish with (a spelling), and those that block publishing.
WARNING_CODES = frozenset({"document-number-spelling"})


def check_legal_content(portal: Portal) -> list[Diagnostic]:
    """Check every registered document and every mention of a document in the portal."""
    registry = Registry(portal.items)
    sources = SourceLines(portal.root)
    return [
        *check_documents(registry, sources),
        *check_citations(portal.items, portal.pages, registry, sources),
    ]


def check_documents(registry: Registry, sources: SourceLines) -> Iterator[Diagnostic]:
    """Check each document's number against its kind, issuer and date, and its files."""
    for document, first in registry.duplicates:
        yield Diagnostic(
            document.item.path,
            sources.key_line(document.item.path, "so_ky_hieu"),
            "duplicate-document-number",
            Severity.ERROR,
            f'Văn bản số "{document.number}" đã được đăng ở {first.item.path}; mỗi văn bản '
            "chỉ đăng một lần. Xóa tệp trùng hoặc sửa số ký hiệu.",
        )
    for document in registry.documents:
        path = document.item.path
        for problem in registry.rules.check(
            document.parts, document.kind, document.issuer, document.issued
        ):
            severity = Severity.WARNING if problem.code in WARNING_CODES else Severity.ERROR
            yield Diagnostic(
                path, sources.key_line(path, "so_ky_hieu"), problem.code, severity, problem.message
            )
        yield from _check_relations(document, registry, sources)
        yield from _check_attachments(document, sources)


def _check_relations(
    document: LegalDocument, registry: Registry, sources: SourceLines
) -> Iterator[Diagnostic]:
    path = document.item.path
    for relation in RELATIONS:
        key = _key_of(document.item, relation.attr)
        for number in document.targets(relation):
            if registry.lookup(number, document.item.agency) is document:
                yield Diagnostic(
                    path,
                    sources.key_line(path, key),
                    "self-relation",
                    Severity.ERROR,
                    f'Văn bản "{document.number}" không thể tự {relation.label.lower()} '
                    f'chính nó; xóa số này khỏi "{key}".',
                )


def _check_attachments(document: LegalDocument, sources: SourceLines) -> Iterator[Diagnostic]:
    item = document.item
    folder = (sources.root / item.path).parent
    for name in item.data.get("attachments", ()):
        suffix = name[name.rfind(".") :].lower() if "." in name else ""
        file = folder / name
        if "/" in name or "\\" in name or name.startswith("."):
            message = (
                f'Tệp đính kèm "{name}" phải là tên một tệp đặt cùng thư mục với bài '
                f"({folder.relative_to(sources.root).as_posix()}/), không kèm đường dẫn."
            )
            code = "attachment-path"
        elif suffix not in ATTACHMENT_TYPES:
            message = (
                f'Tệp đính kèm "{name}" phải là tệp PDF, DOCX hoặc ODT; hãy lưu văn '
                "bản sang một trong các định dạng này."
            )
            code = "attachment-type"
        elif not file.is_file() or file.is_symlink():
            message = (
                f'Không tìm thấy tệp đính kèm "{name}" trong thư mục '
                f"{folder.relative_to(sources.root).as_posix()}/; thêm tệp hoặc sửa tên "
                'trong "tep_dinh_kem".'
            )
            code = "attachment-missing"
        else:
            continue
        yield Diagnostic(
            item.path, sources.key_line(item.path, "tep_dinh_kem"), code, Severity.ERROR, message
        )


def _key_of(item: Item, attr: str) -> str:
    """Return the front-matter key of a field of the item's section."""
    return next(f.key for f in item.section.all_fields if f.attr == attr)


def check_citations(
    items: list[Item], pages: list[Page], registry: Registry, sources: SourceLines
) -> Iterator[Diagnostic]:
    """Check the numbers and dates written in every item and page of the portal."""
    for item in items:
        site = item.agency
        yield from _check_body(item.path, item.body, registry, site, sources)
        for field in item.section.all_fields:
            value = _value_of(item, field.attr)
            if isinstance(field, Text) and isinstance(value, str):
                yield from _check_value(item.path, field.key, value, registry, site, sources)
            elif isinstance(field, DocumentNumber | DocumentNumbers) and value:
                if item.section.kind == "legal_document" and field.attr == "number":
                    continue
                numbers = value if isinstance(value, tuple) else (value,)
                for number in numbers:
                    message = check_number(number, registry, site)
                    if message:
                        yield Diagnostic(
                            item.path,
                            sources.key_line(item.path, field.key),
                            "citation-typo",
                            Severity.WARNING,
                            message,
                        )
    for page in pages:
        yield from _check_body(page.path, page.body, registry, page.site, sources)
        for key, value in (("title", page.title), ("description", page.description)):
            if value:
                yield from _check_value(page.path, key, value, registry, page.site, sources)


def _value_of(item: Item, attr: str) -> object:
    if attr in ("title", "description"):
        return getattr(item, attr)
    return item.data.get(attr)


def _check_body(
    path: str, body: str, registry: Registry, site: str, sources: SourceLines
) -> Iterator[Diagnostic]:
    problems = check_text(body, registry, site)
    if problems:
        first = sources.body_line(path)
        for problem in problems:
            yield Diagnostic(
                path, first + problem.line, problem.code, Severity.WARNING, problem.message
            )


def _check_value(
    path: str, key: str, value: str, registry: Registry, site: str, sources: SourceLines
) -> Iterator[Diagnostic]:
    for problem in check_text(value, registry, site):
        yield Diagnostic(
            path, sources.key_line(path, key), problem.code, Severity.WARNING, problem.message
        )
