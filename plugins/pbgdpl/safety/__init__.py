"""Defences against untrusted editor content: HTML, Markdown, text and files."""
