"""The content model: agencies, sections, items and their front-matter schemas."""
