"""What the window shows, as one object: the pack, the view, the selection and the
search. Widgets render it and send intents to it; none of them calls another.
:mod:`gzexplorer.ui.linking` turns its selection into highlights everywhere.

Plain Python with Qt signals: no widget, so it is tested without a window.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from gzexplorer.charts import OVERVIEW

if TYPE_CHECKING:
    from gzexplorer.model import Dataset
    from gzexplorer.model.preview import PackPreview


@dataclass(frozen=True)
class Selection:
    """What the user picked: a chart point, a figure (card or bar), a milestone, or a
    passage. ``excerpt_ids``: the passages it comes from (none for a passage)."""

    kind: str  # "point" | "figure" | "milestone" | "passage"
    id: str
    year: int | None = None
    excerpt_ids: tuple[str, ...] = ()


class ViewState(QObject):
    datasetChanged = Signal()
    viewChanged = Signal(str)
    selectionChanged = Signal(object)  # Selection, or None when cleared
    searchChanged = Signal(str)

    def __init__(self, dataset: Dataset | PackPreview, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.dataset = dataset
        self.view_id = ""
        self.selection: Selection | None = None
        self.search = ""

    def set_dataset(self, dataset: Dataset | PackPreview) -> None:
        self.dataset = dataset
        self.selection = None
        self.datasetChanged.emit()

    def set_view(self, view_id: str) -> None:
        """Show a view (the Overview if ``view_id`` is not one of the pack's)."""
        from gzexplorer.charts import views

        if view_id not in {v for v, _ in views(self.dataset)}:
            view_id = OVERVIEW
        if view_id == self.view_id:
            return
        self.view_id = view_id
        self.selection = None  # what was selected belongs to the last view
        self.viewChanged.emit(view_id)

    def select(self, selection: Selection | None) -> None:
        self.selection = selection
        self.selectionChanged.emit(selection)

    def set_search(self, text: str) -> None:
        if text != self.search:
            self.search = text
            self.searchChanged.emit(text)
