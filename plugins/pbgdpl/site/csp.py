"""The portal's Content-Security-Policy: scripts only from the portal, no inline code.

Pagefind compiles its WebAssembly search (`'wasm-unsafe-eval'`); videos play from the
providers in the allow-list; pictures come from the portal (or a `data:` raster image).
The same policy goes into every page's <meta> tag and into the CDN header files.
"""

from __future__ import annotations

from pbgdpl.model.videos import EMBED_ORIGINS

DIRECTIVES: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("default-src", ("'self'",)),
    ("script-src", ("'self'", "'wasm-unsafe-eval'")),
    ("style-src", ("'self'", "'unsafe-inline'")),
    ("img-src", ("'self'", "data:")),
    ("font-src", ("'self'",)),
    ("connect-src", ("'self'",)),
    ("media-src", ("'self'",)),
    ("frame-src", EMBED_ORIGINS),
    ("object-src", ("'none'",)),
    ("base-uri", ("'none'",)),
    ("form-action", ("'self'",)),
)
# Only honoured in an HTTP header, not in <meta>: no framing of the portal's pages.
HEADER_ONLY_DIRECTIVES: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("frame-ancestors", ("'none'",)),
)


def _join(directives: tuple[tuple[str, tuple[str, ...]], ...]) -> str:
    return "; ".join(f"{name} {' '.join(sources)}" for name, sources in directives)


def content_security_policy(header: bool = False) -> str:
    """Return the policy for a <meta> tag, or with `header=True` for an HTTP header."""
    return _join(DIRECTIVES + HEADER_ONLY_DIRECTIVES) if header else _join(DIRECTIVES)
