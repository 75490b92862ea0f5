"""Search across the portal with Pagefind, for readers who type Vietnamese with or without accents.

Every page that search should find becomes a `SearchRecord` while its site renders
(`plugin.py`): its title, number, facts, summary and the words of its text, read from
the catalog and the rendered page. Each site keeps its records next to its Pagefind
bundle, so an agency's records move, stay or go with its pages. From the records,
`pbgdpl.pipeline.search_index` writes one small HTML document per page (`documents.py`)
and runs Pagefind over them:

- each agency site gets a bundle of its own pages at `/<slug>/pagefind/`;
- the national site gets one bundle of every page of the portal at `/pagefind/`.

Pagefind folds tone marks itself (`dat` finds `đạt`, while `đất` ranks `đất` first), but
not `đ`, a letter of its own: every word with `đ` is indexed a second time folded
(`đất` also as `dat`), in the same part of the document, so `dat dai` finds `đất đai`
and an accented query never matches the folded copies. A query for a common syllable
costs as many bytes as the pages that contain it: `selection.py` bounds that, so that a
first search stays small on a portal of ten thousand pages.
"""
