"""Chart specifications: what to draw, as plain data, for the window and the export."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

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

    x: float
    y: float | None  # None: missing (a gap), or a lane on a timeline
    label: str
    value_text: str
    status: str
    ref: Ref
    note: str = ""


@dataclass(frozen=True)
class Series:
    id: str
    name: str
    unit: str
    color: str
    marks: tuple[Mark, ...]
    source: str = ""


@dataclass(frozen=True)
class Annotation:
    """A note drawn at a place on the chart, e.g. "ranked 1st in China"."""

    x: float
    text: str
    color: str
    ref: Ref


@dataclass(frozen=True)
class TableRow:
    """One row of the chart's data, as the table view and the CSV export show it."""

    indicator_id: str
    indicator: str
    unit: str
    year: int | None
    value: float | None
    status: str
    source: str


TABLE_COLUMNS = ("indicator_id", "indicator", "unit", "year", "value", "status", "source")


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

    @cached_property
    def rows(self) -> tuple[TableRow, ...]:
        """The chart's data, as the table view and the CSV export show it."""
        if self.kind == "line":
            return tuple(
                TableRow(
                    m.ref.id, s.name, s.unit, m.ref.year, m.y, m.status, s.source or self.source
                )
                for s in self.series
                for m in s.marks
            )
        source = self.source.removeprefix("Source: ")
        if self.kind == "bar":  # bars are drawn bottom-up; rows read top-down
            return tuple(
                TableRow(m.ref.id, m.label, s.unit, m.ref.year, m.y, m.status, source)
                for s in self.series
                for m in reversed(s.marks)
            )
        events = sorted(self.marks(), key=lambda m: m.x)
        return tuple(
            TableRow(m.ref.id, m.label, "", m.ref.year, None, "event", source) for m in events
        )

    @property
    def short_title(self) -> str:
        """The title for a tab: long ones are cut so four tabs fit beside each other."""
        return self.title if len(self.title) <= 28 else self.title[:26].rstrip() + "…"

    def marks(self):
        for s in self.series:
            yield from s.marks

    def with_series(self, series_ids: set[str]) -> ChartSpec:
        """The same chart showing only the named series (the rest are hidden)."""
        from dataclasses import replace

        kept = tuple(s for s in self.series if s.id in series_ids)
        ids = {s.id for s in kept}
        return replace(
            self,
            series=kept,
            annotations=tuple(a for a in self.annotations if a.ref.id in ids),
        )
