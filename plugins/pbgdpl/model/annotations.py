"""GitHub Actions workflow commands (annotations) carrying content, escaped as GitHub does.

GitHub's toolkit escapes `%`, CR and LF in a command's message, and also `:` and `,` in
its properties (file, title), so no value can end the command early or start a new one.
Other control characters are written out, so the log line sends no terminal sequence.
"""

from __future__ import annotations

from pbgdpl.model.terminal import without_control_sequences


def escape_data(text: str) -> str:
    """Escape the message of a workflow command: `%`, CR and LF; controls written out."""
    text = without_control_sequences(text, keep="\r\n")
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    """Escape a property of a workflow command (file=…, title=…): also `:` and `,`."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")
