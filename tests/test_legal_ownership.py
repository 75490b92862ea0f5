"""A document number belongs to the agency that published it first (or to its issuer):
another agency's duplicate or relation never changes that agency's pages, and validate and
review name it.

The portal is the tests' own (`sections/samples.py`) in a real Git repository: the owner
publishes Decree 168/2024/NĐ-CP, then a newcomer whose folder sorts first copies it and
repeals it.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from pathlib import Path

from editorial_repo import git_repository
from sections.samples import AGENCY, AGENCY_YML, SAMPLES, write_sample_portal

from conftest import write

NEWCOMER = "an-giang-thu"  # sorts before the owner's folder
DECREE = SAMPLES["van-ban-moi"][1]
REPEAL = """\
---
title: Quyết định bãi bỏ nghị định xử phạt giao thông
so_ky_hieu: "15/2025/QĐ-UBND"
loai_van_ban: Quyết định
co_quan_ban_hanh: Ủy ban nhân dân tỉnh Sơn La
nguoi_ky: Nguyễn Văn A
ngay_ban_hanh: 2025-03-01
ngay_hieu_luc: 2025-03-15
linh_vuc: [Giao thông vận tải]
trich_yeu: Bãi bỏ Nghị định 168/2024/NĐ-CP trên địa bàn tỉnh
bai_bo: ["168/2024/NĐ-CP"]
---
Nội dung quyết định.
"""


def pages(out: Path, agency: str) -> dict[str, str]:
    return {
        p.relative_to(out).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted((out / agency).rglob("*"))
        if p.is_file()
    }


def test_a_newcomer_can_neither_take_nor_repeal_another_agencys_document(
    tmp_path: Path, run_cli: Callable[..., tuple[int, str, str]]
) -> None:
    root = write_sample_portal(tmp_path / "portal", ["van-ban-moi", "hoi-dap"])
    repo = git_repository(root, "Đăng nghị định")
    out = tmp_path / "site"
    as_of = ("--as-of", "2025-06-01")
    assert run_cli(root, "build", "--out", str(out), *as_of)[0] == 0
    before = pages(out, AGENCY)
    assert "Còn hiệu lực" in (
        out / AGENCY / "van-ban-moi/nghi-dinh-168-2024-nd-cp/index.html"
    ).read_text("utf-8")

    repo.git.checkout("-b", "tinh-moi")
    newcomer = root / "agencies" / NEWCOMER
    write(
        newcomer / "agency.yml",
        AGENCY_YML.format(sections="van-ban-moi")
        .replace(AGENCY, NEWCOMER)
        .replace("Tỉnh Mẫu Sơn", "Tỉnh An Giang Thử")
        .replace("mauson-bientap", "angiang-bientap"),
    )
    write(newcomer / "van-ban-moi/nghi-dinh-168-2024-nd-cp.md", DECREE)
    write(newcomer / "van-ban-moi/quyet-dinh-15-2025-qd-ubnd.md", REPEAL)
    repo.git.add(A=True)
    # Dated before the owner's commit: the log's order, not a date anyone can set, decides.
    repo.git.commit("-m", "Tỉnh mới", env={"GIT_COMMITTER_DATE": "2020-05-02T09:00+07:00"})

    status, said, _ = run_cli(root, "validate")
    assert status == 1
    assert said.splitlines() == [
        f"agencies/{NEWCOMER}/van-ban-moi/nghi-dinh-168-2024-nd-cp.md:3: lỗi "
        '[duplicate-document-number] Văn bản số "168/2024/NĐ-CP" đã được đăng ở '
        f"agencies/{AGENCY}/van-ban-moi/nghi-dinh-168-2024-nd-cp.md; mỗi văn bản chỉ đăng "
        "một lần. Xóa tệp trùng hoặc sửa số ký hiệu.",
        f"agencies/{NEWCOMER}/van-ban-moi/quyet-dinh-15-2025-qd-ubnd.md:11: lỗi "
        '[cross-agency-relation] Văn bản "15/2025/QĐ-UBND" (Ủy ban nhân dân tỉnh Sơn La) không thể '
        'bãi bỏ văn bản "168/2024/NĐ-CP" do Chính phủ ban hành, đăng ở '
        f"agencies/{AGENCY}/van-ban-moi/nghi-dinh-168-2024-nd-cp.md: chỉ văn bản của cùng cơ "
        "quan ban hành mới thay đổi được hiệu lực văn bản của trang thành phần khác. Xóa số "
        'này khỏi "bai_bo", hoặc đề nghị Ban Biên tập xem xét.',
    ]
    status, report, _ = run_cli(root, "review", "main", "HEAD", "--author", "angiang-bientap")
    assert status == 1
    assert "[duplicate-document-number]" in report and "[cross-agency-relation]" in report

    status, _, err = run_cli(root, "build", "--keep-going", "--out", str(out), *as_of)
    assert status == 0, err
    assert f"Bỏ qua trang thành phần {NEWCOMER} (2 lỗi" in err
    assert pages(out, AGENCY) == before
