"""Publishing controls: drafts, scheduled items, withdrawals and redirects, in real builds."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from pathlib import Path

import pytest
from playwright.sync_api import Page

from pbgdpl.catalog import Catalog
from pbgdpl.cli import main
from pbgdpl.loading.portal import load_portal
from pbgdpl.model.moment import BuildMoment
from pbgdpl.search.canonical import plain_bytes

from conftest import AS_OF, copy_portal, serve, write
from htmlcheck import links_of, resolve

AGENCY = "lao-cai"
TOMORROW = AS_OF + dt.timedelta(days=1)
ITEMS = {
    "lich-tiep-cong-dan-thang-12": f"publish_at: {TOMORROW.isoformat()}T08:00\n",
    "ban-nhap-ke-hoach": "draft: true\n",
    "thong-bao-cu-da-thay-the": (
        "withdrawn:\n  date: 2026-11-20\n"
        '  reason: "Thông báo đã được thay thế bởi Thông báo ngày 20/11/2026."\n'
    ),
    "thong-bao-se-thoi-dang": 'withdrawn: {date: 2026-12-01, reason: "Hết thời hạn."}\n',
    "tong-ket-hoa-giai-2026": f'redirect_from: ["{AGENCY}/tin-tuc/tong-ket-hoa-giai/"]\n',
}
TITLES = {
    "lich-tiep-cong-dan-thang-12": "Lịch tiếp công dân tháng 12",
    "ban-nhap-ke-hoach": "Bản nháp kế hoạch tuyên truyền",
    "thong-bao-cu-da-thay-the": "Thông báo cũ đã được thay thế",
    "thong-bao-se-thoi-dang": "Thông báo sẽ thôi đăng đầu tháng 12",
    "tong-ket-hoa-giai-2026": "Tổng kết công tác hòa giải năm 2026",
}


def add_items(root: Path) -> None:
    """Add one news item per publishing control to the copy of the portal at `root`."""
    for slug, control in ITEMS.items():
        write(
            root / "agencies" / AGENCY / "tin-tuc" / f"{slug}.md",
            f"---\ntitle: {TITLES[slug]}\ndate: 2026-11-18\n{control}---\n\n"
            f"Nội dung {TITLES[slug].lower()}, để kiểm tra việc đăng bài.\n",
        )


@pytest.fixture(scope="module")
def builds(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The portal with those items, built as of today and as of tomorrow (national + Lào Cai)."""
    root = copy_portal(tmp_path_factory.mktemp("publishing") / "portal")
    add_items(root)
    outs = {}
    for name, as_of in (("today", AS_OF), ("tomorrow", TOMORROW)):
        outs[name] = root / f"site-{name}"
        status = main(
            [
                "--root",
                str(root),
                "build",
                "--out",
                str(outs[name]),
                "--as-of",
                as_of.isoformat(),
                "--only",
                AGENCY,
            ]
        )
        assert status == 0
    return outs


def page(out: Path, slug: str) -> Path:
    return out / AGENCY / "tin-tuc" / slug / "index.html"


def listed(out: Path) -> str:
    """Return every listing and feed that could name an item of the agency's news."""
    files = [
        out / AGENCY / "tin-tuc/index.html",
        out / AGENCY / "index.html",
        out / "tin-tuc/index.html",
        out / AGENCY / "feed.xml",
        out / "feed.xml",
    ]
    return "\n".join(f.read_text("utf-8") for f in files if f.is_file())


def indexed_urls(out: Path) -> set[str]:
    """Return the URLs Pagefind indexed for the agency's site."""
    urls = set()
    for fragment in (out / AGENCY / "pagefind" / "fragment").glob("*.pf_fragment"):
        data = plain_bytes(fragment).removeprefix(b"pagefind_dcd")
        urls.add(json.loads(data)["url"])
    return urls


def test_a_scheduled_item_is_absent_before_its_day_and_present_on_it(
    builds: dict[str, Path],
) -> None:
    slug, title = "lich-tiep-cong-dan-thang-12", TITLES["lich-tiep-cong-dan-thang-12"]
    today, tomorrow = builds["today"], builds["tomorrow"]
    assert not page(today, slug).exists()
    assert title not in listed(today)
    assert f"/{AGENCY}/tin-tuc/{slug}/" not in indexed_urls(today)
    assert page(tomorrow, slug).is_file()
    assert title in (tomorrow / AGENCY / "tin-tuc/index.html").read_text("utf-8")
    assert title in (tomorrow / "tin-tuc/index.html").read_text("utf-8")
    assert f"/{AGENCY}/tin-tuc/{slug}/" in indexed_urls(tomorrow)


def test_a_scheduled_item_is_dated_by_the_day_it_goes_out(builds: dict[str, Path]) -> None:
    """Written on 18/11 for tomorrow 08:00: its page and feeds show tomorrow 08:00, not 18/11."""
    slug, tomorrow = "lich-tiep-cong-dan-thang-12", builds["tomorrow"]
    moment = f"{TOMORROW.isoformat()}T08:00"
    shown = f'đăng lúc <time datetime="{moment}+07:00">08:00 ngày {TOMORROW:%d/%m/%Y}</time>'
    assert shown in page(tomorrow, slug).read_text("utf-8")
    feed = json.loads((tomorrow / AGENCY / "feed.json").read_text("utf-8"))
    entry = next(e for e in feed["items"] if e["url"].endswith(f"/{slug}/"))
    assert entry["date_published"] == f"{moment}:00+07:00"
    atom = (tomorrow / AGENCY / "feed.xml").read_text("utf-8")
    assert f"<published>{moment}:00+07:00</published>" in atom


def test_a_draft_is_never_published(builds: dict[str, Path]) -> None:
    for out in builds.values():
        assert not page(out, "ban-nhap-ke-hoach").exists()
        assert TITLES["ban-nhap-ke-hoach"] not in listed(out)


def test_a_withdrawn_item_keeps_its_address_with_a_notice_and_leaves_lists_and_search(
    builds: dict[str, Path],
) -> None:
    out = builds["today"]
    html = page(out, "thong-bao-cu-da-thay-the").read_text("utf-8")
    assert 'class="pb-withdrawn" role="note"' in html
    assert '<strong>Bài này đã thôi đăng</strong> từ ngày <time datetime="2026-11-20">' in html
    assert "Lý do: Thông báo đã được thay thế bởi Thông báo ngày 20/11/2026." in html
    assert 'data-pagefind-ignore="all"' in html and "data-pagefind-body" not in html
    assert TITLES["thong-bao-cu-da-thay-the"] not in listed(out)
    assert f"/{AGENCY}/tin-tuc/thong-bao-cu-da-thay-the/" not in indexed_urls(out)
    # Other items are still indexed: the site's search works.
    assert f"/{AGENCY}/tin-tuc/tong-ket-hoa-giai-2026/" in indexed_urls(out)


def test_a_withdrawal_dated_later_waits_for_its_day(builds: dict[str, Path]) -> None:
    html = page(builds["today"], "thong-bao-se-thoi-dang").read_text("utf-8")
    assert "pb-withdrawn" not in html
    assert TITLES["thong-bao-se-thoi-dang"] in listed(builds["today"])


def test_an_old_address_redirects_to_the_new_one_without_script(builds: dict[str, Path]) -> None:
    out = builds["today"]
    old = out / AGENCY / "tin-tuc/tong-ket-hoa-giai/index.html"
    html = old.read_text("utf-8")
    assert '<meta http-equiv="refresh" content="0; url=../tong-ket-hoa-giai-2026/">' in html
    assert "../tong-ket-hoa-giai-2026/" in links_of(old)
    assert TITLES["tong-ket-hoa-giai-2026"] in html
    assert "<script" not in html
    for link in links_of(old):
        target = resolve(out, old, link)
        assert target is not None and target.is_file(), link
    assert f"/{AGENCY}/tin-tuc/tong-ket-hoa-giai/" not in indexed_urls(out)


def test_a_browser_follows_the_redirect_under_a_mirror_base_path(
    builds: dict[str, Path], page: Page
) -> None:
    with serve(builds["today"], "/guong/pbgdpl/") as url:
        page.goto(f"{url}{AGENCY}/tin-tuc/tong-ket-hoa-giai/")
        page.wait_for_url(f"{url}{AGENCY}/tin-tuc/tong-ket-hoa-giai-2026/", timeout=5000)
        assert page.locator("h1").inner_text() == TITLES["tong-ket-hoa-giai-2026"]


def test_as_of_a_date_means_its_end_and_a_moment_is_exact(tmp_path: Path) -> None:
    root = copy_portal(tmp_path / "portal")
    add_items(root)
    portal = load_portal(root)

    def published(moment: BuildMoment) -> set[str]:
        catalog = Catalog.from_portal(portal, moment)
        return {i.slug for i in catalog.items(AGENCY, "tin-tuc")}

    scheduled = "lich-tiep-cong-dan-thang-12"
    assert scheduled not in published(BuildMoment.end_of(AS_OF))
    assert scheduled in published(BuildMoment.end_of(TOMORROW))
    assert scheduled not in published(BuildMoment.parse(f"{TOMORROW.isoformat()}T07:59"))
    assert scheduled in published(BuildMoment.parse(f"{TOMORROW.isoformat()}T08:00"))
    assert BuildMoment.parse(AS_OF.isoformat()).at == dt.datetime(2026, 11, 23, 23, 59)
    # Withdrawn items have pages but leave every listing method.
    catalog = Catalog.from_portal(portal, BuildMoment.end_of(AS_OF))
    pages = {i.slug for i in catalog.item_pages(AGENCY)}
    assert "thong-bao-cu-da-thay-the" in pages
    assert "thong-bao-cu-da-thay-the" not in {i.slug for i in catalog.items(AGENCY)}
    assert "thong-bao-cu-da-thay-the" not in {i.slug for i in catalog.latest("tin-tuc", 1000)}


CONTROL_ERRORS = [
    ("draft: yes\n", "wrong-type", '"draft" (Bản nháp, chưa đăng) phải là true hoặc false'),
    ("publish_at: 2026-11-24 8h\n", "invalid-moment", "YYYY-MM-DDTHH:MM"),
    ("publish_at: 2026-02-30T08:00\n", "invalid-moment", "ngày và giờ Việt Nam"),
    ("withdrawn: true\n", "invalid-withdrawal", 'hai khóa "date" (ngày thôi đăng) và "reason"'),
    ('withdrawn: {date: 2026-11-31, reason: "x"}\n', "invalid-date", "Ngày thôi đăng"),
    ('redirect_from: ["../etc/passwd"]\n', "invalid-redirect", "không phải địa chỉ cũ hợp lệ"),
    (
        'redirect_from: ["ha-noi/tin-tuc/bai-cu/"]\n',
        "redirect-outside-agency",
        'phải thuộc trang của đơn vị mình, tức bắt đầu bằng "lao-cai/"',
    ),
    ('redirect_from: ["lao-cai/tin-tuc/"]\n', "redirect-conflict", "trang danh sách"),
    ('redirect_from: ["lao-cai/tin-tuc/bai-thu-8/"]\n', "redirect-to-itself", "chính là địa chỉ"),
]


def test_publishing_controls_are_checked_with_a_fix_in_the_message(
    portal_copy: Path, run_cli: Callable[..., tuple[int, str, str]]
) -> None:
    for number, (control, _, _) in enumerate(CONTROL_ERRORS):
        write(
            portal_copy / f"agencies/{AGENCY}/tin-tuc/bai-thu-{number}.md",
            f"---\ntitle: Bài thử\ndate: 2026-11-18\n{control}---\n\nNội dung.\n",
        )

    status, out, _ = run_cli(portal_copy, "validate", f"agencies/{AGENCY}/tin-tuc")

    assert status == 1
    lines = out.splitlines()
    for number, (control, code, message) in enumerate(CONTROL_ERRORS):
        place = f"agencies/{AGENCY}/tin-tuc/bai-thu-{number}.md:"
        assert any(
            line.startswith(place) and f"lỗi [{code}]" in line and message in line for line in lines
        ), (control, out)


def test_an_old_address_is_claimed_once_and_never_while_in_use(
    portal_copy: Path, run_cli: Callable[..., tuple[int, str, str]]
) -> None:
    existing = sorted((portal_copy / "agencies" / AGENCY / "tin-tuc").glob("*.md"))[0].stem
    claims = {"bai-mot": "cu", "bai-hai": "cu", "bai-ba": existing}
    for slug, old in claims.items():
        write(
            portal_copy / f"agencies/{AGENCY}/tin-tuc/{slug}.md",
            f'---\ntitle: {slug}\ndate: 2026-11-18\nredirect_from: ["{AGENCY}/tin-tuc/{old}/"]\n'
            "---\n\nNội dung.\n",
        )

    status, out, _ = run_cli(portal_copy, "validate")

    assert status == 1
    assert f"agencies/{AGENCY}/tin-tuc/bai-mot.md:1: lỗi [duplicate-redirect]" in out
    assert (
        f"agencies/{AGENCY}/tin-tuc/bai-ba.md:1: lỗi [redirect-conflict] Địa chỉ cũ "
        f'"{AGENCY}/tin-tuc/{existing}/" đang là địa chỉ của bài'
    ) in out
