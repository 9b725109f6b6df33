"""What an assistive technology reads of the window's items (issue 18): only the item
that has the keyboard focus reports FOCUSED, the chart tabs are named as a list, the
chart's marks are children of the chart, and what is announced when the focus does not
move (the next search hit, a pack opened, an export written or failed). Real key
presses; asserted are the names, states and texts a screen reader gets."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import QApplication, QMessageBox

from gzexplorer import model
from gzexplorer.ui import accessibility

Name = QAccessible.Text.Name
ROOT = Path(__file__).resolve().parent.parent


def children(widget) -> list:
    iface = QAccessible.queryAccessibleInterface(widget)
    return [iface.child(i) for i in range(iface.childCount())]


def focused_names(widget) -> list[str]:
    """The names of ``widget``'s accessible children that say they are focused."""
    return [c.text(Name) for c in children(widget) if c.state().focused]


def selected_names(widget) -> list[str]:
    return [c.text(Name) for c in children(widget) if c.state().selected]


def press(qtbot, key, modifier=Qt.KeyboardModifier.NoModifier) -> None:
    qtbot.keyClick(QApplication.focusWidget(), key, modifier)


def focus(qtbot, widget) -> None:
    widget.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(widget.hasFocus)


@pytest.fixture
def screen_reader_listening():
    """Qt as it is with an assistive technology connected: events are sent."""
    QAccessible.setActive(True)
    yield
    QAccessible.setActive(False)


# -- only the focused item is focused ----------------------------------------------
def test_after_a_theme_switch_only_the_sidebars_current_item_is_focused(qtbot, window):
    focus(qtbot, window.theme_list)
    press(qtbot, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    assert window.view_id() == "economy"
    panel = window.chart_panel
    assert focused_names(window.theme_list) == ["Economy: 14 figures"]
    # the chart tabs' current tab is chosen, but the focus is not there
    assert selected_names(panel.tabs) == [panel.tabs.tabText(0)]
    assert focused_names(panel.tabs) == []
    window.cards.setCurrentIndex(window.figure_model.index(0))
    window.excerpts.view.setCurrentIndex(window.excerpts.model.index(0))
    for widget in (window.cards, window.excerpts.view):
        assert focused_names(widget) == []

    press(qtbot, Qt.Key.Key_Tab)  # to the chart tabs: the focus goes with it
    assert QApplication.focusWidget() is panel.tabs
    assert focused_names(panel.tabs) == [panel.tabs.tabText(0)]
    assert focused_names(window.theme_list) == []
    assert selected_names(window.theme_list) == ["Economy: 14 figures"]
    press(qtbot, Qt.Key.Key_Right)  # the next chart: its tab is the focused one
    assert focused_names(panel.tabs) == [panel.tabs.tabText(1)]

    focus(qtbot, window.cards)
    first_card = window.figure_model.index(0).data(Qt.ItemDataRole.AccessibleTextRole)
    assert focused_names(window.cards) == [first_card]
    assert focused_names(panel.tabs) == []
    focus_child = QAccessible.queryAccessibleInterface(window.cards).focusChild()
    assert focus_child.text(Name) == first_card


def test_the_chart_tabs_are_named_as_a_list_of_the_charts(qtbot, window):
    window.show_view("economy")
    tabs = window.chart_panel.tabs
    iface = QAccessible.queryAccessibleInterface(tabs)
    assert iface.role() == QAccessible.Role.PageTabList
    assert iface.text(Name) == "Charts of this theme"
    titles = [c.text(Name) for c in children(tabs)]
    assert titles == [tabs.tabText(i) for i in range(tabs.count())]
    assert all(c.role() == QAccessible.Role.PageTab for c in children(tabs))
    window.show_view("governance")  # another theme: its charts, the same name
    assert [c.text(Name) for c in children(tabs)] == [tabs.tabText(i) for i in range(tabs.count())]
    assert iface.text(Name) == "Charts of this theme"


def test_list_children_and_indexes_agree(window):
    window.show_view("economy")
    for view in (window.theme_list, window.cards, window.excerpts.view):
        iface = QAccessible.queryAccessibleInterface(view)
        assert iface.childCount() == view.model().rowCount()
        for i in range(iface.childCount()):
            child = iface.child(i)
            assert iface.indexOfChild(child) == i
            assert child.parent().object() is view
        shown = view.visualRect(view.model().index(0, 0))
        centre = view.viewport().mapToGlobal(shown.center())
        assert iface.childAt(centre.x(), centre.y()).text(Name) == iface.child(0).text(Name)


# -- the chart's marks in the tree ---------------------------------------------------
def test_a_charts_marks_are_its_children_named_by_their_words(qtbot, window):
    window.show_view("governance")  # one line: the poverty rate, 2012-2021
    canvas = window.canvas
    iface = QAccessible.queryAccessibleInterface(canvas)
    marks = [c for c in children(canvas) if c.role() == QAccessible.Role.ListItem]
    assert len(marks) == 10
    assert marks[0].text(Name).startswith("Poverty rate, 2012; 26.8%; Source:")
    assert marks[0].text(Name).endswith("1 of 10")
    assert marks[-1].text(Name).startswith('Poverty rate, 2021; "-" in Table 2')
    # the title and the notes are still there, before the marks
    labels = [c.text(Name) for c in children(canvas)[: iface.childCount() - 10]]
    assert window.current_chart().title in labels
    for i in range(iface.childCount()):
        assert iface.indexOfChild(iface.child(i)) == i
    assert not any(m.state().selected or m.state().focused for m in marks)

    focus(qtbot, canvas)
    press(qtbot, Qt.Key.Key_Right)
    press(qtbot, Qt.Key.Key_Right)  # 2013
    chosen = [m for m in marks if m.state().selected]
    assert [m.text(Name) for m in chosen] == [iface.text(QAccessible.Text.Value)]
    assert chosen[0].text(Name).startswith("Poverty rate, 2013;")
    assert chosen[0].state().focused
    assert iface.focusChild().text(Name) == chosen[0].text(Name)

    # on screen where the ring is drawn, and found there
    mark = next(m for m in canvas.drawn_marks() if m.ref.year == 2013)
    drawn = canvas.plot_widget.mapToGlobal(canvas.mark_scene_pos(mark))
    rect = chosen[0].rect()
    assert rect.contains(drawn)
    assert canvas.plot_widget.rect().contains(canvas.mark_scene_pos(mark))
    assert iface.childAt(drawn.x(), drawn.y()).text(Name) == chosen[0].text(Name)

    press(qtbot, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)  # the focus leaves:
    assert window.excerpts.search.hasFocus()  # the mark stays chosen, not focused
    assert chosen[0].state().selected and not chosen[0].state().focused


def test_a_bar_charts_bars_are_children_top_to_bottom(qtbot, window):
    window.show_view("economy")
    panel = window.chart_panel
    panel.set_current(next(i for i, s in enumerate(panel.charts()) if s.kind == "bar"))
    spec = window.current_chart()
    bars = list(reversed(spec.series[0].marks))  # drawn bottom-up, read top-down
    marks = [c for c in children(window.canvas) if c.role() == QAccessible.Role.ListItem]
    assert [m.text(Name).split(";")[0] for m in marks] == [
        b.tooltip.split("\n")[0] + (f", {b.ref.year}" if b.ref.year else "") for b in bars
    ]


def test_another_chart_gives_other_children(qtbot, window):
    window.show_view("governance")
    before = [c.text(Name) for c in children(window.canvas)]
    window.show_view("economy")
    after = [c.text(Name) for c in children(window.canvas)]
    assert before != after
    assert any(name.startswith("GDP growth rate, 2012;") for name in after)


# -- announcements -----------------------------------------------------------------
def test_enter_in_the_search_field_says_which_hit_of_how_many(
    qtbot, window, screen_reader_listening
):
    window.focus_search()
    qtbot.keyClicks(window.excerpts.search, "poverty")
    qtbot.waitUntil(
        lambda: (
            bool(window.a11y.announced)
            and window.a11y.announced[-1].startswith("Passages matching")
        )
    )
    hits = window.excerpts.model.excerpts()
    assert len(hits) >= 2
    press(qtbot, Qt.Key.Key_Return)
    assert window.a11y.announced[-1] == f"Hit 1 of {len(hits)}: {hits[0].section}"
    press(qtbot, Qt.Key.Key_Return)
    assert window.a11y.announced[-1] == f"Hit 2 of {len(hits)}: {hits[1].section}"
    assert window.excerpts.current_id() == hits[1].id
    assert window.excerpts.search.hasFocus()  # the focus stays: hence the announcement


def test_a_pack_opened_is_announced_with_what_it_holds(qtbot, window, screen_reader_listening):
    pack = ROOT / "docs" / "example-pack"
    data = model.load(pack)
    assert window.open_pack(pack)
    opened = [a for a in window.a11y.announced if a.startswith("Opened ")]
    assert opened == [
        f"Opened {data.info.title}: themes {len(data.tables['themes'])}, "
        f"figures {len(data.tables['figures'])}, passages {len(data.tables['excerpts'])}"
    ]


def test_an_export_written_is_announced_and_a_failed_one_said_by_its_box(qtbot, window, tmp_path):
    from gzexplorer.ui.export_dialog import ExportDialog

    window.show_view("economy")

    def dialog() -> ExportDialog:
        qtbot.keyClick(window, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
        qtbot.waitUntil(lambda: isinstance(QApplication.activeModalWidget(), ExportDialog))
        return QApplication.activeModalWidget()

    d = dialog()
    d.target.edit.setText(str(tmp_path / "growth.csv"))
    d.format.setCurrentIndex(d.format.findData("csv"))
    qtbot.keyClick(d, Qt.Key.Key_Return)
    assert (tmp_path / "growth.csv").is_file()
    assert accessibility.recent[-1] == f"Exported {tmp_path / 'growth.csv'}"
    live = QAccessible.queryAccessibleInterface(window.status.live)  # shown, and said
    assert live.role() == QAccessible.Role.Notification
    assert live.text(QAccessible.Text.Name) == accessibility.recent[-1]
    assert window.status.live.isVisible()

    d = dialog()
    d.target.edit.setText(str(tmp_path / "missing" / "growth.png"))
    d.format.setCurrentIndex(d.format.findData("png"))
    boxes: list[str] = []
    roles: list[QAccessible.Role] = []

    def close_box() -> None:
        box = QApplication.activeModalWidget()
        if isinstance(box, QMessageBox):
            boxes.append(box.text())
            roles.append(QAccessible.queryAccessibleInterface(box).role())
            box.accept()
        else:
            QTimer.singleShot(50, close_box)

    QTimer.singleShot(50, close_box)
    qtbot.keyClick(d, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: bool(boxes))
    # said once: by its error box (an alert, which a screen reader reads), not also
    # announced
    assert roles == [QAccessible.Role.AlertMessage]
    assert boxes[0] not in accessibility.recent
    assert "does not exist" in boxes[0]
    d.reject()


def test_a_data_bundle_written_is_announced_and_a_failed_one_said_by_its_box(
    qtbot, window, tmp_path
):
    from gzexplorer.ui.bundle_dialog import BundleDialog

    window.show_view("economy")

    def dialog() -> BundleDialog:
        window.actions.export_bundle.trigger()
        qtbot.waitUntil(lambda: isinstance(QApplication.activeModalWidget(), BundleDialog))
        return QApplication.activeModalWidget()

    d = dialog()
    d.target.edit.setText(str(tmp_path / "data.zip"))
    qtbot.keyClick(d, Qt.Key.Key_Return)
    assert (tmp_path / "data.zip").is_file()
    assert accessibility.recent[-1] == f"Exported {tmp_path / 'data.zip'}"

    d = dialog()
    d.target.edit.setText(str(tmp_path / "missing" / "data.zip"))
    boxes: list[str] = []
    roles: list[QAccessible.Role] = []

    def close_box() -> None:
        box = QApplication.activeModalWidget()
        if isinstance(box, QMessageBox):
            boxes.append(box.text())
            roles.append(QAccessible.queryAccessibleInterface(box).role())
            box.accept()
        else:
            QTimer.singleShot(50, close_box)

    QTimer.singleShot(50, close_box)
    qtbot.keyClick(d, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: bool(boxes))
    # said once: by its error box (an alert, which a screen reader reads), not also
    # announced
    assert roles == [QAccessible.Role.AlertMessage]
    assert boxes[0] not in accessibility.recent
    assert "does not exist" in boxes[0]
    d.reject()
