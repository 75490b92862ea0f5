"""Legal documents in a real build: status as of the build's date, relations, links, listings."""

from __future__ import annotations

import html
import re
from pathlib import Path

from conftest import AS_OF
from htmlcheck import links_of, resolve

DOCUMENTS = "bo-nong-nghiep-va-moi-truong/van-ban-moi"


def article_text(page: Path) -> str:
    """Return the visible text of a page's article, tags removed and spaces collapsed."""
    source = page.read_text("utf-8")
    found = re.search(r"<article.*?</article>", source, re.DOTALL)
    text = re.sub(r"<[^>]+>", " ", found.group(0) if found else source)
    return " ".join(html.unescape(text).split())


def test_document_page_shows_status_with_its_date(built_portal: Path) -> None:
    replaced = article_text(built_portal / DOCUMENTS / "luat-dat-dai-45-2013-qh13/index.html")
    assert f"Tình trạng hiệu lực: Hết hiệu lực toàn bộ (tính đến ngày {AS_OF:%d/%m/%Y})" in replaced
    assert "Bị thay thế bởi Luật 31/2024/QH15" in replaced
    assert "01/08/2024 Hết hiệu lực toàn bộ, bị thay thế bởi Luật 31/2024/QH15" in replaced
    partly = article_text(built_portal / "ha-noi/van-ban-moi/nghi-dinh-100-2019-nd-cp/index.html")
    assert "Tình trạng hiệu lực: Hết hiệu lực một phần (tính đến ngày" in partly


def test_relations_show_from_both_ends_and_link(built_portal: Path) -> None:
    page = built_portal / DOCUMENTS / "luat-dat-dai-31-2024-qh15/index.html"
    text = article_text(page)
    assert "Thay thế Luật 45/2013/QH13" in text
    assert "Được sửa đổi, bổ sung bởi Luật 43/2024/QH15" in text
    assert "Được hướng dẫn, quy định chi tiết bởi Nghị định 102/2024/NĐ-CP" in text
    targets = {resolve(built_portal, page, link) for link in links_of(page)}
    for slug in (
        "luat-dat-dai-45-2013-qh13",
        "nghi-dinh-102-2024-nd-cp",
        "luat-43-2024-qh15-sua-doi-luat-dat-dai",
    ):
        assert (built_portal / DOCUMENTS / slug / "index.html").resolve() in targets, slug


def test_attachments_show_type_and_size(built_portal: Path) -> None:
    page = built_portal / DOCUMENTS / "nghi-dinh-102-2024-nd-cp/index.html"
    assert "nghi-dinh-102-2024-nd-cp-tom-tat.odt (ODT, 1 KB)" in article_text(page)
    assert resolve(built_portal, page, "../nghi-dinh-102-2024-nd-cp-tom-tat.odt").is_file()


def test_a_mention_links_to_the_document_on_another_site(built_portal: Path) -> None:
    page = built_portal / "ha-noi/van-ban-moi/nghi-dinh-168-2024-nd-cp/index.html"
    source = page.read_text("utf-8")
    link = re.search(r'<a class="pb-doc-link" href="([^"]+)"[^>]*>44/2019/QH14</a>', source)
    assert link is not None
    law = "luat-phong-chong-tac-hai-cua-ruou-bia-44-2019-qh14"
    assert link[1] == f"../../../bo-y-te/van-ban-moi/{law}/"
    assert resolve(built_portal, page, link[1]).is_file()  # type: ignore[union-attr]


def test_national_listings_of_documents(built_portal: Path) -> None:
    listing = article_text(built_portal / "van-ban-moi/index.html")
    assert f"Tình trạng hiệu lực tính đến ngày {AS_OF:%d/%m/%Y}." in listing
    assert "Luật 45/2013/QH13 · Quốc hội · có hiệu lực từ 01/07/2014" in listing
    assert listing.index("Luật 31/2024/QH15") < listing.index("Luật 45/2013/QH13")
    field = article_text(built_portal / "van-ban-moi/linh-vuc/dat-dai/index.html")
    assert "Nghị định 102/2024/NĐ-CP" in field and "Luật 36/2024/QH15" not in field
    issuer = article_text(built_portal / "van-ban-moi/co-quan/chinh-phu/index.html")
    assert "Nghị định 168/2024/NĐ-CP" in issuer and "Luật 31/2024/QH15" not in issuer
    month = article_text(built_portal / "van-ban-moi/trong-thang/index.html")
    assert "Văn bản có hiệu lực trong tháng 11/2026" in month
    # Issuers and posting agencies grow with the portal: the first page links their lookup.
    first = built_portal / "van-ban-moi/index.html"
    assert "../van-ban-moi/tra-cuu/" in links_of(first)
    assert "van-ban-moi/co-quan/" not in first.read_text("utf-8")
    lookup = built_portal / "van-ban-moi/tra-cuu/index.html"
    assert "Chính phủ (" in article_text(lookup)
    for link in ("../../van-ban-moi/co-quan/chinh-phu/", "../../bo-tu-phap/van-ban-moi/"):
        assert link in links_of(lookup)
        assert resolve(built_portal, lookup, link).is_file()  # type: ignore[union-attr]


def test_as_of_before_and_after_effect_shows_two_statuses(
    built_portal: Path, portal_copy: Path, run_cli
) -> None:
    page = "bo-tu-phap/van-ban-moi/quyet-dinh-14-2019-qd-ttg/index.html"
    after = article_text(built_portal / page)
    assert f"Tình trạng hiệu lực: Còn hiệu lực (tính đến ngày {AS_OF:%d/%m/%Y})" in after
    out = portal_copy / "site"
    # Decision 14/2019/QĐ-TTg was issued on 13/03/2019 and took effect on 01/05/2019.
    run_cli(
        portal_copy, "build", "--out", str(out), "--as-of", "2019-04-30", "--only", "bo-tu-phap"
    )
    before = article_text(out / page)
    assert "Tình trạng hiệu lực: Chưa có hiệu lực (tính đến ngày 30/04/2019)" in before
    assert "01/05/2019 Có hiệu lực (sắp tới)" in before
