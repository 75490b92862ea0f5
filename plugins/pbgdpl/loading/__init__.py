"""Loading: read the repository's YAML and Markdown into typed records, with diagnostics."""
