"""An edit patches the national index instead of running Pagefind over every document,
and what it writes is, byte for byte, the index Pagefind builds from the same documents.

Each test builds an index of a few dozen Vietnamese pages with the real Pagefind binary,
sets it aside as a build does, edits pages, and compares the patched index with a fresh
one built by Pagefind from the edited records. Chunks are made small, so that an edit
moves the words across many chunks.
"""

from __future__ import annotations

import dataclasses
import random
import string
from collections.abc import Callable
from pathlib import Path

import pytest

from pbgdpl.pipeline import search_index
from pbgdpl.pipeline.index_state import FILE as STATE_FILE
from pbgdpl.pipeline.search_index import KeptWork, index_records, set_aside_index
from pbgdpl.search.records import BUNDLE, SearchRecord
from pbgdpl.search.text import term_counts

TEXTS = [
    "Nghị định 168/2024/NĐ-CP quy định xử phạt vi phạm hành chính về trật tự, an toàn "
    "giao thông đường bộ; trừ điểm, phục hồi điểm giấy phép lái xe",
    "Luật Đất đai số 31/2024/QH15 có hiệu lực từ ngày 01/8/2024: đăng ký đất đai, cấp "
    "Giấy chứng nhận quyền sử dụng đất, bồi thường khi Nhà nước thu hồi đất",
    "Thủ tục đăng ký kết hôn tại Ủy ban nhân dân cấp xã; hồ sơ gồm Tờ khai đăng ký kết "
    "hôn và giấy tờ tùy thân. Lệ phí 1.000.000đ được miễn cho người dân tộc thiểu số",
    "Người dân có được trợ giúp pháp lý miễn phí không? Có, theo Luật Trợ giúp pháp lý "
    "2017, Thông tư 12/2018/TT-BTP và Quyết định 1234/QĐ-UBND về COVID-19",
]
SITES = ["ha-noi", "lao-cai", "bo-tu-phap"]
SECTIONS = ["van-ban-moi", "hoi-dap", "tin-tuc", "tinh-huong"]
FIELDS = ("Đất đai", "Dân sự", "Hành chính", "Hôn nhân và gia đình")


def record(i: int, text: str | None = None) -> SearchRecord:
    """The `i`th page: its text, title, number, facts and filters vary with `i`."""
    text = text or TEXTS[i % len(TEXTS)]
    section = SECTIONS[i % len(SECTIONS)]
    return SearchRecord(
        url=f"{SITES[i % len(SITES)]}/{section}/trang-{i}/",
        title=f'{text.split(";")[0][:48]} "số {i}" & Đề mục {i % 5}',
        site=SITES[i % len(SITES)],
        agency=["Thành phố Hà Nội", "Tỉnh Lào Cai", "Bộ Tư pháp"][i % len(SITES)],
        section=section,
        kind=["Văn bản", "Câu hỏi", "Tin", "Tình huống"][i % 4],
        date=f"20{20 + i % 6}-{1 + i % 12:02d}-{10 + i % 18}",
        summary=text[:90],
        lead=text[:70],
        facts=("tài sản chung", f"đăng ký lần {i}", "Điều 5 khoản 2"),
        cited=("Bộ luật Dân sự 2015",) if i % 3 == 0 else (),
        fields=FIELDS[: 1 + i % len(FIELDS)],
        number=f"{100 + i}/2024/NĐ-CP" if i % 2 == 0 else "",
        status=["con-hieu-luc", "het-hieu-luc-toan-bo", ""][i % 3],
        status_label=["Còn hiệu lực", "Hết hiệu lực toàn bộ", ""][i % 3],
        aliases=(f"Đường dây nóng {i}",) if i % 7 == 0 else (),
        tags=("hộ tịch", "Di chúc") if i % 5 == 0 else ("đất đai",),
        terms=term_counts(f"{text} mục {i} điều {i % 7} đường dây {i % 3}"),
    )


def edited(found: SearchRecord, how: int, rng: random.Random) -> SearchRecord:
    """Return `found` edited one way of several: body, title, filters, number."""
    words = " ".join(rng.sample(" ".join(TEXTS).split(), 12))
    if how == 0:  # the body: words gained and lost
        return dataclasses.replace(found, terms=term_counts(words))
    if how == 1:  # the title: every position of the page moves
        return dataclasses.replace(found, title=f"{words[:40]} (sửa)")
    if how == 2:  # what a search narrows by
        return dataclasses.replace(found, section="hoi-dap", date="2019-05-04", fields=("Dân sự",))
    return dataclasses.replace(found, number=f"{rng.randint(1, 99)}/2025/TT-BTP", summary=words)


def files(root: Path) -> dict[str, bytes]:
    """Every file of an index but the compressed copies publishing makes."""
    return {
        p.relative_to(root).as_posix(): p.read_bytes()
        for p in root.rglob("*")
        if p.is_file() and p.suffix not in (".br", ".gz")
    }


@dataclasses.dataclass
class Portal:
    """A national index built by Pagefind, then built again after each edit as a build does."""

    tmp: Path
    records: list[SearchRecord]
    runs: list[int] = dataclasses.field(default_factory=list)
    """One for each time Pagefind ran."""

    @property
    def bundle(self) -> Path:
        return self.tmp / "site" / BUNDLE

    def build(self, meddle: Callable[[Path], None] | None = None) -> bool:
        """Build the index again, after `meddle` with the index set aside; tell whether
        Pagefind ran."""
        runs = len(self.runs)
        aside = self.tmp / "aside"
        if self.bundle.is_dir():
            set_aside_index(self.bundle, aside)
            if meddle is not None:
                meddle(aside)
        index_records(
            self.records,
            self.bundle,
            self.tmp / "scratch",
            KeptWork(self.tmp / "kept", "v1", aside, set_aside=True),
        )
        if aside.is_dir():
            assert not any(aside.iterdir()), "the index set aside became the new one"
            aside.rmdir()
        return len(self.runs) > runs

    def fresh(self) -> dict[str, bytes]:
        """The index Pagefind builds from the records, from nothing."""
        folder = self.tmp / "fresh"
        index_records(self.records, folder / BUNDLE, self.tmp / "scratch-fresh")
        found = files(folder / BUNDLE)
        for path in sorted(folder.rglob("*"), reverse=True):
            path.unlink() if path.is_file() else path.rmdir()
        return found


@pytest.fixture
def portal(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Portal:
    monkeypatch.setattr(search_index, "CHUNK_SIZE", 60)
    # One page long enough for positions past 255, with a word longer than 23 bytes.
    long = " ".join(f"mục{n}" for n in range(300)) + " quyềnsửdụngđấtvàtàisảngắnliền"
    found = Portal(tmp_path, [*(record(i) for i in range(40)), record(45, long)])
    run = search_index._run_pagefind

    def counted(*args: object) -> None:
        found.runs.append(1)
        run(*args)  # type: ignore[arg-type]

    monkeypatch.setattr(search_index, "_run_pagefind", counted)
    found.build()
    return found


def test_edits_patch_the_index_into_the_one_pagefind_builds(portal: Portal) -> None:
    rng = random.Random(7)
    for round_ in range(8):
        for _ in range(1 + round_ % 3):
            i = rng.randrange(len(portal.records))
            portal.records[i] = edited(portal.records[i], rng.randrange(4), rng)
        assert not portal.build(), "patched, without Pagefind"
        assert files(portal.bundle) == portal.fresh(), f"round {round_}"
    # The long page's title: all its positions move, numbers of two bytes among them.
    portal.records[40] = edited(portal.records[40], 1, rng)
    assert not portal.build()
    assert files(portal.bundle) == portal.fresh()


def test_an_added_page_or_a_build_stopped_halfway_runs_pagefind(portal: Portal) -> None:
    portal.records.append(record(40))
    assert portal.build()
    assert files(portal.bundle) == portal.fresh()

    # A build stopped before the index was in place leaves no state: Pagefind runs again.
    (portal.tmp / "kept" / STATE_FILE).unlink()
    portal.records[3] = edited(portal.records[3], 1, random.Random(1))
    assert portal.build()
    assert files(portal.bundle) == portal.fresh()
    # And the next edit is patched again.
    portal.records[4] = edited(portal.records[4], 0, random.Random(2))
    assert not portal.build()
    assert files(portal.bundle) == portal.fresh()
    # A damaged state is no state.
    (portal.tmp / "kept" / STATE_FILE).write_bytes(b"\x80\x05not a pickle")
    portal.records[5] = edited(portal.records[5], 2, random.Random(5))
    assert portal.build()
    assert files(portal.bundle) == portal.fresh()


def test_a_document_the_patch_cannot_read_as_pagefind_does_runs_pagefind(portal: Portal) -> None:
    # Pagefind indexes emoji with a table of its own: a document number typed with one
    # (the number is indexed as typed) is left to Pagefind.
    portal.records[5] = dataclasses.replace(portal.records[5], number="168/2024/NĐ-CP⚖️")
    assert portal.build()
    assert files(portal.bundle) == portal.fresh()
    # A field listed twice: how Pagefind counts the page twice is left to Pagefind.
    portal.records[7] = dataclasses.replace(portal.records[7], fields=("Dân sự", "Dân sự"))
    assert portal.build()
    assert files(portal.bundle) == portal.fresh()
    # An emoji in a title, kept as typed in the title shown with each result, likewise.
    portal.records[6] = dataclasses.replace(portal.records[6], title="Hỏi đáp ⚖️ luật đất đai")
    assert portal.build()
    assert files(portal.bundle) == portal.fresh()


def test_an_index_set_aside_that_changed_since_is_never_patched_blindly(portal: Portal) -> None:
    # A chunk rewritten in place since the last build is not what its name says: Pagefind
    # builds the index again. A file left in the index's folders goes either way.
    def spoil(aside: Path) -> None:
        chunk = sorted((aside / "index").glob("*.pf_index"))[3]
        chunk.write_bytes(chunk.read_bytes()[:-1] + b"\x00")
        stray(aside)

    def stray(aside: Path) -> None:
        (aside / "index" / "vi_stray.pf_index").write_bytes(b"stray")
        (aside / "fragment" / "vi_stray.pf_fragment.br").write_bytes(b"stray")
        (aside / "filter" / "vi_stray.pf_filter").write_bytes(b"stray")

    portal.records[1] = edited(portal.records[1], 0, random.Random(3))
    assert portal.build(spoil)
    assert files(portal.bundle) == portal.fresh()
    assert not list(portal.bundle.rglob("*stray*"))

    portal.records[2] = edited(portal.records[2], 1, random.Random(4))
    assert not portal.build(stray)
    assert files(portal.bundle) == portal.fresh()
    assert not list(portal.bundle.rglob("*stray*"))


def test_what_editors_type_is_patched_as_pagefind_indexes_it(portal: Portal) -> None:
    # Markup, entities typed as text, quotes, a decomposed accent (NFD), a word longer
    # than a chunk's short texts, symbols: the patched index is Pagefind's either way.
    typed = [
        '<script>alert("x")</script> Điều 5 < 10 & "trích dẫn"',
        "Gõ &lt;b&gt; và &amp;amp; như chữ",
        "Ho\u0302n nha\u0302n gia đi\u0300nh",  # "Hôn nhân gia đình", decomposed
        "Sốđiệnthoạiđườngdâynóngtrợgiúppháplýmiễnphí 1900-1234",
        "Trích “ngoặc kép” — gạch ngang… dấu ‘đơn’",
        "Diện tích 120 m² ở 30°C, ½ thửa § 5 ™ №",
    ]
    for i, text in enumerate(typed):
        at = 10 + i
        portal.records[at] = dataclasses.replace(
            portal.records[at], title=text, summary=text, terms=term_counts(text)
        )
        ran = portal.build()
        assert files(portal.bundle) == portal.fresh(), text
        # Characters whose handling was not checked against Pagefind are left to it.
        assert ran == (i == len(typed) - 1), text


def test_words_with_any_punctuation_are_patched_as_pagefind_indexes_them(portal: Portal) -> None:
    # Pagefind splits a word at punctuation into parts it indexes too, and ends a sentence
    # after some characters: random words with punctuation inside and around them.
    rng = random.Random(11)
    letters = "aăâbdđeêghiklmnoôơpqrstuưvxyáàảãạắằẳấầẩéèẻếềểíìóòỏốồổớờởúùủứừửýỳĐÁ0123456789"
    punctuation = string.punctuation + "“”‘’–—…"
    for _ in range(8):
        found = []
        for _ in range(rng.randint(3, 10)):
            word = "".join(rng.choice(letters + letters.upper()) for _ in range(rng.randint(1, 7)))
            if rng.random() < 0.5:
                word = f"{rng.choice(punctuation)}{word}{rng.choice(['', *punctuation])}"
            found.append(word)
        text = " ".join(found)
        at = rng.randrange(len(portal.records))
        portal.records[at] = dataclasses.replace(
            portal.records[at], title=text, number=text[:16], terms=term_counts(text)
        )
        assert not portal.build(), text
        assert files(portal.bundle) == portal.fresh(), text
