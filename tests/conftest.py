"""Shared fixtures: the data pack, the model layer, settings files and windows.

The helpers that build and break test packs are in packtools.py.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication

from gzexplorer import model, paths
from gzexplorer.ui.main_window import MainWindow
from packtools import copy_pack


@pytest.fixture(scope="session")
def builtin_pack() -> Path:
    """The folder of the built-in Guizhou data pack (data/ in a checkout)."""
    return paths.builtin_pack()


@pytest.fixture(scope="session")
def dataset(builtin_pack: Path) -> model.Dataset:
    """The built-in pack, loaded once; tests must not mutate it."""
    return model.load(builtin_pack)


@pytest.fixture
def pack_copy(builtin_pack: Path, tmp_path: Path) -> Path:
    """A private copy of the built-in pack, for tests that change its files."""
    return copy_pack(tmp_path, builtin_pack)


@pytest.fixture
def settings(tmp_path: Path) -> QSettings:
    """A private settings file, so a window starts from defaults and keeps nothing."""
    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


MakeWindow = Callable[..., MainWindow]


@pytest.fixture
def make_window(qtbot, dataset: model.Dataset, tmp_path: Path) -> Iterator[MakeWindow]:
    """Makes main windows as a person gets one: shown, exposed and active (the keyboard
    shortcuts need that), on ``data`` (the built-in pack by default), with settings of
    its own in tmp_path, so that it starts from defaults and keeps nothing.

    The light scheme and the English interface are application-wide: they are put back
    when the test ends, whatever it switched to."""
    made: list[MainWindow] = []

    def make(data: model.Dataset | None = None, size: tuple[int, int] = (1400, 900)) -> MainWindow:
        ini = QSettings(str(tmp_path / f"window-{len(made)}.ini"), QSettings.Format.IniFormat)
        w = MainWindow(dataset if data is None else data, ini)
        qtbot.addWidget(w)
        made.append(w)
        w.resize(*size)
        w.show()
        qtbot.waitExposed(w)
        qtbot.waitUntil(lambda: QApplication.activeWindow() is w)
        return w

    yield make
    for w in made:
        w.set_scheme("light")
        w.set_language("en")


@pytest.fixture
def window(make_window: MakeWindow) -> MainWindow:
    """A window on the built-in pack, 1400 × 900, at the Overview."""
    return make_window()
