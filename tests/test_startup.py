"""The first frame: what it shows without, and what follows right after it."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication, QStyleFactory

from gzexplorer.ui import appearance, item_models
from gzexplorer.ui.appearance import light_palette
from gzexplorer.ui.delegates import _elided
from gzexplorer.ui.main_window import MainWindow

# Starts the app and reports, at its first paint, which of PySide's costly enum groups
# have been built (PySide builds a class's enums when the class is first read).
# startup.FirstPaint is replaced by a subclass that looks before the app's own steps.
FIRST_FRAME = r"""
import json, os
import PySide6.QtCore, PySide6.QtGui, PySide6.QtWidgets
import gzexplorer.ui.startup as startup

class FirstPaint(startup.FirstPaint):
    def __init__(self, window, callback):
        def first_paint():
            look(window)
            callback()  # the app's own steps: the keys, the loader
        super().__init__(window, first_paint)

def look(window):
    from PySide6.QtCore import QTimer
    seen = {
        "Qt": "Qt" in vars(PySide6.QtCore),
        "QStyle": "QStyle" in vars(PySide6.QtWidgets),
        "QKeySequence": "QKeySequence" in vars(PySide6.QtGui),
        "themes": window.view_model.rowCount(),
        "passages": window.excerpts.model.rowCount(),
        "passages painted": window.excerpts.delegate.painted,
    }

    def after():  # the app's own steps after the first paint have run
        seen["open keys"] = window.open_action.shortcut().toString()
        print(json.dumps(seen), flush=True)
        os._exit(0)

    QTimer.singleShot(0, after)

startup.FirstPaint = FirstPaint
from gzexplorer.cli import main
main([])
"""


def test_the_first_frame_needs_neither_the_qt_namespace_nor_qstyle(tmp_path):
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "XDG_CONFIG_HOME": str(tmp_path),  # default settings: the Overview
    }
    done = subprocess.run(
        [sys.executable, "-c", FIRST_FRAME], capture_output=True, text=True, env=env, timeout=120
    )
    assert done.returncode == 0, done.stderr[-800:]
    seen = json.loads(done.stdout.strip().splitlines()[-1])
    # the shell is there: five views in the sidebar, the document's 38 passages painted
    assert seen["themes"] == 5 and seen["passages"] == 38 and seen["passages painted"]
    # and it was drawn without the ~2,000 enum members of these three classes
    assert not seen["Qt"] and not seen["QStyle"] and not seen["QKeySequence"], seen
    # the shortcuts are bound right after it
    assert seen["open keys"] == "Ctrl+O"


@pytest.mark.parametrize("switch", [False, True], ids=["as built", "after a language switch"])
def test_keys_are_bound_after_the_first_frame(qtbot, dataset, settings, switch):
    window = MainWindow(dataset, settings, keys_later=True)
    qtbot.addWidget(window)
    if switch:  # before the keys are bound: every action is rebuilt
        window.set_language("zh_CN")
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)  # old ones gone
    assert window.open_action.shortcut().isEmpty()
    window.bind_keys()
    assert window.open_action.shortcut().toString() == "Ctrl+O"  # QKeySequence.Open
    assert window.search_action.shortcut().toString() == "Ctrl+F"  # QKeySequence.Find
    assert window.export_action.shortcut().toString() == "Ctrl+E"
    views = [a.shortcut().toString() for a in window.view_menu.actions()[:2]]
    assert views == ["Ctrl+1", "Ctrl+2"]


def test_properties_set_by_name_take_effect(qtbot, dataset, settings):
    window = MainWindow(dataset, settings)
    qtbot.addWidget(window)
    assert window.loading.alignment() == Qt.AlignmentFlag.AlignCenter
    assert window.cards_empty.alignment() == Qt.AlignmentFlag.AlignCenter
    policy = window.cards.verticalScrollBarPolicy()
    assert policy == Qt.ScrollBarPolicy.ScrollBarAlwaysOff


def test_the_light_palette_is_fusions_with_darker_placeholder_and_selection(qapp):
    QGuiApplication.styleHints().setColorScheme(Qt.ColorScheme.Light)  # Fusion's light one
    fusion = QStyleFactory.create("Fusion").standardPalette()
    QGuiApplication.styleHints().unsetColorScheme()
    ours = light_palette()
    groups = (QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive)
    changed = {(group, QPalette.ColorRole.Highlight): "#ff1f5fa6" for group in groups} | {
        (group, QPalette.ColorRole.PlaceholderText): "#ff5f6368" for group in groups
    }
    changed[(QPalette.ColorGroup.Disabled, QPalette.ColorRole.PlaceholderText)] = "#ff5f6368"
    for group in (*groups, QPalette.ColorGroup.Disabled):
        for role in QPalette.ColorRole:
            if role in (QPalette.ColorRole.NoRole, QPalette.ColorRole.NColorRoles):
                continue
            argb = QColor.NameFormat.HexArgb
            want = changed.get((group, role), fusion.color(group, role).name(argb))
            assert ours.color(group, role).name(argb) == want, (group, role)


def test_follow_the_system_after_a_dark_start_is_light_on_a_light_desktop(
    qtbot, dataset, settings, monkeypatch
):
    # a fresh process on a light desktop, whose saved scheme is "dark"
    monkeypatch.setattr(appearance, "_system_dark", None)
    QApplication.setPalette(appearance.light_palette())
    settings.setValue("ui/scheme", "dark")
    window = MainWindow(dataset, settings)
    qtbot.addWidget(window)
    assert window.is_dark() and appearance.is_dark(QApplication.palette())
    window.set_scheme("system")
    assert not window.is_dark() and not appearance.is_dark(QApplication.palette())


def test_item_roles_are_qts_own_numbers():
    role = Qt.ItemDataRole
    assert item_models.DisplayRole == role.DisplayRole
    assert item_models.DecorationRole == role.DecorationRole
    assert item_models.ToolTipRole == role.ToolTipRole
    assert item_models.AccessibleTextRole == role.AccessibleTextRole
    assert item_models.AccessibleDescriptionRole == role.AccessibleDescriptionRole
    assert item_models.UserRole == role.UserRole


@pytest.mark.parametrize("width", [40, 90, 400])
def test_a_long_theme_name_is_cut_to_the_sidebar_with_an_ellipsis(qapp, width):
    fm = QFontMetrics(QFont())
    name = "Digital government and public services"
    shown = _elided(fm, name, width)
    assert fm.horizontalAdvance(shown) <= width
    if fm.horizontalAdvance(name) <= width:
        assert shown == name
    else:
        assert shown.endswith("…") and name.startswith(shown[:-1])
        longer = name[: len(shown)].rstrip() + "…"  # one more letter would not fit
        assert fm.horizontalAdvance(longer) > width or longer == shown


@pytest.mark.parametrize(
    ("desktop", "dark"), [("Dark", True), ("Light", False), ("Unknown", False)]
)
def test_after_the_first_frame_the_window_follows_qts_word_on_the_desktop(
    qtbot, dataset, settings, monkeypatch, desktop, dark
):
    # the first frame went by the (light) palette; Qt then reports the desktop's scheme
    monkeypatch.setattr(appearance, "_system_dark", None)
    QApplication.setPalette(appearance.light_palette())
    window = MainWindow(dataset, settings)
    qtbot.addWidget(window)
    assert not window.is_dark()
    monkeypatch.setattr(appearance, "_desktop_scheme", lambda: getattr(Qt.ColorScheme, desktop))
    window.follow_system_scheme()
    assert window.is_dark() == dark
    assert appearance.is_dark(QApplication.palette()) == dark
