"""The centre of the window: chart picker, chart or table, and chart actions."""

from __future__ import annotations

from collections import OrderedDict

from PySide6.QtCore import QSize, QSortFilterProxyModel, Qt, Signal
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QMenu,
    QTabBar,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from gzexplorer import markup
from gzexplorer.charts.spec import ChartSpec
from gzexplorer.markup import no_mnemonic
from gzexplorer.render.canvas import ChartCanvas
from gzexplorer.render.labels import WrappedLabel
from gzexplorer.render.style import ChartStyle
from gzexplorer.ui.pages import Pages
from gzexplorer.ui.table_model import ChartTableModel

MAX_CANVASES = 24  # drawn charts kept for instant switching (least recently used go)


class ChartTabs(QTabBar):
    """The chart tabs: each at most about forty characters wide, and where they do not
    all fit, the longest give way first, down to an equal share of the bar (Qt elides
    the titles to the width a tab gets)."""

    MAX_CHARS = 40

    def tabSizeHint(self, index: int) -> QSize:  # noqa: N802 (Qt naming)
        size = super().tabSizeHint(index)
        padding = size.width() - self.fontMetrics().horizontalAdvance(self.tabText(index))
        return QSize(min(size.width(), self._widest(padding)), size.height())

    def _widest(self, padding: int) -> int:
        """The widest a tab may be, given the room around a tab's text."""
        fm = self.fontMetrics()
        cap = fm.averageCharWidth() * self.MAX_CHARS
        # (measured from the texts: Qt's hint for another tab is not safe to ask for
        # while a tab is being added)
        widths = sorted(
            min(fm.horizontalAdvance(self.tabText(i)) + padding, cap) for i in range(self.count())
        )
        room = self.width()
        if room <= 0:  # not laid out yet
            return cap
        for k, width in enumerate(widths):  # the narrow ones whole, the rest share
            share = room // (len(widths) - k)
            if width > share:
                return share
            room -= width
        return cap


class ChartPanel(QWidget):
    """Chart tabs over a stack of drawn charts: each chart is drawn once and kept,
    so switching themes or charts shows a finished canvas instead of redrawing."""

    chartChanged = Signal(int)
    exportRequested = Signal()
    citeRequested = Signal()
    markClicked = Signal(object)
    markHovered = Signal(object)
    markActivated = Signal(object)  # Enter on a chart's mark: its passage, please
    selectionCleared = Signal()  # Escape on the chart
    markAnnounced = Signal(str)  # the words of a mark reached by the keyboard
    currentMarkChanged = Signal(object)  # the canvas whose current mark changed

    def __init__(self, parent: QWidget | None = None, dark: bool = False) -> None:
        super().__init__(parent)
        self.setObjectName("chartPanel")
        self._specs: list[ChartSpec] = []
        self._hidden_series: dict[str, set[str]] = {}
        self._partial_specs: dict[tuple[int, frozenset[str], bool], ChartSpec] = {}
        self._log_charts: set[str] = set()  # ids of the charts the user put on a log scale

        self.tabs = ChartTabs(objectName="chartTabs")
        self.tabs.setExpanding(False)
        self.tabs.setDocumentMode(True)
        self.tabs.setUsesScrollButtons(True)
        # a tab holds the chart's whole title, shortened in the middle where the tabs
        # need the room (whole in its tooltip); only then do they scroll
        self.tabs.setElideMode(Qt.TextElideMode.ElideMiddle)
        self.tabs.currentChanged.connect(self._on_tab)

        # the chart or its data: one switch with two states, pressed for the table
        self.table_button = self._tool(checkable=True)
        self.table_button.setObjectName("tableButton")
        self.table_button.toggled.connect(lambda on: self.set_page(1 if on else 0))

        self.series_menu = QMenu(self)
        self.series_button = self._tool()
        self.series_button.setMenu(self.series_menu)
        self.series_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.series_button.setObjectName("seriesButton")
        self.log_button = self._tool(checkable=True)
        self.log_button.setObjectName("logButton")
        self.log_button.toggled.connect(self.set_log_scale)
        self.reset_button = self._tool()
        self.reset_button.clicked.connect(self.reset_view)
        self.export_button = self._tool()
        self.export_button.setObjectName("exportButton")
        self.export_button.clicked.connect(self.exportRequested)
        self.cite_button = self._tool()
        self.cite_button.setObjectName("citeButton")
        self.cite_button.clicked.connect(self.citeRequested)
        self.description_button = self._tool(checkable=True)
        self.description_button.setObjectName("descriptionButton")
        self.description_button.toggled.connect(self.show_description)

        tabs_row = QHBoxLayout()
        tabs_row.setContentsMargins(8, 6, 8, 0)
        tabs_row.addWidget(self.tabs, 1)
        bar = QHBoxLayout()
        bar.setContentsMargins(8, 2, 8, 0)
        bar.setSpacing(4)
        bar.addWidget(self.table_button)
        bar.addStretch(1)
        for w in (
            self.description_button,
            self.series_button,
            self.log_button,
            self.reset_button,
            self.export_button,
            self.cite_button,
        ):
            bar.addWidget(w)

        self.chart_style = ChartStyle(dark=dark)
        self._canvases: OrderedDict[tuple, tuple[ChartSpec, ChartCanvas]] = OrderedDict()
        self.canvas_stack = Pages(objectName="chartCanvases")
        self.canvas: ChartCanvas | None = None  # the one on screen; made with the first chart
        self.table_model = ChartTableModel(self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.table_model)
        self.proxy.setSortRole(Qt.ItemDataRole.EditRole)
        self.table = QTableView(objectName="dataTable")
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(-1, Qt.SortOrder.AscendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().setVisible(False)
        self.table.setTabKeyNavigation(False)  # one Tab stop: the arrow keys move inside
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        copy = QAction(self.table)
        copy.setShortcut(QKeySequence.StandardKey.Copy)
        copy.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        copy.triggered.connect(self.copy_table_selection)
        self.table.addAction(copy)

        self.stack = Pages()
        self.stack.addWidget(self.canvas_stack)
        self.stack.addWidget(self.table)
        # the chart's text alternative, generated from its data: always the canvas's
        # accessible description, and on screen under the chart when asked for
        self.description = WrappedLabel(objectName="chartDescription")
        self.description.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.description.setContentsMargins(18, 4, 18, 6)
        self.description.setVisible(False)
        self._copy_action = copy
        self.retranslate()

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addLayout(tabs_row)
        layout.addLayout(bar)
        layout.addWidget(self.stack, 1)
        layout.addWidget(self.description)

    def retranslate(self) -> None:
        for button, text, tip in (
            (
                self.table_button,
                self.tr("Table"),
                self.tr("Show the chart's data as a table instead of the chart (Ctrl+T)"),
            ),
            (self.series_button, self.tr("Series"), self.tr("Choose the series shown")),
            (
                self.log_button,
                self.tr("Log scale"),
                self.tr("Show the values on a logarithmic scale (powers of ten)"),
            ),
            (
                self.reset_button,
                self.tr("Reset view"),
                self.tr("Zoom and pan back to the whole chart"),
            ),
            (
                self.export_button,
                self.tr("Export…"),
                self.tr("Export this chart as PNG, SVG or CSV"),
            ),
            (
                self.cite_button,
                self.tr("Cite…"),
                self.tr("How to cite this chart and the document"),
            ),
            (
                self.description_button,
                self.tr("Description"),
                self.tr("Show a description of the chart in words"),
            ),
        ):
            button.setText(text)
            button.setToolTip(tip)
            button.setAccessibleName(text.rstrip("…"))
            button.setAccessibleDescription(tip)
        self.tabs.setAccessibleName(self.tr("Charts of this theme"))
        self.table.setAccessibleName(self.tr("Data of the chart"))
        self._copy_action.setText(self.tr("Copy"))
        # (the description under the chart is read as it reads: no name hides it)

    def _tool(self, checkable: bool = False) -> QToolButton:
        b = QToolButton(self)
        b.setCheckable(checkable)
        b.setAutoRaise(True)
        b.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        return b

    # -- charts ---------------------------------------------------------------------
    def set_charts(self, specs: list[ChartSpec], index: int = 0) -> None:
        self._specs = list(specs)
        self._partial_specs = {}  # (id of a spec, hidden series, log) -> the spec as shown
        self.tabs.blockSignals(True)
        while self.tabs.count():
            self.tabs.removeTab(0)
        for spec in specs:
            i = self.tabs.addTab(no_mnemonic(spec.title))
            self.tabs.setTabToolTip(i, markup.plain(spec.title))
        self.tabs.blockSignals(False)
        index = max(0, min(index, len(specs) - 1))
        self.tabs.setCurrentIndex(index)
        self._show(index)

    def canvases(self) -> list[ChartCanvas]:
        """The drawn charts kept (one of them on screen)."""
        return [canvas for _spec, canvas in self._canvases.values()]

    def charts(self) -> list[ChartSpec]:
        return list(self._specs)

    def current_index(self) -> int:
        return self.tabs.currentIndex()

    def set_current(self, index: int) -> None:
        if 0 <= index < len(self._specs):
            self.tabs.setCurrentIndex(index)

    def current_spec(self) -> ChartSpec | None:
        """The chart as shown: with the series the user hid left out, on the scale
        the user chose."""
        i = self.tabs.currentIndex()
        if not 0 <= i < len(self._specs):
            return None
        spec = self._specs[i]
        hidden = frozenset(self._hidden_series.get(spec.id, ()))
        log = spec.id in self._log_charts and spec.can_log
        if not hidden and not log:
            return spec
        # the same object for the same choice, so that its kept canvas is found again
        key = (id(spec), hidden, log)
        if key not in self._partial_specs:
            shown = spec.with_series({s.id for s in spec.series} - hidden) if hidden else spec
            self._partial_specs[key] = shown.on_log_scale() if log else shown
        return self._partial_specs[key]

    def set_log_scale(self, on: bool) -> None:
        """The current chart on a logarithmic scale, or back on a linear one; each
        chart keeps its choice."""
        i = self.tabs.currentIndex()
        if not 0 <= i < len(self._specs):
            return
        chart_id = self._specs[i].id
        if on == (chart_id in self._log_charts):
            return
        if on:
            self._log_charts.add(chart_id)
        else:
            self._log_charts.discard(chart_id)
        self._show(i)

    def _on_tab(self, index: int) -> None:
        self._show(index)
        self.chartChanged.emit(index)

    def _show(self, index: int) -> None:
        spec = self.current_spec()
        self._fill_series_menu()
        self.log_button.setVisible(spec is not None and spec.can_log)
        self.log_button.blockSignals(True)
        self.log_button.setChecked(spec is not None and spec.log_scale)
        self.log_button.blockSignals(False)
        if spec is None:  # a view without charts: an empty canvas, not the last chart
            self.description.setText("")
            self.canvas = self._canvas_for(None)
            self.canvas_stack.setCurrentWidget(self.canvas)
            self._fill_table()
            return
        self._display(spec)

    def _fill_series_menu(self) -> None:
        self.series_menu.clear()
        i = self.tabs.currentIndex()
        spec = self._specs[i] if 0 <= i < len(self._specs) else None
        multi = spec is not None and spec.kind == "line" and len(spec.series) > 1
        self.series_button.setVisible(multi)
        if not multi:
            return
        hidden = self._hidden_series.setdefault(spec.id, set())
        for s in spec.series:
            action = self.series_menu.addAction(no_mnemonic(s.name))
            action.setCheckable(True)
            action.setChecked(s.id not in hidden)
            action.toggled.connect(lambda on, sid=s.id: self.set_series_visible(sid, on))

    def set_series_visible(self, series_id: str, visible: bool) -> None:
        i = self.tabs.currentIndex()
        spec = self._specs[i]
        hidden = self._hidden_series.setdefault(spec.id, set())
        if visible:
            hidden.discard(series_id)
        elif len(hidden) + 1 < len(spec.series):  # keep at least one series
            hidden.add(series_id)
        self._display(self.current_spec())
        self._fill_series_menu()

    def drop_kept_charts(self) -> None:
        """Forget every drawn chart (another pack's charts are coming)."""
        while self._canvases:
            _, (_, old) = self._canvases.popitem(last=False)
            self.canvas_stack.removeWidget(old)
            old.deleteLater()
        self.canvas = None

    def _canvas_for(self, spec: ChartSpec | None) -> ChartCanvas:
        """The canvas that shows ``spec`` (drawn now if it is not kept yet)."""
        key = (id(spec), tuple(sr.id for sr in spec.series) if spec is not None else ())
        if key in self._canvases:
            self._canvases.move_to_end(key)
            return self._canvases[key][1]
        canvas = ChartCanvas(self.chart_style)
        canvas.markClicked.connect(self.markClicked)
        canvas.markHovered.connect(self.markHovered)
        canvas.markActivated.connect(self.markActivated)
        canvas.selectionCleared.connect(self.selectionCleared)
        canvas.markAnnounced.connect(self.markAnnounced)
        canvas.currentMarkChanged.connect(lambda: self.currentMarkChanged.emit(canvas))
        self.canvas_stack.addWidget(canvas)  # parented first: never left half-built and loose
        # in the Tab order where it is on screen: after the chart's buttons
        QWidget.setTabOrder(self.cite_button, canvas)
        if spec is not None:
            try:
                canvas.show_spec(spec)
            except Exception:
                self.canvas_stack.removeWidget(canvas)
                canvas.deleteLater()
                raise
        self._canvases[key] = (spec, canvas)  # the spec is held, so its id stays unique
        while len(self._canvases) > MAX_CANVASES:
            _, (_, old) = self._canvases.popitem(last=False)
            self.canvas_stack.removeWidget(old)
            old.deleteLater()
        return canvas

    def _display(self, spec: ChartSpec) -> None:
        self.description.setText(spec.alt_text)
        if self.canvas is not None:
            self.canvas.highlight(set())
        self.canvas = self._canvas_for(spec)
        self.canvas.highlight(set())
        self.canvas_stack.setCurrentWidget(self.canvas)
        self._fill_table()

    def _fill_table(self) -> None:
        """The table follows the chart on screen; it is filled only while it is shown
        (a chart of many points would otherwise re-map the table on every switch)."""
        spec = self.current_spec() if self.showing_table() else None
        self.table_model.set_chart(spec)

    def set_chart_style(self, style: ChartStyle) -> None:
        self.chart_style = style
        for _spec, canvas in self._canvases.values():
            canvas.apply_style(style)

    # -- page, view, table ------------------------------------------------------------
    def set_page(self, page: int) -> None:
        self.stack.setCurrentIndex(page)
        self._fill_table()
        self.table_button.setChecked(bool(page))

    def show_description(self, on: bool) -> None:
        """The chart's text alternative on screen under the chart (or the table)."""
        self.description_button.setChecked(on)
        self.description.setVisible(on)

    def showing_table(self) -> bool:
        return self.stack.currentIndex() == 1

    def reset_view(self) -> None:
        if self.canvas is not None:
            self.canvas.reset_view()

    def copy_table_selection(self) -> None:
        """Copy the selected cells as tab-separated text (with a header row)."""
        sel = self.table.selectionModel().selectedIndexes()
        if not sel:
            return
        rows = sorted({i.row() for i in sel})
        cols = sorted({i.column() for i in sel})
        model = self.table.model()
        lines = ["\t".join(str(model.headerData(c, Qt.Orientation.Horizontal)) for c in cols)]
        for r in rows:
            lines.append("\t".join(str(model.index(r, c).data() or "") for c in cols))
        QGuiApplication.clipboard().setText("\n".join(lines))
