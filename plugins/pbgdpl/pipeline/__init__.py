"""The build pipeline: load, validate, catalog, render every site, assemble the output."""
