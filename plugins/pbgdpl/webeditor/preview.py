"""What the editor's preview pane shows of each section, as the portal's item page shows it.

The page (theme/partials/pbgdpl/item.html) shows the date line, a section's lead text (the
question, the abstract), the facts table of its `shown` fields and the text; a legal
document also shows its status. The preview script (static/preview.js) draws the same
from this description, with the portal's own CSS.
"""

from __future__ import annotations

import json
from typing import Any

from pbgdpl.catalog.status import LABELS, Status
from pbgdpl.model.fields import Date, Field, Moment
from pbgdpl.model.sections import SECTIONS, Section


def _kind(field: Field) -> str:
    return "date" if isinstance(field, Date | Moment) else "text"


def section_preview(section: Section) -> dict[str, Any]:
    """Return what the preview shows of an item of `section`."""
    documents = section.registers_documents
    return {
        "item_label": section.item_label,
        "date_from": section.field(section.date_from).key if section.date_from else "",
        "lead": [{"key": f.key, "label": f.label} for f in section.with_role("lead")],
        "facts": [{"key": f.key, "label": f.label, "kind": _kind(f)} for f in section.facts],
        "effective": section.field("effective").key if documents else "",
        "expires": section.field("expires").key if documents else "",
    }


def preview_script(max_upload_bytes: int) -> str:
    """Return sections.js: every section's preview description, for the preview script,
    and the largest upload the picture component accepts."""
    described = {s.slug: section_preview(s) for s in SECTIONS}
    statuses = {
        "not_yet": LABELS[Status.NOT_YET_IN_FORCE],
        "in_force": LABELS[Status.IN_FORCE],
        "expired": LABELS[Status.EXPIRED],
    }
    data = json.dumps(
        {"sections": described, "statuses": statuses, "max_upload_bytes": max_upload_bytes},
        ensure_ascii=False,
    )
    # The CMS waits for start.js, so that our scripts register their parts before it draws.
    return f"window.PBGDPL_PREVIEW = {data};\nwindow.CMS_MANUAL_INIT = true;\n"
