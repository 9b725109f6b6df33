"""Accessible children that are no widgets (a list's rows, the chart tabs, a chart's
marks), each reporting FOCUSED only while its widget has the keyboard focus.

Qt's own interfaces for item views and tab bars say their current item is focused
whatever has the focus, so a screen reader's focus jumps to the current theme, card or
chart tab while the real focus stays elsewhere. Here a widget's interface
(:class:`ItemsAccessible`) gives one child per item; each child is an
:class:`ItemHandle` (a small QObject of the widget) whose interface
(:class:`ItemAccessible`) asks the widget's interface for its role, words, state and
place on screen. Qt's accessibility cache keeps a child's interface as long as its
handle lives, so interfaces are never owned twice.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QPoint, QRect, Qt
from PySide6.QtGui import QAccessible, QAccessibleInterface, QAccessibleObject
from PySide6.QtWidgets import QAbstractItemView, QAccessibleWidget, QTabBar, QWidget
from shiboken6 import isValid

Name, Description = QAccessible.Text.Name, QAccessible.Text.Description


class ItemHandle(QObject):
    """One item of a widget to the accessibility cache (its interface lives as long as
    this object). ``index`` is the item's place among the widget's items; -1 once the
    item is gone."""

    def __init__(self, owner: QWidget, index: int) -> None:
        super().__init__(owner)
        self.index = index


class ItemAccessible(QAccessibleObject):
    """An item: what it says, its state and its place all come from its widget's
    interface, asked each time (so they are never out of date)."""

    def __init__(self, handle: ItemHandle) -> None:
        super().__init__(handle)
        self.handle = handle

    def _owner(self) -> ItemsAccessible | None:
        h = self.handle
        if not isValid(h) or h.index < 0 or h.parent() is None:
            return None
        owner = QAccessible.queryAccessibleInterface(h.parent())
        if isinstance(owner, ItemsAccessible) and h.index < owner.item_count():
            return owner
        return None

    def isValid(self) -> bool:  # noqa: N802 (Qt naming)
        return self._owner() is not None

    def parent(self) -> QAccessibleInterface | None:
        h = self.handle
        return QAccessible.queryAccessibleInterface(h.parent()) if isValid(h) else None

    def child(self, index: int) -> QAccessibleInterface | None:
        return None

    def childCount(self) -> int:  # noqa: N802
        return 0

    def indexOfChild(self, child: QAccessibleInterface) -> int:  # noqa: N802
        return -1

    def childAt(self, x: int, y: int) -> QAccessibleInterface | None:  # noqa: N802
        return None

    def role(self) -> QAccessible.Role:
        owner = self._owner()
        return owner.item_role(self.handle.index) if owner else QAccessible.Role.NoRole

    def text(self, kind: QAccessible.Text) -> str:
        owner = self._owner()
        return owner.item_text(self.handle.index, kind) if owner else ""

    def setText(self, kind: QAccessible.Text, text: str) -> None:  # noqa: N802
        pass

    def state(self) -> QAccessible.State:
        owner = self._owner()
        if owner is None:
            state = QAccessible.State()
            state.invalid = True
            return state
        return owner.item_state(self.handle.index)

    def rect(self) -> QRect:
        owner = self._owner()
        return owner.item_rect(self.handle.index) if owner else QRect()


class ItemsAccessible(QAccessibleWidget):
    """A widget whose accessible children are its own child widgets (when
    ``with_widgets``), then its items. Subclasses say what an item is."""

    with_widgets = False

    def __init__(self, widget: QWidget, role: QAccessible.Role) -> None:
        super().__init__(widget, role)
        self._handles: dict[int, ItemHandle] = {}

    # -- what subclasses give -----------------------------------------------------------
    def item_count(self) -> int:
        raise NotImplementedError

    def item_role(self, i: int) -> QAccessible.Role:
        return QAccessible.Role.ListItem

    def item_text(self, i: int, kind: QAccessible.Text) -> str:
        raise NotImplementedError

    def item_state(self, i: int) -> QAccessible.State:
        raise NotImplementedError

    def item_rect(self, i: int) -> QRect:
        """Where item ``i`` is on screen (global coordinates)."""
        raise NotImplementedError

    def item_at(self, global_pos: QPoint) -> int:
        """The item at a point of the screen, or -1."""
        return -1

    def current_item(self) -> int:
        """The current item (focused while the widget has the focus), or -1."""
        return -1

    # -- the children -------------------------------------------------------------------
    def forget_items(self) -> None:
        """The items changed: the old children are gone (new ones are made as asked)."""
        for handle in self._handles.values():
            if isValid(handle):
                handle.index = -1
                handle.deleteLater()
        self._handles.clear()

    def _widgets(self) -> int:
        return super().childCount() if self.with_widgets else 0

    def item_child(self, i: int) -> QAccessibleInterface | None:
        """The interface of item ``i`` (made on first use)."""
        if not 0 <= i < self.item_count():
            return None
        handle = self._handles.get(i)
        if handle is None or not isValid(handle):
            handle = self._handles[i] = ItemHandle(self.widget(), i)
        return QAccessible.queryAccessibleInterface(handle)

    def child_index(self, item: int) -> int:
        """The child index of item ``item`` (as accessibility events give it)."""
        return self._widgets() + item

    def childCount(self) -> int:  # noqa: N802 (Qt naming)
        return self._widgets() + self.item_count()

    def child(self, index: int) -> QAccessibleInterface | None:
        widgets = self._widgets()
        if index < widgets:
            return super().child(index) if index >= 0 else None
        return self.item_child(index - widgets)

    def indexOfChild(self, child: QAccessibleInterface) -> int:  # noqa: N802
        obj = child.object() if child is not None else None
        if isinstance(obj, ItemHandle):
            if obj.parent() is self.widget() and obj.index >= 0:
                return self._widgets() + obj.index
            return -1
        return super().indexOfChild(child) if self.with_widgets else -1

    def childAt(self, x: int, y: int) -> QAccessibleInterface | None:  # noqa: N802
        i = self.item_at(QPoint(x, y))
        if i >= 0:
            return self.item_child(i)
        return super().childAt(x, y) if self.with_widgets else None

    def focusChild(self) -> QAccessibleInterface | None:  # noqa: N802
        i = self.current_item()
        if self.widget().hasFocus() and i >= 0:
            return self.item_child(i)
        return super().focusChild()


def _global_rect(widget: QWidget, rect: QRect) -> QRect:
    return QRect(widget.mapToGlobal(rect.topLeft()), rect.size())


class ListAccessible(ItemsAccessible):
    """A list view: a list of its rows, named and described by the model's accessible
    text and description (its display text without one)."""

    def __init__(self, view: QAbstractItemView) -> None:
        super().__init__(view, QAccessible.Role.List)
        model = view.model()
        for signal in (model.modelReset, model.layoutChanged, model.rowsRemoved):
            signal.connect(self.forget_items)

    def _index(self, i: int):
        view = self.widget()
        return view.model().index(i, 0, view.rootIndex())

    def item_count(self) -> int:
        view = self.widget()
        return view.model().rowCount(view.rootIndex()) if view.model() else 0

    def item_text(self, i: int, kind: QAccessible.Text) -> str:
        index = self._index(i)
        if kind == Name:
            text = index.data(Qt.ItemDataRole.AccessibleTextRole)
            return str(text if text is not None else index.data() or "")
        if kind == Description:
            return str(index.data(Qt.ItemDataRole.AccessibleDescriptionRole) or "")
        return ""

    def item_state(self, i: int) -> QAccessible.State:
        view, index = self.widget(), self._index(i)
        state = QAccessible.State()
        flags = index.flags()
        if flags & Qt.ItemFlag.ItemIsSelectable:
            state.selectable = state.focusable = True
            mode = view.selectionMode()
            state.multiSelectable = mode == QAbstractItemView.SelectionMode.MultiSelection
            state.extSelectable = mode == QAbstractItemView.SelectionMode.ExtendedSelection
        if not flags & Qt.ItemFlag.ItemIsEnabled:
            state.disabled = True
        selection = view.selectionModel()
        state.selected = bool(selection and selection.isSelected(index))
        state.focused = view.hasFocus() and view.currentIndex() == index
        if not view.visualRect(index).intersects(view.viewport().rect()):
            state.invisible = state.offscreen = True
        return state

    def item_rect(self, i: int) -> QRect:
        view = self.widget()
        return _global_rect(view.viewport(), view.visualRect(self._index(i)))

    def item_at(self, global_pos: QPoint) -> int:
        view = self.widget()
        index = view.indexAt(view.viewport().mapFromGlobal(global_pos))
        return index.row() if index.isValid() else -1

    def current_item(self) -> int:
        index = self.widget().currentIndex()
        return index.row() if index.isValid() else -1


class TabsAccessible(ItemsAccessible):
    """A tab bar: a page tab list named by its own accessible name (Qt's names it by
    the current tab's title), of page tabs."""

    def __init__(self, tabs: QTabBar) -> None:
        super().__init__(tabs, QAccessible.Role.PageTabList)

    def item_count(self) -> int:
        return self.widget().count()

    def item_role(self, i: int) -> QAccessible.Role:
        return QAccessible.Role.PageTab

    def item_text(self, i: int, kind: QAccessible.Text) -> str:
        tabs = self.widget()
        if kind == Name:
            return tabs.accessibleTabName(i) or _strip_mnemonic(tabs.tabText(i))
        if kind == Description:
            tip = tabs.tabToolTip(i)
            return tip if tip != self.item_text(i, Name) else ""
        return ""

    def item_state(self, i: int) -> QAccessible.State:
        tabs = self.widget()
        state = QAccessible.State()
        state.selectable = True
        state.selected = i == tabs.currentIndex()
        state.focused = state.selected and tabs.hasFocus()
        state.disabled = not tabs.isTabEnabled(i)
        if not tabs.isTabVisible(i) or not tabs.tabRect(i).intersects(tabs.rect()):
            state.invisible = state.offscreen = True
        return state

    def item_rect(self, i: int) -> QRect:
        tabs = self.widget()
        return _global_rect(tabs, tabs.tabRect(i))

    def item_at(self, global_pos: QPoint) -> int:
        tabs = self.widget()
        return tabs.tabAt(tabs.mapFromGlobal(global_pos))

    def current_item(self) -> int:
        return self.widget().currentIndex()


def _strip_mnemonic(text: str) -> str:
    """A tab's text as words: "&&" is an ampersand, a single "&" marks the shortcut."""
    return "&".join(part.replace("&", "") for part in text.split("&&"))


def send_focus(widget: QWidget, item: int | None) -> None:
    """Tell assistive technologies that the focus is on ``widget``'s item ``item``
    (or on the widget itself with None), as Qt's own views do."""
    if not QAccessible.isActive():
        return
    from PySide6.QtGui import QAccessibleEvent

    event = QAccessibleEvent(widget, QAccessible.Event.Focus)
    iface = QAccessible.queryAccessibleInterface(widget)
    if item is not None and isinstance(iface, ItemsAccessible):
        event.setChild(iface.child_index(item))
    QAccessible.updateAccessibility(event)
