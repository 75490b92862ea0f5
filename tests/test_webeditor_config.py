"""The web editor's forms are the content model: they agree with the JSON Schemas field by
field, each agency sees only its own sections, and the editor keeps its own CSP."""

from __future__ import annotations

import html
import json
import re
import unicodedata
from pathlib import Path
from typing import Any

import pytest
import yaml
from sections.samples import AGENCY, SAMPLES, write_sample_portal

from pbgdpl.model.forge import Forge
from pbgdpl.model.sections import SECTIONS
from pbgdpl.site.csp import content_security_policy
from pbgdpl.webeditor.admin import write_editor
from pbgdpl.webeditor.config import LocalBackend

from conftest import REPO, write

SCHEMAS = REPO / "schemas"
# How each JSON type of the schema may be edited in the form.
WIDGETS_BY_TYPE = {
    "string": {"string", "text", "select", "datetime"},
    "boolean": {"boolean"},
    "integer": {"number"},
    "object": {"object"},
    "array": {"list", "select"},
}


@pytest.fixture(scope="module")
def editor(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The editor written for a portal of one agency keeping every section."""
    root = write_sample_portal(tmp_path_factory.mktemp("editor"), sorted(SAMPLES))
    (root / "node_modules").symlink_to(REPO / "node_modules")
    return write_editor(root, root / "out").folder


def config(editor: Path, agency: str = AGENCY) -> dict[str, Any]:
    return yaml.safe_load((editor / agency / "config.yml").read_text("utf-8"))


def collection(editor: Path, slug: str) -> dict[str, Any]:
    return next(c for c in config(editor)["collections"] if c["name"] == slug)


def json_types(schema: dict[str, Any]) -> set[str]:
    """Return the JSON types a property accepts, through anyOf."""
    if "anyOf" in schema:
        return {t for option in schema["anyOf"] for t in json_types(option)}
    return {schema["type"]} if isinstance(schema["type"], str) else set(schema["type"])


def agree(field: dict[str, Any], schema: dict[str, Any], required: bool, where: str) -> None:
    """Assert that one form field and its schema property describe the same value."""
    assert field["label"] == schema["title"], where
    assert field.get("required", True) == required, where
    if "description" in schema:
        assert field["hint"] == schema["description"], where
    assert any(field["widget"] in WIDGETS_BY_TYPE[t] for t in json_types(schema)), where
    enums = [schema.get("enum")] + [o.get("enum") for o in schema.get("anyOf", [])]
    enum = next((e for e in enums if e), None)
    if field["widget"] == "select" and enum:
        # An agency's form may offer fewer issuers (its own province's), in the same order.
        assert field["options"] == [v for v in enum if v in field["options"]], where
        assert field["options"], where
    patterns = [schema.get("pattern")] + [
        o.get("pattern") or o.get("items", {}).get("pattern") for o in schema.get("anyOf", [])
    ]
    pattern = next((p for p in patterns if p), None)
    if pattern and field["widget"] in {"string", "list"}:
        shown = field.get("pattern") or field["field"]["pattern"]
        assert shown[0] == pattern, where
    if field["widget"] == "object":
        inner = {f["name"]: f for f in field["fields"]}
        assert set(inner) == set(schema["properties"]), where
        for key, sub in schema["properties"].items():
            # The withdrawal pair is optional as a whole: validate asks for both or neither.
            needed = key in schema.get("required", []) and field["name"] != "withdrawn"
            agree(inner[key], sub, needed, f"{where}.{key}")


@pytest.mark.parametrize("section", SECTIONS, ids=lambda s: s.slug)
def test_form_and_schema_agree_field_by_field(editor: Path, section: Any) -> None:
    schema = json.loads((SCHEMAS / f"{section.slug}.json").read_text("utf-8"))
    fields = {f["name"]: f for f in collection(editor, section.slug)["fields"]}
    assert set(fields) - {"body"} == set(schema["properties"])
    for key, prop in schema["properties"].items():
        agree(fields[key], prop, key in schema["required"], f"{section.slug}.{key}")


def test_the_quiz_is_a_list_of_questions_with_the_schemas_parts(editor: Path) -> None:
    quiz = next(f for f in collection(editor, "cuoc-thi")["fields"] if f["name"] == "trac_nghiem")
    schema = json.loads((SCHEMAS / "cuoc-thi.json").read_text("utf-8"))["properties"]["trac_nghiem"]
    parts = {f["name"]: f for f in quiz["fields"]}
    items = schema["items"]
    assert list(parts) == list(items["properties"])
    assert all(parts[k]["label"] == p["title"] for k, p in items["properties"].items())
    assert parts["dap_an"]["options"] == ["A", "B", "C", "D", "E", "F"]
    assert (parts["lua_chon"]["min"], parts["lua_chon"]["max"]) == (2, 6)


def test_dates_use_a_calendar_and_publish_at_a_date_and_time(editor: Path) -> None:
    fields = {f["name"]: f for f in collection(editor, "hoi-dap")["fields"]}
    assert fields["date"]["widget"] == "datetime"
    assert (fields["date"]["format"], fields["date"]["time_format"]) == ("YYYY-MM-DD", False)
    assert fields["publish_at"]["format"] == "YYYY-MM-DDTHH:mm"
    assert fields["publish_at"]["time_format"] == "HH:mm"


def test_each_agency_sees_only_its_sections_saved_in_its_folders(tmp_path: Path) -> None:
    root = write_sample_portal(tmp_path / "portal", ["hoi-dap", "tin-tuc"])
    write(
        root / "agencies/lao-cai/agency.yml",
        "slug: lao-cai\nname: Tỉnh Lào Cai\nkind: province\ncontacts: {}\neditors: [lc]\n"
        "sections: [van-ban-moi]\n",
    )
    (root / "node_modules").symlink_to(REPO / "node_modules")
    site = write_editor(root, root / "out")
    assert site.agencies == ("lao-cai", AGENCY)
    ours = config(site.folder)["collections"]
    assert [(c["name"], c["folder"]) for c in ours] == [
        ("hoi-dap", f"agencies/{AGENCY}/hoi-dap"),
        ("tin-tuc", f"agencies/{AGENCY}/tin-tuc"),
    ]
    assert [c["folder"] for c in config(site.folder, "lao-cai")["collections"]] == [
        "agencies/lao-cai/van-ban-moi"
    ]
    # A province's editors choose its own council, committee and departments as issuers.
    form = config(site.folder, "lao-cai")["collections"][0]["fields"]
    issuers = next(f for f in form if f["name"] == "co_quan_ban_hanh")["options"]
    assert {"Ủy ban nhân dân tỉnh Lào Cai", "Sở Tư pháp tỉnh Lào Cai", "Chính phủ"} <= set(issuers)
    assert "Ủy ban nhân dân thành phố Hà Nội" not in issuers
    # Pictures and attachments land next to the item and are linked by their file names.
    assert all(c["media_folder"] == "" and c["public_folder"] == "" for c in ours)
    home = (site.folder / "index.html").read_text("utf-8")
    assert '<a href="lao-cai/">Tỉnh Lào Cai</a>' in home


def test_the_editor_speaks_vietnamese_and_submits_for_review(editor: Path) -> None:
    settings = config(editor)
    assert settings["locale"] == "vi"
    assert settings["publish_mode"] == "editorial_workflow"
    messages = settings["backend"]["commit_messages"]
    assert messages["create"].startswith("Thêm {{collection}}")
    assert all(unicodedata.is_normalized("NFC", m) for m in messages.values())
    assert collection(editor, "hoi-dap")["label_singular"] == "câu hỏi"
    assert settings["slug"] == {
        "encoding": "ascii",
        "clean_accents": True,
        "sanitize_replacement": "-",
    }
    # Decap's Vietnamese completed where it falls back to English, before the CMS draws.
    page = (editor / AGENCY / "index.html").read_text("utf-8")
    scripts = re.findall(r'<script src="([^"]+)">', page)
    # The CMS waits (sections.js) until every part is registered, then starts (start.js).
    assert scripts == [
        "../sections.js",
        "../decap/decap-cms.js",
        "../locale-vi.js",
        "../preview.js",
        "../start.js",
    ]
    assert "window.CMS_MANUAL_INIT = true;" in (editor / "sections.js").read_text("utf-8")
    phrases = (editor / "locale-vi.js").read_text("utf-8")
    assert 'expand: "Mở ra"' in phrases and unicodedata.is_normalized("NFC", phrases)


def test_the_bundle_is_served_from_the_portals_own_origin(editor: Path) -> None:
    page = (editor / AGENCY / "index.html").read_text("utf-8")
    assert '<script src="../decap/decap-cms.js"></script>' in page
    assert "https://" not in page.split("<body>")[1]
    assert (editor / "decap" / "decap-cms.js").stat().st_size > 1_000_000
    policy = html.unescape(page.split('Content-Security-Policy" content="')[1].split('"')[0])
    assert "script-src 'self' 'unsafe-eval';" in policy
    assert "connect-src 'self' blob: https://api.github.com" in policy
    # Citizens' pages keep their policy: no eval, scripts only from the portal.
    assert "'unsafe-eval'" not in content_security_policy()


@pytest.mark.parametrize(
    ("block", "backend"),
    [
        (
            "editor: {forge: gitea, repo: stp/cong, server: https://git.stp.gov.vn, app_id: a1}",
            {
                "name": "gitea",
                "repo": "stp/cong",
                "base_url": "https://git.stp.gov.vn",
                "api_root": "https://git.stp.gov.vn/api/v1",
                "app_id": "a1",
            },
        ),
        (
            "editor: {forge: gitlab, repo: stp/cong, server: https://gl.stp.gov.vn, app_id: b2}",
            {
                "name": "gitlab",
                "auth_type": "pkce",
                "api_root": "https://gl.stp.gov.vn/api/v4",
                "app_id": "b2",
            },
        ),
    ],
)
def test_a_self_hosted_forge_is_chosen_in_portal_settings(
    tmp_path: Path, block: str, backend: dict[str, str]
) -> None:
    root = write_sample_portal(tmp_path / "portal", ["hoi-dap"])
    settings = root / "content/portal.yml"
    settings.write_text(settings.read_text("utf-8") + block + "\n", "utf-8")
    (root / "node_modules").symlink_to(REPO / "node_modules")
    site = write_editor(root, root / "out")
    assert config(site.folder)["backend"].items() >= backend.items()
    server = backend["api_root"].split("/api")[0]
    assert f"connect-src 'self' blob: {server};" in site.policy


def test_the_local_backend_needs_no_account(editor: Path, tmp_path: Path) -> None:
    root = write_sample_portal(tmp_path / "portal", ["hoi-dap"])
    (root / "node_modules").symlink_to(REPO / "node_modules")
    local = LocalBackend("http://127.0.0.1:8081/api/v1", "main")
    site = write_editor(root, root / "out", local=local)
    assert config(site.folder)["backend"]["name"] == "proxy"
    assert "connect-src 'self' blob: http://127.0.0.1:8081;" in site.policy
    assert Forge().kind == "github"


def test_uploads_larger_than_validate_accepts_are_refused_in_the_form(editor: Path) -> None:
    limit = 20 * 1024 * 1024  # max_attachment_mb of the sample portal's settings
    files = next(
        f for f in collection(editor, "van-ban-moi")["fields"] if f["name"] == "tep_dinh_kem"
    )
    assert files["field"]["media_library"]["config"]["max_file_size"] == limit
    assert f'"max_upload_bytes": {limit}' in (editor / "sections.js").read_text("utf-8")
    assert "max_file_size: window.PBGDPL_PREVIEW.max_upload_bytes" in (
        editor / "locale-vi.js"
    ).read_text("utf-8")
