"""Numbers linked inside the passages (issue 19 point 5): the numbers a figure, an
observation or a milestone cites are marked where the passage states them; hovering one
shows its value as charted, clicking it (or Enter on it) selects its point, bar or
event, and selecting a chart element marks its own words in the passage."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, QPoint, QPointF, Qt
from PySide6.QtGui import QColor, QHelpEvent, QImage, QPalette, QTextDocument
from PySide6.QtWidgets import QApplication, QToolTip

from gzexplorer import model
from gzexplorer.ui.delegates import NUMBER_HREF, number_rects
from gzexplorer.ui.item_models import HighlightRole, IdRole
from gzexplorer.ui.linking import highlights
from gzexplorer.ui.state import Selection
from packtools import copy_pack, read_rows, write_rows

TABLE = (
    "YEAR\tWIDGET GROWTH, %\tWHAT HAPPENED\n"
    "2012\t1.5\tmore than 40 old towns protected\n"
    "2013\t-\t-\n"
    "2014\t0\tthe widget museum opens"
)


@pytest.fixture(scope="module")
def linked_pack(tmp_path_factory) -> Path:
    """The minimal pack with one table passage that states a figure ("more than 40 old
    towns"), two observations (1.5 and 0) and a milestone's year (2014), all cited from
    it; the Industry view charts them on a line, a bar chart and a timeline."""
    pack = copy_pack(tmp_path_factory.mktemp("linked"))
    rows = read_rows(pack, "excerpts")
    for r in rows:
        if r[0] == "tl-table":
            r[4], r[5] = "industry;heritage", TABLE
    write_rows(pack, "excerpts", rows)
    doc = pack / "testland.txt"
    old = "YEAR\tWIDGET GROWTH, %\n2012\t1.5\n2013\t-\n2014\t0"
    doc.write_text(doc.read_text(encoding="utf-8").replace(old, TABLE), encoding="utf-8")
    rows = read_rows(pack, "figures")
    for r in rows[1:]:
        r[7] = "Old towns"  # group: a bar chart
        if r[0] == "old_towns":
            r[6], r[11] = "heritage;industry", "tl-towns;tl-table"
    write_rows(pack, "figures", rows)
    rows = read_rows(pack, "milestones")
    for r in rows[1:]:
        r[4], r[5] = "heritage;industry", "tl-towns;tl-table"
    write_rows(pack, "milestones", rows)
    return pack


# -- helpers: the passage as the delegate draws it --------------------------------------


def passage(window, excerpt_id: str):
    """The passage's row, scrolled to, its numbers found (as idle time finds them)."""
    panel = window.excerpts
    row = panel.model.row_of(excerpt_id)
    assert row >= 0, excerpt_id
    index = panel.model.index(row)
    panel.scroll_to(index)
    panel.model.cited(excerpt_id)
    return index


def drawn_doc(window, index) -> QTextDocument:
    return window.excerpts.delegate.document(window.excerpts._option(), index)


def marked(doc: QTextDocument) -> list[tuple[str, str, bool, str]]:
    """(words, href, underlined, background) of every marked stretch of ``doc``, in order,
    stretches of one number joined."""
    out: list[list] = []
    block = doc.begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            fragment = it.fragment()
            fmt = fragment.charFormat()
            href = fmt.anchorHref()
            if href.startswith(NUMBER_HREF):
                if out and out[-1][1] == href:
                    out[-1][0] += fragment.text()
                else:
                    back = fmt.background().color().name()
                    out.append([fragment.text(), href, fmt.fontUnderline(), back])
            it += 1
        block = block.next()
    return [tuple(x) for x in out]


def words(doc: QTextDocument) -> list[str]:
    return [w for w, *_ in marked(doc)]


def chosen(doc: QTextDocument) -> list[str]:
    """The words marked as the selection's own (the strong background, no underline)."""
    return [w for w, _href, underlined, _back in marked(doc) if not underlined]


def number_pos(window, index, i: int) -> QPoint:
    """The centre of number ``i`` of the passage, in the list's viewport."""
    delegate = window.excerpts.delegate
    rect = window.excerpts.view.visualRect(index)
    at = QPointF(rect.left() + delegate.PAD + delegate.ACCENT_W + 2, rect.top() + delegate.PAD)
    rects = number_rects(drawn_doc(window, index), i)
    assert rects, f"number {i} not drawn"
    return (rects[0].center() + at).toPoint()


def number_index(window, index, text: str) -> int:
    found = [w for w, *_ in marked(drawn_doc(window, index))]
    return found.index(text)


def click(qtbot, window, pos: QPoint) -> None:
    qtbot.mouseClick(window.excerpts.view.viewport(), Qt.MouseButton.LeftButton, pos=pos)


def tooltip_at(window, pos: QPoint) -> str:
    viewport = window.excerpts.view.viewport()
    QToolTip.hideText()
    QApplication.sendEvent(
        viewport, QHelpEvent(QEvent.Type.ToolTip, pos, viewport.mapToGlobal(pos))
    )
    text = QToolTip.text()
    QToolTip.hideText()
    return text


def ringed(window) -> list[tuple[str, str, int | None]]:
    return [(m.ref.kind, m.ref.id, m.ref.year) for m in window.canvas.highlighted_marks()]


def highlighted_cards(window) -> set[str]:
    m = window.figure_model
    return {m.index(i).data(IdRole) for i in range(m.rowCount()) if m.index(i).data(HighlightRole)}


# -- marked ------------------------------------------------------------------------------


def test_a_paragraph_marks_the_numbers_the_pack_charts(window):
    window.show_view("economy")
    doc = drawn_doc(window, passage(window, "ou-digital-economy"))
    # "seven consecutive years" is a figure's value written in words
    assert words(doc) == ["seven", "2021", "35.2%", "20.6%", "4.4%"]
    assert all(underlined for _w, _h, underlined, _b in marked(doc))
    # the rest is plain text
    assert doc.toPlainText().startswith("The Outcome")
    assert "province" in doc.toPlainText() and "province" not in "".join(words(doc))


def test_the_marks_come_once_the_list_is_idle(qtbot, window):
    """The numbers are found after the passages are drawn, never before."""
    window.show_view("economy")
    row = window.excerpts.model.row_of("ou-digital-economy")
    index = window.excerpts.model.index(row)
    qtbot.waitUntil(
        lambda: words(drawn_doc(window, index)) == ["seven", "2021", "35.2%", "20.6%", "4.4%"]
    )


def test_a_table_marks_its_charted_cells(make_window, linked_pack):
    window = make_window(model.load(linked_pack))
    window.show_view("industry")
    doc = drawn_doc(window, passage(window, "tl-table"))
    assert words(doc) == ["1.5", "40", "2014", "0"]
    assert doc.toPlainText().count("\t") == 0  # still drawn as a table, cells not joined


def underline_pixels(image: QImage, rect, color: QColor) -> int:
    """Pixels near ``color`` in the two rows under ``rect``'s text (its lower edge)."""
    n = 0
    for y in range(rect.bottom() - 3, rect.bottom() + 1):
        for x in range(rect.left() + 1, rect.right()):
            c = image.pixelColor(x, y)
            if (
                abs(c.red() - color.red()) + abs(c.green() - color.green())
                < 90
                > abs(c.blue() - color.blue())
            ):
                n += 1
    return n


@pytest.mark.parametrize(("scheme", "underline"), [("light", "#0072B2"), ("dark", "#56B4E9")])
def test_the_underline_is_drawn_under_the_number_in_both_schemes(
    qtbot, make_window, linked_pack, scheme, underline
):
    window = make_window(model.load(linked_pack))
    window.set_scheme(scheme)
    window.show_view("industry")
    index = passage(window, "tl-table")
    qtbot.wait(50)
    image = window.excerpts.view.viewport().grab().toImage()
    delegate = window.excerpts.delegate
    rect = window.excerpts.view.visualRect(index)
    at = QPointF(rect.left() + delegate.PAD + delegate.ACCENT_W + 2, rect.top() + delegate.PAD)
    number = number_rects(drawn_doc(window, index), number_index(window, index, "1.5"))[0]
    under_number = number.translated(at).toRect()
    assert underline_pixels(image, under_number, QColor(underline)) >= under_number.width() // 2
    # the year 2013 beside it is no charted number: nothing under it
    year = under_number.translated(-under_number.left() + rect.left() + 20, 0)
    year.setWidth(under_number.width())
    assert underline_pixels(image, year, QColor(underline)) == 0


# -- hover -------------------------------------------------------------------------------


def test_hovering_a_number_shows_its_value_as_charted(make_window, linked_pack):
    window = make_window(model.load(linked_pack))
    window.show_view("industry")
    index = passage(window, "tl-table")
    tips = {
        text: tooltip_at(window, number_pos(window, index, number_index(window, index, text)))
        for text in ("1.5", "40", "2014", "0")
    }
    assert tips == {
        "1.5": "Widget output growth, 2012: 1.5%",
        "40": "Protected old towns (2014): more than 40 towns",
        "2014": "2014: Widget museum opens",
        "0": "Widget output growth, 2014: 0%",
    }


def test_hovering_a_table_cell_of_the_builtin_pack(window):
    window.show_view("economy")
    index = passage(window, "table-2")
    pos = number_pos(window, index, number_index(window, index, "10.7"))
    assert tooltip_at(window, pos) == "GDP growth rate, 2015: 10.7%"


# -- click -------------------------------------------------------------------------------


def test_clicking_a_cell_selects_its_point_on_the_line_chart(qtbot, make_window, linked_pack):
    window = make_window(model.load(linked_pack))
    window.show_view("industry")
    window.chart_panel.set_current(3)  # the timeline: the click brings the line back
    index = passage(window, "tl-table")
    click(qtbot, window, number_pos(window, index, number_index(window, index, "1.5")))
    assert window.current_chart().title == "Widget output growth"
    assert ringed(window) == [("point", "widget_growth", 2012)]
    assert window.state.selection.kind == "point"
    # the passage stays the current one, with the cell's words as the selection's own
    assert window.excerpts.current_id() == "tl-table"
    assert chosen(drawn_doc(window, index)) == ["1.5"]


def test_clicking_a_figure_selects_its_bar_and_card(qtbot, make_window, linked_pack):
    window = make_window(model.load(linked_pack))
    window.show_view("industry")
    index = passage(window, "tl-table")
    click(qtbot, window, number_pos(window, index, number_index(window, index, "40")))
    assert window.current_chart().title == "Old towns (towns)"
    assert ringed(window) == [("figure", "old_towns", 2014)]
    assert highlighted_cards(window) == {"old_towns"}
    assert chosen(drawn_doc(window, index)) == ["40"]
    assert window.status.currentMessage() == "Protected old towns (2014): more than 40 towns"


def test_clicking_a_year_selects_its_event(qtbot, make_window, linked_pack):
    window = make_window(model.load(linked_pack))
    window.show_view("industry")
    index = passage(window, "tl-table")
    click(qtbot, window, number_pos(window, index, number_index(window, index, "2014")))
    assert window.current_chart().kind == "timeline"
    assert ringed(window) == [("milestone", "museum_2014", 2014)]
    # the status bar says it as the chart's tooltip does
    assert "Widget museum opens" in window.status.currentMessage()


def test_clicking_beside_the_numbers_selects_the_passage_again(qtbot, make_window, linked_pack):
    window = make_window(model.load(linked_pack))
    window.show_view("industry")
    index = passage(window, "tl-table")
    click(qtbot, window, number_pos(window, index, number_index(window, index, "1.5")))
    assert window.state.selection.kind == "point"
    rect = window.excerpts.view.visualRect(index)
    click(qtbot, window, QPoint(rect.right() - 8, rect.bottom() - 4))  # no words there
    assert window.state.selection == Selection("passage", "tl-table")
    assert chosen(drawn_doc(window, index)) == []


# -- the keyboard ------------------------------------------------------------------------


def test_the_keyboard_walks_the_numbers_and_enter_selects(qtbot, make_window, linked_pack):
    window = make_window(model.load(linked_pack))
    window.show_view("industry")
    panel = window.excerpts
    panel.select("tl-table")
    index = passage(window, "tl-table")
    panel.view.setFocus()
    qtbot.keyClick(panel.view, Qt.Key.Key_Right)
    described = index.data(Qt.ItemDataRole.AccessibleDescriptionRole)
    assert "Number 1 of 4: 1.5, Widget output growth, 2012: 1.5%" in described
    qtbot.keyClick(panel.view, Qt.Key.Key_Right)
    qtbot.keyClick(panel.view, Qt.Key.Key_Right, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(panel.view, Qt.Key.Key_Right)
    qtbot.keyClick(panel.view, Qt.Key.Key_Right)  # the last stays
    described = index.data(Qt.ItemDataRole.AccessibleDescriptionRole)
    assert "Number 4 of 4: 0, Widget output growth, 2014: 0%" in described
    qtbot.keyClick(panel.view, Qt.Key.Key_Left)
    assert "Number 3 of 4: 2014, 2014: Widget museum opens" in index.data(
        Qt.ItemDataRole.AccessibleDescriptionRole
    )
    assert panel.current_id() == "tl-table"  # Left and Right stay in the passage
    qtbot.keyClick(panel.view, Qt.Key.Key_Return)
    assert ringed(window) == [("milestone", "museum_2014", 2014)]
    assert chosen(drawn_doc(window, index)) == ["2014"]
    # Escape: the whole passage is the selection again
    qtbot.keyClick(panel.view, Qt.Key.Key_Escape)
    assert window.state.selection == Selection("passage", "tl-table")
    assert "Number" not in (index.data(Qt.ItemDataRole.AccessibleDescriptionRole) or "")


def test_the_focused_number_has_a_ring(qtbot, make_window, linked_pack):
    window = make_window(model.load(linked_pack))
    window.show_view("industry")
    panel = window.excerpts
    panel.select("tl-table")
    index = passage(window, "tl-table")
    panel.view.setFocus()
    qtbot.keyClick(panel.view, Qt.Key.Key_Right)
    qtbot.wait(50)
    image = panel.view.viewport().grab().toImage()
    delegate = panel.delegate
    rect = panel.view.visualRect(index)
    at = QPointF(rect.left() + delegate.PAD + delegate.ACCENT_W + 2, rect.top() + delegate.PAD)
    number = number_rects(drawn_doc(window, index), 0)[0].translated(at)
    ring = panel.view.palette().color(panel.view.palette().ColorRole.Highlight)
    left = int(number.left()) - 3  # the ring's left side, 3 px before the number
    column = [image.pixelColor(left, y) for y in range(int(number.top()), int(number.bottom()))]
    assert sum(1 for c in column if abs(c.blue() - ring.blue()) < 40 and c.red() < 120) >= 5


# -- the other way -----------------------------------------------------------------------


def test_selecting_a_point_on_the_chart_marks_its_cell(qtbot, window):
    from test_window import point_pos

    window.show_view("economy")
    qtbot.wait(50)
    pos = point_pos(window, "gdp_growth", 2012)
    qtbot.mouseClick(window.canvas.plot_widget.viewport(), Qt.MouseButton.LeftButton, pos=pos)
    assert chosen(drawn_doc(window, passage(window, "table-2"))) == ["13.6"]
    # the other passages it does not come from mark nothing as its own
    assert chosen(drawn_doc(window, passage(window, "ou-digital-economy"))) == []


def test_selecting_a_card_marks_its_words(qtbot, make_window, linked_pack):
    window = make_window(model.load(linked_pack))
    window.show_view("industry")
    window.highlighter.select_figure("old_towns")
    assert chosen(drawn_doc(window, passage(window, "tl-table"))) == ["40"]
    assert chosen(drawn_doc(window, passage(window, "tl-towns"))) == ["40"]


def test_highlights_name_the_selections_words(linked_pack):
    dataset = model.load(linked_pack)
    point = highlights(dataset, Selection("point", "widget_growth", 2012, ("tl-table",)))
    assert point.words == {("point", ("widget_growth", 2012))}
    assert highlights(dataset, Selection("figure", "old_towns")).words == {("figure", "old_towns")}
    assert highlights(dataset, Selection("passage", "tl-table")).words == frozenset()


def test_a_search_match_across_a_number_keeps_both_marks(qapp):
    from gzexplorer.model.cited_numbers import CitedNumber
    from gzexplorer.model.entities import Excerpt
    from gzexplorer.ui.delegates import MATCH, excerpt_html
    from gzexplorer.ui.item_models import Numbers

    e = Excerpt("x", 1, "S", "paragraph", ("t",), "It grew 35.2% in <2021> & more")
    number = CitedNumber(8, 13, "figure", "share", "35.2%")
    year = CitedNumber(18, 22, "milestone", "m", "2021")
    doc = QTextDocument()
    # "grew 35" is searched for: it ends inside the number
    doc.setHtml(excerpt_html(e, ((3, 10),), MATCH.name(), Numbers((number, year), (1,))))
    assert doc.toPlainText() == e.text  # markup in the text stays text
    got = marked(doc)
    assert [(w, h) for w, h, *_ in got] == [("35.2%", "number:0"), ("2021", "number:1")]
    # the searched part of the number on the match colour, the rest on the faint tint
    cursor_formats = {}
    block = doc.begin()
    it = block.begin()
    while not it.atEnd():
        f = it.fragment()
        cursor_formats[f.text()] = f.charFormat()
        it += 1
    assert cursor_formats["35"].background().color().name() == MATCH.name().lower()
    assert cursor_formats["35"].fontUnderline()
    assert cursor_formats[".2%"].background().color().name() != MATCH.name().lower()
    # the chosen year: the strong background, white words
    assert cursor_formats["2021"].foreground().color().name() == "#ffffff"


def test_every_passage_header_is_drawn_in_the_muted_colour(qtbot, window):
    """A passage whose numbers are marked keeps the grey 'section · kind · themes'
    header of the others (its layout was once cached from another palette's colours)."""
    window.show_view("economy")
    panel = window.excerpts
    rows = [panel.model.index(0)]  # the first passage: no numbers
    rows += [passage(window, e) for e in ("ch-traditional-industries", "ch-poverty-2015")]
    panel.view.scrollToTop()
    qtbot.waitUntil(lambda: words(drawn_doc(window, rows[2])) == ["4.93 million"])
    image = panel.view.viewport().grab().toImage()
    muted = panel.view.palette().color(QPalette.ColorRole.PlaceholderText).red()
    pad, accent = panel.delegate.PAD, panel.delegate.ACCENT_W
    for index in rows:
        rect = panel.view.visualRect(index)
        assert panel.view.viewport().rect().contains(rect)
        left, top = rect.left() + pad + accent + 2, rect.top() + pad
        darkest = min(
            QColor(image.pixel(x, y)).red()
            for x in range(left, left + 150)
            for y in range(top, top + 10)
        )
        assert abs(darkest - muted) <= 12, index.data(IdRole)
