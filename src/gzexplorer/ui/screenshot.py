"""Rendering the real main window at a view to a PNG, headless."""

from __future__ import annotations

import tempfile
from pathlib import Path

from PySide6.QtCore import QEventLoop, QSettings, QTimer
from PySide6.QtWidgets import QApplication

from gzexplorer import charts
from gzexplorer.files import write_bytes
from gzexplorer.model import Dataset
from gzexplorer.render.export import ExportError, png_bytes
from gzexplorer.ui.application import dispose
from gzexplorer.ui.item_models import ExcerptListModel


def screenshot(
    dataset: Dataset,
    view_id: str,
    out: str | Path,
    width: int = 1440,
    height: int = 900,
    language: str = "en",
    scheme: str = "light",
    table: bool = False,
) -> Path:
    """The window at ``view_id`` as a PNG (``table``: the chart's Table view)."""
    views = [v for v, _ in charts.views(dataset)]
    if view_id not in views:
        raise ExportError(f"unknown theme {view_id!r}; choose one of {', '.join(views)}")
    if not (400 <= width <= 7680 and 300 <= height <= 4320):
        raise ExportError(f"size {width}x{height} is out of range (400x300 to 7680x4320)")
    from gzexplorer.ui.main_window import MainWindow

    with tempfile.TemporaryDirectory() as tmp:  # leave the user's settings alone
        settings = QSettings(str(Path(tmp) / "settings.ini"), QSettings.Format.IniFormat)
        settings.setValue("ui/language", language)
        settings.setValue("ui/scheme", scheme)
        settings.setValue("view/table", table)
        window = MainWindow(dataset, settings)
        try:
            window.resize(width, height)
            window.show_view(view_id)
            window.show()
            for _ in range(40):  # let batched layouts (the passages) finish
                QApplication.processEvents()
            settle = QEventLoop()  # then what idle time adds: the passages' linked numbers
            QTimer.singleShot(2 * ExcerptListModel.FIND_AFTER_MS, settle.quit)
            settle.exec()
            QApplication.processEvents()
            image = window.grab().toImage()
            return write_bytes(out, png_bytes(image))
        finally:
            dispose(window)
