"""The offline package: the whole portal, or one agency's site, as one archive file."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from pbgdpl.model.diagnostics import COMMAND
from pbgdpl.publishing.agency_package import agency_name, agency_package
from pbgdpl.publishing.archive import Member, write_archive
from pbgdpl.publishing.manifest import UNKNOWN_COMMIT, Manifest, read_manifest
from pbgdpl.publishing.offline_search import SEARCH_PAGE
from pbgdpl.publishing.output import MANIFEST
from pbgdpl.publishing.verify import verify_copy

SITE_FOLDER = "site"
README = "README.txt"


class MirrorError(Exception):
    """An output that cannot be packaged as it is."""


@dataclass(frozen=True)
class MirrorReport:
    """What went into the archive."""

    archive: Path
    folder: str
    files: int
    size: int
    expired: bool


def _dates(manifest: Manifest) -> str:
    provenance = manifest.provenance
    commit = "không rõ" if provenance.source_commit == UNKNOWN_COMMIT else provenance.source_commit
    return (
        f"Dữ liệu tính đến ngày {provenance.as_of:%d/%m/%Y}; hạn dùng đến ngày "
        f"{provenance.expires:%d/%m/%Y}. Sau ngày đó, tình trạng hiệu lực của văn bản có thể "
        "đã thay đổi: hãy tải bản mới.\n"
        f"Nguồn: {manifest.base_url} (phiên bản mã nguồn: {commit}).\n"
    )


def portal_readme(manifest: Manifest) -> str:
    """Return the README of a whole-portal package: how to serve it with one command."""
    return (
        "BẢN SAO CỔNG THÔNG TIN ĐIỆN TỬ PHỔ BIẾN, GIÁO DỤC PHÁP LUẬT QUỐC GIA\n\n"
        + _dates(manifest)
        + "\nCÁCH MỞ (cần Python 3, không cần mạng):\n\n"
        f"    python3 -m http.server --directory {SITE_FOLDER} 8000\n\n"
        "rồi mở http://127.0.0.1:8000/ bằng trình duyệt (trên Windows gõ py thay cho python3).\n"
        "Phải mở qua máy chủ như trên: tìm kiếm không chạy khi mở thẳng tệp từ ổ đĩa.\n\n"
        "MÁY CHỦ WEB: phục vụ thư mục site/ như tệp tĩnh, ở gốc tên miền hay dưới một đường dẫn\n"
        "con (ví dụ /mirror/pbgdpl/) đều được. Quy tắc bộ nhớ đệm và bảo mật: site/_headers\n"
        "(Netlify, Cloudflare Pages) và site/nginx.conf (nginx).\n\n"
        f"KIỂM TRA: site/{MANIFEST} ghi kích thước và sha256 của mọi tệp; trong kho mã nguồn\n"
        f"của Cổng, lệnh '{COMMAND} verify site' báo tệp thiếu, bị sửa, thừa và hạn dùng.\n\n"
        "English: a copy of Vietnam's national legal dissemination portal. Serve it with\n"
        f"'python3 -m http.server --directory {SITE_FOLDER} 8000' and open http://127.0.0.1:8000/.\n"
    )


def agency_readme(manifest: Manifest, slug: str, name: str) -> str:
    """Return the README of an agency package: open it from disk, no server needed."""
    return (
        f"BẢN SAO NGOẠI TUYẾN: {name.upper()}\n\n"
        + _dates(manifest)
        + "\nCÁCH MỞ: mở tệp site/index.html bằng trình duyệt (nháy đúp), không cần mạng và\n"
        f"không cần máy chủ. Trang chủ của đơn vị là site/{slug}/index.html.\n\n"
        f"TÌM KIẾM: site/{SEARCH_PAGE} (mỗi trang đều có liên kết tới đó) tìm trong mọi bài\n"
        "của bản sao, gõ có dấu hay không dấu đều được. Liên kết tới các trang khác của Cổng\n"
        "mở bản trên mạng.\n\n"
        f"KIỂM TRA: site/{MANIFEST} ghi kích thước và sha256 của mọi tệp của bản sao.\n\n"
        f"English: an offline copy of the site of {name}. Open site/index.html in a browser.\n"
    )


def write_mirror(site: Path, archive: Path, only: str | None, today: dt.date) -> MirrorReport:
    """Package the portal built in `site` (or the site of agency `only`) into `archive`."""
    manifest = read_manifest(site)
    as_of = manifest.provenance.as_of
    if only:
        folder = f"pbgdpl-{only}-{as_of.isoformat()}"
        package = agency_package(site, manifest, only)
        readme = agency_readme(manifest, only, agency_name(site, only))
        contents: list[tuple[str, bytes | Path]] = sorted(package.items())
    else:
        check = verify_copy(site, today)
        if not check.intact:
            raise MirrorError("\n".join(check.lines()))
        folder = f"pbgdpl-{as_of.isoformat()}"
        readme = portal_readme(manifest)
        contents = [(name, site / name) for name in sorted([*manifest.files, MANIFEST])]
    members: list[Member] = [(f"{folder}/{README}", readme.encode())]
    members += [(f"{folder}/{SITE_FOLDER}/{name}", content) for name, content in contents]
    write_archive(archive, members, as_of)
    size = sum(len(c) if isinstance(c, bytes) else c.stat().st_size for _, c in members)
    return MirrorReport(archive, folder, len(members), size, today > manifest.provenance.expires)
