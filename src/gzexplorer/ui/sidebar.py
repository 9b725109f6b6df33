"""The sidebar: the pack's title over the list of views (Overview and the themes),
each with the number of figures the document states for it."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QAbstractItemView, QListView, QVBoxLayout, QWidget

from gzexplorer.charts import OVERVIEW
from gzexplorer.markup import escape
from gzexplorer.paths import resources_dir
from gzexplorer.render.labels import WrappedLabel
from gzexplorer.ui.delegates import ThemeDelegate
from gzexplorer.ui.item_models import IdRole, ViewListModel

if TYPE_CHECKING:
    from gzexplorer.model import Dataset
    from gzexplorer.model.preview import PackPreview


def icon(name: str) -> QIcon:
    """A built-in icon by name; the plain theme icon for a name it does not know."""
    path = resources_dir() / "icons" / f"{name}.svg"
    return QIcon(str(path if path.is_file() else resources_dir() / "icons" / "theme.svg"))


class Sidebar(QWidget):
    viewChosen = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, objectName="sidebar")
        self.model = ViewListModel(self)
        self.list = QListView(objectName="themeList")
        self.list.setModel(self.model)
        self.list.setItemDelegate(ThemeDelegate(self.list))
        self.list.setIconSize(QSize(22, 22))
        self.list.setMouseTracking(True)  # rows light up under the mouse
        self.list.setSpacing(1)
        self.list.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        # rows as wide as the list: long names are elided (whole in the tooltip), never
        # scrolled to sideways
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.selectionModel().currentChanged.connect(
            lambda cur, _prev: cur.isValid() and self.viewChosen.emit(cur.data(IdRole))
        )
        self.title = WrappedLabel(objectName="sidebarTitle")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 10, 4, 8)
        layout.setSpacing(8)
        layout.addWidget(self.title)
        layout.addWidget(self.list, 1)
        self.setMinimumWidth(150)
        self.retranslate()

    def retranslate(self) -> None:
        self.list.setAccessibleName(self.tr("Themes"))

    def show_pack(
        self, dataset: Dataset | PackPreview, views: list[tuple[str, str]], language: str
    ) -> None:
        """The pack's title and one row per view: name, description, figure count.
        A first-stage preview gives its own counts until the checked data is there."""
        self.title.setText(f"<b>{escape(dataset.info.title)}</b>")
        full = dataset.complete
        rows = []
        for vid, name in views:
            if vid == OVERVIEW:
                count = len(dataset.headline_figures()) if full else dataset.headline_count
                desc = self.tr("All milestones and the headline figures")
                rows.append((vid, name, desc, count, icon("overview")))
            else:
                t = dataset.theme(vid)
                count = len(dataset.figures(vid)) if full else dataset.figure_counts.get(vid, 0)
                rows.append(
                    (vid, name, t.text("description", language), count, icon(t.icon or "theme"))
                )
        current = self.list.currentIndex().data(IdRole)
        self.model.set_views(rows)
        if current is not None:
            self.select(current, quietly=True)

    def current_name(self) -> str:
        """The name of the view shown ("" before any)."""
        return self.list.currentIndex().data() or ""

    def select(self, view_id: str, quietly: bool = False) -> None:
        """Mark ``view_id``'s row as current (``quietly``: without saying so)."""
        row = self.model.row_of(view_id)
        if row < 0 or self.list.currentIndex().row() == row:
            return
        selection = self.list.selectionModel()
        selection.blockSignals(quietly)
        self.list.setCurrentIndex(self.model.index(row))
        selection.blockSignals(False)
