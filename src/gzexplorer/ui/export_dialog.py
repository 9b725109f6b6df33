"""File > Export…: format, size, scale and background, then a safe write."""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from gzexplorer.charts import ChartSpec
from gzexplorer.files import WriteError
from gzexplorer.render.export import FORMATS, ExportError, export_chart
from gzexplorer.render.presets import PRESETS, preset_of
from gzexplorer.render.style import ChartStyle, for_slides
from gzexplorer.ui.save_target import SaveTarget, say_failed, say_written
from gzexplorer.ui.settings import Settings


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")[:60] or "chart"


class ExportDialog(QDialog):
    def __init__(
        self, spec: ChartSpec, style: ChartStyle, settings: Settings, parent: QWidget | None = None
    ):
        super().__init__(parent)
        self.setObjectName("exportDialog")
        self.setWindowTitle(self.tr("Export chart"))
        self.spec = spec
        self.style_ = replace(style, dark=False)
        self.settings = settings
        self.written: Path | None = None

        self.format = QComboBox(objectName="exportFormat")
        self.format.addItem(self.tr("PNG image"), "png")
        self.format.addItem(self.tr("SVG vector image"), "svg")
        self.format.addItem(self.tr("CSV data"), "csv")
        last = settings.get("export/format", str, "png")
        self.format.setCurrentIndex(max(0, list(FORMATS).index(last) if last in FORMATS else 0))
        self.width_box = self._spin(settings.get("export/width", int, 1200), 200, 10000)
        self.height_box = self._spin(settings.get("export/height", int, 750), 150, 10000)
        self.preset = QComboBox(objectName="exportPreset")
        self.preset.addItem(self.tr("Custom size"), None)
        preset_names = {
            "16:9": self.tr("Slide 16:9"),
            "4:3": self.tr("Slide 4:3"),
            "square": self.tr("Square"),
        }
        for name, (w, h) in PRESETS.items():
            self.preset.addItem(f"{preset_names[name]} ({w} × {h})", name)
        self.text_style = QComboBox(objectName="exportStyle")
        self.text_style.addItem(self.tr("Standard"), False)
        self.text_style.addItem(self.tr("For slides (larger type)"), True)
        self.text_style.setCurrentIndex(1 if settings.get("export/slides", bool, False) else 0)
        self.scale = QComboBox(objectName="exportScale")
        for s in (1, 2, 3):
            self.scale.addItem(f"{s}×", s)
        self.scale.setCurrentIndex(max(0, min(2, settings.get("export/scale", int, 1) - 1)))
        self.background = QComboBox(objectName="exportBackground")
        self.background.addItem(self.tr("White"), False)
        self.background.addItem(self.tr("Transparent"), True)
        self.target = SaveTarget(settings, self.tr("Export chart"), "exportPath")

        size_row = QHBoxLayout()
        size_row.addWidget(self.width_box)
        size_row.addWidget(QLabel("×"))
        size_row.addWidget(self.height_box)
        size_row.addStretch(1)

        form = QFormLayout()
        form.addRow(self.tr("&Format:"), self.format)
        form.addRow(self.tr("&Preset:"), self.preset)
        size_label = QLabel(self.tr("&Size (pixels):"))
        size_label.setBuddy(self.width_box)
        form.addRow(size_label, size_row)
        form.addRow(self.tr("S&cale:"), self.scale)
        form.addRow(self.tr("&Text:"), self.text_style)
        form.addRow(self.tr("&Background:"), self.background)
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

        self.format.currentIndexChanged.connect(self._format_changed)
        self._format_changed()
        self._size_changed()
        self.preset.currentIndexChanged.connect(self._preset_chosen)
        self.width_box.valueChanged.connect(self._size_changed)
        self.height_box.valueChanged.connect(self._size_changed)

    def _spin(self, value: int, lo: int, hi: int) -> QSpinBox:
        box = QSpinBox()
        box.setRange(lo, hi)
        box.setValue(max(lo, min(hi, value)))
        box.setSuffix(" px")
        return box

    def fmt(self) -> str:
        return self.format.currentData()

    def _preset_chosen(self) -> None:
        name = self.preset.currentData()
        if name is not None:
            width, height = PRESETS[name]
            self.width_box.setValue(width)
            self.height_box.setValue(height)

    def _size_changed(self) -> None:
        """The preset of the size typed in, or "Custom size"."""
        name = preset_of(self.width_box.value(), self.height_box.value())
        self.preset.blockSignals(True)
        self.preset.setCurrentIndex(max(0, self.preset.findData(name)))
        self.preset.blockSignals(False)

    def _format_changed(self) -> None:
        fmt = self.fmt()
        image = fmt != "csv"
        for w in (self.width_box, self.height_box, self.background, self.preset, self.text_style):
            w.setEnabled(image)
        self.scale.setEnabled(fmt == "png")
        filters = {
            "png": self.tr("PNG images (*.png)"),
            "svg": self.tr("SVG images (*.svg)"),
            "csv": self.tr("CSV files (*.csv)"),
        }
        stem = self.target.stem() or f"{self.spec.id}-{slug(self.spec.title)}"
        self.target.set_kind(filters[fmt], f".{fmt}")
        self.target.suggest(stem)

    def accept(self) -> None:
        style = replace(self.style_, transparent=bool(self.background.currentData()))
        if self.text_style.currentData():
            style = for_slides(style)
        try:
            self.written = export_chart(
                self.spec,
                self.target.path(),
                self.fmt(),
                self.width_box.value(),
                self.height_box.value(),
                float(self.scale.currentData()),
                style,
            )
        except (ExportError, WriteError) as exc:
            say_failed(self, self.tr("Export failed"), str(exc))
            return
        self.target.remember()
        s = self.settings
        s.set("export/format", self.fmt())
        s.set("export/width", self.width_box.value())
        s.set("export/height", self.height_box.value())
        s.set("export/scale", int(self.scale.currentData()))
        s.set("export/slides", bool(self.text_style.currentData()))
        say_written(self, self.tr("Exported %s") % str(self.written))
        super().accept()
