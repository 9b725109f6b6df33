"""Each kind of chart (line, bar, timeline) as a person sees it: where its marks are
drawn, what their labels say, what hovering or clicking them tells."""

from __future__ import annotations

import csv
import math
import time

import pyqtgraph as pg
import pytest
from PySide6.QtCore import QEvent, QPoint, QPointF, Qt
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QApplication

from gzexplorer import charts, model
from gzexplorer.render.bar import BarItem
from gzexplorer.render.canvas import ChartCanvas
from gzexplorer.render.kinds import RENDERERS

STATS = (
    "Guizhou Provincial Bureau of Statistics; "
    "China Academy of Information and Communications Technology (CAICT)"
)
BOOK = (
    "Xiheng Jiang and Changyu Liu, Leapfrogging with All-Round Digital Transformation "
    "in Guizhou, Development Research Center of the State Council (DRC)"
)


@pytest.fixture
def canvas(qtbot):
    c = ChartCanvas()
    qtbot.addWidget(c)
    c.resize(900, 560)
    c.show()
    qtbot.waitExposed(c)
    return c


def draw(canvas: ChartCanvas, spec) -> ChartCanvas:
    canvas.show_spec(spec)
    QApplication.processEvents()
    canvas.reset_view()  # the plot has its final size now
    return canvas


def chart(dataset, view_id: str, kind: str, n: int = 0):
    return [s for s in charts.charts_for(dataset, view_id) if s.kind == kind][n]


def on_screen(canvas: ChartCanvas, x: float, y: float) -> QPointF:
    """Where plot coordinates (x, y) are, in pixels of the plot widget."""
    scene = canvas.plot_item.getViewBox().mapViewToScene(QPointF(x, y))
    return QPointF(canvas.plot_widget.mapFromScene(scene))


def scatter_points(canvas: ChartCanvas, symbol: str) -> set[tuple[float, float]]:
    return {
        (float(x), float(y))
        for item in canvas.plot_item.items
        if isinstance(item, pg.ScatterPlotItem) and item.opts["symbol"] == symbol
        for x, y in zip(*item.getData(), strict=True)
    }


def texts(canvas: ChartCanvas) -> list[pg.TextItem]:
    return [i for i in canvas.plot_item.items if isinstance(i, pg.TextItem)]


def hover(canvas: ChartCanvas, pos: QPoint) -> None:
    """The mouse comes to rest at ``pos`` of the plot (pyqtgraph drops moves that come
    faster than 100 a second)."""
    viewport = canvas.plot_widget.viewport()
    for p in (QPoint(2, 2), QPoint(pos)):
        time.sleep(0.02)
        event = QMouseEvent(
            QEvent.Type.MouseMove,
            QPointF(p),
            viewport.mapToGlobal(QPointF(p)),
            Qt.MouseButton.NoButton,
            Qt.MouseButton.NoButton,
            Qt.KeyboardModifier.NoModifier,
        )
        QApplication.sendEvent(viewport, event)
        QApplication.processEvents()


def shown_tip(canvas: ChartCanvas) -> str:
    """The tooltip on show: a symbol's is set on the plot's view box, a bar's on the bars."""
    tips = [i.toolTip() for i in canvas.plot_item.items if i.toolTip()]
    return "\n\n".join([canvas.plot_item.getViewBox().toolTip(), *tips]).strip()


def test_every_kind_of_chart_has_a_renderer(dataset):
    kinds = {
        s.kind for view_id, _ in charts.views(dataset) for s in charts.charts_for(dataset, view_id)
    }
    assert kinds == set(RENDERERS) == {"line", "bar", "timeline"}


# -- line charts ----------------------------------------------------------------------


def test_line_points_stand_at_their_years_and_values(canvas, dataset):
    draw(canvas, chart(dataset, "economy", "line"))
    reported = {
        (float(year), float(value))
        for indicator in ("gdp_growth", "digital_economy_growth")
        for year, value, status in dataset.series(indicator)[
            ["year", "value", "status"]
        ].itertuples(index=False)
        if status == "reported"
    }
    assert scatter_points(canvas, "o") == reported
    # later years to the right, larger values higher up; every point inside the plot
    marks = {(m.ref.id, m.ref.year): m for m in canvas.drawn_marks()}
    de_2017 = canvas.mark_scene_pos(marks["digital_economy_growth", 2017])  # 37.2%
    de_2020 = canvas.mark_scene_pos(marks["digital_economy_growth", 2020])  # 14.9%
    assert de_2017.x() < de_2020.x() and de_2017.y() < de_2020.y()
    plot = canvas.plot_widget.viewport().rect()
    assert all(plot.contains(canvas.mark_scene_pos(m)) for m in canvas.drawn_marks())


def test_a_year_with_a_note_for_a_number_is_a_triangle_above_the_lines(canvas, dataset):
    draw(canvas, chart(dataset, "economy", "line"))
    triangles = scatter_points(canvas, "t1")
    assert sorted(x for x, _ in triangles) == [2015.0, 2016.0]
    top_point = min(on_screen(canvas, x, y).y() for x, y in scatter_points(canvas, "o"))
    assert all(on_screen(canvas, x, y).y() < top_point for x, y in triangles)
    (note,) = texts(canvas)
    assert note.toPlainText() == "ranking 1st in China" and note.pos().x() == 2015.5
    assert "▲" in canvas.legend.shown_text() and "no number given" in canvas.legend.shown_text()


def test_hovering_a_point_or_a_triangle_says_what_it_is_and_where_it_comes_from(canvas, dataset):
    draw(canvas, chart(dataset, "economy", "line"))
    marks = {(m.ref.id, m.ref.year, m.status): m for m in canvas.drawn_marks()}
    point = marks["gdp_growth", 2013, "reported"]
    triangle = marks["digital_economy_growth", 2015, "qualitative"]
    assert canvas.tooltip(point) == (
        f"GDP growth rate, 2013\n12.5%\nSource: {STATS}\nPassage: table-2"
    )
    assert canvas.tooltip(triangle) == (
        "Growth rate of the digital economy, 2015\n"
        f"ranking 1st in China (no number given)\nSource: {STATS}\nPassage: table-2"
    )
    for mark in (point, triangle):
        hovered = []
        canvas.markHovered.connect(hovered.append)
        hover(canvas, canvas.mark_scene_pos(mark))
        canvas.markHovered.disconnect(hovered.append)
        assert hovered[-1] == mark
        assert shown_tip(canvas) == mark.tooltip


def test_each_point_names_its_own_indicators_source(pack_copy, canvas):
    """Two indicators of one chart with different sources: each point's tooltip names
    its own (the chart's source line names both)."""
    path = pack_copy / "indicators.csv"
    with path.open(encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    for row in rows:
        if row["id"] == "gdp_growth":
            row["source"] = "Guizhou Statistical Yearbook"
    with path.open("w", encoding="utf-8", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    spec = chart(model.load(pack_copy), "economy", "line")
    draw(canvas, spec)
    sources = {m.ref.id: m.tooltip.splitlines()[2] for m in canvas.drawn_marks()}
    assert sources == {
        "gdp_growth": "Source: Guizhou Statistical Yearbook",
        "digital_economy_growth": f"Source: {STATS}",
    }
    assert spec.source.startswith(f"Source: {STATS}; Guizhou Statistical Yearbook; in ")
    assert canvas.footer.shown_text().endswith(spec.source)  # plain text


# -- bar charts -----------------------------------------------------------------------


def bars(canvas: ChartCanvas) -> BarItem:
    (item,) = [i for i in canvas.plot_item.items if isinstance(i, BarItem)]
    return item


def test_bars_reach_their_values_from_zero_on_a_linear_scale(canvas, dataset):
    spec = chart(dataset, "economy", "bar")
    assert spec.title == "Industrial Cloud Platform" and not spec.log_scale and spec.can_log
    draw(canvas, spec)
    marks = canvas.drawn_marks()
    item = bars(canvas)
    assert item.opts["x0"] == 0 and list(item.opts["width"]) == [m.y for m in marks]
    # each value is written at its bar's end, at the bar's height, inside the plot
    labels = {t.toPlainText(): t for t in texts(canvas)}
    assert set(labels) == {"more than 170,000", "nearly 3,000", "14,178", "204", "2,308"}
    plot = canvas.plot_item.getViewBox().sceneBoundingRect()
    for i, mark in enumerate(marks):
        label = labels[mark.value_text]
        assert label.pos().y() == i and label.pos().x() == pytest.approx(mark.y)
        assert plot.contains(label.sceneBoundingRect())
    axis = canvas.plot_item.getAxis("bottom")
    (_, ticks), *_ = axis.tickValues(*canvas.plot_item.getViewBox().viewRange()[0], 600)
    assert 0.0 in ticks and "0" in axis.tickStrings([0.0], 1, ticks[1] - ticks[0])
    # the first figure of the document on top, each bar named on the left axis
    assert marks[-1].label == "Registered users"
    tops = [canvas.mark_scene_pos(m).y() for m in marks]
    assert tops == sorted(tops, reverse=True)
    left = canvas.plot_item.getAxis("left")
    assert left.tickStrings(range(len(marks)), 1, 1) == [m.label for m in marks]
    assert left.isVisible() and not canvas.legend.isVisible()


def test_on_a_logarithmic_scale_bars_start_at_a_power_of_ten_below_the_smallest(canvas, dataset):
    spec = chart(dataset, "economy", "bar").on_log_scale()
    assert spec.log_scale and spec.subtitle.endswith("(logarithmic scale)")
    draw(canvas, spec)
    marks = canvas.drawn_marks()
    item = bars(canvas)
    assert item.opts["x0"] == 2  # 100: the smallest figure is 204
    ends = item.opts["x0"] + item.opts["width"]
    assert list(ends) == pytest.approx([math.log10(m.y) for m in marks])
    assert all(w > 0 for w in item.opts["width"])  # no bar reaches leftwards
    axis = canvas.plot_item.getAxis("bottom")
    lo, hi = canvas.plot_item.getViewBox().viewRange()[0]
    assert hi < 7  # the view ends near the longest bar and its label, not at 10^12
    (_, decades), *_ = axis.tickValues(lo, hi, 600)
    assert (
        axis.tickStrings(decades, 1, 1)
        == ["100", "1,000", "10,000", "100,000", "1 m"][: len(decades)]
    )


def test_a_negative_bar_reaches_left_of_a_zero_line(canvas, dataset):
    spec = chart(dataset, "economy", "bar", 1)
    draw(canvas, spec)
    (site,) = [m for m in canvas.drawn_marks() if m.ref.id == "enterprise_site_requirements"]
    assert site.y == -46 and bars(canvas).opts["width"][int(site.x)] == -46
    (zero,) = [i for i in canvas.plot_item.items if isinstance(i, pg.InfiniteLine)]
    assert on_screen(canvas, -46, 0).x() < on_screen(canvas, zero.value(), 0).x()
    (label,) = [t for t in texts(canvas) if t.toPlainText() == "-46%"]
    assert label.pos().x() <= -46 and label.anchor.x() == 1  # written leftwards


def test_a_highlighted_bar_is_ringed_at_its_end(canvas, dataset):
    draw(canvas, chart(dataset, "economy", "bar"))
    (users,) = [m for m in canvas.drawn_marks() if m.ref.id == "cloud_registered_users"]
    canvas.highlight({("figure", "cloud_registered_users", users.ref.year)})
    assert canvas.highlighted_marks() == [users]
    rings = [i for i in canvas.plot_item.items if i.zValue() == 10]
    (ring,) = rings
    xs, ys = ring.getData()
    assert (xs[0], ys[0]) == pytest.approx((170000, users.x))


def test_hovering_a_bar_says_its_figure_and_source(canvas, dataset):
    draw(canvas, chart(dataset, "economy", "bar"))
    (users,) = [m for m in canvas.drawn_marks() if m.ref.id == "cloud_registered_users"]
    assert users.tooltip == (
        f"Registered users\nmore than 170,000\nSource: {BOOK}\nPassage: so-industrial-cloud"
    )
    hovered = []
    canvas.markHovered.connect(hovered.append)
    hover(canvas, canvas.mark_scene_pos(users))
    assert hovered[-1] == users and shown_tip(canvas) == users.tooltip
    hover(canvas, QPoint(canvas.plot_widget.width() - 5, 5))  # beyond the bars
    assert hovered[-1] is None and shown_tip(canvas) == ""


# -- timelines ------------------------------------------------------------------------


def test_timeline_events_each_have_a_lane_the_earliest_on_top(canvas, dataset):
    spec = chart(dataset, "overview", "timeline")
    draw(canvas, spec)
    marks = canvas.drawn_marks()
    assert len(marks) == len(dataset.milestones())
    # the lanes drawn are the spec's (charts/), one per event
    assert scatter_points(canvas, "o") == {(m.x, m.y) for m in spec.marks()}
    assert sorted(m.y for m in marks) == list(range(len(marks)))
    top_down = sorted(marks, key=lambda m: canvas.mark_scene_pos(m).y())
    assert [(m.ref.year, m.ref.id) for m in top_down] == sorted(
        (m.year, m.id) for m in dataset.milestones()
    )
    plot = canvas.plot_widget.viewport().rect()
    assert all(plot.contains(canvas.mark_scene_pos(m)) for m in marks)
    assert not canvas.plot_item.getAxis("left").isVisible()


def test_timeline_titles_stand_beside_their_dots_inside_the_chart(canvas, dataset):
    draw(canvas, chart(dataset, "overview", "timeline"))
    titles = {t.toPlainText(): t for t in texts(canvas)}
    middle = (2012 + 2021) / 2
    for m in canvas.drawn_marks():
        title = titles[m.label]
        assert title.pos().y() == m.y
        if m.x > middle:  # written leftwards, ending before the dot
            assert title.anchor.x() == 1 and title.pos().x() < m.x
        else:
            assert title.anchor.x() == 0 and title.pos().x() > m.x


def test_clicking_an_event_shows_its_tooltip_in_the_status_bar(qtbot, window):
    w = window
    w.show_view("overview")
    qtbot.wait(50)
    (event,) = [m for m in w.canvas.drawn_marks() if m.ref.id == "industrial_cloud_2017"]
    assert event.tooltip == (
        "2017: Industrial Cloud Platform launched\n"
        "Promotes cloud services among local industrial enterprises.\n"
        f"Source: {BOOK}\nPassage: so-industrial-cloud"
    )
    pos = w.canvas.mark_scene_pos(event)
    qtbot.mouseClick(w.canvas.plot_widget.viewport(), Qt.MouseButton.LeftButton, pos=pos)
    assert w.statusBar().currentMessage() == event.tooltip.replace("\n", " · ")
    assert w.canvas.highlighted_marks() == [event]


def test_a_timeline_with_a_series_hidden_closes_up_its_lanes(dataset):
    spec = chart(dataset, "overview", "timeline")
    economy = spec.with_series({"economy"})
    lanes = sorted((m.y, m.x) for m in economy.marks())
    assert [y for y, _ in lanes] == list(range(len(lanes)))
    assert [x for _, x in lanes] == sorted((x for _, x in lanes), reverse=True)


# -- the same words in both languages --------------------------------------------------


def test_tooltips_speak_the_interface_language_and_name_the_charts_source(window):
    window.set_language("zh_CN")
    try:
        for view_id in ("economy", "overview"):
            window.show_view(view_id)
            for i, spec in enumerate(window.chart_panel.charts()):
                window.chart_panel.set_current(i)
                for mark in window.canvas.drawn_marks():
                    head, body, source, passage = window.canvas.tooltip(mark).split("\n")
                    assert source.startswith("来源：") and passage.startswith("段落：")
                    if spec.kind != "line":  # bars and events: the line under the chart
                        assert source == spec.source and source in window.canvas.footer.shown_text()
    finally:
        window.set_language("en")
