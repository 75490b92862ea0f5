"""The content model: how front-matter values are checked, with the messages editors see."""

from __future__ import annotations

import datetime as dt

import pytest

from pbgdpl.loading.frontmatter import FrontMatterError, split_front_matter
from pbgdpl.model.fields import Choice, Choices, Date, DocumentNumber, FieldError, Text, Words
from pbgdpl.model.sections import SECTIONS, SECTIONS_BY_SLUG
from pbgdpl.model.vocabularies import load_vocabularies

VOCABULARIES = load_vocabularies()


def test_every_section_of_the_glossary_has_a_schema() -> None:
    # The sections the Ministry requires, in its order; the portal may keep more.
    glossary = [
        "van-ban-moi",
        "gioi-thieu-van-ban",
        "hoi-dap",
        "doi-thoai-chinh-sach",
        "tai-lieu",
        "video",
        "tinh-huong",
        "cuoc-thi",
        "tu-sach",
        "so-lieu",
        "tin-tuc",
    ]
    assert [s.slug for s in SECTIONS if s.slug in glossary] == glossary
    legal = {f.key: f for f in SECTIONS_BY_SLUG["van-ban-moi"].all_fields}
    for key in (
        "so_ky_hieu",
        "loai_van_ban",
        "co_quan_ban_hanh",
        "nguoi_ky",
        "ngay_ban_hanh",
        "ngay_hieu_luc",
        "linh_vuc",
        "trich_yeu",
    ):
        assert legal[key].required, key
    assert not legal["ngay_het_hieu_luc"].required
    assert legal["so_ky_hieu"].attr == "number"
    assert legal["ngay_hieu_luc"].attr == "effective"


def test_impossible_date_is_refused_with_the_fix() -> None:
    field = Date("ngay_hieu_luc", "effective", "Ngày có hiệu lực")
    with pytest.raises(FieldError) as caught:
        field.parse("2024-02-30", VOCABULARIES)
    assert caught.value.code == "invalid-date"
    assert caught.value.message == (
        'Trường "ngay_hieu_luc" (Ngày có hiệu lực) phải là một ngày có thật, viết theo dạng '
        'YYYY-MM-DD (ví dụ 2025-07-01); giá trị hiện tại "2024-02-30" không hợp lệ.'
    )
    assert field.parse("2024-02-29", VOCABULARIES) == dt.date(2024, 2, 29)


def test_vocabulary_value_gets_a_suggestion() -> None:
    field = Choices("linh_vuc", "fields", "Lĩnh vực", vocabulary="fields")
    with pytest.raises(FieldError) as caught:
        field.parse(["Dat dai"], VOCABULARIES)
    assert caught.value.message == (
        'Trường "linh_vuc" (Lĩnh vực) không nhận giá trị "Dat dai". Có phải là "Đất đai"?'
    )
    assert field.parse("Đất đai", VOCABULARIES) == ("Đất đai",)


def test_provincial_issuers_come_from_the_register() -> None:
    field = Choice("co_quan_ban_hanh", "issuer", "Cơ quan ban hành", vocabulary="issuers")
    assert field.parse("Ủy ban nhân dân tỉnh Nghệ An", VOCABULARIES)
    with pytest.raises(FieldError):
        field.parse("Ủy ban nhân dân tỉnh Hà Giang", VOCABULARIES)  # merged into Tuyên Quang


def test_a_province_body_is_written_as_its_documents_spell_it() -> None:
    field = Choice("co_quan_ban_hanh", "issuer", "Cơ quan ban hành", vocabulary="issuers")
    for issuer in (
        "Ủy ban nhân dân tỉnh Lào Cai",
        "Hội đồng nhân dân thành phố Hà Nội",
        "Sở Tư pháp tỉnh Lào Cai",
        "Sở Giáo dục và Đào tạo thành phố Hồ Chí Minh",
    ):
        assert field.parse(issuer, VOCABULARIES) == issuer
    with pytest.raises(FieldError) as caught:
        field.parse("Ủy ban nhân dân Tỉnh Lào Cai", VOCABULARIES)
    assert caught.value.message.endswith('Có phải là "Ủy ban nhân dân tỉnh Lào Cai"?')
    # A real body's name, not free text: no such department, no such province.
    for invented in ("Sở Du hành vũ trụ tỉnh Lào Cai", "Sở Tư pháp tỉnh Yên Bái"):
        with pytest.raises(FieldError):
            field.parse(invented, VOCABULARIES)


def test_an_agency_chooses_among_the_central_issuers_and_its_own_bodies() -> None:
    lao_cai = VOCABULARIES.for_agency("lao-cai").issuers
    assert {"Chính phủ", "Sở Tư pháp tỉnh Lào Cai", "Ủy ban nhân dân tỉnh Lào Cai"} <= set(lao_cai)
    assert not any("Hà Nội" in issuer for issuer in lao_cai)
    ministry = VOCABULARIES.for_agency("bo-tu-phap").issuers
    assert "Bộ Tư pháp" in ministry
    assert not any("tỉnh" in issuer or "thành phố" in issuer for issuer in ministry)


@pytest.mark.parametrize(
    "number", ["145/2020/NĐ-CP", "471/QĐ-TTg", "2500/BTP-PBGDPL", "45/2019/QH14", "14/2019/QĐ-TTg"]
)
def test_document_numbers_of_real_documents_are_accepted(number: str) -> None:
    field = DocumentNumber("so_ky_hieu", "number", "Số ký hiệu")
    assert field.parse(number, VOCABULARIES) == number


@pytest.mark.parametrize("number", ["417/QĐ/TTg/x", "NĐ-CP", "12/20121/QĐ-TTg", "145 / 2020"])
def test_malformed_document_numbers_are_refused(number: str) -> None:
    with pytest.raises(FieldError) as caught:
        DocumentNumber("so_ky_hieu", "number", "Số ký hiệu").parse(number, VOCABULARIES)
    assert caught.value.code == "invalid-document-number"


def test_text_that_yaml_made_a_boolean_is_caught() -> None:
    with pytest.raises(FieldError) as caught:
        Text("nguoi_ky", "signer", "Người ký").parse(True, VOCABULARIES)
    assert caught.value.message == (
        'Trường "nguoi_ky" (Người ký) phải là một đoạn văn bản, nhưng đang là đúng/sai "True". '
        "Nếu giá trị là văn bản, đặt nó trong dấu ngoặc kép."
    )


def test_front_matter_keeps_dates_and_yes_no_as_text_with_lines() -> None:
    text = "---\ntitle: Tin\ndate: 2024-02-30\nnguoi_ky: no\n---\nThân bài\n"
    document = split_front_matter(text)
    assert document.values == {"title": "Tin", "date": "2024-02-30", "nguoi_ky": "no"}
    assert document.lines == {"title": 2, "date": 3, "nguoi_ky": 4}
    assert document.body == "Thân bài\n"
    assert document.body_line == 6


@pytest.mark.parametrize(
    ("text", "code", "line"),
    [
        ("title: Tin\n", "missing-front-matter", 1),
        ("---\ntitle: Tin\n", "unclosed-front-matter", 1),
        ("---\ntitle: Tin\ntitle: Khác\n---\n", "duplicate-key", 3),
        ("---\na: &x [1, 2]\nb: *x\n---\n", "yaml-alias", 3),
        ("---\ntitle: [Tin\ndate: 2024-01-01\n---\n", "invalid-yaml", 3),
    ],
)
def test_unreadable_front_matter_names_the_line(text: str, code: str, line: int) -> None:
    with pytest.raises(FrontMatterError) as caught:
        split_front_matter(text)
    assert (caught.value.code, caught.value.line) == (code, line)


def test_values_written_on_one_line_with_commas() -> None:
    tags = Words("tags", "tags", "Từ khóa")
    assert tags.parse("đất đai, hộ tịch", VOCABULARIES) == ("đất đai", "hộ tịch")
    assert tags.parse("đất đai", VOCABULARIES) == ("đất đai",)
    fields = Choices("linh_vuc", "fields", "Lĩnh vực", vocabulary="fields")
    with pytest.raises(FieldError) as caught:
        fields.parse("Đất đai, Hộ tịch", VOCABULARIES)
    assert caught.value.code == "value-not-a-list"
    assert caught.value.message.endswith("linh_vuc: [Đất đai, Hộ tịch].")
    # A value of the vocabulary that holds a comma is one value.
    assert fields.parse("An ninh, trật tự", VOCABULARIES) == ("An ninh, trật tự",)
