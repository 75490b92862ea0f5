"""The search index's input: records of pages, the words kept, the documents Pagefind reads."""

from __future__ import annotations

import json
import os
import re
import shutil
import unicodedata
from pathlib import Path
from typing import Any

import pytest

from pbgdpl.pipeline import search_index
from pbgdpl.pipeline.index_state import FILE as STATE_FILE
from pbgdpl.pipeline.search_documents import DOCUMENTS, KEYS_FILE, update_documents
from pbgdpl.pipeline.search_index import (
    KeptWork,
    index_portal,
    index_records,
    portal_records,
    set_aside_index,
)
from pbgdpl.pipeline.search_inputs import portal_inputs
from pbgdpl.search import selection, slim
from pbgdpl.search.canonical import read
from pbgdpl.search.derived import RecordWords, derive, letter_syllables
from pbgdpl.search.documents import ANSWERS, NARROWING, index_document, number_key
from pbgdpl.search.lexicon import build_lexicon
from pbgdpl.search.records import BUNDLE, RECORDS, SearchRecord, load_records, save_records
from pbgdpl.search.selection import KeptWords, select_words
from pbgdpl.search.text import folded, plain_text, term_counts, with_ascii_copies, words

REPO = Path(__file__).resolve().parent.parent


def record(url: str, title: str = "Tin", text: str = "", **extra: object) -> SearchRecord:
    return SearchRecord(
        url=url,
        title=title,
        site="ha-noi",
        agency="Thành phố Hà Nội",
        terms=term_counts(text),
        **extra,
    )  # type: ignore[arg-type]


def part(document: str, weight: str | None) -> str:
    """Return the text of the document's parts with that weight (None: the plain text)."""
    pattern = rf'<p data-pagefind-weight="{weight}">(.*?)</p>' if weight else r"<p>(.*?)</p>"
    return " ".join(re.findall(pattern, document))


def test_words_with_d_get_an_accent_free_copy_and_others_do_not() -> None:
    assert with_ascii_copies(words("Điều kiện đăng ký đất đai")) == [
        "điều",
        "dieu",
        "kiện",
        "đăng",
        "dang",
        "ký",
        "đất",
        "dat",
        "đai",
        "dai",
    ]


def test_decomposed_text_gives_the_same_words_as_composed_text() -> None:
    composed = "Thủ tục đăng ký kết hôn theo Luật Hộ tịch"
    decomposed = unicodedata.normalize("NFD", composed)
    assert decomposed != composed
    assert term_counts(decomposed) == term_counts(composed)
    assert plain_text(f"<p>{decomposed}</p>") == composed


def test_page_text_leaves_out_tags_scripts_and_entities() -> None:
    html = '<h2 id="a">Điều 1</h2><script>var x = "ẩn";</script><p>A &amp; B&nbsp;C</p>'
    assert plain_text(html) == "Điều 1 A & B C"


def test_index_document_weights_the_number_and_title_and_copies_each_part() -> None:
    document = index_document(
        record(
            "ha-noi/van-ban-moi/nd/",
            "Nghị định về đất đai",
            number="168/2024/NĐ-CP",
            section="van-ban-moi",
            date="2024-12-26",
            fields=("Đất đai",),
        ),
        KeptWords(facts=["nghị", "định"], lead=[], body=["điều", "khoản"]),
    )
    # The title's words and each pair of adjacent syllables; its start and its end as one
    # token each, weighed by what the page is to a citizen (a document: the most).
    assert part(document, "7") == (
        "nghị định dinh về đất dat đai dai zqpnghidinh zqpdinhve zqpvedat zqpdatdai"
    )
    assert part(document, "10") == (
        "168/2024/nđ-cp 168/2024/nd-cp zqtnghidinhvedatdai zqedaidatvedinhnghi"
    )
    assert part(document, "3") == "nghị định dinh"
    assert part(document, None) == "điều dieu khoản"
    filters = dict(
        re.findall(r'data-pagefind-filter="(\w+)\[content\]" content="([^"]*)"', document)
    )
    assert filters["number"] == "168/2024/ND-CP"
    assert filters["year"] == "2024"
    assert filters["field"] == "Đất đai"
    # Pagefind would index a title or an h1 as metadata too, outside these rules.
    assert "<title" not in document and "<h1" not in document


def test_title_tokens_weigh_answers_above_news_and_repealed_documents_lower() -> None:
    def tokens(**extra: object) -> str:
        document = index_document(record("x/", "Đăng ký kết hôn", **extra), KeptWords([], [], []))
        return re.findall(r'data-pagefind-weight="([0-9.]+)">zqt', document)[0]

    assert tokens(section="hoi-dap") == "10"
    assert tokens(section="tinh-huong") == "8"
    assert tokens(section="tin-tuc") == "4"
    assert tokens(section="van-ban-moi", status="het-hieu-luc-toan-bo") == "5"


def test_the_index_and_the_search_page_order_sections_alike() -> None:
    # The index weighs title tokens by section (which pages a search loads first); the
    # search page orders loaded pages by the same table.
    rules = (REPO / "theme/assets/pbgdpl/search-rules.js").read_text("utf-8")
    table = re.search(r"var ANSWERS = \{(.*?)\};", rules, re.S)
    assert table is not None
    found = {k: int(v) for k, v in re.findall(r'"([a-z-]*)": (\d)', table.group(1))}
    assert found == ANSWERS


def test_a_title_ends_with_its_topic_before_its_number() -> None:
    document = index_document(
        record("x/", "Luật Đất đai số 31/2024/QH15", section="van-ban-moi"),
        KeptWords([], [], []),
    )
    assert "zqeqh15202431sodaidatluat" in document
    # "đất đai" ends the title once its number is left out.
    assert "zqedaidatluat" in document


def test_a_question_title_ends_with_its_topic_before_its_question_word() -> None:
    title = "Người dân có được trợ giúp pháp lý miễn phí không?"
    document = index_document(record("x/", title, section="hoi-dap"), KeptWords([], [], []))
    assert "zqekhongphimienlyphapgiuptroduoccodan" in document
    assert "zqephimienlyphapgiuptroduoccodannguoi" in document


def test_facts_carry_the_pairs_of_their_words_even_when_a_word_is_common() -> None:
    # "tài" is on too many pages to be kept outside titles; "tài sản" still finds the page.
    document = index_document(
        record("x/", "Chia nhà khi ly hôn", facts=("tài sản chung",)),
        KeptWords(facts=["sản", "chung"], lead=[], body=[]),
    )
    assert part(document, "3") == "sản chung zqptaisan zqpsanchung"


def test_index_document_escapes_editors_text() -> None:
    document = index_document(
        record("x/", 'Tin <script>alert("x")</script>'), KeptWords([], [], [])
    )
    assert "<script" not in document
    assert "&lt;script&gt;" in document


def test_number_key_folds_case_and_d() -> None:
    assert number_key("168/2024/nđ-cp") == number_key("168/2024/NĐ-CP") == "168/2024/ND-CP"


def test_common_words_are_matched_in_titles_only(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(selection, "COMMON_PAGES", 2)
    records = [record(f"p{i}/", f"Luật số {i}", f"pháp luật về chủ đề{i}") for i in range(3)]
    kept = select_words(records)
    assert all("luật" not in k.body and "pháp" not in k.body for k in kept)
    assert kept[0].body == ["đề0"]
    assert "luật" in part(index_document(records[0], kept[0]), "7")


def test_a_tag_few_pages_carry_names_a_topic_and_one_many_carry_does_not() -> None:
    records = [record(f"p{i}/", tags=("hộ tịch",)) for i in range(4)]
    records.append(record("will/", tags=("Di chúc", "hộ tịch")))
    kept = select_words(records)
    assert kept[-1].topics == ("Di chúc",)
    assert kept[0].topics == ()
    document = index_document(records[-1], kept[-1])
    assert '<meta data-pagefind-filter="topic[content]" content="Di chúc">' in document
    assert "hộ tịch" not in re.findall(r'topic\[content\]" content="([^"]*)"', document)
    # To the index, a topic is a name the page starts with; a category is not.
    assert "zqtdichuc" in document and "zqthotich" not in document


def test_a_large_index_keeps_each_pages_most_distinctive_words(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(selection, "TEXT_BUDGET", 4)
    monkeypatch.setattr(selection, "MIN_WORDS_PER_PAGE", 2)
    records = [
        record("a/", text="hôn nhân hôn nhân ly hôn thừa kế"),
        record("b/", text="hôn nhân đất đai"),
        record("c/", text="hôn nhân nhà ở"),
    ]
    # Two words a page: "hôn" and "nhân" are on every page, "ly" and "thừa" only here.
    assert select_words(records)[0].body == ["ly", "thừa"]


def test_the_lexicon_names_the_common_syllables_the_search_page_leaves_to_pairs(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(selection, "COMMON_PAGES", 2)
    records = [record(f"p{i}/", f"Tin {i}", f"pháp luật về đất đai {i}") for i in range(3)]
    records.append(record("q/", "Tin", "hôn nhân"))
    lexicon = build_lexicon(records, select_words(records))
    # On three pages of four: matched in titles only, folded as the search page compares.
    assert lexicon.common == ("dai", "dat", "luat", "phap", "ve")
    assert "hon" in lexicon.words and "hon" not in lexicon.common


def test_records_round_trip_and_the_portal_reads_every_site(tmp_path: Path) -> None:
    national = [record("gioi-thieu/", "Giới thiệu", "Cổng thông tin")]
    agency = [record("ha-noi/tin-tuc/a/", "Tin A", "đất đai", fields=("Đất đai",))]
    save_records(tmp_path / BUNDLE / RECORDS, national)
    save_records(tmp_path / "ha-noi" / BUNDLE / RECORDS, agency)
    assert load_records(tmp_path / "ha-noi" / BUNDLE / RECORDS) == agency
    assert sorted(portal_records(tmp_path), key=lambda r: r.url) == national + agency
    first = (tmp_path / BUNDLE / RECORDS).read_bytes()
    save_records(tmp_path / BUNDLE / RECORDS, national)
    assert (tmp_path / BUNDLE / RECORDS).read_bytes() == first


def test_the_built_portal_searches_items_and_pages_but_not_withdrawn_items(
    built_portal: Path,
) -> None:
    records = {r.url: r for r in portal_records(built_portal)}
    document = records["ha-noi/van-ban-moi/nghi-dinh-168-2024-nd-cp/"]
    assert document.number == "168/2024/NĐ-CP"
    assert document.status == "con-hieu-luc"
    assert document.status_as_of == "2026-11-23"
    assert records["ha-noi/"].kind == "Trang thành phần"
    assert not any(url.endswith("/tim-kiem/") for url in records)
    bundles = [p.parent for p in built_portal.glob(f"*/{BUNDLE}/pagefind-entry.json")]
    assert {b.parent.name for b in bundles} == {r.site for r in records.values() if r.site}
    # Pagefind's ready-made interfaces are not published.
    assert not list(built_portal.glob(f"**/{BUNDLE}/pagefind-ui.js"))


def test_two_indexes_of_the_same_records_are_the_same_bytes(tmp_path: Path) -> None:
    # Pagefind writes filter values in a random order; the bundle is made canonical.
    records = [
        record(
            f"ha-noi/tin-tuc/{i}/",
            f"Tin {i}",
            "đất đai",
            section="tin-tuc",
            date=f"202{i}-01-01",
            fields=("Đất đai", "Dân sự")[: 1 + i % 2],
        )
        for i in range(6)
    ]
    built = []
    for name in ("one", "two"):
        index_records(records, tmp_path / name / BUNDLE, tmp_path / f"scratch-{name}")
        root = tmp_path / name / BUNDLE
        built.append({p.relative_to(root): p.read_bytes() for p in root.rglob("*") if p.is_file()})
    assert built[0] == built[1]
    assert any(path.parts[0] == "filter" for path in built[0])


def _bundle(root: Path) -> dict[Path, bytes]:
    return {p.relative_to(root): p.read_bytes() for p in root.rglob("*") if p.is_file()}


def test_kept_documents_give_the_index_a_fresh_build_gives_and_never_go_stale(
    tmp_path: Path,
) -> None:
    records = [record(f"ha-noi/tin-tuc/{i}/", f"Tin {i}", f"đất đai số {i}") for i in range(6)]
    kept = tmp_path / "kept"
    index_records(records, tmp_path / "site" / BUNDLE, tmp_path / "scratch", KeptWork(kept))

    # One record edited, one gone, one new.
    records[2] = record("ha-noi/tin-tuc/2/", "Tin 2", "hộ tịch kết hôn")
    records = [*records[:4], record("ha-noi/tin-tuc/9/", "Tin 9", "thừa kế")]
    selected = select_words(sorted(records, key=lambda r: r.url))
    documents, written, _ = update_documents(sorted(records, key=lambda r: r.url), selected, kept)
    assert written == 2  # the edited and the new record; every other document is kept
    on_disk = {p.parent.relative_to(documents).as_posix() + "/" for p in documents.rglob("*.html")}
    assert on_disk == {r.url for r in records}
    assert "hộ tịch" in (documents / "ha-noi/tin-tuc/2/index.html").read_text("utf-8")

    # A build stopped after touching a document leaves no list of keys: all are rewritten.
    (documents / "ha-noi/tin-tuc/3/index.html").write_text("<p>cũ</p>", "utf-8")
    (kept / KEYS_FILE).unlink()
    index_records(records, tmp_path / "site" / BUNDLE, tmp_path / "scratch", KeptWork(kept))
    index_records(records, tmp_path / "fresh" / BUNDLE, tmp_path / "scratch-fresh")
    assert _bundle(tmp_path / "site" / BUNDLE) == _bundle(tmp_path / "fresh" / BUNDLE)

    # New code may write documents differently: a platform upgrade keeps none of them.
    (documents / "ha-noi/tin-tuc/3/index.html").write_text("<p>cũ</p>", "utf-8")
    selected = select_words(sorted(records, key=lambda r: r.url))
    _, written, _ = update_documents(sorted(records, key=lambda r: r.url), selected, kept, "v2")
    assert written == len(records)
    assert "cũ" not in (documents / "ha-noi/tin-tuc/3/index.html").read_text("utf-8")


def _entry_order(folder: Path) -> list[str]:
    """Every entry below `folder` in the order the folders give them, as Pagefind walks them."""
    found = []
    for name in os.listdir(folder):
        found.append(name)
        if (folder / name).is_dir():
            found += [f"{name}/{inner}" for inner in _entry_order(folder / name)]
    return found


def test_pages_added_to_kept_documents_are_numbered_as_in_a_fresh_folder(tmp_path: Path) -> None:
    # Pagefind numbers pages in the order a folder lists its entries; on tmpfs and btrfs
    # that is the order they were made, so a page added after the others would be last.
    first = [record(f"ha-noi/tin-tuc/{i}/", f"Tin {i}", f"đất đai số {i}") for i in (1, 5)]
    first.append(record("lao-cai/", "Lào Cai", "trang chủ"))
    added = [
        record("ha-noi/tin-tuc/3/", "Tin 3", "hộ tịch"),
        record("ha-noi/", "Hà Nội", "trang chủ"),
        record("don-vi-moi/tin-tuc/1/", "Ra mắt", "đơn vị mới"),
    ]
    everything = [*first, *added]
    kept = tmp_path / "kept"
    index_records(first, tmp_path / "site" / BUNDLE, tmp_path / "scratch", KeptWork(kept))
    index_records(everything, tmp_path / "site" / BUNDLE, tmp_path / "scratch", KeptWork(kept))
    fresh = tmp_path / "fresh"
    index_records(everything, tmp_path / "new" / BUNDLE, tmp_path / "scratch-new", KeptWork(fresh))
    documents = kept / DOCUMENTS
    assert _entry_order(documents) == _entry_order(fresh / DOCUMENTS)
    assert _bundle(tmp_path / "site" / BUNDLE) == _bundle(tmp_path / "new" / BUNDLE)


def test_the_bundle_is_plain_for_brotli_with_even_word_counts_and_no_page_text(
    tmp_path: Path,
) -> None:
    # A first search downloads the metadata, the WebAssembly and index chunks: plain files
    # the portal precompresses with Brotli cost less than Pagefind's own gzip.
    records = [record(f"ha-noi/tin-tuc/{i}/", f"Tin {i}", "đất đai " * (i + 1)) for i in range(4)]
    bundle = tmp_path / BUNDLE
    index_records(records, bundle, tmp_path / "scratch")
    files = [p for p in bundle.rglob("*") if p.suffix in {".pf_meta", ".pf_index", ".pagefind"}]
    assert files and all(p.read_bytes().startswith(b"pagefind_dcd") for p in files)
    meta = read(next(bundle.glob("*.pf_meta")))
    assert len({count for _, count in meta[1]}) == 1
    for fragment in (bundle / "fragment").glob("*.pf_fragment"):
        data = json.loads(fragment.read_bytes().removeprefix(b"pagefind_dcd"))
        assert data["content"] == "" and data["url"].startswith("/ha-noi/tin-tuc/")
        assert data["filters"]["title"][0].startswith("Tin ")


def test_a_rebuilt_index_keeps_only_the_previous_files_with_the_same_bytes(
    tmp_path: Path,
) -> None:
    # An index built again takes from the last build each file that comes out the same,
    # with its compressed copies; a previous file of the same name and size but other
    # bytes is never served.
    records = [record(f"ha-noi/tin-tuc/{i}/", f"Tin {i}", "đất đai " * (i + 1)) for i in range(4)]
    previous = tmp_path / "previous" / BUNDLE
    index_records(records, previous, tmp_path / "scratch-previous")
    kept, spoiled = sorted((previous / "fragment").glob("*.pf_fragment"))[:2]
    (previous / "fragment" / f"{kept.name}.br").write_bytes(b"brotli")
    data = spoiled.read_bytes()
    spoiled.write_bytes(data[:-1] + bytes([data[-1] ^ 1]))

    again, fresh = tmp_path / "again" / BUNDLE, tmp_path / "fresh" / BUNDLE
    index_records(records, again, tmp_path / "scratch-again", KeptWork(previous=previous))
    index_records(records, fresh, tmp_path / "scratch-fresh")
    assert {k: v for k, v in _bundle(again).items() if k.suffix != ".br"} == _bundle(fresh)
    fragments = again / "fragment"
    assert (fragments / kept.name).stat().st_ino == kept.stat().st_ino
    assert (fragments / f"{kept.name}.br").read_bytes() == b"brotli"
    assert (fragments / spoiled.name).stat().st_ino != spoiled.stat().st_ino
    assert (fragments / spoiled.name).read_bytes() == data


def test_the_national_index_derives_again_only_the_sites_whose_records_changed(
    tmp_path: Path,
) -> None:
    out, cache = tmp_path / "site", tmp_path / "cache"
    save_records(out / BUNDLE / RECORDS, [record("gioi-thieu/", "Giới thiệu", "cổng")])
    save_records(out / "ha-noi" / BUNDLE / RECORDS, [record("ha-noi/a/", "Tin A", "đất đai")])
    save_records(out / "hue" / BUNDLE / RECORDS, [record("hue/b/", "Tin B", "hộ tịch")])

    def fresh() -> tuple[list[SearchRecord], list[RecordWords]]:
        records = portal_records(out)
        return records, [derive(r) for r in records]

    assert portal_inputs(out, cache, "v1") == fresh()
    kept_hue = (cache / "hue.pickle").stat().st_mtime_ns

    # An edit of one site: its records are read again, the other sites' are taken as kept.
    edited = [record("ha-noi/a/", "Tin A đã sửa", "kết hôn")]
    save_records(out / "ha-noi" / BUNDLE / RECORDS, edited)
    records, derived = portal_inputs(out, cache, "v1")
    assert (records, derived) == fresh()
    assert "Tin A đã sửa" in [r.title for r in records]
    assert "ket" in derived[records.index(edited[0])].counts
    assert (cache / "hue.pickle").stat().st_mtime_ns == kept_hue

    # New code, or a damaged file, is never trusted; a site gone leaves nothing behind.
    (cache / "hue.pickle").write_bytes(b"not a pickle")
    assert portal_inputs(out, cache, "v2") == fresh()
    shutil.rmtree(out / "hue")
    assert portal_inputs(out, cache, "v2") == fresh()
    assert not (cache / "hue.pickle").exists()


def test_an_index_built_again_keeps_the_fragments_pagefind_wrote_the_same(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    records = [record(f"ha-noi/tin-tuc/{i}/", f"Tin {i}", f"đất đai số {i}") for i in range(6)]
    bundle, kept = tmp_path / "site" / BUNDLE, tmp_path / "kept"
    index_records(records, bundle, tmp_path / "scratch", KeptWork(kept, "v1"))
    set_aside_index(bundle, tmp_path / "previous")
    before = {p.name: p.stat().st_ino for p in (tmp_path / "previous" / "fragment").iterdir()}

    records[2] = record("ha-noi/tin-tuc/2/", "Tin 2 đã sửa", "hộ tịch kết hôn")
    again = KeptWork(kept, "v1", tmp_path / "previous", set_aside=True)
    # Pagefind runs, as after a build stopped halfway (an edit is patched otherwise:
    # test_national_patch.py).
    (kept / STATE_FILE).unlink()
    rewritten: list[str] = []
    rewrite = slim._slim_fragment

    def counted(path: Path, write: slim.Writer) -> None:
        rewritten.append(path.name)
        rewrite(path, write)

    monkeypatch.setattr(slim, "_slim_fragment", counted)
    index_records(records, bundle, tmp_path / "scratch", again)
    # Only the edited page's fragment is read and rewritten; the others are the last build's.
    assert len(rewritten) == 1
    monkeypatch.undo()
    index_records(records, tmp_path / "fresh" / BUNDLE, tmp_path / "scratch-fresh")
    assert _bundle(bundle) == _bundle(tmp_path / "fresh" / BUNDLE)
    after = list((bundle / "fragment").iterdir())
    same = [p for p in after if before.get(p.name) == p.stat().st_ino]
    assert len(same) == len(records) - 1


def test_a_pages_word_counts_reach_the_search_page_but_are_never_searched(tmp_path: Path) -> None:
    # The search page orders pages by what their text is about ("hon:7 ket:7"): it reads
    # that from each result's data. Pagefind searches a meta's words, so the counts would
    # be index words ("hon7", "7") matching queries on pages that never say them.
    records = [
        record(f"ha-noi/hoi-dap/{i}/", f"Hỏi {i}", "kết hôn đăng ký " * (i + 3) + "hộ tịch")
        for i in range(5)
    ]
    bundle = tmp_path / BUNDLE
    index_records(records, bundle, tmp_path / "scratch")
    abouts = [
        json.loads(fragment.read_bytes().removeprefix(b"pagefind_dcd"))["filters"]["about"][0]
        for fragment in (bundle / "fragment").glob("*.pf_fragment")
    ]
    assert sorted(abouts)[-1] == "dang:7 hon:7 ket:7 ky:7 ho:1 tich:1"
    indexed = {
        entry[0] for chunk in (bundle / "index").glob("*.pf_index") for entry in read(chunk)[0]
    }
    assert {"ket", "hon", "tich"} <= indexed
    counted = {
        f"{word}{count}"
        for about in abouts
        for word, count in (pair.split(":") for pair in about.split())
    }
    assert not counted & indexed
    assert not {"5", "6", "7"} & indexed


def test_only_the_filters_a_search_narrows_by_keep_their_files(tmp_path: Path) -> None:
    # The search form narrows by a few filters; the others (title, summary, about …) are
    # shown with each result, read from its fragment: their files would be dead weight.
    records = [
        record(
            f"bo-tu-phap/van-ban-moi/{i}/",
            f"Nghị định {i}/2024/NĐ-CP",
            "đất đai",
            section="van-ban-moi",
            date="2024-05-01",
            status="con-hieu-luc",
            number=f"{i}/2024/NĐ-CP",
            fields=("Đất đai",),
            summary="Quy định chi tiết Luật Đất đai",
        )
        for i in range(3)
    ]
    bundle = tmp_path / BUNDLE
    index_records(records, bundle, tmp_path / "scratch")
    meta = read(next(bundle.glob("pagefind.*.pf_meta")))
    kept = {name for name, _ in meta[3]}
    assert kept == {"agency", "section", "year", "status", "number", "field"}
    assert len(list((bundle / "filter").glob("*.pf_filter"))) == len(kept)
    form = (REPO / "theme/partials/pbgdpl/listing-search.html").read_text("utf-8")
    assert set(re.findall(r'data-filter="(\w+)"', form)) == NARROWING
    fragment = next((bundle / "fragment").glob("*.pf_fragment"))
    shown = json.loads(fragment.read_bytes().removeprefix(b"pagefind_dcd"))["filters"]
    assert shown["summary"] == ["Quy định chi tiết Luật Đất đai"]
    assert shown["title"][0].startswith("Nghị định ")


def test_the_words_remembered_for_the_documents_are_forgotten_before_pagefind_runs(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # At 10,000 items the folded words remembered while deriving held 110 MB of the build's
    # process while Pagefind, the build's largest run, indexed the portal.
    out = tmp_path / "site"
    records = [
        record(f"ha-noi/tin-tuc/{i}/", f"Tin {i}", "đất đai hộ tịch kết hôn") for i in range(3)
    ]
    save_records(out / "ha-noi" / BUNDLE / RECORDS, records)
    remembered: list[tuple[int, int]] = []
    index_documents = search_index._index_documents

    def noting(*args: Any) -> None:
        remembered.append((folded.cache_info().currsize, letter_syllables.cache_info().currsize))
        index_documents(*args)

    monkeypatch.setattr(search_index, "_index_documents", noting)
    assert index_portal(out, tmp_path / "scratch") == 3
    assert remembered == [(0, 0)]
    assert (out / BUNDLE / "pagefind-entry.json").is_file()


def test_an_index_set_aside_becomes_the_new_one_changing_only_what_differs(
    tmp_path: Path,
) -> None:
    # The national index is updated in the folder it was set aside to: a file that comes
    # out the same stays, untouched, with its compressed copies; a file of the same name
    # but other bytes is replaced, and a file the new index lacks goes with its copies.
    records = [record(f"ha-noi/tin-tuc/{i}/", f"Tin {i}", f"đất đai số {i}") for i in range(6)]
    bundle, kept, aside = tmp_path / "site" / BUNDLE, tmp_path / "kept", tmp_path / "aside"
    index_records(records, bundle, tmp_path / "scratch", KeptWork(kept, "v1"))
    set_aside_index(bundle, aside)
    kept_fragment = next(
        path
        for path in (aside / "fragment").glob("*.pf_fragment")
        if b"/ha-noi/tin-tuc/0/" in path.read_bytes()
    )
    Path(f"{kept_fragment}.br").write_bytes(b"brotli")
    spoiled = aside / "pagefind-entry.json"
    spoiled.write_text(spoiled.read_text("utf-8").replace("vi", "en"), "utf-8")
    (aside / "index" / "vi_stale.pf_index").write_bytes(b"old")
    (aside / "index" / "vi_stale.pf_index.br").write_bytes(b"old")
    (aside / "index" / "vi_stale.pf_index.gz").write_bytes(b"old")
    gone = next(
        path
        for path in (aside / "fragment").glob("*.pf_fragment")
        if b"/ha-noi/tin-tuc/2/" in path.read_bytes()
    )
    Path(f"{gone}.gz").write_bytes(b"old")
    untouched = kept_fragment.stat()

    records[2] = record("ha-noi/tin-tuc/2/", "Tin 2 đã sửa", "hộ tịch kết hôn")
    again = KeptWork(kept, "v1", aside, set_aside=True)
    (kept / STATE_FILE).unlink()  # Pagefind runs (an edit is patched otherwise)
    index_records(records, bundle, tmp_path / "scratch", again)
    index_records(records, tmp_path / "fresh" / BUNDLE, tmp_path / "scratch-fresh")
    assert {k: v for k, v in _bundle(bundle).items() if k.suffix != ".br"} == _bundle(
        tmp_path / "fresh" / BUNDLE
    )
    # Not even linked again (a link changes a file's change time): its digest stays good.
    after = (bundle / "fragment" / kept_fragment.name).stat()
    assert (after.st_ino, after.st_ctime_ns) == (untouched.st_ino, untouched.st_ctime_ns)
    assert (bundle / "fragment" / f"{kept_fragment.name}.br").read_bytes() == b"brotli"
    assert '"vi"' in (bundle / "pagefind-entry.json").read_text("utf-8")
    assert not list((bundle / "index").glob("vi_stale*"))
    # The edited page's former fragment is gone, its copy with it.
    assert not list((bundle / "fragment").glob(f"{gone.name}*"))
