"""The web editor: Decap CMS forms generated from the content model, served by the portal.

Editors without IT staff write, preview and submit items in the browser. Each agency gets
its own editor (`/bien-tap/<agency>/`) whose collections are its sections, whose forms are
the sections' fields (`Field.form`), and whose editorial workflow opens a branch and a pull
request on the portal's forge (content/portal.yml `editor:`); the same checks then run on
the pull request. `collections.py` turns sections into collections, `config.py` writes an
agency's configuration, `admin.py` the files served, `local.py` runs it over a checkout.
"""
