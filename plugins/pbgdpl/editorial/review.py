"""The review report: what a pull request changes, for which agency, and whether it is safe.

`review_changes` compares two versions of the repository (HEAD against where it branched
from BASE, or the working tree) and returns a `Review`: every changed file with its
agency, section, kind of change and title; the front matter that changed (old → new);
validation of the changed files; files outside the author's agencies (by the roles at
BASE, so a pull request cannot grant itself rights); platform files; and published pages
removed, moved without a redirect or taken down (draft, publish_at, withdrawn), which are
errors. Settings files are compared key by key, texts paragraph by paragraph, and what
only the board or the maintainers may decide is listed as a `Decision`.
"""

from __future__ import annotations

import dataclasses
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from git import Commit, Repo

from pbgdpl.catalog import Catalog
from pbgdpl.catalog.publication import live_items
from pbgdpl.catalog.status import status_phrase
from pbgdpl.editorial.body_changes import BodyChange, compare_bodies
from pbgdpl.editorial.review_reliance import DocumentEdit, StatusChange, status_changes
from pbgdpl.editorial.roles import SETTINGS_PATH, Roles, roles_in_commit
from pbgdpl.editorial.settings_changes import changed_keys
from pbgdpl.editorial.unpublishing import how_unpublished, is_published
from pbgdpl.loading.frontmatter import FrontMatterError, read_yaml_mapping, split_front_matter
from pbgdpl.loading.gitrepo import (
    FileChange,
    changed_files,
    exists,
    export_tree,
    fork_point,
    open_repository,
    read_text,
    resolve,
)
from pbgdpl.loading.history import read_history
from pbgdpl.loading.portal import AGENCY_PAGE_FIELDS, PAGE_FIELDS, Portal
from pbgdpl.model.agency import Agency
from pbgdpl.model.diagnostics import Diagnostic, Severity
from pbgdpl.model.fields import Field, FieldError
from pbgdpl.model.moment import BuildMoment
from pbgdpl.model.sections import LEGAL_DOCUMENTS, SECTIONS_BY_SLUG
from pbgdpl.model.settings import PortalSettings
from pbgdpl.model.vocabularies import load_vocabularies
from pbgdpl.validate import load_checked


@dataclass(frozen=True)
class FieldChange:
    """One front-matter value that changed: its key, label, and values before and after."""

    key: str
    label: str
    old: Any
    new: Any


@dataclass(frozen=True)
class FileReview:
    """One changed file as the board sees it."""

    change: FileChange
    area: str  # agency, national or platform
    agency: str | None = None
    section: str | None = None
    title: str | None = None
    fields: tuple[FieldChange, ...] = ()
    outside: bool = False
    body: BodyChange | None = None
    # Facts the board checks beyond the fields of a new legal document: status, relations.
    facts: tuple[tuple[str, str], ...] = ()

    @property
    def url(self) -> str | None:
        """Return the address of the item's page after the change, if it is an item."""
        return _old_url(self.change.new_path) if self.change.new_path else None


ROLE_KEYS = ("editors", "editorial_board", "maintainers", "delegated_review")


@dataclass(frozen=True)
class Decision:
    """Something only the board (or the maintainers, for the platform) may decide."""

    path: str
    who: str  # board or maintainers
    reason: str


@dataclass
class Review:
    """Everything the board needs to decide on one change."""

    base: str
    head: str
    author: str | None
    roles: Roles
    files: list[FileReview] = field(default_factory=list)
    diagnostics: list[Diagnostic] = field(default_factory=list)
    problems: list[Diagnostic] = field(default_factory=list)
    # The agencies of the changed version, which a preview can build.
    agencies: set[str] = field(default_factory=set)
    # Documents whose status the change touches, with every item relying on them.
    status_changes: list[StatusChange] = field(default_factory=list)
    decisions: list[Decision] = field(default_factory=list)

    @property
    def errors(self) -> list[Diagnostic]:
        """Return what must be fixed before merging: review problems and validation errors."""
        return [*self.problems, *(d for d in self.diagnostics if d.severity is Severity.ERROR)]

    @property
    def warnings(self) -> list[Diagnostic]:
        """Return the validation warnings of the changed files."""
        return [d for d in self.diagnostics if d.severity is Severity.WARNING]

    @property
    def outside(self) -> list[FileReview]:
        """Return the changed content files outside the author's own agencies."""
        return [f for f in self.files if f.outside and f.area != "platform"]

    @property
    def platform(self) -> list[FileReview]:
        """Return the changed platform files (theme, code, configuration, workflows)."""
        return [f for f in self.files if f.area == "platform"]

    @property
    def needs_maintainers(self) -> bool:
        """Tell whether the change may merge only once a maintainer approves it."""
        return any(d.who == "maintainers" for d in self.decisions)

    @property
    def needs_board(self) -> bool:
        """Tell whether the change holds something only the board may decide."""
        return any(d.who == "board" for d in self.decisions)

    @property
    def sites(self) -> list[str]:
        """Return the agency sites the change touches and that still exist, for a preview."""
        return sorted({f.agency for f in self.files if f.agency in self.agencies})


def area_of(path: str) -> tuple[str, str | None, str | None]:
    """Return the area of a path (agency, national or platform), its agency and section."""
    parts = path.split("/")
    if parts[0] == "agencies" and len(parts) > 2:
        section = parts[2] if len(parts) > 3 and parts[2] in SECTIONS_BY_SLUG else None
        return "agency", parts[1], section
    if parts[0] in ("content", "agencies"):
        # National pages, portal settings and files beside the agency folders: the board's.
        return "national", None, None
    return "platform", None, None


def _yaml(text: str | None) -> dict[str, Any]:
    if text is None:
        return {}
    try:
        values, _ = read_yaml_mapping(text)
    except FrontMatterError:
        return {}
    return values if isinstance(values, dict) else {}


def _parsed_by_key(values: dict[str, Any], fields: tuple[Field, ...]) -> dict[str, Any]:
    """Return each field's value converted (dates, lists …), or as written if it is invalid."""
    vocabularies = load_vocabularies()
    parsed = {}
    for one in fields:
        if values.get(one.key) is None:
            continue
        try:
            parsed[one.key] = one.parse(values[one.key], vocabularies)
        except FieldError:
            parsed[one.key] = values[one.key]
    return parsed


def _field_changes(
    old: dict[str, Any], new: dict[str, Any], fields: tuple[Field, ...]
) -> tuple[FieldChange, ...]:
    return tuple(
        FieldChange(f.key, f.label, old.get(f.key), new.get(f.key))
        for f in fields
        if old.get(f.key) != new.get(f.key)
    )


def _fields_of(path: str) -> tuple[Field, ...]:
    """Return the fields of an item, a written page or an agency.yml; nothing for others."""
    area, _, section_slug = area_of(path)
    if path == SETTINGS_PATH:
        return PortalSettings.FIELDS
    if area == "national":
        return PAGE_FIELDS if path.endswith(".md") else ()
    if area != "agency":
        return ()
    if path.count("/") == 2 and path.endswith("/index.md"):
        return AGENCY_PAGE_FIELDS
    if path.count("/") == 2 and path.endswith("/agency.yml"):
        return Agency.FIELDS
    if section_slug and path.count("/") == 3 and path.endswith(".md"):
        return SECTIONS_BY_SLUG[section_slug].all_fields
    return ()


def _values(text: str | None, path: str | None) -> dict[str, Any]:
    """Return the raw front matter of a Markdown file, or the mapping of a YAML file."""
    if text is None or path is None:
        return {}
    if path.endswith(".yml"):
        return _yaml(text)
    try:
        return split_front_matter(text).values
    except FrontMatterError:
        return {}


def _settings_changes(
    old: dict[str, Any], new: dict[str, Any], fields: tuple[Field, ...]
) -> tuple[FieldChange, ...]:
    """Return a settings file's changes key by key, nested keys by their dotted name."""
    labels = {f.key: f.label for f in fields}
    return tuple(
        FieldChange(key, labels.get(key.split(".")[0], key), before, after)
        for key, before, after in changed_keys(old, new)
    )


def _body(text: str | None) -> str:
    if text is None:
        return ""
    try:
        return split_front_matter(text).body
    except FrontMatterError:
        return text


def review_file(
    repo: Repo, change: FileChange, base: Commit, head: Commit | None
) -> tuple[FileReview, dict[str, Any], dict[str, Any]]:
    """Describe one changed file; also return its front matter before and after, parsed."""
    area, agency, section_slug = area_of(change.path)
    fields = _fields_of(change.path)
    if not fields:
        return FileReview(change, area, agency, section_slug), {}, {}
    old_text = read_text(repo, base, change.old_path)
    new_text = read_text(repo, head, change.new_path)
    old_values = _values(old_text, change.old_path)
    new_values = _values(new_text, change.new_path)
    old = _parsed_by_key(old_values, fields)
    new = _parsed_by_key(new_values, fields)
    title = (new or old).get("title") or (new or old).get("name")
    if change.path.endswith(".yml"):
        changes = _settings_changes(old_values, new_values, fields)
    else:
        changes = _field_changes(old, new, fields)
    body = None
    if change.path.endswith(".md") and old_text is not None and new_text is not None:
        body = compare_bodies(_body(old_text), _body(new_text))
    review = FileReview(
        change, area, agency, section_slug, str(title) if title else None, changes, body=body
    )
    return review, old, new


def _old_url(path: str) -> str | None:
    """Return the URL an item file was published at, or None if it is not an item file."""
    area, agency, section = area_of(path)
    if area != "agency" or section is None or not path.endswith(".md") or path.count("/") != 3:
        return None
    return f"{agency}/{section}/{Path(path).stem}/"


def check_moves(
    files: list[FileReview], base_items: dict[str, dict[str, Any]], head: Portal
) -> list[Diagnostic]:
    """Report published pages removed or moved with no redirect from their old address."""
    moment = BuildMoment.now()
    live = live_items(head.items, moment) if head.settings is not None else []
    redirected = {path for item in live for path in item.data.get("redirect_from", ())}
    problems = []
    for review in files:
        change = review.change
        if change.change not in ("removed", "renamed") or change.old_path is None:
            continue
        old_url = _old_url(change.old_path)
        if old_url is None or not is_published(base_items.get(change.old_path, {}), moment.at):
            continue
        new_url = _old_url(change.new_path) if change.new_path else None
        if old_url == new_url or old_url in redirected:
            continue
        if new_url:
            message = (
                f'Bài đã đăng tại "{old_url}" được chuyển sang "{new_url}" nhưng địa chỉ cũ '
                f"không được chuyển hướng. Thêm vào đầu tệp {change.new_path} dòng: "
                f'redirect_from: ["{old_url}"]'
            )
            code = "moved-without-redirect"
        else:
            message = (
                f'Bài đã đăng tại "{old_url}" bị xóa: người đọc và các liên kết tới địa chỉ này '
                "sẽ gặp lỗi. Thay vì xóa, hãy thôi đăng bài (withdrawn: {date: …, reason: …}), "
                "hoặc thêm redirect_from vào bài thay thế."
            )
            code = "removed-without-redirect"
        problems.append(Diagnostic(change.old_path, 1, code, Severity.ERROR, message))
    return problems


def document_edits(files: list[FileReview]) -> list[DocumentEdit]:
    """Return the changed legal document files, for the items their status changes touch."""
    return [
        DocumentEdit(
            f.change.path,
            f.agency or "",
            f.change.change == "added",
            {c.key: (c.old, c.new) for c in f.fields},
        )
        for f in files
        if f.section == LEGAL_DOCUMENTS.slug and f.fields
    ]


def check_unpublishing(
    files: list[FileReview],
    before: dict[str, dict[str, Any]],
    after: dict[str, dict[str, Any]],
    head: Portal,
    by_board: bool,
) -> tuple[list[Diagnostic], list[Decision]]:
    """Report published pages taken down by draft, publish_at or withdrawn: the board's call.

    Made by a member of the board, it is the board's own decision and only listed; made by
    anyone else, it is an error, as deleting the page is.
    """
    moment = BuildMoment.now().at
    items = {item.path: item for item in head.items}
    problems, decisions = [], []
    for file in files:
        change = file.change
        if change.change not in ("changed", "renamed") or file.url is None:
            continue
        old = before.get(change.old_path or "", {})
        how = how_unpublished(old, after.get(change.path, {}), moment)
        if how is None:
            continue
        decisions.append(Decision(change.path, "board", f"Gỡ bài đã đăng: {how}."))
        if by_board:
            continue
        item = items.get(change.path)
        key = next((k for k in ("draft", "publish_at", "withdrawn") if k in how), "title")
        message = (
            f'Bài đã đăng tại "{file.url}" bị gỡ xuống: {how}. Gỡ một bài đã đăng, dù bằng cách '
            "nào, cần Ban Biên tập quyết định như khi xóa bài: bỏ thay đổi này, hoặc đề nghị "
            "Thường trực Ban Biên tập thực hiện (taking a published page down needs the board)."
        )
        line = item.line_of(key) if item else 1
        problems.append(Diagnostic(change.path, line, "unpublished", Severity.ERROR, message))
    return problems, decisions


def _logins_changed(change: FieldChange) -> str:
    old = {str(v) for v in change.old or ()} if isinstance(change.old, list) else set()
    new = {str(v) for v in change.new or ()} if isinstance(change.new, list) else set()
    parts = [f"thêm {', '.join(sorted(new - old))}" if new - old else ""]
    parts.append(f"bớt {', '.join(sorted(old - new))}" if old - new else "")
    return "; ".join(p for p in parts if p) or "sửa"


def platform_and_settings_decisions(
    files: list[FileReview], roles: Roles, author: str | None
) -> list[Decision]:
    """List what a change does to the platform, the settings, the roles and the agencies."""
    decisions = []
    for file in files:
        path = file.change.path
        if file.area == "platform":
            if author is None or not roles.may_change(author, "platform", None):
                decisions.append(
                    Decision(
                        path,
                        "maintainers",
                        "Thay đổi nền tảng (giao diện, mã, quy trình, cấu hình) do người không "
                        "thuộc nhóm kỹ thuật gửi.",
                    )
                )
            continue
        if not path.endswith(".yml"):
            continue
        if file.change.change == "added" and path.endswith("/agency.yml"):
            decisions.append(Decision(path, "board", "Trang thành phần mới."))
            continue
        for change in file.fields:
            if change.key in ROLE_KEYS:
                reason = f"Thay đổi quyền ({change.label}): {_logins_changed(change)}."
                decisions.append(Decision(path, "board", reason))
        settings = [c.key for c in file.fields if c.key not in ROLE_KEYS]
        if settings and file.change.change != "added":
            reason = "Thay đổi cài đặt: " + ", ".join(settings) + "."
            decisions.append(Decision(path, "board", reason))
    return decisions


def document_facts(files: list[FileReview], head: Portal) -> list[FileReview]:
    """Add to each new legal document what the board checks beyond its fields.

    Its status as of today and its relations both ways, from the registry of the changed
    portal, so a wrong date or number shows as a wrong status or an unknown document.
    """
    if head.settings is None:
        return files
    moment = BuildMoment.now()
    catalog = Catalog.from_portal(head, moment)
    items = {item.path: item for site in catalog.items_by_site.values() for item in site}
    reviewed = []
    for file in files:
        item = items.get(file.change.path) if file.change.change == "added" else None
        document = catalog.registry.for_item(item) if item else None
        if document is not None:
            status = status_phrase(catalog.registry.status_of(document, moment.date), moment.date)
            facts = [("Tình trạng hiệu lực", status)]
            for group in catalog.registry.relations(document):
                entries = [
                    e.number + ("" if e.document else " (chưa có trên cổng)") for e in group.entries
                ]
                facts.append((group.label, "; ".join(entries)))
            file = dataclasses.replace(file, facts=tuple(facts))
        reviewed.append(file)
    return reviewed


def check_readable(
    repo: Repo, change: FileChange, base: Commit, head: Commit | None
) -> list[Diagnostic]:
    """Report a changed path that cannot be read back from Git: the board cannot see it.

    Git may hold a name that is not UTF-8; decoded, it names no file. The report never
    leaves such a change out silently.
    """
    version = base if change.change == "removed" else head
    if exists(repo, version, change.path):
        return []
    return [
        Diagnostic(
            change.path,
            1,
            "unreadable-change",
            Severity.ERROR,
            "Không đọc được tệp thay đổi này từ Git (tên tệp không phải UTF-8 hoặc có ký tự "
            "lạ) nên Ban Biên tập không xem được nội dung; đổi tên tệp thành chữ thường không "
            "dấu, số và dấu gạch ngang rồi gửi lại (unreadable change).",
        )
    ]


def _diagnostics_of(portal: Portal, files: list[FileReview]) -> list[Diagnostic]:
    """Return the diagnostics of the changed files, and those that name a changed file."""
    paths = {f.change.new_path for f in files if f.change.new_path}
    return [
        d
        for d in portal.diagnostics
        if d.path in paths or any(p in d.message for p in paths if p.count("/") > 1)
    ]


def _load_version(repo: Repo, head: Commit | None, folder: Path) -> Portal:
    root = Path(str(repo.working_tree_dir))
    if head is None:
        return load_checked(root)
    export_tree(head, folder)
    # The history of the commit under review says which agency published a number first.
    return load_checked(folder, read_history(root, head.hexsha))


def review_changes(
    root: Path, base: str, head: str | None = None, author: str | None = None
) -> Review:
    """Review the changes from `base` to `head` (or to the working tree when None)."""
    with open_repository(root) as repo:
        head_commit = resolve(repo, head) if head else None
        base_commit = fork_point(repo, resolve(repo, base), head_commit or repo.head.commit)
        roles = roles_in_commit(repo, base_commit)
        review = Review(
            base_commit.hexsha[:8],
            head_commit.hexsha[:8] if head_commit else "bản làm việc",
            author,
            roles,
        )
        base_items: dict[str, dict[str, Any]] = {}
        head_items: dict[str, dict[str, Any]] = {}
        unreadable: list[Diagnostic] = []
        for change in changed_files(repo, base_commit, head_commit):
            unreadable += check_readable(repo, change, base_commit, head_commit)
            described, old, new = review_file(repo, change, base_commit, head_commit)
            if author:
                allowed = roles.may_change(author, described.area, described.agency)
                described = dataclasses.replace(described, outside=not allowed)
            review.files.append(described)
            if change.old_path:
                base_items[change.old_path] = old
            if change.new_path:
                head_items[change.new_path] = new
        with tempfile.TemporaryDirectory(prefix="pbgdpl-review-") as folder:
            portal = _load_version(repo, head_commit, Path(folder))
        review.diagnostics = _diagnostics_of(portal, review.files)
        review.agencies = set(portal.agencies)
        review.files = document_facts(review.files, portal)
        by_board = author is not None and roles.in_board(author)
        taken_down, decisions = check_unpublishing(
            review.files, base_items, head_items, portal, by_board
        )
        review.problems = unreadable + check_moves(review.files, base_items, portal)
        review.problems += taken_down
        review.decisions = decisions + platform_and_settings_decisions(review.files, roles, author)
        review.status_changes = status_changes(document_edits(review.files), portal)
    return review
