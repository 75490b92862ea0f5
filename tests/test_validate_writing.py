"""Editors' slips that used to pass with 0 errors: each is now named with its file and line.

Found by trying the editor's path as a new user: the template's placeholder left in, a
table pasted from Word as tab-separated lines, a picture linked by a missing file name,
and an empty required key reported at line 1; all of a file's errors come in one pass.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from sections.samples import AGENCY, SAMPLES, write_sample_portal

from conftest import write

Cli = Callable[..., tuple[int, str, str]]
FOLDER = f"agencies/{AGENCY}/tin-tuc"
HEAD = "---\ntitle: Hội nghị tập huấn\ndate: 2026-11-20\n---\n"


def portal_with(tmp_path: Path, body: str, name: str = "hoi-nghi") -> Path:
    root = write_sample_portal(tmp_path / "portal", ["tin-tuc", "hoi-dap"])
    write(root / FOLDER / f"{name}.md", HEAD + body)
    return root


def test_the_templates_placeholder_left_in_is_an_error(tmp_path: Path, run_cli: Cli) -> None:
    root = portal_with(tmp_path, "Mở đầu.\n\n(Viết nội dung tại đây.)\n")
    status, out, _ = run_cli(root, "validate")
    assert status == 1
    assert f"{FOLDER}/hoi-nghi.md:7: lỗi [placeholder-text] Còn dòng chữ mẫu" in out


def test_a_table_pasted_from_word_is_named_with_its_lines(tmp_path: Path, run_cli: Cli) -> None:
    table = "Chỉ tiêu\tSố lượng\nSố cuộc\t12\nSố người\t600\n"
    root = portal_with(tmp_path, f"Kết quả:\n\n{table}\nMột câu\tcó phím Tab.\n")
    status, out, _ = run_cli(root, "validate")
    assert status == 1
    assert f"{FOLDER}/hoi-nghi.md:7: lỗi [pasted-table] Dòng 7–9 có các cột cách nhau" in out
    assert out.count("[pasted-table]") == 1  # one stray tab in a sentence is no table


def test_a_real_markdown_table_and_code_are_not_pasted_tables(tmp_path: Path, run_cli: Cli) -> None:
    body = "| Chỉ tiêu | Số |\n|---|---|\n| Cuộc | 12 |\n\n```\na\tb\nc\td\n```\n"
    status, out, _ = run_cli(portal_with(tmp_path, body), "validate")
    assert status == 0, out


def test_a_picture_missing_next_to_the_item_is_an_error(tmp_path: Path, run_cli: Cli) -> None:
    root = portal_with(tmp_path, "Ảnh hội nghị:\n\n![Hội nghị](anh-hoi-nghi.png)\n")
    status, out, _ = run_cli(root, "validate")
    assert status == 1
    assert (
        f'{FOLDER}/hoi-nghi.md:7: lỗi [image-missing] Không tìm thấy ảnh "anh-hoi-nghi.png" '
        f"cạnh bài (thư mục {FOLDER}/)"
    ) in out
    (root / FOLDER / "anh-hoi-nghi.png").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(20))
    status, out, _ = run_cli(root, "validate")
    assert status == 0, out


def test_every_error_of_a_file_comes_in_one_pass(tmp_path: Path, run_cli: Cli) -> None:
    root = write_sample_portal(tmp_path / "portal", ["hoi-dap"])
    path = f"agencies/{AGENCY}/hoi-dap/hoi-ve-dat.md"
    write(
        root / path,
        "---\ntitle: Hỏi về đất\ndate: 2026-13-01\ncau_hoi:\n---\n(Viết nội dung tại đây.)\n"
        "![](anh.png)\n",
    )
    status, out, _ = run_cli(root, "validate", path)
    assert status == 1
    for line, code in ((3, "invalid-date"), (4, "missing-field"), (6, "placeholder-text")):
        assert f"{path}:{line}: lỗi [{code}]" in out
    assert f"{path}:7: lỗi [image-missing]" in out


def test_a_documents_number_and_attachment_come_with_its_other_errors(
    tmp_path: Path, run_cli: Cli
) -> None:
    root = write_sample_portal(tmp_path / "portal", ["van-ban-moi"])
    path = f"agencies/{AGENCY}/van-ban-moi/ke-hoach-53.md"
    write(
        root / path,
        "---\ntitle: Kế hoạch tuyên truyền\nso_ky_hieu: 53/kh-ubnd\nloai_van_ban: Kế hoạch\n"
        "co_quan_ban_hanh: Ủy ban nhân dân tỉnh Lào Cai\nnguoi_ky:\n"
        "ngay_ban_hanh: 2026-03-01\nngay_hieu_luc: 2026-02-30\nlinh_vuc: [Dân tộc]\n"
        "trich_yeu: Tuyên truyền pháp luật\ntep_dinh_kem: [ke-hoach.pdf]\n---\nNội dung.\n",
    )
    status, out, _ = run_cli(root, "validate", path)
    assert status == 1
    for line, level, code in (
        (3, "cảnh báo", "document-number-spelling"),
        (6, "lỗi", "missing-field"),
        (8, "lỗi", "invalid-date"),
        (11, "lỗi", "attachment-missing"),
    ):
        assert f"{path}:{line}: {level} [{code}]" in out


def test_a_link_to_a_page_that_does_not_exist_is_named(tmp_path: Path, run_cli: Cli) -> None:
    question = SAMPLES["hoi-dap"][0]
    body = (
        f"Xem [câu hỏi](../../hoi-dap/{question}/) và [tệp](../hoi-dap/{question}.md),\n"
        "[chuyên mục](../), [trang chủ](/so-tu-phap-mau/), [ngoài](https://moj.gov.vn/).\n"
        "Nhầm: [câu hỏi cũ](../../hoi-dap/cau-hoi-cu/) và [tệp](../hoi-dap/cau-hoi-cu.md).\n"
    )
    root = portal_with(tmp_path / "links", body)
    status, out, _ = run_cli(root, "validate")
    assert status == 0, out  # a warning: the page is published, with a dead link
    found = [line for line in out.splitlines() if "[link-not-found]" in line]
    assert [line.split(" Liên kết ")[1].split(" dẫn tới ")[0] for line in found] == [
        '"../../hoi-dap/cau-hoi-cu/"',
        '"../hoi-dap/cau-hoi-cu.md"',
    ]
    assert all(line.startswith(f"{FOLDER}/hoi-nghi.md:7: cảnh báo") for line in found)


def test_a_link_by_file_to_another_agencys_item_gets_its_address(
    tmp_path: Path, run_cli: Cli
) -> None:
    root = portal_with(tmp_path, "Xem [Lào Cai](../../lao-cai/tin-tuc/phien-cho.md).\n")
    write(
        root / "agencies/lao-cai/agency.yml",
        "slug: lao-cai\nname: Tỉnh Lào Cai\nkind: province\ncontacts: {}\neditors: [lc]\n"
        "sections: [tin-tuc]\n",
    )
    write(root / "agencies/lao-cai/tin-tuc/phien-cho.md", HEAD + "Phiên chợ.\n")
    status, out, _ = run_cli(root, "validate")
    assert status == 0, out
    assert (
        f"{FOLDER}/hoi-nghi.md:5: cảnh báo [link-to-other-site] Liên kết "
        '"../../lao-cai/tin-tuc/phien-cho.md" dẫn tới tệp của một trang thành phần khác'
    ) in out
    assert 'Viết theo địa chỉ trang: "../../../lao-cai/tin-tuc/phien-cho/".' in out


def test_a_picture_without_a_description_and_one_named_in_another_case(
    tmp_path: Path, run_cli: Cli
) -> None:
    root = portal_with(tmp_path, "![](anh-hoi-nghi.png)\n\n![Hội nghị](anh-2.png)\n")
    (root / FOLDER / "anh-hoi-nghi.png").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(20))
    (root / FOLDER / "Anh-2.png").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(20))
    status, out, _ = run_cli(root, "validate")
    assert status == 1
    assert (
        f'{FOLDER}/hoi-nghi.md:5: cảnh báo [image-without-description] Ảnh "anh-hoi-nghi.png" '
        "chưa có mô tả"
    ) in out
    assert 'Trong thư mục có "Anh-2.png"' in out and 'đổi tên tệp thành "anh-2.png"' in out
