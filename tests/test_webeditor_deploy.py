"""The web editor deployed with the portal: same origin, its own CSP, in the manifest.

`build --editor` writes `bien-tap/` into the portal before the portal-wide files, so the
CDN rules give the editor's pages their own policy, every citizen's page keeps the
citizens' policy, and the manifest lists the editor's files. Checked with Debian's nginx
running the snippet and a real Chromium opening the editor under its headers.
"""

from __future__ import annotations

import json
import re
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect
from sections.samples import AGENCY, write_sample_portal

from pbgdpl.cli import main
from pbgdpl.model.forge import Forge
from pbgdpl.site.csp import content_security_policy
from pbgdpl.webeditor.security import editor_policy

from conftest import REPO, headers_address_pattern, nginx_serving

CITIZENS = content_security_policy(header=True)
EDITOR = editor_policy(Forge())


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A portal of one agency built with its web editor."""
    root = write_sample_portal(tmp_path_factory.mktemp("deploy") / "portal", ["hoi-dap"])
    (root / "node_modules").symlink_to(REPO / "node_modules")
    out = root.parent / "site"
    status = main(["--root", str(root), "build", "--out", str(out), "--editor"])
    assert status == 0
    return out


@pytest.fixture(scope="module")
def served(site: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    with nginx_serving(site, tmp_path_factory.mktemp("nginx")) as url:
        yield url


def fetch(url: str) -> tuple[dict[str, str], bytes]:
    with urllib.request.urlopen(url, timeout=10) as answer:
        return dict(answer.headers), answer.read()


def cloudflare_headers(headers_file: Path, address: str) -> dict[str, list[str]]:
    """Apply `_headers` as Cloudflare Pages does: every matching block in order, values of
    one name joined, a `! Name` line detaching what earlier blocks set."""
    found: dict[str, list[str]] = {}
    matches = False
    for line in headers_file.read_text("utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        if not line.startswith(" "):
            matches = re.fullmatch(headers_address_pattern(line), address) is not None
        elif matches and line.strip().startswith("! "):
            found.pop(line.strip()[2:], None)
        elif matches:
            name, _, value = line.strip().partition(": ")
            found.setdefault(name, []).append(value)
    return found


def test_the_editor_is_part_of_the_published_portal(site: Path, run_cli) -> None:
    manifest = json.loads((site / "manifest.json").read_text("utf-8"))
    listed = set(manifest["files"])
    assert {
        f"bien-tap/{AGENCY}/index.html",
        f"bien-tap/{AGENCY}/config.yml",
        "bien-tap/decap/decap-cms.js",
        "bien-tap/index.html",
    } <= listed
    status, out, err = run_cli(site, "verify", str(site))
    assert status == 0, out + err


def test_cdn_rules_give_the_editor_its_own_policy_and_citizens_theirs(site: Path) -> None:
    rules = site / "_headers"
    editor = cloudflare_headers(rules, f"/bien-tap/{AGENCY}/")
    assert editor["Content-Security-Policy"] == [EDITOR]
    assert cloudflare_headers(rules, f"/bien-tap/{AGENCY}/config.yml")["Content-Type"] == [
        "text/yaml"
    ]
    for address in ("/", f"/{AGENCY}/", f"/{AGENCY}/hoi-dap/", "/bien-tap-khac/"):
        assert cloudflare_headers(rules, address)["Content-Security-Policy"] == [CITIZENS]


def test_nginx_serves_the_editor_with_its_policy_and_pages_with_theirs(served: str) -> None:
    headers, _ = fetch(f"{served}bien-tap/{AGENCY}/")
    assert headers["Content-Security-Policy"] == EDITOR
    assert "'unsafe-eval'" in headers["Content-Security-Policy"]
    assert headers["X-Content-Type-Options"] == "nosniff"
    headers, body = fetch(f"{served}bien-tap/{AGENCY}/config.yml")
    assert headers["Content-Type"].startswith("text/yaml")
    assert b"publish_mode: editorial_workflow" in body
    headers, _ = fetch(f"{served}bien-tap/decap/decap-cms.js")
    assert headers["Content-Type"].startswith("application/javascript")
    # Citizens' pages: the same policy as before the editor came, nothing loosened.
    for address in ("", f"{AGENCY}/", f"{AGENCY}/hoi-dap/"):
        headers, _ = fetch(f"{served}{address}")
        assert headers["Content-Security-Policy"] == CITIZENS, address
        assert "'unsafe-eval'" not in CITIZENS


def test_the_deployed_editor_starts_under_its_headers(served: str, page: Page) -> None:
    refused: list[str] = []
    page.on("console", lambda m: refused.append(m.text) if "Content Security" in m.text else None)
    page.goto(f"{served}bien-tap/{AGENCY}/")
    expect(page.get_by_role("button", name="Đăng nhập bằng GitHub")).to_be_visible(timeout=20_000)
    assert refused == []
