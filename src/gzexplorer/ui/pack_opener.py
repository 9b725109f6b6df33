"""Opening another data pack: from File › Open, a drop on the window or a path. A bad
pack is explained (every problem, as ``gzexplorer validate`` prints it) and the pack
already open stays open."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from gzexplorer.ui.dialogs import Dialogs
from gzexplorer.ui.settings import Settings


class PackOpener(QObject):
    opened = Signal(object)  # the checked Dataset

    def __init__(self, parent: QWidget, settings: Settings, dialogs: Dialogs) -> None:
        super().__init__(parent)
        self.parent_widget = parent
        self.settings = settings
        self.dialogs = dialogs

    def open(self, path: str | Path) -> bool:
        """Load the pack at ``path``; False (with the problems shown) if it is bad."""
        from gzexplorer.model import DataPackError, load

        try:
            dataset = load(path)
        except DataPackError as exc:
            self.dialogs.pack_problems(str(path), exc)
            return False
        self.settings.set("data/lastFolder", str(Path(path)))
        self.opened.emit(dataset)
        return True

    def choose(self) -> None:
        """File › Open data pack…: a folder chosen by the user."""
        start = self.settings.get("data/lastFolder", str, str(Path.home()))
        folder = QFileDialog.getExistingDirectory(
            self.parent_widget, self.tr("Open data pack"), start
        )
        if folder:
            self.open(folder)

    def choose_file(self) -> None:
        """File › Open pack file…: a .zip of a pack or a datapackage.json."""
        start = self.settings.get("data/lastFolder", str, str(Path.home()))
        path, _ = QFileDialog.getOpenFileName(
            self.parent_widget,
            self.tr("Open data pack file"),
            start,
            self.tr("Data packs (*.zip datapackage.json);;All files (*)"),
        )
        if path:
            self.open(path)

    def save_as(self, dataset) -> None:
        """File › Save pack as…: the open pack's files as one .zip, written atomically."""
        from gzexplorer.files import WriteError, atomic_write
        from gzexplorer.model.packzip import write_zip

        start = str(Path.home() / f"{dataset.info.name or 'pack'}.gzpack.zip")
        path, _ = QFileDialog.getSaveFileName(
            self.parent_widget,
            self.tr("Save data pack as"),
            start,
            self.tr("Data pack zip (*.gzpack.zip *.zip)"),
        )
        if not path:
            return
        if not path.lower().endswith(".zip"):
            path += ".gzpack.zip"
        try:
            atomic_write(path, lambda f: write_zip(Path(dataset.folder), f))
        except WriteError as exc:
            QMessageBox.warning(self.parent_widget, self.tr("Cannot save the data pack"), str(exc))

    @staticmethod
    def dropped(event) -> Path | None:
        """A folder, datapackage.json or .zip among the dropped URLs, if any."""
        mime = event.mimeData()
        if not mime.hasUrls():
            return None
        for url in mime.urls():
            if url.isLocalFile():
                p = Path(url.toLocalFile())
                if p.is_dir() or p.name.endswith((".json", ".zip")):
                    return p
        return None
