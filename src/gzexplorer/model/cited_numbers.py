"""Where a passage states the numbers the pack cites from it: a figure's value inside its
quote, an observation's printed cell (in a table: on its year's row, in the column whose
heading is most like the indicator's name), a milestone's year. The passages panel marks
these words and links them to the chart; the PDF brief marks them too."""

from __future__ import annotations

import re
from dataclasses import dataclass

from gzexplorer.model.dataset import Dataset
from gzexplorer.model.facts import Figure, Milestone, Point
from gzexplorer.model.textnumbers import stating

_KIND_ORDER = {"figure": 0, "point": 1, "milestone": 2}
_CELL_SPLIT = re.compile(r"\t|\s*\|\s*| {2,}|\u3000")
_WORDS = re.compile(r"[^\W\d_]{3,}")


@dataclass(frozen=True)
class CitedNumber:
    start: int  # offsets into Excerpt.text
    end: int
    kind: str  # "figure", "point" or "milestone"
    key: str | tuple[str, int]  # figure id, (indicator id, year) or milestone id
    text: str  # the passage's words there: "4.93 million", "13.6", "2015"


def cited_numbers(dataset: Dataset, excerpt_id: str) -> list[CitedNumber]:
    """Where the passage states a number that a figure, an observation or a milestone
    cites: sorted by start, not overlapping (a figure's words win over a cell, a cell's
    over a milestone's year). Numbers the passage does not state are left out."""
    text = dataset.excerpt(excerpt_id).text
    citing = dataset.citing(excerpt_id)
    found = [span for f in citing.figures for span in _figure(text, f)]
    found += [span for p in citing.points for span in _point(dataset, text, p)]
    found += [span for m in citing.milestones for span in _milestone(text, m)]
    found.sort(key=lambda c: (_KIND_ORDER[c.kind], c.start))
    kept: list[CitedNumber] = []
    for c in found:
        if all(c.end <= k.start or c.start >= k.end for k in kept):
            kept.append(c)
    return sorted(kept, key=lambda c: c.start)


def _cited(text: str, start: int, end: int, kind: str, key) -> CitedNumber:
    return CitedNumber(start, end, kind, key, text[start:end])


def _figure(text: str, figure: Figure) -> list[CitedNumber]:
    words = figure.quote.split()
    if not words or figure.value != figure.value:  # no quote, or no number
        return []
    quote = re.search(r"\s+".join(map(re.escape, words)), text)
    if quote is None:
        return []
    return [
        _cited(text, quote.start() + s.start, quote.start() + s.end, "figure", figure.id)
        for s in stating(quote.group(), figure.value)
    ]


def _tokens(text: str, word: str) -> list[re.Match]:
    """``word`` where it stands alone: "13.6" not inside "113.65" or "13.6.1"."""
    return list(re.finditer(rf"(?<![\w.,]){re.escape(word)}(?![\w]|[.,]\d)", text))


def _point(dataset: Dataset, text: str, point: Point) -> list[CitedNumber]:
    cell = point.source_text.strip()
    if point.value is None or not cell:
        return []
    places = _tokens(text, cell)
    if len(places) > 1:
        places = _on_its_row(dataset, text, point, places)
    return [
        _cited(text, m.start(), m.end(), "point", (point.indicator_id, point.year))
        for m in places[:1]
    ]


def _on_its_row(dataset: Dataset, text: str, point: Point, places: list[re.Match]):
    """Of several places the cell is printed, the one on its year's line and under the
    heading most like the indicator's name; in prose, the one nearest its year."""
    years = [m.start() for m in _tokens(text, str(point.year))]
    if not years:
        return places
    lines = _lines(text)
    year_lines = {_line_of(lines, y) for y in years}
    same_line = [m for m in places if _line_of(lines, m.start()) in year_lines]
    if not same_line:
        return sorted(places, key=lambda m: min(abs(m.start() - y) for y in years))
    heading = _CELL_SPLIT.split(text[lines[0][0] : lines[0][1]])
    name = set(_WORDS.findall(dataset.indicator(point.indicator_id).name.lower()))

    def likeness(m: re.Match) -> int:
        start, _ = lines[_line_of(lines, m.start())]
        column = len(_CELL_SPLIT.findall(text[start : m.start()]))
        title = heading[column].lower() if column < len(heading) else ""
        return -len(name & set(_WORDS.findall(title)))

    return sorted(same_line, key=likeness)


def _lines(text: str) -> list[tuple[int, int]]:
    spans, start = [], 0
    for line in text.split("\n"):
        spans.append((start, start + len(line)))
        start += len(line) + 1
    return spans


def _line_of(lines: list[tuple[int, int]], offset: int) -> int:
    return next(i for i, (start, end) in enumerate(lines) if start <= offset <= end)


def _milestone(text: str, milestone: Milestone) -> list[CitedNumber]:
    places = _tokens(text, str(milestone.year))
    return [_cited(text, m.start(), m.end(), "milestone", milestone.id) for m in places[:1]]
