"""Small screens (1280×720, 1024×700): nothing cut, as a person sees the window.

Every figure card whole in view (after scrolling down, never sideways), the chart
keeping at least half of the centre column, every tab, tool button, theme and the
passages' search whole; the chart's description for screen readers always and on
screen on demand. In English and Chinese, light and dark."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QRect, QSettings, Qt
from PySide6.QtWidgets import QApplication, QToolButton, QWidget

from charttools import drawn_tick_labels
from gzexplorer import charts
from gzexplorer.ui.main_window import MainWindow

SMALL = [(1280, 720), (1024, 700)]


@pytest.fixture
def make_window(qtbot, dataset, tmp_path):
    """A window at (width, height), in a language and scheme, on its own settings."""
    made: list[MainWindow] = []

    def make(size, language="en", scheme="light", view="economy", settings=None):
        if settings is None:
            settings = QSettings(str(tmp_path / f"{len(made)}.ini"), QSettings.Format.IniFormat)
            settings.setValue("ui/language", language)
            settings.setValue("ui/scheme", scheme)
        w = MainWindow(dataset, settings)
        qtbot.addWidget(w)
        made.append(w)
        w.resize(*size)
        w.show()
        qtbot.waitExposed(w)
        w.show_view(view)
        settle()
        return w

    yield make
    if made:  # the language and palette are the application's: back to the defaults
        made[-1].set_language("en")
        made[-1].set_scheme("light")


def settle() -> None:
    for _ in range(5):
        QApplication.processEvents()


def inside(widget: QWidget, outer: QWidget) -> QRect:
    """``widget``'s rectangle in ``outer``'s coordinates."""
    return QRect(widget.mapTo(outer, QPoint(0, 0)), widget.size())


def centre_column(w: MainWindow) -> QWidget:
    return w.findChild(QWidget, "centre")


def assert_every_card_is_whole(w: MainWindow) -> None:
    cards = w.cards
    n = w.figure_model.rowCount()
    assert n and cards.isVisible()
    assert not cards.horizontalScrollBar().isVisible()
    assert cards.horizontalScrollBar().maximum() == 0  # nothing to the side
    viewport = cards.viewport().rect()
    for row in range(n):
        index = w.figure_model.index(row)
        cards.scrollTo(index)
        settle()
        rect = cards.visualRect(index)
        assert viewport.contains(rect), (row, rect, viewport)
    # and the cards' area is inside the centre column, not cut by its right edge
    assert centre_column(w).rect().contains(inside(cards, centre_column(w)))


@pytest.mark.parametrize("size", SMALL, ids=lambda s: f"{s[0]}x{s[1]}")
@pytest.mark.parametrize("language", ["en", "zh_CN"])
def test_every_figure_card_is_whole_and_the_chart_keeps_half_the_column(
    make_window, size, language
):
    w = make_window(size, language)
    assert w.language() == language
    assert_every_card_is_whole(w)
    column = centre_column(w)
    assert w.canvas.height() >= column.height() / 2
    # two rows of cards at most; more scroll down
    rows = {w.cards.visualRect(w.figure_model.index(r)).top() for r in range(14)}
    w.cards.scrollToTop()
    settle()
    shown = [
        r
        for r in range(14)
        if w.cards.viewport().rect().contains(w.cards.visualRect(w.figure_model.index(r)))
    ]
    assert len(rows) > 2 and w.cards.verticalScrollBar().isVisible()
    assert len({w.cards.visualRect(w.figure_model.index(r)).top() for r in shown}) == 2
    # the cards fill their row: no wide gap on the right of the last column
    last = max(w.cards.visualRect(w.figure_model.index(r)).right() for r in shown)
    assert w.cards.viewport().width() - last < 8


@pytest.mark.parametrize("view", ["overview", "governance", "culture"])
def test_the_cards_of_every_theme_are_whole_at_1024x700(make_window, view):
    w = make_window((1024, 700), view=view)
    assert_every_card_is_whole(w)
    assert w.canvas.height() >= centre_column(w).height() / 2


def test_a_short_window_keeps_one_row_of_cards_and_the_chart_the_rest(make_window):
    w = make_window((1024, 560))
    row_height = w.cards.visualRect(w.figure_model.index(0)).height()
    assert w.cards.viewport().height() < 2 * row_height
    assert_every_card_is_whole(w)
    assert w.canvas.height() >= centre_column(w).height() / 2


def test_the_cards_fill_a_wide_window_in_one_or_two_rows(make_window):
    w = make_window((1440, 900), view="governance")
    tops = {w.cards.visualRect(w.figure_model.index(r)).top() for r in range(4)}
    assert tops == {0}  # four cards: one row, nothing to scroll
    assert not w.cards.verticalScrollBar().isVisible()
    assert_every_card_is_whole(w)


@pytest.mark.parametrize("size", SMALL, ids=lambda s: f"{s[0]}x{s[1]}")
def test_the_chart_is_whole_in_a_small_window(make_window, size):
    """The annotation's words above their triangles and the 0 of the axis are drawn,
    and the chart's labels do not run into its plot."""
    w = make_window(size)
    canvas = w.canvas
    view_box = canvas.plot_item.getViewBox()
    note = canvas.renderer.note
    assert note is not None and note.isVisible()
    top_of_words = note.mapRectToScene(note.boundingRect()).top()
    assert top_of_words >= view_box.sceneBoundingRect().top() - 0.5
    assert "0" in [words for _, words in drawn_tick_labels(canvas.plot_item.getAxis("left"))]
    assert canvas.legend.geometry().bottom() < canvas.plot_widget.geometry().top()
    assert canvas.plot_widget.geometry().bottom() < canvas.footer.geometry().top()
    assert canvas.footer.geometry().bottom() <= canvas.height()
    # with the description shown too
    w.chart_panel.description_button.click()
    settle()
    assert canvas.plot_widget.geometry().bottom() < canvas.footer.geometry().top()
    assert canvas.footer.geometry().bottom() <= canvas.height()


def test_zooming_keeps_the_view_and_resizing_refits_it(make_window):
    w = make_window((1280, 720))
    view_box = w.canvas.plot_item.getViewBox()
    before = view_box.viewRange()[1]
    w.resize(1024, 700)
    settle()
    shorter = view_box.viewRange()[1]
    assert shorter[1] >= before[1]  # more room above, in plot units, for the same words
    view_box.sigRangeChangedManually.emit(None)  # as a wheel or drag does
    view_box.scaleBy((0.5, 0.5))
    zoomed = view_box.viewRange()
    w.resize(1280, 720)
    settle()
    assert view_box.viewRange() == zoomed
    w.reset_chart_view()
    assert view_box.viewRange()[1] == pytest.approx(before)


@pytest.mark.parametrize("size", SMALL, ids=lambda s: f"{s[0]}x{s[1]}")
@pytest.mark.parametrize(
    ("language", "scheme"), [("en", "light"), ("en", "dark"), ("zh_CN", "light"), ("zh_CN", "dark")]
)
def test_sidebar_tabs_tool_buttons_and_passages_are_whole(make_window, size, language, scheme):
    w = make_window(size, language, scheme)
    assert w.is_dark() == (scheme == "dark")
    # sidebar: every theme row whole
    themes = w.theme_list
    for row in range(w.view_model.rowCount()):
        assert themes.viewport().rect().contains(themes.visualRect(w.view_model.index(row)))
    # tabs: every chart's tab in view, none behind scroll arrows
    tabs = w.chart_panel.tabs
    assert tabs.count() == 4
    for i in range(tabs.count()):
        assert tabs.rect().contains(tabs.tabRect(i)), (i, tabs.tabRect(i), tabs.rect())
        assert tabs.tabToolTip(i)  # the whole title, where the tab shortens it
    assert not [b for b in tabs.findChildren(QToolButton) if b.isVisible()]
    # tool buttons: each as wide as its words, inside the panel, side by side
    panel = w.chart_panel
    buttons = [b for b in panel.findChildren(QToolButton) if b.isVisible() and b.parent() is panel]
    assert {b.text() for b in buttons} >= {w.chart_panel.description_button.text()}
    rects = sorted((inside(b, panel) for b in buttons), key=QRect.left)
    for b in buttons:
        assert b.width() >= b.sizeHint().width(), b.text()
        assert panel.rect().contains(inside(b, panel)), b.text()
    for left, right in zip(rects, rects[1:], strict=False):
        assert left.right() < right.left()
    # passages: the search's hint whole, no sideways scrolling, the heading whole
    search = w.excerpts.search
    hint = search.fontMetrics().horizontalAdvance(search.placeholderText())
    assert hint < search.width() - 24
    assert not w.excerpts.view.horizontalScrollBar().isVisible()
    heading = w.excerpts.heading
    assert heading.height() >= heading.heightForWidth(heading.width())
    assert w.excerpts.width() >= 280


def test_the_passages_narrow_with_the_window_until_the_divider_is_moved(qtbot, make_window):
    w = make_window((1024, 700))
    narrow = w.excerpts.width()
    w.resize(1440, 900)
    settle()
    assert w.excerpts.width() > narrow  # the default split at 1440×900 as before
    assert w.splitter.sizes()[0] == 190 and w.splitter.sizes()[2] == 380
    handle = w.splitter.handle(2)
    start = handle.rect().center()
    qtbot.mousePress(handle, Qt.MouseButton.LeftButton, pos=start)
    qtbot.mouseMove(handle, start + QPoint(60, 0))
    qtbot.mouseRelease(handle, Qt.MouseButton.LeftButton, pos=start + QPoint(60, 0))
    chosen = w.excerpts.width()
    assert chosen != 380
    w.resize(1024, 700)
    settle()
    assert w.excerpts.width() == chosen  # the user's split is kept


# -- the chart's description ------------------------------------------------------------


def test_the_description_is_for_screen_readers_and_on_screen_on_demand(qtbot, make_window):
    w = make_window((1024, 700))
    panel = w.chart_panel
    spec = w.current_chart()
    assert spec.alt_text
    # always given to screen readers, not always taking lines under the chart
    assert w.canvas.accessibleDescription() == spec.alt_text
    assert not panel.description.isVisible()
    # the toggle in the chart's tool bar shows it under the chart
    button = panel.description_button
    assert button.isVisible() and button.isCheckable() and button.accessibleName()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    settle()
    assert panel.description.isVisible() and panel.description.text() == spec.alt_text
    assert w.actions.description.isChecked()
    assert inside(panel.description, w).bottom() < inside(w.cards, w).top()
    # and under the table too, following the chart shown
    w.actions.table.trigger()
    w.step_chart(1)
    settle()
    assert panel.description.isVisible()
    assert panel.description.text() == w.current_chart().alt_text
    assert w.canvas.accessibleDescription() == w.current_chart().alt_text
    # the View menu's entry hides it again
    w.actions.description.trigger()
    settle()
    assert not panel.description.isVisible() and not button.isChecked()


def test_the_description_choice_is_kept_for_the_next_start(make_window, tmp_path):
    settings = QSettings(str(tmp_path / "kept.ini"), QSettings.Format.IniFormat)
    w = make_window((1280, 720), settings=settings)
    w.chart_panel.description_button.click()
    w.save_settings()
    again = make_window((1280, 720), settings=settings)
    assert again.chart_panel.description.isVisible()
    assert again.actions.description.isChecked()


def test_a_wrong_typed_description_setting_means_hidden(make_window, tmp_path):
    settings = QSettings(str(tmp_path / "bad.ini"), QSettings.Format.IniFormat)
    settings.setValue("view/description", "maybe")
    w = make_window((1280, 720), settings=settings)
    assert not w.chart_panel.description.isVisible()
    assert not w.actions.description.isChecked()


def test_every_chart_gives_its_description_to_screen_readers(make_window, dataset):
    w = make_window((1024, 700), view="overview")
    for view_id, _ in charts.views(dataset):
        w.show_view(view_id)
        for i, spec in enumerate(charts.charts_for(dataset, view_id)):
            w.chart_panel.set_current(i)
            assert w.canvas.accessibleDescription() == spec.alt_text != ""
