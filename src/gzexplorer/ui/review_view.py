"""The review view: a drafted pack's candidates beside the passage they come from, the
words that state each one marked, and an editor for its fields. Keyboard first:
J / Down next, K / Up previous, A accept, R reject, E or Enter edit (Enter applies,
Escape leaves the editor), Ctrl+Z / Ctrl+Shift+Z undo and redo, Ctrl+S save.

The data is the :class:`~gzexplorer.model.review.Review`'s; every change goes through
the view's QUndoStack as a :class:`~gzexplorer.ui.review_model.ChangeCommand`.
:mod:`gzexplorer.ui.review_controller` checks, autosaves and saves.
"""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, Qt, Signal
from PySide6.QtGui import QAction, QColor, QKeySequence, QShortcut, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from gzexplorer.model import profile
from gzexplorer.model.review import FIELDS, Candidate, Review, ReviewError
from gzexplorer.ui.review_model import (
    CANDIDATE,
    ChangeCommand,
    ReviewFilter,
    ReviewModel,
    kind_names,
    review_names,
)

_MARK = QColor("#ffe08a")


class ReviewView(QWidget):
    changed = Signal()  # a change was done, undone or redone
    saveRequested = Signal()
    restoreRequested = Signal(bool)  # True: restore the kept edits; False: discard them

    def __init__(self, review: Review, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        from PySide6.QtGui import QUndoStack

        self.setObjectName("reviewView")
        self.review = review
        self.stack = QUndoStack(self)
        self._filled: Candidate | None = None  # the row the editor shows
        self.model = ReviewModel(review, self)
        self.proxy = ReviewFilter(self)
        self.proxy.setSourceModel(self.model)

        # a message line, with the offer to restore kept edits when there are some
        self.message = QLabel(wordWrap=True)
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.restore_button = QPushButton()
        self.discard_button = QPushButton()
        self.restore_button.clicked.connect(lambda: self.restoreRequested.emit(True))
        self.discard_button.clicked.connect(lambda: self.restoreRequested.emit(False))
        banner = QHBoxLayout()
        banner.addWidget(self.message, 1)
        banner.addWidget(self.restore_button)
        banner.addWidget(self.discard_button)
        self.show_message("")

        # filters and counts
        self.kind_filter = QComboBox()
        self.state_filter = QComboBox()
        self.counts = QLabel()
        self.kind_filter.currentIndexChanged.connect(self._filter)
        self.state_filter.currentIndexChanged.connect(self._filter)
        self.kind_label, self.state_label = QLabel(), QLabel()
        self.kind_label.setBuddy(self.kind_filter)
        self.state_label.setBuddy(self.state_filter)
        filters = QHBoxLayout()
        for w in (self.kind_label, self.kind_filter, self.state_label, self.state_filter):
            filters.addWidget(w)
        filters.addStretch(1)
        filters.addWidget(self.counts)

        # the candidates
        self.list = QTableView()
        self.list.setModel(self.proxy)
        self.list.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.list.verticalHeader().hide()
        self.list.setWordWrap(False)
        header = self.list.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.list.selectionModel().currentRowChanged.connect(lambda *_: self._show_current())

        # the passage, the row's problem, the editor
        self.passage = QTextEdit(readOnly=True)
        self.passage_label = QLabel()
        self.passage_label.setBuddy(self.passage)
        self.problem = QLabel(wordWrap=True)
        self.problem.setStyleSheet("color: #b3261e;")
        self.editor = QGroupBox()
        self.form = QFormLayout(self.editor)
        self.fields: dict[str, QWidget] = {}
        self.field_labels: dict[str, QLabel] = {}
        for field in ("label", "value", "qualifier", "unit", "year", "status", "note", "quote"):
            if field in ("qualifier", "status"):
                w = QComboBox()
                for code in profile.QUALIFIERS if field == "qualifier" else profile.STATUSES:
                    w.addItem(code.replace("_", " "), code)
            else:
                w = QLineEdit()
                w.returnPressed.connect(self.apply_edit)
            self.fields[field] = w
            self.field_labels[field] = QLabel()
            self.field_labels[field].setBuddy(w)
            self.form.addRow(self.field_labels[field], w)
        self.themes = QWidget()
        themes_row = QHBoxLayout(self.themes)
        themes_row.setContentsMargins(0, 0, 0, 0)
        self.theme_boxes = {t: QCheckBox(t) for t in review.theme_ids}
        for box in self.theme_boxes.values():
            box.setAccessibleName(box.text())
            themes_row.addWidget(box)
        themes_row.addStretch(1)
        self.themes_label = QLabel()
        self.form.addRow(self.themes_label, self.themes)
        self.apply_button, self.cancel_button = QPushButton(), QPushButton()
        self.apply_button.clicked.connect(self.apply_edit)
        self.cancel_button.clicked.connect(self.cancel_edit)
        edit_buttons = QHBoxLayout()
        edit_buttons.addStretch(1)
        edit_buttons.addWidget(self.cancel_button)
        edit_buttons.addWidget(self.apply_button)
        self.form.addRow(edit_buttons)
        escape = QShortcut(QKeySequence("Escape"), self.editor)  # to the list, unchanged
        escape.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        escape.activated.connect(self.cancel_edit)

        right = QWidget()
        right_col = QVBoxLayout(right)
        right_col.setContentsMargins(0, 0, 0, 0)
        right_col.addWidget(self.passage_label)
        right_col.addWidget(self.passage, 3)
        right_col.addWidget(self.problem)
        right_col.addWidget(self.editor)
        self.splitter = QSplitter()
        self.splitter.addWidget(self.list)
        self.splitter.addWidget(right)
        self.splitter.setStretchFactor(0, 5)
        self.splitter.setStretchFactor(1, 4)
        self.splitter.setSizes([800, 640])

        # actions: buttons and keys
        self.accept_button, self.reject_button = QPushButton(), QPushButton()
        self.edit_button, self.save_button = QPushButton(), QPushButton()
        self.undo_button, self.redo_button = QPushButton(), QPushButton()
        self.accept_button.clicked.connect(lambda: self.set_state("accepted"))
        self.reject_button.clicked.connect(lambda: self.set_state("rejected"))
        self.edit_button.clicked.connect(self.start_edit)
        self.save_button.clicked.connect(self.saveRequested)
        self.undo_button.clicked.connect(self.stack.undo)
        self.redo_button.clicked.connect(self.stack.redo)
        self.stack.canUndoChanged.connect(self.undo_button.setEnabled)
        self.stack.canRedoChanged.connect(self.redo_button.setEnabled)
        self.undo_button.setEnabled(False)
        self.redo_button.setEnabled(False)
        buttons = QHBoxLayout()
        for b in (self.accept_button, self.reject_button, self.edit_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        for b in (self.undo_button, self.redo_button, self.save_button):
            buttons.addWidget(b)
        self.keys_hint = QLabel()
        self.keys_hint.setWordWrap(True)

        for keys, slot in (
            ("J", lambda: self.step(1)),
            ("K", lambda: self.step(-1)),
            ("A", lambda: self.set_state("accepted")),
            ("R", lambda: self.set_state("rejected")),
            ("E", self.start_edit),
            ("Return", self.start_edit),
            ("Enter", self.start_edit),
        ):
            shortcut = QShortcut(QKeySequence(keys), self.list)
            shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)  # not in the editor
            shortcut.activated.connect(slot)
        self.undo_action = self._action(self.stack.undo, QKeySequence.StandardKey.Undo)
        self.redo_action = self._action(self.stack.redo, "Ctrl+Shift+Z")
        self.save_action = self._action(self.saveRequested.emit, QKeySequence.StandardKey.Save)

        layout = QVBoxLayout(self)
        layout.addLayout(banner)
        layout.addLayout(filters)
        layout.addWidget(self.splitter, 1)
        layout.addLayout(buttons)
        layout.addWidget(self.keys_hint)
        self.retranslate()
        self.refresh()
        self.select_row(0)

    def _action(self, slot, keys) -> QAction:
        action = QAction(self)
        action.setShortcut(QKeySequence(keys))
        action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        action.triggered.connect(slot)
        self.addAction(action)
        return action

    # -- words ------------------------------------------------------------------------
    def retranslate(self) -> None:
        self.restore_button.setText(self.tr("&Restore"))
        self.discard_button.setText(self.tr("&Discard"))
        self.kind_label.setText(self.tr("&Show:"))
        self.state_label.setText(self.tr("S&tate:"))
        kind, state = self.kind_filter.currentIndex(), self.state_filter.currentIndex()
        for combo, names, every in (
            (self.kind_filter, kind_names(), self.tr("Everything")),
            (self.state_filter, review_names(), self.tr("Any state")),
        ):
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(every, "")
            for code, name in names.items():
                combo.addItem(name, code)
            combo.blockSignals(False)
        self.kind_filter.setCurrentIndex(max(0, kind))
        self.state_filter.setCurrentIndex(max(0, state))
        self.passage_label.setText(self.tr("&Passage (the words that state it are marked)"))
        self.editor.setTitle(self.tr("Edit"))
        names = {
            "label": self.tr("&Label"),
            "value": self.tr("&Value"),
            "qualifier": self.tr("&Qualifier"),
            "unit": self.tr("&Unit"),
            "year": self.tr("&Year"),
            "status": self.tr("Stat&us"),
            "note": self.tr("&Note"),
            "quote": self.tr("Quot&e"),
        }
        for field, text in names.items():
            self.field_labels[field].setText(text)
            self.fields[field].setAccessibleName(text.replace("&", ""))
        self.themes_label.setText(self.tr("Themes"))
        self.themes.setAccessibleName(self.tr("Themes"))
        for button, text, tip in (
            (self.accept_button, self.tr("Accept"), self.tr("Accept the candidate (A)")),
            (self.reject_button, self.tr("Reject"), self.tr("Reject the candidate (R)")),
            (self.edit_button, self.tr("Edit"), self.tr("Edit the candidate (E or Enter)")),
            (self.undo_button, self.tr("Undo"), self.tr("Undo (Ctrl+Z)")),
            (self.redo_button, self.tr("Redo"), self.tr("Redo (Ctrl+Shift+Z)")),
            (self.save_button, self.tr("Save pack"), self.tr("Write the reviewed pack (Ctrl+S)")),
            (self.apply_button, self.tr("Apply"), self.tr("Apply the edit (Enter)")),
            (self.cancel_button, self.tr("Cancel"), self.tr("Leave the editor (Escape)")),
        ):
            button.setText(text)
            button.setToolTip(tip)
            button.setAccessibleName(text)
        self.list.setAccessibleName(self.tr("Candidates"))
        self.passage.setAccessibleName(self.tr("Passage"))
        self.kind_filter.setAccessibleName(self.tr("Show"))
        self.state_filter.setAccessibleName(self.tr("State"))
        self.counts.setAccessibleName(self.tr("Review counts"))
        self.message.setAccessibleName(self.tr("Message"))
        self.problem.setAccessibleName(self.tr("Problem"))
        self.keys_hint.setText(
            self.tr(
                "J or Down: next · K or Up: previous · A: accept · R: reject · E or Enter: "
                "edit (Enter applies, Escape cancels) · Ctrl+Z / Ctrl+Shift+Z: undo / redo "
                "· Ctrl+S: save"
            )
        )
        self.undo_action.setText(self.tr("Undo"))
        self.redo_action.setText(self.tr("Redo"))
        self.save_action.setText(self.tr("Save pack"))
        self.model.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, 5)
        self.refresh()

    def show_message(self, text: str, offer_restore: bool = False, error: bool = False) -> None:
        self.message.setText(text)
        self.message.setVisible(bool(text))
        self.message.setStyleSheet("color: #b3261e;" if error else "")
        self.restore_button.setVisible(offer_restore)
        self.discard_button.setVisible(offer_restore)

    # -- the list ---------------------------------------------------------------------
    def _filter(self) -> None:
        current = self.current()
        self.proxy.set_filter(
            self.kind_filter.currentData() or "", self.state_filter.currentData() or ""
        )
        if current is not None and not self.select(current):
            self.select_row(0)

    def current(self) -> Candidate | None:
        index = self.list.currentIndex()
        return index.data(CANDIDATE) if index.isValid() else None

    def select_row(self, row: int) -> None:
        if self.proxy.rowCount() == 0:
            self._show_current()
            return
        row = max(0, min(row, self.proxy.rowCount() - 1))
        index = self.proxy.index(row, 0)
        flags = (
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows
        )
        self.list.selectionModel().setCurrentIndex(index, flags)
        self.list.scrollTo(index)

    def select(self, c: Candidate) -> bool:
        index = self.proxy.mapFromSource(self.model.index(self.model.row_of(c), 0))
        if index.isValid():
            self.select_row(index.row())
        return index.isValid()

    def step(self, by: int) -> None:
        self.select_row(self.list.currentIndex().row() + by)

    def refresh(self, c: Candidate | None = None) -> None:
        """Show the review again (after a change, a check or a restore)."""
        self.model.changed(c)
        counts = self.review.counts()
        names = review_names()
        parts = [f"{names[s]}: {counts[s]}" for s in profile.REVIEWS if counts.get(s)]
        self.counts.setText(
            self.tr("Candidates: %1").replace("%1", str(len(self.review.candidates)))
            + " — "
            + ", ".join(parts)
        )
        self._show_current()

    # -- the passage and the editor ---------------------------------------------------
    def _show_current(self) -> None:
        c = self.current()
        self.editor.setEnabled(c is not None)
        if c is None:
            self.passage.clear()
            self.problem.clear()
            return
        text, spans = self.review.passage_view(c)
        self.passage.setPlainText(text)
        selections = []
        fmt = QTextCharFormat()
        fmt.setBackground(_MARK)
        fmt.setForeground(QColor("#000000"))
        for start, end in spans:
            sel = QTextEdit.ExtraSelection()
            sel.cursor = QTextCursor(self.passage.document())
            sel.cursor.setPosition(start)
            sel.cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
            sel.format = fmt
            selections.append(sel)
        self.passage.setExtraSelections(selections)
        if spans:
            cursor = QTextCursor(self.passage.document())
            cursor.setPosition(spans[0][0])
            self.passage.setTextCursor(cursor)
            self.passage.ensureCursorVisible()
        problems = self.review.problems.get(c, [])
        self.problem.setText(
            "\n".join(self.tr("⚠ Not saved as it is: %1").replace("%1", p) for p in problems)
        )
        self.problem.setVisible(bool(problems))
        focus = QApplication.focusWidget()
        if c != self._filled or not (focus and self.editor.isAncestorOf(focus)):
            self._fill_editor(c)  # not over what the user is typing (a check came)

    def marked_text(self) -> str:
        """The words marked in the passage (what a person sees highlighted)."""
        return " ".join(s.cursor.selectedText() for s in self.passage.extraSelections())

    def _fill_editor(self, c: Candidate) -> None:
        self._filled = c
        shown = set(FIELDS[c.table]) | ({"label"} if c.table == "milestones" else set())
        for field, w in self.fields.items():
            self.form.setRowVisible(w, field in shown)
            source = "title" if field == "label" and c.table == "milestones" else field
            value = self.review.get(c, source)
            if isinstance(w, QComboBox):
                w.setCurrentIndex(max(0, w.findData(value)))
            else:
                w.setText(value)
                w.setCursorPosition(0)
        self.form.setRowVisible(self.themes, "themes" in shown)
        ids = set(self.review.get(c, "themes").split(";"))
        for t, box in self.theme_boxes.items():
            box.setChecked(t in ids)

    def start_edit(self) -> None:
        c = self.current()
        if c is None:
            return
        first = "value" if c.table == "observations" else "label"
        self.fields[first].setFocus(Qt.FocusReason.ShortcutFocusReason)
        if isinstance(self.fields[first], QLineEdit):
            self.fields[first].selectAll()

    def editor_values(self, c: Candidate) -> dict[str, str]:
        values = {}
        for field in FIELDS[c.table]:
            if field == "themes":
                values[field] = ";".join(t for t, b in self.theme_boxes.items() if b.isChecked())
                continue
            w = self.fields["label" if field == "title" else field]
            values[field] = w.currentData() if isinstance(w, QComboBox) else w.text()
        return values

    def apply_edit(self) -> None:
        c = self.current()
        if c is None:
            return
        try:
            change = self.review.edit_change(c, self.editor_values(c))
        except ReviewError as exc:
            self.show_message(self.tr("Not applied: %1").replace("%1", str(exc)), error=True)
            return
        self.show_message("")
        if change is not None:
            self.stack.push(ChangeCommand(self.review, change, self.tr("Edit"), self._done))
        self.list.setFocus(Qt.FocusReason.OtherFocusReason)

    def cancel_edit(self) -> None:
        self._show_current()
        self.list.setFocus(Qt.FocusReason.OtherFocusReason)

    def set_state(self, state: str) -> None:
        c = self.current()
        if c is None:
            return
        change = self.review.review_change(c, state)
        if change is not None:
            text = self.tr("Accept") if state == "accepted" else self.tr("Reject")
            self.stack.push(ChangeCommand(self.review, change, text, self._done))
        if self.proxy.state and self.current() != c:
            return  # the row left the filtered list: the next one is current
        self.step(1)

    def _done(self, c: Candidate) -> None:
        """After a change is applied or reverted: show it, with the row selected."""
        self.proxy.refilter()
        self.refresh(c)
        if not self.select(c) and self.current() is None:
            self.select_row(0)
        self.changed.emit()
