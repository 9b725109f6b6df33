"""The figure cards under the chart: every number the document states for the view,
with its qualifier, unit and year; or a line saying there is none."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QAbstractItemView, QLabel, QListView, QVBoxLayout, QWidget

from gzexplorer.ui.delegates import FigureCardDelegate
from gzexplorer.ui.item_models import FigureListModel, IdRole

if TYPE_CHECKING:
    from gzexplorer.model import Figure


class FigureCards(QWidget):
    figureChosen = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, objectName="figureCardsArea")
        self.model = FigureListModel(self)
        self.list = QListView(objectName="figureCards")
        self.list.setModel(self.model)
        self.list.setItemDelegate(FigureCardDelegate(self.list))
        self.list.setFlow(QListView.Flow.LeftToRight)
        self.list.setWrapping(False)
        self.list.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.list.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.setFixedHeight(FigureCardDelegate.SIZE.height() + 22)
        self.list.selectionModel().currentChanged.connect(
            lambda cur, _prev: cur.isValid() and self.figureChosen.emit(cur.data(IdRole))
        )
        self.empty = QLabel(objectName="figureCardsEmpty")
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setFixedHeight(self.list.height())
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.list)
        layout.addWidget(self.empty)
        self.retranslate()

    def retranslate(self) -> None:
        self.list.setAccessibleName(self.tr("Figures of this theme"))

    def show_figures(self, figures: list[Figure], loading: bool) -> None:
        self.model.set_figures(figures)
        self.empty.setText(
            self.tr("Loading figures…")
            if loading
            else self.tr("The document states no figures for this theme.")
        )
        self.list.setVisible(bool(figures))
        self.empty.setVisible(not figures)

    def select(self, figure_id: str) -> None:
        row = self.model.row_of(figure_id)
        if row >= 0 and self.list.currentIndex().row() != row:
            self.list.setCurrentIndex(self.model.index(row))
