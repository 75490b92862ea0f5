"""Search answers citizens' questions: cases that must never regress, on a portal the test owns.

The portal (two agencies, a few items, the board's search dictionary) is written and built
in a temporary folder, served on 127.0.0.1 and searched by typing into the real search
page in headless Chromium, and from the offline package opened from disk. The rates over
a whole query set are benchmarks/search_quality.py's to print; here each case is one a
citizen would notice.
"""

from __future__ import annotations

import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page
from sections.samples import PORTAL_YML

from pbgdpl.cli import main

from conftest import AS_OF, copy_parts, serve, write

PROVINCE = "mau-son"
MINISTRY = "bo-dat-dai-mau"
LAW = f"{MINISTRY}/van-ban-moi/luat-dat-dai-31-2024-qh15/"
OLD_LAW = f"{MINISTRY}/van-ban-moi/luat-dat-dai-45-2013-qh13/"
MARRIAGE = f"{PROVINCE}/hoi-dap/thu-tuc-dang-ky-ket-hon/"
CERTIFICATE = f"{PROVINCE}/hoi-dap/cap-giay-chung-nhan-quyen-su-dung-dat/"
WILL = f"{PROVINCE}/hoi-dap/tu-viet-di-chuc/"

FILES = {
    "content/portal.yml": PORTAL_YML,
    "content/tu-dien-tim-kiem.yml": """\
sổ đỏ: giấy chứng nhận quyền sử dụng đất
TP MS: Mẫu Sơn
UBND: Ủy ban nhân dân
""",
    f"agencies/{PROVINCE}/agency.yml": f"""\
slug: {PROVINCE}
name: Tỉnh Mẫu Sơn
kind: province
unit: Sở Tư pháp tỉnh Mẫu Sơn
contacts:
  email: stp@mauson.example.gov.vn
editors: [mauson-bientap]
sections: [hoi-dap, tai-lieu, tin-tuc]
""",
    f"agencies/{MINISTRY}/agency.yml": f"""\
slug: {MINISTRY}
name: Bộ Đất đai Mẫu
kind: ministry
unit: Vụ Pháp chế
contacts:
  email: vpc@datdai.example.gov.vn
editors: [datdai-bientap]
sections: [van-ban-moi, tin-tuc]
""",
    f"agencies/{MINISTRY}/van-ban-moi/luat-dat-dai-31-2024-qh15.md": """\
---
title: Luật Đất đai số 31/2024/QH15
so_ky_hieu: "31/2024/QH15"
loai_van_ban: Luật
co_quan_ban_hanh: Quốc hội
nguoi_ky: Vương Đình Huệ
chuc_danh: Chủ tịch Quốc hội
ngay_ban_hanh: 2024-01-18
ngay_hieu_luc: 2024-08-01
linh_vuc: [Đất đai]
trich_yeu: Luật Đất đai
thay_the: ["45/2013/QH13"]
---
Luật quy định chế độ sở hữu đất đai, quyền sử dụng đất và giấy chứng nhận.
""",
    f"agencies/{MINISTRY}/van-ban-moi/luat-dat-dai-45-2013-qh13.md": """\
---
title: Luật Đất đai số 45/2013/QH13
so_ky_hieu: "45/2013/QH13"
loai_van_ban: Luật
co_quan_ban_hanh: Quốc hội
nguoi_ky: Nguyễn Sinh Hùng
chuc_danh: Chủ tịch Quốc hội
ngay_ban_hanh: 2013-11-29
ngay_hieu_luc: 2014-07-01
linh_vuc: [Đất đai]
trich_yeu: Luật Đất đai
---
Luật Đất đai năm 2013 quy định về quyền sử dụng đất.
""",
    f"agencies/{MINISTRY}/van-ban-moi/luat-43-2024-qh15.md": """\
---
title: Luật số 43/2024/QH15 sửa đổi, bổ sung một số điều của Luật Đất đai
so_ky_hieu: "43/2024/QH15"
loai_van_ban: Luật
co_quan_ban_hanh: Quốc hội
nguoi_ky: Trần Thanh Mẫn
chuc_danh: Chủ tịch Quốc hội
ngay_ban_hanh: 2024-06-29
ngay_hieu_luc: 2024-08-01
linh_vuc: [Đất đai]
trich_yeu: Sửa đổi, bổ sung một số điều của Luật Đất đai
sua_doi_bo_sung: ["31/2024/QH15"]
---
Luật sửa đổi Luật Đất đai, Luật Đất đai năm 2024 về thời điểm có hiệu lực của Luật Đất đai.
""",
    f"agencies/{MINISTRY}/tin-tuc/tap-huan-luat-dat-dai.md": """\
---
title: Tập huấn Luật Đất đai cho cán bộ địa chính
date: 2025-03-02
---
Hôm nay, Bộ tập huấn Luật Đất đai năm 2024. Kết quả đăng ký tham dự vượt kế hoạch; học
viên được hướng dẫn đăng ký đất đai, cấp giấy chứng nhận và kết nối dữ liệu.
""",
    f"agencies/{PROVINCE}/hoi-dap/thu-tuc-dang-ky-ket-hon.md": """\
---
title: Điều kiện và thủ tục đăng ký kết hôn
date: 2025-09-22
cau_hoi: Chúng tôi muốn đăng ký kết hôn thì cần giấy tờ gì và nộp ở đâu?
nguoi_hoi: Chị Lan, xã Mẫu Sơn
linh_vuc: [Hôn nhân và gia đình]
---
Hai bên nam, nữ đủ tuổi kết hôn nộp tờ khai đăng ký kết hôn tại Ủy ban nhân dân cấp xã nơi
cư trú của một trong hai bên. Thủ tục đăng ký kết hôn được giải quyết ngay trong ngày.
""",
    f"agencies/{PROVINCE}/hoi-dap/cap-giay-chung-nhan-quyen-su-dung-dat.md": """\
---
title: Đất không có giấy tờ có được cấp giấy chứng nhận quyền sử dụng đất không?
date: 2025-05-12
cau_hoi: Gia đình tôi sử dụng đất từ năm 1992, không có giấy tờ, có được cấp giấy chứng nhận?
nguoi_hoi: Ông Hùng, xã Mẫu Sơn
linh_vuc: [Đất đai]
---
Hộ gia đình sử dụng đất ổn định, không có tranh chấp được cấp giấy chứng nhận quyền sử dụng
đất theo Luật Đất đai.
""",
    # Tagged "di chúc" by its editors, its title a question that holds the words; the
    # other page's title ends with them, and its tag is another topic.
    f"agencies/{PROVINCE}/hoi-dap/tu-viet-di-chuc.md": """\
---
title: Người cao tuổi tự viết di chúc có cần công chứng không?
date: 2025-06-02
cau_hoi: Bố tôi 80 tuổi, tự tay viết di chúc, có bắt buộc phải công chứng không?
nguoi_hoi: Anh Minh, xã Mẫu Sơn
tags: [di chúc, người cao tuổi]
---
Di chúc bằng văn bản không có người làm chứng phải do người lập tự tay viết và ký.
""",
    f"agencies/{PROVINCE}/hoi-dap/thua-ke-theo-di-chuc.md": """\
---
title: Hỏi đáp về thừa kế theo di chúc
date: 2025-06-03
cau_hoi: Người được hưởng thừa kế theo di chúc cần làm thủ tục gì?
nguoi_hoi: Bà Hoa, xã Mẫu Sơn
tags: [thừa kế theo di chúc]
---
Người thừa kế theo di chúc khai nhận di sản tại tổ chức hành nghề công chứng.
""",
    f"agencies/{PROVINCE}/tai-lieu/so-tay-nguoi-benh.md": """\
---
title: Sổ tay quyền và nghĩa vụ của người bệnh
date: 2025-04-01
loai_tai_lieu: sổ tay
---
Hôm nay người bệnh đăng ký khám; kết quả khám được trả trong ngày. Người bệnh đăng ký
khám lại hôm sau, kết quả xét nghiệm được gửi qua tin nhắn. Đăng ký, kết nối, hôm qua, hôm kia.
""",
    f"agencies/{PROVINCE}/tai-lieu/to-gap-nha-mua-trong-hon-nhan.md": """\
---
title: "Tờ gấp: nhà mua trong thời kỳ hôn nhân"
date: 2025-06-01
description: Chia tài sản chung khi ly hôn, nhà đứng tên một người.
loai_tai_lieu: tờ gấp
---
Nhà mua trong thời kỳ hôn nhân là tài sản chung của vợ chồng.
""",
    f"agencies/{MINISTRY}/van-ban-moi/quyet-dinh-99-qd-bnnmt.md": """\
---
title: Quyết định số 99/QĐ-BNNMT về kế hoạch năm 2025
so_ky_hieu: "99/QĐ-BNNMT"
loai_van_ban: Quyết định
co_quan_ban_hanh: Bộ Nông nghiệp và Môi trường
nguoi_ky: Nguyễn Văn A
chuc_danh: Bộ trưởng
ngay_ban_hanh: 2025-01-10
ngay_hieu_luc: 2025-01-10
linh_vuc: [Đất đai]
trich_yeu: Kế hoạch năm 2025
---
Tuyên truyền về ly hôn ở cơ sở. Phân chia nhiệm vụ cho các đơn vị. Quản lý tài sản công và
kinh phí sản xuất tài liệu.
""",
    f"agencies/{PROVINCE}/tin-tuc/ra-mat-diem-tiep-can-phap-luat.md": """\
---
title: Mẫu Sơn ra mắt điểm tiếp cận pháp luật tại xã
date: 2025-10-01
---
Sở Tư pháp tỉnh Mẫu Sơn ra mắt điểm tiếp cận pháp luật, hướng dẫn người dân đăng ký
khai sinh, đăng ký kết hôn và cấp giấy chứng nhận quyền sử dụng đất.
""",
}


# Many pages whose titles end with "đăng ký kết hôn", as at national scale: more than the
# search page loads to order (and listed before it), so the index itself must put the
# answer among the first. Their shared tag is a category, which lifts none of them.
NEWS_ABOUT_MARRIAGE = {
    f"agencies/{MINISTRY}/tin-tuc/xa-{n}-tuyen-truyen-dang-ky-ket-hon.md": f"""\
---
title: Xã số {n} tuyên truyền về đăng ký kết hôn
date: 2025-0{1 + n % 9}-1{n % 10}
tags: [đăng ký kết hôn]
---
Xã số {n} tổ chức tuyên truyền về đăng ký kết hôn cho đoàn viên thanh niên.
"""
    for n in range(1, 13)
}


# Q&A pages of other units whose titles hold "đăng ký kết hôn" as closely as MARRIAGE's
# does, but whose text only names it between general paragraphs: the page whose text
# explains it comes first.
BOILERPLATE_ANSWERS = {
    f"agencies/{PROVINCE}/hoi-dap/hoi-dap-ve-dang-ky-ket-hon-{n}.md": f"""\
---
title: Hỏi đáp về đăng ký kết hôn
date: 2025-0{n}-05
cau_hoi: Xin hỏi quy định về đăng ký kết hôn có gì mới?
nguoi_hoi: Ông Tư, thôn {n}
---
Đơn vị số {n} trả lời như sau. Công tác phổ biến, giáo dục pháp luật được triển khai rộng
khắp, lồng ghép trong sinh hoạt của các đoàn thể. Cán bộ, công chức và báo cáo viên pháp luật
được tập huấn chuyên sâu; kinh phí được bố trí từ ngân sách nhà nước. Về đăng ký kết hôn,
người dân liên hệ cơ quan có thẩm quyền để được hướng dẫn.
"""
    for n in range(1, 4)
}


@pytest.fixture(scope="module")
def portal(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The test's own small portal, built; returns its output folder."""
    root = tmp_path_factory.mktemp("answers") / "portal"
    copy_parts(("theme", "mkdocs.yml"), root)
    for path, text in {**FILES, **NEWS_ABOUT_MARRIAGE, **BOILERPLATE_ANSWERS}.items():
        write(root / path, text)
    out = root / "site"
    status = main(["--root", str(root), "build", "--out", str(out), "--as-of", AS_OF.isoformat()])
    assert status == 0
    return out


@pytest.fixture(scope="module")
def url(portal: Path) -> Iterator[str]:
    with serve(portal) as root:
        yield root


@pytest.fixture(scope="module")
def tab(browser: Browser) -> Iterator[Page]:
    context = browser.new_context(locale="vi-VN")
    yield context.new_page()
    context.close()


def ask(tab: Page, url: str, query: str, path: str = "tim-kiem/") -> tuple[list[str], str]:
    """Type `query` into the search page at `path`; return the results' URLs and notes."""
    if not tab.url.startswith(url + path):
        tab.goto(url + path)
    box = tab.locator("#pb-search-q")
    box.fill(query)
    box.press("Enter")
    tab.wait_for_function(
        "() => document.getElementById('pb-search-results').getAttribute('aria-busy') === 'false'"
        " && !document.getElementById('pb-search-status-line').textContent.startsWith('Đang')"
    )
    links = tab.locator("#pb-search-results > li h2 a").evaluate_all(
        "links => links.map(a => a.href)"
    )
    status = tab.locator("#pb-search-status-line").text_content() or ""
    notes = tab.locator("#pb-search-notes").text_content() or ""
    return [str(link).removeprefix(url) for link in links], f"{status} {notes}"


@pytest.mark.parametrize(
    ("query", "first", "said"),
    [
        # Question words never stop a match, and the page says they were left out.
        ("làm sao để đăng ký kết hôn", MARRIAGE, "Bỏ qua từ để hỏi: làm sao để."),
        # Typed without accents, "de" after "lam sao" is "để", not "đề".
        ("lam sao de dang ky ket hon", MARRIAGE, "Bỏ qua từ để hỏi: lam sao de."),
        ("bao lâu thì được đăng ký kết hôn", MARRIAGE, "Bỏ qua từ để hỏi: bao lâu, thì, được."),
        # Telex and VNI leftovers become Vietnamese.
        ("ddawng kys keets hoon", MARRIAGE, "Đã sửa “ddawng” thành “đăng”"),
        ("d9a8ng ky1 ke6t ho6n", MARRIAGE, "“ke6t” thành “kêt”"),
        # One wrong letter: "hôm" is a word, but "kết hôm" is not; the handbook full of
        # "hôm", "đăng ký" and "kết quả" must not win.
        ("đăng ký kết hôm", MARRIAGE, "Đã sửa “hom” thành “hon”."),
        # The board's dictionary.
        ("sổ đỏ", CERTIFICATE, "Đã tìm “giấy chứng nhận quyền sử dụng đất” cho “sổ đỏ”."),
        # The document whose title is the query, in force before the repealed one.
        ("luật đất đai", LAW, "Có "),
        ("luat dat dai", LAW, "Có "),
        # A year in the query must match the document's.
        ("luật đất đai 2013", OLD_LAW, "Có "),
        # "năm" before a year says what follows: the law need not have the word.
        ("luật đất đai năm 2013", OLD_LAW, "Có "),
        # Among Q&A titles that end with the query, the one whose text explains it.
        ("đăng ký kết hôn", MARRIAGE, "Có "),
        ("dang ky ket hon", MARRIAGE, "Có "),
        # An agency's everyday names reach its home.
        ("sở tư pháp mẫu sơn", f"{PROVINCE}/", "Có "),
        ("TP MS", f"{PROVINCE}/", "Đã tìm “Mẫu Sơn” cho “tp ms”."),
        # Words that say what kind of body a name is are optional around it: the home of
        # "Tỉnh Mẫu Sơn" never says "Ủy ban nhân dân", pages that do must not win.
        ("ubnd tỉnh mẫu sơn", f"{PROVINCE}/", "Đã tìm “Ủy ban nhân dân” cho “ubnd”."),
        # A tag few pages carry names a page's topic: it ranks as a title starting so.
        ("di chúc", WILL, "Có "),
        ("di chuc", WILL, "Có "),
    ],
)
def test_a_citizens_query_finds_its_answer_first(
    tab: Page, url: str, query: str, first: str, said: str
) -> None:
    found, notes = ask(tab, url, query)
    assert found[0] == first, (found, notes)
    assert said in notes


def test_words_next_to_each_other_beat_a_document_that_has_them_scattered(
    tab: Page, url: str
) -> None:
    # Neither title holds the query: what the page is (a document before a leaflet) must
    # not outweigh where its words are.
    found, _ = ask(tab, url, "ly hôn chia tài sản")
    assert found[0] == f"{PROVINCE}/tai-lieu/to-gap-nha-mua-trong-hon-nhan/"


def test_the_in_force_law_comes_before_the_repealed_one_of_the_same_name(
    tab: Page, url: str
) -> None:
    found, _ = ask(tab, url, "luật đất đai")
    assert found.index(LAW) < found.index(OLD_LAW)


def test_a_word_no_page_has_never_empties_the_search_and_is_named(tab: Page, url: str) -> None:
    found, notes = ask(tab, url, "thủ tục đăng ký kết hôn xyzqw")
    assert found[0] == MARRIAGE
    assert "Không trang nào có từ “xyzqw”." in notes


def test_when_no_page_has_every_word_pages_with_most_words_follow_and_say_what_they_lack(
    tab: Page, url: str
) -> None:
    found, notes = ask(tab, url, "giấy chứng nhận kết hôn người bệnh")
    assert found
    assert "có đủ các từ “giấy chứng nhận kết hôn người bệnh”" in notes
    missing = tab.locator("#pb-search-results > li .pb-result__missing").first.text_content()
    assert (missing or "").startswith("Không có từ: ")


def test_an_unknown_word_is_not_matched_by_its_first_letters(tab: Page, url: str) -> None:
    # "đt" would match every word starting with "đ" (đất, đăng, điểm …) if it were cut.
    found, notes = ask(tab, url, "qxđt")
    assert found == []
    assert "Không tìm thấy kết quả nào" in notes
    assert "Không trang nào có từ “qxđt”." in notes


def test_a_near_miss_is_offered_as_a_search_in_one_click(tab: Page, url: str) -> None:
    found, notes = ask(tab, url, "giấyy chuứng nhậnn")
    assert "Có phải bạn muốn tìm" in notes or found[0] == CERTIFICATE
    suggestion = tab.locator("#pb-search-notes a")
    if suggestion.count():
        suggestion.click()
        tab.wait_for_function(
            "() => document.getElementById('pb-search-results').children.length > 0"
        )


def test_an_agency_page_ranks_alike_and_widens_in_one_click(tab: Page, url: str) -> None:
    found, notes = ask(tab, url, "làm sao để đăng ký kết hôn", path=f"{PROVINCE}/tim-kiem/")
    assert found[0] == MARRIAGE
    assert "Bỏ qua từ để hỏi" in notes
    with tab.expect_navigation():
        tab.get_by_role("link", name="Tìm trên toàn Cổng thử").click()
    tab.wait_for_function("() => document.getElementById('pb-search-results').children.length > 0")
    assert tab.locator("#pb-search-results > li h2 a").first.get_attribute("href")


def test_the_offline_package_ranks_with_the_same_rules(
    portal: Path, tmp_path: Path, page: Page
) -> None:
    archive = tmp_path / f"{PROVINCE}.zip"
    status = main(
        [
            "mirror",
            "--site",
            str(portal),
            "--only",
            PROVINCE,
            "--out",
            str(archive),
            "--today",
            AS_OF.isoformat(),
        ]
    )
    assert status == 0
    with zipfile.ZipFile(archive) as package:
        package.extractall(tmp_path / "open")
    search_page = next((tmp_path / "open").rglob("tim-kiem.html"))
    for query, first in (
        # The agency's home is searched offline too, by its name and everyday names.
        ("sở tư pháp mẫu sơn", f"{PROVINCE}/index.html"),
        ("TP MS", f"{PROVINCE}/index.html"),
        ("ubnd tỉnh mẫu sơn", f"{PROVINCE}/index.html"),
        ("ddawng kys keets hoon", "thu-tuc-dang-ky-ket-hon"),
        ("đăng ký kết hôm", "thu-tuc-dang-ky-ket-hon"),
        ("sổ đỏ", "cap-giay-chung-nhan-quyen-su-dung-dat"),
        ("di chúc", "tu-viet-di-chuc"),
    ):
        page.goto(f"{search_page.as_uri()}?q={query}")
        link = page.locator("[data-pb-offline-results] a").first
        assert first in (link.get_attribute("href") or ""), query


def test_a_title_is_matched_with_the_question_words_inside_a_name(tab: Page, url: str) -> None:
    # "và" is left out of a question, but not from inside a name: the agency's home
    # "Bộ Nông nghiệp và Môi trường" is found by its title among thousands of its pages.
    tab.goto(url + "tim-kiem/")
    tab.add_script_tag(url=url + "assets/pbgdpl/search-rules.js")
    titles = tab.evaluate(
        """() => {
          const S = window.PbgdplSearch;
          const lexicon = new S.Lexicon({
            pages: 9, words: "bo nong nghiep va moi truong lam sao de dang ky ket hon"
          });
          return ["Bộ Nông nghiệp và Môi trường", "làm sao để đăng ký kết hôn"]
            .map((query) => S.prepare(query, lexicon).title);
        }"""
    )
    assert titles == ["zqtbonongnghiepvamoitruong", "zqtdangkykethon"]


def test_the_words_the_dictionary_brought_weigh_more_than_the_words_typed(
    tab: Page, url: str
) -> None:
    # "tiền nuôi con" means "cấp dưỡng nuôi con": the page about child support, which has
    # the dictionary's words, comes before pages about custody ("quyền nuôi con sau khi ly
    # hôn") that have as many of the words typed and a better engine score.
    tab.goto(url + "tim-kiem/")
    tab.add_script_tag(url=url + "assets/pbgdpl/search-rules.js")
    first = tab.evaluate(
        """() => {
          const S = window.PbgdplSearch;
          const lexicon = new S.Lexicon({
            pages: 100, words: "cap duong nuoi con sau khi ly hon",
            rewrites: { "tien nuoi con": "cấp dưỡng nuôi con", "ly di": "ly hôn" }
          });
          const plan = S.prepare("tiền nuôi con sau khi ly dị", lexicon);
          const has = {
            support: ["cấp", "dưỡng", "nuôi", "con", "ly", "hôn"],
            custody: ["nuôi", "con", "sau", "khi", "ly", "hôn"]
          };
          const score = { support: 0.5, custody: 1 };
          const terms = plan.terms.map((t) => {
            const map = new Map();
            for (const id of ["support", "custody"]) {
              if (has[id].includes(t.text)) map.set(id, { result: id, score: score[id] });
            }
            return map;
          });
          const found = {
            terms, pairs: plan.pairs.map(() => new Map()), title: new Map(), titleEnd: new Map()
          };
          return S.combine(plan, found, lexicon).list[0].id;
        }"""
    )
    assert first == "support"


def test_a_title_of_its_own_comes_before_a_title_many_units_copied(tab: Page, url: str) -> None:
    # Forty units publish "Hỏi đáp về người được trợ giúp pháp lý miễn phí"; among titles
    # that hold the query alike, the answer with a title of its own comes first, even when
    # the copies' text repeats the words more.
    tab.goto(url + "tim-kiem/")
    tab.add_script_tag(url=url + "assets/pbgdpl/search-rules.js")
    order = tab.evaluate(
        """() => {
          const S = window.PbgdplSearch;
          const lexicon = new S.Lexicon({ pages: 100, words: "tro giup phap ly mien phi" });
          const plan = S.prepare("trợ giúp pháp lý miễn phí", lexicon);
          const page = (title, about) => ({
            title, aliases: [], topics: [], about, number: "", status: "",
            section: "hoi-dap", summary: ""
          });
          const copy = "Hỏi đáp về người được trợ giúp pháp lý miễn phí";
          const entries = [1, 2, 3].map((n) => ({
            id: "copy" + n, cover: 1, score: 1,
            page: page(copy, "tro:30 giup:30 phap:30 ly:30 mien:20 phi:20")
          }));
          entries.push({
            id: "own", cover: 1, score: 1,
            page: page("Người cao tuổi có được trợ giúp pháp lý miễn phí không?",
              "tro:9 giup:9 phap:9 ly:9 mien:5 phi:5")
          });
          return S.order(entries, plan).map((e) => e.id);
        }"""
    )
    assert order[0] == "own", order


def test_a_word_found_in_a_pair_is_not_taken_for_its_other_accents(tab: Page, url: str) -> None:
    # The answer about "ly hôn chia tài sản" shows "tại" in its summary, but its text has
    # the pair "tài sản": it is not a page that only has "tài" with other accents.
    tab.goto(url + "tim-kiem/")
    tab.add_script_tag(url=url + "assets/pbgdpl/search-rules.js")
    first = tab.evaluate(
        """() => {
          const S = window.PbgdplSearch;
          const lexicon = new S.Lexicon({ pages: 100, words: "ly hon chia tai san" });
          const plan = S.prepare("ly hôn chia tài sản", lexicon);
          const page = (title, summary) => ({
            title, aliases: [], topics: [], about: "", number: "", status: "",
            section: "tinh-huong", summary
          });
          const pages = {
            answer: page("Khi ly hôn chia nhà thế nào?", "Căn hộ mua tại phường Hà Đông."),
            other: page("Đối thoại chính sách về đất đai", "Tài sản, ly hôn và chia đất.")
          };
          const score = { answer: 0.5, other: 0.4 };
          const hit = (id) => ({ result: id, score: score[id] });
          const both = () => new Map(Object.keys(pages).map((id) => [id, hit(id)]));
          const found = {
            terms: plan.terms.map(both),
            pairs: plan.pairs.map((p) => new Map(
              p.a === "tai" ? [["answer", hit("answer")]] : []
            )),
            title: new Map(), titleEnd: new Map()
          };
          const entries = S.combine(plan, found, lexicon).list;
          entries.forEach((e) => { e.page = pages[e.id]; });
          return S.order(entries, plan)[0].id;
        }"""
    )
    assert first == "answer"
