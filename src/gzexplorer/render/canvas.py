"""ChartCanvas: one widget that draws a ChartSpec, in the window and in exports.

The header (title, subtitle, legend) and footer (notes, source) are QLabels, so text
wraps and stays text in SVG; the plot itself is a pyqtgraph PlotWidget.
"""

from __future__ import annotations

import math
from typing import Any

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QEvent, QObject, QPointF, Qt, Signal
from PySide6.QtGui import QColor, QFont
from PySide6.QtWidgets import QLabel, QSizePolicy, QVBoxLayout, QWidget

from gzexplorer.charts import palette
from gzexplorer.charts.build import DENSE_POINTS
from gzexplorer.charts.i18n import translate
from gzexplorer.charts.spec import ChartSpec, Mark, Ref, Series
from gzexplorer.render.labels import WrappedLabel
from gzexplorer.render.style import ChartStyle


class CountAxis(pg.AxisItem):
    """An axis whose ticks read 1,000 rather than 1e3, also in log mode; major ticks only."""

    def tickSpacing(self, minVal, maxVal, size):  # noqa: N802,N803
        return super().tickSpacing(minVal, maxVal, size)[:1]

    def tickValues(self, minVal, maxVal, size):  # noqa: N802,N803
        if self.logMode:
            lo, hi = math.ceil(minVal), math.floor(maxVal)
            return [(1.0, [float(v) for v in range(lo, hi + 1)])]
        return super().tickValues(minVal, maxVal, size)

    def tickStrings(self, values, scale, spacing):  # noqa: N802 (Qt naming)
        if self.logMode:
            return [f"{10**v:,.0f}" if abs(v - round(v)) < 1e-6 else "" for v in values]
        out = []
        for v in values:
            v = v * scale
            out.append(
                f"{v:,.0f}" if spacing * scale >= 1 else f"{v:,.{_decimals(spacing * scale)}f}"
            )
        return out


class YearAxis(pg.AxisItem):
    """Whole years only, without thousands separators."""

    def tickStrings(self, values, scale, spacing):  # noqa: N802
        return [str(int(round(v))) if abs(v - round(v)) < 1e-6 else "" for v in values]

    def tickSpacing(self, minVal, maxVal, size):  # noqa: N802,N803
        span = maxVal - minVal
        major = 1 if span <= 12 else 2 if span <= 24 else 5 if span <= 60 else 10
        # long spans: a 1-2-5 step that keeps labels about 70 px apart
        return [(max(major, _nice_step(span / max(2.0, size / 70))), 0)]


class CategoryAxis(pg.AxisItem):
    """Left axis of a bar chart: one label per bar."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.categories: tuple[str, ...] = ()

    def tickValues(self, minVal, maxVal, size):  # noqa: N802,N803
        return [(1, [float(i) for i in range(len(self.categories))])]

    def tickStrings(self, values, scale, spacing):  # noqa: N802
        out = []
        for v in values:
            i = int(round(v))
            out.append(self.categories[i] if 0 <= i < len(self.categories) else "")
        return out


def _nice_step(raw: float) -> float:
    """The smallest of 1, 2, 5 × 10^k that is at least ``raw``."""
    if not math.isfinite(raw) or raw <= 0:
        return 1.0
    power = 10.0 ** math.floor(math.log10(raw))
    return next(k * power for k in (1, 2, 5, 10) if k * power >= raw * (1 - 1e-9))


def _decimals(spacing: float) -> int:
    return max(0, min(4, -int(math.floor(math.log10(spacing))))) if spacing > 0 else 1


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
        self.setToolTip(self._canvas.tooltip(mark) if mark else "")
        self._canvas.markHovered.emit(mark)

    def mouseClickEvent(self, ev):  # noqa: N802
        mark = self._mark_at(ev.pos())
        if mark is not None and ev.button() == Qt.MouseButton.LeftButton:
            ev.accept()
            self._canvas.markClicked.emit(mark)
        else:
            ev.ignore()


class _SceneStaysActive(QObject):
    """Keeps a QGraphicsView from (de)activating its scene when the view is hidden or
    shown. Kept canvases are hidden and shown on every theme switch, and each
    (de)activation repaints every item of the plot a second time; the plot's items
    take no keyboard focus, so the scene's active state means nothing to them."""

    def eventFilter(self, obj, event) -> bool:  # noqa: N802
        kind = event.type()
        return (kind == QEvent.Type.Show or kind == QEvent.Type.Hide) and not event.spontaneous()


class ChartCanvas(QWidget):
    """Draws one ChartSpec. Emits the Mark under the mouse when hovered or clicked."""

    markClicked = Signal(object)  # Mark
    markHovered = Signal(object)  # Mark or None

    def __init__(self, style: ChartStyle | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("chartView")
        self.chart_style = style or ChartStyle()
        self.spec: ChartSpec | None = None
        self._highlighted: set[tuple[str, str, int | None]] = set()
        self._marks: list[Mark] = []  # what can be clicked and highlighted, as drawn
        self._dense: list[Series] = []  # line series too long to hold a Mark per point

        self.title = WrappedLabel(objectName="chartTitle")
        self.subtitle = WrappedLabel(objectName="chartSubtitle")
        self.legend = WrappedLabel(objectName="chartLegend")
        self.legend.setTextFormat(Qt.TextFormat.RichText)
        self.footer = WrappedLabel(objectName="chartFooter")
        self.footer.setTextFormat(Qt.TextFormat.RichText)
        for label in (self.title, self.subtitle, self.legend, self.footer):
            label.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
            label.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)

        self._axes = {
            "year": YearAxis("bottom"),
            "count": CountAxis("bottom"),
            "category": CategoryAxis("left"),
            "left": CountAxis("left"),
        }
        self.plot_widget = pg.PlotWidget()  # (keywords would go to plot(): an empty curve)
        self.plot_widget.setObjectName("chartPlot")
        self.plot_widget.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.plot_widget.setMinimumHeight(160)
        self._scene_filter = _SceneStaysActive(self)
        self.plot_widget.viewport().installEventFilter(self._scene_filter)
        self.plot_item: pg.PlotItem = self.plot_widget.getPlotItem()
        self.plot_item.hideButtons()
        self.plot_item.setMenuEnabled(False)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(18, 14, 18, 12)
        layout.setSpacing(4)
        layout.addWidget(self.title)
        layout.addWidget(self.subtitle)
        layout.addWidget(self.legend)
        layout.addSpacing(4)
        layout.addWidget(self.plot_widget, 1)
        layout.addSpacing(4)
        layout.addWidget(self.footer)
        self.apply_style(self.chart_style)

    def hasHeightForWidth(self) -> bool:  # noqa: N802 (Qt naming)
        """No: the wrapped header labels fit themselves inside the canvas. Reporting
        height-for-width would make the window's layout re-measure their text for every
        kept canvas (QStackedLayout asks all pages) whenever any widget is shown."""
        return False

    # -- style ----------------------------------------------------------------------
    def apply_style(self, style: ChartStyle) -> None:
        self.chart_style = style
        s = style
        self.setAutoFillBackground(not s.transparent)
        pal = self.palette()
        bg = QColor(s.background)
        if s.transparent:
            bg.setAlpha(0)
        pal.setColor(self.backgroundRole(), bg)
        self.setPalette(pal)
        self.plot_widget.setBackground(None if s.transparent else s.background)
        # the plot fills its own background: repainting it need not repaint the canvas
        # (header, footer) beneath
        self.plot_widget.viewport().setAttribute(
            Qt.WidgetAttribute.WA_OpaquePaintEvent, not s.transparent
        )
        self._set_font(self.title, s.title_pt, QFont.Weight.DemiBold, s.text)
        self._set_font(self.subtitle, s.subtitle_pt, QFont.Weight.Normal, s.muted)
        self._set_font(self.legend, s.body_pt, QFont.Weight.Normal, s.text)
        self._set_font(self.footer, s.small_pt, QFont.Weight.Normal, s.muted)
        k = s.scale
        self.layout().setContentsMargins(int(18 * k), int(14 * k), int(18 * k), int(12 * k))
        if self.spec is not None:
            self.show_spec(self.spec)

    def _font(self, pt: float, weight=QFont.Weight.Normal) -> QFont:
        font = QFont(self.chart_style.font_family) if self.chart_style.font_family else QFont()
        font.setPointSizeF(self.chart_style.pt(pt))
        font.setWeight(weight)
        return font

    def _set_font(self, label: QLabel, pt: float, weight, color: str) -> None:
        label.setFont(self._font(pt, weight))
        label.setStyleSheet(f"color: {color}; background: transparent;")

    # -- drawing --------------------------------------------------------------------
    def show_spec(self, spec: ChartSpec) -> None:
        """Draw ``spec``, replacing whatever was drawn before."""
        self.spec = spec
        s = self.chart_style
        self.title.setText(spec.title)
        self.subtitle.setText(spec.subtitle)
        self.legend.setText(self._legend_html(spec))
        self.legend.setVisible(spec.kind != "bar")
        footer = [_esc(n) for n in spec.notes] + [_esc(spec.source)]
        self.footer.setText("<br>".join(footer))
        self.setAccessibleName(spec.title)
        self.setAccessibleDescription(spec.alt_text)

        kind_axes = {
            "line": {"bottom": self._axes["year"], "left": self._axes["left"]},
            "timeline": {"bottom": self._axes["year"], "left": self._axes["left"]},
            "bar": {"bottom": self._axes["count"], "left": self._axes["category"]},
        }[spec.kind]
        p = self.plot_item
        p.clear()
        p.setAxisItems(kind_axes)
        for name in ("left", "bottom"):
            axis = p.getAxis(name)
            axis.setPen(pg.mkPen(s.axis, width=s.pen(1)))
            axis.setTextPen(pg.mkPen(s.muted))
            axis.setStyle(tickFont=self._font(s.small_pt), tickLength=int(-5 * s.scale))
            axis.setGrid(0)
            axis.setLogMode(False)
        label_style = {"color": s.muted, "font-size": f"{s.pt(s.small_pt):.1f}pt"}
        p.setLabel("bottom", spec.x_label if spec.kind != "timeline" else "", **label_style)
        p.setLabel("left", spec.y_label, **label_style)
        p.showAxis("left", spec.kind != "timeline")
        p.getAxis("left").setStyle(showValues=spec.kind != "timeline")
        # line charts add their marks as drawn; points of dense series are looked up
        # by year instead (highlighted_marks)
        self._marks = list(spec.marks()) if spec.kind != "line" else []
        self._dense = []
        {"line": self._draw_lines, "bar": self._draw_bars, "timeline": self._draw_timeline}[
            spec.kind
        ](spec)
        self._draw_highlight()
        self.reset_view()

    def _legend_html(self, spec: ChartSpec) -> str:
        glyph = {"line": "━●", "timeline": "●", "bar": "■"}[spec.kind]
        parts = [
            f'<span style="color:{self._color(sr.color)}">{glyph}</span>&nbsp;{_esc(sr.name)}'
            for sr in spec.series
        ]
        if spec.kind == "line" and spec.annotations:
            parts.append(
                f'<span style="color:{self.chart_style.muted}">▲</span>&nbsp;'
                + _esc(translate("Charts", "no number given"))
            )
        return "&nbsp;&nbsp;&nbsp;&nbsp; ".join(parts)

    def _color(self, light: str) -> str:
        """A series colour for the current background (lighter variants on dark)."""
        return palette.dark_variant(light) if self.chart_style.dark else light

    def _grid(self, x: bool, y: bool) -> None:
        """Faint grid lines; pyqtgraph draws them in the axis colour at this alpha."""
        alpha = 70 if self.chart_style.dark else 48
        for name, on in (("bottom", x), ("left", y)):
            self.plot_item.getAxis(name).setGrid(alpha if on else 0)

    def _scatter(self, marks: list[Mark], xs, ys, color: str, symbol: str = "o", size=None):
        s = self.chart_style
        item = pg.ScatterPlotItem(
            x=np.asarray(xs, dtype=float),
            y=np.asarray(ys, dtype=float),
            data=marks,
            symbol=symbol,
            size=s.px(size or s.marker),
            pen=pg.mkPen(s.background, width=s.px(1.2)),
            brush=pg.mkBrush(color),
            hoverable=True,
            hoverSize=s.px((size or s.marker) + 4),
            hoverPen=pg.mkPen(s.text, width=s.px(1.5)),
            hoverBrush=pg.mkBrush(color),
            tip=lambda x, y, data: self.tooltip(data),
            # the symbol cache renders at 1x and would be upscaled (blurred) in 2x/3x exports
            useCache=s.pixel_ratio == 1.0,
        )
        item.sigClicked.connect(self._on_scatter_clicked)
        item.sigHovered.connect(self._on_scatter_hovered)
        self.plot_item.addItem(item)
        return item

    def _draw_lines(self, spec: ChartSpec) -> None:
        s = self.chart_style
        self._grid(False, True)
        _, (_, top) = _line_extent(spec)
        for series in spec.series:
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
                pen=pg.mkPen(self._color(series.color), width=width),
            )
            self.plot_item.addItem(curve)
            if dense:
                self._dense.append(series)
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
                self._marks.extend(marks)
                valid = [m for m in marks if m.y is not None]
                self._scatter(
                    valid, [m.x for m in valid], [m.y for m in valid], self._color(series.color)
                )
        if spec.annotations:
            y = top * 1.06
            anns = list(spec.annotations)
            names = {sr.id: sr.name for sr in spec.series}
            marks = [
                Mark(a.x, y, names.get(a.ref.id, a.ref.id), a.text, "qualitative", a.ref, a.text)
                for a in anns
            ]
            self._marks.extend(marks)
            self._scatter(
                marks,
                [m.x for m in marks],
                [y] * len(marks),
                s.muted,
                symbol="t1",
                size=s.marker + 2,
            )
            text = pg.TextItem(anns[0].text, color=s.muted, anchor=(0.5, 1.25))
            text.setFont(self._font(s.small_pt))
            xs = [a.x for a in anns]
            text.setPos((min(xs) + max(xs)) / 2, y)
            self.plot_item.addItem(text)
        self.plot_item.setLogMode(False, False)

    def _draw_bars(self, spec: ChartSpec) -> None:
        s = self.chart_style
        self._grid(True, False)
        marks = list(spec.series[0].marks)
        color = self._color(spec.series[0].color)
        values = np.array([m.y for m in marks], dtype=float)
        widths = np.log10(values) if spec.log_scale else values
        self._axes["category"].categories = spec.categories
        self._axes["count"].setLogMode(spec.log_scale)
        bars = BarItem(
            self,
            marks,
            x0=0,
            y=np.arange(len(marks), dtype=float),
            height=0.62,
            width=widths,
            brush=pg.mkBrush(color),
            pen=pg.mkPen(None),
        )
        self.plot_item.addItem(bars)
        span = max(float(np.max(np.abs(widths))), 1e-9)
        for i, (m, w) in enumerate(zip(marks, widths, strict=True)):
            label = pg.TextItem(m.value_text, color=s.text, anchor=(0, 0.5) if w >= 0 else (1, 0.5))
            label.setFont(self._font(s.body_pt))
            label.setPos(w + (0.015 * span if w >= 0 else -0.015 * span), i)
            self.plot_item.addItem(label)
        if (widths < 0).any():
            zero = pg.InfiniteLine(pos=0, angle=90, pen=pg.mkPen(s.axis, width=s.pen(1)))
            self.plot_item.addItem(zero)

    def _draw_timeline(self, spec: ChartSpec) -> None:
        s = self.chart_style
        self._grid(True, False)
        events = sorted(spec.marks(), key=lambda m: (m.x, m.ref.id))
        row_of = {m.ref.id: len(events) - 1 - i for i, m in enumerate(events)}
        years = [m.x for m in events] or [0.0]
        lo, hi = min(years), max(years)
        mid = (lo + hi) / 2
        self._marks = []
        for series in spec.series:
            marks = [
                Mark(m.x, float(row_of[m.ref.id]), m.label, m.value_text, m.status, m.ref, m.note)
                for m in series.marks
            ]
            self._marks.extend(marks)
            self._scatter(
                marks,
                [m.x for m in marks],
                [m.y for m in marks],
                self._color(series.color),
                size=s.marker + 3,
            )
            for m in marks:
                if hi == lo:  # a single year: the label sits centred above its dot
                    anchor, x = (0.5, 1.4), m.x
                elif m.x > mid:  # right half: label to the left, so it stays inside
                    anchor, x = (1, 0.5), m.x - 0.18
                else:
                    anchor, x = (0, 0.5), m.x + 0.18
                text = pg.TextItem(m.label, color=s.text, anchor=anchor)
                text.setFont(self._font(s.body_pt))
                text.setPos(x, m.y)
                self.plot_item.addItem(text)

    # -- view -----------------------------------------------------------------------
    def reset_view(self) -> None:
        spec = self.spec
        if spec is None:
            return
        vb = self.plot_item.getViewBox()
        marks = self._marks
        if spec.kind == "bar":
            widths = [math.log10(m.y) if spec.log_scale else m.y for m in marks if m.y is not None]
            lo, hi = min(0.0, *widths), max(0.0, *widths)
            pad = (hi - lo) * 0.4 or 1.0
            vb.setRange(
                xRange=(lo - (pad if lo < 0 else 0), hi + pad),
                yRange=(-0.6, len(marks) - 0.4),
                padding=0,
            )
        elif spec.kind == "timeline":
            xs = [m.x for m in marks] or [0]
            span = max(xs) - min(xs)
            pad = max(1.0, span * 0.08)
            vb.setRange(xRange=(min(xs) - pad, max(xs) + pad), yRange=(-1, len(marks)), padding=0)
        else:
            (x0, x1), (bottom, top) = _line_extent(spec)
            bottom = min(0.0, bottom)
            span = _finite(top - bottom) or 1.0  # values near the float limit
            vb.setRange(
                xRange=(x0 - 0.5, x1 + 0.5),
                yRange=(
                    _finite(bottom - 0.04 * span),
                    _finite(top + span * (0.2 if spec.annotations else 0.08)),
                ),
                padding=0,
            )

    def highlight(self, refs: set[tuple[str, str, int | None]]) -> None:
        """Ring the marks whose (kind, id, year) is in ``refs``; empty clears."""
        self._highlighted = set(refs)
        self._draw_highlight()

    def highlighted_marks(self) -> list[Mark]:
        sparse, dense = self._highlighted_parts()
        return sparse + [series.marks[int(i)] for series, hits in dense for i in hits]

    def highlighted_count(self) -> int:
        """How many marks are ringed (without making a Mark for each)."""
        sparse, dense = self._highlighted_parts()
        return len(sparse) + sum(len(hits) for _, hits in dense)

    def _highlighted_parts(self) -> tuple[list[Mark], list[tuple[Any, np.ndarray]]]:
        """The highlighted marks drawn one by one, and for each long series the
        positions of its highlighted years (looked up together: a passage may be the
        source of thousands of points)."""
        if not self._highlighted:
            return [], []
        sparse = [m for m in self._marks if _key(m.ref) in self._highlighted]
        years: dict[str, list[int]] = {}
        for kind, series_id, year in self._highlighted:
            if kind == "point" and year is not None:
                years.setdefault(series_id, []).append(year)
        dense = []
        for series in self._dense:
            wanted = np.sort(np.asarray(years.get(series.id, ()), dtype=float))
            if not len(wanted):
                continue
            xs = series.marks.xs
            at = np.minimum(np.searchsorted(xs, wanted), len(xs) - 1)
            dense.append((series, at[xs[at] == wanted]))
        return sparse, dense

    def _draw_highlight(self) -> None:
        old = getattr(self, "_highlight_item", None)
        if old is not None and old.scene() is not None:
            self.plot_item.removeItem(old)
        self._highlight_item = None
        sparse, dense = self._highlighted_parts()
        if not (sparse or any(len(hits) for _, hits in dense)) or self.spec is None:
            return
        s = self.chart_style
        if self.spec.kind == "bar":
            xs = [math.log10(m.y) if self.spec.log_scale else m.y for m in sparse]
            ys = [m.x for m in sparse]
        else:
            xs = [m.x for m in sparse]
            ys = [m.y for m in sparse]
        for series, hits in dense:
            xs = np.concatenate([xs, series.marks.xs[hits]])
            ys = np.concatenate([ys, series.marks.ys[hits]])
        item = pg.ScatterPlotItem(
            x=xs,
            y=ys,
            symbol="o",
            size=s.px(s.marker + 12),
            pen=pg.mkPen(s.highlight, width=s.px(2.5)),
            brush=pg.mkBrush(None),
        )
        item.setZValue(10)
        item.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        self.plot_item.addItem(item)
        self._highlight_item = item

    # -- interaction ----------------------------------------------------------------
    def tooltip(self, mark: Mark | None) -> str:
        if mark is None or self.spec is None:
            return ""
        ref = mark.ref
        if ref.kind == "point":
            head = f"{mark.label}, {ref.year}"
            if mark.status == "reported":
                body = mark.value_text
            else:
                note = mark.note or translate("Charts", "not reported")
                body = translate("Charts", "%1 (no number given)").replace("%1", note)
        elif ref.kind == "figure":
            head = mark.label
            body = mark.value_text
        else:
            head = f"{ref.year}: {mark.label}"
            body = mark.note
        own = next((sr.source for sr in self.spec.series if sr.source), "")
        source = translate("Charts", "Source: %1").replace("%1", own) if own else self.spec.source
        passage = translate("Charts", "Passage: %1").replace("%1", ", ".join(ref.excerpt_ids))
        return f"{head}\n{body}\n{source}\n{passage}"

    def _pick_nearest(self, xs: np.ndarray, marks, ev) -> None:
        x = ev.pos().x()
        i = int(np.clip(np.searchsorted(xs, x), 1, len(xs) - 1))
        i = i - 1 if abs(xs[i - 1] - x) <= abs(xs[i] - x) else i
        self.markClicked.emit(marks[i])

    def _on_scatter_clicked(self, item, points, ev) -> None:
        if len(points):
            self.markClicked.emit(points[0].data())

    def _on_scatter_hovered(self, item, points, ev) -> None:
        self.markHovered.emit(points[0].data() if len(points) else None)

    def mark_scene_pos(self, mark: Mark) -> QPointF:
        """Where a mark is drawn, in plot-widget coordinates (for tests and tools)."""
        if self.spec is not None and self.spec.kind == "bar":
            x = math.log10(mark.y) if self.spec.log_scale else mark.y
            pt = QPointF(x / 2, mark.x)
        else:
            drawn = next((m for m in self._marks if m.ref == mark.ref), mark)
            pt = QPointF(drawn.x, drawn.y if drawn.y is not None else 0.0)
        scene = self.plot_item.getViewBox().mapViewToScene(pt)
        return self.plot_widget.mapFromScene(scene)

    def drawn_marks(self) -> list[Mark]:
        """The marks as drawn (timeline rows resolved)."""
        return list(self._marks)


def _line_extent(spec: ChartSpec) -> tuple[tuple[float, float], tuple[float, float]]:
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


def _finite(value: float, limit: float = 1e300) -> float:
    """``value`` clamped to a range pyqtgraph can still scale (no inf, no overflow)."""
    return max(-limit, min(limit, value))


def _key(ref: Ref) -> tuple[str, str, int | None]:
    return (ref.kind, ref.id, ref.year)


def _esc(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
