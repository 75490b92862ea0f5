"""Review dates: each section's period in portal.yml, an item's own date, overdue items in audit."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from pathlib import Path

from legal_portal import OTHER, OWNER, REPEALED, write_legal_portal

from pbgdpl.followup.review_due import add_months

from conftest import write

PERIODS = "review_after_months:\n  hoi-dap: 6\n"


def test_months_are_added_the_way_a_calendar_does() -> None:
    assert add_months(dt.date(2025, 1, 31), 1) == dt.date(2025, 2, 28)
    assert add_months(dt.date(2024, 6, 1), 24) == dt.date(2026, 6, 1)
    assert add_months(dt.date(2024, 11, 15), 3) == dt.date(2025, 2, 15)


def to_review(out: str, slug: str) -> list[dict[str, str | list[str]]]:
    """Return one agency's items to review from the audit's JSON."""
    found = next(a for a in json.loads(out)["agencies"] if a["slug"] == slug)
    return list(found["to_review"])


def reasons(out: str, slug: str) -> list[str]:
    """Return every reason the audit gives for an agency's items to review."""
    return [str(r) for due in to_review(out, slug) for r in due["reasons"]]


def test_items_past_their_review_date_are_listed_oldest_first(
    tmp_path: Path, run_cli: Callable[..., tuple[int, str, str]]
) -> None:
    root = write_legal_portal(tmp_path / "portal", PERIODS)
    status, out, _ = run_cli(root, "audit", "--as-of", REPEALED.isoformat(), "--format", "json")
    assert status == 0
    owner = to_review(out, OWNER)
    # Answered on 01/06/2024, due six months later: the oldest, so listed first.
    assert owner[0]["url"] == f"{OWNER}/hoi-dap/phat-nong-do-con/"
    assert owner[0]["since"] == "2024-12-01"
    assert "Đã quá hạn rà soát từ ngày 01/12/2024." in owner[0]["reasons"]
    # Reviewed on 01/02/2025: due on 01/08/2025, not overdue yet (only the repeal flags it).
    reviewed = next(r for r in owner if r["url"].endswith("/da-ra-soat/"))
    assert not any("quá hạn" in reason for reason in reviewed["reasons"])
    assert [r["since"] for r in owner] == sorted(r["since"] for r in owner)
    text = run_cli(root, "audit", "--as-of", REPEALED.isoformat())[1]
    assert "Đã quá hạn rà soát từ ngày 02/12/2024." in text  # the other site's answer


def test_an_item_may_set_its_own_review_date(
    tmp_path: Path, run_cli: Callable[..., tuple[int, str, str]]
) -> None:
    root = write_legal_portal(tmp_path / "portal", PERIODS)
    answer = root / "agencies" / OTHER / "hoi-dap" / "khong-doi-mu-bao-hiem.md"
    write(
        answer,
        answer.read_text("utf-8").replace(
            "date: 2024-06-02", "date: 2024-06-02\nhan_ra_soat: 2025-09-01"
        ),
    )
    # Without its own date it would be due on 02/12/2024; with it, on 01/09/2025.
    out = run_cli(root, "audit", "--as-of", "2025-03-01", "--format", "json")[1]
    assert not any("quá hạn" in r for r in reasons(out, OTHER))
    out = run_cli(root, "audit", "--as-of", "2025-09-02", "--format", "json")[1]
    assert "Đã quá hạn rà soát từ ngày 01/09/2025." in reasons(out, OTHER)


def test_a_wrong_review_period_names_the_setting(
    tmp_path: Path, run_cli: Callable[..., tuple[int, str, str]]
) -> None:
    root = write_legal_portal(tmp_path / "portal", "review_after_months:\n  hoi-dap: 0\n")
    status, out, _ = run_cli(root, "validate")
    assert status == 1
    assert "content/portal.yml" in out
    assert 'số tháng của chuyên mục "hoi-dap" phải là số nguyên từ 1 đến 120' in out
