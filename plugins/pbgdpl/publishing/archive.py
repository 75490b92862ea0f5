"""Write a zip or tar.gz archive whose bytes depend only on its content and a date."""

from __future__ import annotations

import datetime as dt
import gzip
import io
import shutil
import tarfile
import zipfile
from collections.abc import Iterable
from pathlib import Path

# One archive member: its path in the archive and its content (bytes, or a file to copy).
Member = tuple[str, bytes | Path]


class ArchiveError(Exception):
    """An archive name this module cannot write."""


def archive_kind(path: Path) -> str:
    """Return "zip" or "tar.gz" from the file name, or raise ArchiveError."""
    name = path.name.lower()
    if name.endswith(".zip"):
        return "zip"
    if name.endswith((".tar.gz", ".tgz")):
        return "tar.gz"
    raise ArchiveError(f"{path}: tên tệp phải kết thúc bằng .zip, .tar.gz hoặc .tgz")


def _size(content: bytes | Path) -> int:
    return len(content) if isinstance(content, bytes) else content.stat().st_size


def _stream(content: bytes | Path) -> io.BufferedIOBase:
    return io.BytesIO(content) if isinstance(content, bytes) else content.open("rb")


def _write_zip(target: Path, members: Iterable[Member], stamp: dt.date) -> None:
    moment = (stamp.year, stamp.month, stamp.day, 0, 0, 0)
    with zipfile.ZipFile(target, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=9) as zf:
        for name, content in members:
            info = zipfile.ZipInfo(name, date_time=moment)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.create_system = 3  # Unix, whatever machine writes it
            info.external_attr = 0o100644 << 16  # a regular file, rw-r--r--
            info.file_size = _size(content)
            with _stream(content) as source, zf.open(info, "w") as sink:
                shutil.copyfileobj(source, sink)


def _write_tar_gz(target: Path, members: Iterable[Member], stamp: dt.date) -> None:
    moment = int(dt.datetime.combine(stamp, dt.time(), dt.UTC).timestamp())
    with (
        target.open("wb") as raw,
        # No file name and a fixed time in the gzip header, so two runs give the same bytes.
        gzip.GzipFile(filename="", mode="wb", fileobj=raw, mtime=moment) as packed,
        tarfile.open(fileobj=packed, mode="w", format=tarfile.PAX_FORMAT) as tar,
    ):
        for name, content in members:
            info = tarfile.TarInfo(name)
            info.size = _size(content)
            info.mtime = moment
            info.mode = 0o644
            info.uid = info.gid = 0
            info.uname = info.gname = ""
            with _stream(content) as source:
                tar.addfile(info, source)


def write_archive(target: Path, members: list[Member], stamp: dt.date) -> None:
    """Write `members` in their order, all dated `stamp`; replace `target` only on success."""
    kind = archive_kind(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(f".{target.name}.partial")
    try:
        (_write_zip if kind == "zip" else _write_tar_gz)(partial, members, stamp)
        partial.replace(target)
    finally:
        partial.unlink(missing_ok=True)
