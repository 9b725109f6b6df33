"""The widget side of the selection: what the user picks on the chart, among the figure
cards or among the passages becomes the state's selection, and the highlights the
:class:`~gzexplorer.ui.linking.Linker` makes of it are shown on all three."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from gzexplorer.charts import navigation
from gzexplorer.ui.state import Selection

if TYPE_CHECKING:
    from gzexplorer.charts.navigation import Key
    from gzexplorer.charts.spec import Mark
    from gzexplorer.model.cited_numbers import CitedNumber
    from gzexplorer.ui.chart_column import ChartColumn
    from gzexplorer.ui.excerpt_panel import ExcerptPanel
    from gzexplorer.ui.linking import Highlights, Linker
    from gzexplorer.ui.state import ViewState
    from gzexplorer.ui.status_bar import StatusBar


class CrossHighlighter(QObject):
    passagesWanted = Signal(object)  # frozenset of passage ids to list with the view's

    def __init__(
        self,
        state: ViewState,
        linker: Linker,
        column: ChartColumn,
        excerpts: ExcerptPanel,
        status: StatusBar,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.state = state
        self.linker = linker
        self.column = column
        self.excerpts = excerpts
        self.status = status
        self._from_text = False  # a number in a passage was chosen: no scrolling to it
        linker.highlightsChanged.connect(self.show_highlights)
        excerpts.numberChosen.connect(self.select_number)

    def _charts_ready(self) -> bool:
        """The charts are drawn from the full dataset, not only a preview."""
        return self.column.panel is not None and self.state.dataset.complete

    def select_mark(self, mark: Mark) -> None:
        """A chart element was clicked: show and highlight the passages it comes from."""
        ref = mark.ref
        self.state.select(Selection(ref.kind, ref.id, ref.year, tuple(ref.excerpt_ids)))
        self.status.show_mark(self.column.canvas.tooltip(mark))

    def open_mark(self, mark: Mark) -> None:
        """Enter on a chart mark: its passage, listed, selected and focused."""
        self.select_mark(mark)
        self.excerpts.open(set(self.linker.current.passages))

    def mark_hovered(self, mark: Mark | None) -> None:
        if mark is not None:
            self.status.show_mark(self.column.canvas.tooltip(mark), 4000)

    def select_figure(self, figure_id: str) -> None:
        """A figure card was chosen: bring up its bar chart, if any, and highlight it."""
        if not self._charts_ready():
            return
        panel = self.column.panel
        for i, spec in enumerate(panel.charts()):
            if spec.kind == "bar" and any(m.ref.id == figure_id for m in spec.marks()):
                if i != panel.current_index():
                    panel.set_current(i)
                break
        self.state.select(Selection("figure", figure_id))
        self.column.cards.select(figure_id)

    def select_number(self, number: CitedNumber) -> None:
        """A charted number in a passage was clicked (or Enter pressed on it): select
        the bar, point or event it stands for as a click on it does, on the chart of
        the view that shows it."""
        if not self._charts_ready():
            return
        self._from_text = True  # the passage is where the user is: it stays in place
        try:
            if number.kind == "figure":
                self.select_figure(str(number.key))
                self.status.show_mark(self.excerpts.model.charted(number))
                return
            if number.kind == "point":
                key: Key = ("point", *number.key)  # type: ignore[assignment]
            else:
                key = ("milestone", str(number.key), None)
            mark = self._show_mark(key)
            if mark is not None:
                self.select_mark(mark)
            else:  # charted in another view: its words marked, its value said
                self.state.select(Selection(*key, self._sources(number)))
                self.status.show_mark(self.excerpts.model.charted(number))
        finally:
            self._from_text = False

    def _sources(self, number: CitedNumber) -> tuple[str, ...]:
        dataset = self.state.dataset
        try:
            if number.kind == "point":
                return dataset.point(*number.key).excerpt_ids  # type: ignore[misc]
            return next(m.excerpt_ids for m in dataset.milestones() if m.id == number.key)
        except (KeyError, StopIteration):
            return ()

    def _show_mark(self, key: Key) -> Mark | None:
        """The view's chart mark ``key`` (a milestone: by its id), its chart brought to
        the front; None if no chart of the view draws it."""
        panel = self.column.panel
        for i, spec in enumerate(panel.charts()):
            rows = navigation.mark_rows(spec)
            if key[0] == "milestone":  # an event's year is its own: found by its id
                at = next(
                    (
                        (r, j)
                        for r, row in enumerate(rows)
                        for j, m in enumerate(row)
                        if m.ref.kind == "milestone" and m.ref.id == key[1]
                    ),
                    None,
                )
            else:
                at = navigation.find(rows, key)
            if at is not None:
                if i != panel.current_index():
                    panel.set_current(i)
                return rows[at[0]][at[1]]
        return None

    def select_excerpt(self, excerpt_id: str) -> None:
        """A passage was selected: highlight the chart elements and cards that cite it."""
        if not excerpt_id or not self._charts_ready():
            return
        self.state.select(Selection("passage", excerpt_id))
        figures = self.column.cards.model
        cards = sum(1 for f in self.linker.current.figures if figures.row_of(f) >= 0)
        self.status.passage_links(self.column.canvas.highlighted_count(), cards)

    def show_highlights(self, h: Highlights) -> None:
        """Ring the chart elements, mark the cards and the passages; passages that the
        list does not hold (and no search is shown) are asked for by passagesWanted."""
        if self.column.canvas is not None:
            self.column.canvas.highlight(set(h.marks))
        self.column.cards.model.set_highlighted(set(h.figures))
        missing = {i for i in h.passages if self.excerpts.model.row_of(i) < 0}
        if missing and not self.state.search:
            self.passagesWanted.emit(h.passages)
        scroll = h.scroll_to_passages and not self._from_text
        self.excerpts.highlight(set(h.passages), scroll=scroll, words=h.words)
