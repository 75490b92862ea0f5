"""Jinja filters that show legal documents: status, relations, history and attachments.

They read the catalog, the build's date (`as_of`) and the site from the template's
context, so templates only write `item | legal_document` or `item | document_status`.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from jinja2 import pass_context
from jinja2.runtime import Context
from markupsafe import Markup

from pbgdpl.catalog.dissemination import DocumentCoverage, coverage_of
from pbgdpl.catalog.registry import HistoryEvent, LegalDocument, RelationGroup
from pbgdpl.catalog.reliance import StaleReason
from pbgdpl.catalog.status import Status
from pbgdpl.legal.identifiers import identifier_path
from pbgdpl.legal.jsonld import legislation, script
from pbgdpl.legal.listings import documents, facet_slug, facets
from pbgdpl.model.items import ATTACHMENT_TYPES, Item


@dataclass(frozen=True)
class Attachment:
    """A file attached to a document, as its page lists it."""

    name: str
    kind: str
    size: str


@dataclass(frozen=True)
class DocumentView:
    """What a document's page shows beyond its front matter."""

    document: LegalDocument
    status: Status
    relations: list[RelationGroup]
    history: list[HistoryEvent]
    attachments: list[Attachment]


def file_size(size: int) -> str:
    """Show a file size the Vietnamese way: "350 KB", "1,2 MB"."""
    if size < 1024 * 1024:
        return f"{max(1, round(size / 1024))} KB"
    return f"{size / 1024 / 1024:.1f} MB".replace(".", ",")


def _attachments(item: Item, page: Any) -> list[Attachment]:
    # Attachments sit next to the item's file, in its section's folder.
    folder = Path(page.file.abs_src_path).parent if page is not None else None
    found = []
    for name in item.data.get("attachments", ()):
        path = folder / name if folder is not None else None
        size = file_size(path.stat().st_size) if path is not None and path.is_file() else ""
        kind = ATTACHMENT_TYPES.get(Path(name).suffix.lower(), Path(name).suffix.upper())
        found.append(Attachment(name, kind, size))
    return found


@pass_context
def legal_document(context: Context, item: Item) -> DocumentView | None:
    """Return the status, relations, history and attachments of a document's page."""
    registry = context["catalog"].registry
    document = registry.for_item(item)
    if document is None:
        return None
    as_of = context["as_of"]
    return DocumentView(
        document,
        registry.status_of(document, as_of),
        registry.relations(document),
        registry.history(document, as_of),
        _attachments(item, context.get("page")),
    )


@pass_context
def document_status(context: Context, item: Item) -> Status | None:
    """Return a listed document's status on the build's date."""
    registry = context["catalog"].registry
    document = registry.for_item(item)
    return registry.status_of(document, context["as_of"]) if document else None


@pass_context
def document_facets(context: Context, attr: str) -> list[tuple[str, str, int]]:
    """Return the fields of law ("fields") or issuers ("issuer"): name, slug and count."""
    groups = facets(documents(context["catalog"]), attr)
    return [(name, facet_slug(name), len(items)) for name, items in groups.items()]


@pass_context
def recent_documents(context: Context, limit: int) -> list[Item]:
    """Return the documents that took effect most recently, up to the build's date."""
    as_of = context["as_of"]
    return [i for i in documents(context["catalog"]) if i.data["effective"] <= as_of][:limit]


@pass_context
def stale_reasons(context: Context, item: Item) -> list[StaleReason]:
    """Return why an item may no longer be true on the build's date: its documents changed."""
    return context["catalog"].reliance.stale(item, context["as_of"])  # type: ignore[no-any-return]


@pass_context
def document_coverage(context: Context, item: Item) -> DocumentCoverage | None:
    """Return whether the site posting a document disseminated it in time, on the build's date."""
    catalog = context["catalog"]
    document = catalog.registry.for_item(item)
    return coverage_of(catalog, document, context["as_of"]) if document else None


@pass_context
def legislation_jsonld(context: Context, item: Item) -> Markup:
    """Return a document page's schema.org Legislation as a JSON-LD script, or nothing."""
    catalog = context["catalog"]
    document = catalog.registry.for_item(item)
    if document is None:
        return Markup("")
    return script(legislation(catalog, document, context["as_of"]))


@pass_context
def document_identifier(context: Context, item: Item) -> str | None:
    """Return the stable identifier path of a document's page (eli/…/), or None."""
    document = context["catalog"].registry.for_item(item)
    return identifier_path(document) if document else None


LEGAL_FILTERS = {
    "legal_document": legal_document,
    "document_status": document_status,
    "document_facets": document_facets,
    "recent_documents": recent_documents,
    "stale_reasons": stale_reasons,
    "document_coverage": document_coverage,
    "legislation_jsonld": legislation_jsonld,
    "document_identifier": document_identifier,
    "facet_slug": facet_slug,
    "file_size": file_size,
}
