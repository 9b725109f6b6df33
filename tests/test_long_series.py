"""Series of thousands of points (another region's monthly data, say): drawn as plain
lines, still clickable, highlighted and tabulated point by point."""

from __future__ import annotations

import sys
from pathlib import Path

import pyqtgraph as pg
import pytest
from PySide6.QtCore import QEvent, QItemSelectionModel, QObject, Qt
from PySide6.QtWidgets import QStyleOptionViewItem

from gzexplorer import charts, model
from gzexplorer.charts.build import DENSE_POINTS
from gzexplorer.ui.delegates import ExcerptDelegate
from gzexplorer.ui.main_window import MainWindow

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))
import make_big_pack  # noqa: E402

YEARS = 3000  # above DENSE_POINTS: drawn without a marker per point


@pytest.fixture(scope="module")
def long_pack(tmp_path_factory) -> model.Dataset:
    folder = tmp_path_factory.mktemp("long") / "pack"
    make_big_pack.make(folder, indicators=4, years=YEARS, excerpts=8, themes=1)
    return model.load(folder)


def _shown(make_window, dataset: model.Dataset) -> MainWindow:
    """A window on the generated pack's one theme."""
    w = make_window(dataset, size=(1200, 800))
    w.show_view("t0")
    return w


@pytest.fixture
def window(make_window, long_pack):
    return _shown(make_window, long_pack)


def test_long_series_draw_every_point_as_a_line_without_markers(window, long_pack):
    assert YEARS > DENSE_POINTS
    spec = window.current_chart()
    curves = window.canvas.plot_item.listDataItems()
    assert [c.name() for c in curves] == [None, None]  # two indicators share this unit
    frame = long_pack.series("i0")
    x, y = curves[0].getOriginalDataset()
    assert len(x) == YEARS and list(x[:3]) == [1.0, 2.0, 3.0]
    assert y[0] == pytest.approx(frame["value"].iloc[0])
    assert y[13] != y[13]  # a not-reported year is a gap (NaN), not a zero
    scatters = [i for i in window.canvas.plot_item.items if isinstance(i, pg.ScatterPlotItem)]
    assert scatters == []
    assert len(spec.rows) == 2 * YEARS


def test_clicking_the_line_picks_the_nearest_point(qtbot, window, long_pack):
    point = next(m for m in window.current_chart().series[0].marks if m.ref.year == 1500)
    qtbot.wait(50)
    pos = window.canvas.mark_scene_pos(point)
    qtbot.mouseClick(window.canvas.plot_widget.viewport(), Qt.MouseButton.LeftButton, pos=pos)
    (picked,) = window.canvas.highlighted_marks()
    years_per_pixel = YEARS / window.canvas.plot_widget.width()
    assert picked.ref.id == "i0" and abs(picked.ref.year - 1500) <= years_per_pixel
    value = long_pack.series("i0")["value"].iloc[picked.ref.year - 1]
    assert picked.y == value
    message = window.statusBar().currentMessage()
    assert message.startswith(f"Indicator 0, {picked.ref.year} · ")
    assert f"{value:,.3f}".rstrip("0").rstrip(".") + " index" in message


def test_a_passage_highlights_the_long_series_points_it_is_the_source_of(window, long_pack):
    row = window.excerpts.model.row_of("e2")
    window.excerpts.view.selectionModel().setCurrentIndex(
        window.excerpts.model.index(row), QItemSelectionModel.SelectionFlag.ClearAndSelect
    )
    marks = window.canvas.highlighted_marks()
    cited = long_pack.citing("e2").points
    assert {(m.ref.id, m.ref.year) for m in marks} == {(p.indicator_id, p.year) for p in cited}
    assert {m.ref.id for m in marks} == {"i2"}  # i2 is on this chart; e2 cites it only
    assert f"source of {len(marks)} chart element(s)" in window.statusBar().currentMessage()


def test_the_table_lists_every_point_of_a_long_series(window, long_pack):
    window.chart_panel.set_page(1)
    table = window.chart_panel.table.model()
    assert table.rowCount() == 2 * YEARS
    frame = long_pack.series("i2")
    row = YEARS + 99  # the second series, year 100
    assert table.index(row, 0).data() == "i2"
    assert table.index(row, 3).data() == "100"
    assert float(table.index(row, 4).data().replace(",", "")) == pytest.approx(
        frame["value"].iloc[99]
    )


def test_long_series_specs_hold_columns_not_a_mark_per_point(long_pack):
    spec = charts.charts_for(long_pack, "t0")[0]
    marks = spec.series[0].marks
    assert len(marks) == YEARS and not isinstance(marks, tuple)
    assert marks[-1].ref.year == YEARS and marks[-1] == marks[YEARS - 1]
    assert marks.index_of(14) == 13 and marks.index_of(YEARS + 1) == -1


@pytest.fixture(scope="module")
def many_passages(tmp_path_factory) -> model.Dataset:
    folder = tmp_path_factory.mktemp("many") / "pack"
    make_big_pack.make(folder, indicators=2, years=12, excerpts=400, themes=1)
    return model.load(folder)


def _in_view(panel, excerpt_id: str) -> bool:
    view = panel.view
    rect = view.visualRect(panel.model.index(panel.model.row_of(excerpt_id)))
    return view.viewport().rect().contains(rect)


class _FirstPaint(QObject):
    """What the passage list showed when it first painted: whether some heights were
    still guesses, and the rows of the first screenful whose height was not yet true."""

    def __init__(self, panel) -> None:
        super().__init__()
        self.panel, self.estimated, self.untrue = panel, None, None
        panel.view.viewport().installEventFilter(self)

    def eventFilter(self, obj, event) -> bool:  # noqa: N802
        if self.estimated is None and event.type() == QEvent.Type.Paint:
            self.estimated = self.panel.delegate.estimated
            self.untrue = _untrue_heights(self.panel, range(ExcerptDelegate.EXACT_ROWS))
        return False


def _untrue_heights(panel, rows) -> list[int]:
    """The rows whose height on screen is not the height of their laid-out text."""
    option = QStyleOptionViewItem()
    panel.view.initViewItemOption(option)
    return [
        row
        for row in rows
        if panel.view.visualRect(panel.model.index(row)).height()
        != panel.delegate.measure(option, panel.model.index(row))
    ]


def test_the_first_frame_does_not_wait_for_the_passages_below_it(qtbot, many_passages, settings):
    w = MainWindow(many_passages, settings)  # watched from before its first paint
    qtbot.addWidget(w)
    watch = _FirstPaint(w.excerpts)
    w.resize(1200, 800)
    w.show()
    qtbot.waitUntil(lambda: watch.estimated is not None)
    # the first screenful was laid out for the first frame, the rest were guessed ...
    assert watch.estimated and watch.untrue == []
    # ... and get their true heights after it
    qtbot.waitUntil(lambda: not w.excerpts.delegate.estimated, timeout=20000)
    assert _untrue_heights(w.excerpts, range(w.excerpts.model.rowCount())) == []


def test_hundreds_of_passages_show_at_once_and_all_get_their_true_height(
    make_window, qtbot, many_passages
):
    panel = _shown(make_window, many_passages).excerpts
    assert panel.model.rowCount() == 400
    # a passage far down can be reached at once, before the rest are measured ...
    panel.select("e350")
    assert _in_view(panel, "e350")
    # ... and stays in view when the rest are measured in idle time
    qtbot.waitUntil(lambda: not panel.delegate.estimated, timeout=20000)
    assert _in_view(panel, "e350")
    # every row is then as tall as its laid-out text
    assert _untrue_heights(panel, (0, 150, 399)) == []
    panel.select("e399")
    assert _in_view(panel, "e399")
