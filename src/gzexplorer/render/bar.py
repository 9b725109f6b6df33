"""Bar charts: one horizontal bar per figure, its value written at its end; a
logarithmic scale when the figures span two orders of magnitude or more."""

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


class BarRenderer(Renderer):
    axes = {"bottom": CountAxis, "left": CategoryAxis}
    legend_glyph = ""  # one series, which the title names

    def length(self, mark: Mark) -> float:
        """How far the bar of ``mark`` reaches along the value axis (a power of ten on a
        logarithmic scale)."""
        return math.log10(mark.y) if self.spec.log_scale else mark.y

    def draw(self) -> None:
        s = self.canvas.chart_style
        plot = self.canvas.plot_item
        spec = self.spec
        self.grid(True, False)
        series = spec.series[0]
        self.marks = list(series.marks)
        widths = np.array([self.length(m) for m in self.marks], dtype=float)
        plot.getAxis("left").categories = spec.categories
        plot.getAxis("bottom").setLogMode(spec.log_scale)
        bars = BarItem(
            self.canvas,
            self.marks,
            x0=0,
            y=np.arange(len(self.marks), dtype=float),
            height=BAR_HEIGHT,
            width=widths,
            brush=pg.mkBrush(self.color(series.color)),
            pen=pg.mkPen(None),
        )
        plot.addItem(bars)
        span = max(float(np.max(np.abs(widths))), 1e-9)
        for i, (m, w) in enumerate(zip(self.marks, widths, strict=True)):
            # the value just beyond the bar's end
            x, anchor = (w + 0.015 * span, (0, 0.5)) if w >= 0 else (w - 0.015 * span, (1, 0.5))
            self.text(m.value_text, x, i, anchor, s.text, s.body_pt)
        if (widths < 0).any():
            zero = pg.InfiniteLine(pos=0, angle=90, pen=pg.mkPen(s.axis, width=s.pen(1)))
            plot.addItem(zero)

    def view_range(self) -> Range:
        widths = [self.length(m) for m in self.marks if m.y is not None]
        lo, hi = min(0.0, *widths), max(0.0, *widths)
        pad = (hi - lo) * 0.4 or 1.0  # room for the values written beside the bars
        return (lo - (pad if lo < 0 else 0), hi + pad), (-0.6, len(self.marks) - 0.4)

    def anchor(self, mark: Mark) -> tuple[float, float]:
        return self.length(mark), mark.x  # the bar's end

    def hit_point(self, mark: Mark) -> tuple[float, float]:
        return self.length(mark) / 2, mark.x  # the bar's middle


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
            widths = self.opts["width"]
            w = float(widths[i])
            lo, hi = sorted((0.0, w))
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
