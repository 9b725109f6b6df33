"""The review's candidates as a Qt item model (a thin view of
:class:`gzexplorer.model.review.Review`, which holds the data), its filter by kind and
review state, and the undo command that applies one change."""

from __future__ import annotations

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QBrush, QColor, QFont, QUndoCommand

from gzexplorer.model.review import Candidate, Change, Review

CANDIDATE = Qt.ItemDataRole.UserRole + 1
_Index = QModelIndex | QPersistentModelIndex
_ROOT = QModelIndex()


def kind_names() -> dict[str, str]:
    return {
        "figures": QCoreApplication.translate("ReviewModel", "Figure"),
        "observations": QCoreApplication.translate("ReviewModel", "Table cell"),
        "milestones": QCoreApplication.translate("ReviewModel", "Event"),
    }


def review_names() -> dict[str, str]:
    return {
        "draft": QCoreApplication.translate("ReviewModel", "Draft"),
        "accepted": QCoreApplication.translate("ReviewModel", "Accepted"),
        "rejected": QCoreApplication.translate("ReviewModel", "Rejected"),
        "edited": QCoreApplication.translate("ReviewModel", "Edited"),
    }


class ReviewModel(QAbstractTableModel):
    """One row per candidate: kind, label, value, unit, year, review state. A row whose
    edit breaks its provenance says so in its tooltip and is marked ⚠."""

    COLUMNS = ("kind", "label", "value", "unit", "year", "review")

    def __init__(self, review: Review, parent=None) -> None:
        super().__init__(parent)
        self.review = review

    def headers(self) -> list[str]:
        return [
            self.tr("Kind"),
            self.tr("Label"),
            self.tr("Value"),
            self.tr("Unit"),
            self.tr("Year"),
            self.tr("Review"),
        ]

    def rowCount(self, parent: _Index = _ROOT) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.review.candidates)

    def columnCount(self, parent: _Index = _ROOT) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.headers()[section]
        return None

    def text(self, c: Candidate, column: str) -> str:
        r = self.review
        if column == "kind":
            return kind_names()[c.table]
        if column == "label":
            return r.label(c)
        if column == "value":
            return r.value(c)
        if column == "unit":
            return r.unit(c)
        if column == "year":
            return r.get(c, "year")
        state = r.get(c, "review")
        return ("⚠ " if c in r.problems else "") + review_names().get(state, state)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        c = self.review.candidates[index.row()]
        column = self.COLUMNS[index.column()]
        rejected = self.review.get(c, "review") == "rejected"
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return self.text(c, column)
        if role == CANDIDATE:
            return c
        if role == Qt.ItemDataRole.ToolTipRole and c in self.review.problems:
            return "\n".join(self.review.problems[c])
        if role == Qt.ItemDataRole.FontRole and rejected:
            font = QFont()
            font.setStrikeOut(True)
            return font
        if role == Qt.ItemDataRole.ForegroundRole:
            if column == "review" and c in self.review.problems:
                return QBrush(QColor("#b3261e"))
            if rejected:
                return QBrush(QColor("#6b6b6b"))
        return None

    def row_of(self, c: Candidate) -> int:
        return self.review.candidates.index(c)

    def changed(self, c: Candidate | None = None) -> None:
        """The row of ``c`` (every row when None) shows its data again."""
        if c is None:
            first, last = 0, max(0, self.rowCount() - 1)
        else:
            first = last = self.row_of(c)
        self.dataChanged.emit(self.index(first, 0), self.index(last, self.columnCount() - 1))


class ReviewFilter(QSortFilterProxyModel):
    """The candidates of one kind and one review state ("" for any)."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.kind = ""
        self.state = ""

    def set_filter(self, kind: str, state: str) -> None:
        self.beginFilterChange()
        self.kind, self.state = kind, state
        self.endFilterChange()

    def refilter(self) -> None:
        """Filter again: a row's review state changed."""
        self.beginFilterChange()
        self.endFilterChange()

    def filterAcceptsRow(self, row: int, parent: _Index) -> bool:  # noqa: N802
        model = self.sourceModel()
        c = model.review.candidates[row]
        return (not self.kind or c.table == self.kind) and (
            not self.state or model.review.get(c, "review") == self.state
        )


class ChangeCommand(QUndoCommand):
    """One change of the review (accept, reject, an edit): redo applies it to the
    review, undo reverts it; ``done`` is called with the candidate after either."""

    def __init__(self, review: Review, change: Change, text: str, done) -> None:
        super().__init__(text)
        self.review = review
        self.change = change
        self.done = done

    def redo(self) -> None:
        self.review.apply(self.change)
        self.done(self.change.candidate)

    def undo(self) -> None:
        self.review.revert(self.change)
        self.done(self.change.candidate)
