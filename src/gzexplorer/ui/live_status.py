"""The live status: a short line at the right of the status bar, shown with each
announcement (a theme shown, a search's results, the next search hit, a pack opened,
a passage's number, an export written) and hidden a few seconds later.

To a screen reader on Linux (AT-SPI) it is a *notification*, named by its words:
showing it sends AT-SPI's ``object:state-changed:showing``, which Orca (43 and later)
speaks for a notification as "<words> notification". That is the one channel the window
announces through there: Qt's ``QAccessibleAnnouncementEvent`` is not sent beside it
(Orca 46 and later would say each message twice). Where Qt's bridge is not AT-SPI
(Windows, macOS) the line is plain text and the announcement event speaks.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QSize, Qt, QTimer
from PySide6.QtGui import QAccessible, QResizeEvent
from PySide6.QtWidgets import QAccessibleWidget, QLabel, QWidget

try:  # Qt 6.8 and later
    from PySide6.QtGui import QAccessibleAnnouncementEvent
except ImportError:  # pragma: no cover - older Qt: nothing is announced there
    QAccessibleAnnouncementEvent = None

# AT-SPI (Linux and the BSDs): a notification shown is spoken; elsewhere the
# announcement event is.
SHOWN_IS_SPOKEN = not sys.platform.startswith(("win", "darwin"))


class LiveStatus(QLabel):
    """The last announcement, in words; shown with it, hidden ``HIDE_MS`` later."""

    HIDE_MS = 8000
    MAX_WIDTH = 600  # px: a long message is elided on screen (not to a screen reader)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, objectName="liveStatus")
        self.message = ""  # the whole words (the label may show them elided)
        self.setMaximumWidth(self.MAX_WIDTH)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
        self.setContentsMargins(0, 0, 12, 0)  # set apart from the pack's size
        self.setMinimumWidth(60)  # in a narrow window it gives way (elided)
        self._hide_timer = QTimer(self, singleShot=True, interval=self.HIDE_MS)
        self._hide_timer.timeout.connect(self.hide)
        self.hide()

    def say(self, text: str) -> None:
        """Show ``text`` (a screen reader says it as it is shown)."""
        self.message = text
        self.setToolTip(text)
        self._elide()
        self.updateGeometry()
        self.hide()  # shown again even if it was showing: a new notification
        self.show()
        self._hide_timer.start()
        if not SHOWN_IS_SPOKEN:
            send_announcement(self, text)

    def sizeHint(self) -> QSize:  # noqa: D102 - the whole words' width, up to MAX_WIDTH
        hint = super().sizeHint()
        margins = self.contentsMargins()
        wanted = self.fontMetrics().horizontalAdvance(self.message) + margins.right() + 2
        return QSize(min(wanted, self.MAX_WIDTH), hint.height())

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt naming)
        super().resizeEvent(event)
        self._elide()

    def _elide(self) -> None:
        room = self.contentsRect().width()
        self.setText(self.fontMetrics().elidedText(self.message, Qt.TextElideMode.ElideRight, room))


def send_announcement(widget: QWidget, text: str) -> None:
    """Qt's announcement of ``text`` from ``widget`` (Qt 6.8 and later, when an
    assistive technology listens; else nothing)."""
    if QAccessibleAnnouncementEvent is not None and QAccessible.isActive():
        QAccessible.updateAccessibility(QAccessibleAnnouncementEvent(widget, text))


class LiveStatusAccessible(QAccessibleWidget):
    """The live status to assistive technologies: a notification (AT-SPI) or static
    text, named by its whole words."""

    def __init__(self, label: LiveStatus) -> None:
        role = QAccessible.Role.Notification if SHOWN_IS_SPOKEN else QAccessible.Role.StaticText
        super().__init__(label, role)

    def text(self, kind: QAccessible.Text) -> str:
        if kind == QAccessible.Text.Name:
            return self.widget().message
        if kind == QAccessible.Text.Description:
            return ""  # not its tooltip: the same words again
        return super().text(kind)


def live_status_of(widget: QWidget) -> LiveStatus | None:
    """The live status of ``widget``'s window, or of the window its dialog belongs to."""
    w: QWidget | None = widget
    while w is not None:
        window = w.window()
        found = window.findChild(LiveStatus)
        if found is not None:
            return found
        w = window.parentWidget()
    return None
