"""The first frame: what it shows without, and what follows right after it."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication, QStyleFactory

from gzexplorer.ui import appearance
from gzexplorer.ui.appearance import light_palette
from gzexplorer.ui.main_window import MainWindow

# Starts the app and reports, at its first paint, what the window shows (its shell,
# drawn before pandas and pyqtgraph are loaded) and its shortcuts. startup.FirstPaint
# is replaced by a subclass that looks before the app's own steps.
FIRST_FRAME = r"""
import json, os
import gzexplorer.ui.startup as startup

class FirstPaint(startup.FirstPaint):
    def __init__(self, window, callback):
        def first_paint():
            look(window)
            callback()  # the app's own steps: the keys, the loader
        super().__init__(window, first_paint)

def look(window):
    seen = {
        "themes": window.view_model.rowCount(),
        "passages": window.excerpts.model.rowCount(),
        "passages painted": window.excerpts.delegate.painted,
        "charts loaded": window.is_ready(),
        "open keys": window.actions.open.shortcut().toString(),
    }
    print(json.dumps(seen), flush=True)
    os._exit(0)

startup.FirstPaint = FirstPaint
from gzexplorer.cli import main
main([])
"""


def test_the_first_frame_shows_the_shell_before_the_charts(tmp_path):
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
    # the shell is there: five views in the sidebar, the document's 38 passages painted,
    # while the checked data and the charts are still loading
    assert seen["themes"] == 5 and seen["passages"] == 38 and seen["passages painted"]
    assert seen["charts loaded"] is False
    # and the keys work from the start
    assert seen["open keys"] == "Ctrl+O"


@pytest.mark.parametrize("switch", [False, True], ids=["as built", "after a language switch"])
def test_menus_have_their_shortcuts(qtbot, dataset, settings, switch):
    window = MainWindow(dataset, settings)
    qtbot.addWidget(window)
    if switch:  # every action is rebuilt in the new language
        window.set_language("zh_CN")
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)  # old ones gone
    assert window.actions.open.shortcut().toString() == "Ctrl+O"  # QKeySequence.Open
    assert window.actions.search.shortcut().toString() == "Ctrl+F"  # QKeySequence.Find
    assert window.actions.export.shortcut().toString() == "Ctrl+E"
    views = [a.shortcut().toString() for a in window.actions.view_menu.actions()[:2]]
    assert views == ["Ctrl+1", "Ctrl+2"]
    window.set_language("en")


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


@pytest.fixture
def light_desktop(monkeypatch):
    """A desktop that reports no scheme and has a light palette (the offscreen platform
    reports none)."""
    monkeypatch.setattr(appearance, "_desktop_palette_dark", False)


def test_follow_the_system_after_a_dark_start_is_light_on_a_light_desktop(
    qtbot, dataset, settings, light_desktop
):
    settings.setValue("ui/scheme", "dark")  # saved by the last session
    window = MainWindow(dataset, settings)
    qtbot.addWidget(window)
    assert window.is_dark() and appearance.is_dark(QApplication.palette())
    window.set_scheme("system")
    assert not window.is_dark() and not appearance.is_dark(QApplication.palette())


def test_the_window_follows_the_desktop_when_it_turns_dark_and_back(
    qtbot, dataset, settings, light_desktop
):
    window = MainWindow(dataset, settings)  # scheme "system", the default
    qtbot.addWidget(window)
    assert not window.is_dark()
    desktop = QGuiApplication.styleHints().colorSchemeChanged  # as Qt reports a change
    desktop.emit(Qt.ColorScheme.Dark)
    assert window.is_dark() and appearance.is_dark(QApplication.palette())
    desktop.emit(Qt.ColorScheme.Light)
    assert not window.is_dark() and not appearance.is_dark(QApplication.palette())
    window.set_scheme("light")  # chosen by the user: the desktop no longer decides
    desktop.emit(Qt.ColorScheme.Dark)
    assert not window.is_dark()
    window.set_scheme("system")  # and back to following it: dark now
    assert window.is_dark()
    desktop.emit(Qt.ColorScheme.Light)
