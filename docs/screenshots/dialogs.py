"""The README's pictures of dialogs (Cite…), as a user opens them from the window:
`.venv/bin/python docs/screenshots/dialogs.py`, headless (make.sh runs it)."""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication, QDialog

from gzexplorer import model, paths
from gzexplorer.ui.application import dispose
from gzexplorer.ui.main_window import MainWindow

OUT = Path(__file__).resolve().parent


def settle() -> None:
    for _ in range(40):
        QApplication.processEvents()


def main() -> int:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    with tempfile.TemporaryDirectory() as tmp:
        settings = QSettings(str(Path(tmp) / "settings.ini"), QSettings.Format.IniFormat)
        window = MainWindow(model.load(paths.builtin_pack()), settings)
        window.resize(1440, 900)
        window.show_view("economy")
        window.show()
        settle()
        window.column.panel.cite_button.click()  # as a user does: Cite… on the chart
        settle()
        dialog = next(w for w in app.topLevelWidgets() if isinstance(w, QDialog) and w.isVisible())
        dialog.grab().save(str(OUT / "cite.png"))
        dialog.close()
        dispose(window)
    return 0


if __name__ == "__main__":
    sys.exit(main())
