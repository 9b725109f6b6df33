"""The window's centre column: the chart panel (attached once the chart modules are
imported; a "Loading charts…" line until then, and for a theme until its data is
checked) over the figure cards."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from gzexplorer.ui.figure_cards import FigureCards
from gzexplorer.ui.pages import Pages

if TYPE_CHECKING:
    from gzexplorer.charts.spec import ChartSpec
    from gzexplorer.ui.chart_panel import ChartPanel
    from gzexplorer.ui.settings import Settings


class ChartColumn(QWidget):
    attached = Signal(object)  # the ChartPanel, once the charts can be drawn

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, objectName="centre")
        self.panel: ChartPanel | None = None
        self.loading = QLabel(self.tr("Loading charts…"), objectName="chartsLoading")
        self.loading.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.nothing = QLabel(objectName="nothingToChart")  # a view without charts
        self.nothing.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.nothing.setWordWrap(True)
        self.nothing.setMargin(24)
        self.stack = Pages(objectName="chartStack")
        self.stack.addWidget(self.loading)
        self.stack.addWidget(self.nothing)
        self.cards = FigureCards()
        self._retranslate_own()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.stack, 1)
        layout.addWidget(self.cards)

    def _retranslate_own(self) -> None:
        self.loading.setText(self.tr("Loading charts…"))
        self.nothing.setText(
            self.tr(
                "Nothing to chart here: no series of numbers, no group of figures to "
                "compare and no dated events. The passages are on the right."
            )
        )

    def retranslate(self) -> None:
        self._retranslate_own()
        self.cards.retranslate()
        if self.panel is not None:
            self.panel.retranslate()

    def attach_charts(self, dark: bool) -> ChartPanel:
        from gzexplorer.ui.chart_panel import ChartPanel

        self.panel = ChartPanel(dark=dark)
        self.stack.addWidget(self.panel)
        self.stack.setCurrentWidget(self.panel)
        self.attached.emit(self.panel)
        return self.panel

    def show_charts(self, specs: list[ChartSpec] | None, index: int = 0) -> None:
        """Show ``specs`` from the ``index``-th; None: they cannot be drawn yet (the
        loading line, until the data for them is there); none: a line that says so,
        without an empty plot and its buttons."""
        if specs is None or self.panel is None:
            self.stack.setCurrentWidget(self.loading)
            return
        if not specs:
            self.panel.set_charts([])  # nothing kept of the last view's charts
            self.stack.setCurrentWidget(self.nothing)
            return
        self.panel.set_charts(specs, index)
        self.stack.setCurrentWidget(self.panel)

    @property
    def canvas(self):
        return self.panel.canvas if self.panel is not None else None

    def current_chart(self) -> ChartSpec | None:
        """The chart on screen (None while the loading line is shown)."""
        if self.panel is None or self.stack.currentWidget() is not self.panel:
            return None
        return self.panel.current_spec()

    def set_table_page(self, on: bool) -> None:
        if self.panel is not None:
            self.panel.set_page(1 if on else 0)

    def set_description_shown(self, on: bool) -> None:
        """The chart's description in words under the chart, or only for screen readers
        (the canvas's accessible description)."""
        if self.panel is not None:
            self.panel.show_description(on)

    def reset_view(self) -> None:
        if self.panel is not None:
            self.panel.reset_view()

    def step_chart(self, step: int) -> None:
        if self.panel is not None and (n := len(self.panel.charts())):
            self.panel.set_current((self.panel.current_index() + step) % n)

    def export(self, settings: Settings) -> None:
        from gzexplorer.ui.export_dialog import ExportDialog

        if (spec := self.current_chart()) is not None:
            ExportDialog(spec, self.canvas.chart_style, settings, self.window()).open()

    def copy_image(self) -> bool:
        """The chart on the clipboard as an image, at twice its size on screen."""
        from gzexplorer.render.export import render_image

        if (spec := self.current_chart()) is None:
            return False
        size = self.canvas.size()
        QGuiApplication.clipboard().setImage(render_image(spec, size.width(), size.height(), 2.0))
        return True
