"""CDN rules: `_headers` (Netlify, Cloudflare Pages) and the nginx snippet."""

from __future__ import annotations

import re
from pathlib import Path

from pbgdpl.model.forge import Forge
from pbgdpl.publishing.manifest import published_files
from pbgdpl.site.csp import content_security_policy
from pbgdpl.webeditor.security import editor_policy

from conftest import headers_address_pattern

IMMUTABLE = "public, max-age=31536000, immutable"


def read_rules(path: Path) -> list[tuple[re.Pattern[str], dict[str, str]]]:
    """Read `_headers` into (address pattern, headers), the way both hosts match them."""
    rules: list[tuple[re.Pattern[str], dict[str, str]]] = []
    for line in path.read_text("utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        if not line.startswith(" "):
            rules.append((re.compile(headers_address_pattern(line)), {}))
        else:
            name, _, value = line.strip().partition(": ")
            rules[-1][1][name] = value
    return rules


def headers_for(rules: list, address: str) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for pattern, headers in rules:
        if pattern.fullmatch(address):
            for name, value in headers.items():
                found.setdefault(name, []).append(value)
    return found


def addresses(built: Path) -> list[str]:
    served = []
    for name in published_files(built):
        served.append("/" + name)
        if name.endswith("index.html"):
            served.append("/" + name.removesuffix("index.html"))
    return served


def test_every_address_gets_one_cache_rule_and_the_security_headers(built_portal: Path) -> None:
    rules = read_rules(built_portal / "_headers")
    for address in addresses(built_portal):
        found = headers_for(rules, address)
        # Hosts join the values of a header set by two rules: one rule per header only.
        assert all(len(values) == 1 for values in found.values()), (address, found)
        assert found["Content-Security-Policy"] == [content_security_policy(header=True)]
        assert found["X-Content-Type-Options"] == ["nosniff"]
        assert found["Referrer-Policy"] == ["strict-origin-when-cross-origin"]


def test_html_is_revalidated_and_only_fingerprinted_files_are_immutable(
    built_portal: Path,
) -> None:
    rules = read_rules(built_portal / "_headers")
    cache = {
        a: headers_for(rules, a).get("Cache-Control", [None])[0] for a in addresses(built_portal)
    }
    for address in ("/", "/bo-tu-phap/", "/bo-tu-phap/van-ban-moi/index.html", "/404.html"):
        assert cache[address] == "no-cache", address
    immutable = sorted(a for a, value in cache.items() if value == IMMUTABLE)
    assert any(
        re.fullmatch(r"/bo-tu-phap/pagefind/fragment/[^/]+\.pf_fragment", a) for a in immutable
    )
    assert any(re.fullmatch(r"/pagefind/index/[^/]+\.pf_index", a) for a in immutable)
    for address in immutable:
        # A long-lived name must change with the content: it carries a hash.
        assert re.search(r"[._][0-9a-f]{7,}\.", address), address
    for mutable in (
        "/pagefind/pagefind.js",
        "/bo-tu-phap/pagefind/pagefind-entry.json",
        "/assets/pbgdpl/portal.css",
        "/manifest.json",
        "/feed.xml",
    ):
        assert cache.get(mutable) != IMMUTABLE, mutable


def test_pagefind_files_get_their_types(built_portal: Path) -> None:
    rules = read_rules(built_portal / "_headers")
    for address in addresses(built_portal):
        kind = headers_for(rules, address).get("Content-Type")
        if address.endswith((".pf_fragment", ".pf_index", ".pf_meta", ".pf_filter")):
            assert kind == ["application/octet-stream"], address
        if address.endswith(".wasm"):
            assert kind == ["application/wasm"], address


def test_the_nginx_snippet_quotes_its_patterns_and_repeats_the_security_headers(
    built_portal: Path,
) -> None:
    conf = (built_portal / "nginx.conf").read_text("utf-8")
    blocks = re.findall(r"location (.+?) \{\n(.*?)\n\}", conf, re.S)
    # First of all, the build's own files (its state, its cache with drafts) are refused.
    hidden, body = blocks.pop(0)
    assert body.strip() == "return 404;"
    hidden_pattern = re.compile(hidden.removeprefix("~ ").strip('"'))
    assert hidden_pattern.search("/.pbgdpl-cache/parsed.pickle")
    assert hidden_pattern.search("/mirror/.pbgdpl-build.json")
    assert not hidden_pattern.search("/ha-noi/tin-tuc/pbgdpl-cache/")
    assert blocks and blocks[-1][0] == "/"
    policy = content_security_policy(header=True)
    # The web editor's location comes first, with its own policy; every other, the citizens'.
    assert blocks[0][0] == '~ "/bien-tap/"'
    editor = editor_policy(Forge())
    assert f'add_header Content-Security-Policy "{editor}" always;' in blocks[0][1]
    for match, body in blocks:
        # add_header in a location drops the inherited ones: each block carries them all.
        if match != blocks[0][0]:
            assert f'add_header Content-Security-Policy "{policy}" always;' in body, match
        assert 'add_header X-Content-Type-Options "nosniff" always;' in body, match
        assert "add_header Cache-Control" in body, match
    # nginx tries regular expressions in order; the prefix location "/" takes the rest.
    patterns = [
        (re.compile(m.removeprefix("~ ").strip('"')), body)
        for m, body in blocks
        if m.startswith("~")
    ]
    assert all(m == "/" or re.fullmatch(r'~ "[^"]+"', m) for m, _ in blocks)

    def cache_of(address: str) -> str:
        body = next((b for p, b in patterns if p.search(address)), blocks[-1][1])
        return re.search(r'Cache-Control "([^"]+)"', body)[1]

    assert cache_of("/mirror/bo-tu-phap/pagefind/fragment/vi_223f7fe.pf_fragment") == IMMUTABLE
    assert cache_of("/bo-tu-phap/pagefind/pagefind.js") == "no-cache"
    assert cache_of("/bo-tu-phap/") == "no-cache"
