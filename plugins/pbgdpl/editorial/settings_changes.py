"""Settings files compared key by key: content/portal.yml and an agency's agency.yml.

A settings file changes what the whole portal or a whole site does (who may edit it, when
a section counts as stale), so the board sees every key that changed, nested keys by
their dotted name ("stale_after_days.tin-tuc"), with the value before and after.
"""

from __future__ import annotations

from typing import Any


def flatten(values: dict[str, Any], prefix: str = "") -> dict[str, Any]:
    """Return nested mappings as one mapping of dotted keys; lists stay values."""
    flat: dict[str, Any] = {}
    for key, value in values.items():
        name = f"{prefix}{key}"
        if isinstance(value, dict) and value:
            flat.update(flatten(value, name + "."))
        else:
            flat[name] = value
    return flat


def changed_keys(old: dict[str, Any], new: dict[str, Any]) -> list[tuple[str, Any, Any]]:
    """Return each dotted key whose value differs, in the new file's order, then removed keys."""
    before, after = flatten(old), flatten(new)
    keys = [*after, *(k for k in before if k not in after)]
    return [(k, before.get(k), after.get(k)) for k in keys if before.get(k) != after.get(k)]
