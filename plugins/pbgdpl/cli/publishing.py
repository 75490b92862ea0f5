"""The `verify`, `mirror` and `disk-preview` commands of build.py."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from pbgdpl.cli.arguments import date_argument, day_or_today
from pbgdpl.publishing.agency_package import PackageError
from pbgdpl.publishing.archive import ArchiveError
from pbgdpl.publishing.disk_preview import write_disk_preview
from pbgdpl.publishing.manifest import ManifestError
from pbgdpl.publishing.mirror import MirrorError, write_mirror
from pbgdpl.publishing.verify import verify_copy


def command_verify(args: argparse.Namespace) -> int:
    """Check a copy of the portal against its manifest; exit 1 if it differs or expired."""
    try:
        result = verify_copy(args.folder, day_or_today(args.today))
    except ManifestError as error:
        print(f"lỗi: {error}", file=sys.stderr)
        return 1
    for line in result.lines():
        print(f"{args.folder}: {line}")
    return 0 if result.intact and not result.expired else 1


def command_mirror(args: argparse.Namespace) -> int:
    """Write the offline package of the portal, or of one agency's site."""
    site = args.site if args.site.is_absolute() else args.root / args.site
    today = day_or_today(args.today)
    try:
        report = write_mirror(site, args.out, args.only, today)
    except (ManifestError, PackageError, MirrorError, ArchiveError) as error:
        print(f"lỗi: {error}", file=sys.stderr)
        return 1
    print(
        f"Đã đóng gói {report.files} tệp ({report.size / 1e6:.1f} MB) vào {report.archive}, "
        f"thư mục {report.folder}/."
    )
    if report.expired:
        print(
            "cảnh báo: bản dựng này đã quá hạn dùng; nên dựng lại trước khi phát hành.",
            file=sys.stderr,
        )
    return 0


def command_disk_preview(args: argparse.Namespace) -> int:
    """Copy a preview build into a folder that opens from disk (file://)."""
    site = args.site if args.site.is_absolute() else args.root / args.site
    out = args.out if args.out.is_absolute() else args.root / args.out
    try:
        preview = write_disk_preview(site, out)
    except (ManifestError, OSError) as error:
        print(f"lỗi: {error}", file=sys.stderr)
        return 1
    print(
        f"Đã ghi bản xem trước mở từ ổ đĩa: {preview.pages} trang, {preview.files} tệp, vào "
        f"{preview.folder}; mở {preview.folder / 'index.html'} bằng trình duyệt."
    )
    return 0


def add_commands(
    commands: argparse._SubParsersAction[argparse.ArgumentParser],
) -> None:
    """Register `verify`, `mirror` and `disk-preview`."""
    verify = commands.add_parser(
        "verify", help="kiểm tra một bản sao theo manifest.json (verify a copy)"
    )
    verify.add_argument("folder", type=Path, metavar="DIR", help="thư mục bản sao của cổng")
    verify.add_argument(
        "--today",
        type=date_argument,
        default=None,
        help="ngày để xét hạn dùng, YYYY-MM-DD (default: today)",
    )
    verify.set_defaults(run=command_verify)

    mirror = commands.add_parser(
        "mirror", help="đóng gói bản sao ngoại tuyến (write the offline package)"
    )
    mirror.add_argument(
        "--out", type=Path, required=True, metavar="FILE", help="tệp .zip hoặc .tar.gz sẽ ghi"
    )
    mirror.add_argument(
        "--only",
        default=None,
        metavar="SLUG",
        help="chỉ đóng gói trang thành phần này, mở được từ ổ đĩa",
    )
    mirror.add_argument(
        "--site", type=Path, default=Path("site"), help="thư mục cổng đã dựng (default: site)"
    )
    mirror.add_argument(
        "--today",
        type=date_argument,
        default=None,
        help="ngày để xét hạn dùng, YYYY-MM-DD (default: today)",
    )
    mirror.set_defaults(run=command_mirror)

    disk = commands.add_parser(
        "disk-preview",
        help="chép bản dựng thành bản xem trước mở được từ ổ đĩa (a preview for file://)",
    )
    disk.add_argument("site", type=Path, metavar="SITE", help="thư mục bản dựng xem trước")
    disk.add_argument(
        "--out", type=Path, required=True, metavar="DIR", help="thư mục bản xem trước sẽ ghi"
    )
    disk.set_defaults(run=command_disk_preview)
