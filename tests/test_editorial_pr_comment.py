"""`validate --format comment`: the checks' result as the pull request's comment, in Vietnamese.

The editor who saved an item in the web editor reads it on the pull request: a verdict
first, then each file named by its agency and section, each problem with its line and its
fix, then how to fix it in the web editor. Editors' values in it stay inert text.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import markdown
from sections.samples import AGENCY, write_sample_portal

from pbgdpl.editorial.validation_comment import MARKER, MAX_SHOWN

from conftest import write

Cli = Callable[..., tuple[int, str, str]]
QUESTIONS = f"agencies/{AGENCY}/hoi-dap"


def test_a_clean_change_is_told_it_needs_nothing_more(tmp_path: Path, run_cli: Cli) -> None:
    root = write_sample_portal(tmp_path / "portal", ["hoi-dap"])
    status, out, _ = run_cli(root, "validate", "--format", "comment")
    assert status == 0
    assert out.splitlines()[:2] == [MARKER, "## ✅ Kiểm tra nội dung: không có lỗi"]
    assert "bạn không cần làm gì thêm" in out
    assert "Cách sửa" not in out


def test_each_problem_is_named_with_its_file_line_and_fix(tmp_path: Path, run_cli: Cli) -> None:
    root = write_sample_portal(tmp_path / "portal", ["hoi-dap"])
    write(
        root / QUESTIONS / "hoi-ve-dat.md",
        "---\ntitle: Hỏi về đất\ndate: 2026-11-20\ncau_hoi:\n---\n(Viết nội dung tại đây.)\n"
        "![Ảnh](anh.png)\n",
    )
    status, out, _ = run_cli(root, "validate", "--format", "comment")
    assert status == 1
    lines = out.splitlines()
    assert lines[:4] == [
        MARKER,
        "## ❌ Kiểm tra nội dung: 3 lỗi, 0 cảnh báo",
        "",
        "Chưa thể đăng: 3 lỗi trong 1 tệp phải được sửa trước khi Ban Biên tập duyệt. Mỗi lỗi "
        "dưới đây ghi tệp, dòng và cách sửa.",
    ]
    assert f"### Tỉnh Mẫu Sơn · Hỏi đáp pháp luật (`{QUESTIONS}/hoi-ve-dat.md`)" in lines
    problems = [line for line in lines if line.startswith("- ")]
    # Named as the web editor's form shows them: the field's label, or the text.
    assert [p.split("):")[0] + ")" for p in problems] == [
        "- ❌ Lỗi (trường “Câu hỏi”, dòng 4)",
        "- ❌ Lỗi (phần Nội dung, dòng 6)",
        "- ❌ Lỗi (phần Nội dung, dòng 7)",
    ]
    assert "Câu hỏi" in problems[0] and problems[0].endswith("`missing-field`")
    assert problems[2].endswith("`image-missing`")
    assert lines[-1].startswith("**Cách sửa trong trình biên tập trên trình duyệt**")


def test_a_published_items_title_names_its_file(tmp_path: Path, run_cli: Cli) -> None:
    root = write_sample_portal(tmp_path / "portal", ["hoi-dap"])
    write(
        root / QUESTIONS / "hoi-ve-dat.md",
        "---\ntitle: Hỏi về đất\ndate: 2026-11-20\ncau_hoi: Đất của tôi?\nngay_lam: 1\n---\nA.\n",
    )
    status, out, _ = run_cli(root, "validate", "--format", "comment")
    assert status == 0
    assert out.splitlines()[1] == "## ⚠️ Kiểm tra nội dung: không có lỗi, 1 cảnh báo"
    heading = f"### Tỉnh Mẫu Sơn · Hỏi đáp pháp luật · “Hỏi về đất” (`{QUESTIONS}/hoi-ve-dat.md`)"
    assert heading in out
    assert "- ⚠️ Cảnh báo (dòng 5)" in out  # a key of no field: its line only


def test_editors_values_stay_inert_text(tmp_path: Path, run_cli: Cli) -> None:
    root = write_sample_portal(tmp_path / "portal", ["hoi-dap"])
    hostile = '"<img src=x onerror=alert(1)> @bbt [bấm](https://evil.example) **đậm**"'
    write(
        root / QUESTIONS / "hoi-doc.md",
        f"---\ntitle: Hỏi\ndate: 2026-11-20\ncau_hoi: Hỏi?\nlinh_vuc: [{hostile}]\n---\nA.\n",
    )
    status, out, _ = run_cli(root, "validate", "--format", "comment")
    assert status == 1
    html = markdown.markdown(out)
    for made in ("<img", "<a ", "<strong>đậm", "onerror=alert(1)>"):
        assert made not in html.replace("&lt;img", ""), made
    assert "@\u200bbbt" in out  # no one is notified
    assert "https:\u200b//evil.example" in out  # no bare address becomes a link


def test_a_long_list_is_cut_short_with_where_to_read_the_rest(tmp_path: Path, run_cli: Cli) -> None:
    root = write_sample_portal(tmp_path / "portal", ["hoi-dap"])
    for n in range(MAX_SHOWN + 5):
        write(root / QUESTIONS / f"hoi-{n:03}.md", "---\ntitle: Hỏi\ndate: 2026-11-20\n---\nA.\n")
    status, out, _ = run_cli(root, "validate", "--format", "comment")
    assert status == 1
    assert sum(line.startswith("- ❌") for line in out.splitlines()) == MAX_SHOWN
    assert "… và 5 vấn đề khác: xem toàn bộ trong mục Summary" in out
    assert len(out) < 65_536
