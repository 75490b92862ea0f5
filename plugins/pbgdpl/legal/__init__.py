"""Legal documents as citizens read them: listings, page facts, auto-links to documents.

The registry of documents and their status belong to the catalog
(`pbgdpl.catalog.registry`, `catalog.registry`); the checks of numbers and citations to
`pbgdpl.validate`.
"""
