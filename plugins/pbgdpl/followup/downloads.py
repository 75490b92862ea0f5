"""CSV and JSON text for the files the portal offers for download."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Sequence
from typing import Any

# Excel opens a UTF-8 CSV with Vietnamese text correctly only when it starts with a BOM.
BOM = "\ufeff"


def csv_text(header: Sequence[str], rows: Iterable[Sequence[Any]]) -> str:
    """Return a CSV document (UTF-8 with BOM, CRLF line ends) of `header` and `rows`."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(header)
    writer.writerows(["" if value is None else value for value in row] for row in rows)
    return BOM + buffer.getvalue()


def json_text(data: Any) -> str:
    """Return `data` as readable JSON with Vietnamese text kept as is."""
    return json.dumps(data, ensure_ascii=False, indent=1) + "\n"
