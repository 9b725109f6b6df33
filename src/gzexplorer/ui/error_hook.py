"""Unexpected errors in the GUI: logged, shown in a dialog, and the app keeps running.

The hook is installed before the window's first paint; what it needs to log and show
a report is imported when the first error comes (see docs/performance.md).
"""

from __future__ import annotations

import sys
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication

from gzexplorer import __version__


def log_folder() -> Path:
    """The user's state folder for gzexplorer (Qt's StateLocation, which on Linux is
    ~/.local/state/<organisation>/<application>, i.e. ~/.local/state/gzexplorer/gzexplorer)."""
    from PySide6.QtCore import QStandardPaths

    base = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.StateLocation)
    return Path(base or Path.home() / ".local" / "state" / "gzexplorer")


def log_path() -> Path:
    return log_folder() / "gzexplorer.log"


MAX_LOG_BYTES = 1_000_000  # then gzexplorer.log becomes gzexplorer.log.1, and so on
LOG_BACKUPS = 3


def write_log(details: str) -> Path | None:
    """Append a report to the log, which rotates (at most MAX_LOG_BYTES a file, and
    LOG_BACKUPS older files); None if even that fails (disk full, read-only)."""
    import logging
    from logging.handlers import RotatingFileHandler

    class Handler(RotatingFileHandler):
        def handleError(self, record: logging.LogRecord) -> None:  # noqa: N802
            raise  # the OSError being handled: write_log returns None

    path = log_path()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handler = Handler(
            path, maxBytes=MAX_LOG_BYTES, backupCount=LOG_BACKUPS, encoding="utf-8", delay=True
        )
        handler.setFormatter(logging.Formatter("--- %(asctime)s ---\n%(message)s"))
        try:
            handler.emit(logging.makeLogRecord({"msg": details, "levelno": logging.ERROR}))
        finally:
            handler.close()
    except OSError:
        return None
    return path


class ErrorHook:
    """A sys.excepthook for the GUI. ``dialogs=False`` only logs (for tests)."""

    def __init__(self, dialogs: bool = True) -> None:
        self.dialogs = dialogs
        self.last_details = ""
        self.last_log: Path | None = None
        self._showing = False
        self._previous = sys.excepthook

    def install(self) -> ErrorHook:
        sys.excepthook = self
        return self

    def uninstall(self) -> None:
        if sys.excepthook is self:
            sys.excepthook = self._previous

    def __call__(self, kind: type[BaseException], value: BaseException, tb: TracebackType | None):
        if issubclass(kind, KeyboardInterrupt):
            QCoreApplication.quit()
            return
        import traceback

        details = f"gzexplorer {__version__}, Python {sys.version.split()[0]}\n" + "".join(
            traceback.format_exception(kind, value, tb)
        )
        self.last_details = details
        self.last_log = write_log(details)
        sys.stderr.write(details)
        if self.dialogs and not self._showing and QApplication.instance() is not None:
            self._showing = True  # one dialog at a time, even if errors repeat
            try:
                self._dialog(value, details)
            finally:
                self._showing = False

    def _dialog(self, value: BaseException, details: str) -> None:
        import re

        from PySide6.QtGui import QGuiApplication
        from PySide6.QtWidgets import QMessageBox, QPushButton

        box = QMessageBox(QApplication.activeWindow())
        box.setObjectName("errorDialog")
        box.setIcon(QMessageBox.Icon.Critical)
        box.setWindowTitle(QCoreApplication.translate("ErrorHook", "Something went wrong"))
        box.setText(
            QCoreApplication.translate(
                "ErrorHook", "gzexplorer hit an unexpected problem and carried on."
            )
        )
        where = (
            str(self.last_log)
            if self.last_log
            else QCoreApplication.translate("ErrorHook", "(the log could not be written)")
        )
        try:
            text = str(value)
        except Exception:  # an exception whose str() itself fails still gets its dialog
            text = "<exception str() failed>"
        summary = f"{type(value).__name__}: {text}"[:300]
        template = QCoreApplication.translate("ErrorHook", "%1\n\nThe details were written to %2.")
        values = {"1": summary, "2": where}  # one pass: a "%2" inside the error stays as is
        box.setInformativeText(re.sub(r"%([12])", lambda m: values[m.group(1)], template))
        box.setDetailedText(details)
        copy = QPushButton(QCoreApplication.translate("ErrorHook", "Copy details"))
        box.addButton(copy, QMessageBox.ButtonRole.ActionRole)
        copy.clicked.disconnect()
        copy.clicked.connect(lambda: QGuiApplication.clipboard().setText(details))
        box.addButton(QMessageBox.StandardButton.Close)
        box.exec()
