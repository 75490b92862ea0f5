"""The command line: every command runs from the part that registers it, and only that
part is imported, so that a build that finds nothing changed starts fast."""

from __future__ import annotations

import argparse
import importlib

import pytest

from pbgdpl.cli import PARTS, main, parser


def _commands(built: argparse.ArgumentParser) -> set[str]:
    [subparsers] = [a for a in built._actions if isinstance(a, argparse._SubParsersAction)]
    return set(subparsers.choices)


def test_each_part_registers_exactly_the_commands_listed_for_it() -> None:
    for part, names in PARTS.items():
        alone = argparse.ArgumentParser()
        importlib.import_module(part).add_commands(alone.add_subparsers())
        assert _commands(alone) == set(names), part
    assert _commands(parser()) == {name for names in PARTS.values() for name in names}


@pytest.mark.parametrize("command", [name for names in PARTS.values() for name in names])
def test_each_command_shows_its_help(command: str, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit:
        main(["--root", ".", command, "--help"])
    assert exit.value.code == 0
    assert f"build.py {command}" in capsys.readouterr().out


def test_a_mistyped_command_is_answered_with_every_command(
    capsys: pytest.CaptureFixture[str],
) -> None:
    with pytest.raises(SystemExit) as exit:
        main(["biuld"])
    assert exit.value.code == 2
    err = capsys.readouterr().err
    assert "biuld" in err
    assert all(name in err for names in PARTS.values() for name in names)
