"""Bar charts: one horizontal bar per figure, its value written at its end. Linear
from zero by default; on a logarithmic scale (the user's choice, for figures that are
all above zero) bars start at the power of ten below the smallest, so none can look
negative."""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt

from gzexplorer import markup
from gzexplorer.render.axes import CategoryAxis, CountAxis
from gzexplorer.render.renderer import Range, Renderer

if TYPE_CHECKING:
    from gzexplorer.charts.spec import Mark
    from gzexplorer.render.canvas import ChartCanvas

BAR_HEIGHT = 0.62  # of the distance between two bars
GAP = 4  # pixels kept free beyond a value's words


class BarRenderer(Renderer):
    axes = {"bottom": CountAxis, "left": CategoryAxis}
    legend_glyph = ""  # one series, which the title names

    def length(self, mark: Mark) -> float:
        """Where the bar of ``mark`` ends along the value axis (a power of ten on a
        logarithmic scale)."""
        return math.log10(mark.y) if self.spec.log_scale else mark.y

    def baseline(self) -> float:
        """Where bars start: zero, or on a logarithmic scale the power of ten below
        the smallest value (0.003 -> 0.001; 1 -> 0.1)."""
        if not self.spec.log_scale:
            return 0.0
        return math.ceil(min(self.length(m) for m in self.marks)) - 1.0

    def draw(self) -> None:
        s = self.canvas.chart_style
        plot = self.canvas.plot_item
        spec = self.spec
        self.grid(True, False)
        series = spec.series[0]
        self.marks = list(series.marks)
        ends = np.array([self.length(m) for m in self.marks], dtype=float)
        base = self.baseline()
        plot.getAxis("left").categories = spec.categories
        plot.getAxis("bottom").setLogMode(spec.log_scale)
        bars = BarItem(
            self.canvas,
            self.marks,
            x0=base,
            y=np.arange(len(self.marks), dtype=float),
            height=BAR_HEIGHT,
            width=ends - base,
            brush=pg.mkBrush(self.color(series.color)),
            pen=pg.mkPen(None),
        )
        plot.addItem(bars)
        self.labels = []
        for i, (m, end) in enumerate(zip(self.marks, ends, strict=True)):
            # the value just beyond the bar's end, on the side away from the baseline
            anchor = (0, 0.5) if end >= base else (1, 0.5)
            item = self.text(m.value_text, end, i, anchor, s.text, s.body_pt)
            self.labels.append((end, anchor[0] == 0, item))
        if not spec.log_scale and (ends < 0).any():
            zero = pg.InfiniteLine(pos=0, angle=90, pen=pg.mkPen(s.axis, width=s.pen(1)))
            plot.addItem(zero)

    def view_range(self) -> Range:
        """From the baseline (or the most negative bar) to the longest bar, widened so
        that every value written beside a bar stays inside the plot."""
        ends = [self.length(m) for m in self.marks if m.y is not None]
        base = self.baseline()
        lo, hi = min(base, *ends), max(base, *ends)
        if self.spec.log_scale:
            hi = max(hi, base + 1.0)
        width = self.canvas.plot_item.getViewBox().width()
        rows = (-0.6, len(self.marks) - 0.4)
        if width <= 0:  # not laid out yet: room for the labels by rule of thumb
            pad = (hi - lo) * 0.4 or 1.0
            return (lo - (pad if lo < base else 0), hi + pad), rows
        # each label needs its pixels beyond its bar's end: the view is widened until
        # they fit (each widening shrinks a plot unit, so this settles in a few rounds)
        need = [
            (end, right, item.textItem.boundingRect().width() + GAP)
            for end, right, item in self.labels
        ]
        view_lo, view_hi = lo, hi
        for _ in range(6):
            per_px = (view_hi - view_lo) / width
            view_hi = max([hi] + [end + px * per_px for end, right, px in need if right])
            view_lo = min([lo] + [end - px * per_px for end, right, px in need if not right])
        if not self.spec.log_scale and view_lo >= 0:
            view_lo = -0.01 * (view_hi - view_lo)  # the 0 tick inside the plot
        return (view_lo, view_hi), rows

    def anchor(self, mark: Mark) -> tuple[float, float]:
        return self.length(mark), mark.x  # the bar's end

    def hit_point(self, mark: Mark) -> tuple[float, float]:
        return (self.length(mark) + self.baseline()) / 2, mark.x  # the bar's middle


class BarItem(pg.BarGraphItem):
    """Horizontal bars that report hover and click per bar."""

    def __init__(self, canvas: ChartCanvas, marks: list[Mark], **opts):
        super().__init__(**opts)
        self._canvas = canvas
        self._marks = marks
        self.setAcceptHoverEvents(True)

    def _mark_at(self, pos) -> Mark | None:
        i = int(round(pos.y()))
        if 0 <= i < len(self._marks) and abs(pos.y() - i) <= 0.35:
            x0, w = float(self.opts["x0"]), float(self.opts["width"][i])
            lo, hi = sorted((x0, x0 + w))
            if lo - 1e-9 <= pos.x() <= hi + 1e-9 or w == 0:
                return self._marks[i]
        return None

    def hoverEvent(self, ev):  # noqa: N802
        mark = None if ev.isExit() else self._mark_at(ev.pos())
        self.setToolTip(markup.plain(self._canvas.tooltip(mark)))
        self._canvas.markHovered.emit(mark)

    def mouseClickEvent(self, ev):  # noqa: N802
        mark = self._mark_at(ev.pos())
        if mark is not None and ev.button() == Qt.MouseButton.LeftButton:
            ev.accept()
            self._canvas.markClicked.emit(mark)
        else:
            ev.ignore()
