"""Shared fixtures: the data pack, the model layer, a settings file, a window."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings

from gzexplorer import model, paths


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
    return Path(shutil.copytree(builtin_pack, tmp_path / "pack"))


@pytest.fixture
def settings(tmp_path: Path) -> QSettings:
    """A private settings file, so a window starts from defaults and keeps nothing."""
    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def window(qtbot, dataset: model.Dataset, settings: QSettings):
    """The explorer on the built-in pack, shown at 1400 x 900."""
    from gzexplorer.ui.main_window import MainWindow

    w = MainWindow(dataset, settings)
    qtbot.addWidget(w)
    w.resize(1400, 900)
    w.show()
    qtbot.waitExposed(w)
    return w
