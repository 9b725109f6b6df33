"""What the window gives screen readers and keyboard users beyond each widget's own
names: the chart as an accessible object (role, value), the Tab order of the screen,
and spoken announcements of what changed out of the focus (a mark reached by the
keyboard, a theme shown, a search's results).

See docs/accessibility.md for what a keyboard or screen-reader user can do.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import QAccessibleWidget, QToolButton, QWidget

if TYPE_CHECKING:
    from gzexplorer.render.canvas import ChartCanvas
    from gzexplorer.ui.chart_panel import ChartPanel
    from gzexplorer.ui.main_window import MainWindow

try:  # Qt 6.8 and later
    from PySide6.QtGui import QAccessibleAnnouncementEvent
except ImportError:  # pragma: no cover - older Qt: nothing is announced
    QAccessibleAnnouncementEvent = None


class ChartAccessible(QAccessibleWidget):
    """A chart canvas to assistive technologies: a chart, named by its title and
    described by its text alternative (or the current mark), whose value is the
    words of the mark the keyboard is on."""

    def __init__(self, canvas: ChartCanvas) -> None:  # (pyqtgraph is loaded late)
        super().__init__(canvas, QAccessible.Role.Chart)

    def text(self, kind: QAccessible.Text) -> str:
        if kind == QAccessible.Text.Value:
            return self.widget().current_words()
        return super().text(kind)


def _factory(key: str, obj: QObject) -> QAccessibleWidget | None:
    """Qt asks for each object's interface by its class name: a chart canvas's is ours
    (render.canvas is imported only with the charts, after the first frame)."""
    if key == "ChartCanvas" and isinstance(obj, QWidget):
        return ChartAccessible(obj)
    return None


_installed = False


def install() -> None:
    """Give chart canvases their accessible interface (once per process)."""
    global _installed
    if not _installed:
        QAccessible.installFactory(_factory)
        _installed = True


def announce(widget: QWidget, text: str) -> None:
    """Have screen readers say ``text`` now (Qt 6.8's announcements; without them, or
    with no assistive technology listening, nothing)."""
    if text and QAccessibleAnnouncementEvent is not None and QAccessible.isActive():
        QAccessible.updateAccessibility(QAccessibleAnnouncementEvent(widget, text))


def name_clear_button(line_edit: QWidget, name: str) -> None:
    """The clear button Qt puts in a line edit has no name of its own: give it one."""
    for button in line_edit.findChildren(QToolButton):
        button.setAccessibleName(name)
        button.setToolTip(name)


class WindowAccessibility(QObject):
    """The window's Tab order, and the announcements of a theme switch, a search's
    results and a chart mark reached by the keyboard."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        install()
        self.window = window
        self.announced: list[str] = []  # what was announced, last last (for tests)
        # a theme's passages and a search's results are said once they are listed
        self._heading_timer = QTimer(self, singleShot=True, interval=300)
        self._heading_timer.timeout.connect(self._say_heading)
        window.excerpts.heading_changed.connect(self._heading_timer.start)
        window.state.viewChanged.connect(lambda _v: self._heading_timer.start())
        self.order_tabs()

    def say(self, text: str, widget: QWidget | None = None) -> None:
        self.announced.append(text)
        announce(widget or self.window, text)

    def wire_charts(self, panel: ChartPanel) -> None:
        """The chart panel is attached: its marks' words and Enter's passage."""
        panel.markAnnounced.connect(lambda words: self.say(words, panel.canvas))
        panel.markActivated.connect(self.window.highlighter.open_mark)
        panel.selectionCleared.connect(lambda: self.window.state.select(None))
        self.order_tabs()

    def order_tabs(self) -> None:
        """Tab follows the screen: themes, chart tabs, the chart's buttons, the chart
        (or its table), the figure cards, the search field, the passages."""
        w = self.window
        chain: list[QWidget] = [w.sidebar.list]
        panel = w.chart_panel
        if panel is not None:
            chain += [
                panel.tabs,
                panel.table_button,
                panel.description_button,
                panel.series_button,
                panel.log_button,
                panel.reset_button,
                panel.export_button,
                panel.cite_button,
                *panel.canvases(),
                panel.table,
            ]
        chain += [w.cards, w.excerpts.search, w.excerpts.view]
        for first, second in zip(chain, chain[1:], strict=False):
            QWidget.setTabOrder(first, second)

    def _say_heading(self) -> None:
        """The passages' heading, as it reads: the theme and its passages, or how many
        passages a search found."""
        heading = self.window.excerpts.heading.text()
        if self.window.state.search.strip():
            self.say(heading, self.window.excerpts.search)
        else:
            name = self.window.sidebar.current_name()
            self.say(f"{name}. {heading}" if name else heading, self.window.sidebar.list)
