"""Drafting and reviewing packs from the window: File › New pack from document… (the
drafting engine in a thread, its pack opened when written) and File › Review drafts…;
a pack opened with draft rows (or with review edits kept from an earlier session)
opens the review view (:mod:`gzexplorer.ui.review_view`) beside the window.

Each change is written at once to the pack's side file (``.gzexplorer-review.json``),
then checked by the validator; a valid result is shown by the window's charts and cards
(rejected rows gone, edits in place). Save writes the pack's CSVs atomically.
"""

from __future__ import annotations

import threading
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QFileDialog, QMessageBox, QProgressDialog

from gzexplorer.files import WriteError
from gzexplorer.model.review import Review, ReviewError, has_review

if TYPE_CHECKING:
    from gzexplorer.ui.main_window import MainWindow
    from gzexplorer.ui.review_view import ReviewView

DOCUMENTS = "*.txt *.md *.markdown *.html *.htm *.pdf"


class DraftJob(QObject):
    """``gzexplorer draft DOC --out OUT`` in a thread; the signals arrive in the GUI
    thread."""

    done = Signal(object)  # the pack's folder
    failed = Signal(str)

    def __init__(self, document: Path, out: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.document, self.out = document, out
        self.thread = threading.Thread(target=self._work, name="draft", daemon=True)

    def start(self) -> None:
        self.thread.start()

    def _work(self) -> None:
        from gzexplorer.draft import writer
        from gzexplorer.draft.engine import draft
        from gzexplorer.draft.reading import DocumentError
        from gzexplorer.draft.themes import ThemeError

        try:
            problem = writer.target_problem(self.out, force=False)
            if problem:
                raise WriteError(problem)
            writer.write(draft(self.document), self.out)
        except (DocumentError, ThemeError, WriteError, OSError) as exc:
            self.failed.emit(str(exc))
            return
        self.done.emit(self.out)


def pack_folder_for(document: Path, folder: Path) -> Path:
    """Where to write the pack of ``document`` chosen ``folder``: the folder itself
    when empty, else a new ``<name>-pack`` folder in it."""
    if folder.is_dir() and not any(folder.iterdir()):
        return folder
    out, n = folder / f"{document.stem}-pack", 2
    while out.exists():
        out, n = folder / f"{document.stem}-pack-{n}", n + 1
    return out


class ReviewController(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.review: Review | None = None
        self.view: ReviewView | None = None
        self.job: DraftJob | None = None
        self.progress: QProgressDialog | None = None
        self.new_action = self._action(self.choose_document, "Ctrl+Shift+N")
        self.review_action = self._action(self.show_review, "Ctrl+R")
        menu = window.actions.file_menu
        menu.insertActions(menu.actions()[1], [self.new_action, self.review_action])
        self.timer = QTimer(self, singleShot=True, interval=200)
        self.timer.timeout.connect(self.check)
        window.state.datasetChanged.connect(self._dataset_changed)
        window.look.languageChanged.connect(self.retranslate)
        self.retranslate()

    def _action(self, slot, keys: str) -> QAction:
        action = QAction(self.window)
        action.setShortcut(QKeySequence(keys))
        action.triggered.connect(slot)
        self.window.addAction(action)
        return action

    def retranslate(self) -> None:
        self.new_action.setText(self.tr("&New pack from document…"))
        self.new_action.setStatusTip(self.tr("Draft a data pack from a document and review it"))
        self.review_action.setText(self.tr("&Review drafts…"))
        self.review_action.setStatusTip(self.tr("Accept, reject or edit the drafted rows"))
        if self.view is not None:
            self.view.retranslate()
            self._title()

    # -- drafting ---------------------------------------------------------------------
    def choose_document(self) -> None:
        start = str(Path.home())
        doc, _ = QFileDialog.getOpenFileName(
            self.window,
            self.tr("New pack from document"),
            start,
            self.tr("Documents (%1);;All files (*)").replace("%1", DOCUMENTS),
        )
        if not doc:
            return
        folder = QFileDialog.getExistingDirectory(
            self.window, self.tr("Folder for the new pack"), str(Path(doc).parent)
        )
        if folder:
            self.draft(Path(doc), pack_folder_for(Path(doc), Path(folder)))

    def draft(self, document: Path, out: Path) -> DraftJob:
        """Draft ``document`` into the new folder ``out`` in a thread, then open it."""
        self.job = DraftJob(document, out, self)
        self.job.done.connect(self._drafted)
        self.job.failed.connect(self._draft_failed)
        self.progress = QProgressDialog(
            self.tr("Drafting a pack from %1…").replace("%1", document.name), "", 0, 0, self.window
        )
        self.progress.setCancelButton(None)
        self.progress.setWindowTitle(self.tr("New pack from document"))
        self.progress.setMinimumDuration(400)
        self.progress.setWindowModality(Qt.WindowModality.WindowModal)
        self.job.start()
        return self.job

    def _end_progress(self) -> None:
        if self.progress is not None:
            self.progress.reset()
            self.progress.deleteLater()
            self.progress = None

    def _drafted(self, out: Path) -> None:
        self._end_progress()
        self.window.open_pack(out)

    def _draft_failed(self, message: str) -> None:
        self._end_progress()
        box = QMessageBox(self.window)
        box.setObjectName("draftFailed")
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(self.tr("Could not draft a pack"))
        box.setText(self.tr("No pack was written.") + "\n\n" + message)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()

    # -- the review -------------------------------------------------------------------
    def _dataset_changed(self) -> None:
        ds = self.window.dataset
        if not ds.complete or (self.review is not None and self.review.folder == ds.folder):
            return
        self.close_review()
        if has_review(ds):
            QTimer.singleShot(0, self.show_review)

    def close_review(self) -> None:
        if self.view is not None:
            self.view.close()
            self.view.deleteLater()
        self.view = self.review = None

    def show_review(self) -> ReviewView | None:
        """The review view of the window's pack, made and shown if need be."""
        from gzexplorer.ui.review_view import ReviewView

        if self.view is None:
            try:
                self.review = Review(self.window.dataset.folder)
            except ReviewError as exc:
                self.window.status.showMessage(str(exc), 8000)
                return None
            self.view = ReviewView(self.review, self.window)
            self.view.setWindowFlag(Qt.WindowType.Window)
            self.view.changed.connect(self._changed)
            self.view.saveRequested.connect(self.save)
            self.view.restoreRequested.connect(self._restore)
            self.view.resize(1280, 800)
            self._title()
            self._offer_kept()
        self.view.show()
        self.view.raise_()
        self.view.activateWindow()
        self.view.list.setFocus()
        return self.view

    def _title(self) -> None:
        title = self.window.dataset.info.title
        self.view.setWindowTitle(self.tr("Review — %1").replace("%1", title))

    def _offer_kept(self) -> None:
        kept = self.review.kept_edits()
        if kept is None:
            return
        rows, when, fits = kept
        if fits:
            at = datetime.fromtimestamp(when).strftime("%Y-%m-%d %H:%M")
            text = self.tr("Unsaved review edits from %1 were kept (rows: %2). Restore them?")
            text = text.replace("%1", at).replace("%2", str(rows))
            self.view.show_message(text, offer_restore=True)
        else:
            text = self.tr(
                "Review edits were kept, but the pack's files have changed since: they "
                "cannot be restored. Discard them?"
            )
            self.view.show_message(text, offer_restore=True, error=True)
            self.view.restore_button.setEnabled(False)

    def _restore(self, restore: bool) -> None:
        if restore:
            n = self.review.restore()
            self.view.show_message(self.tr("Edits restored (rows: %1).").replace("%1", str(n)))
            self.view.refresh()
            self.check()
        else:
            self.review.discard_kept()
            self.view.show_message("")

    def _changed(self) -> None:
        try:
            self.review.autosave()
        except WriteError as exc:
            text = self.tr("Your edits cannot be kept in the pack's folder: %1")
            self.view.show_message(text.replace("%1", str(exc)), error=True)
        self.timer.start()

    def check(self) -> None:
        """Check the edited pack; a valid one is shown by the window at once."""
        self.timer.stop()
        if self.review is None:
            return
        report = self.review.check()
        self.view.refresh()
        bad = len(self.review.problems)
        if bad:
            text = self.tr(
                "⚠ Rows that no longer pass the provenance checks: %1 (marked ⚠). Fix or "
                "undo them before saving; the charts show the last edits that passed."
            )
            self.view.show_message(text.replace("%1", str(bad)), error=True)
        elif self.view.message.text().startswith("⚠"):
            self.view.show_message("")
        if report.dataset is not None:
            self.window.set_dataset(report.dataset, keep_view=True)

    def save(self) -> bool:
        """Write the reviewed pack; a clear message on the view either way."""
        if self.review is None:
            return False
        try:
            self.review.save()
        except ReviewError as exc:
            self.view.refresh()
            text = self.tr("Not saved: rows do not pass the checks. Fix or undo them:\n%1")
            self.view.show_message(text.replace("%1", str(exc)), error=True)
            return False
        except WriteError as exc:
            text = self.tr(
                "Not saved: %1. Nothing was changed in the pack; your edits are still here."
            )
            self.view.show_message(text.replace("%1", str(exc)), error=True)
            return False
        self.view.stack.setClean()
        self.view.show_message(self.tr("Saved to %1.").replace("%1", str(self.review.folder)))
        self.window.status.showMessage(self.view.message.text(), 5000)
        return True
