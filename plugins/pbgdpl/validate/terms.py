"""The term of the National Assembly in the numbers an item cites (`can_cu`, `van_ban` …).

A registered document's own number is checked with its kind and issuer
(`NumberRules.check`); here every number an item names in a field is checked too, since
a citation such as `52/2014/QH14` cannot be right whether or not the portal has it.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from pbgdpl.model.diagnostics import Diagnostic, Severity
from pbgdpl.model.fields import DocumentNumber, DocumentNumbers
from pbgdpl.model.items import Item
from pbgdpl.model.numbers import legislature_term_problem, parse_number


def check_cited_terms(items: Iterable[Item]) -> Iterator[Diagnostic]:
    """Report every cited number whose legislature term does not fit its year, as an error."""
    for item in items:
        for field in item.section.all_fields:
            if not isinstance(field, DocumentNumber | DocumentNumbers) or field.role == "number":
                continue
            value = item.data.get(field.attr) or ()
            for number in (value,) if isinstance(value, str) else value:
                parts = parse_number(number)
                problem = legislature_term_problem(parts) if parts is not None else None
                if problem:
                    yield Diagnostic(
                        item.path,
                        item.line_of(field.key),
                        "legislature-term",
                        Severity.ERROR,
                        f'Trường "{field.key}" ({field.label}): {problem}',
                    )
