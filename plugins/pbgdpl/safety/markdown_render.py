"""Render an editor's Markdown the way the site build does, to report what is removed."""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

import markdown
import yaml

from pbgdpl.safety.heading_ids import heading_id

# Extensions that read other files or pass raw attributes: never for editors' content.
FORBIDDEN_EXTENSIONS = frozenset(
    {
        "pymdownx.snippets",
        "markdown_include.include",
        "mdx_include",
        "attr_list",
        "md_in_html",
        "pymdownx.arithmatex",
        "mkdocs_macros",
        "include",
    }
)


class ForbiddenExtension(ValueError):
    """mkdocs.yml enables a Markdown extension that would let editors include files."""


def configured_extensions(root: Path) -> tuple[list[str], dict[str, dict[str, Any]]]:
    """Return the Markdown extensions of mkdocs.yml and their settings (none without one)."""
    path = root / "mkdocs.yml"
    try:
        config = yaml.safe_load(path.read_text("utf-8")) if path.is_file() else {}
    except yaml.YAMLError as error:
        raise ForbiddenExtension(
            f"mkdocs.yml không đọc được ({error.__class__.__name__}); sửa cú pháp YAML của tệp "
            "(mkdocs.yml cannot be read)."
        ) from None
    if not isinstance(config, dict):
        config = {}
    names: list[str] = []
    settings: dict[str, dict[str, Any]] = {}
    for entry in config.get("markdown_extensions") or []:
        name, options = next(iter(entry.items())) if isinstance(entry, dict) else (entry, {})
        if name in FORBIDDEN_EXTENSIONS:
            raise ForbiddenExtension(
                f"mkdocs.yml: phần mở rộng Markdown {name!r} cho phép chèn tệp hoặc thuộc tính "
                "HTML vào bài viết nên không được bật (forbidden for editors' content)."
            )
        names.append(name)
        settings[name] = options or {}
    return names, settings


@cache
def _renderer(root: Path) -> markdown.Markdown:
    names, settings = configured_extensions(root)
    if "toc" in names:
        settings["toc"] = {**settings["toc"], "slugify": heading_id}
    return markdown.Markdown(extensions=names, extension_configs=settings)


def render_markdown(root: Path, text: str) -> str:
    """Render `text` with the portal's Markdown extensions, as MkDocs would."""
    renderer = _renderer(root)
    try:
        return renderer.convert(text)
    finally:
        renderer.reset()
