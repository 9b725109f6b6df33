"""Line charts: one curve per indicator over the years, gaps where none is reported,
and a triangle above the years that give a note instead of a number."""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QFontMetricsF

from gzexplorer import markup
from gzexplorer.charts.build import DENSE_POINTS
from gzexplorer.charts.i18n import translate
from gzexplorer.charts.spec import ChartSpec, Series
from gzexplorer.render.renderer import Range, Renderer

NOTE_ANCHOR = (0.5, 1.25)  # the annotation's words: centred above its triangles


class LineRenderer(Renderer):
    legend_glyph = "━●"
    note: pg.TextItem | None = None  # the annotation's words, once drawn
    note_row = 0.0  # the height of the annotation's triangles, in plot coordinates
    note_x = 0.0  # the middle of the annotation's triangles

    def legend_entry(self, series: Series) -> tuple[str, str, str]:
        """A series without a single number is not drawn: the legend says so."""
        if _has_values(series):
            return super().legend_entry(series)
        words = translate("Charts", "%1: not reported").replace("%1", series.name)
        return "", self.canvas.chart_style.muted, words

    def legend_extra(self) -> list[tuple[str, str, str]]:
        if not self.spec.annotations:
            return []
        return [("▲", self.canvas.chart_style.muted, translate("Charts", "no number given"))]

    def draw(self) -> None:
        s = self.canvas.chart_style
        plot = self.canvas.plot_item
        self.grid(False, True)
        _, (_, top) = line_extent(self.spec)
        for series in self.spec.series:
            marks = series.marks
            xs, ys = (np.asarray(a, dtype=float) for a in series.xy())
            dense = len(marks) > DENSE_POINTS
            # dense lines are drawn 1 unit wide: thick strokes of thousands of segments
            # cost Qt's raster engine several times more per frame when panning
            width = s.pen(1.0 if dense else s.line_width)
            curve = pg.PlotDataItem(
                xs,
                ys,
                connect="finite" if np.isnan(ys).any() else "all",  # "all" is the fast path
                pen=pg.mkPen(self.color(series.color), width=width),
            )
            plot.addItem(curve)
            if dense:
                self.dense.append(series)
                # draw only what is in view, downsampled to the pixels (set once the curve
                # is in its ViewBox: pyqtgraph looks the view up when these are set)
                curve.setClipToView(True)
                curve.setDownsampling(auto=True, method="peak")
                # gaps (NaN) as separate line segments: built in one numpy pass, where
                # a path is assembled gap by gap in Python on every frame
                curve.curve.setSegmentedLineMode("on")
                # no markers: a click picks the nearest point of the line
                curve.setCurveClickable(True, width=int(s.pen(8)))
                curve.sigClicked.connect(
                    lambda _item, ev, xs=xs, marks=marks: self._pick_nearest(xs, marks, ev)
                )
            else:
                self.marks.extend(marks)
                valid = [m for m in marks if m.y is not None]
                self.canvas.add_scatter(
                    valid, [m.x for m in valid], [m.y for m in valid], self.color(series.color)
                )
        if not any(_has_values(s) for s in self.spec.series) and not self.spec.annotations:
            # nothing to plot: say so where the lines would be, without a made-up axis
            plot.showAxis("left", False)
            (x0, x1), _ = line_extent(self.spec)
            words = translate("Charts", "No number reported in these years")
            self.text(words, (x0 + x1) / 2, 0.5, (0.5, 0.5), s.muted, s.body_pt)
        if self.spec.annotations:
            self.note_row = y = top * 1.06
            marks = [a.mark(y) for a in self.spec.annotations]
            self.marks.extend(marks)
            xs = [m.x for m in marks]
            self.canvas.add_scatter(
                marks, xs, [y] * len(marks), s.muted, symbol="t1", size=s.marker + 2
            )
            words = self.spec.annotations[0].text
            self.note_x = x = (min(xs) + max(xs)) / 2
            self.note = self.text(words, x, y, NOTE_ANCHOR, s.muted, s.small_pt)
        plot.setLogMode(False, False)

    def fit(self) -> None:
        """The annotation's words centred over their triangles, moved in to stay inside
        the plot, and elided where the plot is narrower (whole in their tooltip)."""
        view_box = self.canvas.plot_item.getViewBox()
        if self.note is None or view_box.width() <= 0:
            return
        plot = view_box.rect()
        words = self.spec.annotations[0].text
        margin = self.note.textItem.document().documentMargin()
        fm = QFontMetricsF(self.note.textItem.font())
        shown = fm.elidedText(words, Qt.TextElideMode.ElideRight, plot.width() - 2 * margin - 2)
        self.note.setPlainText(shown)
        self.note.setToolTip("" if shown == words else markup.plain(words))
        half = self.note.textItem.boundingRect().width() / 2
        at = view_box.mapFromView(QPointF(self.note_x, self.note_row))
        x = min(max(at.x(), plot.left() + half), plot.right() - half)
        self.note.setPos(view_box.mapToView(QPointF(x, at.y())))

    def view_range(self) -> Range:
        (x0, x1), (bottom, top) = line_extent(self.spec)
        bottom = min(0.0, bottom)
        span = _finite(top - bottom) or 1.0  # values near the float limit
        room = 0.2 if self.spec.annotations else 0.08  # the annotations' row above the lines
        low, high = _finite(bottom - 0.04 * span), _finite(top + span * room)
        return (x0 - 0.5, x1 + 0.5), self._room_in_pixels(bottom, low, high)

    def _room_in_pixels(self, bottom: float, low: float, high: float) -> tuple[float, float]:
        """The view from ``low`` to ``high``, widened where the plot is too short for
        what needs pixels rather than plot units: half a tick label below ``bottom``
        (pyqtgraph hides a label that would cross the plot's edge) and the annotation's
        words above their row."""
        height = self.canvas.plot_item.getViewBox().height()
        if height <= 0:  # not laid out yet
            return low, high
        tick = QFontMetricsF(self.canvas.text_font(self.canvas.chart_style.small_pt))
        below = (tick.height() / 2 + 1) / height  # shares of the plot's height
        above = self.note.boundingRect().height() * NOTE_ANCHOR[1] / height if self.note else 0
        if below + above >= 0.5:  # so short a plot would be mostly margin: leave it
            return low, high
        lo, hi = low, high
        for _ in range(4):  # each widening shrinks the other's share: settles at once
            lo = min(low, (bottom - below * hi) / (1 - below))
            if self.note is not None:
                hi = max(high, (self.note_row - above * lo) / (1 - above))
        return _finite(lo), _finite(hi)

    def _pick_nearest(self, xs: np.ndarray, marks, ev) -> None:
        x = ev.pos().x()
        i = int(np.clip(np.searchsorted(xs, x), 1, len(xs) - 1))
        i = i - 1 if abs(xs[i - 1] - x) <= abs(xs[i] - x) else i
        self.canvas.markClicked.emit(marks[i])


def line_extent(spec: ChartSpec) -> Range:
    """(x min, x max), (y min, y max) of a line chart's points; (0, 0), (0, 1) if none."""
    xs, ys = [], []
    for series in spec.series:
        x, y = (np.asarray(a, dtype=float) for a in series.xy())
        if len(x):
            xs += [float(x.min()), float(x.max())]
        if not np.isnan(y).all():
            ys += [float(np.nanmin(y)), float(np.nanmax(y))]
    return (min(xs, default=0.0), max(xs, default=0.0)), (
        min(ys, default=0.0),
        max(ys, default=1.0),
    )


def _has_values(series: Series) -> bool:
    _, ys = series.xy()
    return bool(len(ys)) and not np.isnan(np.asarray(ys, dtype=float)).all()


def _finite(value: float, limit: float = 1e300) -> float:
    """``value`` clamped to a range pyqtgraph can still scale (no inf, no overflow)."""
    return max(-limit, min(limit, value))
