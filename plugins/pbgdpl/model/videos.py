"""Video providers the portal embeds, and how an editor's video address becomes an embed.

Editors give the address of a video page; the portal never copies an editor's HTML
player. Only the providers below are accepted, matched on the exact host name, so a
look-alike host (`youtube.com.evil.example`, `evil-youtube.com`) is refused.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import parse_qs, urlsplit


@dataclass(frozen=True)
class Video:
    """A video on an allowed provider: who hosts it, its id, and where it plays."""

    provider: str
    video_id: str
    embed_url: str
    page_url: str


def _youtube_id(host: str, parts: list[str], query: str) -> str | None:
    """watch?v=ID, youtu.be/ID, /embed/ID, /shorts/ID, /live/ID."""
    if host == "youtu.be":
        return parts[0] if len(parts) == 1 else None
    if parts == ["watch"]:
        ids = parse_qs(query).get("v")
        return ids[0] if ids else None
    if len(parts) == 2 and parts[0] in {"embed", "shorts", "live"}:
        return parts[1]
    return None


def _vimeo_id(host: str, parts: list[str], query: str) -> str | None:
    """vimeo.com/ID and player.vimeo.com/video/ID."""
    if host == "player.vimeo.com":
        return parts[1] if len(parts) == 2 and parts[0] == "video" else None
    return parts[0] if len(parts) == 1 else None


@dataclass(frozen=True)
class Provider:
    """A video host: the hosts of its page addresses, how to read the id, where it plays."""

    name: str
    hosts: frozenset[str]
    find_id: Callable[[str, list[str], str], str | None]
    id_pattern: re.Pattern[str]
    embed_origin: str
    embed_path: str
    page_url: str


PROVIDERS: tuple[Provider, ...] = (
    Provider(
        "YouTube",
        frozenset(
            {
                "youtube.com",
                "www.youtube.com",
                "m.youtube.com",
                "youtu.be",
                "www.youtube-nocookie.com",
            }
        ),
        _youtube_id,
        re.compile(r"[A-Za-z0-9_-]{11}"),
        "https://www.youtube-nocookie.com",
        "/embed/{id}",
        "https://www.youtube.com/watch?v={id}",
    ),
    Provider(
        "Vimeo",
        frozenset({"vimeo.com", "www.vimeo.com", "player.vimeo.com"}),
        _vimeo_id,
        re.compile(r"[0-9]{1,12}"),
        "https://player.vimeo.com",
        "/video/{id}",
        "https://vimeo.com/{id}",
    ),
)

EMBED_ORIGINS: tuple[str, ...] = tuple(p.embed_origin for p in PROVIDERS)
ALLOWED_HOSTS_TEXT = ", ".join(sorted(h for p in PROVIDERS for h in p.hosts))


def parse_video(address: str) -> Video | None:
    """Return the video an https address points at, or None if it is not an allowed one."""
    try:
        parts = urlsplit(address.strip())
        host = (parts.hostname or "").lower()
        port = parts.port
    except ValueError:
        return None
    if parts.scheme != "https" or parts.username or parts.password or port not in (None, 443):
        return None
    for provider in PROVIDERS:
        if host not in provider.hosts:
            continue
        video_id = provider.find_id(host, [p for p in parts.path.split("/") if p], parts.query)
        if video_id is None or not provider.id_pattern.fullmatch(video_id):
            return None
        return Video(
            provider.name,
            video_id,
            provider.embed_origin + provider.embed_path.format(id=video_id),
            provider.page_url.format(id=video_id),
        )
    return None
