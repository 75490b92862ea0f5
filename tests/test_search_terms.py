"""The board's search dictionary (content/tu-dien-tim-kiem.yml) is checked like other content."""

from __future__ import annotations

from pathlib import Path

from sections.samples import PORTAL_YML

from pbgdpl.loading.portal import PortalLoader
from pbgdpl.model.search_terms import SEARCH_TERMS_FILE

from conftest import write


def load(tmp_path: Path, dictionary: str):  # type: ignore[no-untyped-def]
    write(tmp_path / "content" / "portal.yml", PORTAL_YML)
    write(tmp_path / SEARCH_TERMS_FILE, dictionary)
    return PortalLoader(tmp_path).load()


def test_a_valid_dictionary_is_read_by_forms_typed_without_accents(tmp_path: Path) -> None:
    portal = load(tmp_path, "# Ban Biên tập\nBHXH: bảo hiểm xã hội\nSổ  Đỏ: giấy chứng nhận\n")
    assert portal.search_terms == {"bhxh": "bảo hiểm xã hội", "so do": "giấy chứng nhận"}
    assert [d for d in portal.diagnostics if d.path == SEARCH_TERMS_FILE] == []


def test_every_bad_line_is_reported_at_once_with_its_line_and_the_fix(tmp_path: Path) -> None:
    portal = load(
        tmp_path,
        "BHXH: bảo hiểm xã hội\n"
        "TP.HCM: Hồ Chí Minh\n"
        "CCCD:\n"
        "căn cước: căn cước công dân\n"
        "bhxh: bảo hiểm\n",
    )
    found = [(d.line, d.code, d.message) for d in portal.diagnostics if d.path == SEARCH_TERMS_FILE]
    assert [(line, code) for line, code, _ in found] == [
        (2, "invalid-search-term"),
        (3, "invalid-search-meaning"),
        (4, "invalid-search-meaning"),
        (5, "duplicate-search-term"),
    ]
    messages = [m for _, _, m in found]
    assert 'ví dụ "TP HCM" thay cho "TP.HCM"' in messages[0]
    assert 'Hãy ghi sau "CCCD:" từ ngữ mà các trang dùng' in messages[1]
    assert 'Nghĩa của "căn cước" đã chứa chính "căn cước"' in messages[2]
    assert '"bhxh" trùng với "BHXH" khi gõ không dấu' in messages[3]
    # The good line is kept: one bad line does not take the dictionary down.
    assert portal.search_terms == {"bhxh": "bảo hiểm xã hội"}


def test_a_dictionary_that_is_not_yaml_names_its_file_and_line(tmp_path: Path) -> None:
    portal = load(tmp_path, "BHXH: bảo hiểm xã hội\n  - : [\n")
    problems = [d for d in portal.diagnostics if d.path == SEARCH_TERMS_FILE]
    assert problems
    assert problems[0].line >= 1
    assert portal.search_terms == {}
