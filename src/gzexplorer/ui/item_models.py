"""Qt item models: the bridge from the model layer to the views.

They hold references to model-layer records only; nothing here parses or computes
a figure.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt, QTimer
from PySide6.QtGui import QIcon

from gzexplorer.charts import format as fmt
from gzexplorer.charts.cited import figure_text
from gzexplorer.charts.context import ENGLISH, ChartContext
from gzexplorer.charts.i18n import qualifier_words
from gzexplorer.markup import plain, spoken

if TYPE_CHECKING:
    from gzexplorer.model import Dataset, Excerpt, Figure
    from gzexplorer.model.cited_numbers import CitedNumber
    from gzexplorer.model.preview import PackPreview

Index = QModelIndex | QPersistentModelIndex
ROOT = QModelIndex()

DisplayRole = Qt.ItemDataRole.DisplayRole
DecorationRole = Qt.ItemDataRole.DecorationRole
ToolTipRole = Qt.ItemDataRole.ToolTipRole
AccessibleTextRole = Qt.ItemDataRole.AccessibleTextRole
AccessibleDescriptionRole = Qt.ItemDataRole.AccessibleDescriptionRole
UserRole = Qt.ItemDataRole.UserRole.value

# Custom roles shared by models and delegates.
RecordRole = UserRole + 1  # the model-layer record
IdRole = UserRole + 2
CountRole = UserRole + 3
HighlightRole = UserRole + 4  # bool: cited by the selection
SpansRole = UserRole + 5  # search matches in the text
TagsRole = UserRole + 6  # theme names of an excerpt
ContentRole = UserRole + 7  # (record, spans, tags): all a passage shows
CardRole = UserRole + 8  # Card: the words of a figure card
NumbersRole = UserRole + 9  # Numbers: a passage's charted numbers, as it marks them


class ViewListModel(QAbstractListModel):
    """The sidebar: Overview and the pack's themes, with a figure count each."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._rows: list[tuple[str, str, str, int, QIcon]] = []

    def set_views(self, rows: list[tuple[str, str, str, int, QIcon]]) -> None:
        """rows: (view id, name, description, figure count, icon)."""
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def rowCount(self, parent: Index = ROOT) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: Index, role: int = DisplayRole) -> Any:
        if not index.isValid():
            return None
        vid, name, desc, count, icon = self._rows[index.row()]
        if role == DisplayRole:
            return name
        if role == AccessibleTextRole:  # the count the row shows beside the name
            return self.tr("%1: %2 figures").replace("%1", name).replace("%2", str(count))
        if role == DecorationRole:
            return icon
        if role == ToolTipRole:
            return plain(desc)
        if role == AccessibleDescriptionRole:
            return desc
        if role == IdRole:
            return vid
        if role == CountRole:
            return count
        return None

    def row_of(self, view_id: str) -> int:
        return next((i for i, r in enumerate(self._rows) if r[0] == view_id), -1)

    def view_id(self, row: int) -> str:
        return self._rows[row][0]


@dataclass(frozen=True)
class Numbers:
    """The numbers of a passage that the pack charts, and which of them to show how."""

    cited: tuple[CitedNumber, ...] = ()
    chosen: tuple[int, ...] = ()  # the selected chart element's own words
    focus: int = -1  # the one the keyboard is on (-1: none)


class ExcerptListModel(QAbstractListModel):
    """Passages of the document, with the ones cited by the selection marked, and in
    each the numbers that a figure, an observation or a milestone cites."""

    FIND_AFTER_MS = 250  # after the list is still this long: a switch or a scroll is done

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._rows: list[Excerpt] = []
        self._spans: dict[str, tuple[tuple[int, int], ...]] = {}
        self._tags: dict[str, str] = {}
        self._highlighted: set[str] = set()
        self._dataset: Dataset | PackPreview | None = None
        self._context = ENGLISH
        self._cited: dict[str, tuple[CitedNumber, ...]] = {}  # per passage, this dataset's
        self._chosen: frozenset[tuple[str, object]] = frozenset()  # (kind, key) selected
        self._focus: tuple[str, int] | None = None  # (passage id, number) of the keyboard
        # passages drawn before their numbers were found: found once the list has been
        # still for a moment, a few at a time, so a switch or a scroll never waits
        self._wanted: dict[str, None] = {}
        self._finder = QTimer(self, singleShot=True)
        self._finder.timeout.connect(self._find_some)

    def set_source(self, dataset: Dataset | PackPreview, context: ChartContext) -> None:
        """Where the passages' charted numbers and their words come from."""
        if dataset is not self._dataset:
            self._cited, self._wanted = {}, {}
            self._focus = None
        self._dataset, self._context = dataset, context

    def cited(self, excerpt_id: str) -> tuple[CitedNumber, ...]:
        """The passage's charted numbers (none before the full dataset is loaded)."""
        found = self._cited.get(excerpt_id)
        if found is None:
            found = ()
            if self._dataset is not None and self._dataset.complete:
                from gzexplorer.model.cited_numbers import cited_numbers

                try:
                    found = tuple(cited_numbers(self._dataset, excerpt_id))  # type: ignore[arg-type]
                except KeyError:  # a passage of another pack
                    found = ()
            self._cited[excerpt_id] = found
        return found

    def numbers(self, e: Excerpt) -> Numbers:
        """The passage's numbers as found so far; if not yet, they are looked for when
        the event loop is idle, and the row changes then."""
        cited = self._cited.get(e.id)
        wanted = cited is None and e.id not in self._wanted
        if wanted and self._dataset is not None and self._dataset.complete:
            self._wanted[e.id] = None
            self._finder.start(self.FIND_AFTER_MS)  # (again while new ones scroll in)
        if not cited:
            return Numbers()
        chosen = tuple(i for i, n in enumerate(cited) if (n.kind, n.key) in self._chosen)
        focus = self._focus[1] if self._focus and self._focus[0] == e.id else -1
        return Numbers(cited, chosen, focus)

    def _find_some(self) -> None:
        """Find the numbers of the passages drawn without them, about 8 ms at a time."""
        deadline = time.perf_counter() + 0.008
        while self._wanted and time.perf_counter() < deadline:
            excerpt_id = next(iter(self._wanted))
            del self._wanted[excerpt_id]
            row = self.row_of(excerpt_id)
            if row >= 0 and excerpt_id not in self._cited and self.cited(excerpt_id):
                index = self.index(row)
                self.dataChanged.emit(index, index, [NumbersRole])
        if self._wanted:
            self._finder.start(0)

    def number_words(self, excerpt_id: str, i: int) -> str:
        """What number ``i`` of the passage stands for, as the chart writes it."""
        cited = self.cited(excerpt_id)
        return self.charted(cited[i]) if 0 <= i < len(cited) else ""

    def charted(self, number: CitedNumber) -> str:
        """What ``number`` stands for, as the chart writes it: "GDP growth rate, 2015:
        10.7%"."""
        from gzexplorer.charts.cited import charted

        if self._dataset is None or not self._dataset.complete:
            return ""
        return charted(self._dataset, number, self._context)  # type: ignore[arg-type]

    def set_chosen(self, keys: frozenset[tuple[str, object]]) -> None:
        """Mark the words of the selected chart element, card or event: (kind, key)s."""
        if keys != self._chosen:
            self._chosen = frozenset(keys)
            self._changed_all([NumbersRole])

    def set_focus(self, excerpt_id: str, i: int) -> None:
        """The keyboard is on number ``i`` of the passage (-1: on none)."""
        old = self._focus
        self._focus = (excerpt_id, i) if i >= 0 else None
        for eid in {old[0] if old else "", excerpt_id}:
            row = self.row_of(eid) if eid else -1
            if row >= 0:
                index = self.index(row)
                self.dataChanged.emit(index, index, [NumbersRole, AccessibleDescriptionRole])

    def focus(self) -> tuple[str, int] | None:
        return self._focus

    def _changed_all(self, roles: list[int]) -> None:
        if self._rows:
            self.dataChanged.emit(self.index(0), self.index(len(self._rows) - 1), roles)

    def set_excerpts(
        self,
        excerpts: list[Excerpt],
        tags: dict[str, str],
        spans: dict[str, tuple[tuple[int, int], ...]] | None = None,
    ) -> None:
        self.beginResetModel()
        self._rows = list(excerpts)
        self._tags = tags
        self._spans = spans or {}
        if self._focus and not any(e.id == self._focus[0] for e in self._rows):
            self._focus = None
        self.endResetModel()

    def excerpts(self) -> list[Excerpt]:
        return list(self._rows)

    def set_highlighted(self, excerpt_ids: set[str]) -> None:
        self._highlighted = set(excerpt_ids)
        if self._rows:
            self.dataChanged.emit(self.index(0), self.index(len(self._rows) - 1), [HighlightRole])

    def highlighted(self) -> set[str]:
        return set(self._highlighted)

    def row_of(self, excerpt_id: str) -> int:
        return next((i for i, e in enumerate(self._rows) if e.id == excerpt_id), -1)

    def header(self, e: Excerpt) -> str:
        """What the passage's header shows: section · kind · themes."""
        return " · ".join(x for x in (e.section, e.kind, self._tags.get(e.id, "")) if x)

    def rowCount(self, parent: Index = ROOT) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: Index, role: int = DisplayRole) -> Any:
        if not index.isValid():
            return None
        e = self._rows[index.row()]
        if role == DisplayRole:
            return e.text
        if role == AccessibleTextRole:  # the header the passage shows, and its words
            return f"{self.header(e)}. {spoken(e.text)}"
        if role == AccessibleDescriptionRole:
            about = []
            if e.id in self._highlighted:
                about.append(self.tr("Highlighted: a source of the selection"))
            if self._focus and self._focus[0] == e.id:
                about.append(self.number_said(e.id, self._focus[1]))
            return "; ".join(about)
        if role == ToolTipRole:
            return plain(f"{e.section} · {e.kind} · {e.id}")
        if role == NumbersRole:
            return self.numbers(e)
        if role == RecordRole:
            return e
        if role == IdRole:
            return e.id
        if role == HighlightRole:
            return e.id in self._highlighted
        if role == SpansRole:
            return self._spans.get(e.id, ())
        if role == TagsRole:
            return self._tags.get(e.id, "")
        if role == ContentRole:  # one call where a delegate needs all three
            return e, self._spans.get(e.id, ()), self._tags.get(e.id, "")
        return None

    def number_said(self, excerpt_id: str, i: int) -> str:
        """Number ``i`` of the passage for a screen reader: "Number 1 of 4: 13.6, GDP
        growth rate, 2012: 13.6%"."""
        cited = self.cited(excerpt_id)
        if not 0 <= i < len(cited):
            return ""
        words = self.number_words(excerpt_id, i)
        said = f"{cited[i].text}, {words}" if words else cited[i].text
        return (
            self.tr("Number %1 of %2: %3")
            .replace("%1", str(i + 1))
            .replace("%2", str(len(cited)))
            .replace("%3", said)
        )


@dataclass(frozen=True)
class Card:
    """What a figure card shows, worded for a chart context."""

    qualifier: str  # "More than", or empty for an exact number
    year: str
    value: str  # the number, large: "35.2%", "4.93"
    unit: str  # beside it, small: "of GDP", "million people"
    label: str


class FigureListModel(QAbstractListModel):
    """The figure cards of a view."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._rows: list[Figure] = []
        self._highlighted: set[str] = set()
        self._context = ENGLISH

    def set_figures(self, figures: list[Figure], context: ChartContext = ENGLISH) -> None:
        self.beginResetModel()
        self._rows = list(figures)
        self._highlighted = set()
        self._context = context
        self.endResetModel()

    def set_highlighted(self, figure_ids: set[str]) -> None:
        self._highlighted = set(figure_ids)
        if self._rows:
            self.dataChanged.emit(self.index(0), self.index(len(self._rows) - 1), [HighlightRole])

    def row_of(self, figure_id: str) -> int:
        return next((i for i, f in enumerate(self._rows) if f.id == figure_id), -1)

    def rowCount(self, parent: Index = ROOT) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: Index, role: int = DisplayRole) -> Any:
        if not index.isValid():
            return None
        f = self._rows[index.row()]
        if role in (DisplayRole, AccessibleTextRole):
            return figure_text(f, self._context)
        if role == AccessibleDescriptionRole:
            if f.id in self._highlighted:
                return self.tr("Highlighted: cited by the selection")
            return ""
        if role == ToolTipRole:
            parts = [figure_text(f, self._context), f"“{f.quote}”"]
            if f.note:
                parts.append(f.note)
            return plain("\n".join(parts))
        if role == CardRole:
            return card(f, self._context)
        if role == RecordRole:
            return f
        if role == IdRole:
            return f.id
        if role == HighlightRole:
            return f.id in self._highlighted
        return None


def card(f: Figure, context: ChartContext = ENGLISH) -> Card:
    words = qualifier_words(f.qualifier)
    unit = f.text("unit", context.language)
    value = fmt.short(f.value, context)
    if unit.startswith("%"):  # 35.2% large, "of GDP" small
        value, unit = value + "%", unit[1:].strip()
    elif unit == "count":
        unit = ""
    year = str(f.year) if f.year is not None else ""
    return Card(words[:1].upper() + words[1:], year, value, unit, f.text("label", context.language))
