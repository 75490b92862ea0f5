"""Diagnostics: every problem found in the content, with a code, a place and a fix."""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import asdict, dataclass
from enum import StrEnum

from pbgdpl.model.annotations import escape_data, escape_property
from pbgdpl.model.terminal import one_line

COMMAND = ".venv/bin/python build.py"
"""build.py as messages show it: the project's environment (made by `make portal`) has the
package, while a fresh machine's system python does not."""


class Severity(StrEnum):
    """How bad a problem is: an error blocks publishing, a warning only under --strict."""

    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True, order=True)
class Diagnostic:
    """One problem in one file, with the line where the editor must look."""

    path: str
    line: int
    code: str
    severity: Severity
    message: str

    def to_json(self) -> dict[str, object]:
        """Return the diagnostic as a JSON-ready mapping."""
        record = asdict(self)
        record["severity"] = self.severity.value
        return record


SEVERITY_LABELS = {Severity.ERROR: "lỗi", Severity.WARNING: "cảnh báo"}


def format_text(diagnostics: Iterable[Diagnostic]) -> str:
    """Format diagnostics one a line, as compilers do: path:line: severity [code] message.

    Paths and messages carry content (file names, values): each is printed as one inert
    line (`terminal.one_line`).
    """
    return "\n".join(
        f"{one_line(d.path)}:{d.line}: {SEVERITY_LABELS[d.severity]} [{d.code}] "
        f"{one_line(d.message)}"
        for d in diagnostics
    )


def format_json(diagnostics: Iterable[Diagnostic]) -> str:
    """Format diagnostics as a JSON list."""
    return json.dumps([d.to_json() for d in diagnostics], ensure_ascii=False, indent=2)


def format_github(diagnostics: Iterable[Diagnostic]) -> str:
    """Format diagnostics as GitHub Actions annotations shown on the pull request's diff."""
    lines = []
    for d in diagnostics:
        path = escape_property(d.path)
        title = escape_property(d.code)
        message = escape_data(d.message)
        lines.append(f"::{d.severity.value} file={path},line={d.line},title={title}::{message}")
    return "\n".join(lines)


FORMATTERS = {"text": format_text, "json": format_json, "github": format_github}


def has_errors(diagnostics: Iterable[Diagnostic]) -> bool:
    """Tell whether any diagnostic is an error."""
    return any(d.severity is Severity.ERROR for d in diagnostics)
