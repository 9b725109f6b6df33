"""The figure cards under the chart: every number the document states for the view,
with its qualifier, unit and year; or a line saying there is none.

The cards wrap into rows as wide as the column, each card stretched so that a row
is filled; at most :attr:`FigureCards.MAX_ROWS` rows are shown (fewer when the
column is short, so that the chart keeps most of it), and the rest are a vertical
scroll away. No card is ever cut by the column's right edge."""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QLabel,
    QListView,
    QVBoxLayout,
    QWidget,
)

from gzexplorer.ui.delegates import FigureCardDelegate
from gzexplorer.ui.item_models import FigureListModel, IdRole

if TYPE_CHECKING:
    from gzexplorer.charts.context import ChartContext
    from gzexplorer.model import Figure


class FigureCards(QWidget):
    figureChosen = Signal(str)

    MAX_ROWS = 2
    MAX_SHARE = 1 / 3  # of the height of the column the cards are in, at most

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, objectName="figureCardsArea")
        self.model = FigureListModel(self)
        self.delegate = FigureCardDelegate(self)
        self.list = QListView(objectName="figureCards")
        self.list.setModel(self.model)
        self.list.setItemDelegate(self.delegate)
        self.list.setFlow(QListView.Flow.LeftToRight)
        self.list.setWrapping(True)
        self.list.setUniformItemSizes(True)
        self.list.setResizeMode(QListView.ResizeMode.Adjust)  # rows again when resized
        self.list.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.list.verticalScrollBar().setSingleStep(FigureCardDelegate.SIZE.height() // 4)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.selectionModel().currentChanged.connect(
            lambda cur, _prev: cur.isValid() and self.figureChosen.emit(cur.data(IdRole))
        )
        self.empty = QLabel(objectName="figureCardsEmpty")
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setFixedHeight(self._rows_height(1))
        self._watched: QWidget | None = None  # the column, whose height bounds the rows
        self._watch_column()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.list)
        layout.addWidget(self.empty)
        self._fit()
        self.retranslate()

    def retranslate(self) -> None:
        self.list.setAccessibleName(self.tr("Figures of this theme"))

    def show_figures(self, figures: list[Figure], context: ChartContext, loading: bool) -> None:
        self.model.set_figures(figures, context)
        self.empty.setText(
            self.tr("Loading figures…")
            if loading
            else self.tr("The document states no figures for this theme.")
        )
        self.list.setVisible(bool(figures))
        self.empty.setVisible(not figures)
        self._fit()

    def select(self, figure_id: str) -> None:
        row = self.model.row_of(figure_id)
        if row >= 0 and self.list.currentIndex().row() != row:
            self.list.setCurrentIndex(self.model.index(row))

    # -- fitting the cards to the column ----------------------------------------------
    def shown_rows(self) -> int:
        """How many rows of cards the column has room for (the rest scroll)."""
        column = self.parentWidget()
        if column is None:
            return self.MAX_ROWS
        room = int(column.height() * self.MAX_SHARE) - self._rows_height(0)
        return max(1, min(self.MAX_ROWS, room // FigureCardDelegate.SIZE.height()))

    def _rows_height(self, rows: int) -> int:
        return rows * FigureCardDelegate.SIZE.height() + 2 * self.list.frameWidth()

    def _fit(self) -> None:
        """Columns as many as the width takes at the cards' least width, the cards
        stretched to fill a row, and the list as high as the rows shown."""
        n = self.model.rowCount()
        # QListView wraps a row before the last pixel of its viewport: one kept free
        width = self.width() - 2 * self.list.frameWidth() - 1
        least = FigureCardDelegate.MIN_WIDTH
        shown = self.shown_rows()
        columns = max(1, width // least)
        scrolls = math.ceil(n / columns) > shown
        if scrolls:  # the scroll bar takes its width from the cards
            width -= self.list.verticalScrollBar().sizeHint().width()
            columns = max(1, width // least)
        policy = Qt.ScrollBarPolicy
        self.list.setVerticalScrollBarPolicy(
            policy.ScrollBarAlwaysOn if scrolls else policy.ScrollBarAlwaysOff
        )
        # as high as the rows shown, whatever the view: a theme switch then leaves the
        # chart above at its size (drawn again at another size, it would cost each time)
        self.list.setFixedHeight(self._rows_height(shown))
        self.empty.setFixedHeight(self._rows_height(shown))
        if self.delegate.set_width(max(1, width // columns)):
            self.list.doItemsLayout()

    def resizeEvent(self, event) -> None:  # noqa: N802
        super().resizeEvent(event)
        self._fit()

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ParentChange:
            self._watch_column()
        return super().event(event)

    def _watch_column(self) -> None:
        if self._watched is not None:
            self._watched.removeEventFilter(self)
        self._watched = self.parentWidget()
        if self._watched is not None:
            self._watched.installEventFilter(self)

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802
        if obj is self._watched and event.type() == QEvent.Type.Resize:
            self._fit()
        return False
