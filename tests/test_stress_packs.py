"""Charts that hold for any pack: every view of the invented stress packs (tests/packs/
busy and edge) drawn at a large and at the smallest export size."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QFontMetricsF

from gzexplorer import charts, model
from gzexplorer.charts import format as fmt
from gzexplorer.charts.context import ChartContext
from gzexplorer.render.bar import BarRenderer
from gzexplorer.render.export import dispose, laid_out_canvas
from gzexplorer.render.style import ChartStyle
from packtools import PACKS

SIZES = [(1440, 900), (600, 400)]
BUSY = model.load(PACKS / "busy")
EDGE = model.load(PACKS / "edge")


def every_chart(dataset):
    return [
        (view_id, n, spec)
        for view_id, _ in charts.views(dataset)
        for n, spec in enumerate(charts.charts_for(dataset, view_id), start=1)
    ]


def test_numbers_of_any_size_are_written_out_or_in_a_scale_word():
    zh = ChartContext(language="zh_CN")
    assert fmt.number(12_000_000_000) == "12,000,000,000"  # never 1.2e+10
    assert fmt.number(0.0000001) == "0.0000001"
    assert [fmt.short(v) for v in (12e9, 340e6, 1.25e6, 999_999_999, 170_000, 0.003)] == [
        "12 bn",
        "340 m",
        "1.25 m",
        "1 bn",
        "170,000",
        "0.003",
    ]
    assert [fmt.short(v, zh) for v in (12e9, 340e6, 4.1e6)] == ["120亿", "3.4亿", "410万"]
    assert fmt.with_unit(12e9, "kroner", brief=True) == "12 bn kroner"


def _tick_labels(canvas, side: str) -> list[tuple[float, str]]:
    """(pixel position along the axis, words) of each tick label shown."""
    axis = canvas.plot_item.getAxis(side)
    view = canvas.plot_item.getViewBox()
    (lo, hi), (bottom, top) = view.viewRange()
    horizontal = side == "bottom"
    size = view.width() if horizontal else view.height()
    span = (lo, hi) if horizontal else (bottom, top)
    shown = []
    for spacing, values in axis.tickValues(*span, size):
        inside = [v for v in values if span[0] <= v <= span[1]]
        words = axis.tickStrings(inside, axis.scale, spacing)
        shown += [
            ((v - span[0]) / (span[1] - span[0]) * size, w)
            for v, w in zip(inside, words, strict=True)
        ]
    return sorted(shown)


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
@pytest.mark.parametrize("dataset", [BUSY, EDGE], ids=["busy", "edge"])
def test_bar_values_and_ticks_are_readable_at_any_magnitude(qapp, dataset, size):
    for view_id, n, spec in every_chart(dataset):
        if spec.kind != "bar":
            continue
        for shown in [spec, spec.on_log_scale()]:
            canvas = laid_out_canvas(shown, *size, ChartStyle())
            try:
                where = f"{view_id} chart {n} at {size}, log={shown.log_scale}"
                plot = canvas.plot_item.getViewBox().sceneBoundingRect()
                assert isinstance(canvas.renderer, BarRenderer)
                for _end, _right, label in canvas.renderer.labels:  # nothing cut
                    assert plot.contains(label.sceneBoundingRect()), (where, label.toPlainText())
                    assert "e+" not in label.toPlainText()
                ticks = _tick_labels(canvas, "bottom")
                assert len(ticks) >= 2, where
                words = [w for _, w in ticks]
                assert all(w and "e+" not in w and "e-" not in w for w in words), (where, words)
                if not shown.log_scale:
                    assert "0" in words, (where, words)  # bars from zero, and a 0 tick
                else:
                    assert "0" not in words, (where, words)
                font = QFontMetricsF(canvas.text_font(canvas.chart_style.small_pt))
                for (x0, w0), (x1, w1) in zip(ticks, ticks[1:], strict=False):  # labels keep apart
                    gap = x1 - x0 - (font.horizontalAdvance(w0) + font.horizontalAdvance(w1)) / 2
                    assert gap > 4, (where, w0, w1)
                assert "x1e" not in canvas.plot_item.getAxis("bottom").labelString()
            finally:
                dispose(canvas)


def test_text_alternatives_are_never_empty_and_read_naturally():
    alts = {spec.id: spec.alt_text for _, _, spec in every_chart(EDGE) + every_chart(BUSY)}
    assert all(alts.values())
    boreholes = next(s for s in charts.charts_for(EDGE, "water") if "Boreholes" in s.title)
    assert "was 17 boreholes in 2001 (the only year reported)" in boreholes.alt_text
    assert "went from 17" not in boreholes.alt_text
    caravans = next(s for s in charts.charts_for(EDGE, "trade") if "Caravans" in s.title)
    assert caravans.alt_text == (
        "Caravans counted at the eastern gate: no number reported for 1995–2003."
    )


def test_a_series_without_numbers_is_named_in_the_legend_not_drawn_as_an_axis(qapp):
    caravans = next(s for s in charts.charts_for(EDGE, "trade") if "Caravans" in s.title)
    canvas = laid_out_canvas(caravans, 900, 600, ChartStyle())
    try:
        assert "Caravans counted at the eastern gate: not reported" in canvas.legend.shown_text()
        assert "━" not in canvas.legend.shown_text()
        assert not canvas.plot_item.getAxis("left").isVisible()
        words = [t.toPlainText() for t in canvas.plot_item.items if hasattr(t, "toPlainText")]
        assert "No number reported in these years" in words
    finally:
        dispose(canvas)


def test_a_view_without_charts_shows_a_message_not_an_empty_plot(make_window):
    w = make_window(EDGE)
    w.show_view("archive")
    assert w.current_chart() is None and not w.chart_panel.isVisible()
    assert w.chart_stack.currentWidget().text().startswith("Nothing to chart here")


def _overlaps(ticks: list[tuple[float, str]], advance) -> list[tuple[str, str]]:
    return [
        (w0, w1)
        for (x0, w0), (x1, w1) in zip(ticks, ticks[1:], strict=False)
        if x1 - x0 - (advance(w0) + advance(w1)) / 2 <= 2
    ]


@pytest.mark.slow
@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
@pytest.mark.parametrize("dataset", [BUSY, EDGE], ids=["busy", "edge"])
def test_every_chart_fits_its_plot_at_any_size(qapp, dataset, size):
    """Every chart of both stress packs: words inside the plot, tick labels apart,
    something drawn, and a text alternative."""
    import pyqtgraph as pg

    for view_id, n, spec in every_chart(dataset):
        canvas = laid_out_canvas(spec, *size, ChartStyle())
        try:
            where = f"{view_id} chart {n} ({spec.kind}) at {size}"
            assert spec.alt_text, where
            items = canvas.plot_item.items
            words = [i for i in items if isinstance(i, pg.TextItem)]
            assert canvas.plot_item.listDataItems() or words, where  # never an empty plot
            plot = canvas.plot_item.getViewBox().sceneBoundingRect().adjusted(-1, -1, 1, 1)
            for item in words:
                assert plot.contains(item.sceneBoundingRect()), (where, item.toPlainText())
            font = QFontMetricsF(canvas.text_font(canvas.chart_style.small_pt))
            if canvas.plot_item.getAxis("bottom").isVisible():
                ticks = _tick_labels(canvas, "bottom")
                assert not _overlaps(ticks, font.horizontalAdvance), (where, ticks)
        finally:
            dispose(canvas)


def _first_ink_x(widget) -> int:
    image = widget.grab().toImage()
    for x in range(image.width()):
        if any(image.pixelColor(x, y).lightness() < 140 for y in range(image.height())):
            return x
    return image.width()


def test_a_name_in_arabic_leaves_the_chart_left_to_right(qapp):
    canal = next(s for s in charts.charts_for(EDGE, "water") if s.title.startswith("تدفق"))
    canvas = laid_out_canvas(canal, 900, 500, ChartStyle())
    try:
        assert _first_ink_x(canvas.title) < 30  # starts at the left, as the subtitle does
        assert _first_ink_x(canvas.legend) < 30
        assert canvas.footer.shown_text().splitlines()[0].endswith("not reported for 1999.")
        assert _first_ink_x(canvas.footer) < 30
    finally:
        dispose(canvas)
