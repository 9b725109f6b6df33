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
    """Loads a pack in a thread; ``loaded``/``failed`` arrive in the GUI thread."""

    loaded = Signal(object)  # Dataset
    failed = Signal(object)  # DataPackError

    def __init__(
        self, path: str | Path, context: ChartContext = ENGLISH, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.path = path
        self.context = context  # the first view's charts are worded for it
        self.thread: threading.Thread | None = None

    def start(self) -> None:
        # the charts' imports (Qt side, pyqtgraph) in a second thread: the two overlap
        # where neither holds the interpreter lock (loading libraries, reading files)
        self._chart_imports = threading.Thread(
            target=_import_chart_modules, name="chart-imports", daemon=True
        )
        self._chart_imports.start()
        self.thread = threading.Thread(target=self._work, name="pack-loader", daemon=True)
        self.thread.start()

    def _work(self) -> None:
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
        self._chart_imports.join()
        self.loaded.emit(dataset)


def _import_chart_modules() -> None:
    import gzexplorer.render.canvas  # noqa: F401
    import gzexplorer.ui.chart_panel  # noqa: F401


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
