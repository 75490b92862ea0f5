"""Stable identifiers of legal documents, in the manner of ELI: `/eli/{type}/{year}/{number}/`.

An item's address follows its agency and file name, which may change; a document's
identifier follows only what the document is: its kind, its year and its number
(`eli/nghi-dinh/2024/168-nd-cp/`). A province's own number is unique only in that
province, so its identifier carries the site (`eli/ha-noi/quyet-dinh/2025/12-qd-ubnd/`).
The portal writes a small page at each identifier sending readers on to the document's
page, and names the document by it in its JSON-LD.
"""

from __future__ import annotations

from pbgdpl.catalog.registry import LegalDocument
from pbgdpl.model.fields import slugify

FOLDER = "eli"


def identifier_path(document: LegalDocument) -> str:
    """Return the document's identifier, a path below the portal root ending with "/"."""
    parts = document.parts
    year = parts.year if parts.year is not None else document.issued.year
    number = slugify("-".join((parts.serial, *parts.codes)))
    site = f"{document.item.agency}/" if document.local else ""
    return f"{FOLDER}/{site}{slugify(document.kind)}/{year}/{number}/"
