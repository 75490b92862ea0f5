"""The web editor's own Content-Security-Policy; citizens' pages keep theirs (site/csp.py).

Decap CMS compiles its configuration schema at run time (ajv uses `new Function`) and
styles its components inline, so the editor needs `'unsafe-eval'` and inline styles that
no citizen's page allows. It talks to the forge's API (or the local Git server) and shows
pictures being uploaded as `blob:` addresses. Nothing else is allowed.
"""

from __future__ import annotations

from urllib.parse import urlsplit

from pbgdpl.model.forge import Forge
from pbgdpl.webeditor.config import LocalBackend


def _origin(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"


def forge_origins(forge: Forge) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """Return the origins the editor connects to and shows pictures from, for a forge."""
    if forge.kind == "github":
        api = _origin(forge.server) if forge.server else "https://api.github.com"
        login = (_origin(forge.auth_url),) if forge.auth_url else ()
        pictures = ("https://avatars.githubusercontent.com", "https://raw.githubusercontent.com")
        return (api, *login), pictures
    server = _origin(forge.server or "https://gitlab.com")
    return (server,), (server,)


def editor_policy(forge: Forge, local: LocalBackend | None = None) -> str:
    """Return the policy of the editor's pages, for a <meta> tag and an HTTP header alike."""
    connect, pictures = ((_origin(local.api),), ()) if local else forge_origins(forge)
    directives = (
        ("default-src", ("'self'",)),
        ("script-src", ("'self'", "'unsafe-eval'")),
        ("style-src", ("'self'", "'unsafe-inline'")),
        ("img-src", ("'self'", "data:", "blob:", *pictures)),
        ("font-src", ("'self'", "data:")),
        ("connect-src", ("'self'", "blob:", *connect)),
        ("media-src", ("'self'", "blob:")),
        ("frame-src", ("'self'", "blob:")),
        ("object-src", ("'none'",)),
        ("base-uri", ("'self'",)),
        ("form-action", ("'none'",)),
    )
    return "; ".join(f"{name} {' '.join(sources)}" for name, sources in directives)
