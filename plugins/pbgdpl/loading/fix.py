"""Repair what an editor cannot see: decomposed Unicode, invisible and control characters."""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable
from pathlib import Path

from pbgdpl.model.diagnostics import Diagnostic
from pbgdpl.safety.text import without_controls, without_invisible

FIXABLE = frozenset({"not-nfc", "invisible-character", "control-character"})


def fix_files(root: Path, diagnostics: Iterable[Diagnostic]) -> list[str]:
    """Rewrite each file with a fixable diagnostic in NFC without invisible or control characters.

    Return the repository paths of the files rewritten. Direction-changing (bidi)
    characters are left for a person to look at: they may hide what the text says.
    """
    fixed = []
    for path in sorted({d.path for d in diagnostics if d.code in FIXABLE}):
        file = root / path
        text = file.read_text("utf-8")
        repaired = without_controls(without_invisible(unicodedata.normalize("NFC", text)))
        if repaired != text:
            file.write_text(repaired, "utf-8", newline="")
            fixed.append(path)
    return fixed
