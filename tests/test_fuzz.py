"""Random hostile content at every command: no traceback, and no other agency changes.

Hypothesis writes random YAML, Markdown, bytes and commit subjects into one agency of a
small portal the tests own (`sections/samples.py`, plus a neighbour agency), then runs
`validate`, `codeowners`, `build --keep-going` and `review` in-process: an exception would
fail the test with its traceback. Examples are few and bounded so the whole file runs in
seconds; each run draws new ones.
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import shutil
from pathlib import Path

import pytest
from editorial_repo import git_repository
from git import Repo
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st
from sections.samples import AGENCY, AGENCY_YML, SAMPLES, write_sample_portal

from pbgdpl.cli import main

from conftest import write

NEIGHBOUR = "so-tu-phap-ben-canh"
SECTIONS = ["van-ban-moi", "hoi-dap", "so-lieu", "tin-tuc"]
# The neighbour cites no document of the fuzzed agency: its pages depend on its own files.
NEIGHBOUR_SECTIONS = ["so-lieu", "tin-tuc"]
FUZZED = f"agencies/{AGENCY}"
AS_OF = ("--as-of", "2025-06-01")
YAML_TOKENS = (
    "title: ",
    "date: 2026-11-20",
    "so_ky_hieu: ",
    '"168/2024/NĐ-CP"',
    "chi_tieu:",
    "\n",
    "\n  ",
    "- ",
    "[",
    "]",
    "{",
    "}",
    ", ",
    ": ",
    "'",
    '"',
    "\\",
    "!!timestamp ",
    "!!binary ",
    "!!python/object:os.system ",
    "!x ",
    "&a ",
    "*a",
    "# ",
    "| ",
    "> ",
    "? ",
    "9" * 40,
    "2024-02-30",
    "\x00",
    "\x1b]8;;x\x07",
    "\x85",
    "\u2028",
    "\u202e",
    "%",
    "@",
    "Đất đai",
    "---\n",
    "...\n",
    "\t",
    "\r",
    "::add-mask::",
    "=HYPERLINK(",
    "true",
    "null",
)
MARKDOWN_TOKENS = (
    "<",
    ">",
    "<a ",
    "<script>",
    "</",
    "`",
    "``",
    "|",
    "\\",
    "[",
    "](",
    "![",
    "http://x.vn",
    "*",
    "_",
    "# ",
    "\n",
    "\n\n",
    "    ",
    ": ",
    "~",
    "&",
    "&#",
    "*[",
    "]:",
    "!!! note\n",
    "javascript:",
    "- ",
    "1. ",
    "> ",
    "[^1]",
    "Luật Đất đai",
    "45/2013/QH13",
    "{#lien-he}",
)


def token_text(tokens: tuple[str, ...], max_size: int) -> st.SearchStrategy[str]:
    """Text made of hostile tokens and arbitrary characters."""
    piece = st.one_of(st.sampled_from(tokens), st.text(max_size=4))
    return st.lists(piece, max_size=max_size).map("".join)


FRONT_MATTER = token_text(YAML_TOKENS, 40)
BODY = token_text(MARKDOWN_TOKENS, 60)
# Git refuses a NUL in a message (and so does the command line): any other character.
SUBJECT = token_text(("\x1e", "\x1f", "\n", "%s", "::", "Bộ Tư pháp thẩm định"), 12).map(
    lambda s: s.replace("\x00", "")
)
FILE_NAME = st.text(min_size=1, max_size=12).filter(
    lambda n: "/" not in n and "\x00" not in n and n not in (".", "..")
)
QUICK = settings(
    max_examples=40,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
# Each example builds twice and reviews: few of them, and a failure is shown unshrunk.
SLOW = settings(QUICK, max_examples=2, phases=[Phase.explicit, Phase.generate])


def two_agency_portal(root: Path) -> Path:
    """The sample agency (fuzzed) and a neighbour agency that must never change."""
    write_sample_portal(root, SECTIONS)
    neighbour = root / "agencies" / NEIGHBOUR
    write(
        neighbour / "agency.yml",
        AGENCY_YML.format(sections=", ".join(NEIGHBOUR_SECTIONS))
        .replace(AGENCY, NEIGHBOUR)
        .replace("Tỉnh Mẫu Sơn", "Tỉnh Bên Cạnh")
        .replace("mauson-bientap", "bencanh-bientap"),
    )
    for slug in NEIGHBOUR_SECTIONS:
        name, text = SAMPLES[slug]
        write(neighbour / slug / f"{name}.md", text)
    return root


def run(root: Path, *args: str) -> tuple[int, str]:
    """Run a command in-process; return its status and everything it printed."""
    printed = io.StringIO()
    with contextlib.redirect_stdout(printed), contextlib.redirect_stderr(printed):
        status = main(["--root", str(root), *args])
    return status, printed.getvalue()


def pages_of(out: Path, agency: str) -> dict[str, str]:
    """Hash every file published for an agency."""
    return {
        p.relative_to(out).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted((out / agency).rglob("*"))
        if p.is_file()
    }


@pytest.fixture(scope="module")
def portal(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return two_agency_portal(tmp_path_factory.mktemp("fuzz") / "portal")


def reset(root: Path) -> None:
    """Put the fuzzed agency back as the samples have it."""
    shutil.rmtree(root / FUZZED)
    write(root / FUZZED / "agency.yml", AGENCY_YML.format(sections=", ".join(SECTIONS)))
    for slug in SECTIONS:
        name, text = SAMPLES[slug]
        write(root / FUZZED / slug / f"{name}.md", text)


@QUICK
@given(section=st.sampled_from(SECTIONS), front_matter=FRONT_MATTER, body=BODY, name=FILE_NAME)
def test_validate_names_any_item_and_never_crashes(
    portal: Path, section: str, front_matter: str, body: str, name: str
) -> None:
    reset(portal)
    try:
        write(portal / FUZZED / section / f"{name}.md", f"---\n{front_matter}\n---\n{body}")
    except OSError:
        return  # a name the file system refuses cannot be committed either
    status, printed = run(portal, "validate")
    assert status in (0, 1)
    assert "Traceback" not in printed


@QUICK
@given(data=st.binary(max_size=300), yaml_text=FRONT_MATTER)
def test_any_bytes_and_any_agency_yml_are_diagnostics(
    portal: Path, data: bytes, yaml_text: str
) -> None:
    reset(portal)
    (portal / FUZZED / "tin-tuc" / "tep-nhi-phan.md").write_bytes(data)
    (portal / FUZZED / "agency.yml").write_text(yaml_text, "utf-8")
    for command in ("validate", "codeowners"):
        status, printed = run(portal, command)
        assert status in (0, 1), command
        assert "Traceback" not in printed
    codeowners = (portal / ".github/CODEOWNERS").read_text("utf-8")
    # The neighbour keeps its rule (the board's, as every agency folder's: README).
    assert any(line.startswith(f"/agencies/{NEIGHBOUR}/ ") for line in codeowners.splitlines())
    assert all(line.startswith(("#", "/", "*")) or not line for line in codeowners.splitlines())


@pytest.fixture(scope="module")
def built_repo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The two agencies committed on main and built once; each example works on a copy."""
    root = two_agency_portal(tmp_path_factory.mktemp("fuzz-build") / "portal")
    git_repository(root)
    status, printed = run(root, "build", "--out", str(root.parent / "site"), *AS_OF)
    assert status == 0, printed
    return root


@SLOW
@given(
    files=st.lists(st.tuples(st.sampled_from(SECTIONS), FRONT_MATTER, BODY), max_size=4),
    data=st.binary(max_size=200),
    subject=SUBJECT,
)
def test_build_and_review_survive_any_change_and_spare_the_neighbour(
    built_repo: Path,
    tmp_path_factory: pytest.TempPathFactory,
    files: list[tuple[str, str, str]],
    data: bytes,
    subject: str,
) -> None:
    work = tmp_path_factory.mktemp("fuzz-change")
    shutil.copytree(built_repo.parent, work, dirs_exist_ok=True)
    root, out = work / "portal", work / "site"
    before = pages_of(out, NEIGHBOUR)
    repo = Repo(root)
    repo.git.checkout("-b", "bien-tap")
    for number, (section, front_matter, body) in enumerate(files):
        write(root / FUZZED / section / f"bai-{number}.md", f"---\n{front_matter}\n---\n{body}")
    (root / FUZZED / "tin-tuc" / "tep-nhi-phan.md").write_bytes(data)
    repo.git.add(A=True)
    repo.git.commit("--allow-empty", "-m", subject or "Sửa")

    status, printed = run(root, "build", "--keep-going", "--out", str(out), *AS_OF)
    assert "Traceback" not in printed
    assert status == 0, printed
    assert pages_of(out, NEIGHBOUR) == before
    status, printed = run(root, "review", "main", "HEAD", "--author", "mauson-bientap")
    assert status in (0, 1) and "Traceback" not in printed
