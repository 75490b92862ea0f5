"""Document numbers: read, checked against the document's kind, issuer and date, looked up."""

from __future__ import annotations

import datetime as dt

import pytest

from pbgdpl.model.numbers import load_number_rules, one_edit, parse_number

RULES = load_number_rules()


@pytest.mark.parametrize(
    ("number", "kind", "issuer", "issued"),
    [
        ("145/2020/NĐ-CP", "Nghị định", "Chính phủ", "2020-12-14"),
        ("31/2024/QH15", "Luật", "Quốc hội", "2024-01-18"),
        ("91/2015/QH13", "Bộ luật", "Quốc hội", "2015-11-24"),
        ("202/2025/QH15", "Nghị quyết", "Quốc hội", "2025-06-12"),
        ("14/2019/QĐ-TTg", "Quyết định", "Thủ tướng Chính phủ", "2019-03-13"),
        ("471/QĐ-TTg", "Quyết định", "Thủ tướng Chính phủ", "2019-04-26"),
        ("2610/BTP-PBGDPL", "Công văn", "Bộ Tư pháp", "2023-06-26"),
        ("15/2024/QĐ-UBND", "Quyết định", "Ủy ban nhân dân thành phố Hà Nội", "2024-03-01"),
        ("18/KH-UBND", "Kế hoạch", "Ủy ban nhân dân thành phố Hà Nội", "2026-01-16"),
        ("01/2024/TT-BTP", "Thông tư", "Bộ Tư pháp", "2024-01-15"),
        ("05/CT-TTg", "Chỉ thị", "Thủ tướng Chính phủ", "2024-02-01"),
    ],
)
def test_valid_numbers_of_each_kind_pass(number: str, kind: str, issuer: str, issued: str) -> None:
    parts = parse_number(number)
    assert parts is not None
    assert RULES.check(parts, kind, issuer, dt.date.fromisoformat(issued)) == []


@pytest.mark.parametrize(
    ("number", "kind", "issuer", "code", "message"),
    [
        (
            "31/2024/NĐ-CP",
            "Luật",
            "Quốc hội",
            "document-number-kind",
            'Số ký hiệu "31/2024/NĐ-CP" mang ký hiệu "NĐ" của Nghị định, nhưng "loai_van_ban" là '
            '"Luật"; sửa một trong hai cho khớp với văn bản gốc.',
        ),
        (
            "145/2020/CP",
            "Nghị định",
            "Chính phủ",
            "document-number-kind",
            'Số ký hiệu "145/2020/CP" không có dạng số ký hiệu của Nghị định; viết theo dạng '
            '"145/2020/NĐ-CP", hoặc sửa "loai_van_ban" cho khớp với văn bản gốc.',
        ),
        (
            "471/QĐ-BTP",
            "Quyết định",
            "Thủ tướng Chính phủ",
            "document-number-issuer",
            'Số ký hiệu "471/QĐ-BTP" không có ký hiệu "TTg" của Thủ tướng Chính phủ (cơ quan '
            'ban hành); kiểm tra lại "co_quan_ban_hanh" hoặc số ký hiệu.',
        ),
        (
            "145/NĐ-CP",
            "Nghị định",
            "Chính phủ",
            "document-number-year",
            "Nghị định là văn bản quy phạm pháp luật: số ký hiệu phải có năm ban hành, "
            'ví dụ "145/2020/NĐ-CP".',
        ),
        (
            "2610/2023/BTP-PBGDPL",
            "Công văn",
            "Bộ Tư pháp",
            "document-number-year",
            'Công văn là văn bản hành chính: số ký hiệu không ghi năm, ví dụ "2610/BTP-PBGDPL".',
        ),
        (
            "14/2018/QĐ-TTg",
            "Quyết định",
            "Thủ tướng Chính phủ",
            "document-number-year",
            'Năm trong số ký hiệu "14/2018/QĐ-TTg" (2018) khác năm của ngày ban hành '
            '(13/03/2020); sửa "so_ky_hieu" hoặc "ngay_ban_hanh".',
        ),
        (
            "145/2020/ND-CP",
            "Nghị định",
            "Chính phủ",
            "document-number-spelling",
            'Viết số ký hiệu đúng như trên văn bản: "145/2020/NĐ-CP" thay cho "145/2020/ND-CP" '
            "(chữ Đ và chữ hoa, chữ thường của ký hiệu là một phần của số).",
        ),
    ],
)
def test_wrong_numbers_say_what_to_fix(
    number: str, kind: str, issuer: str, code: str, message: str
) -> None:
    parts = parse_number(number)
    assert parts is not None
    issued = dt.date(2020, 3, 13)
    problems = RULES.check(parts, kind, issuer, issued)
    assert [(p.code, p.message) for p in problems if p.code == code] == [(code, message)]


@pytest.mark.parametrize(
    "text", ["", "QĐ-TTg", "471", "471/", "/QĐ-TTg", "14/2019/", "14/2019/2020", "abc/QĐ-TTg"]
)
def test_text_that_is_not_a_number_is_refused(text: str) -> None:
    assert parse_number(text) is None


def test_nd_and_nđ_spellings_share_one_key_but_keep_their_text() -> None:
    with_d = parse_number("145/2020/ND-CP")
    with_đ = parse_number("145/2020/NĐ-CP")
    assert with_d is not None and with_đ is not None
    assert with_d.key == with_đ.key == parse_number("145/2020/nd-cp").key  # type: ignore[union-attr]
    assert with_đ.text == "145/2020/NĐ-CP"
    assert parse_number("471/QĐ-TTg").year is None  # type: ignore[union-attr]
    assert parse_number("14/20121/QĐ-TTg").year == 20121  # type: ignore[union-attr]


def test_one_keystroke_slips_are_named() -> None:
    assert one_edit("417", "471") == "transposition"
    assert one_edit("45/2019", "44/2019") == "substitution"
    assert one_edit("1471", "471") == "insertion"
    assert one_edit("47", "471") == "deletion"
    assert one_edit("147", "471") is None
    assert one_edit("471", "471") is None
