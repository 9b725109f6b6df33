"""The review view of a drafted pack, as a person uses it: the keys, the marked
passage, undo and redo, the charts following the edits, autosave and restore after a
crash, save (the pack still valid) and a folder that cannot be written."""

from __future__ import annotations

import errno
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication, QMessageBox

from drafttools import DOCUMENTS, rows, run
from gzexplorer import model, paths
from gzexplorer.model.review import SIDE_FILE, Review
from gzexplorer.ui.item_models import AccessibleTextRole, IdRole
from gzexplorer.ui.main_window import MainWindow

BUILTIN_TEXT = paths.builtin_pack() / "guizhou-case-study.txt"
CTRL, SHIFT = Qt.KeyboardModifier.ControlModifier, Qt.KeyboardModifier.ShiftModifier


@pytest.fixture
def drafted(tmp_path, capsys) -> Path:
    pack = tmp_path / "pack"
    assert run(capsys, "draft", BUILTIN_TEXT, "--out", pack)[0] == 0
    return pack


@pytest.fixture
def make_window(qtbot, tmp_path):
    """Windows on a pack, as a person gets one; the review view of a drafted pack
    takes the focus (conftest's make_window waits for the window itself to have it)."""
    made = []

    def make(data=None):
        ini = QSettings(str(tmp_path / f"window-{len(made)}.ini"), QSettings.Format.IniFormat)
        w = MainWindow(data or model.load(paths.builtin_pack()), ini)
        qtbot.addWidget(w)
        made.append(w)
        w.resize(1400, 900)
        w.show()
        qtbot.waitExposed(w)
        return w

    yield make
    for w in made:
        w.review.close_review()


def open_review(qtbot, make_window, pack: Path):
    """The window on ``pack``, and its review view once it has opened by itself."""
    w = make_window(model.load(pack))
    qtbot.waitUntil(lambda: w.review.view is not None and w.review.view.isVisible())
    view = w.review.view
    qtbot.waitUntil(lambda: QApplication.activeWindow() is view)
    view.list.setFocus()
    return w, view


def shown(view) -> list[tuple[str, ...]]:
    """The candidates' rows as the list shows them."""
    m = view.list.model()
    return [
        tuple(m.index(r, c).data() for c in range(m.columnCount())) for r in range(m.rowCount())
    ]


def current_row(view) -> tuple[str, ...]:
    m, r = view.list.model(), view.list.currentIndex().row()
    return tuple(m.index(r, c).data() for c in range(m.columnCount()))


def key(qtbot, view, k, modifier=Qt.KeyboardModifier.NoModifier):
    qtbot.keyClick(QApplication.focusWidget() or view.list, k, modifier)


def cards(window) -> list[str]:
    m = window.figure_model
    return [m.index(i).data(AccessibleTextRole) or "" for i in range(m.rowCount())]


def card_ids(window) -> list[str]:
    m = window.figure_model
    return [m.index(i).data(IdRole) for i in range(m.rowCount())]


def test_a_draft_pack_opens_its_review_with_the_quote_marked(qtbot, make_window, drafted):
    w, view = open_review(qtbot, make_window, drafted)
    assert view.windowTitle().startswith("Review — Leapfrogging")
    assert "Candidates: 57" in view.counts.text() and "Draft: 57" in view.counts.text()
    assert current_row(view)[:3] == ("Figure", "Years of experience", "20")
    assert view.marked_text() == "20 years of experience"
    assert "Her 20 years of experience span" in view.passage.toPlainText()
    # a table cell: the printed cell, in the line of its year
    view.kind_filter.setCurrentIndex(view.kind_filter.findData("observations"))
    assert {r[0] for r in shown(view)} == {"Table cell"}
    key(qtbot, view, Qt.Key.Key_J)  # GDP growth rate 2013: 12.5
    assert current_row(view)[1:5] == ("GDP growth rate", "12.5", "%", "2013")
    selections = view.passage.extraSelections()
    cursor = selections[0].cursor
    line = view.passage.document().findBlock(cursor.selectionStart()).text()
    assert view.marked_text() == "12.5" and line.startswith("2013")
    # a dated event: its sentence
    view.kind_filter.setCurrentIndex(view.kind_filter.findData("milestones"))
    assert view.marked_text().startswith("In 2015, 4.93 million people")


def test_keys_accept_reject_edit_undo_redo(qtbot, make_window, drafted):
    w, view = open_review(qtbot, make_window, drafted)
    key(qtbot, view, Qt.Key.Key_A)  # accept "Years of experience", go to the next
    key(qtbot, view, Qt.Key.Key_R)  # reject "Traditional villages"
    rows_ = shown(view)
    assert rows_[0][5] == "Accepted" and rows_[1][5] == "Rejected"
    assert current_row(view)[1] == "Share of value-add"
    key(qtbot, view, Qt.Key.Key_K)
    key(qtbot, view, Qt.Key.Key_Up)
    assert current_row(view)[1] == "Years of experience"
    key(qtbot, view, Qt.Key.Key_Down)
    key(qtbot, view, Qt.Key.Key_Down)
    key(qtbot, view, Qt.Key.Key_E)  # edit "Share of value-add"
    label = view.fields["label"]
    assert QApplication.focusWidget() is label and label.selectedText() == label.text()
    qtbot.keyClicks(label, "Value-added share")
    key(qtbot, view, Qt.Key.Key_Tab)  # to the value
    qtbot.keyClicks(QApplication.focusWidget(), "")
    qtbot.keyClick(label, Qt.Key.Key_Return)
    assert current_row(view)[1] == "Value-added share" and current_row(view)[5] == "Edited"
    assert view.list.hasFocus()
    key(qtbot, view, Qt.Key.Key_Z, CTRL)
    assert current_row(view)[1] == "Share of value-add"
    assert current_row(view)[5] == "Draft"
    key(qtbot, view, Qt.Key.Key_Z, CTRL)  # the reject undone
    assert shown(view)[1][5] == "Draft" and current_row(view)[1] == "Traditional villages"
    key(qtbot, view, Qt.Key.Key_Z, CTRL | SHIFT)
    key(qtbot, view, Qt.Key.Key_Z, CTRL | SHIFT)
    assert shown(view)[1][5] == "Rejected" and shown(view)[2][1] == "Value-added share"
    # Escape leaves the editor and keeps the row as it was
    view.select_row(3)
    key(qtbot, view, Qt.Key.Key_Return)
    qtbot.keyClicks(view.fields["label"], "nonsense")
    qtbot.keyClick(view.fields["label"], Qt.Key.Key_Escape)
    assert current_row(view)[1] == "People in Guizhou" and view.list.hasFocus()
    # the filters: rejected rows only
    view.state_filter.setCurrentIndex(view.state_filter.findData("rejected"))
    assert [r[1] for r in shown(view)] == ["Traditional villages"]


def test_the_charts_and_cards_follow_the_review(qtbot, make_window, drafted):
    w, view = open_review(qtbot, make_window, drafted)
    assert "traditional_villages" in card_ids(w)  # a headline of the Overview
    view.select_row(1)
    key(qtbot, view, Qt.Key.Key_R)
    qtbot.waitUntil(lambda: "traditional_villages" not in card_ids(w))
    assert "traditional_villages" not in {f.id for f in w.dataset.figures()}
    key(qtbot, view, Qt.Key.Key_Z, CTRL)
    qtbot.waitUntil(lambda: "traditional_villages" in card_ids(w))
    # an edited label is what the card says
    key(qtbot, view, Qt.Key.Key_E)
    qtbot.keyClicks(view.fields["label"], "Protected traditional villages")
    qtbot.keyClick(view.fields["label"], Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: any("Protected traditional villages" in c for c in cards(w)))
    # a table cell rejected: its point leaves the series
    w.review.check()
    assert w.dataset.series("gdp_growth_rate")["year"].tolist()[0] == 2012
    view.kind_filter.setCurrentIndex(view.kind_filter.findData("observations"))
    key(qtbot, view, Qt.Key.Key_R)
    qtbot.waitUntil(lambda: w.dataset.series("gdp_growth_rate")["year"].tolist()[0] == 2013)


def test_an_edit_that_breaks_provenance_is_said_and_not_saved(qtbot, make_window, drafted):
    w, view = open_review(qtbot, make_window, drafted)
    before = (drafted / "figures.csv").read_bytes()
    view.select_row(1)  # Traditional villages, 757, "757 in total"
    key(qtbot, view, Qt.Key.Key_E)
    view.fields["value"].setText("758")
    qtbot.keyClick(view.fields["value"], Qt.Key.Key_Return)
    w.review.check()
    assert current_row(view)[5] == "⚠ Edited"
    assert view.problem.isVisible()
    assert '758 is not a number the quote "757 in total" states' in view.problem.text()
    assert "no longer pass the provenance checks: 1" in view.message.text()
    key(qtbot, view, Qt.Key.Key_S, CTRL)
    assert view.message.text().startswith("Not saved")
    assert (drafted / "figures.csv").read_bytes() == before
    # a quote that states the new number would do; undo does too
    key(qtbot, view, Qt.Key.Key_Z, CTRL)
    w.review.check()
    assert not view.problem.isVisible() and current_row(view)[5] == "Draft"


def test_save_writes_a_pack_that_validates(qtbot, make_window, drafted, capsys):
    w, view = open_review(qtbot, make_window, drafted)
    key(qtbot, view, Qt.Key.Key_A)
    key(qtbot, view, Qt.Key.Key_R)
    key(qtbot, view, Qt.Key.Key_E)  # Share of value-add: a year and a theme
    view.fields["year"].setText("2021")
    view.theme_boxes["economy"].setChecked(True)
    qtbot.keyClick(view.fields["year"], Qt.Key.Key_Return)
    assert (drafted / SIDE_FILE).exists()
    key(qtbot, view, Qt.Key.Key_S, CTRL)
    assert view.message.text() == f"Saved to {drafted}."
    assert not (drafted / SIDE_FILE).exists()
    assert not list(drafted.glob(".*.part"))
    figures = {r["id"]: r for r in rows(drafted, "figures")}
    assert figures["years_experience"]["review"] == "accepted"
    assert figures["traditional_villages"]["review"] == "rejected"
    edited = [r for r in figures.values() if r["review"] == "edited"]
    assert len(edited) == 1 and edited[0]["year"] == "2021"
    assert edited[0]["themes"].split(";")[0] == "economy"
    code, out, err = run(capsys, "validate", drafted)
    assert code == 0, out + err
    assert "18 figures" in out  # of 19: the rejected one is not shown


def test_edits_are_kept_when_the_window_goes_without_saving(qtbot, make_window, drafted):
    w, view = open_review(qtbot, make_window, drafted)
    key(qtbot, view, Qt.Key.Key_R)
    key(qtbot, view, Qt.Key.Key_A)
    w.review.close_review()
    w.close()
    w2, view2 = open_review(qtbot, make_window, drafted)
    assert "were kept (rows: 2)" in view2.message.text()
    assert view2.restore_button.isVisible()
    assert shown(view2)[0][5] == "Draft"
    qtbot.mouseClick(view2.restore_button, Qt.MouseButton.LeftButton)
    assert [r[5] for r in shown(view2)[:3]] == ["Rejected", "Accepted", "Draft"]
    assert view2.message.text() == "Edits restored (rows: 2)."
    qtbot.waitUntil(lambda: "traditional_villages" in card_ids(w2))
    assert "years_experience" not in {f.id for f in w2.dataset.figures()}


CRASH = textwrap.dedent(
    """
    import os, sys
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication
    from gzexplorer import model
    from gzexplorer.ui.main_window import MainWindow
    app = QApplication([])
    w = MainWindow(model.load(sys.argv[1]), QSettings(sys.argv[2], QSettings.Format.IniFormat))
    w.show()
    while w.review.view is None:
        app.processEvents()
    v = w.review.view
    v.set_state("accepted")
    v.set_state("rejected")
    v.fields["label"].setText("Crashed label")
    v.apply_edit()
    os.kill(os.getpid(), 9)  # killed, nothing saved, nothing cleaned up
    """
)


@pytest.mark.slow
def test_edits_are_restored_after_the_app_is_killed(qtbot, make_window, drafted, tmp_path):
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    env["PYTHONPATH"] = (
        str(Path(model.__file__).parents[2]) + os.pathsep + env.get("PYTHONPATH", "")
    )
    done = subprocess.run(
        [sys.executable, "-c", CRASH, str(drafted), str(tmp_path / "crash.ini")],
        env=env,
        capture_output=True,
        timeout=120,
    )
    assert done.returncode == -9, done.stderr
    assert (drafted / SIDE_FILE).exists()
    assert all(r["review"] == "draft" for r in rows(drafted, "figures"))  # not saved
    w, view = open_review(qtbot, make_window, drafted)
    assert "were kept (rows: 3)" in view.message.text()
    view.restore_button.click()
    assert [r[1] for r in shown(view)[:3]] == [
        "Years of experience",
        "Traditional villages",
        "Crashed label",
    ]
    assert [r[5] for r in shown(view)[:3]] == ["Accepted", "Rejected", "Edited"]


def test_a_read_only_folder_is_said_and_nothing_is_written(
    qtbot, make_window, drafted, monkeypatch
):
    w, view = open_review(qtbot, make_window, drafted)
    before = {p.name: p.read_bytes() for p in drafted.iterdir()}
    drafted.chmod(0o555)
    real_access = os.access  # root may write anywhere: the folder says no all the same
    monkeypatch.setattr(
        os, "access", lambda p, m, **k: False if Path(p) == drafted else real_access(p, m, **k)
    )
    try:
        key(qtbot, view, Qt.Key.Key_A)
        assert "cannot be kept in the pack's folder" in view.message.text()
        assert "no permission to write in" in view.message.text()
        key(qtbot, view, Qt.Key.Key_S, CTRL)
        text = view.message.text()
        assert text.startswith("Not saved:") and "no permission to write in" in text
        assert "your edits are still here" in text
        assert shown(view)[0][5] == "Accepted"  # the app goes on, the edit kept
        assert {p.name: p.read_bytes() for p in drafted.iterdir()} == before
    finally:
        drafted.chmod(0o755)


def test_a_full_disk_on_save_leaves_the_pack_whole(drafted, monkeypatch):
    review = Review(drafted)
    before = {p.name: p.read_bytes() for p in drafted.iterdir()}
    for c in review.candidates[:3]:
        review.apply(review.review_change(c, "accepted"))

    def full(_fd):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "fsync", full)
    with pytest.raises(Exception, match="the disk is full"):
        review.save()
    assert {p.name: p.read_bytes() for p in drafted.iterdir()} == before


def test_new_pack_from_document_drafts_and_opens_the_review(qtbot, make_window, tmp_path):
    w = make_window()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is w)
    assert "&New pack from document…" in [a.text() for a in w.actions.file_menu.actions()]
    out = tmp_path / "clinics"
    # (the job may end before a test could connect to its signals: wait for what shows)
    w.review.draft(DOCUMENTS / "marrowby-clinics.md", out)
    qtbot.waitUntil(lambda: w.review.view is not None and w.review.view.isVisible(), timeout=30000)
    assert w.dataset.folder == out and (out / "datapackage.json").exists()
    assert w.review.view.counts.text().startswith(f"Candidates: {len(w.review.review.candidates)}")
    # a document that cannot be drafted: one clear message, nothing written
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    w.review.draft(empty, tmp_path / "nothing")
    qtbot.waitUntil(lambda: w.findChild(QMessageBox, "draftFailed") is not None, timeout=30000)
    box = w.findChild(QMessageBox, "draftFailed")
    qtbot.waitUntil(lambda: box.isVisible())
    assert box.text().startswith("No pack was written.") and "empty" in box.text()
    assert not (tmp_path / "nothing").exists()
    box.close()


def test_a_check_does_not_wipe_what_is_being_typed(qtbot, make_window, drafted):
    w, view = open_review(qtbot, make_window, drafted)
    key(qtbot, view, Qt.Key.Key_A)
    key(qtbot, view, Qt.Key.Key_E)
    qtbot.keyClicks(view.fields["label"], "Half typed")
    w.review.check()  # the check of the accept comes while the user types
    assert view.fields["label"].text() == "Half typed"
    qtbot.keyClick(view.fields["label"], Qt.Key.Key_Return)
    assert current_row(view)[1] == "Half typed"
