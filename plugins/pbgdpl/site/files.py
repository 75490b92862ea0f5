"""The site's files as MkDocs sees them: pages it may skip, look-ups it records.

An incremental build keeps the pages whose inputs did not change (`page_inputs.py`); MkDocs
itself skips them (`SiteFile`). The files a page's links were looked up at are part of its
inputs (`LookedUpFiles`): a link to a page that appears or goes away is written otherwise.
"""

from __future__ import annotations

from mkdocs.structure.files import File, Files


class SiteFile(File):
    """A file of the site; a page `kept` from the last build is neither read nor rendered.

    MkDocs skips a page whose file is not modified in a `dirty` build
    (`mkdocs.commands.build`): the site's build is always dirty, into an empty folder,
    and only the pages whose inputs did not change count as not modified.
    """

    kept = False

    def is_modified(self) -> bool:
        return not self.kept


class LookedUpFiles(Files):
    """The site's files; each look-up while a page renders is recorded as the page's."""

    def __init__(self, files: list[File]) -> None:
        super().__init__(files)
        self.page: str | None = None
        self.looked_up: dict[str, set[str]] = {}

    def get_file_from_path(self, path: str) -> File | None:
        if self.page is not None:
            self.looked_up.setdefault(self.page, set()).add(path)
        return super().get_file_from_path(path)

    def url_at(self, path: str) -> str | None:
        """Return the address of the file at `path`, or None; never recorded."""
        found = super().get_file_from_path(path)
        return found.url if found is not None else None
