"""The command line, `python build.py COMMAND`: the top layer, which only reads arguments.

Each module registers the commands of one part of the portal: `portal.py` (build,
assemble, validate, schemas, serve), `editorial.py` (codeowners, review, new),
`followup.py` (audit, report), `publishing.py` (verify, mirror) and `webeditor.py` (editor).

A command imports only its own module (`PARTS`): importing every part took longer than a
build that finds nothing changed takes to find it. Help, or a command that is not known,
registers them all, so that argparse lists every command.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence
from pathlib import Path

# Each module of the command line with the commands it registers (`add_commands`).
PARTS = {
    "pbgdpl.cli.portal": (
        "build",
        "restore-last-good",
        "assemble",
        "validate",
        "schemas",
        "serve",
    ),
    "pbgdpl.cli.editorial": ("codeowners", "review", "new"),
    "pbgdpl.cli.repository": ("repo-settings",),
    "pbgdpl.cli.publishing": ("verify", "mirror", "disk-preview"),
    "pbgdpl.cli.followup": ("audit", "report"),
    "pbgdpl.cli.webeditor": ("editor",),
}


def parser(command: str | None = None) -> argparse.ArgumentParser:
    """Describe the command line: `command`'s part only when it is known, else every part."""
    main = argparse.ArgumentParser(
        prog="build.py", description="Dựng và kiểm tra Cổng PBGDPL (build and check the portal)."
    )
    main.add_argument(
        "--root",
        type=Path,
        default=Path.cwd(),
        help="thư mục kho nội dung (repository root; default: current folder)",
    )
    commands = main.add_subparsers(dest="command", required=True)
    parts = [part for part, names in PARTS.items() if command in names] or list(PARTS)
    for part in parts:
        importlib.import_module(part).add_commands(commands)
    return main


def _command(argv: Sequence[str]) -> str | None:
    """Return the command named in `argv`: its first word that is not an option or --root's."""
    words = iter(argv)
    for word in words:
        if word == "--root":
            next(words, None)
        elif not word.startswith("-"):
            return word
    return None


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line and return the exit status."""
    words = list(sys.argv[1:] if argv is None else argv)
    args = parser(_command(words)).parse_args(words)
    if hasattr(args, "out") and not args.out.is_absolute():
        args.out = args.root / args.out
    return int(args.run(args))
