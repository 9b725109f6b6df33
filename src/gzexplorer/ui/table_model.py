"""The data of the chart on screen as a table (View > Show table)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QAbstractTableModel, Qt

from gzexplorer.charts import format as fmt
from gzexplorer.charts.context import ENGLISH
from gzexplorer.charts.spec import ChartSpec, Row
from gzexplorer.ui.item_models import ROOT, Index


class ChartTableModel(QAbstractTableModel):
    """The data of the chart on screen, in the export's tidy columns (its kind's)."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._rows: Sequence[Row] = ()
        self._columns: tuple[str, ...] = ()
        self._context = ENGLISH

    def set_chart(self, spec: ChartSpec | None) -> None:
        self.beginResetModel()
        self._rows = () if spec is None else spec.rows  # read cell by cell, never copied
        self._columns = () if spec is None else spec.columns
        self._context = ENGLISH if spec is None else spec.context
        self.endResetModel()

    def rowCount(self, parent: Index = ROOT) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = ROOT) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self._columns)

    def headerData(self, section: int, orientation, role: int = Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self._headers()[self._columns[section]]
        return None

    def _headers(self) -> dict[str, str]:
        """The column titles, in the interface language (each a tr() call of its own,
        so that lupdate finds them)."""
        identifier = self.tr("Id")
        return {
            "indicator_id": identifier,
            "figure_id": identifier,
            "milestone_id": identifier,
            "indicator": self.tr("Indicator"),
            "label": self.tr("Figure"),
            "title": self.tr("Event"),
            "unit": self.tr("Unit"),
            "year": self.tr("Year"),
            "value": self.tr("Value"),
            "status": self.tr("Status"),
            "qualifier": self.tr("Qualifier"),
            "quote": self.tr("Quote"),
            "themes": self.tr("Themes"),
            "source": self.tr("Source"),
        }

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        column = self._columns[index.column()]
        value = getattr(self._rows[index.row()], column)
        if role == Qt.ItemDataRole.DisplayRole:
            if value is None:
                return "–" if column == "value" else ""
            if column == "value":
                return fmt.number(value, self._context)
            return str(value)
        if role == Qt.ItemDataRole.EditRole:  # sort key: numbers as numbers, missing last
            if column in ("value", "year"):
                return float("inf") if value is None else float(value)
            return value
        if role == Qt.ItemDataRole.TextAlignmentRole and column in ("value", "year"):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None
