"""CSV and JSON text for the files the portal offers for download."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Sequence
from typing import Any

from pbgdpl.safety.spreadsheet import csv_cell

# Excel opens a UTF-8 CSV with Vietnamese text correctly only when it starts with a BOM.
BOM = "\ufeff"


def csv_text(header: Sequence[str], rows: Iterable[Sequence[Any]]) -> str:
    """Return a CSV document (UTF-8 with BOM, CRLF line ends) of `header` and `rows`.

    Every cell goes through `csv_cell`: no formula, no control character.
    """
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(csv_cell(name) for name in header)
    writer.writerows([csv_cell(value) for value in row] for row in rows)
    return BOM + buffer.getvalue()


def json_text(data: Any) -> str:
    """Return `data` as readable JSON with Vietnamese text kept as is."""
    return json.dumps(data, ensure_ascii=False, indent=1) + "\n"
