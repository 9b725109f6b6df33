"""Translation hooks for the Qt-free chart layer.

``translate(context, text)`` is what lupdate extracts (like Qt's); the window installs
Qt's translator with :func:`set_translator` and the data language with
:func:`set_language`. Without them, text stays as written (English).
"""

from __future__ import annotations

from collections.abc import Callable

_translator: Callable[[str, str], str] | None = None
_language = ""


def set_translator(fn: Callable[[str, str], str] | None) -> None:
    global _translator
    _translator = fn


def translate(context: str, text: str) -> str:
    return _translator(context, text) if _translator is not None else text


def set_language(code: str) -> None:
    """The language of data names ("zh_CN", "zh" or "" for the pack's own)."""
    global _language
    _language = code


def language() -> str:
    return _language


def qualifier_words(qualifier: str) -> str:
    """'more_than' -> 'more than' (translated); empty for an exact number."""
    words = {
        "more_than": translate("Charts", "more than"),
        "nearly": translate("Charts", "nearly"),
        "about": translate("Charts", "about"),
    }
    return words.get(qualifier, "")
