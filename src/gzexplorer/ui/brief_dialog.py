"""File › Export brief (PDF)…: this theme or all of them, the page size and the file,
then a safe write; the status bar says when it is written, a dialog when it is not."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QApplication,
    QButtonGroup,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from gzexplorer.files import WriteError
from gzexplorer.render.brief import PAGES, export_brief
from gzexplorer.render.export import ExportError
from gzexplorer.ui.export_dialog import slug
from gzexplorer.ui.save_target import SaveTarget, say_failed, say_written

if TYPE_CHECKING:
    from gzexplorer.charts.context import ChartContext
    from gzexplorer.model import Dataset
    from gzexplorer.ui.settings import Settings


class BriefDialog(QDialog):
    def __init__(
        self,
        dataset: Dataset,
        view_id: str,
        view_name: str,
        context: ChartContext,
        settings: Settings,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("briefDialog")
        self.setWindowTitle(self.tr("Export brief (PDF)"))
        self.dataset, self.view_id, self.context, self.settings = (
            dataset,
            view_id,
            context,
            settings,
        )
        self.written: Path | None = None

        self.this_theme = QRadioButton(
            self.tr("&This theme: %1").replace("%1", view_name), objectName="briefThisTheme"
        )
        self.all_themes = QRadioButton(self.tr("&All themes"), objectName="briefAllThemes")
        self.which = QButtonGroup(self)
        self.which.addButton(self.this_theme)
        self.which.addButton(self.all_themes)
        self.this_theme.setChecked(True)
        self.page = QComboBox(objectName="briefPage")
        self.page.addItem(self.tr("A4"), "a4")
        self.page.addItem(self.tr("Letter"), "letter")
        last = settings.get("brief/page", str, "a4")
        self.page.setCurrentIndex(max(0, list(PAGES).index(last) if last in PAGES else 0))
        self.target = SaveTarget(settings, self.tr("Export brief (PDF)"), "briefPath")
        self.target.set_kind(self.tr("PDF files (*.pdf)"), ".pdf")

        which_box = QVBoxLayout()
        which_box.addWidget(self.this_theme)
        which_box.addWidget(self.all_themes)
        form = QFormLayout()
        form.addRow(self.tr("Themes:"), which_box)
        form.addRow(self.tr("&Page size:"), self.page)
        file_label = QLabel(self.tr("&File:"))
        file_label.setBuddy(self.target.edit)
        form.addRow(file_label, self.target)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)

        self.this_theme.toggled.connect(self._suggest_name)
        self._suggest_name()

    def _suggest_name(self) -> None:
        which = self.view_id if self.this_theme.isChecked() else "all"
        self.target.suggest(
            f"{slug(self.dataset.info.name or self.dataset.info.title)}-{which}-brief"
        )

    def accept(self) -> None:
        path = self.target.path()
        view = self.view_id if self.this_theme.isChecked() else None
        status = _status_bar(self.parent())
        if status is not None:
            status.showMessage(self.tr("Writing the brief…"))
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        QApplication.processEvents()  # the message and the cursor shown before the work
        try:
            self.written = export_brief(
                self.dataset, path, view, self.page.currentData(), self.context
            )
        except (ExportError, WriteError) as exc:
            QGuiApplication.restoreOverrideCursor()
            if status is not None:
                status.showMessage(self.tr("The brief was not written"), 8000)
            say_failed(self, self.tr("Brief not written"), str(exc))
            return
        QGuiApplication.restoreOverrideCursor()
        self.target.remember()
        self.settings.set("brief/page", self.page.currentData())
        say_written(self, self.tr("Brief written: %1").replace("%1", str(self.written)))
        super().accept()


def _status_bar(parent):
    return parent.statusBar() if parent is not None and hasattr(parent, "statusBar") else None
