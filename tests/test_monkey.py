"""A monkey at the keyboard and mouse: thousands of random user actions, no crash.

A fixed seed drives 2,000 actions on a shown window (and 500 on the tiny Testland
pack): clicks in the sidebar, on chart points and bars, drags and wheel turns on the
chart, clicks on passages, figure cards and chart tabs, typing and clearing the search,
Enter, the keyboard shortcuts, series toggles, the table, light/dark, the language,
resizes, splitter drags and exports. After every action no exception may have escaped
into Qt; every few actions the window must still show a consistent state (the
sidebar's selection is the view shown, the chart drawn is the chart selected, …); and
at the end no Qt warning and no Python warning may have been issued. On failure the
message lists the last actions, to replay by hand.
"""

from __future__ import annotations

import random
import warnings
from collections import deque
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, QPoint, QPointF, Qt
from PySide6.QtGui import QImage, QKeyEvent, QWheelEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from gzexplorer import charts, model
from gzexplorer.charts import OVERVIEW
from gzexplorer.render.export import export_chart
from gzexplorer.ui.application import _IGNORED_MESSAGES
from gzexplorer.ui.item_models import IdRole
from gzexplorer.ui.main_window import MainWindow
from packtools import MINIMAL

SEED = 7_2024
ACTIONS = 2000
CHECK_EVERY = 25
LEFT = Qt.MouseButton.LeftButton
CTRL = Qt.KeyboardModifier.ControlModifier
NONE = Qt.KeyboardModifier.NoModifier
WORDS = ["poverty", "digital", "big data", "Guizhou 2015", "zz-no-match", "cloud", "%", "第", "a"]


SIZE = (1280, 820)
PACKS = {  # the pack (None: the built-in one) and how many actions on it
    "guizhou": (None, ACTIONS),
    "testland": (MINIMAL, 500),
}


class Monkey:
    def __init__(self, qtbot, window: MainWindow, out: Path, seed: int) -> None:
        self.bot = qtbot
        self.w = window
        self.out = out
        self.rng = random.Random(seed)
        self.exports: list[Path] = []
        self.actions = [
            (12, self.click_sidebar),
            (14, self.click_chart),
            (6, self.drag_chart),
            (4, self.wheel_chart),
            (5, self.hover_chart),
            (8, self.click_passage),
            (5, self.type_search),
            (3, self.clear_search),
            (3, self.enter_in_search),
            (12, self.shortcut),
            (5, self.click_card),
            (4, self.click_tab),
            (4, self.toggle_series),
            (4, self.table_page),
            (2, self.resize),
            (2, self.drag_splitter),
            (1, self.toggle_dark),
            (1, self.switch_language),
            (1, self.export),
        ]
        self.weights = [weight for weight, _ in self.actions]

    def step(self) -> str:
        (_, action) = self.rng.choices(self.actions, weights=self.weights)[0]
        return action() or action.__name__

    # -- helpers ------------------------------------------------------------------------
    def pick_point(self, widget) -> QPoint:
        r = widget.rect()
        return QPoint(self.rng.randrange(max(1, r.width())), self.rng.randrange(max(1, r.height())))

    def click(self, widget, pos: QPoint, button=LEFT) -> None:
        QTest.mouseClick(widget, button, NONE, pos)

    def chart_viewport(self):
        return self.w.canvas.plot_widget.viewport()

    # -- actions --------------------------------------------------------------------------
    def click_sidebar(self) -> str:
        lst = self.w.theme_list
        row = self.rng.randrange(self.w.view_model.rowCount())
        rect = lst.visualRect(self.w.view_model.index(row))
        self.click(lst.viewport(), rect.center())
        return f"click sidebar row {row}"

    def click_chart(self) -> str:
        canvas = self.w.canvas
        marks = canvas.drawn_marks()
        if marks and self.rng.random() < 0.7:
            mark = self.rng.choice(marks)
            pos = QPoint(canvas.mark_scene_pos(mark))
            what = f"click chart mark {mark.ref.id} {mark.ref.year}"
        else:
            pos = self.pick_point(self.chart_viewport())
            what = f"click chart at {pos.x()},{pos.y()}"
        self.click(self.chart_viewport(), pos)
        return what

    def drag_chart(self) -> str:
        vp = self.chart_viewport()
        start, end = self.pick_point(vp), self.pick_point(vp)
        button = self.rng.choice([LEFT, LEFT, Qt.MouseButton.RightButton])
        QTest.mousePress(vp, button, NONE, start)
        for i in range(1, 5):
            QTest.mouseMove(vp, start + (end - start) * (i / 4))
        QTest.mouseRelease(vp, button, NONE, end)
        return f"drag chart {start.toTuple()}->{end.toTuple()} {button.name}"

    def wheel_chart(self) -> str:
        vp = self.chart_viewport()
        pos = self.pick_point(vp)
        delta = self.rng.choice([-360, -120, 120, 360])
        event = QWheelEvent(
            QPointF(pos),
            QPointF(vp.mapToGlobal(pos)),
            QPoint(0, 0),
            QPoint(0, delta),
            Qt.MouseButton.NoButton,
            NONE,
            Qt.ScrollPhase.NoScrollPhase,
            False,
        )
        QApplication.sendEvent(vp, event)
        return f"wheel {delta} at {pos.toTuple()}"

    def hover_chart(self) -> str:
        vp = self.chart_viewport()
        for _ in range(3):
            QTest.mouseMove(vp, self.pick_point(vp))
        return "hover chart"

    def click_passage(self) -> str:
        view = self.w.excerpts.view
        n = self.w.excerpts.model.rowCount()
        if not n:
            return "click passage (none listed)"
        index = self.w.excerpts.model.index(self.rng.randrange(n))
        self.w.excerpts.scroll_to(index)
        rect = view.visualRect(index)
        if rect.isValid() and view.viewport().rect().intersects(rect):
            self.click(view.viewport(), rect.center())
        return f"click passage {index.data(IdRole)}"

    def type_search(self) -> str:
        word = self.rng.choice(WORDS)
        search = self.w.excerpts.search
        search.setFocus()
        for ch in word:
            if ch.isascii():
                QTest.keyClick(search, ch)
            else:  # QTest's key table is ASCII only: send what an input method sends
                for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
                    QApplication.sendEvent(search, QKeyEvent(kind, 0, NONE, ch))
        return f"type {word!r}"

    def clear_search(self) -> str:
        search = self.w.excerpts.search
        if self.rng.random() < 0.5:
            search.clear()
            return "clear search"
        search.setFocus()
        for _ in range(self.rng.randint(1, 6)):
            QTest.keyClick(search, Qt.Key.Key_Backspace)
        return "backspace in search"

    def enter_in_search(self) -> str:
        QTest.keyClick(self.w.excerpts.search, Qt.Key.Key_Return)
        return "enter in search"

    def shortcut(self) -> str:
        key, mods, name = self.rng.choice(
            [
                (Qt.Key.Key_1, CTRL, "Ctrl+1"),
                (Qt.Key.Key_2, CTRL, "Ctrl+2"),
                (Qt.Key.Key_3, CTRL, "Ctrl+3"),
                (Qt.Key.Key_4, CTRL, "Ctrl+4"),
                (Qt.Key.Key_5, CTRL, "Ctrl+5"),
                (Qt.Key.Key_T, CTRL, "Ctrl+T"),
                (Qt.Key.Key_0, CTRL, "Ctrl+0"),
                (Qt.Key.Key_PageDown, CTRL, "Ctrl+PgDown"),
                (Qt.Key.Key_PageUp, CTRL, "Ctrl+PgUp"),
                (Qt.Key.Key_F, CTRL, "Ctrl+F"),
                (Qt.Key.Key_Down, NONE, "Down in sidebar"),
                (Qt.Key.Key_Up, NONE, "Up in sidebar"),
            ]
        )
        target = self.w.theme_list if "sidebar" in name else self.w
        if target is self.w.theme_list:
            target.setFocus()
        QTest.keyClick(target, key, mods)
        return name

    def click_card(self) -> str:
        n = self.w.figure_model.rowCount()
        if not n or not self.w.cards.isVisible():
            return "click card (none)"
        index = self.w.figure_model.index(self.rng.randrange(n))
        self.w.cards.scrollTo(index)
        self.click(self.w.cards.viewport(), self.w.cards.visualRect(index).center())
        return f"click card {index.data(IdRole)}"

    def click_tab(self) -> str:
        tabs = self.w.chart_panel.tabs
        if not tabs.count():
            return "click tab (none)"
        i = self.rng.randrange(tabs.count())
        rect = tabs.tabRect(i)
        if rect.isValid() and tabs.rect().contains(rect.center()):
            self.click(tabs, rect.center())
        return f"click tab {i}"

    def toggle_series(self) -> str:
        actions = self.w.chart_panel.series_menu.actions()
        if not actions:
            return "toggle series (none)"
        action = self.rng.choice(actions)
        name = action.text()
        action.trigger()  # the menu is rebuilt: ``action`` is gone after this
        return f"toggle series {name!r}"

    def table_page(self) -> str:
        panel = self.w.chart_panel
        button = panel.table_button  # one switch: chart or table
        self.rng.choice([0, 1])  # (the same random sequence as when it was two buttons)
        self.click(button, button.rect().center())
        if panel.showing_table() and panel.table.model().rowCount():
            table = panel.table
            if self.rng.random() < 0.5:
                header = table.horizontalHeader()
                column = self.rng.randrange(table.model().columnCount())
                x = header.sectionViewportPosition(column) + header.sectionSize(column) // 2
                self.click(header.viewport(), QPoint(x, header.height() // 2))
                return f"sort table by column {column}"
            self.click(table.viewport(), self.pick_point(table.viewport()))
        return f"click {button.text()}"

    def resize(self) -> str:
        size = (self.rng.randint(700, 1600), self.rng.randint(450, 1000))
        self.w.resize(*size)
        return f"resize {size}"

    def drag_splitter(self) -> str:
        handle = self.w.splitter.handle(self.rng.choice([1, 2]))
        start = handle.rect().center()
        dx = self.rng.randint(-250, 250)
        QTest.mousePress(handle, LEFT, NONE, start)
        QTest.mouseMove(handle, start + QPoint(dx // 2, 0))
        QTest.mouseMove(handle, start + QPoint(dx, 0))
        QTest.mouseRelease(handle, LEFT, NONE, start + QPoint(dx, 0))
        return f"drag splitter by {dx}"

    def toggle_dark(self) -> str:
        QTest.keyClick(self.w, Qt.Key.Key_D, CTRL | Qt.KeyboardModifier.ShiftModifier)
        return "Ctrl+Shift+D"

    def switch_language(self) -> str:
        action = self.rng.choice(self.w.actions.language_menu.actions())
        name = action.text()
        action.trigger()  # the menus are rebuilt in the new language
        return f"language {name}"

    def export(self) -> str:
        spec = self.w.current_chart()
        fmt = self.rng.choice(["png", "svg", "csv"])
        path = self.out / f"export-{len(self.exports):03d}.{fmt}"
        export_chart(spec, path, fmt, self.rng.choice([400, 800]), 300, self.rng.choice([1, 2]))
        self.exports.append(path)
        return f"export {spec.id} as {fmt}"


def check_consistent(w: MainWindow) -> None:
    """What a person sees must agree with itself after any sequence of actions."""
    view = w.view_id()
    assert view in {v for v, _ in charts.views(w.dataset)}
    current = w.theme_list.currentIndex()
    assert current.isValid() and current.data(IdRole) == view, "sidebar selection != view"
    panel = w.chart_panel
    specs = panel.charts()
    assert panel.tabs.count() == len(specs) >= 1
    spec = w.current_chart()
    assert spec is not None and spec.theme_id == view
    assert w.canvas.title.shown_text() == spec.title, "the chart drawn is not the chart selected"
    assert w.canvas.spec.id == spec.id
    assert w.actions.table.isChecked() == panel.showing_table(), "View > Show table is wrong"
    shown = {w.excerpts.model.index(i).data(IdRole) for i in range(w.excerpts.model.rowCount())}
    if not w.excerpts.search.text().strip():
        expected = {e.id for e in w.dataset.excerpts(None if view == OVERVIEW else view)}
        assert expected <= shown, "passages of the view are missing"
    assert w.excerpts.heading.text()
    assert w.windowTitle().endswith("— gzexplorer")


@pytest.mark.slow  # some 35 s for the 2,000 actions on the built-in pack
@pytest.mark.parametrize("pack", list(PACKS))
def test_thousands_of_random_actions_without_an_error_or_a_warning(
    qtbot, qtlog, make_window, tmp_path, pack
):
    folder, actions = PACKS[pack]
    window = make_window(None if folder is None else model.load(folder), size=SIZE)
    monkey = Monkey(qtbot, window, tmp_path, SEED)
    recent: deque[str] = deque(maxlen=15)
    seen_views = set()
    with warnings.catch_warnings(record=True) as python_warnings:
        warnings.simplefilter("always")
        for step in range(actions):
            with qtbot.captureExceptions() as exceptions:
                recent.append(f"{step}: {monkey.step()}")
                QApplication.processEvents()
            if exceptions:
                kind, value, _tb = exceptions[0]
                message = f"{kind.__name__}: {value}"
                exceptions.clear()
                pytest.fail(f"{message}\nafter these actions:\n" + "\n".join(recent))
            seen_views.add(window.view_id())
            if step % CHECK_EVERY == 0:
                try:
                    check_consistent(window)
                except AssertionError as exc:
                    raise AssertionError(f"{exc}\nafter:\n" + "\n".join(recent)) from None

    check_consistent(window)
    assert [str(w.message) for w in python_warnings] == []
    qt_messages = [
        r.message
        for r in qtlog.records
        if not any(ignored in r.message for ignored in _IGNORED_MESSAGES)
    ]
    assert qt_messages == []
    # the monkey did get around: every view, and every export is a real file
    assert seen_views == {v for v, _ in charts.views(window.dataset)}
    assert monkey.exports
    for path in monkey.exports:
        assert path.stat().st_size > 100, path
        if path.suffix == ".png":
            assert not QImage(str(path)).isNull(), path


def test_the_table_tick_survives_a_language_switch(make_window):
    """Found by the monkey: table shown, language switched, then Ctrl+T needs two presses."""
    w = make_window(size=SIZE)
    w.show_view("governance")
    QTest.keyClick(w, Qt.Key.Key_T, CTRL)
    assert w.chart_panel.showing_table() and w.actions.table.isChecked()

    english = next(a for a in w.actions.language_menu.actions() if a.data() == "en")
    english.trigger()

    assert w.chart_panel.showing_table()
    assert w.actions.table.isChecked(), "View > Show table is unticked while the table shows"
    QTest.keyClick(w, Qt.Key.Key_T, CTRL)
    assert not w.chart_panel.showing_table(), "Ctrl+T did not go back to the chart"
