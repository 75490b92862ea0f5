"""The package's shape holds: layers import only downward, no module imports in a circle,
types check, and `make test` runs the checks that keep it so (ARCHITECTURE.md)."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import grimp

from conftest import REPO

BIN = Path(sys.executable).parent


def _strongly_connected(graph: grimp.ImportGraph) -> list[set[str]]:
    """Return the groups of modules that import each other in a circle (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    circles: list[set[str]] = []

    def visit(module: str) -> None:
        index[module] = low[module] = len(index)
        stack.append(module)
        for imported in graph.find_modules_directly_imported_by(module):
            if imported not in index:
                visit(imported)
                low[module] = min(low[module], low[imported])
            elif imported in stack:
                low[module] = min(low[module], index[imported])
        if low[module] == index[module]:
            group = set()
            while True:
                member = stack.pop()
                group.add(member)
                if member == module:
                    break
            if len(group) > 1:
                circles.append(group)

    for module in sorted(graph.modules):
        if module not in index:
            visit(module)
    return circles


def test_no_modules_import_each_other_in_a_circle() -> None:
    # Imports for type checking count too: a circle there is a circle in the design.
    graph = grimp.build_graph("pbgdpl", exclude_type_checking_imports=False)
    assert _strongly_connected(graph) == []


def _package_copy(tmp_path: Path) -> Path:
    """Copy the package and its configuration, so a test may break the copy."""
    shutil.copytree(REPO / "plugins", tmp_path / "plugins", ignore=shutil.ignore_patterns("*.pyc"))
    shutil.copy2(REPO / "pyproject.toml", tmp_path / "pyproject.toml")
    return tmp_path


def _lint_imports(root: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(BIN / "lint-imports"), "--config", str(root / "pyproject.toml"), "--no-cache"],
        cwd=root,
        env={"PYTHONPATH": str(root / "plugins"), "PATH": str(BIN)},
        capture_output=True,
        text=True,
        check=False,
    )


def test_the_layer_contract_holds_and_refuses_an_upward_import(tmp_path: Path) -> None:
    root = _package_copy(tmp_path)
    kept = _lint_imports(root)
    assert kept.returncode == 0, kept.stdout
    # The model, the lowest layer, reaching up to the catalog.
    fields = root / "plugins" / "pbgdpl" / "model" / "fields.py"
    fields.write_text(fields.read_text("utf-8") + "\nimport pbgdpl.catalog  # noqa\n", "utf-8")
    broken = _lint_imports(root)
    assert broken.returncode == 1
    assert "pbgdpl.model.fields -> pbgdpl.catalog" in broken.stdout


def test_a_type_error_fails_the_type_check(tmp_path: Path) -> None:
    root = _package_copy(tmp_path)
    moment = root / "plugins" / "pbgdpl" / "model" / "moment.py"
    moment.write_text(
        moment.read_text("utf-8") + '\n\ndef _broken() -> int:\n    return "một"\n', "utf-8"
    )
    checked = subprocess.run(
        [str(BIN / "mypy"), "--cache-dir", str(tmp_path / "cache")],
        cwd=root,
        capture_output=True,
        text=True,
        check=False,
    )
    assert checked.returncode == 1
    assert "model/moment.py:" in checked.stdout
    assert 'Incompatible return value type (got "str", expected "int")' in checked.stdout


def test_make_test_runs_every_check_that_keeps_the_shape() -> None:
    planned = subprocess.run(
        ["make", "-n", "test"], cwd=REPO, capture_output=True, text=True, check=True
    ).stdout
    for check in ("ruff check .", "ruff format --check .", "lint-imports", "mypy", "pytest"):
        assert check in planned, check
