"""An editor's headings get ids of their own: never one of the theme's, never twice."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

from sections.samples import AGENCY, write_sample_portal

from pbgdpl.cli import main
from pbgdpl.safety.heading_ids import THEME_IDS

from conftest import REPO, write

BODY = (
    "## Liên hệ\n\nGọi cho chúng tôi.\n\n## Gửi câu hỏi\n\nViết thư.\n\n"
    '<h3 id="trac-nghiem">Giả phần trắc nghiệm</h3>\n\n[Về đầu mục](#m-lien-he)\n'
)


def test_editor_headings_never_take_an_id_of_the_theme(tmp_path: Path) -> None:
    root = write_sample_portal(tmp_path / "portal", ["tin-tuc", "cuoc-thi"])
    write(
        root / "agencies" / AGENCY / "tin-tuc" / "lien-he.md",
        f"---\ntitle: Liên hệ\ndate: 2025-04-20\n---\n{BODY}",
    )
    out = root / "site"
    assert main(["--root", str(root), "build", "--out", str(out), "--as-of", "2025-06-01"]) == 0
    page = (out / AGENCY / "tin-tuc/lien-he/index.html").read_text("utf-8")
    # A link published before the prefix (#lien-he) still lands; a theme id is never kept.
    assert '<h2 id="m-lien-he"><span id="lien-he"></span>Liên hệ</h2>' in page
    assert '<h2 id="m-gui-cau-hoi">Gửi câu hỏi</h2>' in page
    assert "<h3>Giả phần trắc nghiệm</h3>" in page
    assert 'href="#m-lien-he"' in page
    theme_ids = set(
        re.findall(
            r'id="([a-z0-9-]+)"',
            "".join(p.read_text("utf-8") for p in (REPO / "theme").rglob("*.html")),
        )
    )
    assert not any(i.startswith("m-") for i in theme_ids)
    # Every theme id not prefixed pb- is known, so no old anchor can take it.
    assert {i for i in theme_ids if not i.startswith("pb-")} <= THEME_IDS
    for html in out.rglob("*.html"):
        ids = Counter(re.findall(r'\bid="([^"]+)"', html.read_text("utf-8")))
        assert [i for i, n in ids.items() if n > 1] == [], html
