"""What the window gives screen readers and keyboard users beyond each widget's own
names: the chart as an accessible object (role, value, its marks as children), lists
and chart tabs whose items report FOCUSED only while they have the focus
(:mod:`gzexplorer.ui.accessible_items`), the Tab order of the screen, and spoken
announcements of what changed out of the focus (a theme shown, a search's results, the
next search hit, a pack opened, an export written or failed).

See docs/accessibility.md for what a keyboard or screen-reader user can do.
"""

from __future__ import annotations

import re
from collections import deque
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QPoint, QPointF, QRect, QTimer
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import QAbstractItemView, QAccessibleWidget, QToolButton, QWidget
from shiboken6 import isValid

from gzexplorer.charts import navigation
from gzexplorer.ui.accessible_items import (
    ItemAccessible,
    ItemHandle,
    ItemsAccessible,
    ListAccessible,
    Name,
    TabsAccessible,
    send_focus,
)
from gzexplorer.ui.live_status import (
    LiveStatus,
    LiveStatusAccessible,
    live_status_of,
    send_announcement,
)

if TYPE_CHECKING:
    from gzexplorer.charts.spec import ChartSpec
    from gzexplorer.model import Dataset
    from gzexplorer.render.canvas import ChartCanvas
    from gzexplorer.ui.chart_panel import ChartPanel
    from gzexplorer.ui.main_window import MainWindow


class ChartAccessible(ItemsAccessible):
    """A chart canvas to assistive technologies: a chart, named by its title and
    described by its text alternative, whose value is the
    words of the mark the keyboard is on. Its children are its labels (title,
    subtitle, legend, notes), then its marks in the keyboard's order
    (:mod:`gzexplorer.charts.navigation`), each named by the words the keys speak,
    selected while it is the current mark and focused while the chart has the focus."""

    with_widgets = True
    MARK_PX = 12  # the side of a mark's square on screen

    def __init__(self, canvas: ChartCanvas) -> None:  # (pyqtgraph is loaded late)
        super().__init__(canvas, QAccessible.Role.Chart)
        self._spec: ChartSpec | None = None
        self._rows: list = []
        self._flat: list[navigation.Position] = []
        self._starts: list[int] = [0]

    def text(self, kind: QAccessible.Text) -> str:
        if kind == QAccessible.Text.Value:
            return self.widget().current_words()
        return super().text(kind)

    def _marks(self) -> list[navigation.Position]:
        """The (row, index) of each mark, in order; made again for another chart."""
        spec = self.widget().spec
        if spec is not self._spec:
            self.forget_items()
            self._spec = spec
            self._rows = navigation.mark_rows(spec)
            self._flat = [(r, i) for r, row in enumerate(self._rows) for i in range(len(row))]
            self._starts = [0]  # where each row's marks begin among the children
            for row in self._rows:
                self._starts.append(self._starts[-1] + len(row))
        return self._flat

    def _mark(self, i: int):
        r, k = self._marks()[i]
        return self._rows[r][k]

    def item_count(self) -> int:
        return len(self._marks())

    def item_text(self, i: int, kind: QAccessible.Text) -> str:
        if kind != Name:
            return ""
        at = self._marks()[i]
        return navigation.words(self._mark(i), at, self._rows)

    def item_state(self, i: int) -> QAccessible.State:
        state = QAccessible.State()
        state.selectable = state.focusable = True
        state.selected = i == self.current_item()
        state.focused = state.selected and self.widget().hasFocus()
        plot = self.widget().plot_widget
        if not plot.rect().contains(self._point(i)):
            state.invisible = state.offscreen = True
        return state

    def _point(self, i: int) -> QPoint:
        """Where mark ``i`` is drawn, in the plot widget."""
        canvas, mark = self.widget(), self._mark(i)
        if mark.y is None and canvas.spec is not None and canvas.spec.kind == "line":
            # a year without a number: on the year axis, under where its point would be
            view_box = canvas.plot_item.getViewBox()
            bottom = view_box.viewRange()[1][0]
            scene = view_box.mapViewToScene(QPointF(mark.x, bottom))
            pos = canvas.plot_widget.mapFromScene(scene)
        else:
            pos = canvas.mark_scene_pos(mark)
        return pos if isinstance(pos, QPoint) else pos.toPoint()

    def item_rect(self, i: int) -> QRect:
        side = self.MARK_PX
        plot = self.widget().plot_widget
        centre = plot.mapToGlobal(self._point(i))
        return QRect(centre.x() - side // 2, centre.y() - side // 2, side, side)

    def item_at(self, global_pos: QPoint) -> int:
        for i in range(self.item_count()):
            if self.item_rect(i).contains(global_pos):
                return i
        return -1

    def current_item(self) -> int:
        self._marks()
        at = navigation.find(self._rows, self.widget().current_key())
        return -1 if at is None else self._starts[at[0]] + at[1]


FOLLOWS_FOCUS = "gzItemsFollowFocus"  # a view whose items report FOCUSED honestly


def _factory(key: str, obj: QObject) -> QAccessibleWidget | None:
    """Qt asks for each object's interface by its class name: a chart canvas's, the
    chart tabs', the items' and the opted-in lists' are ours (render.canvas is imported
    only with the charts, after the first frame)."""
    if key == "ChartCanvas" and isinstance(obj, QWidget):
        return ChartAccessible(obj)
    if key == "LiveStatus" and isinstance(obj, LiveStatus):
        return LiveStatusAccessible(obj)
    if key == "ChartTabs" and isinstance(obj, QWidget):
        return TabsAccessible(obj)
    if key == "ItemHandle" and isinstance(obj, ItemHandle):
        return ItemAccessible(obj)
    if isinstance(obj, QAbstractItemView) and obj.property(FOLLOWS_FOCUS):
        return ListAccessible(obj)
    return None


def items_follow_focus(view: QAbstractItemView) -> None:
    """Have the list ``view``'s rows report FOCUSED only while the view has the focus
    (Qt's own interface, if already made, is dropped for ours)."""
    install()
    view.setProperty(FOLLOWS_FOCUS, True)
    renew(view, ListAccessible)


def renew(widget: QWidget, kind: type) -> None:
    """Make sure ``widget``'s accessible interface is of class ``kind`` (one made
    before our factory was installed is dropped; the next query makes ours)."""
    iface = QAccessible.queryAccessibleInterface(widget)
    if iface is not None and not isinstance(iface, kind):
        QAccessible.deleteAccessibleInterface(QAccessible.uniqueId(iface))


_installed = False


def install() -> None:
    """Give chart canvases their accessible interface (once per process)."""
    global _installed
    if not _installed:
        QAccessible.installFactory(_factory)
        _installed = True


recent: deque[str] = deque(maxlen=50)  # the last texts announced (for tests)


def announce(widget: QWidget, text: str) -> None:
    """Have screen readers say ``text`` now: shown in the live status of ``widget``'s
    window (:mod:`gzexplorer.ui.live_status`: a notification that Orca speaks as it is
    shown); a widget of no such window sends Qt 6.8's announcement instead."""
    if not text:
        return
    recent.append(text)
    live = live_status_of(widget)
    if live is not None:
        live.say(text)
    else:
        send_announcement(widget, text)


def name_clear_button(line_edit: QWidget, name: str) -> None:
    """The clear button Qt puts in a line edit has no name of its own: give it one."""
    for button in line_edit.findChildren(QToolButton):
        button.setAccessibleName(name)
        button.setToolTip(name)


class WindowAccessibility(QObject):
    """The window's Tab order, honest focus in its lists, the chart's marks as focus,
    and the announcements of a theme switch, a search's results, the next search hit
    and a pack opened."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        install()
        self.window = window
        self.announced: list[str] = []  # what was announced, last last (for tests)
        renew(window.status.live, LiveStatusAccessible)
        for view in (window.sidebar.list, window.cards, window.excerpts.view):
            items_follow_focus(view)
            view.installEventFilter(self)
        window.packs.opened.connect(self._say_opened)
        window.excerpts.hitReached.connect(self._say_hit)
        # a theme's passages and a search's results are said once they are listed
        # not said: the view a window opens with (the window's opening is said) or a
        # pack opens with (the pack's opening is announced), nor the same words twice
        self._quiet_view: str | None = None
        self._opening = True
        self._heading_said = ""
        self._heading_view = ""  # the view when the heading was last said
        self._heading_timer = QTimer(self, singleShot=True, interval=300)
        self._heading_timer.timeout.connect(self._say_heading)
        window.excerpts.heading_changed.connect(self._heading_timer.start)
        window.state.viewChanged.connect(self._view_changed)
        self.order_tabs()

    def say(self, text: str, widget: QWidget | None = None) -> None:
        self.announced.append(text)
        announce(widget or self.window, text)

    def wire_charts(self, panel: ChartPanel) -> None:
        """The chart panel is attached: a mark reached by the keys takes the focus (a
        screen reader says its words), Enter opens its passage, Escape goes back to
        the chart."""
        renew(panel.tabs, TabsAccessible)
        panel.tabs.installEventFilter(self)
        panel.currentMarkChanged.connect(self._focus_mark)
        panel.markActivated.connect(self.window.highlighter.open_mark)
        panel.selectionCleared.connect(lambda: self.window.state.select(None))
        self.order_tabs()

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt naming)
        """A list or the chart tabs take the focus: once Qt has said so of the widget,
        the accessible focus is on its current item (a screen reader says which)."""
        if event.type() == QEvent.Type.FocusIn and isinstance(obj, QWidget):
            QTimer.singleShot(0, lambda: self._focus_current_item(obj))
        return False

    @staticmethod
    def _focus_current_item(widget: QWidget) -> None:
        if not isValid(widget) or not widget.hasFocus():
            return
        iface = QAccessible.queryAccessibleInterface(widget)
        if isinstance(iface, ItemsAccessible):
            item = iface.current_item()
            if item >= 0:
                send_focus(widget, item)

    @staticmethod
    def _focus_mark(canvas: ChartCanvas) -> None:
        """The chart's current mark changed: while the chart has the focus, the
        accessible focus is on that mark (on the chart itself with none)."""
        iface = QAccessible.queryAccessibleInterface(canvas)
        if isinstance(iface, ChartAccessible) and canvas.hasFocus():
            item = iface.current_item()
            send_focus(canvas, item if item >= 0 else None)

    def _view_changed(self, view_id: str) -> None:
        if self._opening:  # the view the window opens with
            self._quiet_view = self._heading_view = view_id
            self._opening = False
        self._heading_timer.start()

    def _say_opened(self, dataset: Dataset) -> None:
        """A pack opened: its title and what it holds."""
        text = QCoreApplication.translate(
            "WindowAccessibility", "Opened %1: themes %2, figures %3, passages %4"
        )
        counts = (
            dataset.info.title,
            len(dataset.tables["themes"]),
            len(dataset.tables["figures"]),
            len(dataset.tables["excerpts"]),
        )
        for i, value in reversed(list(enumerate(counts, start=1))):  # the title last
            text = text.replace(f"%{i}", str(value))
        self._quiet_view = self._heading_view = self.window.state.view_id
        self.say(text)

    def _say_hit(self, row: int) -> None:
        """Enter in the search field moved to passage ``row``: which of how many, and
        its section."""
        model = self.window.excerpts.model
        excerpts = model.excerpts()
        if not 0 <= row < len(excerpts):
            return
        if self.window.state.search.strip():
            text = QCoreApplication.translate("WindowAccessibility", "Hit %1 of %2: %3")
        else:
            text = QCoreApplication.translate("WindowAccessibility", "Passage %1 of %2: %3")
        text = text.replace("%1", str(row + 1)).replace("%2", str(len(excerpts)))
        self.say(text.replace("%3", excerpts[row].section), self.window.excerpts.search)

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
        passages a search found (after the theme's name if the theme changed)."""
        state = self.window.state
        heading = self.window.excerpts.heading.text()
        name = self.window.sidebar.current_name()
        searching = bool(state.search.strip())
        # the theme's name with a theme's passages, or a search's once the theme changed
        named = name and (not searching or state.view_id != self._heading_view)
        # "%1. %2" (the theme, then its passages), as a sentence is ended in the language
        both = QCoreApplication.translate("WindowAccessibility", "%1. %2")
        parts = {"%1": name, "%2": heading}  # in one pass: a search may hold "%1"
        text = re.sub("%[12]", lambda m: parts[m.group()], both) if named else heading
        quiet = not searching and state.view_id == self._quiet_view
        self._quiet_view = None
        said_before = text == self._heading_said
        self._heading_said, self._heading_view = text, state.view_id
        if not (quiet or said_before):
            self.say(text)
