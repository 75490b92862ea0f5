"""Print the quality figures of one page of each type: axe, Lighthouse, the Nu HTML Checker.

    .venv/bin/python benchmarks/quality.py [--site DIR] [--skip axe lighthouse vnu]

Builds the sample portal into a temporary folder (or reads an already built `--site`),
serves it on 127.0.0.1 with gzip as a CDN would, and prints a table: axe-core violations
(headless Chromium), Lighthouse mobile scores (performance, accessibility, best practices,
SEO), Nu HTML Checker errors, then the bytes an agency's home page costs on a first load.
Targets (issue 10): 0 axe violations, Lighthouse ≥ 95/100/100/100, 0 Nu errors, ≤ 150 KB.

Lighthouse (npm `lighthouse`) and the Nu checker (npm `vnu-jar`, run with Debian's Java)
are installed with npm into a cache folder the first time. Figures are printed, never
asserted: the tests check behaviour, this script measures.
"""

from __future__ import annotations

import argparse
import contextlib
import functools
import gzip
import http.server
import json
import os
import shutil
import subprocess
import sys
import tempfile
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
AS_OF = "2026-11-23"
TOOLS = Path(os.environ.get("PBGDPL_TOOLS", Path.home() / ".cache/pbgdpl/quality-tools"))
NPM_PACKAGES = ("lighthouse@13.5.0", "vnu-jar@26.9.27")
CHROMIUM = Path("/usr/lib/chromium/chromium")  # the binary, not Debian's shell wrapper
WEIGHT_TARGET = 150 * 1024
COMPRESSED = (".html", ".css", ".js", ".json", ".svg", ".webmanifest", ".xml", ".txt")

# Page types and where the sample portal has one (first existing path wins); pages that
# other issues are still building are measured once they exist.
PAGE_TYPES: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("Trang chủ cổng", ("",)),
    ("Trang chủ đơn vị", ("bo-tu-phap/",)),
    ("Danh sách chuyên mục", ("bo-tu-phap/tin-tuc/",)),
    ("Văn bản", ("bo-tu-phap/van-ban-moi/*/",)),
    ("Hỏi đáp", ("bo-tu-phap/hoi-dap/",)),
    ("Video", ("bo-tu-phap/video/*/",)),
    ("Trắc nghiệm", ("bo-tu-phap/cuoc-thi/*/",)),
    ("Tìm kiếm", ("tim-kiem/",)),
    ("Tình hình cập nhật", ("tinh-hinh-cap-nhat/",)),
    ("Tình hình một đơn vị", ("tinh-hinh-cap-nhat/don-vi/bo-tu-phap/",)),
    ("Phổ biến văn bản theo đơn vị", ("tinh-hinh-cap-nhat/pho-bien-van-ban/",)),
    ("Số liệu một năm", ("thong-ke/*/",)),
    ("Số liệu một chỉ tiêu", ("thong-ke/*/so-cuoc-truc-tiep/",)),
    ("Trang tiếng Anh", ("bo-tu-phap/en/",)),
)
AGENCY_HOME = "bo-tu-phap/"


@dataclass
class Figures:
    """What was measured on one page; None where a tool was skipped or failed."""

    kind: str
    path: str
    axe: int | None = None
    axe_rules: list[str] = field(default_factory=list)
    lighthouse: dict[str, int] | None = None
    lighthouse_failed: list[str] = field(default_factory=list)
    nu_errors: int | None = None
    nu_messages: list[str] = field(default_factory=list)


class GzipHandler(http.server.SimpleHTTPRequestHandler):
    """Serve files as a CDN would: text compressed with gzip when the browser accepts it."""

    def log_message(self, format: str, *args: object) -> None:
        pass

    def send_head(self):  # type: ignore[no-untyped-def]
        path = Path(self.translate_path(self.path))
        if path.is_dir() and self.path.split("?")[0].endswith("/"):
            path = path / "index.html"
        accepts = "gzip" in self.headers.get("Accept-Encoding", "")
        if not (accepts and path.is_file() and path.suffix in COMPRESSED):
            return super().send_head()  # also redirects "folder" to "folder/"
        body = gzip.compress(path.read_bytes(), 6)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "public, max-age=3600")
        self.end_headers()
        return _Body(body)


class _Body:
    """A file-like body for SimpleHTTPRequestHandler.copyfile."""

    def __init__(self, data: bytes) -> None:
        self.data = data

    def read(self, size: int = -1) -> bytes:
        data, self.data = (self.data, b"") if size < 0 else (self.data[:size], self.data[size:])
        return data

    def close(self) -> None:
        pass


@contextlib.contextmanager
def serve(folder: Path) -> Iterator[str]:
    """Serve `folder` on 127.0.0.1 with gzip; yield its root URL."""
    handler = functools.partial(GzipHandler, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


def build_sample(out: Path) -> None:
    """Build the sample portal into `out`."""
    from pbgdpl.cli import main

    status = main(["--root", str(REPO), "build", "--out", str(out), "--as-of", AS_OF])
    if status != 0:
        print(f"cảnh báo: lệnh dựng trả mã {status}; đo trên những trang đã dựng", file=sys.stderr)


def find_pages(site: Path) -> list[tuple[str, str]]:
    """Return (page type, path) for each page type the built site has."""
    found = []
    for kind, candidates in PAGE_TYPES:
        for pattern in candidates:
            matches = (
                sorted(site.glob(pattern + "index.html"))
                if "*" in pattern
                else (
                    [site / pattern / "index.html"]
                    if (site / pattern / "index.html").is_file()
                    else []
                )
            )
            if matches:
                found.append((kind, matches[0].parent.relative_to(site).as_posix() + "/"))
                break
        else:
            print(f"chưa có trang loại “{kind}” trong bản dựng; bỏ qua", file=sys.stderr)
    return [(kind, "" if path == "./" else path) for kind, path in found]


def ensure_npm_tools() -> Path:
    """Install Lighthouse and vnu-jar with npm into the tools folder if they are missing."""
    bin_dir = TOOLS / "node_modules/.bin"
    if not (bin_dir / "lighthouse").exists() or not vnu_jar().is_file():
        TOOLS.mkdir(parents=True, exist_ok=True)
        print(f"Cài {', '.join(NPM_PACKAGES)} vào {TOOLS} (npm) …", file=sys.stderr)
        subprocess.run(
            [
                "npm",
                "install",
                "--prefix",
                str(TOOLS),
                "--no-audit",
                "--no-fund",
                "--ignore-scripts",
                *NPM_PACKAGES,
            ],
            check=True,
            stdout=subprocess.DEVNULL,
        )
    return bin_dir


def vnu_jar() -> Path:
    return TOOLS / "node_modules/vnu-jar/build/dist/vnu.jar"


def run_axe(url: str, pages: list[Figures]) -> None:
    """Count axe-core violations of each page in headless Chromium."""
    from axe_playwright_python.sync_playwright import Axe
    from playwright.sync_api import sync_playwright

    axe = Axe()
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=["--no-sandbox"])
        for figures in pages:
            for width in (360, 1280):
                page = browser.new_page(viewport={"width": width, "height": 800})
                page.goto(url + figures.path, wait_until="networkidle")
                violations = axe.run(page).response["violations"]
                page.close()
                figures.axe = (figures.axe or 0) + len(violations)
                figures.axe_rules += [f"{v['id']}@{width}px" for v in violations]
        browser.close()


def run_lighthouse(url: str, pages: list[Figures], bin_dir: Path) -> None:
    """Run Lighthouse (mobile, simulated slow 4G) on each page."""
    env = {**os.environ, "CHROME_PATH": str(CHROMIUM)}
    categories = ("performance", "accessibility", "best-practices", "seo")
    for figures in pages:
        done = subprocess.run(
            [
                str(bin_dir / "lighthouse"),
                url + figures.path,
                "--quiet",
                "--output=json",
                "--output-path=stdout",
                "--only-categories=" + ",".join(categories),
                "--chrome-flags=--headless=new --no-sandbox --disable-gpu",
            ],
            capture_output=True,
            text=True,
            env=env,
            timeout=240,
        )
        if done.returncode != 0:
            print(f"Lighthouse lỗi ở /{figures.path}: {done.stderr[-500:]}", file=sys.stderr)
            continue
        report = json.loads(done.stdout)
        figures.lighthouse = {
            name: round((report["categories"][name]["score"] or 0) * 100) for name in categories
        }
        for name in categories:
            for ref in report["categories"][name]["auditRefs"]:
                audit = report["audits"][ref["id"]]
                if ref["weight"] and audit["score"] is not None and audit["score"] < 1:
                    figures.lighthouse_failed.append(f"{name}:{ref['id']}")


def run_nu(site: Path, pages: list[Figures]) -> None:
    """Check each page's HTML file with the Nu HTML Checker."""
    files = {str(site / figures.path / "index.html"): figures for figures in pages}
    done = subprocess.run(
        ["java", "-jar", str(vnu_jar()), "--format", "json", "--exit-zero-always", *files],
        capture_output=True,
        text=True,
        timeout=300,
    )
    for figures in pages:
        figures.nu_errors = 0
    for message in json.loads(done.stderr or '{"messages": []}')["messages"]:
        path = message.get("url", "").removeprefix("file:")
        figures = files.get(path)
        if figures is not None and message["type"] == "error":
            figures.nu_errors = (figures.nu_errors or 0) + 1
            figures.nu_messages.append(f"{message.get('lastLine', '?')}: {message['message']}")


def first_load_bytes(url: str) -> tuple[int, int, list[tuple[str, int]]]:
    """Return the bytes a first visit of a page transfers, compressed and not, and by file."""
    from playwright.sync_api import sync_playwright

    transferred = 0
    uncompressed = 0
    files = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=["--no-sandbox"])
        page = browser.new_page(viewport={"width": 360, "height": 800})
        responses = []
        page.on("response", lambda response: responses.append(response))
        page.goto(url, wait_until="networkidle")
        for response in responses:
            sizes = response.request.sizes()
            size = sizes["responseBodySize"] + sizes["responseHeadersSize"]
            body = len(response.body())
            transferred += size
            uncompressed += body
            files.append((response.url.removeprefix(url) or "(trang)", size))
        browser.close()
    return transferred, uncompressed, files


def cell(value: object) -> str:
    return "—" if value is None else str(value)


def print_table(pages: list[Figures]) -> None:
    header = (
        "Loại trang",
        "Đường dẫn",
        "axe",
        "LH hiệu năng",
        "LH tiếp cận",
        "LH thực hành",
        "LH SEO",
        "Nu lỗi",
    )
    rows = [header]
    for f in pages:
        lh = f.lighthouse or {}
        rows.append(
            (
                f.kind,
                "/" + f.path,
                cell(f.axe),
                cell(lh.get("performance")),
                cell(lh.get("accessibility")),
                cell(lh.get("best-practices")),
                cell(lh.get("seo")),
                cell(f.nu_errors),
            )
        )
    widths = [max(len(row[i]) for row in rows) for i in range(len(header))]
    for number, row in enumerate(rows):
        print(" | ".join(text.ljust(width) for text, width in zip(row, widths, strict=True)))
        if number == 0:
            print("-+-".join("-" * width for width in widths))
    for f in pages:
        details = [*f.axe_rules, *f.lighthouse_failed, *f.nu_messages]
        if details:
            print(f"\n/{f.path}:")
            for line in details:
                print(f"  - {line}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--site", type=Path, help="thư mục cổng đã dựng (mặc định: dựng cổng mẫu)")
    parser.add_argument("--skip", nargs="*", default=[], choices=("axe", "lighthouse", "vnu"))
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="pbgdpl-quality-") as scratch:
        site = args.site
        if site is None:
            site = Path(scratch) / "site"
            build_sample(site)
        pages = [Figures(kind, path) for kind, path in find_pages(site)]
        needs_npm = {"lighthouse", "vnu"} - set(args.skip)
        bin_dir = ensure_npm_tools() if needs_npm else TOOLS
        if "vnu" not in args.skip:
            if shutil.which("java") is None:
                print(
                    "Thiếu Java (apt-get install default-jre-headless): bỏ qua Nu", file=sys.stderr
                )
            else:
                run_nu(site, pages)
        with serve(site) as url:
            if "axe" not in args.skip:
                run_axe(url, pages)
            if "lighthouse" not in args.skip:
                run_lighthouse(url, pages, bin_dir)
            transferred, uncompressed, files = first_load_bytes(url + AGENCY_HOME)
        print_table(pages)
        verdict = "đạt" if transferred <= WEIGHT_TARGET else "VƯỢT"
        print(
            f"\nTrang chủ đơn vị /{AGENCY_HOME}, lần tải đầu (HTML + CSS + JS + phông + ảnh): "
            f"{transferred / 1024:.1f} KB truyền đi (gzip), {uncompressed / 1024:.1f} KB chưa nén; "
            f"mục tiêu ≤ {WEIGHT_TARGET // 1024} KB: {verdict}"
        )
        for name, size in files:
            print(f"  {size / 1024:7.1f} KB  {name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
