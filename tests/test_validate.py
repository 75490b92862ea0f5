"""`build.py validate`: every problem named with its file, line, code and a Vietnamese fix."""

from __future__ import annotations

import json
from pathlib import Path

from conftest import write

BAD_DATE = """---
title: Hội nghị tập huấn
date: 2025-02-30
---
Nội dung.
"""
MISSING_QUESTION = """---
title: Hỏi về đăng ký kết hôn
date: 2025-03-01
---
Trả lời.
"""
BAD_YAML = """---
title: "Tin chưa đóng ngoặc
date: 2025-03-01
---
"""


def break_portal(root: Path) -> None:
    """Put one broken file of each kind into three different agencies."""
    write(root / "agencies/ha-noi/tin-tuc/tap-huan.md", BAD_DATE)
    write(root / "agencies/bo-tu-phap/hoi-dap/ket-hon.md", MISSING_QUESTION)
    write(root / "agencies/bo-tu-phap/tin-tuc/ngoac.md", BAD_YAML)
    write(root / "agencies/nghe-an/tin-cu/bai.md", BAD_DATE)


def test_sample_content_is_valid_json_list(portal_copy: Path, run_cli) -> None:
    status, out, _ = run_cli(portal_copy, "validate", "--format", "json", "--strict")
    assert json.loads(out) == []
    assert status == 0


def test_broken_files_are_all_reported_with_file_and_line(portal_copy: Path, run_cli) -> None:
    break_portal(portal_copy)
    status, out, _ = run_cli(portal_copy, "validate", "--format", "json")
    assert status == 1
    found = {(d["path"], d["line"], d["code"]): d for d in json.loads(out)}
    assert set(found) == {
        ("agencies/ha-noi/tin-tuc/tap-huan.md", 3, "invalid-date"),
        ("agencies/bo-tu-phap/hoi-dap/ket-hon.md", 1, "missing-field"),
        ("agencies/bo-tu-phap/tin-tuc/ngoac.md", 2, "invalid-yaml"),
        ("agencies/nghe-an/tin-cu", 1, "unknown-section"),
    }
    assert found[("agencies/ha-noi/tin-tuc/tap-huan.md", 3, "invalid-date")]["message"] == (
        'Trường "date" (Ngày đăng) phải là một ngày có thật, viết theo dạng YYYY-MM-DD '
        '(ví dụ 2025-07-01); giá trị hiện tại "2025-02-30" không hợp lệ.'
    )
    assert found[("agencies/bo-tu-phap/hoi-dap/ket-hon.md", 1, "missing-field")]["message"] == (
        'Thiếu trường bắt buộc "cau_hoi" (Câu hỏi) của chuyên mục "Hỏi đáp pháp luật". '
        'Thêm một dòng "cau_hoi: …" vào phần thông tin đầu tệp.'
    )
    assert all(d["severity"] == "error" for d in found.values())


def test_text_and_github_formats(portal_copy: Path, run_cli) -> None:
    write(portal_copy / "agencies/ha-noi/tin-tuc/tap-huan.md", BAD_DATE)
    status, out, err = run_cli(portal_copy, "validate")
    assert status == 1
    assert out.startswith(
        'agencies/ha-noi/tin-tuc/tap-huan.md:3: lỗi [invalid-date] Trường "date" (Ngày đăng)'
    )
    assert "1 lỗi, 0 cảnh báo" in err
    status, out, _ = run_cli(portal_copy, "validate", "--format", "github")
    assert out.startswith(
        "::error file=agencies/ha-noi/tin-tuc/tap-huan.md,line=3,title=invalid-date::Trường"
    )


def test_paths_limit_the_report(portal_copy: Path, run_cli) -> None:
    break_portal(portal_copy)
    status, out, _ = run_cli(
        portal_copy, "validate", "--format", "json", str(portal_copy / "agencies/ha-noi")
    )
    assert [d["path"] for d in json.loads(out)] == ["agencies/ha-noi/tin-tuc/tap-huan.md"]
    assert status == 1


def test_agency_file_problems(portal_copy: Path, run_cli) -> None:
    agency = portal_copy / "agencies/lao-cai/agency.yml"
    agency.write_text(agency.read_text("utf-8").replace("kind: province", "kind: tinh"), "utf-8")
    write(portal_copy / "agencies/Quang Ninh/agency.yml", "name: x\n")
    write(portal_copy / "agencies/don-vi/agency.yml", "name: x\n")
    status, out, _ = run_cli(portal_copy, "validate", "--format", "json")
    problems = {(d["path"], d["code"]) for d in json.loads(out)}
    assert ("agencies/lao-cai/agency.yml", "value-not-allowed") in problems
    assert ("agencies/Quang Ninh", "invalid-slug") in problems
    assert ("agencies/don-vi", "reserved-slug") in problems
    assert status == 1


def test_warnings_fail_only_under_strict(portal_copy: Path, run_cli) -> None:
    write(
        portal_copy / "agencies/ha-noi/tin-tuc/tin-moi.md",
        "---\ntitle: Tin mới\ndate: 2025-03-01\ntac_gia: Lan\n---\nNội dung.\n",
    )
    status, out, _ = run_cli(portal_copy, "validate", "--format", "json")
    assert [(d["code"], d["line"]) for d in json.loads(out)] == [("unknown-field", 4)]
    assert status == 0
    status, _, _ = run_cli(portal_copy, "validate", "--format", "json", "--strict")
    assert status == 1


def test_legacy_encoding_is_refused_with_its_line(portal_copy: Path, run_cli) -> None:
    path = portal_copy / "agencies/ha-noi/tin-tuc/tcvn3.md"
    path.write_bytes(b"---\ntitle: Tin\ndate: 2025-03-01\n---\nH\xb5 N\xe9i\n")
    status, out, _ = run_cli(portal_copy, "validate", "--format", "json")
    assert [(d["code"], d["line"]) for d in json.loads(out)] == [("not-utf8", 5)]
    assert status == 1
