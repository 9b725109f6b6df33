"""Moving through a chart's marks from the keyboard, and the words for each: plain data,
no Qt, so that the window's chart and a test walk the same marks in the same order.

A chart's marks are read in rows: one per series of a line chart (its points in year
order, missing years included: they say why they have no number), the bars of a bar
chart top to bottom (the pack's order, as the chart reads), and the events of each
series of a timeline by year. Left and Right move along a row, Home and End go to its
ends, Up and Down to the nearest mark of the previous or next row (along the bars of a
chart with a single row).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from gzexplorer.charts.i18n import translate

if TYPE_CHECKING:
    from gzexplorer.charts.spec import ChartSpec, Mark

Key = tuple[str, str, int | None]  # (kind, id, year) of a mark, as linking.MarkKey
Position = tuple[int, int]  # (row, index in the row)

MOVES = ("next", "previous", "first", "last", "up", "down")


def mark_rows(spec: ChartSpec | None) -> list[Sequence[Mark]]:
    """The chart's marks in reading order, one sequence per row (series)."""
    if spec is None:
        return []
    rows: list[Sequence[Mark]] = []
    for series in spec.series:
        if not len(series.marks):
            continue
        if spec.kind == "bar":
            rows.append(list(reversed(series.marks)))  # drawn bottom-up, read top-down
        elif spec.kind == "timeline":  # by year, the upper lane first
            rows.append(sorted(series.marks, key=lambda m: (m.x, -(m.y or 0.0))))
        else:
            rows.append(series.marks)  # a line's points, in year order (made when read)
    return rows


def key(mark: Mark) -> Key:
    return (mark.ref.kind, mark.ref.id, mark.ref.year)


def find(rows: list[Sequence[Mark]], wanted: Key | None) -> Position | None:
    """Where the mark ``wanted`` is, or None."""
    if wanted is None:
        return None
    for r, row in enumerate(rows):
        index_of = getattr(row, "index_of", None)  # a line's points: looked up by year
        if index_of is not None:
            if row and key(row[0])[:2] == wanted[:2] and wanted[2] is not None:
                i = index_of(wanted[2])
                if i >= 0:
                    return r, i
            continue
        for i, mark in enumerate(row):
            if key(mark) == wanted:
                return r, i
    return None


def move(rows: list[Sequence[Mark]], at: Position | None, how: str) -> Position | None:
    """The position after the move ``how`` (one of MOVES) from ``at``; from nowhere,
    every move but "last" goes to the first mark. None for a chart without marks."""
    if not rows:
        return None
    if at is None:
        if how == "last":
            return len(rows) - 1, len(rows[-1]) - 1
        return 0, 0
    r, i = at
    n = len(rows[r])
    if len(rows) == 1 and how in ("up", "down"):  # one row: Up and Down go along it
        how = "previous" if how == "up" else "next"
    if how == "next":
        return r, min(i + 1, n - 1)
    if how == "previous":
        return r, max(i - 1, 0)
    if how == "first":
        return r, 0
    if how == "last":
        return r, n - 1
    to = r - 1 if how == "up" else r + 1
    if not 0 <= to < len(rows):
        return at
    x = rows[r][i].x  # the mark of the other row nearest in x (the same year, say)
    other = rows[to]
    index_of = getattr(other, "index_of", None)
    j = index_of(x) if index_of is not None else -1
    if j < 0:
        j = min(range(len(other)), key=lambda k: abs(other[k].x - x))
    return to, j


def words(mark: Mark, at: Position, rows: list[Sequence[Mark]]) -> str:
    """What a screen reader says of a mark: its tooltip's words (what it is, the year,
    the value with its qualifier and unit or why there is none, the source), then where
    it is: "3 of 10". A figure's year, which its bar's tooltip leaves to the axis, is
    said after its name."""
    lines = [line for line in mark.tooltip.split("\n") if line]
    if len(lines) > 3:  # the last line names the passages by id: not words to say
        lines = lines[:3]
    if lines and mark.ref.kind == "figure" and mark.ref.year is not None:
        lines[0] = f"{lines[0]}, {mark.ref.year}"
    where = translate("Charts", "%1 of %2").replace("%1", str(at[1] + 1))
    where = where.replace("%2", str(len(rows[at[0]])))
    return "; ".join([*lines, where]) if lines else where
