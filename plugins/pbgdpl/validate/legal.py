"""Checks that need the whole portal: document numbers, duplicates, relations, citations.

They run over every loaded item, drafts and scheduled items included, so that an editor
hears of a problem before the item goes out; citation problems are warnings, which
`--strict` turns into failures.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from pbgdpl.catalog.registry import RELATIONS, LegalDocument, Registry, seniority
from pbgdpl.loading.history import History
from pbgdpl.model.diagnostics import Diagnostic, Severity
from pbgdpl.model.fields import DocumentNumber, DocumentNumbers, Text
from pbgdpl.model.items import Item, Page
from pbgdpl.validate.citations import check_number, check_scan, check_text

if TYPE_CHECKING:
    from pbgdpl.loading.portal import Portal


def check_legal_content(portal: Portal, history: History) -> list[Diagnostic]:
    """Check every registered document and every mention of a document in the portal.

    Numbers belong to pages in the order the build uses (`registry.seniority`), so the
    page reported as a duplicate is the later one.
    """
    issuers = {agency.name: slug for slug, agency in portal.agencies.items()}
    registry = Registry(portal.items, order=seniority(history, issuers))
    return [
        *check_documents(registry, portal.root),
        *check_citations(portal.items, portal.pages, registry),
    ]


def check_documents(registry: Registry, root: Path) -> Iterator[Diagnostic]:
    """Check that each number is published once and each relation may be made."""
    for document, first in registry.duplicates:
        yield Diagnostic(
            document.item.path,
            document.item.line_of("so_ky_hieu"),
            "duplicate-document-number",
            Severity.ERROR,
            f'Văn bản số "{document.number}" đã được đăng ở {first.item.path}; mỗi văn bản '
            "chỉ đăng một lần. Xóa tệp trùng hoặc sửa số ký hiệu.",
        )
    # Each number against its own kind, issuer and date is checked as the file loads
    # (pbgdpl.loading.numbers); here, what needs the other documents.
    for document in registry.documents:
        yield from _check_relations(document, registry)
    for refused in registry.refused:
        source, target = refused.source, refused.target
        yield Diagnostic(
            source.item.path,
            source.item.line_of(_key_of(source.item, refused.relation.attr)),
            "cross-agency-relation",
            Severity.ERROR,
            f'Văn bản "{source.number}" ({source.issuer}) không thể '
            f'{refused.relation.label.lower()} văn bản "{target.number}" do {target.issuer} '
            f"ban hành, đăng ở {target.item.path}: chỉ văn bản của cùng cơ quan ban hành mới "
            "thay đổi được hiệu lực văn bản của trang thành phần khác. Xóa số này khỏi "
            f'"{_key_of(source.item, refused.relation.attr)}", hoặc đề nghị Ban Biên tập '
            "xem xét.",
        )


def _check_relations(document: LegalDocument, registry: Registry) -> Iterator[Diagnostic]:
    path = document.item.path
    for relation in RELATIONS:
        key = _key_of(document.item, relation.attr)
        for number in document.targets(relation):
            if registry.lookup(number, document.item.agency) is document:
                yield Diagnostic(
                    path,
                    document.item.line_of(key),
                    "self-relation",
                    Severity.ERROR,
                    f'Văn bản "{document.number}" không thể tự {relation.label.lower()} '
                    f'chính nó; xóa số này khỏi "{key}".',
                )


def _key_of(item: Item, attr: str) -> str:
    """Return the front-matter key of a field of the item's section."""
    return next(f.key for f in item.section.all_fields if f.attr == attr)


def check_citations(
    items: list[Item], pages: list[Page], registry: Registry
) -> Iterator[Diagnostic]:
    """Check the numbers and dates written in every item and page of the portal."""
    for item in items:
        site = item.agency
        yield from _check_body(item, registry, site)
        for field in item.section.all_fields:
            value = _value_of(item, field.attr)
            if isinstance(field, Text) and isinstance(value, str):
                yield from _check_value(item, field.key, value, registry, site)
            elif isinstance(field, DocumentNumber | DocumentNumbers) and value:
                if field.role == "number":
                    continue
                numbers = value if isinstance(value, tuple) else (value,)
                for number in numbers:
                    message = check_number(number, registry, site)
                    if message:
                        yield Diagnostic(
                            item.path,
                            item.line_of(field.key),
                            "citation-typo",
                            Severity.WARNING,
                            message,
                        )
    for page in pages:
        yield from _check_body(page, registry, page.site)
        for key, value in (("title", page.title), ("description", page.description)):
            if value:
                yield from _check_value(page, key, value, registry, page.site)


def _value_of(item: Item, attr: str) -> object:
    if attr in ("title", "description"):
        return getattr(item, attr)
    return item.data.get(attr)


def _check_body(record: Item | Page, registry: Registry, site: str) -> Iterator[Diagnostic]:
    for problem in check_scan(record.body_scan, registry, site):
        yield Diagnostic(
            record.path,
            record.body_line + problem.line,
            problem.code,
            Severity.WARNING,
            problem.message,
        )


def _check_value(
    record: Item | Page, key: str, value: str, registry: Registry, site: str
) -> Iterator[Diagnostic]:
    for problem in check_text(value, registry, site):
        yield Diagnostic(
            record.path, record.line_of(key), problem.code, Severity.WARNING, problem.message
        )
