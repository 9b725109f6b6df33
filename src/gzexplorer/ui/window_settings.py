"""What the window keeps from one run to the next: its geometry, the split between its
columns, the view last shown and whether the chart's table and description were on.
A missing or wrong-typed value means the default (see :mod:`~gzexplorer.ui.settings`)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray

from gzexplorer.charts import OVERVIEW

if TYPE_CHECKING:
    from gzexplorer.ui.main_window import MainWindow

DEFAULT_SIZE = (1440, 900)


def restore_window(window: MainWindow) -> None:
    """Put the window back as it was saved (at its default size the first time)."""
    s = window.settings
    geometry = s.get("window/geometry", QByteArray, None)
    if geometry is None or not window.restoreGeometry(geometry):
        window.resize(*DEFAULT_SIZE)
    window.splitter.restore(s.get("window/splitter", QByteArray, None))
    window.show_view(s.get("view/last", str, OVERVIEW))
    table = s.get("view/table", bool, False)
    window.actions.table.setChecked(table)
    window.set_table_page(table)
    described = s.get("view/description", bool, False)
    window.actions.description.setChecked(described)
    window.set_description_shown(described)
    window.actions.check(window.look.language_choice(), window.look.scheme)


def save_window(window: MainWindow) -> None:
    s = window.settings
    s.set("window/geometry", window.saveGeometry())
    s.set("window/splitter", window.splitter.saveState())
    s.set("view/last", window.state.view_id)
    s.set("view/table", window.actions.table.isChecked())
    s.set("view/description", window.actions.description.isChecked())
    s.sync()
