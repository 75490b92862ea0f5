"""Search without a server, for an agency package opened from disk (file://).

Pagefind fetches its index and WebAssembly, which a browser refuses for file:// pages.
The package therefore carries its pages' text in a script file (`tim-kiem-du-lieu.js`,
loaded with <script src>, which file:// allows) and a search page that matches words
without accents (`đ` folded to `d`), in `assets/pbgdpl/offline-search.js`. It ranks with
the online search's rules (`assets/pbgdpl/search-rules.js`): each page carries the facts
those rules read (number, legal status, other names) from the agency's search records,
and the data carries the agency's lexicon and the board's search dictionary.
"""

from __future__ import annotations

import datetime as dt
import html
import json
import re
from typing import Any

from pbgdpl.model.fields import fold
from pbgdpl.model.sections import SECTIONS_BY_SLUG
from pbgdpl.publishing.pagetext import PageText, page_text
from pbgdpl.search.about import about_words
from pbgdpl.search.records import SearchRecord
from pbgdpl.search.selection import topic_tags

SEARCH_PAGE = "tim-kiem.html"
SEARCH_DATA = "tim-kiem-du-lieu.js"
SEARCH_SCRIPT = "assets/pbgdpl/offline-search.js"
RULES_SCRIPT = "assets/pbgdpl/search-rules.js"
# The portal's own stylesheet and mark: the search page looks like every other page.
STYLESHEET = "assets/pbgdpl/portal.css"
PRINT_STYLESHEET = "assets/pbgdpl/print.css"
LOGO = "assets/pbgdpl/logo.svg"
SNIPPET_LENGTH = 220
NOT_WORD = re.compile(r"[^0-9a-z]+")


def folded_words(text: str) -> str:
    """Return `text` without accents, lower case, words separated by single spaces."""
    return NOT_WORD.sub(" ", fold(text)).strip()


def _snippet(text: str) -> str:
    if len(text) <= SNIPPET_LENGTH:
        return text
    return text[:SNIPPET_LENGTH].rsplit(" ", 1)[0] + " …"


def search_records(
    pages: dict[str, str], known: dict[str, SearchRecord] | None = None
) -> list[dict[str, Any]]:
    """Return one record per searchable page (path from the package root → its HTML).

    `known` holds the agency's search records by URL ("bo-tu-phap/hoi-dap/x/"): a page
    with one gets its number ("n"), legal status ("st"), other names ("a"), the tags that
    name its topic among the agency's pages ("g", as the agency's index has them) and what
    its text is about ("b", `pbgdpl.search.about`); a page with no searchable body (the
    agency's home, a listing) is searched by its record, as online: a search for the
    agency's name finds its home.
    """
    known = known or {}
    ordered = sorted(known.values(), key=lambda r: r.url)
    topics = dict(zip((r.url for r in ordered), topic_tags(ordered), strict=True))
    about = dict(zip((r.url for r in ordered), about_words(ordered), strict=True))
    records: list[dict[str, Any]] = []
    for path, page in sorted(pages.items()):
        record = known.get(path.removesuffix("index.html"))
        found = page_text(page)
        snippet = found.text if found is not None else ""
        if found is None and record is not None:
            # A page searched by its record alone (the agency's home, whose body lists
            # items): its name, description and words, as the online index has them.
            found = PageText(record.title, " ".join([record.lead, *record.terms]))
            snippet = record.summary
        if found is None:
            continue
        parts = path.split("/")
        section = SECTIONS_BY_SLUG.get(parts[1]) if len(parts) > 2 else None
        entry: dict[str, Any] = {
            "u": path,
            "t": found.title,
            "c": section.title if section else "",
            "s": _snippet(snippet),
            "k": folded_words(found.title) + " | " + folded_words(found.text),
        }
        if record is not None:
            facts = {
                "n": record.number,
                "st": record.status,
                "a": list(record.aliases),
                "g": list(topics.get(record.url, ())),
                "b": about.get(record.url, ""),
            }
            entry.update({key: value for key, value in facts.items() if value})
        records.append(entry)
    return records


def search_data(
    records: list[dict[str, Any]], as_of: dt.date, query: dict[str, Any] | None = None
) -> bytes:
    """Return the script that hands the records, lexicon and dictionary to the search page.

    `query` is the agency bundle's query file (`pbgdpl.search.lexicon`).
    """
    payload = json.dumps(
        {"as_of": as_of.isoformat(), "pages": records, "query": query or {}},
        ensure_ascii=False,
        separators=(",", ":"),
    )
    return f"window.PBGDPL_OFFLINE_SEARCH = {payload};\n".encode()


def search_page(agency_name: str, home: str, as_of: dt.date) -> bytes:
    """Return the search page of the package, in the portal's frame; editor text is escaped."""
    name = html.escape(agency_name)
    page = f"""<!doctype html>
<html lang="vi">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width,initial-scale=1">
<title>Tìm kiếm trong bản sao - {name}</title>
<link rel="stylesheet" href="{STYLESHEET}">
<link rel="stylesheet" href="{PRINT_STYLESHEET}" media="print">
</head>
<body>
<a class="pb-skip" href="#pb-content">Bỏ qua, đến nội dung chính</a>
<header class="pb-header">
<div class="pb-masthead">
<div class="pb-wrap pb-masthead__inner">
<a class="pb-brand" href="{html.escape(home)}">
<img class="pb-brand__mark" src="{LOGO}" alt="" width="48" height="48">
<span class="pb-brand__text">Trang thành phần: <strong>{name}</strong></span>
</a>
</div>
</div>
</header>
<main class="pb-main">
<div class="pb-wrap pb-main__inner">
<div class="md-content">
<article class="md-content__inner md-typeset pb-offline-search" id="pb-content" tabindex="-1">
<p><a href="{html.escape(home)}">‹ Về trang {name}</a></p>
<h1>Tìm kiếm trong bản sao ngoại tuyến</h1>
<p>Bản sao trang {name}, dữ liệu tính đến ngày {as_of:%d/%m/%Y}. Gõ có dấu hay không dấu đều
tìm được.</p>
<form action="{SEARCH_PAGE}" method="get" role="search" data-pb-offline-search>
<label for="q">Từ khóa</label>
<input id="q" name="q" type="search" autocomplete="off">
<button type="submit">Tìm</button>
</form>
<p role="status" data-pb-offline-status></p>
<ol class="pb-offline-search__results" data-pb-offline-results></ol>
</article>
</div>
</div>
</main>
<script src="{SEARCH_DATA}"></script>
<script src="{RULES_SCRIPT}"></script>
<script src="{SEARCH_SCRIPT}"></script>
</body>
</html>
"""
    return page.encode()
