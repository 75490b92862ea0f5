"""The command line, `python build.py COMMAND`: the top layer, which only reads arguments.

Each module registers the commands of one part of the portal: `portal.py` (build,
assemble, validate, schemas, serve), `editorial.py` (codeowners, review, new),
`followup.py` (audit, report), `publishing.py` (verify, mirror) and `webeditor.py` (editor).
"""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from pathlib import Path

from pbgdpl.cli.editorial import add_editorial_commands
from pbgdpl.cli.followup import add_followup_commands
from pbgdpl.cli.portal import add_portal_commands
from pbgdpl.cli.publishing import add_publishing_commands
from pbgdpl.cli.repository import add_repository_commands
from pbgdpl.cli.webeditor import add_webeditor_commands


def parser() -> argparse.ArgumentParser:
    """Describe the command line."""
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
    add_portal_commands(commands)
    add_editorial_commands(commands)
    add_repository_commands(commands)
    add_publishing_commands(commands)
    add_followup_commands(commands)
    add_webeditor_commands(commands)
    return main


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line and return the exit status."""
    args = parser().parse_args(argv)
    if hasattr(args, "out") and not args.out.is_absolute():
        args.out = args.root / args.out
    return int(args.run(args))
