"""Never crash, never lose work: bad packs, bad paths, bad settings, unexpected errors.

Each bad data pack is opened the two ways a person opens one in the window (File >
Open data pack…, which calls ``MainWindow.open_pack``, and dropping the folder on the
window) and must give a dialog listing the same problems as ``gzexplorer validate``,
while the pack already open stays open at the place the person was. The packs are
built in a temporary folder from tests/packs/minimal (and its bad overlays), so that
tests/packs holds only the one-rule packs of test_validation.py (beside the valid
minimal, busy and edge packs).
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QPointF, QSettings, Qt, QTimer, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent, QGuiApplication
from PySide6.QtWidgets import QApplication, QMessageBox

from gzexplorer import cli, model
from gzexplorer.ui import error_hook, main_window
from gzexplorer.ui.error_hook import ErrorHook
from gzexplorer.ui.export_dialog import ExportDialog
from gzexplorer.ui.main_window import MainWindow
from packtools import (
    DESCRIPTOR,
    MINIMAL_SUMMARY,
    bom_everywhere,
    line_endings,
    make_pack,
    remove,
    replace_bytes,
    replace_text,
    set_resource,
    symlink_outside,
)

GIGABYTES_3 = 3 * 2**30
NO_MODIFIER = Qt.KeyboardModifier.NoModifier


# -- building packs ---------------------------------------------------------------------


def many_files(folder: Path, n: int = 5000) -> None:
    """``n`` small files beside whatever the folder holds (a photo dump, a data lake)."""
    sub = folder / "scans"
    sub.mkdir()
    for i in range(n):
        (sub if i % 2 else folder).joinpath(f"file-{i:05d}.txt").write_bytes(b"x" * (i % 7))


@dataclass(frozen=True)
class Bad:
    id: str
    says: str  # words of the first problem, as the dialog and `validate` print it
    build: Callable[[Path], Path]  # tmp_path -> the folder to open


def overlay(name: str) -> Callable[[Path], Path]:
    return lambda tmp: make_pack(tmp, name)


def changed(change: Callable[[Path], object]) -> Callable[[Path], Path]:
    def build(tmp: Path) -> Path:
        pack = make_pack(tmp)
        change(pack)
        return pack

    return build


def _truncated_descriptor(pack: Path) -> None:
    data = (pack / DESCRIPTOR).read_bytes()
    (pack / DESCRIPTOR).write_bytes(data[: len(data) * 3 // 5])


def _fifo(pack: Path, name: str = "milestones.csv") -> None:
    (pack / name).unlink()
    if not hasattr(os, "mkfifo"):
        pytest.skip("this system has no named pipes")
    os.mkfifo(pack / name)


def _sparse_giant(pack: Path) -> None:
    """excerpts.csv grows to 3 GB: a sparse file, it takes no room on the disk."""
    os.truncate(pack / "excerpts.csv", GIGABYTES_3)


def _only_files(tmp: Path) -> Path:
    folder = tmp / "downloads"
    folder.mkdir()
    many_files(folder)
    return folder


BAD = [
    Bad(
        "no-descriptor",
        "not a data pack: the folder has no datapackage.json",
        changed(remove(DESCRIPTOR)),
    ),
    Bad("empty-descriptor", "datapackage.json: the file is empty", overlay("empty-descriptor")),
    Bad("truncated-descriptor", "datapackage.json:", changed(_truncated_descriptor)),
    Bad("invalid-json", "datapackage.json:5: invalid JSON", overlay("invalid-json")),
    Bad(
        "deeply-nested-json",
        "datapackage.json: invalid JSON: nested too deeply",
        changed(lambda p: (p / DESCRIPTOR).write_text("[" * 100_000)),
    ),
    Bad(
        "missing-resource-file",
        "milestones.csv: file not found in the pack folder",
        changed(remove("milestones.csv")),
    ),
    Bad("wrong-delimiter", 'is the delimiter ","?', overlay("wrong-delimiter")),
    Bad(
        "not-utf8",
        "excerpts.csv:4: not UTF-8 text (byte",
        changed(replace_bytes("excerpts.csv", b"widget museum", b"widget mus\xe9um")),
    ),
    Bad("not-a-number", 'value: expected a number like 12.5, got "N/A"', overlay("bad-number")),
    Bad("fractional-year", 'year: expected a whole number, got "2012.5"', overlay("bad-integer")),
    Bad(
        "non-ascii-digits",
        'milestones.csv:2: year: expected a whole number, got "٢٠١٤"',
        changed(replace_text("milestones.csv", ",2014,", ",٢٠١٤,")),
    ),
    Bad("nan", 'value: expected a number like 12.5, got "NaN"', overlay("number-nan")),
    Bad("infinity", 'value: expected a finite number, got "inf"', overlay("number-inf")),
    Bad(
        "duplicate-observation",
        'duplicate indicator_id + year "widget_growth, 2012" (first at row 2)',
        overlay("duplicate-observation"),
    ),
    Bad(
        "unknown-theme",
        'figures.csv:3: themes: no theme with id "seafront"',
        overlay("unknown-theme"),
    ),
    Bad(
        "unknown-excerpt",
        'milestones.csv:2: excerpt_ids: no excerpt with id "tl-museum"',
        overlay("unknown-excerpt"),
    ),
    Bad(
        "path-leaves-pack",
        'path "../minimal/milestones.csv" leaves the pack folder',
        changed(set_resource("milestones", path="../minimal/milestones.csv")),
    ),
    Bad(
        "absolute-path",
        'path "/etc/hostname" must be relative to the pack folder',
        changed(set_resource("milestones", path="/etc/hostname")),
    ),
    Bad(
        "device-path",
        'path "/dev/zero" must be relative to the pack folder',
        changed(set_resource("milestones", path="/dev/zero")),
    ),
    Bad(
        "symlink-out-of-pack",
        "milestones.csv: links outside the pack folder; refused",
        changed(symlink_outside),
    ),
    Bad(
        "path-through-a-file",
        "themes.csv/x.csv: file not found in the pack folder",
        changed(set_resource("milestones", path="themes.csv/x.csv")),
    ),
    Bad(
        "path-with-nul",
        'path "milestones\\u0000.csv" is not a valid file name',
        changed(set_resource("milestones", path="milestones\x00.csv")),
    ),
    Bad(
        "named-pipe",
        "milestones.csv: not a regular file (a pipe or a device); refused",
        changed(_fifo),
    ),
    Bad(
        "three-gigabytes",
        "excerpts.csv: the file is 3,221,225,472 bytes; at most 1,073,741,824 are read",
        changed(_sparse_giant),
    ),
    Bad(
        "three-gigabyte-descriptor",
        "datapackage.json: the file is 3,221,225,472 bytes; a descriptor may be at most 4,194,304",
        changed(lambda p: os.truncate(p / DESCRIPTOR, GIGABYTES_3)),
    ),
    Bad(
        "thousands-of-files-no-descriptor",
        "not a data pack: the folder has no datapackage.json",
        _only_files,
    ),
]


BY_ID = {b.id: b for b in BAD}


# -- the window --------------------------------------------------------------------------


@pytest.fixture
def window(make_window):
    """A person at work: the built-in pack, its Economy theme, the second chart."""
    w = make_window(size=(1200, 800))
    w.show_view("economy")
    w.chart_panel.set_current(1)
    return w


def sidebar(w: MainWindow) -> list[str]:
    m = w.view_model
    return [m.index(i).data() for i in range(m.rowCount())]


def what_is_shown(w: MainWindow) -> tuple:
    """What a person sees of the pack that is open: title, sidebar, view, chart."""
    return (
        w.windowTitle(),
        sidebar(w),
        w.view_id(),
        w.current_chart().title,
        w.pack_label.text(),
    )


def problems_dialogs(w: MainWindow) -> list[QMessageBox]:
    return [b for b in w.findChildren(QMessageBox, "packProblems") if b.isVisible()]


def validate_lines(path: Path, capsys) -> list[str]:
    """What `gzexplorer validate PATH` prints, one problem a line (exit code 1)."""
    capsys.readouterr()
    code = cli.main(["validate", str(path)])
    out = capsys.readouterr()
    assert code == 1 and out.out == "", out
    return out.err.splitlines()


def drag_and_drop(w: MainWindow, *paths_or_urls) -> tuple[bool, bool]:
    """Drag ``paths_or_urls`` over the window and drop them: (enter accepted, drop accepted)."""
    from PySide6.QtCore import QMimeData

    mime = QMimeData()
    mime.setUrls([u if isinstance(u, QUrl) else QUrl.fromLocalFile(str(u)) for u in paths_or_urls])
    centre = w.rect().center()
    enter = QDragEnterEvent(
        QPoint(centre), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton, NO_MODIFIER
    )
    QApplication.sendEvent(w, enter)
    if not enter.isAccepted():
        return False, False
    drop = QDropEvent(
        QPointF(centre), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton, NO_MODIFIER
    )
    drop.ignore()
    QApplication.sendEvent(w, drop)
    return True, drop.isAccepted()


# -- bad packs ------------------------------------------------------------------------


@pytest.mark.parametrize("how", ["open", "drop"])
@pytest.mark.parametrize("bad", BAD, ids=[b.id for b in BAD])
def test_a_bad_pack_gets_the_validate_messages_and_the_open_pack_stays(
    qtbot, window, tmp_path, capsys, bad, how
):
    path = bad.build(tmp_path)
    before = what_is_shown(window)
    dataset = window.dataset

    if how == "open":
        assert window.open_pack(path) is False
    else:
        assert drag_and_drop(window, path) == (True, True)

    boxes = problems_dialogs(window)
    assert len(boxes) == 1
    box = boxes[0]
    lines = validate_lines(path, capsys)
    assert box.detailedText().splitlines() == lines
    assert bad.says in lines[0]
    assert box.informativeText().splitlines()[0] == lines[0]
    assert box.text() == f"The data pack at {path} has problems and was not opened."
    assert box.windowTitle() == "Cannot open data pack"
    assert window.dataset is dataset
    assert what_is_shown(window) == before
    box.close()


def test_a_three_gigabyte_file_is_refused_without_being_read(qtbot, window, tmp_path):
    pack = make_pack(tmp_path)
    _sparse_giant(pack)
    assert (pack / "excerpts.csv").stat().st_size == GIGABYTES_3
    io_before = _bytes_read()

    assert window.open_pack(pack) is False

    # the size is checked first: nothing near 3 GB was read (nor held in memory)
    assert _bytes_read() - io_before < 64 * 2**20
    (box,) = problems_dialogs(window)
    assert "excerpts.csv: the file is 3,221,225,472 bytes" in box.informativeText()
    box.close()


def _bytes_read() -> int:
    """Bytes this process has read through read() calls so far (Linux)."""
    try:
        text = Path("/proc/self/io").read_text()
    except OSError:
        pytest.skip("no /proc/self/io on this system")
    return int(next(line for line in text.splitlines() if line.startswith("rchar:")).split()[1])


def test_many_bad_packs_in_a_row_show_one_dialog_each_and_nothing_else(qtbot, window, tmp_path):
    before = what_is_shown(window)
    for i, bad in enumerate(BAD[:6]):
        path = bad.build(tmp_path / f"round-{i}")
        assert not window.open_pack(path)
        (box,) = problems_dialogs(window)
        assert bad.says in box.informativeText()
        box.close()
    assert what_is_shown(window) == before
    # and the window still works: the next view is a click away
    window.show_view("governance")
    assert window.current_chart().title == "Poverty rate"


# -- the first look at a pack (the window's shell, before the full load) -------------------

# ``gzexplorer --data PACK`` paints the sidebar and passages from a quick preview of the
# pack before the checked load. Run in a child process with a time limit and a memory
# cap: reading a pipe blocks for ever and /dev/zero never ends.
PREVIEW = """
import resource, sys
from pathlib import Path
resource.setrlimit(resource.RLIMIT_AS, (2 * 2**30, 2 * 2**30))
def read():
    line = next(l for l in Path("/proc/self/io").read_text().splitlines() if l.startswith("rchar"))
    return int(line.split()[1])
before = read()
from gzexplorer.model.preview import preview
shell = preview(sys.argv[1])
print(shell is None, read() - before)
"""


def _link_to_zero(pack: Path) -> None:
    (pack / "themes.csv").unlink()
    (pack / "themes.csv").symlink_to("/dev/zero")


PREVIEW_CASES = {  # each breaks a file the preview reads (themes, excerpts, figures)
    "named-pipe": lambda p: _fifo(p, "themes.csv"),
    "resource-is-dev-zero": set_resource("themes", path="/dev/zero"),
    "symlink-to-dev-zero": _link_to_zero,
    "descriptor-links-to-dev-zero": lambda p: (
        (p / DESCRIPTOR).unlink(),
        (p / DESCRIPTOR).symlink_to("/dev/zero"),
    ),
    "resource-leaves-pack": set_resource("excerpts", path="../outside.csv"),
}


@pytest.mark.skipif(not Path("/proc/self/io").exists(), reason="needs Linux /proc")
@pytest.mark.parametrize("case", list(PREVIEW_CASES))
def test_the_first_look_at_a_pack_never_blocks_nor_reads_a_device(tmp_path, case):
    pack = make_pack(tmp_path)
    (tmp_path / "outside.csv").write_bytes((pack / "excerpts.csv").read_bytes())
    PREVIEW_CASES[case](pack)

    result = subprocess.run(
        [sys.executable, "-c", PREVIEW, str(pack)],
        capture_output=True,
        text=True,
        timeout=60,  # a blocking read would end here, as a failure
    )

    assert result.returncode == 0, result.stderr[-2000:]
    no_shell, bytes_read = result.stdout.split()
    assert no_shell == "True"  # no preview: the full load explains the problem
    assert int(bytes_read) < 64 * 2**20


# -- packs that must open ----------------------------------------------------------------


GOOD = {
    "utf8-bom": bom_everywhere,
    "windows-line-endings": line_endings(b"\r\n"),
    "old-mac-line-endings": line_endings(b"\r"),
    "thousands-of-extra-files": many_files,
}


@pytest.mark.parametrize("how", ["open", "drop-folder", "drop-descriptor"])
@pytest.mark.parametrize("case", list(GOOD))
def test_a_good_pack_with_quirks_opens(qtbot, window, tmp_path, case, how):
    pack = make_pack(tmp_path)
    GOOD[case](pack)

    if how == "open":
        assert window.open_pack(pack) is True
    else:
        target = pack if how == "drop-folder" else pack / DESCRIPTOR
        assert drag_and_drop(window, target) == (True, True)

    assert problems_dialogs(window) == []
    assert window.windowTitle() == "Testland (a minimal test pack) — gzexplorer"
    assert window.dataset.summary() == MINIMAL_SUMMARY
    assert sidebar(window) == ["Overview", "Industry", "Heritage"]
    window.show_view("industry")
    assert [s.name for s in window.current_chart().series] == ["Widget output growth"]


def test_dragging_something_that_is_not_a_pack_is_refused_at_the_door(qtbot, window, tmp_path):
    before = what_is_shown(window)
    csv_file = tmp_path / "themes.csv"
    csv_file.write_text("id,name\n", encoding="utf-8")

    assert drag_and_drop(window, csv_file) == (False, False)
    assert drag_and_drop(window, QUrl("https://example.org/datapackage.json")) == (False, False)
    assert drag_and_drop(window, tmp_path / "vanished-folder") == (False, False)

    assert problems_dialogs(window) == []
    assert what_is_shown(window) == before


def test_the_first_pack_among_several_dropped_files_is_opened(qtbot, window, tmp_path):
    csv_file = tmp_path / "notes.csv"
    csv_file.write_text("a,b\n", encoding="utf-8")
    pack = make_pack(tmp_path)

    assert drag_and_drop(window, csv_file, pack) == (True, True)

    assert window.dataset.summary() == MINIMAL_SUMMARY


def test_a_pack_refused_then_fixed_opens(qtbot, window, tmp_path):
    """The person reads the dialog, fixes the file, and opens the pack again."""
    pack = make_pack(tmp_path, "unknown-theme")
    assert not window.open_pack(pack)
    (box,) = problems_dialogs(window)
    assert 'no theme with id "seafront"' in box.informativeText()
    box.close()
    replace_text("figures.csv", "seafront", "industry")(pack)

    assert window.open_pack(pack)
    assert window.dataset.summary() == MINIMAL_SUMMARY


# -- odd but valid packs: the window must draw them ---------------------------------------


def _indicator_without_observations(pack: Path) -> None:
    header = (pack / "observations.csv").read_text(encoding="utf-8").splitlines()[0]
    (pack / "observations.csv").write_text(header + "\n", encoding="utf-8")


def _extreme_values(pack: Path) -> None:
    """Values near the float limit, printed so in the table they cite (provenance holds)."""
    replace_text("observations.csv", "2012,1.5,reported,,1.5", "2012,1e308,reported,,1e308")(pack)
    replace_text("observations.csv", "2014,0,reported,,0", "2014,-1e308,reported,,-1e308")(pack)
    for file in ("excerpts.csv", "testland.txt"):
        replace_text(file, "2012\t1.5", "2012\t1e308")(pack)
        replace_text(file, "2014\t0", "2014\t-1e308")(pack)


ODD = [
    pytest.param(
        _indicator_without_observations,
        "Widget output growth",
        id="indicator-without-observations",
    ),
    pytest.param(
        _extreme_values,
        "Widget output growth",
        id="values-near-the-float-limit",
    ),
]


# Run in a child process: should drawing fail half-way, the half-built canvas it leaves
# behind (ChartPanel._canvas_for) has crashed the test process when garbage-collected.
SHOW_PACK = """
import json, sys
from PySide6.QtCore import QSettings, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
app = QApplication(["gzexplorer"])
errors = []
sys.excepthook = lambda kind, value, tb: errors.append(f"{kind.__name__}: {value}")
from gzexplorer import model, paths
from gzexplorer.ui.main_window import MainWindow
w = MainWindow(model.load(paths.builtin_pack()), QSettings(sys.argv[2], QSettings.Format.IniFormat))
w.show()
QTest.qWaitForWindowExposed(w)
opened = w.open_pack(sys.argv[1])
QTest.keyClick(w, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)  # the first theme
print(json.dumps({"opened": opened, "errors": errors, "view": w.view_id(),
                  "title": w.canvas.title.shown_text()}))
"""


@pytest.mark.parametrize(("change", "title"), ODD)
def test_an_odd_but_valid_pack_is_drawn(tmp_path, change, title):
    pack = make_pack(tmp_path)
    change(pack)
    model.load(pack)  # valid: the loader accepts it

    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONIOENCODING": "utf-8"}
    result = subprocess.run(
        [sys.executable, "-c", SHOW_PACK, str(pack), str(tmp_path / "settings.ini")],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )

    assert result.returncode == 0, result.stderr[-2000:]
    seen = json.loads(result.stdout.splitlines()[-1])
    assert seen["opened"] is True
    assert seen["errors"] == []
    assert seen["view"] == "industry"
    assert seen["title"] == title


# -- unexpected errors ---------------------------------------------------------------------


@pytest.fixture
def log_folder(tmp_path, monkeypatch) -> Path:
    folder = tmp_path / "state"
    monkeypatch.setattr(error_hook, "log_folder", lambda: folder)
    return folder


@pytest.fixture
def hook():
    installed = []

    def install(dialogs: bool) -> ErrorHook:
        installed.append(ErrorHook(dialogs=dialogs).install())
        return installed[-1]

    yield install
    for h in installed:
        h.uninstall()


class Boom(RuntimeError):
    pass


def test_an_error_in_a_slot_is_logged_and_the_window_keeps_working(qtbot, window, log_folder, hook):
    hook(dialogs=False)
    calls = []

    def faulty(view_id: str) -> None:  # a slot with a bug, on a real signal
        calls.append(view_id)
        if view_id == "ecology":
            raise Boom("the ecology slot broke")

    window.state.viewChanged.connect(faulty)
    qtbot.keyClick(window, Qt.Key.Key_4, Qt.KeyboardModifier.ControlModifier)  # Ecology

    log = (log_folder / "gzexplorer.log").read_text(encoding="utf-8")
    assert "Traceback (most recent call last):" in log
    assert "Boom: the ecology slot broke" in log
    assert 'raise Boom("the ecology slot broke")' in log
    assert log.startswith("--- ") and "gzexplorer " in log
    # the app carried on: the view changed, and the next key still works
    assert window.view_id() == "ecology"
    qtbot.keyClick(window, Qt.Key.Key_5, Qt.KeyboardModifier.ControlModifier)
    assert window.view_id() == "culture"
    assert window.current_chart().title == "Culture: milestones"
    assert calls == ["ecology", "culture"]


def test_an_error_in_a_timer_callback_is_logged_once_per_error(qtbot, window, log_folder, hook):
    hook(dialogs=False)
    for n in range(3):
        QTimer.singleShot(0, lambda n=n: _raise(Boom(f"timer {n}")))
        qtbot.wait(20)

    log = (log_folder / "gzexplorer.log").read_text(encoding="utf-8")
    assert [line.split(".")[-1] for line in log.splitlines() if "Boom: " in line] == [
        "Boom: timer 0",
        "Boom: timer 1",
        "Boom: timer 2",
    ]
    assert log.count("--- ") == 3
    window.show_view("governance")
    assert window.current_chart().title == "Poverty rate"


def _raise(exc: BaseException) -> None:
    raise exc


_POLLING: list[dict] = []


@pytest.fixture(autouse=True)
def _stop_polling():
    """A poll for a dialog that never came must not act on a later test's dialog."""
    yield
    for state in _POLLING:
        state["stop"] = True
    _POLLING.clear()


def _run_when_modal(action: Callable[[QMessageBox], None], deadline: float = 20.0) -> None:
    """Call ``action`` with the error dialog once it is up (from inside its event loop)."""
    start = time.monotonic()
    state = {"stop": False}
    _POLLING.append(state)

    def poll() -> None:
        if state["stop"]:
            return
        box = QApplication.activeModalWidget()
        if isinstance(box, QMessageBox) and box.objectName() == "errorDialog":
            action(box)
        elif time.monotonic() - start < deadline:
            QTimer.singleShot(20, poll)

    QTimer.singleShot(0, poll)


def test_an_error_shows_a_dialog_whose_copy_button_copies_the_traceback(
    qtbot, window, log_folder, hook
):
    hook(dialogs=True)
    seen = {}

    def look_and_copy(box: QMessageBox) -> None:
        buttons = {b.text(): b for b in box.buttons()}
        seen.update(
            name=box.objectName(),
            title=box.windowTitle(),
            text=box.text(),
            info=box.informativeText(),
            buttons=sorted(buttons),
        )
        QGuiApplication.clipboard().clear()
        buttons["Copy details"].click()
        seen["clipboard"] = QGuiApplication.clipboard().text()
        seen["open after copy"] = box.isVisible()
        box.button(QMessageBox.StandardButton.Close).click()

    _run_when_modal(look_and_copy)
    QTimer.singleShot(0, lambda: _raise(Boom("a slot fell over")))
    qtbot.waitUntil(lambda: "open after copy" in seen, timeout=20000)

    log = log_folder / "gzexplorer.log"
    assert seen["name"] == "errorDialog"
    assert seen["title"] == "Something went wrong"
    assert seen["text"] == "gzexplorer hit an unexpected problem and carried on."
    assert seen["info"] == f"Boom: a slot fell over\n\nThe details were written to {log}."
    assert "Copy details" in seen["buttons"] and "Close" in seen["buttons"]
    assert seen["clipboard"].startswith("gzexplorer ")
    assert "Traceback (most recent call last):" in seen["clipboard"]
    assert seen["clipboard"].rstrip().endswith("Boom: a slot fell over")
    assert seen["clipboard"].strip() in log.read_text(encoding="utf-8")
    assert seen["open after copy"] is True  # copying does not close the dialog
    qtbot.waitUntil(lambda: QApplication.activeModalWidget() is None)
    window.show_view("ecology")
    assert window.view_id() == "ecology"


def test_when_the_log_cannot_be_written_the_dialog_says_so(qtbot, tmp_path, monkeypatch, hook):
    blocked = tmp_path / "not-a-folder"
    blocked.write_text("a file where the state folder should be", encoding="utf-8")
    monkeypatch.setattr(error_hook, "log_folder", lambda: blocked)
    hook(dialogs=True)
    seen = {}

    def look(box: QMessageBox) -> None:
        seen["info"] = box.informativeText()
        seen["details"] = box.detailedText()
        box.button(QMessageBox.StandardButton.Close).click()

    _run_when_modal(look)
    QTimer.singleShot(0, lambda: _raise(Boom("and the disk is read-only")))
    qtbot.waitUntil(lambda: "info" in seen, timeout=20000)

    assert seen["info"] == (
        "Boom: and the disk is read-only\n\n"
        "The details were written to (the log could not be written)."
    )
    assert "Boom: and the disk is read-only" in seen["details"]


def test_errors_while_the_dialog_is_open_do_not_stack_dialogs(qtbot, window, log_folder, hook):
    hook(dialogs=True)
    seen = {"dialogs": 0}

    def look(box: QMessageBox) -> None:
        seen["dialogs"] += 1
        # a second error while the first dialog is up: logged, but no second dialog
        _raise_later(Boom("second"))
        QTimer.singleShot(100, box.button(QMessageBox.StandardButton.Close).click)
        QTimer.singleShot(150, lambda: seen.update(done=True))

    _run_when_modal(look)
    QTimer.singleShot(0, lambda: _raise(Boom("first")))
    qtbot.waitUntil(lambda: seen.get("done"), timeout=20000)
    qtbot.wait(200)

    assert seen["dialogs"] == 1
    log = (log_folder / "gzexplorer.log").read_text(encoding="utf-8")
    assert "Boom: first" in log and "Boom: second" in log
    assert len(window.findChildren(QMessageBox, "errorDialog")) <= 1


def _raise_later(exc: BaseException) -> None:
    QTimer.singleShot(0, lambda: _raise(exc))


class Unprintable(Exception):
    def __str__(self) -> str:
        raise RuntimeError("this exception cannot be put into words")


def _error_dialog_text(qtbot, exc: BaseException) -> str | None:
    """The informative text of the error dialog that ``exc`` raised in a slot brings up."""
    seen: dict = {}

    def look(box: QMessageBox) -> None:
        seen["info"] = box.informativeText()
        box.button(QMessageBox.StandardButton.Close).click()

    _run_when_modal(look, deadline=3.0)
    QTimer.singleShot(0, lambda: _raise(exc))
    qtbot.waitUntil(lambda: "info" in seen, timeout=3000)
    return seen["info"]


def test_the_error_dialog_quotes_the_error_as_it_is(qtbot, window, log_folder, hook):
    hook(dialogs=True)

    info = _error_dialog_text(qtbot, ValueError("progress 100%2 done"))

    log = log_folder / "gzexplorer.log"
    assert info == f"ValueError: progress 100%2 done\n\nThe details were written to {log}."


def test_an_error_that_cannot_be_printed_still_gets_a_dialog(qtbot, window, log_folder, hook):
    hook(dialogs=True)

    info = _error_dialog_text(qtbot, Unprintable())

    assert info.startswith("Unprintable")
    log = (log_folder / "gzexplorer.log").read_text(encoding="utf-8")
    assert "Unprintable: <exception str() failed>" in log


# -- settings --------------------------------------------------------------------------


GARBAGE_INI = r"""[window]
geometry=not a geometry
splitter=@ByteArray(garbage)
[view]
last=atlantis
table=maybe
[export]
width=wide
height=@Variant(\0\0\0\x7f\0\0\0\bQGarbage\0)
scale=huge
format=gif
folder=a, b
[ui]
scheme=purple
language=klingon
"""


def defaults_seen(w: MainWindow) -> dict:
    export = ExportDialog(w.current_chart(), w.canvas.chart_style, w.settings, w)
    seen = {
        "view": w.view_id(),
        "table shown": w.chart_panel.showing_table(),
        "size": (w.width(), w.height()),
        "splitter": w.splitter.sizes(),
        "language": w.language(),
        "dark": w.chart_panel.chart_style.dark,
        "export": (
            export.fmt(),
            export.width_box.value(),
            export.height_box.value(),
            export.scale.currentText(),
            export.target.edit.text(),
        ),
    }
    export.deleteLater()
    return seen


def test_wrong_typed_settings_fall_back_to_the_defaults(qtbot, dataset, tmp_path):
    clean = MainWindow(dataset, QSettings(str(tmp_path / "clean.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(clean)
    (tmp_path / "garbage.ini").write_text(GARBAGE_INI, encoding="utf-8")
    garbage = QSettings(str(tmp_path / "garbage.ini"), QSettings.Format.IniFormat)
    assert garbage.value("view/table") == "maybe"  # the garbage is really read

    w = MainWindow(dataset, garbage)
    qtbot.addWidget(w)

    seen = defaults_seen(w)
    assert seen == defaults_seen(clean)
    assert seen["view"] == "overview" and seen["table shown"] is False
    assert seen["size"] == (1440, 900)
    assert seen["export"][:4] == ("png", 1200, 750, "1×")


def test_a_settings_file_of_random_bytes_opens_on_defaults_and_is_repaired(
    qtbot, dataset, tmp_path
):
    path = tmp_path / "settings.ini"
    path.write_bytes(bytes(range(256)) * 8 + b"\n[view]\nlast=\xff\xfe\n")

    first = MainWindow(dataset, QSettings(str(path), QSettings.Format.IniFormat))
    qtbot.addWidget(first)
    assert first.view_id() == "overview"
    assert first.current_chart().kind == "timeline"
    first.show_view("governance")
    first.chart_panel.set_page(1)
    first.close()  # saves its settings over the garbage

    second = MainWindow(dataset, QSettings(str(path), QSettings.Format.IniFormat))
    qtbot.addWidget(second)
    assert second.view_id() == "governance"
    assert second.chart_panel.showing_table()


# -- gzexplorer --data BADPACK ------------------------------------------------------------


def test_starting_with_a_bad_pack_explains_and_opens_the_built_in_one(
    qtbot, tmp_path, monkeypatch, capsys
):
    """`gzexplorer --data BAD` (run in-process; a timer looks at the window, then quits)."""
    bad = make_pack(tmp_path, "unknown-theme")
    ini = tmp_path / "settings.ini"
    monkeypatch.setattr(
        main_window, "QSettings", lambda: QSettings(str(ini), QSettings.Format.IniFormat)
    )
    seen: dict = {}
    start = time.monotonic()

    def poll() -> None:
        windows = [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow)]
        errors = [w for w in QApplication.topLevelWidgets() if w.objectName() == "errorDialog"] + [
            b for w in windows for b in w.findChildren(QMessageBox, "errorDialog")
        ]
        if errors:
            seen["error"] = errors[0].informativeText()
        boxes = [b for w in windows for b in problems_dialogs(w)]
        if windows and windows[0].is_ready() and boxes:
            w = windows[0]
            seen.update(
                title=w.windowTitle(),
                summary=w.dataset.summary(),
                themes=sidebar(w),
                box_text=boxes[0].text(),
                box_details=boxes[0].detailedText(),
            )
        if seen.get("title") or errors or time.monotonic() - start > 60:
            QApplication.quit()
            return
        QTimer.singleShot(50, poll)

    QTimer.singleShot(50, poll)
    # Quitting closes the window, and the last window closed posts a second Quit that
    # outlives run()'s event loop and would stop every later event loop of this process.
    QApplication.setQuitOnLastWindowClosed(False)
    try:
        code = cli.main(["--data", str(bad)])
    finally:
        QApplication.setQuitOnLastWindowClosed(True)

    err = capsys.readouterr().err
    assert "error" not in seen, seen.get("error")
    assert code == 0
    assert "Traceback" not in err
    assert 'figures.csv:3: themes: no theme with id "seafront"' in err
    assert seen["box_text"] == f"The data pack at {bad} has problems and was not opened."
    assert seen["box_details"] == 'figures.csv:3: themes: no theme with id "seafront"'
    assert seen["title"].startswith("Leapfrogging with All-Round Digital Transformation")
    assert seen["summary"] == (
        "4 themes, 3 indicators, 30 observations, 18 figures, 7 milestones, 38 excerpts"
    )
    assert seen["themes"] == ["Overview", "Economy", "Governance", "Ecology", "Culture"]


# -- the documentation ---------------------------------------------------------------------


def test_the_reliability_doc_quotes_what_the_program_prints(tmp_path, capsys):
    """docs/reliability.md's table of bad packs: each row's message is today's output."""
    doc = Path(__file__).resolve().parents[1] / "docs" / "reliability.md"
    if not doc.is_file():
        pytest.skip("no docs/reliability.md beside the tests")
    rows = {}
    for line in doc.read_text(encoding="utf-8").splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cells) == 3 and cells[0].startswith("`") and cells[0].strip("`") in BY_ID:
            rows[cells[0].strip("`")] = cells[2]
    assert set(rows) == set(BY_ID), "every bad pack tried has a row, and only those"
    for case_id, quoted in rows.items():
        (tmp_path / case_id).mkdir()
        path = BY_ID[case_id].build(tmp_path / case_id)
        printed = [line.replace(str(path), "PACK") for line in validate_lines(path, capsys)]
        assert quoted == "<br>".join(f"`{line}`" for line in printed), case_id


def test_the_error_log_rotates_instead_of_growing_without_bound(log_folder, monkeypatch):
    monkeypatch.setattr(error_hook, "MAX_LOG_BYTES", 2000)
    for i in range(200):
        assert error_hook.write_log(f"report {i}\n" + "Traceback line\n" * 20) is not None

    files = sorted(p.name for p in log_folder.iterdir())
    assert files == ["gzexplorer.log", "gzexplorer.log.1", "gzexplorer.log.2", "gzexplorer.log.3"]
    assert all((log_folder / f).stat().st_size <= 2000 for f in files)
    assert "report 199" in (log_folder / "gzexplorer.log").read_text(encoding="utf-8")


# -- no display ------------------------------------------------------------------------------


def _start_window(env_changes: dict[str, str | None]) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k not in ("QT_QPA_PLATFORM", "WAYLAND_DISPLAY")}
    for key, value in env_changes.items():
        if value is None:
            env.pop(key, None)
        else:
            env[key] = value
    return subprocess.run(
        [sys.executable, "-m", "gzexplorer"], env=env, capture_output=True, text=True, timeout=60
    )


@pytest.mark.skipif(sys.platform != "linux", reason="X11 and Wayland displays are Linux's")
@pytest.mark.parametrize(
    ("display", "says"),
    [
        (None, "no display is set (DISPLAY and WAYLAND_DISPLAY are empty)"),
        (":987", "the X display :987 cannot be reached"),
    ],
    ids=["unset", "nothing-there"],
)
def test_without_a_display_the_window_says_so_in_one_line(display, says):
    result = _start_window({"DISPLAY": display})

    assert result.returncode == 2, result.stderr
    assert result.stdout == ""
    (line,) = result.stderr.splitlines()
    assert line.startswith(f"gzexplorer: cannot open a window: {says}.")
    assert "export, screenshot and validate work without a display" in line
    assert "xvfb-run" in line
    assert "libxcb" not in line  # Qt's own, misleading, hint is not reached


@pytest.mark.skipif(shutil.which("Xvfb") is None, reason="needs Xvfb")
def test_a_display_that_is_there_is_found(monkeypatch):
    from gzexplorer.ui.application import no_display_reason

    monkeypatch.delenv("QT_QPA_PLATFORM", raising=False)
    monkeypatch.delenv("WAYLAND_DISPLAY", raising=False)
    monkeypatch.setenv("DISPLAY", ":86")
    server = subprocess.Popen(["Xvfb", ":86", "-nolisten", "tcp"], stderr=subprocess.DEVNULL)
    try:
        for _ in range(100):  # until the server answers (a readiness wait, not a timing)
            if no_display_reason() == "":
                break
            time.sleep(0.1)
        assert no_display_reason() == ""
    finally:
        server.terminate()
        server.wait(timeout=10)
    assert no_display_reason() == "the X display :86 cannot be reached"
