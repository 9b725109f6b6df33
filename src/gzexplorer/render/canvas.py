"""ChartCanvas: one widget that draws a ChartSpec, in the window and in exports.

The header (title, subtitle, legend) and footer (notes, source) are QLabels, so text
wraps and stays text in SVG; the plot itself is a pyqtgraph PlotWidget. What the plot
shows depends on the chart's kind, and is drawn by that kind's renderer
(render.kinds); the canvas keeps what all kinds share: the frame, the axes' look,
hover and click, and the highlight rings.
"""

from __future__ import annotations

import math
from typing import Any

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QEvent, QObject, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QAccessible, QAccessibleValueChangeEvent, QColor, QFont, QPainter, QPen
from PySide6.QtWidgets import QLabel, QSizePolicy, QVBoxLayout, QWidget

from gzexplorer import markup
from gzexplorer.charts import navigation
from gzexplorer.charts.spec import ChartSpec, Mark, Ref
from gzexplorer.markup import escape
from gzexplorer.render.axes import CountAxis, YearAxis
from gzexplorer.render.kinds import RENDERERS
from gzexplorer.render.labels import LegendLabel, NotesLabel, TitleLabel, WrappedLabel
from gzexplorer.render.renderer import Renderer
from gzexplorer.render.style import ChartStyle


class _SceneStaysActive(QObject):
    """Keeps a QGraphicsView from (de)activating its scene when the view is hidden or
    shown. Kept canvases are hidden and shown on every theme switch, and each
    (de)activation repaints every item of the plot a second time; the plot's items
    take no keyboard focus, so the scene's active state means nothing to them."""

    def eventFilter(self, obj, event) -> bool:  # noqa: N802
        kind = event.type()
        return (kind == QEvent.Type.Show or kind == QEvent.Type.Hide) and not event.spontaneous()


class ChartCanvas(QWidget):
    """Draws one ChartSpec. Emits the Mark under the mouse when hovered or clicked.

    It takes the keyboard focus: the arrow keys, Home and End pick marks as a click
    does (markClicked, in the order of :mod:`gzexplorer.charts.navigation`), Enter
    asks for the current mark's passage (markActivated), Escape clears the selection
    (selectionCleared). The current mark is the one the selection rings; its words are
    the canvas's accessible value (its description is the text alternative)."""

    markClicked = Signal(object)  # Mark
    markHovered = Signal(object)  # Mark or None
    markActivated = Signal(object)  # Mark: Enter on the current mark
    selectionCleared = Signal()  # Escape
    markAnnounced = Signal(str)  # the words of a mark reached by the keyboard
    currentMarkChanged = Signal()  # another mark (or none) is current: the focus follows

    KEYS = {
        Qt.Key.Key_Right: "next",
        Qt.Key.Key_Left: "previous",
        Qt.Key.Key_Home: "first",
        Qt.Key.Key_End: "last",
        Qt.Key.Key_Up: "up",
        Qt.Key.Key_Down: "down",
    }

    PLOT_LEAST = 120  # pixels: below, the labels around the plot would overlap it

    def __init__(self, style: ChartStyle | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("chartView")
        self.chart_style = style or ChartStyle()
        self.spec: ChartSpec | None = None
        self.renderer: Renderer | None = None  # of the spec's kind, as it drew the spec
        self._highlighted: set[tuple[str, str, int | None]] = set()
        self._current: navigation.Key | None = None  # the mark the keyboard is on
        self._current_words = ""
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)

        # at most two lines, then elided (the whole title in its tooltip)
        self.title = TitleLabel(objectName="chartTitle", max_lines=2)
        self.subtitle = WrappedLabel(objectName="chartSubtitle")
        self.legend = LegendLabel(objectName="chartLegend")
        self.footer = NotesLabel(objectName="chartFooter")
        for label in (self.title, self.subtitle, self.legend, self.footer):
            label.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
        self.subtitle.setTextFormat(Qt.TextFormat.PlainText)
        self.subtitle.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)

        self._axes: dict[tuple[type, str], pg.AxisItem] = {}  # made once, kept for redraws
        self.plot_widget = pg.PlotWidget()  # (keywords would go to plot(): an empty curve)
        self.plot_widget.setObjectName("chartPlot")
        # the canvas takes the focus for the chart (a click on the plot focuses it)
        self.plot_widget.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        # (and its viewport, which QGraphicsView makes focusable: an unnamed node that a
        # screen reader would offer beside the chart)
        self.plot_widget.viewport().setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.plot_widget.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.plot_widget.setMinimumHeight(self.PLOT_LEAST)
        self._scene_filter = _SceneStaysActive(self)
        self.plot_widget.viewport().installEventFilter(self._scene_filter)
        self.plot_item: pg.PlotItem = self.plot_widget.getPlotItem()
        self.plot_item.hideButtons()
        self.plot_item.setMenuEnabled(False)
        # the whole chart stays in view as the plot is resized (some of its room, such
        # as a line chart's annotation row, is counted in pixels), until zoomed or panned
        self._view_moved = False
        view_box = self.plot_item.getViewBox()
        view_box.sigRangeChangedManually.connect(self._on_view_moved)
        view_box.sigResized.connect(self._on_plot_resized)

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

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt naming)
        size = event.size()
        if self._share_height(size.width(), size.height()):
            self.layout().invalidate()  # laid out already (before this event): again
            self.layout().activate()
        super().resizeEvent(event)

    def _share_height(self, width: int, height: int) -> bool:
        """Where the canvas is too short for its words and the plot's least height, the
        words give way one after the other: the footer down to a line, the title to
        one line, the legend's long entries to a line each, the subtitle (whatever is
        shortened stays whole in its tooltip); the plot takes what is left, down to
        half its least height. True if that changed anything."""
        before = self._shortened()
        self.footer.set_max_lines(None)
        self.title.set_max_lines(2)
        self.legend.set_compact(False)
        self.subtitle.setVisible(True)
        self.plot_widget.setMinimumHeight(self.PLOT_LEAST)
        m = self.layout().contentsMargins()
        inner, room = width - m.left() - m.right(), height - m.top() - m.bottom()
        if inner <= 0 or room <= 0 or self.spec is None:
            return self._shortened() != before

        def over() -> int:
            return self._height_needed(inner) - room

        if over() > 0:
            lines = self.footer.count_lines(inner - _side_margins(self.footer))
            step = max(1, self.footer.fontMetrics().lineSpacing())
            self.footer.set_max_lines(max(1, lines - math.ceil(over() / step)))
        for give_way in (
            lambda: self.title.set_max_lines(1),
            lambda: self.legend.set_compact(True),
            lambda: self.subtitle.setVisible(False),
        ):
            if over() <= 0:
                break
            give_way()
        if over() > 0:
            least = max(self.PLOT_LEAST // 2, self.PLOT_LEAST - over())
            self.plot_widget.setMinimumHeight(least)
        return self._shortened() != before

    def _shortened(self) -> tuple:
        return (
            self.footer.max_lines,
            self.title.max_lines,
            self.legend.compact,
            self.subtitle.isHidden(),
            self.plot_widget.minimumHeight(),
        )

    def _height_needed(self, width: int) -> int:
        """The canvas's height for its words at ``width`` (inside its margins) and the
        plot's least height."""
        labels = (self.title, self.subtitle, self.legend, self.footer)
        shown = [w for w in labels if not w.isHidden()]
        spacing = self.layout().spacing()
        return (
            sum(w.heightForWidth(width) for w in shown)
            + spacing * (len(shown) + 2)  # between the items and the two spacers
            + 8  # the two spacers
            + self.plot_widget.minimumHeight()
        )

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

    def text_font(self, pt: float, weight=QFont.Weight.Normal) -> QFont:
        """The chart's font at ``pt`` points (scaled with the style)."""
        font = QFont(self.chart_style.font_family) if self.chart_style.font_family else QFont()
        font.setPointSizeF(self.chart_style.pt(pt))
        font.setWeight(weight)
        return font

    def _set_font(self, label: QLabel, pt: float, weight, color: str) -> None:
        label.setFont(self.text_font(pt, weight))
        label.setStyleSheet(f"color: {color}; background: transparent;")

    # -- drawing --------------------------------------------------------------------
    def show_spec(self, spec: ChartSpec) -> None:
        """Draw ``spec``, replacing whatever was drawn before."""
        self.spec = spec
        self.renderer = renderer = RENDERERS[spec.kind](self, spec)
        s = self.chart_style
        self.title.setText(spec.title)
        self.subtitle.setText(spec.subtitle)
        self.legend.set_entries(self._legend_entries(renderer))
        self.legend.setVisible(bool(renderer.legend_glyph))
        self.footer.set_parts(list(spec.notes), spec.source)
        self.setAccessibleName(spec.title)
        self._current = None  # (the mark a single ring is on stays current: a restyle)
        self._set_current_words("")
        if len(self._highlighted) == 1:
            self._go_to(next(iter(self._highlighted)))

        p = self.plot_item
        p.clear()
        p.setAxisItems({side: self._axis(kind, side) for side, kind in renderer.axes.items()})
        for name in ("left", "bottom"):
            axis = p.getAxis(name)
            axis.setPen(pg.mkPen(s.axis, width=s.pen(1)))
            axis.setTextPen(pg.mkPen(s.muted))
            axis.setStyle(tickFont=self.text_font(s.small_pt), tickLength=int(-5 * s.scale))
            axis.setGrid(0)
            axis.setLogMode(False)
            if isinstance(axis, CountAxis):
                axis.context = spec.context  # numbers written as the chart writes them
        label_style = {"color": s.muted, "font-size": f"{s.pt(s.small_pt):.1f}pt"}
        bottom, left = renderer.axis_labels()
        p.setLabel("bottom", escape(bottom), **label_style)  # pyqtgraph writes HTML
        p.setLabel("left", escape(left), **label_style)
        p.showAxis("left", renderer.left_axis)
        p.getAxis("left").setStyle(showValues=renderer.left_axis)
        renderer.draw()
        bottom_axis = p.getAxis("bottom")
        if isinstance(bottom_axis, YearAxis):  # its first and last year are labelled
            bottom_axis.set_years(_year_span(spec))
        self._draw_highlight()
        self._share_height(self.width(), self.height())
        self.reset_view()

    def _axis(self, kind: type[pg.AxisItem], side: str) -> pg.AxisItem:
        axis = self._axes.get((kind, side))
        if axis is None:
            axis = self._axes[(kind, side)] = kind(side)
        return axis

    def _legend_entries(self, renderer: Renderer) -> list[tuple[str, str, str]]:
        """The legend's entries: (glyph, colour, words) for each series, then the
        kind's own (render.labels.LegendLabel writes them as text, never as markup)."""
        entries = [renderer.legend_entry(sr) for sr in renderer.spec.series]
        return entries + renderer.legend_extra()

    def add_scatter(self, marks: list[Mark], xs, ys, color: str, symbol: str = "o", size=None):
        """Marks drawn as symbols at (xs, ys), each hovered (with its tooltip) and
        clicked on its own."""
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
            tip=lambda x, y, data: markup.plain(self.tooltip(data)),
            # the symbol cache renders at 1x and would be upscaled (blurred) in 2x/3x exports
            useCache=s.pixel_ratio == 1.0,
        )
        item.sigClicked.connect(self._on_scatter_clicked)
        item.sigHovered.connect(self._on_scatter_hovered)
        self.plot_item.addItem(item)
        return item

    # -- view -----------------------------------------------------------------------
    def reset_view(self) -> None:
        if self.renderer is None:
            return
        x_range, y_range = self.renderer.view_range()
        self.plot_item.getViewBox().setRange(xRange=x_range, yRange=y_range, padding=0)
        self._view_moved = False
        self.renderer.fit()

    def _on_view_moved(self, *_args) -> None:
        self._view_moved = True

    def _on_plot_resized(self, *_args) -> None:
        if not self._view_moved:
            self.reset_view()
        elif self.renderer is not None:
            self.renderer.fit()

    def highlight(self, refs: set[tuple[str, str, int | None]]) -> None:
        """Ring the marks whose (kind, id, year) is in ``refs``; empty clears. A single
        ringed mark becomes the current one (the keyboard goes on from it)."""
        self._highlighted = set(refs)
        self._draw_highlight()
        if len(refs) == 1:
            self._go_to(next(iter(refs)))
        elif self._current not in self._highlighted:
            self._go_to(None)

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
        if not self._highlighted or self.renderer is None:
            return [], []
        sparse = [m for m in self.renderer.marks if _key(m.ref) in self._highlighted]
        years: dict[str, list[int]] = {}
        for kind, series_id, year in self._highlighted:
            if kind == "point" and year is not None:
                years.setdefault(series_id, []).append(year)
        dense = []
        for series in self.renderer.dense:
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
        if not (sparse or any(len(hits) for _, hits in dense)):
            return
        s = self.chart_style
        anchors = [self.renderer.anchor(m) for m in sparse]
        xs = [x for x, _ in anchors]
        ys = [y for _, y in anchors]
        for series, hits in dense:
            xs = np.concatenate([xs, series.marks.xs[hits]])
            ys = np.concatenate([ys, series.marks.ys[hits]])
        drawn = np.isfinite(np.asarray(ys, dtype=float))  # a missing point has no place
        if not drawn.all():
            xs, ys = np.asarray(xs, dtype=float)[drawn], np.asarray(ys, dtype=float)[drawn]
            if not len(xs):
                return
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
        """What hovering ``mark`` shows: its words from the spec (charts/), so the
        window, the status bar and exports say the same."""
        return "" if mark is None else mark.tooltip

    def _on_scatter_clicked(self, item, points, ev) -> None:
        if len(points):
            self.markClicked.emit(points[0].data())

    def _on_scatter_hovered(self, item, points, ev) -> None:
        self.markHovered.emit(points[0].data() if len(points) else None)

    # -- the keyboard -----------------------------------------------------------------
    def keyPressEvent(self, event) -> None:  # noqa: N802 (Qt naming)
        how = self.KEYS.get(event.key())
        mods = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        if mods != Qt.KeyboardModifier.NoModifier or self.spec is None:
            super().keyPressEvent(event)
        elif how is not None:
            self.step(how)
        elif event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            mark = self.current_mark()
            if mark is not None:
                self.markActivated.emit(mark)
        elif event.key() == Qt.Key.Key_Escape and self._current is not None:
            self.selectionCleared.emit()
        else:
            super().keyPressEvent(event)

    def step(self, how: str) -> Mark | None:
        """Pick the mark that ``how`` (one of navigation.MOVES) leads to, as a click on
        it would; from the ringed marks of a passage, the first of them in order."""
        rows = navigation.mark_rows(self.spec)
        at = navigation.find(rows, self._current)
        if at is None and self._highlighted:
            found = [navigation.find(rows, k) for k in self._highlighted]
            found = [p for p in found if p is not None]
            if found:
                at, how = min(found), "stay"
        to = at if how == "stay" else navigation.move(rows, at, how)
        if to is None:
            return None
        mark = rows[to[0]][to[1]]
        self._go_to(navigation.key(mark))
        self.markClicked.emit(mark)
        self.markAnnounced.emit(self._current_words)
        return mark

    def current_mark(self) -> Mark | None:
        """The mark the keyboard is on (the selected one), or None."""
        rows = navigation.mark_rows(self.spec)
        at = navigation.find(rows, self._current)
        return None if at is None else rows[at[0]][at[1]]

    def current_key(self) -> navigation.Key | None:
        """(kind, id, year) of the mark the keyboard is on, or None."""
        return self._current

    def current_words(self) -> str:
        """What a screen reader says of the current mark ("" with none)."""
        return self._current_words

    def _go_to(self, wanted: navigation.Key | None) -> None:
        if wanted == self._current and (self._current_words or wanted is None):
            return
        rows = navigation.mark_rows(self.spec)
        at = navigation.find(rows, wanted)
        self._current = wanted if at is not None else None
        mark = None if at is None else rows[at[0]][at[1]]
        self._set_current_words("" if mark is None else navigation.words(mark, at, rows))

    def _set_current_words(self, words: str) -> None:
        """The current mark's words as the accessible value; the description stays the
        chart's text alternative. The accessible focus moves to the mark (or back to
        the chart) first, so that a screen reader does not also read the chart's change
        as news."""
        changed = words != self._current_words
        self._current_words = words
        self.setAccessibleDescription(self.spec.alt_text if self.spec is not None else "")
        if changed:
            self.currentMarkChanged.emit()
        if changed and QAccessible.isActive():
            QAccessible.updateAccessibility(QAccessibleValueChangeEvent(self, words))
        self.update()

    def focusInEvent(self, event) -> None:  # noqa: N802 (Qt naming)
        super().focusInEvent(event)
        self.update()

    def focusOutEvent(self, event) -> None:  # noqa: N802 (Qt naming)
        super().focusOutEvent(event)
        self.update()

    def paintEvent(self, event) -> None:  # noqa: N802 (Qt naming)
        """A frame round the chart while it has the keyboard focus."""
        super().paintEvent(event)
        if self.hasFocus():
            painter = QPainter(self)
            width = self.chart_style.px(2)
            painter.setPen(QPen(QColor(self.chart_style.highlight), width))
            painter.drawRect(QRectF(self.rect()).adjusted(width, width, -width, -width))

    def mark_scene_pos(self, mark: Mark) -> QPointF:
        """Where a mark is drawn, in plot-widget coordinates: a click there picks it
        (for tests and tools)."""
        x, y = self.renderer.hit_point(mark) if self.renderer else (mark.x, mark.y or 0.0)
        scene = self.plot_item.getViewBox().mapViewToScene(QPointF(x, y))
        return self.plot_widget.mapFromScene(scene)

    def drawn_marks(self) -> list[Mark]:
        """The marks drawn one by one (those of long series are looked up by year)."""
        return list(self.renderer.marks) if self.renderer else []


def _key(ref: Ref) -> tuple[str, str, int | None]:
    return (ref.kind, ref.id, ref.year)


def _side_margins(label: QLabel) -> int:
    m = label.contentsMargins()
    return m.left() + m.right()


def _year_span(spec: ChartSpec) -> tuple[int, int] | None:
    """The first and last year a chart with a year axis shows; None if it shows none."""
    ends = []
    for series in spec.series:
        xs = np.asarray(series.xy()[0], dtype=float)
        xs = xs[np.isfinite(xs)]
        if len(xs):
            ends += [xs.min(), xs.max()]
    return (int(round(min(ends))), int(round(max(ends)))) if ends else None
