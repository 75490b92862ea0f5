"""What changed in the text of a page, told as the board reads it: paragraphs and sentences.

A diff of lines means little to a board member: one reworded sentence rewraps a whole
paragraph. The text is compared paragraph by paragraph (blank-line separated), and in a
changed paragraph sentence by sentence, so the report quotes only what was reworded.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass

SENTENCE_END = re.compile(r"(?<=[.!?…:;])\s+")


@dataclass(frozen=True)
class ParagraphChange:
    """One paragraph reworded: its sentences taken out and those put in."""

    removed: tuple[str, ...]
    added: tuple[str, ...]


@dataclass(frozen=True)
class BodyChange:
    """The paragraphs of a text added, removed and reworded."""

    added: tuple[str, ...] = ()
    removed: tuple[str, ...] = ()
    changed: tuple[ParagraphChange, ...] = ()


def paragraphs(text: str) -> list[str]:
    """Return the paragraphs of Markdown text, each on one line."""
    return [" ".join(p.split()) for p in re.split(r"\n\s*\n", text) if p.strip()]


def sentences(paragraph: str) -> list[str]:
    """Return the sentences of a paragraph."""
    return [s for s in SENTENCE_END.split(paragraph) if s]


def _reworded(old: str, new: str) -> ParagraphChange:
    before, after = sentences(old), sentences(new)
    removed: list[str] = []
    added: list[str] = []
    matcher = difflib.SequenceMatcher(a=before, b=after, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag != "equal":
            removed += before[i1:i2]
            added += after[j1:j2]
    return ParagraphChange(tuple(removed), tuple(added))


def compare_bodies(old: str, new: str) -> BodyChange | None:
    """Return what changed between two texts, or None when the paragraphs are the same."""
    before, after = paragraphs(old), paragraphs(new)
    if before == after:
        return None
    added: list[str] = []
    removed: list[str] = []
    changed: list[ParagraphChange] = []
    matcher = difflib.SequenceMatcher(a=before, b=after, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            continue
        pairs = min(i2 - i1, j2 - j1) if tag == "replace" else 0
        changed += [_reworded(before[i1 + n], after[j1 + n]) for n in range(pairs)]
        removed += before[i1 + pairs : i2]
        added += after[j1 + pairs : j2]
    return BodyChange(tuple(added), tuple(removed), tuple(changed))
