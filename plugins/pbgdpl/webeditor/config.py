"""An agency's web editor configuration: its backend, Vietnamese UI and messages, collections.

Each agency gets its own configuration, so its editors see only their agency's sections.
Saving opens a branch and a pull request through Decap's editorial workflow (draft → in
review → ready); the board merges it on the forge after the same checks as any other change.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from pbgdpl.model.agency import Agency
from pbgdpl.model.forge import Forge
from pbgdpl.model.sections import SECTIONS_BY_SLUG
from pbgdpl.model.vocabularies import Vocabularies
from pbgdpl.webeditor.collections import collection

# Commit messages and so pull-request titles, in Vietnamese: {{collection}} is what an item
# is called ("câu hỏi"), {{slug}} its file name, {{path}} a picture's or attachment's file.
COMMIT_MESSAGES = {
    "create": "Thêm {{collection}} “{{slug}}” (trình biên tập)",
    "update": "Sửa {{collection}} “{{slug}}” (trình biên tập)",
    "delete": "Xóa {{collection}} “{{slug}}” (trình biên tập)",
    "uploadMedia": "Tải lên tệp “{{path}}” (trình biên tập)",
    "deleteMedia": "Xóa tệp “{{path}}” (trình biên tập)",
    "openAuthoring": "{{message}}",
}
# File names of new items and uploads: lower case ASCII, accents dropped, words joined by "-".
SLUG_RULE = {"encoding": "ascii", "clean_accents": True, "sanitize_replacement": "-"}


@dataclass(frozen=True)
class LocalBackend:
    """The CMS's local Git server (decap-server) on this machine: no account, no forge."""

    api: str
    """Its API address, such as http://127.0.0.1:8081/api/v1."""
    branch: str


def forge_backend(forge: Forge) -> dict[str, Any]:
    """Return the backend of the portal's forge: where editors log in and pull requests open."""
    backend: dict[str, Any] = {
        "name": forge.kind,
        "repo": forge.repo,
        "branch": forge.branch,
        "commit_messages": COMMIT_MESSAGES,
        "squash_merges": True,
    }
    if forge.kind == "github":
        if forge.auth_url:
            backend["base_url"] = forge.auth_url
        if forge.server:
            backend["api_root"] = f"{forge.server}/api/v3"
    else:
        server = forge.server or "https://gitlab.com"
        api = "/api/v1" if forge.kind == "gitea" else "/api/v4"
        backend |= {"app_id": forge.app_id, "base_url": server, "api_root": server + api}
        if forge.kind == "gitlab":
            backend["auth_type"] = "pkce"
    return backend


def local_backend(local: LocalBackend) -> dict[str, Any]:
    """Return the backend of `make editor`: the local Git server over this checkout."""
    return {
        "name": "proxy",
        "proxy_url": local.api,
        "branch": local.branch,
        "commit_messages": COMMIT_MESSAGES,
    }


def media_folder(agency: Agency) -> str:
    """Return the folder of the editor's shared media library: a section of the agency's."""
    section = "tin-tuc" if "tin-tuc" in agency.sections else agency.sections[0]
    return f"agencies/{agency.slug}/{section}"


def limit_uploads(fields: list[dict[str, Any]], max_bytes: int) -> None:
    """Refuse in the form a picture or attachment larger than `validate` accepts.

    Decap reads the limit from each file or image field's media library settings; nested
    fields (a list of attachments) get it too.
    """
    for field in fields:
        if field.get("widget") in ("file", "image"):
            library = field.setdefault("media_library", {})
            library.setdefault("config", {})["max_file_size"] = max_bytes
        limit_uploads([f for f in (field.get("field"),) if f] + field.get("fields", []), max_bytes)


def editor_config(
    agency: Agency,
    forge: Forge,
    site_url: str,
    vocabularies: Vocabularies,
    local: LocalBackend | None = None,
    max_upload_bytes: int = 20 * 1024 * 1024,
) -> dict[str, Any]:
    """Return the Decap CMS configuration of one agency's editor."""
    collections = [
        collection(SECTIONS_BY_SLUG[slug], agency.slug, vocabularies.for_agency(agency.slug))
        for slug in agency.sections
    ]
    for each in collections:
        limit_uploads(each["fields"], max_upload_bytes)
    return {
        "locale": "vi",
        "backend": local_backend(local) if local else forge_backend(forge),
        "publish_mode": "editorial_workflow",
        "site_url": site_url,
        "display_url": site_url,
        "media_folder": media_folder(agency),
        "public_folder": "",
        "slug": SLUG_RULE,
        "collections": collections,
    }
