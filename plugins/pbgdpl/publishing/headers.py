"""Cache and security rules for CDNs: a `_headers` file and an nginx snippet.

Fingerprinted files (a hash in the name, so a new version gets a new name) are cached for a
year as immutable: Pagefind's chunk files (`fragment/`, `index/`, `filter/`, `*.pf_meta`).
Everything else, HTML first, is revalidated on every use, so a reader never gets
yesterday's legal status from a cache. `pagefind.js` and `pagefind-entry.json` keep their
names from one index to the next and are revalidated too.

Text files are sent compressed: nginx sends the `.br` or `.gz` copy written beside each
file (`brotli_static`, `gzip_static`); Netlify and Cloudflare Pages compress by themselves.

The web editor (`bien-tap/`, written by `build --editor`) gets its own Content-Security-
Policy (`webeditor/security.py`); every other page keeps the citizens' policy. In nginx its
location comes first and replaces the policy. Cloudflare Pages joins the values of a header
set by several matching rules, so its block first detaches the citizens' policy
(`! Content-Security-Policy`); Netlify takes the most specific rule's value and does not
know the `!` line, which a Netlify deployment drops (README).
"""

from __future__ import annotations

from pathlib import Path

from pbgdpl.publishing.output import BOOKKEEPING_PREFIX, write_changed
from pbgdpl.site.csp import content_security_policy
from pbgdpl.webeditor.admin import EDITOR_PATH

HEADERS_FILE = "_headers"
NGINX_FILE = "nginx.conf"
IMMUTABLE = "public, max-age=31536000, immutable"
REVALIDATE = "no-cache"
PAGEFIND_ENTRY = "pagefind-entry.json"
PAGEFIND_HASHED = ("fragment/*", "index/*", "filter/*", "*.pf_meta")
CONTENT_TYPES = {
    "pf_fragment": "application/octet-stream",
    "pf_index": "application/octet-stream",
    "pf_meta": "application/octet-stream",
    "pf_filter": "application/octet-stream",
    "pagefind": "application/octet-stream",
    "wasm": "application/wasm",
}
FEED_TYPES = {"feed.xml": "application/atom+xml", "feed.json": "application/feed+json"}
# The editor's files, by extension: Decap reads its configuration only when served as YAML.
EDITOR_TYPES = {
    "html": "text/html",
    "css": "text/css",
    "js": "application/javascript",
    "yml": "text/yaml",
    "wasm": "application/wasm",
}


def security_headers(policy: str | None = None) -> dict[str, str]:
    """Return the headers every response carries; `policy` replaces the citizens' CSP."""
    return {
        "Content-Security-Policy": policy or content_security_policy(header=True),
        "X-Content-Type-Options": "nosniff",
        "Referrer-Policy": "strict-origin-when-cross-origin",
        "Permissions-Policy": "camera=(), microphone=(), geolocation=()",
    }


def _pagefind_prefixes(files: list[str]) -> list[str]:
    """Return the URL prefix of every Pagefind bundle, agency folders as a placeholder."""
    prefixes = set()
    for name in files:
        if name == PAGEFIND_ENTRY or name.endswith("/" + PAGEFIND_ENTRY):
            folders = name.split("/")[:-1]
            placeholders = [f":site{n}" if n else ":site" for n in range(len(folders) - 1)]
            prefixes.add("/" + "/".join([*placeholders, folders[-1]]) + "/")
    return sorted(prefixes, key=lambda p: (p.count("/"), p))


def immutable_patterns(files: list[str]) -> list[str]:
    """Return the URL patterns of fingerprinted files among the published `files`."""
    prefixes = _pagefind_prefixes(files)
    return [prefix + suffix for prefix in prefixes for suffix in PAGEFIND_HASHED]


def render_headers(out: Path, files: list[str], editor_policy: str) -> str:
    """Return the `_headers` file (Netlify, Cloudflare Pages) of `out`, whose published
    files are `files`: one block per pattern.

    Both hosts join the values of a header set by several matching rules, so each file
    gets Cache-Control from one rule only: HTML by its address, fingerprinted files by
    theirs; other files keep the host's default, which revalidates. The editor's block,
    when the editor is in `out`, replaces the policy for its pages alone.
    """
    blocks = [("/*", security_headers())]
    blocks += [(p, {"Cache-Control": REVALIDATE}) for p in ("/", "/*/", "/*.html")]
    blocks += [(p, {"Cache-Control": IMMUTABLE}) for p in immutable_patterns(files)]
    blocks += [(f"/*.{ext}", {"Content-Type": kind}) for ext, kind in CONTENT_TYPES.items()]
    blocks += [(f"/*{name}", {"Content-Type": kind}) for name, kind in FEED_TYPES.items()]
    lines = ["# Cổng PBGDPL: tiêu đề HTTP cho CDN (sinh tự động khi dựng cổng, đừng sửa tay)."]
    for pattern, headers in blocks:
        lines.append(pattern)
        lines += [f"  {name}: {value}" for name, value in headers.items()]
    if (out / EDITOR_PATH).is_dir():
        lines += [
            "# Trang biên tập: chính sách riêng thay cho chính sách của trang người dân.",
            f"/{EDITOR_PATH}/*",
            "  ! Content-Security-Policy",
            f"  Content-Security-Policy: {editor_policy}",
            f"/{EDITOR_PATH}/*.yml",
            f"  Content-Type: {EDITOR_TYPES['yml']}",
        ]
    return "\n".join(lines) + "\n"


def _nginx_location(
    pattern: str, cache: str, types: str | dict[str, str] | None = None, policy: str | None = None
) -> list[str]:
    # A regular expression is quoted: nginx would read its "{8}" as a block.
    match = "/" if pattern == "/" else f'~ "{pattern}"'
    lines = [f"location {match} {{"]
    if isinstance(types, dict):
        # A types block here replaces the server's: exactly these files, these types.
        lines += ["    types {", *(f"        {t} {ext};" for ext, t in types.items()), "    }"]
    elif types:
        # An empty types block makes default_type the type of every file here.
        lines += ["    types { }", f"    default_type {types};"]
    lines.append(f'    add_header Cache-Control "{cache}" always;')
    security = security_headers(policy).items()
    lines += [f'    add_header {name} "{value}" always;' for name, value in security]
    return [*lines, "}"]


def render_nginx(editor_policy: str) -> str:
    """Return an nginx snippet to include in the `server` block that serves the portal.

    The locations match anywhere in the path, so the portal may sit below any prefix
    (`root` must map the URL to the files). A location's `add_header` replaces the
    inherited ones, so each repeats the security headers. nginx tries regular expressions
    in order: the editor's comes first, so its files get its policy and no other.
    """
    octet = "application/octet-stream"
    lines = [
        "# Cổng PBGDPL: quy tắc cho nginx (sinh tự động khi dựng cổng, đừng sửa tay).",
        "# Đưa vào khối server { root …; include …/nginx.conf; } phục vụ thư mục cổng.",
        "charset utf-8;",
        "index index.html;",
        "error_page 404 /404.html;  # chỉ đúng khi cổng nằm ở gốc tên miền",
        "# Gửi bản nén sẵn page.html.gz / page.html.br khi trình duyệt nhận được (sends the",
        "# precompressed copies). brotli_static cần mô-đun ngx_brotli (Debian:",
        "# libnginx-mod-http-brotli-static); thiếu mô-đun thì xóa dòng brotli_static.",
        "gzip_static on;",
        "gzip_vary on;",
        "brotli_static on;",
        "",
        "# Sổ sách và bộ nhớ đệm của lần dựng (.pbgdpl-cache giữ cả bản nháp) không bao giờ được",
        "# phục vụ (the build's bookkeeping and cache, drafts included, are never served).",
        f'location ~ "/\\{BOOKKEEPING_PREFIX}" {{',
        "    return 404;",
        "}",
        "",
    ]
    locations = [
        _nginx_location(f"/{EDITOR_PATH}/", REVALIDATE, EDITOR_TYPES, editor_policy),
        _nginx_location(r"/pagefind/(?:fragment|index|filter)/[^/]+$", IMMUTABLE, octet),
        _nginx_location(r"/pagefind/[^/]+\.pf_meta$", IMMUTABLE, octet),
        _nginx_location(r"\.(?:pf_fragment|pf_index|pf_filter|pagefind)$", REVALIDATE, octet),
        _nginx_location(r"\.wasm$", REVALIDATE, "application/wasm"),
        _nginx_location(r"/feed\.xml$", REVALIDATE, "application/atom+xml"),
        _nginx_location(r"/feed\.json$", REVALIDATE, "application/feed+json"),
        _nginx_location("/", REVALIDATE),
    ]
    for location in locations:
        lines += [*location, ""]
    return "\n".join(lines).rstrip("\n") + "\n"


def write_cdn_rules(out: Path, editor_policy: str, files: list[str]) -> list[Path]:
    """Write `_headers` and `nginx.conf` at the portal root, whose published files are
    `files`; return their paths."""
    write_changed(out / HEADERS_FILE, render_headers(out, files, editor_policy))
    write_changed(out / NGINX_FILE, render_nginx(editor_policy))
    return [out / HEADERS_FILE, out / NGINX_FILE]
