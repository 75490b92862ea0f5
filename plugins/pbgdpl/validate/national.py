"""A document's entry in the national legal database must be on that database.

The page labels the link "Cơ sở dữ liệu quốc gia về pháp luật"; an address elsewhere would
send citizens to a site posing as it. The database's address is in portal.yml
(`national_legal_database`).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from pbgdpl.model.diagnostics import Diagnostic, Severity
from pbgdpl.model.items import Item
from pbgdpl.model.sections import LEGAL_DOCUMENTS
from pbgdpl.model.settings import PortalSettings

FIELD = LEGAL_DOCUMENTS.field("national_entry")


def check_national_entries(items: Iterable[Item], settings: PortalSettings) -> Iterator[Diagnostic]:
    """Report every document whose national database address is not on the database."""
    database = settings.national_legal_database
    for item in items:
        entry = item.data.get(FIELD.attr)
        if entry is None:
            continue
        severity = Severity.ERROR
        if database is None:
            severity = Severity.WARNING
            message = (
                f'Trường "{FIELD.key}" ({FIELD.label}): cổng chưa khai báo địa chỉ Cơ sở dữ '
                'liệu quốc gia về pháp luật ("national_legal_database" trong content/portal.yml), '
                "nên liên kết này không được hiển thị; báo Ban Biên tập."
            )
        elif not entry.startswith(database.rstrip("/") + "/"):
            message = (
                f'Trường "{FIELD.key}" ({FIELD.label}): "{entry}" không phải một địa chỉ trên '
                f"Cơ sở dữ liệu quốc gia về pháp luật ({database}); dán địa chỉ trang của văn "
                "bản trên cơ sở dữ liệu đó."
            )
        else:
            continue
        yield Diagnostic(item.path, item.line_of(FIELD.key), "national-entry", severity, message)
