"""From a selection to highlights everywhere: the chart marks, figure cards and
passages that belong together. A chart point or a card leads to its passages; a
passage leads back to everything that cites it."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from gzexplorer.charts.cited import selection_key

if TYPE_CHECKING:
    from gzexplorer.model import Dataset
    from gzexplorer.model.preview import PackPreview
    from gzexplorer.ui.state import Selection, ViewState

MarkKey = tuple[str, str, int | None]  # (kind, id, year) of a chart mark


@dataclass(frozen=True)
class Highlights:
    marks: frozenset[MarkKey] = field(default_factory=frozenset)
    figures: frozenset[str] = field(default_factory=frozenset)
    passages: frozenset[str] = field(default_factory=frozenset)
    scroll_to_passages: bool = False  # bring the passages into view (not for a passage
    # the user is pointing at)
    words: frozenset[tuple[str, object]] = field(default_factory=frozenset)  # the
    # (kind, key)s of the charted numbers in the passages that state the selection


def highlights(dataset: Dataset | PackPreview, selection: Selection | None) -> Highlights:
    """What ``selection`` leads to. A point or a milestone carries its passages, so
    they are found on the first stage's preview too; figures and a passage's
    citations need the full dataset."""
    if selection is None:
        return Highlights()
    if selection.kind in ("passage", "figure") and not dataset.complete:
        return Highlights()
    if selection.kind == "passage":
        cited = dataset.citing(selection.id)
        marks = {("point", p.indicator_id, p.year) for p in cited.points}
        marks |= {("figure", f.id, f.year) for f in cited.figures}
        marks |= {("milestone", m.id, m.year) for m in cited.milestones}
        return Highlights(
            frozenset(marks),
            frozenset(f.id for f in cited.figures),
            frozenset({selection.id}),
        )
    words = frozenset({selection_key(selection.kind, selection.id, selection.year)})
    if selection.kind == "figure":
        figure = dataset.figure(selection.id)
        return Highlights(
            frozenset({("figure", figure.id, figure.year)}),
            frozenset({figure.id}),
            frozenset(figure.excerpt_ids),
            scroll_to_passages=True,
            words=words,
        )
    return Highlights(  # a point or a milestone
        frozenset({(selection.kind, selection.id, selection.year)}),
        frozenset(),
        frozenset(selection.excerpt_ids),
        scroll_to_passages=True,
        words=words,
    )


class Linker(QObject):
    """Follows the state's selection and says what to highlight."""

    highlightsChanged = Signal(object)  # Highlights

    def __init__(self, state: ViewState) -> None:
        super().__init__(state)
        self.state = state
        self.current = Highlights()
        state.selectionChanged.connect(self._update)
        state.viewChanged.connect(self._update)
        state.datasetChanged.connect(self._update)

    def _update(self, *_args) -> None:
        self.current = highlights(self.state.dataset, self.state.selection)
        self.highlightsChanged.emit(self.current)
