"""Citizens are pointed to the national channels whose addresses portal.yml gives."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from legal_portal import OTHER, OWNER, REPEALED, build_site, write_legal_portal

from conftest import write
from htmlcheck import links_of

CHANNELS = (
    "national_legal_database: https://vbpl.vn/\n"
    "policy_feedback_url: https://phananh.example.gov.vn/\n"
)
DOCUMENT = f"{OWNER}/van-ban-moi/nghi-dinh-100-2019-nd-cp/index.html"
QUESTION = f"{OTHER}/hoi-dap/khong-doi-mu-bao-hiem/index.html"


def test_the_addresses_come_from_portal_yml(tmp_path: Path) -> None:
    out = build_site(write_legal_portal(tmp_path / "portal", CHANNELS), REPEALED)
    assert "https://vbpl.vn/van-ban/100-2019-nd-cp" in links_of(out / DOCUMENT)
    for page in (QUESTION, "index.html", DOCUMENT, f"{OTHER}/hoi-dap/index.html"):
        assert "https://phananh.example.gov.vn/" in links_of(out / page), page
    question = (out / QUESTION).read_text("utf-8")
    assert "Quyết định số 48/2025/QĐ-TTg" in question


def test_without_the_settings_no_channel_is_linked(tmp_path: Path) -> None:
    out = build_site(write_legal_portal(tmp_path / "portal"), REPEALED)
    for page in (DOCUMENT, QUESTION, "index.html"):
        links = links_of(out / page)
        assert not any("vbpl.vn" in link or "phananh" in link for link in links), page


def test_an_entry_outside_the_national_database_is_an_error(
    tmp_path: Path, run_cli: Callable[..., tuple[int, str, str]]
) -> None:
    root = write_legal_portal(tmp_path / "portal", CHANNELS)
    path = root / "agencies" / OWNER / "van-ban-moi" / "nghi-dinh-100-2019-nd-cp.md"
    text = path.read_text("utf-8").replace("https://vbpl.vn/", "https://vbpl.example.com/")
    write(path, text)
    status, out, _ = run_cli(root, "validate")
    assert status == 1
    assert (
        f"agencies/{OWNER}/van-ban-moi/nghi-dinh-100-2019-nd-cp.md:11: lỗi [national-entry]" in out
    )
    assert (
        "không phải một địa chỉ trên Cơ sở dữ liệu quốc gia về pháp luật (https://vbpl.vn/)" in out
    )
