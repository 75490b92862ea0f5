"""Theme folders for agency builds that MkDocs can list quickly.

MkDocs lists every file of the theme at each build to copy its assets: Material's
templates hold ~14,000 icon files, 0.16 s a site. Agency sites share the assets the
national build writes, so their builds see Material's folder through symlinks that
Jinja can open but does not walk.
"""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path


def shallow_theme_dirs(dirs: list[str], custom_dir: str | None, cache: Path) -> list[str]:
    """Return `dirs` with every theme folder but our own replaced by an unwalked view."""
    shallow = []
    for number, directory in enumerate(dirs):
        if directory == custom_dir:
            shallow.append(directory)
            continue
        view = cache / f"theme-{number}"
        if not view.is_dir():
            # Workers may race to make the view: build it aside, then rename it in place.
            draft = Path(tempfile.mkdtemp(dir=cache.parent if cache.parent.is_dir() else None))
            for entry in Path(directory).iterdir():
                (draft / entry.name).symlink_to(entry)
            cache.mkdir(parents=True, exist_ok=True)
            try:
                draft.rename(view)
            except OSError:
                shutil.rmtree(draft)
        shallow.append(str(view))
    return shallow
