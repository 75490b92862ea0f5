"""The MkDocs plugin that renders one site of the portal (national or an agency's)."""
