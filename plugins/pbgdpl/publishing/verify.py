"""Check a copy of the portal against its manifest: missing, altered and extra files; expiry."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from pbgdpl.publishing.manifest import (
    FileRecord,
    Manifest,
    file_record,
    published_files,
    read_manifest,
)


@dataclass
class Verification:
    """What differs between a copy and its manifest, and whether the copy is out of date."""

    manifest: Manifest
    today: dt.date
    missing: list[str] = field(default_factory=list)
    altered: list[str] = field(default_factory=list)
    extra: list[str] = field(default_factory=list)

    @property
    def intact(self) -> bool:
        """Return whether every file is there, unchanged, and nothing was added."""
        return not (self.missing or self.altered or self.extra)

    @property
    def expired(self) -> bool:
        """Return whether the copy is past its expiry date and may show stale legal status."""
        return self.today > self.manifest.provenance.expires

    def lines(self) -> list[str]:
        """Return the findings in Vietnamese, one per line, problems first."""
        found = [f"thiếu tệp: {name}" for name in self.missing]
        found += [f"tệp bị thay đổi: {name}" for name in self.altered]
        found += [f"tệp không có trong bản kê: {name}" for name in self.extra]
        provenance = self.manifest.provenance
        dates = (
            f"dữ liệu tính đến ngày {provenance.as_of:%d/%m/%Y}, "
            f"hạn dùng đến ngày {provenance.expires:%d/%m/%Y}"
        )
        if self.expired:
            found.append(
                f"bản sao đã hết hạn ({dates}): tình trạng hiệu lực của văn bản có thể đã "
                "thay đổi; hãy tải bản mới (expired)"
            )
        if self.intact:
            count = len(self.manifest.files)
            found.append(f"đủ {count} tệp, không tệp nào bị thay đổi; {dates}.")
        else:
            found.append(
                f"bản sao KHÔNG khớp bản kê: thiếu {len(self.missing)}, thay đổi "
                f"{len(self.altered)}, thừa {len(self.extra)} tệp; {dates}."
            )
        return found


def _changed(path: Path, record: FileRecord) -> bool:
    # A different size settles it without reading the file.
    return path.stat().st_size != record.size or file_record(path) != record


def verify_copy(folder: Path, today: dt.date) -> Verification:
    """Compare every file under `folder` with the manifest at its root."""
    manifest = read_manifest(folder)
    result = Verification(manifest, today)
    present = set(published_files(folder))
    for name, record in manifest.files.items():
        if name not in present:
            result.missing.append(name)
        elif _changed(folder / name, record):
            result.altered.append(name)
    result.extra = sorted(present - manifest.files.keys())
    result.missing.sort()
    result.altered.sort()
    return result
