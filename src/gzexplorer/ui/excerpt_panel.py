"""The passages of the document beside the chart, with search."""

from __future__ import annotations

import time
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QItemSelectionModel, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QLineEdit,
    QListView,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from gzexplorer.charts import OVERVIEW
from gzexplorer.render.labels import WrappedLabel
from gzexplorer.ui.accessibility import name_clear_button
from gzexplorer.ui.delegates import ExcerptDelegate
from gzexplorer.ui.i18n import chart_context
from gzexplorer.ui.item_models import ExcerptListModel, IdRole

if TYPE_CHECKING:
    from gzexplorer.model import Dataset
    from gzexplorer.model.preview import PackPreview


class ExcerptPanel(QWidget):
    excerptSelected = Signal(str)  # excerpt id, or "" when the selection is cleared
    searchChanged = Signal(str)
    heading_changed = Signal()  # a view's passages or a search's results are listed
    numberChosen = Signal(object)  # CitedNumber: clicked, or Enter on it in the passage
    hitReached = Signal(int)  # Enter in the search field moved to this row

    # Keys that move through the charted numbers of the current passage
    NEXT_NUMBER = (Qt.Key.Key_Right,)
    PREVIOUS_NUMBER = (Qt.Key.Key_Left,)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("excerptArea")
        self._tags: tuple[tuple, dict[str, str]] = ((), {})
        self._quiet = False  # the current passage is being put back: nothing to say
        self.search = QLineEdit(objectName="excerptSearch")
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self.searchChanged)
        self.search.returnPressed.connect(self.next_hit)

        self.heading = WrappedLabel(objectName="excerptHeading")
        self.heading.setTextFormat(Qt.TextFormat.PlainText)  # a theme's name as written

        self.model = ExcerptListModel(self)
        self.view = QListView(objectName="excerptPanel")
        self.view.setModel(self.model)
        self.delegate = ExcerptDelegate(self.view)
        self.view.setItemDelegate(self.delegate)
        # passages whose height is still a guess are laid out a slice at a time
        self._next_row = 0
        self._measure_timer = QTimer(self, singleShot=True, interval=0)
        self._measure_timer.timeout.connect(self._measure_some)
        self.delegate.estimatesMade.connect(self._start_measuring)
        self.delegate.firstPainted.connect(self._first_painted)
        self.view.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.view.setResizeMode(QListView.ResizeMode.Adjust)
        self.view.setUniformItemSizes(False)
        self.view.setWordWrap(True)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.selectionModel().currentChanged.connect(self._on_current)
        self.delegate.numberClicked.connect(self._number_clicked)
        self.delegate.textClicked.connect(self._text_clicked)
        self.view.installEventFilter(self)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.setSpacing(6)
        layout.addWidget(self.search)
        layout.addWidget(self.heading)
        layout.addWidget(self.view, 1)
        self.retranslate()

    def retranslate(self) -> None:
        self.search.setPlaceholderText(self.tr("Search the document (Ctrl+F)"))
        self.search.setAccessibleName(self.tr("Search the document"))
        # (the heading is read as it reads: no accessible name hides its words)
        name_clear_button(self.search, self.tr("Clear the search"))
        self.view.setAccessibleName(self.tr("Passages of the document (original English text)"))

    def _theme_tags(self, dataset: Dataset | PackPreview, language: str) -> dict[str, str]:
        """Each passage's theme names, built once per dataset and language."""
        key = (dataset, language)  # datasets compare by identity
        if self._tags[0] != key:
            names = {t.id: t.text("name", language) for t in dataset.themes()}
            tags = {
                e.id: ", ".join(names[t] for t in e.themes if t in names)
                for e in dataset.excerpts()
            }
            self._tags = (key, tags)
        return self._tags[1]

    def show_view(
        self,
        dataset: Dataset | PackPreview,
        view_id: str,
        view_name: str,
        language: str,
        extra: frozenset[str] = frozenset(),
    ) -> None:
        """The passages of a view (all of them for the Overview), and the ``extra``
        ones a selection needs, in document order."""
        shown = dataset.excerpts(None if view_id == OVERVIEW else view_id)
        if extra - {e.id for e in shown}:
            ids = {e.id for e in shown} | extra
            shown = [e for e in dataset.excerpts() if e.id in ids]
        count = str(len(shown))
        if view_id == OVERVIEW:
            heading = self.tr("Passages of the whole document: %1").replace("%1", count)
        else:
            heading = self.tr("Passages on %1: %2").replace("%1", view_name).replace("%2", count)
        current = self.current_id() if extra else ""  # listed again with the extra ones
        self.model.set_source(dataset, chart_context(language))
        self.model.set_excerpts(shown, self._theme_tags(dataset, language))
        if current:
            self._restore_current(current)
        self.heading.setText(heading)
        self.heading_changed.emit()

    def _restore_current(self, excerpt_id: str) -> None:
        """The passage the user was in is current again, quietly: what it led to (a
        number chosen in it) stays the selection."""
        row = self.model.row_of(excerpt_id)
        if row >= 0:
            self._quiet = True
            try:
                self.view.selectionModel().setCurrentIndex(
                    self.model.index(row), QItemSelectionModel.SelectionFlag.ClearAndSelect
                )
            finally:
                self._quiet = False

    def show_search(self, dataset: Dataset | PackPreview, text: str, language: str) -> None:
        """The passages matching ``text`` in every theme, best first, matches marked."""
        hits = dataset.search(text)
        self.model.set_source(dataset, chart_context(language))
        self.model.set_excerpts(
            [h.excerpt for h in hits],
            self._theme_tags(dataset, language),
            {h.excerpt.id: h.spans for h in hits},
        )
        heading = self.tr("Passages matching “%1” in all themes: %2")
        self.heading.setText(heading.replace("%1", text.strip()).replace("%2", str(len(hits))))
        self.heading_changed.emit()

    def highlight(
        self,
        excerpt_ids: set[str],
        scroll: bool = True,
        words: frozenset[tuple[str, object]] = frozenset(),
    ) -> None:
        """Mark the passages a selected chart element or card comes from, and in them
        its own ``words`` (the (kind, key)s of the charted numbers that state it)."""
        self.model.set_highlighted(excerpt_ids)
        self.model.set_chosen(words)
        if scroll and excerpt_ids:
            rows = [r for r in (self.model.row_of(i) for i in excerpt_ids) if r >= 0]
            if rows:
                index = self.model.index(min(rows))
                self.scroll_to(index, QAbstractItemView.ScrollHint.PositionAtTop)

    def scroll_to(self, index, hint=QAbstractItemView.ScrollHint.EnsureVisible) -> None:
        self._measure_up_to(index.row())
        self.view.scrollTo(index, hint)

    # -- measuring in idle time ----------------------------------------------------------
    def _option(self) -> QStyleOptionViewItem:
        option = QStyleOptionViewItem()
        self.view.initViewItemOption(option)
        return option

    def _start_measuring(self) -> None:
        """Measuring starts once the list has painted, so the first frame never waits
        (see _first_painted)."""
        self._next_row = 0
        if self.delegate.painted or not self.view.isVisible():
            self._measure_timer.start()

    def _first_painted(self) -> None:
        if self.delegate.estimated:
            self._measure_timer.start()

    def _measure_some(self) -> None:
        """Lay out, about 8 ms at a time, the passages whose height is still a guess;
        once all are measured the list is laid out again with their true heights."""
        option, n = self._option(), self.model.rowCount()
        deadline = time.perf_counter() + 0.008
        while self._next_row < n and time.perf_counter() < deadline:
            self.delegate.measure(option, self.model.index(self._next_row))
            self._next_row += 1
        if self._next_row < n:
            self._measure_timer.start()
        elif self.delegate.estimated:
            self.delegate.estimated = False
            self.view.doItemsLayout()

    def _measure_up_to(self, row: int) -> None:
        """True heights down to ``row`` and a screenful after it, so that scrolling to a
        passage lands on it."""
        if not self.delegate.estimated or row < 0:
            return
        option = self._option()
        for r in range(min(self.model.rowCount(), row + ExcerptDelegate.EXACT_ROWS)):
            self.delegate.measure(option, self.model.index(r))
        self.view.doItemsLayout()

    def highlighted(self) -> set[str]:
        return self.model.highlighted()

    def select(self, excerpt_id: str) -> None:
        row = self.model.row_of(excerpt_id)
        if row >= 0:
            index = self.model.index(row)
            self.view.selectionModel().setCurrentIndex(
                index, QItemSelectionModel.SelectionFlag.ClearAndSelect
            )
            self.scroll_to(index)

    def next_hit(self) -> None:
        """Enter in the search field: move to the next passage, wrapping around."""
        n = self.model.rowCount()
        if not n:
            return
        current = self.view.currentIndex()
        row = (current.row() + 1) % n if current.isValid() else 0
        index = self.model.index(row)
        self.view.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect
        )
        self.scroll_to(index, QAbstractItemView.ScrollHint.PositionAtTop)
        self.hitReached.emit(row)

    def open(self, excerpt_ids: set[str]) -> None:
        """Go to the first of ``excerpt_ids`` in the list, with the keyboard focus."""
        rows = [r for r in (self.model.row_of(i) for i in excerpt_ids) if r >= 0]
        if rows:
            self.select(self.model.index(min(rows)).data(IdRole))
            self.view.setFocus()

    def current_id(self) -> str:
        index = self.view.currentIndex()
        return index.data(IdRole) if index.isValid() else ""

    def _on_current(self, current, previous) -> None:
        if self._quiet:
            return
        if self.model.focus() is not None:  # the keyboard starts again in another passage
            self.model.set_focus("", -1)
        self.excerptSelected.emit(current.data(IdRole) if current.isValid() else "")

    # -- the charted numbers in a passage ----------------------------------------------
    def focus_number(self, step: int) -> bool:
        """Move the keyboard to the next (``step`` 1) or previous (-1) charted number of
        the current passage (the passage's accessible description names it); False if
        it has none."""
        excerpt_id = self.current_id()
        cited = self.model.cited(excerpt_id) if excerpt_id else ()
        if not cited:
            return False
        focus = self.model.focus()
        at = focus[1] if focus and focus[0] == excerpt_id else (-1 if step > 0 else len(cited))
        at = min(max(at + step, 0), len(cited) - 1)
        # said by a screen reader as the focused passage's description changes (not
        # announced too: Orca 43 said it twice)
        self.model.set_focus(excerpt_id, at)
        return True

    def choose_focused_number(self) -> bool:
        """Enter: select what the number the keyboard is on stands for."""
        focus = self.model.focus()
        if focus is None or focus[0] != self.current_id():
            return False
        self.numberChosen.emit(self.model.cited(focus[0])[focus[1]])
        return True

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt naming)
        if watched is self.view and event.type() == QEvent.Type.KeyPress:
            mods = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
            plain = mods in (Qt.KeyboardModifier.NoModifier, Qt.KeyboardModifier.ControlModifier)
            key = event.key()
            if plain and key in self.NEXT_NUMBER and self.focus_number(1):
                return True
            if plain and key in self.PREVIOUS_NUMBER and self.focus_number(-1):
                return True
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.choose_focused_number():
                return True
            if key == Qt.Key.Key_Escape and self.model.focus() is not None:
                self.model.set_focus("", -1)
                self.excerptSelected.emit(self.current_id())  # back to the whole passage
                return True
        return super().eventFilter(watched, event)

    def _number_clicked(self, index, i: int) -> None:
        excerpt_id = index.data(IdRole)
        cited = self.model.cited(excerpt_id)
        if 0 <= i < len(cited):
            self.model.set_focus(excerpt_id, i)  # the keyboard goes on from it
            self.numberChosen.emit(cited[i])

    def _text_clicked(self, index) -> None:
        """A click beside the numbers of a passage whose number was chosen: the
        passage is the selection again, as when it was first clicked."""
        focus = self.model.focus()
        if focus is not None and focus[0] == index.data(IdRole):
            self.model.set_focus("", -1)
            self.excerptSelected.emit(focus[0])
