"""Pages: one widget shown at a time, as in a QStackedWidget, that screen readers pass
over.

Qt gives a QStackedWidget the accessible role of a layered pane, and Orca names every
unnamed layered pane the focus enters ("layered pane, layered pane, Poverty rate
chart"). A plain widget holding a QStackedLayout shows the same pages but is, to
assistive technologies, a filler they leave out.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QStackedLayout, QWidget


class Pages(QWidget):
    """QStackedWidget's API (the part the window uses) over a QStackedLayout."""

    currentChanged = Signal(int)  # noqa: N815 (Qt naming)

    def __init__(self, parent: QWidget | None = None, objectName: str = "") -> None:  # noqa: N803
        super().__init__(parent)
        if objectName:
            self.setObjectName(objectName)
        self._pages = QStackedLayout(self)
        self._pages.setContentsMargins(0, 0, 0, 0)
        self._pages.currentChanged.connect(self.currentChanged)

    def addWidget(self, widget: QWidget) -> int:  # noqa: N802
        return self._pages.addWidget(widget)

    def removeWidget(self, widget: QWidget) -> None:  # noqa: N802
        self._pages.removeWidget(widget)

    def count(self) -> int:
        return self._pages.count()

    def widget(self, index: int) -> QWidget | None:
        return self._pages.widget(index)

    def currentIndex(self) -> int:  # noqa: N802
        return self._pages.currentIndex()

    def setCurrentIndex(self, index: int) -> None:  # noqa: N802
        self._pages.setCurrentIndex(index)

    def currentWidget(self) -> QWidget | None:  # noqa: N802
        return self._pages.currentWidget()

    def setCurrentWidget(self, widget: QWidget) -> None:  # noqa: N802
        self._pages.setCurrentWidget(widget)
