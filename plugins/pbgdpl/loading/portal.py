"""Load the whole portal: settings, national pages, agencies and their items.

Each file is read, parsed and checked on its own here; checks that need the whole
portal (document numbers, citations, redirects) run next, in `pbgdpl.validate`.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pbgdpl.loading.assets import PUBLISHED_OR_REFUSED, check_asset
from pbgdpl.loading.attachments import check_attachments
from pbgdpl.loading.body import check_body
from pbgdpl.loading.fields import parse_fields
from pbgdpl.loading.files import MAX_FILE_BYTES, UnreadableFile, read_source
from pbgdpl.loading.frontmatter import (
    Document,
    FrontMatterError,
    read_yaml_mapping,
    split_front_matter,
)
from pbgdpl.loading.numbers import check_number
from pbgdpl.loading.parallel import MIN_FILES, cores, deal, in_processes
from pbgdpl.loading.parse_cache import CacheShare, ParseCache, Parsed
from pbgdpl.loading.writing import check_writing, missing_pictures, picture_references
from pbgdpl.model.agency import Agency
from pbgdpl.model.diagnostics import Diagnostic, Severity
from pbgdpl.model.fields import SLUG, Field, Text, slugify
from pbgdpl.model.items import Item, Page
from pbgdpl.model.search_terms import SEARCH_TERMS_FILE, parse_search_terms
from pbgdpl.model.sections import SECTIONS_BY_SLUG, Section
from pbgdpl.model.settings import PortalSettings
from pbgdpl.model.vocabularies import Vocabularies, load_vocabularies
from pbgdpl.safety.markdown_render import ForbiddenExtension, configured_extensions
from pbgdpl.safety.text import readable_name

# Top-level names of the national site: theme assets, search, directory, error page,
# the follow-up dashboard and statistics, the open data folder, the saved-pages page.
RESERVED_NAMES = frozenset(
    {
        "assets",
        "pagefind",
        "don-vi",
        "tim-kiem",
        "404",
        "tinh-hinh-cap-nhat",
        "thong-ke",
        "du-lieu-mo",
        "da-luu",
        "en",
    }
)
# A section's own pages: its listing (index.md) and the listing's next pages (trang-2 …).
RESERVED_ITEM_NAME = re.compile(r"index|trang-[0-9]+")
PAGE_FIELDS: tuple[Field, ...] = (
    Text("title", "title", "Tiêu đề", required=True, max_length=300),
    Text("description", "description", "Tóm tắt", max_length=500),
)
AGENCY_PAGE_FIELDS: tuple[Field, ...] = (
    Text("title", "title", "Tiêu đề", max_length=300),
    Text("description", "description", "Tóm tắt", max_length=500),
)


@dataclass(frozen=True)
class Asset:
    """A static file (picture, attachment) published next to a site's pages."""

    site: str
    src_uri: str
    path: str


@dataclass
class Portal:
    """Everything read from the repository, and every problem found while reading it."""

    root: Path
    settings: PortalSettings | None
    agencies: dict[str, Agency] = field(default_factory=dict)
    items: list[Item] = field(default_factory=list)
    pages: list[Page] = field(default_factory=list)
    assets: list[Asset] = field(default_factory=list)
    diagnostics: list[Diagnostic] = field(default_factory=list)
    search_terms: dict[str, str] = field(default_factory=dict)
    """The board's search dictionary: typed form (folded) → the words pages use."""


def _relative(path: Path, root: Path) -> str:
    return readable_name(path.relative_to(root).as_posix())


def _error(path: str, line: int, code: str, message: str) -> Diagnostic:
    return Diagnostic(path, line, code, Severity.ERROR, message)


def _invalid_slug(shown: str, what: str, stem: str, suffix: str = "", why: str = "") -> Diagnostic:
    """Refuse a folder or file name that is not a slug, and suggest one made from it."""
    suggestion = slugify(stem) or "bai-viet"
    return _error(
        shown,
        1,
        "invalid-slug",
        f"{what} chỉ được gồm chữ thường không dấu, số và dấu gạch ngang, "
        f'ví dụ "{suggestion}{suffix}"{why}.',
    )


class PortalLoader:
    """Read the repository at `root` into a Portal; never stop at the first bad file."""

    def __init__(
        self,
        root: Path,
        vocabularies: Vocabularies | None = None,
        cache_dir: Path | None = None,
    ) -> None:
        self.root = root
        self.cache_dir = cache_dir
        self.cache: ParseCache | None = None
        # The pictures and attachments of the Markdown file being parsed, as (line, name).
        self._pictures: tuple[tuple[int, str], ...] = ()
        self._attachments: tuple[tuple[int, str], ...] = ()
        self.vocabularies = vocabularies or load_vocabularies()
        self.portal = Portal(root=root, settings=None)
        self.reserved: set[str] = set()
        self.max_page_bytes = MAX_FILE_BYTES
        self.markdown_trusted = True
        self.max_asset_bytes = MAX_FILE_BYTES

    def load(self) -> Portal:
        """Load settings, the national pages and every agency folder."""
        self.portal.settings = self._load_settings()
        if self.portal.settings is not None:
            self.max_page_bytes = self.portal.settings.max_page_kb * 1024
            self.max_asset_bytes = self.portal.settings.max_attachment_mb * 1024 * 1024
        for top in ("content", "agencies"):
            self._refuse_symlink(self.root / top)
        self._check_markdown_extensions()
        if self.cache_dir is not None:
            self.cache = ParseCache.open(self.cache_dir, self._cache_salt())
        self.portal.search_terms = self._load_search_terms()
        self.reserved = self._national_names()
        self._load_national()
        agencies_dir = self.root / "agencies"
        if agencies_dir.is_dir():
            self._load_agencies(sorted(agencies_dir.iterdir()))
        if self.cache is not None:
            self.cache.save()
        self.portal.diagnostics.sort()
        return self.portal

    def _cache_salt(self) -> str:
        """Hash what a file's parse depends on besides its bytes: code, mkdocs.yml, bounds."""
        digest = hashlib.sha256()
        package = Path(__file__).resolve().parent.parent
        for path in sorted(package.rglob("*")):
            if path.suffix in (".py", ".yml"):
                digest.update(path.relative_to(package).as_posix().encode())
                digest.update(path.read_bytes())
        config = self.root / "mkdocs.yml"
        digest.update(config.read_bytes() if config.is_file() else b"")
        vocabularies = [
            sorted(getattr(self.vocabularies, f.name)) for f in dataclasses.fields(Vocabularies)
        ]
        digest.update(repr((self.max_page_bytes, self.markdown_trusted, vocabularies)).encode())
        return digest.hexdigest()

    def _parse_once(self, path: Path, parse: Callable[[], Item | Page | None]) -> None:
        """Parse the file `path` with `parse`, or take what the cache kept of it; add it."""
        shown = _relative(path, self.root)
        parsed, probe = self.cache.lookup(shown, path) if self.cache else (None, None)
        if parsed is None:
            start = len(self.portal.diagnostics)
            self._pictures = self._attachments = ()
            record = parse()
            if record is not None:
                # Found as the file is parsed, so that the cache keeps them (model/written.py).
                _ = (record.body_scan, record.body_links)
            parsed = Parsed(
                tuple(self.portal.diagnostics[start:]), record, self._pictures, self._attachments
            )
            del self.portal.diagnostics[start:]
            if self.cache is not None and probe is not None:
                self.cache.store(shown, probe, parsed)
        self.portal.diagnostics.extend(parsed.diagnostics)
        # Pictures and attachments are other files: checked on every load, never cached.
        self.portal.diagnostics.extend(missing_pictures(self.root, shown, parsed.pictures))
        for line in sorted({line for line, _ in parsed.attachments}):
            names = [name for at, name in parsed.attachments if at == line]
            self.portal.diagnostics.extend(check_attachments(shown, line, names, self.root))
        if isinstance(parsed.record, Item):
            self.portal.items.append(parsed.record)
        elif isinstance(parsed.record, Page):
            self.portal.pages.append(parsed.record)

    def _check_markdown_extensions(self) -> None:
        """Refuse Markdown extensions that would let an editor include other files."""
        if not (self.root / "mkdocs.yml").is_file():
            return
        try:
            configured_extensions(self.root)
        except ForbiddenExtension as problem:
            self.markdown_trusted = False
            self._report(_error("mkdocs.yml", 1, "forbidden-extension", str(problem)))

    def _report(self, diagnostic: Diagnostic) -> None:
        self.portal.diagnostics.append(diagnostic)

    def _refuse_symlink(self, path: Path) -> bool:
        if path.is_symlink():
            self._report(
                _error(
                    _relative(path, self.root),
                    1,
                    "symlink",
                    "Liên kết tượng trưng (symlink) không được phép trong thư mục nội dung; "
                    "hãy thay bằng tệp thật.",
                )
            )
            return True
        return False

    def _read_yaml(self, path: Path) -> tuple[dict[str, Any], dict[str, int]] | None:
        """Read a YAML mapping and the line of each key, or report why it cannot be read."""
        shown = _relative(path, self.root)
        try:
            source = read_source(path, shown)
            self.portal.diagnostics.extend(source.diagnostics)
            return read_yaml_mapping(source.text)
        except UnreadableFile as problem:
            self._report(problem.diagnostic)
        except FrontMatterError as problem:
            self._report(_error(shown, problem.line, problem.code, problem.message))
        return None

    def _read_yaml_file(
        self, path: Path, what: str, fields: tuple[Field, ...]
    ) -> dict[str, Any] | None:
        shown = _relative(path, self.root)
        found = self._read_yaml(path)
        if found is None:
            return None
        values, lines = found
        parsed, problems = parse_fields(fields, values, lines, shown, self.vocabularies, what=what)
        self.portal.diagnostics.extend(problems)
        if any(p.severity is Severity.ERROR for p in problems):
            return None
        return parsed

    def _load_settings(self) -> PortalSettings | None:
        path = self.root / "content" / "portal.yml"
        if not path.is_file():
            self._report(
                _error(
                    "content/portal.yml",
                    1,
                    "missing-settings",
                    "Thiếu tệp cài đặt của cổng content/portal.yml (tên cổng, cơ quan chủ quản, "
                    "Ban Biên tập).",
                )
            )
            return None
        parsed = self._read_yaml_file(path, "tệp cài đặt cổng", PortalSettings.FIELDS)
        return PortalSettings(**parsed) if parsed is not None else None

    def _load_search_terms(self) -> dict[str, str]:
        """Read the board's search dictionary; a bad line is reported and left out."""
        path = self.root / SEARCH_TERMS_FILE
        found = self._read_yaml(path) if path.is_file() else None
        if found is None:
            return {}
        table, problems = parse_search_terms(*found)
        self.portal.diagnostics.extend(problems)
        return table

    def _read_markdown(self, path: Path) -> Document | None:
        shown = _relative(path, self.root)
        try:
            source = read_source(path, shown, self.max_page_bytes)
            self.portal.diagnostics.extend(source.diagnostics)
            document = split_front_matter(source.text)
        except UnreadableFile as problem:
            self._report(problem.diagnostic)
            return None
        except FrontMatterError as problem:
            self._report(_error(shown, problem.line, problem.code, problem.message))
            return None
        problems = check_body(
            self.root, shown, document.body, document.body_line, self.markdown_trusted
        )
        self.portal.diagnostics.extend(problems)
        # Slips in the text do not stop the fields being checked: all errors in one pass.
        self.portal.diagnostics.extend(check_writing(shown, document.body, document.body_line))
        self._pictures = picture_references(document.body, document.body_line)
        if any(p.severity is Severity.ERROR for p in problems):
            return None
        return document

    def _load_page(self, site: str, path: Path, src_uri: str, fields: tuple[Field, ...]) -> None:
        self._parse_once(path, lambda: self._parse_page(site, path, src_uri, fields))

    def _parse_page(
        self, site: str, path: Path, src_uri: str, fields: tuple[Field, ...]
    ) -> Page | None:
        document = self._read_markdown(path)
        if document is None:
            return None
        shown = _relative(path, self.root)
        parsed, problems = parse_fields(
            fields, document.values, document.lines, shown, self.vocabularies, what="trang"
        )
        self.portal.diagnostics.extend(problems)
        if any(p.severity is Severity.ERROR for p in problems):
            return None
        return Page(
            site,
            src_uri,
            shown,
            parsed.get("title"),
            document.body,
            parsed.get("description"),
            lines=document.lines,
            body_line=document.body_line,
        )

    def _load_national(self) -> None:
        content = self.root / "content"
        for path in sorted(content.rglob("*")) if content.is_dir() else ():
            if self._refuse_symlink(path) or path.is_dir():
                continue
            src_uri = _relative(path, content)
            if path.suffix == ".md":
                self._load_page("", path, src_uri, PAGE_FIELDS)
            elif path.suffix.lower() in PUBLISHED_OR_REFUSED:
                self._load_asset("", path, src_uri)

    def _national_names(self) -> set[str]:
        """Return the top-level names the national site uses, which no agency may take."""
        content = self.root / "content"
        if not content.is_dir():
            return {*SECTIONS_BY_SLUG, *RESERVED_NAMES}
        written = {p.name.removesuffix(".md") for p in content.iterdir()}
        return {*written, *SECTIONS_BY_SLUG, *RESERVED_NAMES}

    def _unparsed(self, folder: Path) -> int:
        """Count the Markdown files of an agency folder that the parse cache does not hold."""
        if folder.is_symlink() or not folder.is_dir():
            return 0
        found = [folder / "index.md", *folder.glob("*/*.md")]
        if self.cache is None:
            return len(found)
        return sum(1 for path in found if _relative(path, self.root) not in self.cache.entries)

    def _load_agencies(self, folders: list[Path]) -> None:
        """Load every agency folder; in processes of their own when most must be parsed."""
        sizes = {folder.name: self._unparsed(folder) for folder in folders}
        hands = deal(sizes, min(cores(), len(folders)))
        if len(hands) < 2 or sum(sizes.values()) < MIN_FILES:
            for folder in folders:
                self._load_agency(folder)
            return
        read: dict[str, Portal] = {}
        for found, share in in_processes(self._read_folders, hands):
            read.update(found)
            if self.cache is not None and share is not None:
                self.cache.adopt(share)
        for folder in folders:
            part = read[folder.name]
            self.portal.agencies.update(part.agencies)
            self.portal.items += part.items
            self.portal.pages += part.pages
            self.portal.assets += part.assets
            self.portal.diagnostics += part.diagnostics

    def _read_folders(self, names: list[str]) -> tuple[dict[str, Portal], CacheShare | None]:
        """In a worker process: load the agency folders `names`, each into a portal of its
        own; return them, with what the parse cache looked up and parsed."""
        if self.cache is not None:
            self.cache.begin_share()
        found = {}
        for name in names:
            self.portal = Portal(self.root, self.portal.settings)
            self._load_agency(self.root / "agencies" / name)
            found[name] = self.portal
        return found, (self.cache.share() if self.cache is not None else None)

    def _load_agency(self, folder: Path) -> None:
        if self._refuse_symlink(folder) or not folder.is_dir():
            return
        shown = _relative(folder, self.root)
        if not SLUG.fullmatch(folder.name):
            self._report(_invalid_slug(shown, f'Tên thư mục "{folder.name}"', folder.name))
            return
        if folder.name in self.reserved:
            self._report(
                _error(
                    shown,
                    1,
                    "reserved-slug",
                    f'Tên thư mục "{folder.name}" trùng với một địa chỉ của cổng quốc gia '
                    f"(/{folder.name}/); hãy đặt tên khác cho trang thành phần.",
                )
            )
            return
        config = folder / "agency.yml"
        if not config.is_file() or config.is_symlink():
            self._report(
                _error(
                    f"{shown}/agency.yml",
                    1,
                    "missing-agency-file",
                    f"Thư mục {shown} thiếu tệp agency.yml (tên cơ quan, loại, liên hệ, biên tập "
                    "viên, các chuyên mục); trang thành phần này chưa được dựng.",
                )
            )
            return
        parsed = self._read_yaml_file(config, "tệp agency.yml", Agency.FIELDS)
        if parsed is None:
            return
        if parsed["slug"] != folder.name:
            self._report(
                _error(
                    f"{shown}/agency.yml",
                    1,
                    "slug-mismatch",
                    f'Trường "slug" ("{parsed["slug"]}") phải trùng tên thư mục "{folder.name}".',
                )
            )
            return
        agency = Agency(path=shown, **parsed)
        self.portal.agencies[agency.slug] = agency
        for entry in sorted(folder.iterdir()):
            if self._refuse_symlink(entry) or entry.name == "agency.yml":
                continue
            if entry.name == "index.md":
                self._load_page(agency.slug, entry, f"{agency.slug}/index.md", AGENCY_PAGE_FIELDS)
            elif entry.is_dir() and entry.name in agency.sections:
                self._load_section(agency, SECTIONS_BY_SLUG[entry.name], entry)
            elif entry.is_dir() and entry.name in SECTIONS_BY_SLUG:
                self._report(
                    Diagnostic(
                        _relative(entry, self.root),
                        1,
                        "section-not-listed",
                        Severity.WARNING,
                        f'Chuyên mục "{entry.name}" chưa có trong danh sách "sections" của '
                        "agency.yml nên chưa được đăng; thêm nó vào danh sách để đăng.",
                    )
                )
            else:
                self._report(
                    _error(
                        _relative(entry, self.root),
                        1,
                        "unknown-section",
                        f'"{entry.name}" không phải chuyên mục của cổng. Các chuyên mục: '
                        + ", ".join(SECTIONS_BY_SLUG)
                        + '; trang giới thiệu đặt ở "index.md".',
                    )
                )
        for slug in agency.sections:
            if not (folder / slug).is_dir() or not any((folder / slug).glob("*.md")):
                self._report(
                    Diagnostic(
                        f"{shown}/agency.yml",
                        1,
                        "empty-section",
                        Severity.WARNING,
                        f'Chuyên mục "{SECTIONS_BY_SLUG[slug].title}" ({slug}) chưa có bài '
                        f"nào; tạo tệp đầu tiên trong thư mục {shown}/{slug}/.",
                    )
                )

    def _load_section(self, agency: Agency, section: Section, folder: Path) -> None:
        for path in sorted(folder.iterdir()):
            if self._refuse_symlink(path):
                continue
            shown = _relative(path, self.root)
            if path.suffix == ".md" and path.is_file():
                self._load_item(agency, section, path)
            elif path.is_file() and path.suffix.lower() in PUBLISHED_OR_REFUSED:
                self._load_asset(agency.slug, path, f"{agency.slug}/{section.slug}/{path.name}")
            else:
                self._report(
                    Diagnostic(
                        shown,
                        1,
                        "unexpected-file",
                        Severity.WARNING,
                        "Tệp này không phải bài viết (.md), ảnh hay tệp đính kèm "
                        "(.pdf, .docx, .odt) nên không được đăng.",
                    )
                )

    def _load_asset(self, site: str, path: Path, src_uri: str) -> None:
        """Publish a picture or attachment if its name, type and size are safe."""
        shown = _relative(path, self.root)
        problem = check_asset(path, shown, self.max_asset_bytes)
        if problem is not None:
            self._report(problem)
        else:
            self.portal.assets.append(Asset(site, src_uri, shown))

    def _load_item(self, agency: Agency, section: Section, path: Path) -> None:
        self._parse_once(path, lambda: self._parse_item(agency, section, path))

    def _parse_item(self, agency: Agency, section: Section, path: Path) -> Item | None:
        shown = _relative(path, self.root)
        if not SLUG.fullmatch(path.stem):
            name = f'Tên tệp "{path.name}"'
            why = "; tên tệp là địa chỉ trang"
            self._report(_invalid_slug(shown, name, path.stem, suffix=".md", why=why))
            return None
        if RESERVED_ITEM_NAME.fullmatch(path.stem):
            self._report(
                _error(
                    shown,
                    1,
                    "reserved-item-name",
                    f'Tên tệp "{path.name}" là tên dành cho trang danh sách của chuyên mục '
                    f"({agency.slug}/{section.slug}/{path.stem.replace('index', '')}); đổi tên "
                    f'tệp theo tiêu đề bài, ví dụ "{slugify(section.item_label)}-moi.md".',
                )
            )
            return None
        document = self._read_markdown(path)
        if document is None:
            return None
        what = f'chuyên mục "{section.title}"'
        parsed, problems = parse_fields(
            section.all_fields,
            document.values,
            document.lines,
            shown,
            self.vocabularies,
            what=what,
        )
        problems.extend(_check_dates(section, parsed, document.lines, shown))
        problems.extend(check_number(section, parsed, document.lines, shown))
        # Checked with the file's other errors (`_parse_once`), so that an editor fixes them
        # all in one round.
        attachments_line = document.lines.get("tep_dinh_kem", 1)
        self._attachments = tuple((attachments_line, n) for n in parsed.get("attachments", ()))
        self.portal.diagnostics.extend(problems)
        if any(p.severity is Severity.ERROR for p in problems):
            return None
        common = {"title", "date", "description", "tags", "fields"}
        date = parsed.get("date") or parsed[section.date_from or "date"]
        publish_at = parsed.get("publish_at")
        if publish_at is not None and publish_at.date() > date:
            # A scheduled item is dated by the day it goes out, on its page and in feeds.
            date = publish_at.date()
        return Item(
            agency=agency.slug,
            section_slug=section.slug,
            slug=path.stem,
            path=shown,
            title=parsed["title"],
            date=date,
            body=document.body,
            description=parsed.get("description"),
            tags=parsed.get("tags", ()),
            fields=parsed.get("fields", ()),
            data={k: v for k, v in parsed.items() if k not in common},
            lines=document.lines,
            body_line=document.body_line,
        )


def _check_dates(
    section: Section, parsed: dict[str, Any], lines: dict[str, int], path: str
) -> list[Diagnostic]:
    """Check that dates that come in pairs (`Section.dates_in_order`) are in order."""
    problems = []
    for first, second in section.dates_in_order:
        first_key, second_key = section.field(first).key, section.field(second).key
        start: dt.date | None = parsed.get(first)
        end: dt.date | None = parsed.get(second)
        if start and end and end < start:
            problems.append(
                _error(
                    path,
                    lines.get(second_key, 1),
                    "dates-out-of-order",
                    f'"{second_key}" ({end:%d/%m/%Y}) đứng trước "{first_key}" '
                    f"({start:%d/%m/%Y}); kiểm tra lại hai ngày này.",
                )
            )
    return problems


def load_portal(root: Path, cache_dir: Path | None = None) -> Portal:
    """Load the portal in the repository at `root`; keep parsed files in `cache_dir` if given."""
    return PortalLoader(root, cache_dir=cache_dir).load()
