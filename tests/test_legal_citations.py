"""`validate` checks citations: did-you-mean for mistyped numbers, impossible dates, numbers."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from pbgdpl.catalog.registry import Registry
from pbgdpl.legal.autolink import link_documents, relative_url
from pbgdpl.model.items import Item
from pbgdpl.validate.citations import check_text

from conftest import write

# From the seed text 003_f5a279f7a94490d4.txt: the same decision cited as 417/QĐ-TTg,
# next to its real date, and the year 20121.
SEED = """---
title: Đề án ứng dụng công nghệ thông tin trong phổ biến pháp luật
date: 2026-11-20
---

Ngày 26/4/2019, Thủ tướng Chính phủ ban hành Quyết định  417/QĐ-TTg  Phê duyệt Đề án \
“Tăng cường ứng dụng công nghệ thông tin trong công tác phổ biến, giáo dục pháp luật giai \
đoạn 2019 – 2021”.

1. Mục tiêu tổng quát của Quyết định 417/QĐ-TTg

– Năm 20121, phấn đấu xây dựng, hoàn thiện cơ sở dữ liệu phổ biến, giáo dục pháp luật.

Bộ luật Lao động số 45/2019/QH14 và Quyết định 471/QĐ-TTg được viết đúng; `417/QĐ-TTg` là mã.
"""
SEED_PATH = "agencies/ha-noi/tin-tuc/de-an-ung-dung-cntt.md"
DID_YOU_MEAN = (
    'Có phải "471/QĐ-TTg"? Số ký hiệu "417/QĐ-TTg" không có trên cổng, còn Quyết định '
    "471/QĐ-TTg của Thủ tướng Chính phủ được ban hành đúng ngày 26/04/2019 ghi cạnh số "
    "này. Sửa lại số ký hiệu nếu viết nhầm (did you mean 471/QĐ-TTg?)."
)


def line_of(text: str, start: str) -> int:
    """Return the number of the first line of `text` that starts with `start`."""
    return next(n for n, line in enumerate(text.split("\n"), 1) if line.startswith(start))


def validate_json(run_cli, root: Path, *args: str) -> tuple[int, list[dict]]:
    status, out, _ = run_cli(root, "validate", "--format", "json", *args)
    return status, json.loads(out)


def test_seed_typo_gets_did_you_mean_with_file_and_line(portal_copy: Path, run_cli) -> None:
    write(portal_copy / SEED_PATH, SEED)
    status, found = validate_json(run_cli, portal_copy)
    assert status == 0
    assert [(d["path"], d["line"], d["code"], d["severity"]) for d in found] == [
        (SEED_PATH, 6, "citation-typo", "warning"),
        (SEED_PATH, 8, "citation-typo", "warning"),
        (SEED_PATH, 10, "impossible-date", "warning"),
    ]
    assert found[0]["message"] == DID_YOU_MEAN
    # Without a date next to it, the swapped digits are still the evidence.
    assert found[1]["message"] == (
        'Có phải "471/QĐ-TTg"? Số ký hiệu "417/QĐ-TTg" không có trên cổng và chỉ khác Quyết '
        "định 471/QĐ-TTg của Thủ tướng Chính phủ (ban hành ngày 26/04/2019) ở hai ký tự đứng "
        "đổi chỗ. Sửa lại số ký hiệu nếu viết nhầm (did you mean 471/QĐ-TTg?)."
    )
    assert found[2]["message"] == (
        'Năm "20121" không có thật; có thể là 2011, 2012 hoặc 2021, sửa lại cho đúng.'
    )


def test_citation_warnings_fail_under_strict(portal_copy: Path, run_cli) -> None:
    write(portal_copy / SEED_PATH, SEED)
    status, out, err = run_cli(portal_copy, "validate", "--strict")
    assert status == 1
    assert f"{SEED_PATH}:6: cảnh báo [citation-typo] {DID_YOU_MEAN}" in out.splitlines()
    assert "0 lỗi, 3 cảnh báo" in err


def test_numbers_and_dates_in_front_matter_are_checked(portal_copy: Path, run_cli) -> None:
    write(
        portal_copy / "agencies/bo-tu-phap/hoi-dap/hoi-ve-de-an.md",
        """---
title: Hỏi về Đề án ban hành ngày 30/02/2019
date: 2026-11-20
cau_hoi: Đề án nào quy định trang thông tin phổ biến pháp luật?
can_cu:
  - "417/QĐ-TTg"
---
Trả lời.
""",
    )
    _, found = validate_json(run_cli, portal_copy, "agencies/bo-tu-phap/hoi-dap")
    assert [(d["line"], d["code"]) for d in found] == [(2, "impossible-date"), (5, "citation-typo")]
    assert found[0]["message"] == (
        'Ngày "30/02/2019" không có thật (tháng 2/2019 chỉ có 28 ngày); kiểm tra lại ngày, tháng.'
    )


def test_registered_number_must_fit_kind_issuer_and_files(portal_copy: Path, run_cli) -> None:
    path = "agencies/bo-tu-phap/van-ban-moi/quyet-dinh-471-qd-ttg.md"
    text = (portal_copy / path).read_text("utf-8")
    text = text.replace('so_ky_hieu: "471/QĐ-TTg"', 'so_ky_hieu: "471/2019/QĐ-BTP"')
    text = text.replace("trich_yeu:", "tep_dinh_kem: [quyet-dinh-471.pdf]\ntrich_yeu:")
    write(portal_copy / path, text)
    status, found = validate_json(run_cli, portal_copy, path)
    assert status == 1
    assert {(d["line"], d["code"], d["severity"]) for d in found} == {
        (line_of(text, "so_ky_hieu:"), "document-number-issuer", "error"),
        (line_of(text, "tep_dinh_kem:"), "attachment-missing", "error"),
    }
    missing = next(d for d in found if d["code"] == "attachment-missing")
    assert missing["message"] == (
        'Không tìm thấy tệp đính kèm "quyet-dinh-471.pdf" trong thư mục '
        'agencies/bo-tu-phap/van-ban-moi/; thêm tệp hoặc sửa tên trong "tep_dinh_kem".'
    )


def test_the_same_number_registered_twice_is_an_error(portal_copy: Path, run_cli) -> None:
    source = portal_copy / "agencies/bo-tu-phap/van-ban-moi/quyet-dinh-471-qd-ttg.md"
    copy = "agencies/ha-noi/van-ban-moi/quyet-dinh-471.md"
    text = source.read_text("utf-8").replace("471/QĐ-TTg", "471/QD-TTg")
    write(portal_copy / copy, text)
    status, found = validate_json(run_cli, portal_copy, copy)
    assert status == 1
    # The copy's spelling ("QD" for "QĐ") is named in the same pass as the duplicate.
    assert [(d["line"], d["code"]) for d in found] == [
        (line_of(text, "so_ky_hieu:"), "document-number-spelling"),
        (line_of(text, "so_ky_hieu:"), "duplicate-document-number"),
    ]
    assert found[1]["message"] == (
        'Văn bản số "471/QD-TTg" đã được đăng ở agencies/bo-tu-phap/van-ban-moi/'
        "quyet-dinh-471-qd-ttg.md; mỗi văn bản chỉ đăng một lần. Xóa tệp trùng hoặc sửa số "
        "ký hiệu."
    )


def document(agency: str, slug: str, number: str, issuer: str) -> Item:
    data = {
        "number": number,
        "doc_type": "Quyết định",
        "issuer": issuer,
        "issued": dt.date(2019, 4, 26),
        "effective": dt.date(2019, 4, 26),
    }
    return Item(
        agency,
        "van-ban-moi",
        slug,
        f"agencies/{agency}/van-ban-moi/{slug}.md",
        f"Quyết định {number}",
        dt.date(2019, 4, 26),
        "",
        data=data,
    )


DECISION = document("bo-tu-phap", "quyet-dinh-471", "471/QĐ-TTg", "Thủ tướng Chính phủ")
LOCAL = document("ha-noi", "quyet-dinh-15", "15/QĐ-UBND", "Ủy ban nhân dân thành phố Hà Nội")
REGISTRY = Registry([DECISION, LOCAL])
AS_OF = dt.date(2026, 11, 23)


def test_mentions_link_across_sites_but_not_in_links_headings_or_code() -> None:
    page = "ha-noi/tin-tuc/bai-viet/"
    html = (
        "<h2>Quyết định 471/QĐ-TTg</h2>"
        "<p>Theo Quyết định 471/QĐ-TTg và 471/QD-TTg, 999/QĐ-TTg chưa đăng.</p>"
        '<p><a href="https://vbpl.vn">471/QĐ-TTg</a> <code>471/QĐ-TTg</code></p>'
        "<pre><code>471/QĐ-TTg</code></pre><p>15/QĐ-UBND</p>"
    )
    linked = link_documents(html, REGISTRY, page, "ha-noi", AS_OF)
    href = "../../../bo-tu-phap/van-ban-moi/quyet-dinh-471/"
    title = "Quyết định 471/QĐ-TTg. Còn hiệu lực (tính đến ngày 23/11/2026)"
    assert linked == (
        "<h2>Quyết định 471/QĐ-TTg</h2>"
        f'<p>Theo Quyết định <a class="pb-doc-link" href="{href}" title="{title}">471/QĐ-TTg</a>'
        f' và <a class="pb-doc-link" href="{href}" title="{title}">471/QD-TTg</a>, '
        "999/QĐ-TTg chưa đăng.</p>"
        '<p><a href="https://vbpl.vn">471/QĐ-TTg</a> <code>471/QĐ-TTg</code></p>'
        "<pre><code>471/QĐ-TTg</code></pre>"
        '<p><a class="pb-doc-link" href="../../van-ban-moi/quyet-dinh-15/" '
        'title="Quyết định 15/QĐ-UBND. Còn hiệu lực (tính đến ngày 23/11/2026)">15/QĐ-UBND</a></p>'
    )
    # A province's number means that province's document only.
    national = link_documents("<p>15/QĐ-UBND</p>", REGISTRY, "gioi-thieu/", "", AS_OF)
    assert national == "<p>15/QĐ-UBND</p>"


def test_relative_urls_work_from_any_page() -> None:
    target = "bo-tu-phap/van-ban-moi/quyet-dinh-471/"
    assert relative_url(target, "") == "bo-tu-phap/van-ban-moi/quyet-dinh-471/"
    assert relative_url(target, "gioi-thieu/") == "../bo-tu-phap/van-ban-moi/quyet-dinh-471/"
    assert relative_url(target, "bo-tu-phap/van-ban-moi/khac/") == "../quyet-dinh-471/"


def test_nearby_numbers_of_other_laws_are_not_reported() -> None:
    law = Item(
        "bo-y-te",
        "van-ban-moi",
        "luat",
        "agencies/bo-y-te/van-ban-moi/luat.md",
        "Luật rượu, bia",
        dt.date(2019, 6, 14),
        "",
        data={
            "number": "44/2019/QH14",
            "doc_type": "Luật",
            "issuer": "Quốc hội",
            "issued": dt.date(2019, 6, 14),
            "effective": dt.date(2020, 1, 1),
        },
    )
    registry = Registry([law])
    text = (
        "Bộ luật Lao động số 45/2019/QH14 ngày 20/11/2019.\n"
        "Bộ luật Lao động 45/2019/QH14.\n"
        "Luật số 45/2019/QH14 ngày 14/6/2019."
    )
    assert [(p.line, p.code) for p in check_text(text, registry, "")] == [(2, "citation-typo")]
