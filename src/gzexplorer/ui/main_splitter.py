"""The window's three columns side by side: the themes sidebar, the charts over the
figure cards, and the document's passages.

The passages' width follows the window's until the user moves a handle (or a saved
split is restored): a small screen leaves the chart more of its width."""

from __future__ import annotations

from PySide6.QtCore import QByteArray
from PySide6.QtWidgets import QSplitter, QWidget

SIDEBAR_WIDTH = 190
PASSAGES_SHARE, PASSAGES_WIDTHS = 0.27, (280, 380)  # of the window's width; least, most


class MainSplitter(QSplitter):
    def __init__(
        self, sidebar: QWidget, centre: QWidget, passages: QWidget, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent, objectName="mainSplitter")
        self.addWidget(sidebar)
        self.addWidget(centre)
        self.addWidget(passages)
        self.setStretchFactor(0, 0)
        self.setStretchFactor(1, 1)
        self.setStretchFactor(2, 0)
        self.setChildrenCollapsible(False)
        passages.setMinimumWidth(260)
        self.setSizes([SIDEBAR_WIDTH, 760, 380])
        self.follows_window = True
        self.splitterMoved.connect(self._stop_following)

    def _stop_following(self, *_args) -> None:
        self.follows_window = False

    def follow_window(self, window_width: int) -> None:
        """Give the passages their share of ``window_width``, unless the split no
        longer follows the window."""
        if not self.follows_window:
            return
        least, most = PASSAGES_WIDTHS
        passages = max(least, min(most, round(window_width * PASSAGES_SHARE)))
        total = sum(self.sizes())
        self.setSizes([SIDEBAR_WIDTH, total - SIDEBAR_WIDTH - passages, passages])

    def restore(self, state: QByteArray | None) -> None:
        """A split saved with :meth:`saveState`, if there is one; it then stays as saved."""
        if state is not None and self.restoreState(state):
            self.follows_window = False
