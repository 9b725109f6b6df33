"""A keyboard and a screen reader on the window: what the focus visits, what the chart
says as its marks are reached by the arrow keys, and what the accessible tree tells
of the highlighted cards and passages (issue 18). Real key presses; what is asserted
is what a person sees or an assistive technology reads."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import QApplication, QToolButton

from gzexplorer.ui.item_models import HighlightRole
from gzexplorer.ui.state import Selection

Name, Description, Value = (
    QAccessible.Text.Name,
    QAccessible.Text.Description,
    QAccessible.Text.Value,
)


def said(widget, kind=Name) -> str:
    """What an assistive technology reads of ``widget``."""
    return QAccessible.queryAccessibleInterface(widget).text(kind)


def press(qtbot, key, modifier=Qt.KeyboardModifier.NoModifier) -> None:
    """A key pressed where the keyboard focus is."""
    qtbot.keyClick(QApplication.focusWidget(), key, modifier)


def focus_chart(qtbot, window):
    canvas = window.canvas
    canvas.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(canvas.hasFocus)
    return canvas


def card_said(window, figure_id: str, kind=Name) -> str:
    """What the accessible tree says of a figure card."""
    return _item_said(window.cards, window.figure_model.row_of(figure_id), kind)


def _item_said(view, row: int, kind) -> str:
    iface = QAccessible.queryAccessibleInterface(view)
    for i in range(iface.childCount()):
        child = iface.child(i)
        if child.role() == QAccessible.Role.ListItem and child.text(Name) == (
            view.model().index(row, 0).data(Qt.ItemDataRole.AccessibleTextRole)
        ):
            return child.text(kind)
    raise AssertionError(f"row {row} is not in the accessible tree")


def passage_said(window, excerpt_id: str, kind=Name) -> str:
    return _item_said(window.excerpts.view, window.excerpts.model.row_of(excerpt_id), kind)


# -- the chart as an accessible object ---------------------------------------------
def test_the_chart_takes_the_focus_and_is_named_described_and_a_chart(qtbot, window):
    window.show_view("governance")
    canvas = focus_chart(qtbot, window)
    assert canvas.hasFocus()
    iface = QAccessible.queryAccessibleInterface(canvas)
    assert iface.role() == QAccessible.Role.Chart
    assert iface.text(Name) == window.current_chart().title
    assert iface.text(Description) == window.current_chart().alt_text
    assert iface.state().focusable and iface.state().focused


def test_arrow_keys_walk_a_line_and_select_each_point_as_a_click_does(qtbot, window, dataset):
    window.show_view("governance")  # one line: the poverty rate, 2012-2021
    canvas = focus_chart(qtbot, window)
    press(qtbot, Qt.Key.Key_Right)
    first = window.state.selection
    assert (first.kind, first.id, first.year) == ("point", "poverty_rate", 2012)
    obs = dataset.series("poverty_rate")
    ids = set(obs[obs["year"] == 2012]["excerpt_ids"].iloc[0])
    assert window.excerpts.highlighted() == ids  # the passage, highlighted
    words = said(canvas, Value)
    assert words.startswith("Poverty rate, 2012; 26.8%; Source:")
    assert words.endswith("1 of 10")
    assert said(canvas, Description) == window.current_chart().alt_text  # unchanged
    assert "Poverty rate, 2012" in window.statusBar().currentMessage()
    assert canvas.highlighted_count() == 1  # the ring

    press(qtbot, Qt.Key.Key_Right)
    assert window.state.selection.year == 2013
    assert said(canvas, Value).startswith("Poverty rate, 2013;")
    press(qtbot, Qt.Key.Key_End)
    assert window.state.selection.year == 2021
    assert said(canvas, Value).startswith(
        'Poverty rate, 2021; "-" in Table 2 (no number given); Source:'
    )
    press(qtbot, Qt.Key.Key_Right)  # the end stays the end
    assert window.state.selection.year == 2021
    press(qtbot, Qt.Key.Key_Home)
    assert window.state.selection.year == 2012

    # the same selection a click on the point makes
    mark = next(m for m in canvas.drawn_marks() if m.ref.year == 2012)
    assert window.state.selection == Selection("point", "poverty_rate", 2012, mark.ref.excerpt_ids)


def test_up_and_down_go_between_the_series_at_the_same_year(qtbot, window):
    window.show_view("economy")  # GDP growth and the digital economy's growth
    spec = window.current_chart()
    assert spec.kind == "line" and len(spec.series) == 2
    focus_chart(qtbot, window)
    press(qtbot, Qt.Key.Key_Right)
    press(qtbot, Qt.Key.Key_Right)
    top = window.state.selection
    press(qtbot, Qt.Key.Key_Down)
    below = window.state.selection
    assert below.id == spec.series[1].id != top.id
    assert below.year == top.year
    assert said(window.canvas, Value).startswith(f"{spec.series[1].name}, {top.year};")
    press(qtbot, Qt.Key.Key_Up)
    assert window.state.selection == top


def test_arrow_keys_on_bars_highlight_the_card_and_say_so(qtbot, window):
    window.show_view("economy")
    panel = window.chart_panel
    bar = next(i for i, s in enumerate(panel.charts()) if s.kind == "bar")
    panel.set_current(bar)
    canvas = focus_chart(qtbot, window)
    spec = window.current_chart()
    top_bar = list(spec.series[0].marks)[-1]  # drawn bottom-up: the first read is on top
    press(qtbot, Qt.Key.Key_Down)
    assert window.state.selection.id == top_bar.ref.id
    row = window.figure_model.row_of(top_bar.ref.id)
    assert window.figure_model.index(row).data(HighlightRole)
    assert card_said(window, top_bar.ref.id, Description) == "Highlighted: cited by the selection"
    words = said(canvas, Value)
    assert words.startswith(top_bar.tooltip.split("\n")[0])
    assert top_bar.tooltip.split("\n")[1] in words  # the value with its qualifier and unit
    assert window.excerpts.highlighted() == set(top_bar.ref.excerpt_ids)
    for figure in window.figure_model._rows:
        if figure.id != top_bar.ref.id:
            assert card_said(window, figure.id, Description) == ""


def test_enter_goes_to_the_passage_and_escape_clears(qtbot, window):
    window.show_view("governance")
    focus_chart(qtbot, window)
    press(qtbot, Qt.Key.Key_Right)
    wanted = set(window.state.selection.excerpt_ids)
    press(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(window.excerpts.view.hasFocus)
    assert window.excerpts.current_id() in wanted
    assert passage_said(window, window.excerpts.current_id(), Description).startswith("Highlighted")

    canvas = focus_chart(qtbot, window)
    press(qtbot, Qt.Key.Key_Escape)
    assert window.state.selection is None
    assert said(canvas, Value) == ""
    assert said(canvas, Description) == window.current_chart().alt_text


def test_a_timeline_is_walked_by_year(qtbot, window):
    window.show_view("overview")
    spec = window.current_chart()
    assert spec.kind == "timeline"
    focus_chart(qtbot, window)
    years = []
    press(qtbot, Qt.Key.Key_Home)
    for _ in range(4):
        years.append(window.state.selection.year)
        press(qtbot, Qt.Key.Key_Right)
    assert years == sorted(years)
    assert window.state.selection.kind == "milestone"
    assert said(window.canvas, Value).startswith(f"{window.state.selection.year}: ")


# -- focus and order -----------------------------------------------------------------
def test_tab_visits_the_window_in_screen_order(qtbot, window):
    window.show_view("economy")
    panel = window.chart_panel
    start = window.theme_list
    start.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(start.hasFocus)
    visited = []
    for _ in range(20):
        press(qtbot, Qt.Key.Key_Tab)
        w = QApplication.focusWidget()
        if w is start:
            break
        visited.append(w)
    expected = [
        panel.tabs,
        panel.table_button,
        panel.description_button,
        panel.series_button,  # two series: shown (Log scale is not, for lines)
        panel.reset_button,
        panel.export_button,
        panel.cite_button,
        window.canvas,
        window.cards,
        window.excerpts.search,
        window.excerpts.view,
    ]
    assert [w.objectName() or type(w).__name__ for w in visited] == [
        w.objectName() or type(w).__name__ for w in expected
    ]
    assert visited == expected


def test_the_table_is_one_tab_stop(qtbot, window):
    window.show_view("economy")
    panel = window.chart_panel
    panel.table_button.setFocus(Qt.FocusReason.TabFocusReason)
    press(qtbot, Qt.Key.Key_Space)  # the switch: the table instead of the chart
    assert panel.showing_table()
    panel.table.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(panel.table.hasFocus)
    press(qtbot, Qt.Key.Key_Down)  # arrows move inside it
    assert panel.table.hasFocus()
    press(qtbot, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is window.cards
    press(qtbot, Qt.Key.Key_Backtab)
    assert QApplication.focusWidget() is panel.table
    press(qtbot, Qt.Key.Key_Backtab)
    assert QApplication.focusWidget() is panel.cite_button


def test_chart_or_table_is_one_switch_with_two_states(qtbot, window):
    window.show_view("economy")
    panel = window.chart_panel
    switches = [b for b in panel.findChildren(QToolButton) if b.text() in ("Chart", "Table")]
    assert switches == [panel.table_button]
    iface = QAccessible.queryAccessibleInterface(panel.table_button)
    assert iface.text(Name) == "Table"
    assert iface.state().checkable and not iface.state().checked
    qtbot.keyClick(window, Qt.Key.Key_T, Qt.KeyboardModifier.ControlModifier)
    assert panel.showing_table()
    assert iface.state().checked
    qtbot.keyClick(window, Qt.Key.Key_T, Qt.KeyboardModifier.ControlModifier)
    assert not panel.showing_table() and not iface.state().checked


# -- state in the tree ---------------------------------------------------------------
def test_passages_are_named_by_their_header_and_clean_words(qtbot, window, dataset):
    window.show_view("economy")
    caption = dataset.excerpt("cap-beipanjiang")
    assert caption.text.startswith("■")
    name = passage_said(window, "cap-beipanjiang")
    assert name.startswith(f"{caption.section} · caption · Economy. The world's highest bridge")
    table = next(e for e in window.excerpts.model.excerpts() if e.kind == "table")
    for e in (caption, table):
        name = passage_said(window, e.id)
        assert not any(c in name for c in "*■\t\n"), name
    assert "," in passage_said(window, table.id)  # the cells, separated


def test_a_highlighted_passage_says_so(qtbot, window):
    window.show_view("governance")
    focus_chart(qtbot, window)
    press(qtbot, Qt.Key.Key_Right)
    cited = set(window.state.selection.excerpt_ids)
    for e in window.excerpts.model.excerpts():
        description = passage_said(window, e.id, Description)
        assert description == ("Highlighted: a source of the selection" if e.id in cited else "")


def test_the_search_fields_clear_button_has_a_name(qtbot, window):
    window.show_view("economy")
    qtbot.keyClicks(window.excerpts.search, "poverty")
    buttons = [b for b in window.excerpts.search.findChildren(QToolButton) if b.isVisible()]
    assert buttons and all(said(b) == "Clear the search" for b in buttons)


def test_the_themes_say_their_figure_counts(window, dataset):
    window.show_view("economy")
    row = window.view_model.row_of("economy")
    name = _item_said(window.theme_list, row, Name)
    assert name == f"Economy: {len(dataset.figures('economy'))} figures"


def test_the_passages_heading_reads_as_it_shows(qtbot, window):
    window.show_view("economy")
    heading = window.excerpts.heading
    assert said(heading) == heading.text()
    assert heading.text().startswith("Passages on Economy: ")


# -- announcements -------------------------------------------------------------------
@pytest.fixture
def screen_reader_listening():
    """Qt as it is with an assistive technology connected: events are sent."""
    QAccessible.setActive(True)
    yield
    QAccessible.setActive(False)


def live_status_said(window) -> str:
    """What the window's live status gives an assistive technology: a notification
    (Orca speaks one as it is shown), on screen, named by its words; its name."""
    live = window.status.live
    iface = QAccessible.queryAccessibleInterface(live)
    assert iface.role() == QAccessible.Role.Notification
    assert live.isVisible() and not iface.state().invisible
    assert iface.text(Description) == ""  # not the same words twice
    assert live.text() == iface.text(Name)  # a sighted person reads the same words
    return iface.text(Name)


def test_the_window_opens_with_no_announcement_and_says_a_heading_once(
    qtbot, window, screen_reader_listening
):
    heading_said = window.a11y._heading_timer  # the heading is said once it is listed
    qtbot.waitUntil(lambda: not heading_said.isActive())
    assert window.a11y.announced == []  # its opening is said by the screen reader
    assert not window.status.live.isVisible()
    window.show_view("economy")
    qtbot.waitUntil(lambda: bool(window.a11y.announced))
    window.show_view("economy")  # no change: nothing new to say
    window.excerpts.heading_changed.emit()
    assert heading_said.isActive()
    qtbot.waitUntil(lambda: not heading_said.isActive())
    assert window.a11y.announced == [f"Economy. {window.excerpts.heading.text()}"]


def test_a_theme_switch_during_a_search_says_the_theme_and_the_results(
    qtbot, window, screen_reader_listening
):
    window.focus_search()
    qtbot.keyClicks(window.excerpts.search, "poverty")
    qtbot.waitUntil(lambda: window.a11y.announced[-1:] == [window.excerpts.heading.text()])
    assert window.a11y.announced[-1].startswith("Passages matching “poverty”")
    qtbot.keyClick(window, Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: window.a11y.announced[-1].startswith("Governance. "))
    # the heading has not changed (the search is in all themes), the theme has
    assert window.a11y.announced[-1] == f"Governance. {window.excerpts.heading.text()}"
    assert live_status_said(window) == window.a11y.announced[-1]


def test_theme_switches_and_search_results_are_announced_and_a_mark_takes_the_focus(
    qtbot, window, screen_reader_listening
):
    qtbot.keyClick(window, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: any(a.startswith("Economy.") for a in window.a11y.announced))
    assert window.a11y.announced[-1] == f"Economy. {window.excerpts.heading.text()}"
    assert window.excerpts.heading.text().startswith("Passages on Economy: ")
    assert live_status_said(window) == window.a11y.announced[-1]
    window.focus_search()
    qtbot.keyClicks(window.excerpts.search, "poverty")
    qtbot.waitUntil(lambda: window.a11y.announced[-1].startswith("Passages matching"))
    assert window.a11y.announced[-1] == window.excerpts.heading.text()
    assert window.a11y.announced[-1].endswith(str(window.excerpts.model.rowCount()))
    assert live_status_said(window) == window.a11y.announced[-1]
    canvas = focus_chart(qtbot, window)
    press(qtbot, Qt.Key.Key_Right)
    # the mark is the chart's focused child: a screen reader says its words
    focused = QAccessible.queryAccessibleInterface(canvas).focusChild()
    assert focused.text(Name) == said(canvas, Value) != ""
    assert focused.state().focused and focused.state().selected
