"""Legal documents: their numbers, status, registry, citation checks and auto-links.

The API other parts of the portal use:

- `registry_for(catalog)` returns the `Registry` of every registered document
  (the `van-ban-moi` items of all sites);
- `Registry.lookup(number, site)` finds a document by its number (`NĐ`/`ND` alike);
- `Registry.status(document_or_number, as_of)` returns its `Status`, whose `label`
  is the Vietnamese status ("Còn hiệu lực" …) and `value` a stable slug;
- `status_phrase(status, as_of)` says it with "tính đến ngày dd/mm/yyyy".
"""

from pbgdpl.legal.registry import LegalDocument, Registry, registry_for
from pbgdpl.legal.status import Status, status_phrase

__all__ = ["LegalDocument", "Registry", "Status", "registry_for", "status_phrase"]
