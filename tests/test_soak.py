"""Long sessions: the window does not grow while a person keeps clicking.

One window goes through a thousand theme switches (Ctrl+1…Ctrl+5 and Ctrl+PgDown, as a
person flips through the charts), light/dark switches, packs opened again and again,
bad packs refused again and again, and language switches. After a warm-up, the
process's resident memory (from /proc/self/statm; getrusage's maximum never goes
down) may grow by less than 10 MB, every chart keeps the same number of plot items,
the charts' scenes the same number of graphics items, and the window the same number
of Qt objects.
"""

from __future__ import annotations

import gc
import os
from collections import Counter
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMessageBox

from gzexplorer import charts, paths
from gzexplorer.render.canvas import ChartCanvas
from gzexplorer.ui.chart_panel import MAX_CANVASES
from gzexplorer.ui.main_window import MainWindow
from packtools import MINIMAL

CTRL = Qt.KeyboardModifier.ControlModifier
VIEW_KEYS = [Qt.Key.Key_1, Qt.Key.Key_2, Qt.Key.Key_3, Qt.Key.Key_4, Qt.Key.Key_5]
MB = 2**20


def rss() -> int:
    """The resident memory of this process now, in bytes (Linux)."""
    try:
        pages = int(Path("/proc/self/statm").read_text().split()[1])
    except OSError:
        pytest.skip("no /proc/self/statm on this system")
    return pages * os.sysconf("SC_PAGE_SIZE")


def settle() -> None:
    """What the event loop does between two user actions, deferred deletes included."""
    QApplication.processEvents()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def scene_items(w: MainWindow) -> int:
    return sum(len(c.plot_widget.scene().items()) for c in w.findChildren(ChartCanvas))


def census(w: MainWindow) -> Counter:
    """The window's Qt objects by class: a leak shows as a class that keeps growing."""
    return Counter(type(o).__name__ for o in w.findChildren(QObject))


def growth(before: Counter, after: Counter) -> dict[str, int]:
    return {k: after[k] - before[k] for k in after | before if after[k] > before[k]}


@pytest.fixture
def window(make_window):
    return make_window(size=(1280, 820))


def flip_through(w: MainWindow, n: int, seen: dict, every_tab: bool = False) -> None:
    """``n`` theme switches by keyboard (Ctrl+1…Ctrl+5), now and then a look at the next
    chart (Ctrl+PgDown); ``every_tab`` looks at every chart of every theme."""
    for i in range(n):
        QTest.keyClick(w, VIEW_KEYS[i % len(VIEW_KEYS)], CTRL)
        rounds = (i // len(VIEW_KEYS)) % (4 if every_tab else 2)
        for _ in range(rounds):
            QTest.keyClick(w, Qt.Key.Key_PageDown, CTRL)
        settle()
        key = (w.view_id(), w.chart_panel.current_index())
        seen.setdefault(key, []).append(len(w.canvas.plot_item.items))


def _charts(w: MainWindow, view_id: str) -> int:
    return len(charts.charts_for(w.dataset, view_id))


@pytest.mark.slow  # some 13 s
def test_a_thousand_theme_switches_keep_memory_and_chart_items_flat(window):
    seen: dict[tuple[str, int], list[int]] = {}
    flip_through(window, 40, seen, every_tab=True)  # warm-up: every chart drawn once
    gc.collect()
    memory, items, canvases = rss(), scene_items(window), len(window.findChildren(ChartCanvas))
    objects = census(window)
    warm = {key: counts[-1] for key, counts in seen.items()}
    views = [v for v, _ in charts.views(window.dataset)]
    every_chart = {(v, i) for v in views for i in range(_charts(window, v))}
    assert set(warm) == every_chart

    flip_through(window, 1000, seen)
    flip_through(window, 20, seen, every_tab=True)
    gc.collect()

    assert {key: counts[-1] for key, counts in seen.items()} == warm
    assert all(len(set(counts)) == 1 for counts in seen.values()), "a chart grew or shrank"
    assert len(window.findChildren(ChartCanvas)) == canvases
    assert scene_items(window) == items
    assert growth(objects, census(window)) == {}
    assert rss() - memory < 10 * MB, f"grew by {(rss() - memory) / MB:.1f} MB"


@pytest.mark.slow  # some 8 s
def test_light_and_dark_switches_keep_memory_and_chart_items_flat(window):
    seen: dict[tuple[str, int], list[int]] = {}
    flip_through(window, 20, seen, every_tab=True)  # every chart is restyled on a switch
    for _ in range(4):
        QTest.keyClick(window, Qt.Key.Key_D, CTRL | Qt.KeyboardModifier.ShiftModifier)
        settle()
    gc.collect()
    memory, items, objects = rss(), scene_items(window), census(window)
    per_chart = {key: counts[-1] for key, counts in seen.items()}

    for _ in range(60):
        QTest.keyClick(window, Qt.Key.Key_D, CTRL | Qt.KeyboardModifier.ShiftModifier)
        settle()
    gc.collect()

    assert window.chart_panel.chart_style.dark is False  # an even number of switches
    assert scene_items(window) == items
    assert growth(objects, census(window)) == {}
    after: dict[tuple[str, int], list[int]] = {}
    flip_through(window, 20, after, every_tab=True)
    assert {key: counts[-1] for key, counts in after.items()} == per_chart
    assert rss() - memory < 10 * MB, f"grew by {(rss() - memory) / MB:.1f} MB"


def open_again_and_again(w: MainWindow, n: int) -> None:
    for i in range(n):
        assert w.open_pack(MINIMAL if i % 2 == 0 else paths.builtin_pack())
        w.show_view(charts.views(w.dataset)[-1][0])
        settle()


@pytest.mark.slow  # some 9 s
def test_opening_packs_again_and_again_keeps_the_window_flat(window):
    open_again_and_again(window, 30)  # fills the cache of drawn charts (least recently used)
    gc.collect()
    objects = census(window)

    open_again_and_again(window, 40)
    gc.collect()

    # (no memory bound here: each pack is parsed anew by pandas, and the allocator's
    # high-water mark takes some 80 opens to level off)
    assert len(window.findChildren(ChartCanvas)) <= MAX_CANVASES + 1
    assert growth(objects, census(window)) == {}


def test_bad_packs_refused_again_and_again_leave_no_dialogs_behind(window, tmp_path):
    bad = tmp_path / "bad"
    bad.mkdir()
    (bad / "datapackage.json").write_text("{not json", encoding="utf-8")

    for _ in range(30):
        assert not window.open_pack(bad)
        (box,) = [b for b in window.findChildren(QMessageBox, "packProblems") if b.isVisible()]
        box.close()
        settle()

    assert len(window.findChildren(QMessageBox)) <= 1


def test_language_switches_keep_the_window_flat(window):
    def switch(n: int) -> None:
        for i in range(n):
            code = "zh_CN" if i % 2 == 0 else "en"
            next(a for a in window.actions.language_menu.actions() if a.data() == code).trigger()
            settle()

    switch(4)
    gc.collect()
    objects = census(window)

    switch(20)
    gc.collect()

    assert window.language() == "en"
    assert growth(objects, census(window)) == {}
