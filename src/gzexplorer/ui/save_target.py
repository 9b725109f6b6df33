"""Where an export dialog writes, and how it says what happened: a file field with
Browse… (a save dialog that adds the file's suffix), starting in the folder of the last
export; a written file is announced (the window's live status shows it), a failure
is said by a box."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QWidget,
)

from gzexplorer.ui.accessibility import announce
from gzexplorer.ui.settings import Settings

FOLDER_KEY = "export/folder"


class SaveTarget(QWidget):
    """The file field (``edit``) and its Browse… button."""

    def __init__(
        self, settings: Settings, title: str, object_name: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.settings, self.title = settings, title
        self.file_filter, self.suffix = "", ""
        self.edit = QLineEdit(objectName=object_name)
        self.edit.setMinimumWidth(360)
        browse = QPushButton(self.tr("Browse…"))
        browse.clicked.connect(self._browse)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.edit, 1)
        row.addWidget(browse)

    def set_kind(self, file_filter: str, suffix: str) -> None:
        """What the save dialog offers ("PDF files (*.pdf)") and the suffix (".pdf")."""
        self.file_filter, self.suffix = file_filter, suffix

    def suggest(self, stem: str) -> None:
        """``stem`` and the suffix, in the folder of the file shown, else the last export's."""
        current = self.edit.text()
        folder = self.settings.get(FOLDER_KEY, str, str(Path.home()))
        base = Path(current).parent if current else Path(folder)
        self.edit.setText(str(base / f"{stem}{self.suffix}"))

    def stem(self) -> str:
        return Path(self.edit.text()).stem

    def path(self) -> Path:
        return Path(self.edit.text()).expanduser()

    def remember(self) -> None:
        """The folder written to is where the next export starts."""
        self.settings.set(FOLDER_KEY, str(self.path().parent))

    def _browse(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.title, self.edit.text(), self.file_filter)
        if path:
            if self.suffix and not path.lower().endswith(self.suffix):
                path += self.suffix
            self.edit.setText(path)


def say_written(dialog: QDialog, message: str) -> None:
    """A file is written: announced, so shown by the window's live status (in its status
    bar, whose own message of the work, "Writing the brief…", is done)."""
    window = dialog.parent()
    if window is not None and hasattr(window, "statusBar"):
        window.statusBar().clearMessage()
    announce(window or dialog, message)


def say_failed(dialog: QDialog, title: str, message: str) -> None:
    """A file is not written: a box over the dialog, which stays. Not announced too: a
    screen reader reads the box (an alert), and would say the message twice."""
    QMessageBox.critical(dialog, title, message)
