"""Write the web editor's files: a page and a configuration per agency, the CMS, the preview.

The Decap CMS bundle comes from `node_modules/` (installed by `npm ci` from the committed
package-lock.json, never copied into the repository) and is served from the portal's own
origin under `bien-tap/`, so no page of the editor loads code from a CDN.
"""

from __future__ import annotations

import html
import shutil
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

import yaml

from pbgdpl.loading.portal import load_portal
from pbgdpl.model.agency import Agency
from pbgdpl.model.forge import Forge
from pbgdpl.model.settings import PortalSettings
from pbgdpl.model.vocabularies import load_vocabularies
from pbgdpl.webeditor.config import LocalBackend, editor_config
from pbgdpl.webeditor.preview import preview_script
from pbgdpl.webeditor.security import editor_policy

EDITOR_PATH = "bien-tap"
"""Where the editor is served: /bien-tap/ lists the agencies, /bien-tap/<agency>/ edits one."""
BUNDLE = Path("node_modules/decap-cms/dist")
STATIC = ("locale-vi.js", "preview.js", "start.js", "editor.css")


class EditorError(Exception):
    """The editor cannot be written: the message says why and what to run, in Vietnamese."""


@dataclass(frozen=True)
class EditorSite:
    """The editor's files as written: its folder, the agencies it serves, its policy."""

    folder: Path
    agencies: tuple[str, ...]
    policy: str


def _page(title: str, policy: str, head: str, body: str) -> str:
    return f"""<!doctype html>
<html lang="vi">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="{html.escape(policy)}">
<meta name="robots" content="noindex">
<title>{html.escape(title)}</title>
{head}
</head>
<body>
{body}
</body>
</html>
"""


def agency_page(agency: Agency, policy: str) -> str:
    """Return the page of one agency's editor: the CMS with its configuration, the preview."""
    head = (
        '<link href="config.yml" type="text/yaml" rel="cms-config-url">\n'
        '<link href="../editor.css" rel="stylesheet">'
    )
    body = (
        '<script src="../sections.js"></script>\n'
        '<script src="../decap/decap-cms.js"></script>\n'
        '<script src="../locale-vi.js"></script>\n'
        '<script src="../preview.js"></script>\n'
        '<script src="../start.js"></script>'
    )
    return _page(f"Biên tập: {agency.name}", policy, head, body)


def index_page(agencies: list[Agency], policy: str) -> str:
    """Return the editor's home: each agency's editor, by name."""
    links = "\n".join(
        f'<li><a href="{html.escape(a.slug)}/">{html.escape(a.name)}</a></li>' for a in agencies
    )
    body = (
        '<main class="pb-editor-home">\n<h1>Biên tập trên trình duyệt</h1>\n'
        "<p>Chọn trang thành phần của đơn vị mình. Bài viết được lưu thành đề nghị thay đổi "
        "(pull request); Ban Biên tập duyệt rồi mới đăng.</p>\n"
        f"<ul>\n{links}\n</ul>\n</main>"
    )
    head = '<link href="editor.css" rel="stylesheet">'
    return _page("Biên tập trên trình duyệt", policy, head, body)


def _copy_bundle(root: Path, target: Path) -> None:
    """Copy Decap CMS's bundle (its entry, lazily loaded chunks and WebAssembly) from npm."""
    source = root / BUNDLE
    if not (source / "decap-cms.js").is_file():
        raise EditorError(
            f"Chưa cài Decap CMS ({BUNDLE.as_posix()}/decap-cms.js không có): chạy 'make editor' "
            "hoặc 'npm ci' ở thư mục gốc của kho (Decap CMS is not installed)."
        )
    target.mkdir(parents=True, exist_ok=True)
    for path in source.iterdir():
        if path.name.endswith(".decap-cms.js") or path.suffix == ".wasm":
            shutil.copy2(path, target / path.name)
    shutil.copy2(source / "decap-cms.js", target / "decap-cms.js")


def _copy_portal_styles(root: Path, target: Path) -> None:
    """Copy the portal's CSS (Material's and ours) for the preview pane."""
    target.mkdir(parents=True, exist_ok=True)
    stylesheets = Path(str(resources.files("material"))) / "templates/assets/stylesheets"
    main = next(stylesheets.glob("main.*.min.css"))
    shutil.copy2(main, target / "material.css")
    shutil.copy2(root / "theme/assets/pbgdpl/portal.css", target / "portal.css")


def max_upload_bytes(settings: PortalSettings | None) -> int:
    """Return the largest picture or attachment `validate` accepts (max_attachment_mb)."""
    megabytes = settings.max_attachment_mb if settings else PortalSettings.max_attachment_mb
    return megabytes * 1024 * 1024


def write_editor(
    root: Path, out: Path, site_url: str | None = None, local: LocalBackend | None = None
) -> EditorSite:
    """Write the editor of every agency into `out`/bien-tap/; return what was written.

    `local` serves it over this checkout through the CMS's local Git server (make editor);
    otherwise it logs in to the forge named in content/portal.yml.
    """
    portal = load_portal(root)
    forge = portal.settings.editor if portal.settings else Forge()
    base = site_url or (portal.settings.base_url if portal.settings else "/")
    policy = editor_policy(forge, local)
    folder = out / EDITOR_PATH
    if folder.exists():
        shutil.rmtree(folder)
    _copy_bundle(root, folder / "decap")
    _copy_portal_styles(root, folder / "preview")
    static = resources.files("pbgdpl.webeditor").joinpath("static")
    for name in STATIC:
        (folder / name).write_text(static.joinpath(name).read_text("utf-8"), "utf-8")
    (folder / "sections.js").write_text(preview_script(max_upload_bytes(portal.settings)), "utf-8")
    agencies = sorted(portal.agencies.values(), key=lambda a: a.slug)
    vocabularies = load_vocabularies()
    max_bytes = max_upload_bytes(portal.settings)
    for agency in agencies:
        config = editor_config(
            agency, forge, f"{base}{agency.slug}/", vocabularies, local, max_bytes
        )
        (folder / agency.slug).mkdir()
        (folder / agency.slug / "config.yml").write_text(
            yaml.safe_dump(config, allow_unicode=True, sort_keys=False, width=100), "utf-8"
        )
        (folder / agency.slug / "index.html").write_text(agency_page(agency, policy), "utf-8")
    (folder / "index.html").write_text(index_page(agencies, policy), "utf-8")
    return EditorSite(folder, tuple(a.slug for a in agencies), policy)
