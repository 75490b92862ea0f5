"""Editors' content is untrusted: every bad input is reported exactly, never reaches a page,
and never takes another agency's site down."""

from __future__ import annotations

import contextlib
import dataclasses
import io
import shutil
import unicodedata
from html.parser import HTMLParser
from pathlib import Path

import pytest
from playwright.sync_api import ConsoleMessage

from pbgdpl.catalog import Catalog
from pbgdpl.cli import main
from pbgdpl.loading.portal import load_portal
from pbgdpl.model.diagnostics import format_text
from pbgdpl.model.moment import BuildMoment
from pbgdpl.model.videos import parse_video
from pbgdpl.pipeline.render import render_site
from pbgdpl.publishing.manifest import published_files
from pbgdpl.safety.markdown_text import plain_text_markup
from pbgdpl.site.csp import content_security_policy
from pbgdpl.site.structure import SiteContext
from pbgdpl.validate import load_checked

from conftest import AS_OF, copy_portal, write
from untrusted_corpus import CASES, NEWS, Case

pytestmark = pytest.mark.long

CLEAN_AGENCIES = ("ho-chi-minh", "nghe-an", "bo-y-te", "lao-cai", "hoi-luat-gia-viet-nam")


class Markup(HTMLParser):
    """What a browser would run from a page: inline scripts, handlers, script URLs, frames."""

    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=True)
        self.inline_scripts = 0
        self.handlers: list[str] = []
        self.script_urls: list[str] = []
        self.frames = 0
        self.csp: list[str] = []
        self.feed(html)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        # JSON and JSON-LD are data blocks, which a browser never runs.
        data = values.get("type") in ("application/json", "application/ld+json")
        if tag == "script" and "src" not in values and not data:
            self.inline_scripts += 1
        self.frames += tag in ("iframe", "frame", "object", "embed")
        self.handlers += [name for name, _ in attrs if name.startswith("on")]
        self.script_urls += [
            v
            for n, v in attrs
            if n in ("href", "src", "action", "formaction")
            and v
            and "".join(v.split()).lower().startswith(("javascript:", "vbscript:"))
        ]
        if tag == "meta" and values.get("http-equiv") == "Content-Security-Policy":
            self.csp.append(values.get("content") or "")


HOSTILE_FRONT_MATTER = (
    '---\ntitle: "Tin <script>alert(1)</script> \\" onmouseover=\\"alert(2)"\n'
    "date: 2026-11-20\n"
    'description: "Mô tả <img src=x onerror=alert(3)> \\" x=\\""\n'
    'tags: ["<b onclick=alert(4)>thẻ</b>"]\n---\nNội dung.\n'
)


def hostile_portal(target: Path) -> Path:
    """The sample portal with every case of the corpus written into it."""
    root = copy_portal(target)
    for case in CASES:
        case.make(root)
    return root


@pytest.fixture(scope="module")
def corpus_diagnostics(tmp_path_factory: pytest.TempPathFactory, sample_portal: Path) -> list[str]:
    """What `validate` says about the corpus, beyond what it says about the clean sample."""
    clean = set(format_text(load_checked(sample_portal).diagnostics).splitlines())
    root = hostile_portal(tmp_path_factory.mktemp("corpus") / "portal")
    return [d for d in format_text(load_checked(root).diagnostics).splitlines() if d not in clean]


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.name)
def test_each_bad_input_gets_its_exact_diagnostic(case: Case, corpus_diagnostics) -> None:
    files = {line.split(":", 1)[0] for line in case.expected}
    said = [d for d in corpus_diagnostics if d.split(":", 1)[0] in files]
    assert said == list(case.expected)


def test_the_corpus_says_nothing_else(corpus_diagnostics) -> None:
    expected = {line for case in CASES for line in case.expected}
    assert set(corpus_diagnostics) == expected


@pytest.mark.parametrize(
    "address",
    [
        "https://youtube.com.evil.example/watch?v=Qm7tR2vLx9E",
        "https://evilyoutube.com/watch?v=Qm7tR2vLx9E",
        "https://youtube.com@evil.example/watch?v=Qm7tR2vLx9E",
        "https://www.youtube.com.evil.example/embed/Qm7tR2vLx9E",
        "http://www.youtube.com/watch?v=Qm7tR2vLx9E",
        "https://www.youtube.com/watch?v=Qm7tR2vLx9E%22onload=alert(1)",
        "https://www.youtube.com:8443/watch?v=Qm7tR2vLx9E",
        "javascript:alert(1)//youtube.com/watch?v=Qm7tR2vLx9E",
        "https://vimeo.com/../../evil",
    ],
)
def test_video_addresses_off_the_allow_list_are_refused(address: str) -> None:
    assert parse_video(address) is None


def test_allowed_videos_play_from_the_providers_privacy_host() -> None:
    assert parse_video("https://youtu.be/Qm7tR2vLx9E").embed_url == (
        "https://www.youtube-nocookie.com/embed/Qm7tR2vLx9E"
    )
    assert parse_video("https://m.youtube.com/watch?v=Qm7tR2vLx9E&t=30").video_id == "Qm7tR2vLx9E"
    assert parse_video("https://vimeo.com/76979871").embed_url == (
        "https://player.vimeo.com/video/76979871"
    )


def test_validate_fix_rewrites_nfd_and_invisible_characters(portal_copy: Path, run_cli) -> None:
    head = "---\ntitle: Bài thử\ndate: 2026-11-20\n---\n"
    nfd = write(portal_copy / NEWS / "nfd.md", head + unicodedata.normalize("NFD", "Đất đai\n"))
    hidden = write(portal_copy / NEWS / "an.md", head + "Luật\u200b Đất đai\n")
    status, _, err = run_cli(portal_copy, "validate", "--fix", "--strict")
    assert status == 0, err
    assert f"{NEWS}/nfd.md: đã sửa (chuyển về NFC, xóa ký tự ẩn)" in err
    assert nfd.read_text("utf-8") == head + "Đất đai\n"
    assert hidden.read_text("utf-8") == head + "Luật Đất đai\n"


def test_bidi_controls_are_not_fixed_silently(portal_copy: Path, run_cli) -> None:
    head = "---\ntitle: Bài thử\ndate: 2026-11-20\n---\n"
    tricked = write(portal_copy / NEWS / "bidi.md", head + "1000\u202e000 đồng\n")
    status, out, _ = run_cli(portal_copy, "validate", "--fix")
    assert status == 1 and "[bidi-control]" in out
    assert "\u202e" in tricked.read_text("utf-8")


def test_a_forbidden_markdown_extension_stops_every_build(portal_copy: Path, run_cli) -> None:
    config = portal_copy / "mkdocs.yml"
    config.write_text(
        config.read_text("utf-8").replace("  - abbr\n", "  - abbr\n  - pymdownx.snippets\n"),
        "utf-8",
    )
    out = portal_copy / "site"
    status, _, err = run_cli(portal_copy, "build", "--keep-going", "--out", str(out))
    assert status == 1
    assert "mkdocs.yml:1: lỗi [forbidden-extension]" in err
    assert not out.exists()


def test_snippet_syntax_in_content_stays_plain_text(built_portal: Path) -> None:
    # The sample portal enables no include extension: a snippet line would be text.
    html = "".join(p.read_text("utf-8") for p in built_portal.rglob("*.html"))
    assert "pbgdpl-bbt/ky-thuat" not in html  # content/portal.yml never leaks into a page


def test_content_errors_stop_the_build_and_list_every_error(tmp_path: Path, run_cli) -> None:
    root = hostile_portal(tmp_path / "portal")
    out = root / "site"
    status, _, err = run_cli(root, "build", "--out", str(out), "--as-of", AS_OF.isoformat())
    assert status == 1
    errors = [line for case in CASES for line in case.expected if ": lỗi [" in line]
    for line in errors:
        assert line in err
    assert f"Không dựng cổng: nội dung có {len(errors)} lỗi" in err
    assert not out.exists()


def inert(output: str) -> bool:
    """Tell whether printed text starts no CI command on any line and sends no control."""
    lines = output.split("\n")
    return not any(line.lstrip().startswith("::") for line in lines) and not any(
        (ch < " " and ch != "\t") or "\x7f" <= ch <= "\x9f" for ch in output.replace("\n", "")
    )


def test_validate_prints_content_as_inert_lines(tmp_path: Path, run_cli) -> None:
    root = hostile_portal(tmp_path / "portal")
    status, out, err = run_cli(root, "validate")
    assert status == 1
    assert inert(out) and inert(err)
    status, out, _ = run_cli(root, "validate", "--format", "github")
    lines = out.splitlines()
    assert lines and all(line.startswith(("::error file=", "::warning file=")) for line in lines)
    assert inert("\n".join(line.split("::", 2)[2] for line in lines))
    key = next(line for line in lines if "lenh.md" in line)
    assert "x%0A::add-mask::bi-mat%0A::error file=a::b" in key


@pytest.fixture(scope="module")
def kept_going(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, int, str]:
    """A good build of the sample portal, then the corpus added and built --keep-going."""
    root = copy_portal(tmp_path_factory.mktemp("keep-going") / "portal")
    out = root / "site"
    assert main(["--root", str(root), "build", "--out", str(out), "--as-of", "2026-11-23"]) == 0
    for case in CASES:
        case.make(root)
    # Front matter is printed by templates: it must come out as text, not markup.
    write(root / "agencies/nghe-an/tin-tuc/tieu-de-doc-hai.md", HOSTILE_FRONT_MATTER)
    err = io.StringIO()
    with contextlib.redirect_stderr(err), contextlib.redirect_stdout(io.StringIO()):
        status = main(
            [
                "--root",
                str(root),
                "build",
                "--keep-going",
                "--out",
                str(out),
                "--as-of",
                "2026-11-23",
            ]
        )
    return out, status, err.getvalue()


def test_keep_going_builds_every_other_agency(kept_going) -> None:
    out, status, err = kept_going
    assert status == 0, err
    assert inert(err)
    assert "Bỏ qua trang thành phần ha-noi (" in err
    assert "Bỏ qua trang thành phần bo-tu-phap (" in err
    for slug in CLEAN_AGENCIES:
        assert (out / slug / "index.html").is_file()
    # The broken agencies keep the pages they had; none of the corpus is published.
    assert (out / "ha-noi/index.html").is_file()
    assert not (out / "ha-noi/tin-tuc/script").exists()
    assert not (out / "bo-tu-phap/video/gia-mao").exists()


def test_no_published_page_runs_editor_code(kept_going) -> None:
    out, _, _ = kept_going
    page = (out / "nghe-an/tin-tuc/tieu-de-doc-hai/index.html").read_text("utf-8")
    assert "Tin &lt;script&gt;alert(1)&lt;/script&gt;" in page
    pages = list(out.rglob("*.html"))
    assert len(pages) > 100
    for page in pages:
        found = Markup(page.read_text("utf-8"))
        assert (found.inline_scripts, found.handlers, found.script_urls, found.frames) == (
            0,
            [],
            [],
            0,
        ), page


def test_sanitizer_cleans_a_page_the_loader_was_bypassed_for(tmp_path: Path) -> None:
    """Defence in depth: HTML that reaches MkDocs unchecked is still cleaned on output."""
    root = copy_portal(tmp_path / "portal")
    portal = load_portal(root)
    hostile = (
        'Mở đầu.\n\n<script>alert(1)</script>\n\n<img src="anh.png" onerror="alert(2)">\n\n'
        '[bấm](javascript:alert(3))\n\n<iframe srcdoc="<script>alert(4)</script>"></iframe>\n\n'
        '<object data="x"></object><form><input></form>\n\nKết thúc.\n'
    )
    item = next(i for i in portal.items if i.agency == "nghe-an")
    portal.items[portal.items.index(item)] = dataclasses.replace(item, body=hostile)
    catalog = Catalog.from_portal(portal, BuildMoment.now())
    staging = tmp_path / "staging"
    empty = tmp_path / "empty"
    empty.mkdir()
    result = render_site(
        SiteContext("nghe-an", catalog, root, AS_OF), root / "mkdocs.yml", empty, staging
    )
    assert result.error is None
    html = (staging / item.url / "index.html").read_text("utf-8")
    assert "Mở đầu." in html and "Kết thúc." in html
    found = Markup(html)
    assert (found.inline_scripts, found.handlers, found.script_urls, found.frames) == (0, [], [], 0)
    article = html[html.index("<article") : html.index("</article>")]
    for banned in ("javascript:", "<iframe", "srcdoc", "<object", "<form", "<input"):
        assert banned not in article


def test_every_page_carries_the_content_security_policy(built_portal: Path) -> None:
    policy = content_security_policy()
    assert "'unsafe-inline'" not in policy.split("script-src")[1].split(";")[0]
    # Every published page: the build's cache below the output is never served.
    for page in (built_portal / p for p in published_files(built_portal) if p.endswith(".html")):
        html = page.read_text("utf-8")
        if 'http-equiv="refresh"' in html:
            continue  # a redirect stub has no content and runs nothing
        assert Markup(html).csp == [policy], page
        first_script = html.find("<script")
        assert first_script == -1 or html.index("Content-Security-Policy") < first_script, page


CSP_LISTENER = """
window.__cspViolations = [];
document.addEventListener('securitypolicyviolation', e =>
  window.__cspViolations.push(e.violatedDirective + ' ' + e.blockedURI));
"""


TABS = 6


def test_browsing_the_portal_breaks_no_csp_rule(browser, built_portal: Path, portal_url) -> None:
    pages = sorted(
        {
            p.parent.relative_to(built_portal).as_posix()
            for p in built_portal.rglob("index.html")
            if "pagefind" not in p.parts
        }
    )
    # One page of each kind: homes, listings, items of every section, search, directory.
    by_kind: dict[str, str] = {}
    for path in pages:
        parts = [] if path == "." else path.split("/")
        kind = "/".join(parts[-2:-1]) + f"#{len(parts)}" if parts else "home"
        by_kind.setdefault(kind, path)
    context = browser.new_context()
    context.add_init_script(CSP_LISTENER)
    violations: dict[str, list[str]] = {}
    console: list[str] = []
    # Several tabs at once: each waits until its page has made no request for half a
    # second (a late request could break a rule), and those waits overlap.
    tabs = [context.new_page() for _ in range(TABS)]

    def on_console(message: ConsoleMessage) -> None:
        if "Content Security" in message.text:
            console.append(message.text)

    for tab in tabs:
        tab.on("console", on_console)
    kinds = list(by_kind.values())
    for start in range(0, len(kinds), TABS):
        batch = list(zip(tabs, kinds[start : start + TABS], strict=False))
        for tab, path in batch:
            tab.goto(portal_url + ("" if path == "." else path + "/"), wait_until="commit")
        for tab, path in batch:
            tab.wait_for_load_state("networkidle")
            found = tab.evaluate("window.__cspViolations")
            if found:
                violations[path] = found
    context.close()
    assert len(by_kind) > 15
    assert violations == {} and console == []


def test_hostile_output_never_leaves_the_output_folder(tmp_path: Path, run_cli) -> None:
    root = copy_portal(tmp_path / "portal")
    shutil.rmtree(root / "agencies/lao-cai")
    escape = root / "agencies" / "..lao-cai"
    escape.mkdir()
    out = root / "site"
    status, out_text, _ = run_cli(root, "validate")
    assert status == 1
    assert 'agencies/..lao-cai:1: lỗi [invalid-slug] Tên thư mục "..lao-cai"' in out_text
    assert not (root / "lao-cai").exists() and not out.exists()


def test_only_short_fields_are_warned_about_web_addresses() -> None:
    cited = "Tôi đọc tại https://moj.gov.vn/hoi-dap thì thấy cần giấy tờ gì?"
    assert plain_text_markup(cited, 1000) == []
    assert plain_text_markup(cited, 200) == ["địa chỉ web"]
    assert plain_text_markup("Hỏi đáp về 2 + 2 = 4 và email bbt@moj.gov.vn", 200) == []
