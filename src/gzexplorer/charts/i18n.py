"""Translation hooks for the Qt-free chart layer.

``translate(context, text)`` is what lupdate extracts (like Qt's); the window installs
Qt's translator with :func:`set_translator`. Without it, text stays as written
(English). The language of the pack's names travels in a
:class:`~gzexplorer.charts.context.ChartContext`.
"""

from __future__ import annotations

from collections.abc import Callable

_translator: Callable[[str, str], str] | None = None


def set_translator(fn: Callable[[str, str], str] | None) -> None:
    global _translator
    _translator = fn


def translate(context: str, text: str) -> str:
    return _translator(context, text) if _translator is not None else text


def qualifier_words(qualifier: str) -> str:
    """'more_than' -> 'more than' (translated); empty for an exact number."""
    words = {
        "more_than": translate("Charts", "more than"),
        "nearly": translate("Charts", "nearly"),
        "about": translate("Charts", "about"),
        "at_least": translate("Charts", "at least"),
        "at_most": translate("Charts", "up to"),
        "less_than": translate("Charts", "less than"),
    }
    return words.get(qualifier, "")
