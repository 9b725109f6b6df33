"""A passage cut into sentences, each with its place in the passage."""

from __future__ import annotations

import re

# words after which a full stop does not end a sentence
ABBREVIATIONS = {
    "dr",
    "mr",
    "mrs",
    "ms",
    "prof",
    "st",
    "no",
    "nos",
    "vs",
    "etc",
    "e.g",
    "i.e",
    "fig",
    "figs",
    "vol",
    "jan",
    "feb",
    "mar",
    "apr",
    "jun",
    "jul",
    "aug",
    "sep",
    "sept",
    "oct",
    "nov",
    "dec",
    "approx",
    "est",
    "inc",
    "ltd",
    "co",
    "corp",
    "dept",
    "gov",
    "u.s",
    "p",
    "pp",
    "ca",
    "c",
}
_END = re.compile(r"[.!?…]+[\"”')\]*_]*(?=\s+[\"“'(\[*_]*[A-Z0-9■])|[.!?…]+[\"”')\]*_]*$|\n\s*\n")


def sentences(text: str) -> list[tuple[int, int]]:
    """The (start, end) spans of the sentences of ``text``, in order."""
    spans = []
    start = 0
    for m in _END.finditer(text):
        before = text[start : m.start()]
        word = re.search(r"([A-Za-z.]+)$", before)
        if m.group().startswith(".") and re.search(r"(?:^|\n)[ \t]*\(?\d{1,3}$", before):
            continue  # a list number: "1. Build the roads"
        if m.group().startswith(".") and word:
            w = word.group(1).lower().rstrip(".")
            if w in ABBREVIATIONS or len(w) == 1:
                continue
        end = m.end()
        if text[start:end].strip():
            spans.append(_trim(text, start, end))
        start = end
    if text[start:].strip():
        spans.append(_trim(text, start, len(text)))
    return spans


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end
