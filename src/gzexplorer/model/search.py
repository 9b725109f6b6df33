"""Full-text search over excerpts: case-insensitive, several words, ranked."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from gzexplorer.model.entities import Excerpt

_WORD = re.compile(r"\w+", re.UNICODE)


@dataclass(frozen=True)
class SearchHit:
    excerpt: Excerpt
    score: float
    spans: tuple[tuple[int, int], ...]  # (start, end) of each match in excerpt.text


def terms(query: str) -> list[str]:
    """The distinct lower-case words of a query, in order."""
    seen: dict[str, None] = {}
    for word in _WORD.findall(query.lower()):
        seen.setdefault(word, None)
    return list(seen)


def search(excerpts: Iterable[Excerpt], query: str) -> list[SearchHit]:
    """Excerpts matching the query's words, best first.

    A word matches at the start of a word in the text ("pover" finds "poverty").
    Excerpts that contain every word rank above those that contain only some;
    then more matches rank higher; ties keep document order.
    """
    words = terms(query)
    if not words:
        return []
    patterns = [re.compile(r"\b" + re.escape(w), re.IGNORECASE) for w in words]
    hits = []
    for excerpt in excerpts:
        spans: list[tuple[int, int]] = []
        matched_words = 0
        for pattern in patterns:
            found = [m.span() for m in pattern.finditer(excerpt.text)]
            if found:
                matched_words += 1
                spans.extend(found)
        if matched_words:
            coverage = matched_words / len(words)
            score = coverage * 100 + min(len(spans), 50)
            hits.append(SearchHit(excerpt, score, tuple(sorted(spans))))
    hits.sort(key=lambda h: (-h.score, h.excerpt.order))
    return hits
