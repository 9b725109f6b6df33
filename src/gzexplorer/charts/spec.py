"""Chart specifications: what to draw, as plain data, for the window and the export."""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, fields, replace
from functools import cached_property
from typing import Any

from gzexplorer.charts import format as fmt
from gzexplorer.charts.context import ENGLISH, ChartContext
from gzexplorer.charts.i18n import translate
from gzexplorer.charts.views import OVERVIEW  # noqa: F401  (re-exported)


@dataclass(frozen=True, slots=True)
class Ref:
    """The record a drawn element stands for, so a click can lead to its passages."""

    kind: str  # "point" | "figure" | "milestone"
    id: str  # indicator id, figure id or milestone id
    year: int | None = None
    excerpt_ids: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Mark:
    """One drawable datum: a point of a line, a bar, an event on a timeline."""

    x: float  # the year; a bar's position (0 at the bottom)
    y: float | None  # the value (None: missing, a gap); an event's lane (0 at the bottom)
    label: str
    value_text: str
    status: str
    ref: Ref
    note: str = ""
    tooltip: str = ""  # what hovering shows, and the status bar when it is clicked


def tooltip(head: str, body: str, source: str, excerpt_ids: Iterable[str]) -> str:
    """A mark's tooltip: what it is, its value or note, its source line, its passages."""
    passage = translate("Charts", "Passage: %1").replace("%1", ", ".join(excerpt_ids))
    return f"{head}\n{body}\n{source}\n{passage}"


def point_tooltip(
    series_name: str, year: int, status: str, value_text: str, note: str, source: str, ids
) -> str:
    """The tooltip of a line's point: "Poverty rate, 2017", then its value, or the note
    given instead of a number."""
    if status == "reported":
        body = value_text
    else:
        body = translate("Charts", "%1 (no number given)").replace(
            "%1", note or translate("Charts", "not reported")
        )
    return tooltip(f"{series_name}, {year}", body, source, ids)


class _MadeOnRead(Sequence):
    """A read-only sequence whose items are made when read (by ``_item``, given an
    index already checked and made non-negative)."""

    __slots__ = ()

    def _item(self, i: int):
        raise NotImplementedError

    def __getitem__(self, i):
        n = len(self)
        if isinstance(i, slice):
            return [self._item(j) for j in range(*i.indices(n))]
        if i < 0:
            i += n
        if not 0 <= i < n:
            raise IndexError(i)
        return self._item(i)


class PointMarks(_MadeOnRead):
    """The points of a line series held as columns; each Mark is made when asked for.

    A series of thousands of points would otherwise hold a Mark and a Ref per point
    (about 200 bytes each, all traversed by the garbage collector). ``xs`` and ``ys``
    are float arrays (NaN: missing) that the line renderer draws directly."""

    __slots__ = (
        "xs",
        "ys",
        "_id",
        "_label",
        "_unit",
        "_status",
        "_note",
        "_ids",
        "_source",
        "_context",
    )

    def __init__(
        self,
        series_id: str,
        label: str,
        unit: str,
        xs: Any,
        ys: Any,
        status: Sequence[str],
        note: Sequence[str],
        excerpt_ids: Sequence[tuple[str, ...]],
        source: str = "",
        context: ChartContext = ENGLISH,
    ) -> None:
        self.xs, self.ys = xs, ys  # numpy float arrays, year order
        self._id, self._label, self._unit = series_id, label, unit
        self._status, self._note, self._ids = status, note, excerpt_ids
        self._source = source  # the source line of the series' tooltips
        self._context = context  # how its values are written

    def __len__(self) -> int:
        return len(self.xs)

    def _item(self, i: int) -> Mark:
        year, value = int(self.xs[i]), float(self.ys[i])
        note = self._note[i]
        if math.isnan(value):
            value, text = None, note or translate("Charts", "not reported")
        else:
            text = fmt.with_unit(value, self._unit, self._context)
        status, ids = self._status[i], self._ids[i]
        tip = point_tooltip(self._label, year, status, text, note, self._source, ids)
        return Mark(
            year, value, self._label, text, status, Ref("point", self._id, year, ids), note, tip
        )

    def cells(self, i: int) -> tuple[int, float | None, str]:
        """Year, value (None: missing) and status of point ``i``, without a Mark."""
        value = float(self.ys[i])
        return int(self.xs[i]), (None if math.isnan(value) else value), self._status[i]

    def index_of(self, year: float) -> int:
        """The position of ``year``, or -1."""
        i = int(self.xs.searchsorted(year))
        return i if i < len(self.xs) and self.xs[i] == year else -1


@dataclass(frozen=True)
class Series:
    id: str
    name: str
    unit: str
    color: str
    marks: Sequence[Mark]  # a tuple, or PointMarks for line series
    source: str = ""

    def xy(self) -> tuple[Any, Any]:
        """x and y of every mark as float sequences (NaN: missing)."""
        if isinstance(self.marks, PointMarks):
            return self.marks.xs, self.marks.ys
        nan = float("nan")
        return [m.x for m in self.marks], [nan if m.y is None else m.y for m in self.marks]


@dataclass(frozen=True)
class Annotation:
    """A note drawn at a place on the chart, e.g. "ranked 1st in China"."""

    x: float
    text: str
    color: str
    ref: Ref
    label: str = ""  # the name of the series it stands in
    tooltip: str = ""

    def mark(self, y: float) -> Mark:
        """The annotation as a mark drawn at height ``y``, to hover and click."""
        return Mark(
            self.x, y, self.label, self.text, "qualitative", self.ref, self.text, self.tooltip
        )


@dataclass(frozen=True, slots=True)
class TableRow:
    """One point of a line chart, as the table view and the CSV export show it."""

    indicator_id: str
    indicator: str
    unit: str
    year: int | None
    value: float | None
    status: str
    source: str


@dataclass(frozen=True, slots=True)
class FigureRow:
    """One bar of a bar chart: the figure as the pack states it."""

    figure_id: str
    label: str
    value: float
    unit: str
    qualifier: str
    year: int | None
    quote: str  # the words of the passage that state it
    source: str


@dataclass(frozen=True, slots=True)
class MilestoneRow:
    """One event of a timeline."""

    milestone_id: str
    year: int
    title: str
    themes: str  # theme ids, ";"-separated as in the pack
    source: str


Row = TableRow | FigureRow | MilestoneRow

# The columns of each kind of chart's table and CSV: the fields of its rows, in order.
COLUMNS: dict[str, tuple[str, ...]] = {
    kind: tuple(f.name for f in fields(row))
    for kind, row in (("line", TableRow), ("bar", FigureRow), ("timeline", MilestoneRow))
}


@dataclass(frozen=True)
class ChartSpec:
    id: str
    theme_id: str
    kind: str  # "line" | "bar" | "timeline"
    title: str
    subtitle: str
    x_label: str
    y_label: str
    series: tuple[Series, ...]
    source: str
    annotations: tuple[Annotation, ...] = ()
    categories: tuple[str, ...] = ()  # bar charts: one label per bar, bottom to top
    notes: tuple[str, ...] = ()  # footnotes such as "not reported for 2012–2014"
    log_scale: bool = False
    alt_text: str = ""
    source_text: str = ""  # the sources without the words "Source:" (table, CSV)
    context: ChartContext = ENGLISH  # the language and number format of its words
    # bar charts and timelines: a row per figure or event, in reading order (a line
    # chart's rows are read from its series)
    table: tuple[FigureRow | MilestoneRow, ...] = ()

    @property
    def columns(self) -> tuple[str, ...]:
        """The names of the columns of ``rows``: the chart kind's."""
        return COLUMNS[self.kind]

    @cached_property
    def rows(self) -> Sequence[Row]:
        """The chart's data, as the table view and the CSV export show it: the rows of
        the elements shown (hidden series leave theirs out)."""
        if self.kind == "line":
            return LineRows(self)
        shown = {m.ref.id for m in self.marks()}
        key = self.columns[0]
        return tuple(r for r in self.table if getattr(r, key) in shown)

    def marks(self):
        for s in self.series:
            yield from s.marks

    @property
    def can_log(self) -> bool:
        """Whether a logarithmic scale is offered: bars whose values are all above zero."""
        if self.kind != "bar":  # (a line's marks are made one by one when read)
            return False
        values = [m.y for m in self.marks()]
        return bool(values) and all(v is not None and v > 0 for v in values)

    def on_log_scale(self) -> ChartSpec:
        """The same bars on a logarithmic scale, which the subtitle says."""
        if self.log_scale or not self.can_log:
            return self
        suffix = translate("Charts", " (logarithmic scale)")
        return replace(self, log_scale=True, subtitle=self.subtitle + suffix)

    def with_series(self, series_ids: set[str]) -> ChartSpec:
        """The same chart showing only the named series (the rest are hidden)."""
        kept = tuple(s for s in self.series if s.id in series_ids)
        if self.kind == "timeline":  # the remaining events close up
            kept = in_lanes(kept)
        ids = {s.id for s in kept}
        return replace(
            self,
            series=kept,
            annotations=tuple(a for a in self.annotations if a.ref.id in ids),
        )


def in_lanes(series: Sequence[Series]) -> tuple[Series, ...]:
    """A timeline's series with each event in a lane of its own, so no label covers
    another: the earliest at the top (lane n-1), the latest at the bottom (lane 0);
    events of one year in the order of their ids."""
    events = sorted((m.x, m.ref.id) for s in series for m in s.marks)
    lane = {ref_id: float(len(events) - 1 - i) for i, (_, ref_id) in enumerate(events)}
    return tuple(
        replace(s, marks=tuple(replace(m, y=lane[m.ref.id]) for m in s.marks)) for s in series
    )


class LineRows(_MadeOnRead):
    """A line chart's table rows, made row by row from its series when read."""

    __slots__ = ("_spec", "_starts")

    def __init__(self, spec: ChartSpec) -> None:
        self._spec = spec
        starts, n = [], 0
        for s in spec.series:
            starts.append(n)
            n += len(s.marks)
        self._starts = [*starts, n]

    def __len__(self) -> int:
        return self._starts[-1]

    def _item(self, i: int) -> TableRow:
        from bisect import bisect_right

        k = bisect_right(self._starts, i) - 1
        s = self._spec.series[k]
        source = s.source or self._spec.source_text
        if isinstance(s.marks, PointMarks):  # straight from the columns (sorting reads all)
            year, value, status = s.marks.cells(i - self._starts[k])
            return TableRow(s.id, s.name, s.unit, year, value, status, source)
        m = s.marks[i - self._starts[k]]
        return TableRow(m.ref.id, s.name, s.unit, m.ref.year, m.y, m.status, source)
