"""Two-stage start: paint the window's shell first, then load data and charts.

The shell (sidebar, passages) comes from a standard-library preview of the pack;
pandas, pyqtgraph and the checked Dataset are loaded in a background thread after
the first paint, so the event loop never waits for them.
"""

from __future__ import annotations

import contextlib
import threading
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtWidgets import QWidget

from gzexplorer.charts.context import ENGLISH, ChartContext


class PackLoader(QObject):
    """Loads in a thread, first the chart modules (pyqtgraph: ``chartsImportable``, and
    the window draws the Overview's timeline from the preview), then the checked
    Dataset (pandas: ``loaded`` or ``failed``). The signals arrive in the GUI thread."""

    chartsImportable = Signal()
    loaded = Signal(object)  # Dataset
    failed = Signal(object)  # DataPackError

    def __init__(
        self, path: str | Path, context: ChartContext = ENGLISH, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.path = path
        self.context = context  # the first view's charts are worded for it
        self.thread: threading.Thread | None = None
        self._charts_imported = False

    def start(self) -> None:
        self.thread = threading.Thread(target=self._work, name="pack-loader", daemon=True)
        self.thread.start()

    def _work(self) -> None:
        if not self._charts_imported:
            import gzexplorer.ui.chart_panel  # noqa: F401  (and pyqtgraph, render.canvas)

            self._charts_imported = True
            self.chartsImportable.emit()
        from gzexplorer.model import DataPackError, load

        try:
            dataset = load(self.path)
        except DataPackError as exc:
            self.failed.emit(exc)
            return
        from gzexplorer.charts import OVERVIEW, charts_for

        # the first view's specs: plain data, made off the GUI thread (if that fails,
        # the window builds them again and its error hook reports why)
        with contextlib.suppress(Exception):
            charts_for(dataset, OVERVIEW, self.context)
        self.loaded.emit(dataset)


class FirstPaint(QObject):
    """Calls ``callback`` once, right after ``widget``'s first paint."""

    def __init__(self, widget: QWidget, callback) -> None:
        super().__init__(widget)
        self._callback = callback
        self._done = False
        widget.installEventFilter(self)

    def eventFilter(self, obj, event) -> bool:  # noqa: N802
        if not self._done and event.type() == QEvent.Type.Paint:
            self._done = True
            obj.removeEventFilter(self)
            QTimer.singleShot(0, self._callback)
        return False
