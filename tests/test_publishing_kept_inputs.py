"""Portal-wide files are kept only when they were written from their inputs now.

The byte-for-byte comparison with a full build is in `test_incremental.py`; these cases are
the record itself: a changed fingerprint, a page that appeared, and a build stopped
between writing an agency's files and saying so.
"""

from __future__ import annotations

import pickle
from pathlib import Path
from types import SimpleNamespace
from typing import Any

from pbgdpl.catalog import Catalog
from pbgdpl.loading.portal import load_portal
from pbgdpl.model.moment import BuildMoment
from pbgdpl.publishing.kept_inputs import KeptInputs, agency_keys
from pbgdpl.publishing.opendata import KeptRows, write_open_data


def _item(agency: str, url: str) -> Any:
    return SimpleNamespace(agency=agency, url=url)


RECORD = "record.json"


def _open(tmp_path: Path, fingerprints: dict[str, str], items: list[Any]) -> KeptInputs:
    return KeptInputs.open(tmp_path / RECORD, agency_keys(fingerprints, items))


ITEMS = [_item("ha-noi", "ha-noi/tin-tuc/a/"), _item("bo-y-te", "bo-y-te/hoi-dap/b/")]


def test_an_agency_is_kept_only_with_the_same_fingerprint_and_pages(tmp_path: Path) -> None:
    first = _open(tmp_path, {"ha-noi": "f1", "bo-y-te": "g1"}, ITEMS)
    # Nothing was written from these inputs yet.
    assert not first.unchanged("ha-noi")
    first.done()
    again = _open(tmp_path, {"ha-noi": "f1", "bo-y-te": "g2"}, ITEMS)
    assert again.unchanged("ha-noi") and not again.unchanged("bo-y-te")
    # A page that appears (its site rendered at last) changes the feed's items.
    more = [*ITEMS, _item("ha-noi", "ha-noi/tin-tuc/c/")]
    assert not _open(tmp_path, {"ha-noi": "f1"}, more).unchanged("ha-noi")
    # No fingerprint (a site published without one of its pages): never kept.
    assert not _open(tmp_path, {"ha-noi": ""}, ITEMS).unchanged("ha-noi")


def test_a_build_stopped_after_writing_never_vouches_for_the_old_inputs(tmp_path: Path) -> None:
    _open(tmp_path, {"ha-noi": "f1"}, ITEMS).done()
    # A build with other inputs writes the files from them, then stops before `done`.
    _open(tmp_path, {"ha-noi": "f2"}, ITEMS)
    # The edit is undone: the files on disk are f2's, so they must be written again.
    assert not _open(tmp_path, {"ha-noi": "f1"}, ITEMS).unchanged("ha-noi")


def test_open_data_rows_are_taken_only_from_an_agency_with_the_same_inputs(
    sample_portal: Path, tmp_path: Path
) -> None:
    catalog = Catalog.from_portal(load_portal(sample_portal), BuildMoment.parse("2026-11-23"))
    items = [item for site in catalog.items_by_site for item in catalog.items(site)]
    as_of = catalog.as_of
    (tmp_path / "plain").mkdir()
    write_open_data(catalog, items, tmp_path / "plain", as_of)
    expected = (tmp_path / "plain/du-lieu-mo/bai-viet.json").read_text("utf-8")

    def written(fingerprints: dict[str, str], name: str) -> str:
        rows = KeptRows.open(tmp_path / "rows.pickle", agency_keys(fingerprints, items))
        (tmp_path / name).mkdir()
        write_open_data(catalog, items, tmp_path / name, as_of, rows)
        return (tmp_path / name / "du-lieu-mo/bai-viet.json").read_text("utf-8")

    same = {slug: "f1" for slug in catalog.agencies}
    assert written(same, "first") == expected
    # Rows kept from other inputs of Hà Nội (as if from before an edit).
    kept = pickle.loads((tmp_path / "rows.pickle").read_bytes())
    key, rows = kept["ha-noi"]
    kept["ha-noi"] = (key, {where: (" {}", "\r\n") for where in rows})
    (tmp_path / "rows.pickle").write_bytes(pickle.dumps(kept))
    assert written(same, "kept") != expected  # the same key: the kept rows are used
    assert written({**same, "ha-noi": "f2"}, "edited") == expected
