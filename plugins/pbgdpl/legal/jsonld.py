"""A document page's schema.org `Legislation` description, as JSON-LD.

Search engines, the national legal portal and the e-bookshelf read what the page says of
the document without scraping it: its number, kind, issuer, dates, legal force on the
build's date (`legislationDateVersion`) and what it amends, repeals or implements. The
context is written out (schema.org as the vocabulary), so any JSON-LD processor expands
it without fetching anything. Documents are named by their stable identifiers.
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from markupsafe import Markup

from pbgdpl.catalog import Catalog
from pbgdpl.catalog.registry import RELATIONS, LegalDocument
from pbgdpl.catalog.status import Status
from pbgdpl.legal.identifiers import identifier_path

SCHEMA = "https://schema.org/"
LEGAL_FORCE = {
    Status.NOT_YET_IN_FORCE: "NotInForce",
    Status.IN_FORCE: "InForce",
    Status.PARTLY_EXPIRED: "PartiallyInForce",
    Status.EXPIRED: "NotInForce",
}
# The schema.org property of each relation the document names (RELATIONS, by attr).
RELATION_PROPERTIES = {
    "amends": "legislationAmends",
    "replaces": "legislationRepeals",
    "repeals": "legislationRepeals",
    "repeals_in_part": "legislationChanges",
    "guides": "legislationEnsuresImplementationOf",
}
CONTEXT: dict[str, Any] = {
    "@vocab": SCHEMA,
    "legislationLegalForce": {"@type": "@vocab"},
    **{name: {"@type": "@id"} for name in dict.fromkeys(RELATION_PROPERTIES.values())},
}


def _address(catalog: Catalog, path: str) -> str:
    return catalog.settings.base_url.rstrip("/") + "/" + path


def legislation(catalog: Catalog, document: LegalDocument, as_of: dt.date) -> dict[str, Any]:
    """Return the JSON-LD object describing `document` as of `as_of`."""
    registry = catalog.registry
    described: dict[str, Any] = {
        "@context": CONTEXT,
        "@type": "Legislation",
        "@id": _address(catalog, identifier_path(document)),
        "url": _address(catalog, document.url),
        "name": document.item.title,
        "inLanguage": "vi",
        "legislationIdentifier": document.number,
        "legislationType": document.kind,
        "legislationPassedBy": {"@type": "GovernmentOrganization", "name": document.issuer},
        "legislationJurisdiction": "VN",
        "legislationDate": document.issued.isoformat(),
        "legislationDateOfApplicability": document.effective.isoformat(),
        "legislationLegalForce": LEGAL_FORCE[registry.status_of(document, as_of)],
        "legislationDateVersion": as_of.isoformat(),
    }
    if document.expires is not None:
        described["expires"] = document.expires.isoformat()
    for relation in RELATIONS:
        for number in document.targets(relation):
            target = registry.lookup(number, document.item.agency)
            name = RELATION_PROPERTIES[relation.attr]
            entry: Any = (
                _address(catalog, identifier_path(target))
                if target is not None
                else {"@type": "Legislation", "legislationIdentifier": number}
            )
            described.setdefault(name, []).append(entry)
    return described


def script(data: dict[str, Any]) -> Markup:
    """Return `data` in a JSON-LD script element; "<", ">" and "&" escaped so that editors'
    text (a title holding "</script>") cannot end the element."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return Markup(f'<script type="application/ld+json">{text}</script>')
