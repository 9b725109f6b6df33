"""Text from a pack is plain text on every surface: these helpers keep Qt from reading
it as HTML or as a keyboard mnemonic. No Qt in here.

* :func:`escape` - inside HTML we write ourselves (rich-text labels, dialogs, the
  passages' layout);
* :func:`plain` - where Qt guesses the format (tooltips, a message box's
  informative text: a leading tag makes it rich text);
* :func:`no_mnemonic` - a tab, menu item or button, where "&" marks a shortcut key.
"""

from __future__ import annotations


def escape(text: str) -> str:
    """``text`` as the content of an HTML element (the html module's import is
    slower than this for a window's first frame)."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def plain(text: str) -> str:
    """``text`` for a place where Qt guesses plain or rich text (a tooltip, a message
    box's informative text): shown as written, line breaks kept."""
    if not text or not any(c in text for c in "<&"):
        return text  # nothing Qt could read as markup
    return "<qt>" + escape(text).replace("\n", "<br>") + "</qt>"


_BULLETS = "■□▪●•◆◇►▶"


def spoken(text: str) -> str:
    """A passage's words as a screen reader should read them: without the document's
    emphasis marks (``*…*``) and bullets, a table's cells separated by commas and its
    rows by semicolons, on one line."""
    lines = []
    for line in text.split("\n"):
        line = ", ".join(c.strip() for c in line.split("\t") if c.strip())
        line = line.replace("*", "").strip().lstrip(_BULLETS).strip()
        if line:
            lines.append(line)
    return "; ".join(lines)


def no_mnemonic(text: str) -> str:
    """``text`` for a tab, menu item or button: "R&D" shows as R&D, not "RD"."""
    return text.replace("&", "&&")
