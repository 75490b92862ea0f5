"""Incremental builds: after each kind of edit, only what shows it is rebuilt, and the
result is byte for byte what a full build of the same input gives."""

from __future__ import annotations

import hashlib
import json
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import NamedTuple

import pytest

from pbgdpl.pipeline.search_index import TERMS
from pbgdpl.publishing.output import CACHE_DIR
from pbgdpl.search.records import RECORDS

from conftest import write

pytestmark = pytest.mark.long
ARGS = ("--as-of", "2026-11-23")
ALCOHOL_LAW = "agencies/bo-y-te/van-ban-moi/luat-phong-chong-tac-hai-cua-ruou-bia-44-2019-qh14.md"
NEWS = "agencies/ha-noi/tin-tuc/boi-duong-hoa-giai-vien-nam-2026.md"
QUESTION = "agencies/bo-tu-phap/hoi-dap/hoi-dap-ve-dang-ky-ket-hon.md"
NEW_AGENCY = """slug: don-vi-moi
name: Ủy ban Trung ương Mặt trận Tổ quốc Việt Nam
kind: organisation
unit: Ban Tuyên giáo
description: Trang thông tin phổ biến, giáo dục pháp luật thí điểm của một đơn vị mới.
contacts:
  address: 1 Tràng Tiền, Hà Nội
  phone: "024 0000 0000"
  email: pbgdpl@example.gov.vn
editors: [dvm-bientap-an]
sections: [van-ban-moi, tin-tuc]
"""
NEW_DOCUMENT = """---
title: Kế hoạch số 7/KH-MTTW phổ biến pháp luật năm 2026
description: Kế hoạch phổ biến, giáo dục pháp luật năm 2026 của đơn vị mới.
so_ky_hieu: "7/KH-MTTW"
loai_van_ban: Kế hoạch
co_quan_ban_hanh: Ủy ban Trung ương Mặt trận Tổ quốc Việt Nam
trich_yeu: Phổ biến, giáo dục pháp luật năm 2026
nguoi_ky: Nguyễn Thị An
chuc_danh: Chủ tịch
ngay_ban_hanh: 2026-02-02
ngay_hieu_luc: 2026-02-02
linh_vuc:
  - Hòa giải ở cơ sở
---

Kế hoạch phổ biến, giáo dục pháp luật năm 2026 của đơn vị.
"""
NEW_NEWS = """---
title: Ra mắt trang thông tin phổ biến pháp luật của đơn vị mới
date: 2026-11-02
description: Đơn vị mới ra mắt trang thông tin phổ biến, giáo dục pháp luật.
---

Trang thông tin của đơn vị đã hoạt động từ tháng 11/2026.
"""


def _tree(root: Path) -> dict[str, str]:
    return {
        p.relative_to(root).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(root.rglob("*"))
        if p.is_file() and p.relative_to(root).parts[0] != CACHE_DIR
    }


def _national_index(out: Path) -> dict[str, tuple[int, str]]:
    return {
        p.relative_to(out).as_posix(): (p.stat().st_ino, hashlib.sha256(p.read_bytes()).hexdigest())
        for p in (out / "pagefind").rglob("*")
        # The index, not the national site's own records and dictionary it is made from.
        if p.is_file() and not p.name.startswith((RECORDS, TERMS))
    }


def _differences(one: Path, other: Path) -> list[str]:
    first, second = _tree(one), _tree(other)
    return sorted(k for k in first.keys() | second.keys() if first.get(k) != second.get(k))


def _replace(root: Path, name: str, old: str, new: str) -> None:
    path = root / name
    text = path.read_text("utf-8")
    assert old in text, f"{old!r} not in {name}"
    path.write_text(text.replace(old, new, 1), "utf-8")


def _edit_body(root: Path) -> None:
    _replace(root, NEWS, "Từ ngày 20/7", "Trong hai tuần, từ ngày 20/7")


def _retag(root: Path) -> None:
    _replace(root, NEWS, "  - bồi dưỡng\n", "  - bồi dưỡng\n  - kỹ năng hòa giải\n")


def _edit_title(root: Path) -> None:
    _replace(root, QUESTION, "title: Điều kiện", "title: Hỏi đáp về điều kiện")


def _expire_law(root: Path) -> None:
    _replace(
        root,
        ALCOHOL_LAW,
        "ngay_hieu_luc: 2020-01-01\n",
        "ngay_hieu_luc: 2020-01-01\nngay_het_hieu_luc: 2026-11-01\n",
    )


def _edit_agency(root: Path) -> None:
    _replace(root, "agencies/lao-cai/agency.yml", "description: ", "description: Cập nhật. ")


def _add_item(root: Path) -> None:
    write(root / "agencies/ha-noi/tin-tuc/tin-moi-cuoi-thang-11.md", NEW_NEWS)


def _add_agency(root: Path) -> None:
    write(root / "agencies/don-vi-moi/agency.yml", NEW_AGENCY)
    write(root / "agencies/don-vi-moi/van-ban-moi/ke-hoach-7-kh-mttw.md", NEW_DOCUMENT)
    write(root / "agencies/don-vi-moi/tin-tuc/ra-mat-trang.md", NEW_NEWS)


def _remove_item(root: Path) -> None:
    (root / NEWS).unlink()


def _remove_agency(root: Path) -> None:
    shutil.rmtree(root / "agencies/don-vi-moi")


def _edit_phone(root: Path) -> None:
    path = root / "agencies/lao-cai/agency.yml"
    text = path.read_text("utf-8")
    phone = next(line for line in text.splitlines() if line.strip().startswith("phone:"))
    _replace(root, "agencies/lao-cai/agency.yml", phone, phone.split(":")[0] + ': "0214 000 0000"')


NEWS_PAGE = "ha-noi/tin-tuc/boi-duong-hoa-giai-vien-nam-2026/index.html"
QUESTION_PAGE = "bo-tu-phap/hoi-dap/hoi-dap-ve-dang-ky-ket-hon/index.html"
LAW_PAGE = "bo-y-te/van-ban-moi/luat-phong-chong-tac-hai-cua-ruou-bia-44-2019-qh14/index.html"
# Hà Nội's answer cites the law; its decree's page lists the law among its relations.
CITING_PAGE = "ha-noi/hoi-dap/hoi-dap-ve-nong-do-con-khi-di-xe-may/index.html"
# A page no edit below touches: an item of an agency none of them is about.
UNTOUCHED = "ho-chi-minh/tin-tuc/"


class Step(NamedTuple):
    """An edit, the sites it opens, the pages it renders (exactly, or at least and never)."""

    edit: Callable[[Path], None]
    sites: set[str]
    pages: set[str] | None = None
    at_least: frozenset[str] = frozenset()
    never: tuple[str, ...] = (UNTOUCHED,)
    searched: bool = True
    """Whether search records changed: the national index is built again."""


STEPS = [
    # A story's text shows on its own page only.
    Step(_edit_body, {"ha-noi"}, {NEWS_PAGE}),
    # A new tag shows on the story and where stories are listed with their tags: its
    # agency's pages and the national ones, no other agency's.
    Step(
        _retag,
        {"ha-noi", "_portal"},
        at_least=frozenset({NEWS_PAGE}),
        never=(UNTOUCHED, "ha-noi/hoi-dap/", "ha-noi/van-ban-moi/", "bo-y-te/"),
    ),
    # A title shows on the page, its agency's home and section list, the national list of
    # its section, and the directory (which counts each agency's items).
    Step(
        _edit_title,
        {"bo-tu-phap", "_portal"},
        {
            QUESTION_PAGE,
            "bo-tu-phap/hoi-dap/index.html",
            "bo-tu-phap/index.html",
            "hoi-dap/index.html",
            "don-vi/index.html",
        },
    ),
    # A law's end of effect shows on its page, in the lists of documents, and on every
    # page that links or cites it, on any site: not on the other pages of those sites.
    Step(
        _expire_law,
        {"bo-y-te", "ha-noi", "_portal"},
        at_least=frozenset(
            {
                LAW_PAGE,
                CITING_PAGE,
                "bo-y-te/van-ban-moi/index.html",
                "van-ban-moi/index.html",
            }
        ),
        never=(UNTOUCHED, "ha-noi/tin-tuc/", "bo-y-te/tin-tuc/", "lao-cai/"),
    ),
    # An agency.yml is in the header of every page of its site, and in the national
    # pages that name agencies: not in other agencies' pages.
    Step(
        _edit_agency,
        {"lao-cai", "_portal"},
        at_least=frozenset(
            {"lao-cai/index.html", "lao-cai/tin-tuc/index.html", "don-vi/index.html"}
        ),
        never=(UNTOUCHED, "ha-noi/", "bo-y-te/", "van-ban-moi/linh-vuc/y-te/"),
    ),
    # A new story: its page, its agency's lists, the national lists of its section.
    Step(
        _add_item,
        {"ha-noi", "_portal"},
        at_least=frozenset(
            {
                "ha-noi/tin-tuc/tin-moi-cuoi-thang-11/index.html",
                "ha-noi/tin-tuc/index.html",
                "tin-tuc/index.html",
            }
        ),
        never=(UNTOUCHED, "ha-noi/hoi-dap/", "ha-noi/van-ban-moi/"),
    ),
    # A new agency: its own site and the national pages that name agencies (the
    # directory, the home page, the lists, the follow-up): no other agency's pages.
    Step(
        _add_agency,
        {"don-vi-moi", "_portal"},
        at_least=frozenset({"don-vi-moi/index.html", "don-vi/index.html", "index.html"}),
        never=("ha-noi/", "bo-y-te/", "lao-cai/", "tinh-hinh-cap-nhat/don-vi/ha-noi/"),
    ),
    # A removed story leaves its page, its agency's lists and the national ones.
    Step(
        _remove_item,
        {"ha-noi", "_portal"},
        at_least=frozenset({"ha-noi/tin-tuc/index.html"}),
        never=(UNTOUCHED, "ha-noi/hoi-dap/", "ha-noi/van-ban-moi/"),
    ),
    # A phone number is on the agency's pages and in the directory, in no search record:
    # every search index is kept as it was.
    Step(
        _edit_phone,
        {"lao-cai", "_portal"},
        at_least=frozenset({"lao-cai/index.html", "don-vi/index.html"}),
        never=(UNTOUCHED, "ha-noi/", "bo-y-te/"),
        searched=False,
    ),
    # A removed agency: its site leaves the portal (in a full build into the same folder
    # too), and the national pages that named it change; no other agency's pages.
    Step(
        _remove_agency,
        {"_portal"},
        at_least=frozenset({"don-vi/index.html", "index.html"}),
        never=(UNTOUCHED, "ha-noi/", "bo-y-te/", "lao-cai/"),
    ),
]


def test_incremental_builds_end_where_a_full_build_does(portal_copy: Path, run_cli) -> None:
    out, full = portal_copy / "site", portal_copy / "full"
    report = ("--report", str(portal_copy / "report.json"))
    assert run_cli(portal_copy, "build", "--out", str(out), *ARGS, *report)[0] == 0
    every_page = json.loads(Path(report[1]).read_text("utf-8"))["rendered_pages"]
    assert any(page.startswith(UNTOUCHED) for page in every_page)
    for step in STEPS:
        name = step.edit.__name__
        index_before = _national_index(out)
        step.edit(portal_copy)
        status, _, err = run_cli(portal_copy, "build", "--out", str(out), *ARGS, *report)
        assert status == 0, err
        figures = json.loads(Path(report[1]).read_text("utf-8"))
        # The national index's files that come out the same stay the same files, with
        # their compressed copies and times: browsers and CDNs keep their cached copies.
        index_after = _national_index(out)
        same = [
            n
            for n, (_, digest) in index_after.items()
            if index_before.get(n, ("", ""))[1] == digest
        ]
        assert any(n.endswith(".br") for n in same), name
        assert [n for n in same if index_before[n][0] != index_after[n][0]] == [], name
        assert set(figures["rebuilt"]) == step.sites, name
        rendered = set(figures["rendered_pages"])
        assert figures["pages"] == len(rendered), name
        # Few pages: the sites opened keep most of theirs.
        assert len(rendered) < len(every_page) // 4, name
        if step.pages is not None:
            assert rendered == step.pages, name
        assert step.at_least <= rendered, name
        assert not [p for p in rendered if p.startswith(step.never)], name
        assert ("search" in figures["timings"]) == step.searched, name
        status, _, err = run_cli(portal_copy, "build", "--force", "--out", str(full), *ARGS)
        assert status == 0, err
        assert _differences(out, full) == [], name
    assert not (out / NEWS_PAGE).exists()
    assert not (out / "don-vi-moi").exists()


def test_a_page_reading_what_no_question_names_is_rendered_after_any_edit(
    portal_copy: Path, run_cli
) -> None:
    # A template reads a part of the catalog whose changes no question follows: any change
    # to the portal renders its page again, even a change of text nothing else there shows.
    directory = portal_copy / "theme/partials/pbgdpl/listing-directory.html"
    text = directory.read_text("utf-8")
    directory.write_text("{% if catalog.pages_by_site %}{% endif %}" + text, "utf-8")
    out, full = portal_copy / "site", portal_copy / "full"
    report = ("--report", str(portal_copy / "report.json"))
    assert run_cli(portal_copy, "build", "--out", str(out), *ARGS)[0] == 0
    _edit_body(portal_copy)
    status, _, err = run_cli(portal_copy, "build", "--out", str(out), *ARGS, *report)
    assert status == 0, err
    figures = json.loads(Path(report[1]).read_text("utf-8"))
    assert figures["rebuilt"] == ["_portal", "ha-noi"]
    assert figures["rendered_pages"] == ["don-vi/index.html", NEWS_PAGE]
    assert run_cli(portal_copy, "build", "--force", "--out", str(full), *ARGS)[0] == 0
    assert _differences(out, full) == []
