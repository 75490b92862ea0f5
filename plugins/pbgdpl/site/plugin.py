"""Event hooks of the `pbgdpl/site` plugin; each hands off to the module that does the work."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

from markupsafe import Markup
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import File, Files, InclusionLevel

from pbgdpl.catalog.reads import Query, Reads
from pbgdpl.catalog.recorded import RecordedCatalog
from pbgdpl.editorial.redirects import write_redirects
from pbgdpl.legal.autolink import link_documents
from pbgdpl.model.diagnostics import COMMAND
from pbgdpl.model.items import Item
from pbgdpl.model.records import Download, Listing, Record
from pbgdpl.model.sections import SECTIONS_BY_SLUG
from pbgdpl.model.sites import NATIONAL
from pbgdpl.safety.heading_ids import heading_id
from pbgdpl.safety.html_policy import sanitize_html
from pbgdpl.safety.render_clock import RenderClock
from pbgdpl.site.anchors import keep_old_anchors
from pbgdpl.site.config import SiteConfig
from pbgdpl.site.csp import content_security_policy
from pbgdpl.site.files import LookedUpFiles, SiteFile
from pbgdpl.site.page_inputs import (
    PageState,
    PreviousSite,
    keep_file,
    page_key,
    record_inputs,
    site_inputs,
    unchanged,
)
from pbgdpl.site.structure import SiteContext, plan_nav, plan_records
from pbgdpl.site.tables import scrollable_tables
from pbgdpl.site.template_cache import TEMPLATE_CACHE
from pbgdpl.site.templating import TEMPLATE_FILTERS

if TYPE_CHECKING:
    from jinja2 import Environment
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.nav import Navigation
    from mkdocs.structure.pages import Page as MkDocsPage
    from mkdocs.utils.templates import TemplateContext

# The theme's files the portal serves: its own. Material's stylesheets, scripts and
# images serve Material's own page frame, which main.html replaces.
PORTAL_ASSETS = "assets/pbgdpl/"


class SitePlugin(BasePlugin[SiteConfig]):
    """Render one site of the portal from the catalog instead of from docs_dir."""

    supports_multiple_instances = False

    def __init__(self) -> None:
        self.context: SiteContext | None = None
        self.records: dict[str, Record] = {}
        self.clock = RenderClock()
        self.reads = Reads()
        self.previous: PreviousSite | None = None
        self.salt = ""
        self.files = LookedUpFiles([])
        self.site_wide = ""
        self.inputs: dict[str, str] = {}

    def bind(
        self,
        context: SiteContext,
        reads: Reads | None = None,
        previous: PreviousSite | None = None,
        salt: str = "",
    ) -> None:
        """Tell the plugin which site it renders, before the build starts.

        `reads` records what each page asks of the catalog; `previous` is the site as
        the last build left it, whose unchanged pages are kept; `salt` hashes what every
        page depends on beyond the catalog (the platform, the day).
        """
        self.context = context
        self.reads = reads or Reads()
        self.previous = previous
        self.salt = salt

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig | None:
        if not self.config.enabled:
            return None
        if self.context is None:
            raise PluginError(
                f"pbgdpl/site: chạy '{COMMAND} build' thay cho 'mkdocs build' "
                "(the portal is built by build.py, which binds each site)."
            )
        # Per-build state: the pages of this site, planned from the catalog.
        self.clock = RenderClock(self.config.page_seconds)
        self.records = plan_records(
            self.context, self.config.listing_page_size, self.config.home_latest
        )
        # Editors' heading ids use the portal's slug rule ("đ" → "d") and never take the
        # theme's own (safety/heading_ids.py).
        if "toc" in config.markdown_extensions:
            config.mdx_configs["toc"] = {**config.mdx_configs.get("toc", {}), "slugify": heading_id}
        config.site_name = self.context.site_name
        config.nav = plan_nav(self.context, self.records)
        # One portal-wide 404 page; the sitemap is written once for the whole portal.
        config.theme.static_templates.clear()
        if self.context.site == NATIONAL:
            config.theme.static_templates.add("404.html")
        return config

    # Late, after other plugins' files: the site's files replace docs_dir entirely.
    @event_priority(-50)
    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files | None:
        if not self.config.enabled:
            return None
        assert self.context is not None
        context = self.context
        site_files: list[File] = []
        if context.site == NATIONAL:
            # The national build writes the theme's assets once; agency sites share them.
            site_files.extend(f for f in files if f.src_uri.startswith(PORTAL_ASSETS))
        source_dir = str(context.source_dir)
        for src_uri, record in self.records.items():
            file: File
            if isinstance(record, Download):
                file = File.generated(config, src_uri, content=record.content)
            elif isinstance(record, Listing) and record.intro is None:
                file = SiteFile.generated(config, src_uri, content="")
            else:
                file = SiteFile(src_uri, source_dir, config.site_dir, config.use_directory_urls)
            if isinstance(record, Item):
                file.inclusion = InclusionLevel.NOT_IN_NAV
            site_files.append(file)
        for asset in context.catalog.assets_by_site.get(context.site, ()):
            site_files.append(
                File(asset.src_uri, source_dir, config.site_dir, config.use_directory_urls)
            )
        self.files = LookedUpFiles(site_files)
        self.site_wide = site_inputs(
            self.salt, context.catalog, context.site, context.site_name, config.nav
        )
        self.inputs = {
            f.src_uri: record_inputs(self.records[f.src_uri], context.root)
            for f in site_files
            if isinstance(f, SiteFile) and f.is_documentation_page()
        }
        if self.previous is not None:
            self._keep_unchanged(self.previous)
        return self.files

    def _key(self, src_uri: str, queries: Iterable[Query], paths: Iterable[str]) -> str:
        assert self.context is not None
        lookups = [(path, self.files.url_at(path)) for path in paths]
        return page_key(
            self.site_wide, self.inputs[src_uri], self.context.catalog, queries, lookups
        )

    def _keep_unchanged(self, previous: PreviousSite) -> None:
        """Mark the pages whose inputs are what the last build rendered them from."""
        for file in self.files:
            if isinstance(file, SiteFile) and file.src_uri in self.inputs:
                uri = file.src_uri

                def key(state: PageState, uri: str = uri) -> str:
                    return self._key(uri, state.queries, state.files)

                file.kept = unchanged(previous.pages.get(uri), key, file.dest_uri, previous)

    @property
    def kept(self) -> list[SiteFile]:
        """Return the pages kept from the last build."""
        return [f for f in self.files if isinstance(f, SiteFile) and f.kept]

    def page_states(self, searched: dict[str, str]) -> dict[str, PageState]:
        """Return what each page of the site was made from, after the build.

        `searched` gives the address of each rendered page's search record.
        """
        assert self.previous is not None or not self.kept
        states = {}
        for file in self.files:
            if not isinstance(file, SiteFile) or file.src_uri not in self.inputs:
                continue
            if file.kept:
                assert self.previous is not None
                states[file.src_uri] = self.previous.pages[file.src_uri]
                continue
            queries = tuple(sorted(self.reads.pages.get(file.src_uri, ())))
            paths = tuple(sorted(self.files.looked_up.get(file.src_uri, ())))
            states[file.src_uri] = PageState(
                self._key(file.src_uri, queries, paths),
                file.dest_uri,
                queries,
                paths,
                searched.get(file.src_uri),
            )
        return states

    def _render_page(self, src_uri: str | None) -> None:
        # What the catalog and the files are asked from now on is this page's.
        self.reads.page = self.files.page = src_uri

    def on_page_read_source(self, *, page: MkDocsPage, config: MkDocsConfig) -> str | None:
        record = self.records.get(page.file.src_uri)
        if isinstance(record, Listing):
            record = record.intro
            if record is None:
                return ""
        # The loader has already read, normalized and checked the file. A Download is a
        # data file, never a Markdown page, so MkDocs does not ask for its source.
        return None if record is None or isinstance(record, Download) else record.body

    def on_page_markdown(
        self, markdown: str, *, page: MkDocsPage, config: MkDocsConfig, files: Files
    ) -> str | None:
        self._render_page(page.file.src_uri)
        record = self.records.get(page.file.src_uri)
        if record is None or isinstance(record, Download):
            return None
        title = record.title or (self.context.site_name if self.context else None)
        page.meta = {"title": title}
        if record.description:
            page.meta["description"] = record.description
        if isinstance(record, Listing):
            page.meta["hide"] = ["toc"]
        # The clock names the editor's file, so the build can leave that one page out.
        source = record.intro if isinstance(record, Listing) else record
        self.clock.start(source.path if source is not None else page.file.src_uri)
        return markdown

    def on_page_content(
        self, html: str, *, page: MkDocsPage, config: MkDocsConfig, files: Files
    ) -> str | None:
        self.clock.finish()
        # Editors' content is untrusted: only the allow-listed HTML reaches a citizen.
        # Everything the portal adds itself (templates, links it generates) comes after.
        assert self.context is not None
        linked = link_documents(
            sanitize_html(html),
            self.context.catalog.registry,
            page.url,
            self.context.site,
            self.context.as_of,
        )
        self._render_page(None)
        return Markup(scrollable_tables(keep_old_anchors(linked)))

    def on_env(self, env: Environment, *, config: MkDocsConfig, files: Files) -> Environment:
        # Front matter (titles, summaries, questions) is editors' text too: every value a
        # template prints is escaped unless it is markup the portal made (Markup).
        env.autoescape = True
        env.filters.update(TEMPLATE_FILTERS)
        # Templates are loaded after this event: compile each once per process.
        env.bytecode_cache = TEMPLATE_CACHE
        self._render_page(None)
        return env

    def on_template_context(
        self, context: TemplateContext, *, template_name: str, config: MkDocsConfig
    ) -> TemplateContext:
        # Pages without a Markdown source (the 404 page) share the portal's frame too;
        # MkDocs gives them the absolute base "/", which breaks mirrors under a base path.
        context["base_url"] = "."
        return self._site_context(context, record=None)

    def on_page_context(
        self,
        context: TemplateContext,
        *,
        page: MkDocsPage,
        config: MkDocsConfig,
        nav: Navigation,
    ) -> TemplateContext:
        # Until the next page: its template and its search record (search plugin).
        self._render_page(page.file.src_uri)
        return self._site_context(context, record=self.records.get(page.file.src_uri))

    def _site_context(self, context: TemplateContext, record: Record | None) -> TemplateContext:
        assert self.context is not None
        site = self.context
        # MkDocs declares the context as a closed TypedDict of its own keys, yet adding
        # keys is how a plugin gives templates more to read: it is a plain dict at run time.
        cast("dict[str, Any]", context).update(
            portal=site.catalog.settings,
            catalog=RecordedCatalog(site.catalog, self.reads),
            agency=site.agency,
            record=record,
            item=record if isinstance(record, Item) else None,
            listing=record if isinstance(record, Listing) else None,
            sections=SECTIONS_BY_SLUG,
            as_of=site.as_of,
            content_security_policy=content_security_policy(),
            home_latest=self.config.home_latest,
        )
        return context

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        if not self.config.enabled or self.context is None:
            return
        self._render_page(None)
        # The pages kept from the last build, with their precompressed copies, before the
        # redirects (which never replace a page).
        site_dir = Path(config.site_dir)
        for file in self.kept:
            assert self.previous is not None
            source, target = self.previous.out / file.dest_uri, site_dir / file.dest_uri
            target.parent.mkdir(parents=True, exist_ok=True)
            keep_file(source, target)
            for ending in self.previous.companions:
                companion = Path(f"{source}{ending}")
                if companion.is_file():
                    keep_file(companion, Path(f"{target}{ending}"))
        # After the pages, so a redirect never replaces one: each old address of a moved
        # item (redirect_from) gets a small page sending readers on.
        site = self.context
        write_redirects(Path(config.site_dir), site.catalog.item_pages(site.site))
