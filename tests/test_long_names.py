"""Long names on every surface (issue 16, item 3), on the stress packs busy and edge, as a
person sees them: chart titles of at most two lines (the whole title in the tooltip and
the accessible name), tabs elided in the middle, legend entries whole, timeline titles
inside the plot, year axes labelled at their first and last year, a sidebar that never
scrolls sideways, and the smallest window with nothing running into the plot (nor out
of it: a line chart's note over its triangles)."""

from __future__ import annotations

import pyqtgraph as pg
import pytest
from PySide6.QtCore import QEvent, QRectF, Qt
from PySide6.QtGui import QHelpEvent, QTextDocument
from PySide6.QtWidgets import QApplication, QStyleOptionTab, QStyleOptionViewItem, QToolTip

from charttools import drawn_tick_labels
from gzexplorer import charts, markup, model
from gzexplorer.render.canvas import ChartCanvas
from gzexplorer.render.export import dispose, laid_out_canvas
from gzexplorer.render.style import ChartStyle
from packtools import PACKS, STRESS

SIZES = [(1440, 900), (600, 400)]  # the window; 600x400 gives the smallest it allows
WORD_JOINER = "\u2060"


@pytest.fixture(scope="module")
def packs() -> dict[str, model.Dataset]:
    return {name: model.load(PACKS / name) for name in STRESS}


def settle() -> None:
    for _ in range(5):
        QApplication.processEvents()


def every_chart(w):
    """Each view and chart of the window's pack in turn: (view id, spec, canvas)."""
    for view_id, _name in charts.views(w.dataset):
        w.show_view(view_id)
        settle()
        for i in range(len(w.chart_panel.charts())):
            w.chart_panel.set_current(i)
            settle()
            yield view_id, w.current_chart(), w.canvas


def chart_years(spec) -> tuple[int, int]:
    years = [m.x for m in spec.marks()]
    return int(min(years)), int(max(years))


# -- what is drawn -----------------------------------------------------------------------


def title_lines(canvas: ChartCanvas) -> float:
    """How many lines of text the chart's title shows (its height in lines)."""
    return canvas.title.height() / canvas.title.fontMetrics().lineSpacing()


def timeline_titles(canvas: ChartCanvas) -> list[pg.TextItem]:
    return [i for i in canvas.plot_item.items if isinstance(i, pg.TextItem)]


def scene_rect(item: pg.TextItem) -> QRectF:
    item.updateTransform()  # as painting does
    return item.mapRectToScene(item.boundingRect())


def legend_lines(canvas: ChartCanvas) -> list[str]:
    """The legend's lines, laid out as the label lays out its rich text."""
    label = canvas.legend
    doc = QTextDocument()
    doc.setDocumentMargin(0)
    doc.setDefaultFont(label.font())
    doc.setHtml(label.text())
    doc.setTextWidth(label.contentsRect().width())
    doc.size()  # lays it out
    lines = []
    block = doc.begin()
    while block.isValid():
        layout = block.layout()
        units = block.text().encode("utf-16-le")  # Qt counts UTF-16 code units
        for i in range(layout.lineCount()):
            line = layout.lineAt(i)
            start, end = line.textStart(), line.textStart() + line.textLength()
            lines.append(units[2 * start : 2 * end].decode("utf-16-le"))
        block = block.next()
    return lines


# -- the checks ------------------------------------------------------------------------


def assert_title_fits(canvas: ChartCanvas, spec) -> None:
    assert title_lines(canvas) <= 2.2, spec.title
    assert canvas.title.accessibleName() == spec.title
    assert canvas.accessibleName() == spec.title
    if canvas.title.is_cut():
        assert canvas.title.shown_text().endswith("…")
        assert canvas.title.toolTip() == markup.plain(spec.title)


def assert_years_labelled(canvas: ChartCanvas, spec) -> None:
    axis = canvas.plot_item.getAxis("bottom")
    drawn = drawn_tick_labels(axis)
    first, last = chart_years(spec)
    texts = [text for _rect, text in drawn]
    assert str(first) in texts and str(last) in texts, (spec.id, texts)
    bounds = axis.mapRectFromParent(axis.geometry())
    rects = sorted((rect for rect, _text in drawn), key=QRectF.left)
    for rect in rects:  # inside the axis, none over the next
        assert bounds.left() - 0.5 <= rect.left() and rect.right() <= bounds.right() + 0.5
    for a, b in zip(rects, rects[1:], strict=False):
        assert a.right() < b.left(), (spec.id, texts)


def assert_titles_inside(canvas: ChartCanvas, spec, every: bool = False) -> None:
    plot = canvas.plot_item.getViewBox().sceneBoundingRect().adjusted(-0.5, -0.5, 0.5, 0.5)
    titles = timeline_titles(canvas)
    shown = [t for t in titles if t.isVisible()]
    assert shown, spec.id
    if every:
        assert len(shown) == len(titles) == len(list(spec.marks()))
    for t in shown:
        assert plot.contains(scene_rect(t)), (spec.id, t.toPlainText())
    inks = [scene_rect(t).adjusted(1, 2, -1, -2) for t in shown]
    for i, a in enumerate(inks):
        assert not any(a.intersects(b) for b in inks[i + 1 :]), spec.id
    # a title cut short ends in an ellipsis; the dot's tooltip names the event
    labels = {m.label for m in spec.marks()}
    for t in shown:
        words = t.toPlainText().replace("\n", " ")  # on one line, or wrapped to two
        if words not in labels:  # elided: the whole title is its tooltip
            assert words.endswith("…") and t.toolTip() in {markup.plain(x) for x in labels}


def assert_note_inside(canvas: ChartCanvas, spec) -> None:
    """A line chart's note over its triangles stays between the plot's sides (elided
    where the plot is narrower, whole in its tooltip)."""
    note = getattr(canvas.renderer, "note", None)
    if note is None:
        return
    plot = canvas.plot_item.getViewBox().sceneBoundingRect()
    rect = scene_rect(note)
    assert plot.left() - 0.5 <= rect.left() and rect.right() <= plot.right() + 0.5, spec.id
    words = spec.annotations[0].text
    if note.toPlainText() != words:
        assert note.toPlainText().endswith("…") and note.toolTip() == markup.plain(words)


# -- in the window ---------------------------------------------------------------------


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
@pytest.mark.parametrize("name", STRESS)
def test_every_chart_keeps_its_long_names_inside(make_window, packs, name, size):
    w = make_window(packs[name], size=size)
    seen = set()
    for _view_id, spec, canvas in every_chart(w):
        seen.add(spec.kind)
        assert_title_fits(canvas, spec)
        if spec.kind in ("line", "timeline"):
            assert_years_labelled(canvas, spec)
        assert_note_inside(canvas, spec)
        if spec.kind == "timeline":
            # in a window of 1440x900 every title of the Overview is shown
            every = size == (1440, 900)
            assert_titles_inside(canvas, spec, every=every)
    assert {"line", "timeline"} <= seen


def test_a_title_of_three_long_names_takes_two_lines_and_says_the_rest_in_its_tooltip(
    make_window, packs
):
    w = make_window(packs["busy"], size=(1440, 900))
    w.show_view("ports")
    settle()
    spec = w.current_chart()
    assert spec.title.count(" vs ") == 2 and len(spec.title) > 150
    canvas = w.canvas
    assert 1.8 <= title_lines(canvas) <= 2.2
    assert canvas.title.toolTip() == spec.title == canvas.title.accessibleName()
    shown = canvas.title.shown_text()
    assert shown.endswith("…") and spec.title.startswith(shown.replace("\n", " ")[:-1])


def test_tabs_hold_the_whole_title_elided_in_the_middle(make_window, packs):
    w = make_window(packs["busy"], size=(1440, 900))
    w.show_view("ports")
    settle()
    tabs = w.chart_panel.tabs
    assert tabs.elideMode() == Qt.TextElideMode.ElideMiddle
    specs = w.chart_panel.charts()
    elided = 0
    for i, spec in enumerate(specs):
        assert tabs.tabText(i) == markup.no_mnemonic(spec.title)
        assert tabs.tabToolTip(i) == markup.plain(spec.title)
        option = QStyleOptionTab()
        tabs.initStyleOption(option, i)
        drawn = option.text.replace("&&", "&")
        if drawn != spec.title:  # its beginning and its end, with "…" between
            elided += 1
            head, _, tail = drawn.partition("…")
            assert head and tail and spec.title.startswith(head) and spec.title.endswith(tail)
        assert tabs.tabRect(i).right() <= tabs.width()
    assert elided  # the 60-character names do not fit whole


def test_the_legend_keeps_each_entry_whole_and_never_breaks_a_word(packs):
    spec = charts.charts_for(packs["busy"], "forests")[0]  # "closed-canopy", "1981–2020"
    names = [s.name for s in spec.series]
    assert any("-" in n for n in names)
    for width in (1200, 900, 600, 450, 360):
        canvas = laid_out_canvas(spec, width, max(400, width * 2 // 3), ChartStyle())
        try:
            lines = [
                line.replace("\u00a0", " ").replace(WORD_JOINER, "")
                for line in legend_lines(canvas)
            ]
            assert len(lines) >= 1
            for before in lines[:-1]:  # every break after a space or a line's end
                assert before[-1] in (" ", "\u2028"), (width, lines)
            fm = canvas.legend.fontMetrics()
            room = canvas.legend.contentsRect().width()
            for name in names:
                if fm.horizontalAdvance(f"━● {name}") * 1.02 + 2 <= room:
                    assert any(name in line for line in lines), (width, name, lines)
        finally:
            dispose(canvas)


@pytest.mark.parametrize("name", STRESS)
def test_exports_at_600x400_keep_titles_axes_and_timelines_inside(packs, name):
    dataset = packs[name]
    for view_id, _ in charts.views(dataset):
        for spec in charts.charts_for(dataset, view_id):
            canvas = laid_out_canvas(spec, 600, 400, ChartStyle())
            try:
                assert_title_fits(canvas, spec)
                if spec.kind in ("line", "timeline"):
                    assert_years_labelled(canvas, spec)
                assert_note_inside(canvas, spec)
                if spec.kind == "timeline":
                    assert_titles_inside(canvas, spec)
            finally:
                dispose(canvas)


def test_a_long_milestone_title_flips_to_the_side_with_room_or_wraps(packs):
    """edge's 90-character title: beside its dot at 1200 px, on two lines at 600 px."""
    spec = charts.charts_for(packs["edge"], "overview")[0]
    long_one = next(m for m in spec.marks() if len(m.label) > 80)
    for width, lines in ((1200, 1), (600, 2)):
        canvas = laid_out_canvas(spec, width, max(400, width * 2 // 3), ChartStyle())
        try:
            title = next(t for _m, t in canvas.renderer.titles if _m.ref.id == long_one.ref.id)
            assert title.isVisible()
            assert title.toPlainText().replace("\n", " ") == long_one.label
            assert title.toPlainText().count("\n") + 1 == lines
            assert_titles_inside(canvas, spec)
        finally:
            dispose(canvas)


# -- the sidebar ------------------------------------------------------------------------


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
@pytest.mark.parametrize("name", STRESS)
def test_the_sidebar_never_scrolls_sideways_and_elides_long_names(make_window, packs, name, size):
    w = make_window(packs[name], size=size)
    settle()
    view = w.theme_list
    assert not view.horizontalScrollBar().isVisible()
    delegate = view.itemDelegate()
    viewport = view.viewport()
    elided = 0
    for row in range(w.view_model.rowCount()):
        index = w.view_model.index(row)
        rect = view.visualRect(index)
        assert rect.left() >= 0 and rect.right() < viewport.width()  # the pill with it
        option = QStyleOptionViewItem()
        option.initFrom(view)
        option.rect = rect
        option.font = view.font()
        option.fontMetrics = view.fontMetrics()
        option.decorationSize = view.iconSize()
        name_ = index.data()
        shown = delegate.shown_name(option, index)
        if shown != name_:
            elided += 1
            assert shown.endswith("…") and name_.startswith(shown[:-1])
            # hovering the row shows the whole name, then the description
            tip = delegate.tool_tip(option, index)
            assert tip.split("\n")[0] == name_
            QToolTip.hideText()
            at = rect.center()
            event = QHelpEvent(QEvent.Type.ToolTip, at, viewport.mapToGlobal(at))
            QApplication.sendEvent(viewport, event)
            assert QToolTip.text() == markup.plain(tip)
    QToolTip.hideText()
    if size == (600, 400):
        assert elided  # the window is narrow: some names are elided


# -- the smallest window -------------------------------------------------------------------


@pytest.mark.parametrize("name", STRESS)
def test_in_the_smallest_window_no_words_run_into_the_plot(make_window, packs, name):
    w = make_window(packs[name], size=(600, 400))
    for _view_id, spec, canvas in every_chart(w):
        assert_note_inside(canvas, spec)
        plot = canvas.plot_widget.geometry()
        assert canvas.title.geometry().top() >= 0
        for label in (canvas.title, canvas.subtitle, canvas.legend):
            if label.isVisible():
                assert label.geometry().bottom() < plot.top(), (spec.id, label.objectName())
        assert plot.bottom() < canvas.footer.geometry().top(), spec.id
        assert canvas.footer.geometry().bottom() <= canvas.height(), spec.id
        whole = "\n".join([*spec.notes, spec.source])
        if canvas.footer.shown_text() != whole:  # shortened: the whole footer in its tooltip
            assert canvas.footer.toolTip() == markup.plain(whole)
