"""File > Export data bundle…: the shown chart or its whole theme as one .zip (data,
datapackage.json, passages, README; see gzexplorer.bundle), written safely."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from gzexplorer.files import WriteError
from gzexplorer.markup import no_mnemonic
from gzexplorer.ui.export_dialog import slug
from gzexplorer.ui.save_target import SaveTarget, say_failed, say_written
from gzexplorer.ui.settings import Settings

if TYPE_CHECKING:
    from gzexplorer.charts.context import ChartContext
    from gzexplorer.charts.spec import ChartSpec
    from gzexplorer.model import Dataset


class BundleDialog(QDialog):
    """Which charts (this one, or every chart of the theme) and where."""

    def __init__(
        self,
        dataset: Dataset,
        view_id: str,
        view_name: str,
        number: int,
        spec: ChartSpec,
        context: ChartContext,
        settings: Settings,
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self.setObjectName("bundleDialog")
        self.setWindowTitle(self.tr("Export data bundle"))
        self.dataset, self.view_id, self.number = dataset, view_id, number
        self.context, self.settings = context, settings
        self.written: Path | None = None

        intro = QLabel(
            self.tr(
                "One .zip with the data as CSV, a datapackage.json describing it, the "
                "passages the numbers come from and a README with the citation, sources "
                "and licence. gzexplorer opens it as a data pack."
            )
        )
        intro.setWordWrap(True)
        self.this_chart = QRadioButton(
            self.tr("This &chart: %1").replace("%1", no_mnemonic(spec.title)),
            objectName="bundleChart",
        )
        self.whole_theme = QRadioButton(
            self.tr("Every chart of &the theme %1").replace("%1", no_mnemonic(view_name)),
            objectName="bundleTheme",
        )
        group = QButtonGroup(self)
        group.addButton(self.this_chart)
        group.addButton(self.whole_theme)
        whole = settings.get("bundle/whole_theme", bool, False)
        (self.whole_theme if whole else self.this_chart).setChecked(True)

        self.target = SaveTarget(settings, self.tr("Export data bundle"), "bundlePath")
        self.target.set_kind(self.tr("Zip files (*.zip)"), ".zip")
        path_row = QHBoxLayout()
        path_label = QLabel(self.tr("&File:"))
        path_label.setBuddy(self.target.edit)
        path_row.addWidget(path_label)
        path_row.addWidget(self.target, 1)
        self._stems = (f"{spec.id}-{slug(spec.title)}", f"{view_id}-{slug(view_name)}")

        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.this_chart)
        layout.addWidget(self.whole_theme)
        layout.addLayout(path_row)
        layout.addWidget(buttons)
        self.whole_theme.toggled.connect(self._scope_changed)
        self._scope_changed()

    def _scope_changed(self) -> None:
        self.target.suggest(self._stems[1 if self.whole_theme.isChecked() else 0])

    def accept(self) -> None:
        from gzexplorer.bundle import write_bundle

        path = self.target.path()
        whole = self.whole_theme.isChecked()
        try:
            self.written = write_bundle(
                self.dataset, path, self.view_id, None if whole else self.number, self.context
            )
        except WriteError as exc:
            say_failed(self, self.tr("Export failed"), str(exc))
            return
        self.target.remember()
        self.settings.set("bundle/whole_theme", whole)
        say_written(self, self.tr("Exported %s") % str(self.written))
        super().accept()
