"""The explorer window as a person uses it: clicks, keys, search, linking, settings."""

from __future__ import annotations

import math

import pyqtgraph as pg
import pytest
from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtGui import QGuiApplication, QTextDocument
from PySide6.QtWidgets import QMessageBox

from gzexplorer import charts, model
from gzexplorer.model.entities import Excerpt
from gzexplorer.paths import builtin_pack
from gzexplorer.ui.delegates import excerpt_html
from gzexplorer.ui.item_models import HighlightRole, IdRole
from gzexplorer.ui.main_window import MainWindow
from packtools import MINIMAL, make_pack, replace_text


def click_view(qtbot, window, view_id):
    row = window.view_model.row_of(view_id)
    rect = window.theme_list.visualRect(window.view_model.index(row))
    qtbot.mouseClick(window.theme_list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def series_summary(window):
    spec = window.current_chart()
    return [(s.name, len(s.marks)) for s in spec.series]


def excerpt_ids(window):
    m = window.excerpts.model
    return [m.index(i).data(IdRole) for i in range(m.rowCount())]


def highlighted_excerpts(window):
    m = window.excerpts.model
    return {m.index(i).data(IdRole) for i in range(m.rowCount()) if m.index(i).data(HighlightRole)}


def test_sidebar_lists_overview_and_themes_with_figure_counts(window, dataset):
    m = window.view_model
    names = [m.index(i).data() for i in range(m.rowCount())]
    assert names == ["Overview", "Economy", "Governance", "Ecology", "Culture"]
    counts = [m.index(i).data(Qt.ItemDataRole.UserRole + 3) for i in range(m.rowCount())]
    assert counts == [len(dataset.headline_figures())] + [
        len(dataset.figures(t.id)) for t in dataset.themes()
    ]
    assert window.view_id() == "overview"


def test_clicking_each_theme_changes_chart_and_excerpts(qtbot, window, dataset):
    seen = {}
    for view_id in ("economy", "governance", "ecology", "culture", "overview"):
        click_view(qtbot, window, view_id)
        assert window.view_id() == view_id
        seen[view_id] = (window.current_chart().title, series_summary(window), excerpt_ids(window))
    assert seen["economy"][1] == [
        ("GDP growth rate", 10),
        ("Growth rate of the digital economy", 10),
    ]
    assert seen["governance"][1] == [("Poverty rate", 10)]
    assert seen["ecology"][0] == "Ecology: milestones"
    assert seen["culture"][1] == [("Milestones", 1)]
    assert seen["overview"][1] == [
        ("Economy", 3),
        ("Governance", 2),
        ("Ecology", 1),
        ("Culture", 1),
    ]
    assert seen["economy"][2] == [e.id for e in dataset.excerpts("economy")]
    assert seen["culture"][2] == [
        "cap-zhaoxing",
        "so-village-platform",
        "cap-nanhua-museum",
        "ou-modernisation",
    ]
    assert len(seen["overview"][2]) == len(dataset.excerpts())
    # figure cards follow the theme
    click_view(qtbot, window, "culture")
    cards = [
        window.figure_model.index(i).data(IdRole) for i in range(window.figure_model.rowCount())
    ]
    assert cards == ["traditional_villages"]


def test_missing_years_are_gaps_not_zeros(qtbot, window):
    window.show_view("economy")
    curves = [i for i in window.canvas.plot_item.items if isinstance(i, pg.PlotDataItem)]
    de = next(c for c in curves if c.opts["pen"].color().name().upper() == "#D55E00")
    xs, ys = de.getData()
    by_year = dict(zip(xs.tolist(), ys.tolist(), strict=True))
    assert all(math.isnan(by_year[y]) for y in (2012, 2013, 2014, 2015, 2016))
    assert by_year[2017] == 37.2 and by_year[2021] == 20.6
    notes = window.canvas.footer.shown_text()
    assert "not reported for 2012–2014" in notes and "ranking 1st in China in 2015–2016" in notes


def point_pos(window, indicator_id, year):
    mark = next(
        m for m in window.canvas.drawn_marks() if m.ref.id == indicator_id and m.ref.year == year
    )
    return window.canvas.mark_scene_pos(mark)


def test_clicking_a_point_highlights_its_passages(qtbot, window):
    window.show_view("economy")
    qtbot.wait(50)
    pos = point_pos(window, "digital_economy_growth", 2021)
    qtbot.mouseClick(window.canvas.plot_widget.viewport(), Qt.MouseButton.LeftButton, pos=pos)
    assert highlighted_excerpts(window) == {"table-2", "ou-digital-economy"}
    marks = window.canvas.highlighted_marks()
    assert [(m.ref.id, m.ref.year) for m in marks] == [("digital_economy_growth", 2021)]
    # the first cited passage was scrolled into view
    view = window.excerpts.view
    row = window.excerpts.model.row_of("ou-digital-economy")
    assert view.viewport().rect().intersects(view.visualRect(window.excerpts.model.index(row)))


def test_clicking_a_bar_highlights_its_passage_and_card(qtbot, window):
    window.show_view("economy")
    window.chart_panel.set_current(1)
    assert window.current_chart().title == "Industrial Cloud Platform"
    qtbot.wait(50)
    mark = next(m for m in window.canvas.drawn_marks() if m.ref.id == "cloud_equipment")
    pos = window.canvas.mark_scene_pos(mark)
    qtbot.mouseClick(window.canvas.plot_widget.viewport(), Qt.MouseButton.LeftButton, pos=pos)
    assert highlighted_excerpts(window) == {"so-industrial-cloud"}
    row = window.figure_model.row_of("cloud_equipment")
    assert window.figure_model.index(row).data(HighlightRole) is True


def select_excerpt(window, excerpt_id):
    row = window.excerpts.model.row_of(excerpt_id)
    assert row >= 0, excerpt_id
    window.excerpts.view.selectionModel().setCurrentIndex(
        window.excerpts.model.index(row), QItemSelectionModel.SelectionFlag.ClearAndSelect
    )


def test_selecting_a_passage_highlights_points_and_cards(qtbot, window):
    window.show_view("economy")
    select_excerpt(window, "ou-digital-economy")
    marks = {(m.ref.kind, m.ref.id, m.ref.year) for m in window.canvas.highlighted_marks()}
    assert marks == {("point", "digital_economy_growth", 2021)}
    cards = {
        window.figure_model.index(i).data(IdRole)
        for i in range(window.figure_model.rowCount())
        if window.figure_model.index(i).data(HighlightRole)
    }
    assert cards == {
        "digital_economy_share_gdp",
        "digital_economy_growth_2021",
        "digital_economy_above_national",
        "digital_economy_first_years",
    }


def test_clicking_a_passage_with_the_mouse_highlights_the_bars(qtbot, window):
    window.show_view("economy")
    window.chart_panel.set_current(1)
    row = window.excerpts.model.row_of("so-industrial-cloud")
    view = window.excerpts.view
    index = window.excerpts.model.index(row)
    window.excerpts.scroll_to(index)
    qtbot.mouseClick(
        view.viewport(), Qt.MouseButton.LeftButton, pos=view.visualRect(index).center()
    )
    ids = sorted(m.ref.id for m in window.canvas.highlighted_marks())
    assert ids == sorted(
        [
            "cloud_registered_users",
            "cloud_companies",
            "cloud_equipment",
            "cloud_software",
            "cloud_apps",
        ]
    )


def test_clicking_a_card_switches_to_its_chart_and_highlights_its_passage(qtbot, window):
    window.show_view("economy")
    assert window.chart_panel.current_index() == 0
    row = window.figure_model.row_of("enterprise_site_requirements")
    rect = window.cards.visualRect(window.figure_model.index(row))
    window.cards.scrollTo(window.figure_model.index(row))
    rect = window.cards.visualRect(window.figure_model.index(row))
    qtbot.mouseClick(window.cards.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert window.current_chart().title == "One enterprise on the Industrial Cloud"
    assert highlighted_excerpts(window) == {"so-enterprise-case"}
    assert [m.ref.id for m in window.canvas.highlighted_marks()] == ["enterprise_site_requirements"]


def test_search_finds_and_highlights_across_themes(qtbot, window):
    window.show_view("culture")
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert window.excerpts.search.hasFocus()
    qtbot.keyClicks(window.excerpts.search, "poverty counties")
    ids = excerpt_ids(window)
    assert ids[0] == "ou-poverty-eradicated"  # the only passage with both words
    assert "ch-poverty-2015" in ids and "cap-zhaoxing" not in ids
    m = window.excerpts.model
    first = m.index(0)
    text = first.data()
    spans = first.data(Qt.ItemDataRole.UserRole + 5)
    assert {text[a:b].lower() for a, b in spans} == {"poverty", "counties"}
    assert "Governance" in first.data(Qt.ItemDataRole.UserRole + 6)
    assert window.excerpts.heading.text() == (
        f"Passages matching “poverty counties” in all themes: {len(ids)}"
    )
    qtbot.keyClick(window.excerpts.search, Qt.Key.Key_Return)
    assert window.excerpts.current_id() == ids[0]
    qtbot.keyClick(window.excerpts.search, Qt.Key.Key_Return)
    assert window.excerpts.current_id() == ids[1]
    window.excerpts.search.clear()
    assert excerpt_ids(window) == [e.id for e in window.dataset.excerpts("culture")]


def test_passage_text_is_shown_as_written_not_read_as_markup(qapp):
    e = Excerpt("x", 1, "S", "paragraph", ("t",), "Costs<5 &amp; <b>profits</b> rose")
    doc = QTextDocument()
    doc.setHtml(excerpt_html(e, ((0, 5), (17, 20)), "#FFE08A"))  # search matches marked
    assert doc.toPlainText() == e.text


def test_keyboard_switches_views(qtbot, window):
    qtbot.keyClick(window, Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)
    assert window.view_id() == "governance"
    qtbot.keyClick(window, Qt.Key.Key_5, Qt.KeyboardModifier.ControlModifier)
    assert window.view_id() == "culture"
    qtbot.keyClick(window, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
    assert window.view_id() == "overview"
    window.theme_list.setFocus()
    qtbot.keyClick(window.theme_list, Qt.Key.Key_Down)
    assert window.view_id() == "economy"
    qtbot.keyClick(window, Qt.Key.Key_PageDown, Qt.KeyboardModifier.ControlModifier)
    assert window.current_chart().title == "Industrial Cloud Platform"
    qtbot.keyClick(window, Qt.Key.Key_T, Qt.KeyboardModifier.ControlModifier)
    assert window.chart_panel.showing_table()


def test_menus_show_shortcuts(window):
    menus = {a.text().replace("&", ""): a.menu() for a in window.menuBar().actions()}
    assert list(menus) == ["File", "View", "Help"]
    view = {a.text(): a.shortcut().toString() for a in menus["View"].actions() if a.text()}
    assert view["Overview"] == "Ctrl+1" and view["Culture"] == "Ctrl+5"
    file = {a.text().replace("&", ""): a.shortcut().toString() for a in menus["File"].actions()}
    assert file["Export chart…"] == "Ctrl+E" and file["Open data pack…"] == "Ctrl+O"


def test_table_shows_the_chart_data_sorted_and_copyable(qtbot, window, dataset):
    window.show_view("governance")
    window.chart_panel.set_page(1)
    table = window.chart_panel.table
    model = table.model()
    assert model.rowCount() == 10
    years = [model.index(r, 3).data() for r in range(10)]
    values = [model.index(r, 4).data() for r in range(10)]
    assert years[0] == "2012" and values[0] == "26.8" and values[-1] == "–"
    table.sortByColumn(4, Qt.SortOrder.AscendingOrder)
    assert [model.index(r, 4).data() for r in range(3)] == ["0", "0.85", "4.29"]
    table.selectAll()
    window.chart_panel.copy_table_selection()
    copied = QGuiApplication.clipboard().text().splitlines()
    assert copied[0].split("\t")[:5] == ["Id", "Indicator", "Unit", "Year", "Value"]
    assert copied[1].split("\t")[3:5] == ["2020", "0"]


def test_series_can_be_hidden(qtbot, window):
    window.show_view("economy")
    actions = window.chart_panel.series_menu.actions()
    assert [a.text() for a in actions] == ["GDP growth rate", "Growth rate of the digital economy"]
    actions[0].setChecked(False)
    assert series_summary(window) == [("Growth rate of the digital economy", 10)]
    window.chart_panel.set_page(1)
    assert window.chart_panel.table_model.rowCount() == 10


def test_settings_round_trip(qtbot, dataset, settings):
    first = MainWindow(dataset, settings)
    qtbot.addWidget(first)
    first.resize(701, 503)  # fits the offscreen screen, so it is not clamped
    first.show_view("ecology")
    first.chart_panel.set_page(1)
    first.close()
    second = MainWindow(dataset, settings)
    qtbot.addWidget(second)
    assert second.view_id() == "ecology"
    assert second.chart_panel.showing_table()
    assert (second.width(), second.height()) == (701, 503)


def test_first_start_opens_overview(qtbot, dataset, settings):
    w = MainWindow(dataset, settings)
    qtbot.addWidget(w)
    assert w.view_id() == "overview"
    assert w.current_chart().kind == "timeline"


def test_another_pack_shows_its_own_themes(qtbot, window):
    assert window.open_pack(MINIMAL)
    other = window.dataset
    names = [window.view_model.index(i).data() for i in range(window.view_model.rowCount())]
    assert names == ["Overview"] + [t.name for t in other.themes()]
    assert names != ["Overview", "Economy", "Governance", "Ecology", "Culture"]
    theme = other.themes()[0].id
    window.show_view(theme)
    shown = {s.name for spec in window.chart_panel.charts() for s in spec.series}
    expected = {i.name for i in other.indicators(theme)}
    assert expected <= shown
    assert window.windowTitle().startswith(other.info.title)


def test_a_bad_pack_is_explained_and_the_current_one_stays(qtbot, window, tmp_path):
    bad = tmp_path / "bad"
    bad.mkdir()
    (bad / "datapackage.json").write_text("{not json", encoding="utf-8")
    before = window.dataset
    assert not window.open_pack(bad)
    box = window.findChild(QMessageBox, "packProblems")
    assert box is not None and box.isVisible()
    assert "datapackage.json:1: invalid JSON" in box.detailedText()
    assert window.dataset is before
    box.close()


def test_every_view_draws_something(qtbot, window, dataset):
    for view_id, _ in charts.views(dataset):
        window.show_view(view_id)
        for i in range(len(window.chart_panel.charts())):
            window.chart_panel.set_current(i)
            assert window.canvas.drawn_marks(), (view_id, i)
            assert window.canvas.footer.shown_text().count("Source:") == 1


def test_hover_tooltip_names_indicator_year_value_unit_and_source(window):
    window.show_view("governance")
    mark = next(m for m in window.canvas.drawn_marks() if m.ref.year == 2017)
    tip = window.canvas.tooltip(mark)
    assert tip.splitlines()[0] == "Poverty rate, 2017"
    assert tip.splitlines()[1] == "7.75%"
    assert "Guizhou Provincial Bureau of Statistics" in tip and "table-2" in tip


def test_object_names_of_main_parts(window):
    from PySide6.QtWidgets import QWidget

    for name in (
        "themeList",
        "chartView",
        "excerptPanel",
        "excerptSearch",
        "figureCards",
        "dataTable",
    ):
        assert window.findChild(QWidget, name) is not None, name


def test_reset_view_restores_range_after_zoom(qtbot, window):
    window.show_view("governance")
    vb = window.canvas.plot_item.getViewBox()
    before = vb.viewRange()
    vb.scaleBy((0.3, 0.3))
    assert vb.viewRange() != before
    qtbot.keyClick(window, Qt.Key.Key_0, Qt.KeyboardModifier.ControlModifier)
    after = vb.viewRange()
    for a, b in zip(before, after, strict=True):
        assert a == pytest.approx(b)


def test_shell_paints_from_a_preview_then_charts_arrive(qtbot, dataset, settings):
    from gzexplorer.model.preview import preview
    from gzexplorer.ui.startup import PackLoader

    shell = MainWindow(preview(builtin_pack()), settings)
    qtbot.addWidget(shell)
    shell.show_view("governance")
    assert not shell.is_ready()
    assert shell.chart_stack.currentWidget().text() == "Loading charts…"
    counts = [shell.view_model.index(i).data(Qt.ItemDataRole.UserRole + 3) for i in range(5)]
    assert counts == [7, 14, 4, 0, 1]  # the same counts the full dataset gives
    assert excerpt_ids(shell) == [e.id for e in dataset.excerpts("governance")]
    qtbot.keyClicks(shell.excerpts.search, "poverty")  # search works before the data is in
    before = excerpt_ids(shell)

    loader = PackLoader(builtin_pack())
    with qtbot.waitSignal(loader.loaded, timeout=60000) as blocker:
        loader.start()
    shell.set_dataset(blocker.args[0])
    assert shell.is_ready() and shell.view_id() == "governance"  # the user's place is kept
    assert shell.current_chart().title == "Poverty rate"
    assert excerpt_ids(shell) == before and shell.excerpts.search.text() == "poverty"
    assert shell.figure_model.rowCount() == 4


def test_the_overview_chart_is_drawn_from_the_preview_before_the_data_is_checked(
    qtbot, dataset, settings
):
    from gzexplorer.model.preview import preview

    shell = MainWindow(preview(builtin_pack()), settings)
    qtbot.addWidget(shell)
    shell.resize(1400, 900)
    shell.show()
    qtbot.waitExposed(shell)
    assert shell.current_chart() is None  # the chart modules are not imported yet
    shell.attach_charts()  # as the loader says once they are
    assert not shell.is_ready()
    timeline = shell.current_chart()
    assert timeline.title == "Milestones"
    assert sorted((m.ref.id, m.x) for m in timeline.marks()) == sorted(
        (m.id, m.year) for m in dataset.milestones()
    )
    assert shell.figure_model.rowCount() == 0  # the cards wait for the checked data

    event = next(m for m in shell.canvas.drawn_marks() if m.ref.id == "service_hall_2015")
    pos = shell.canvas.mark_scene_pos(event)
    qtbot.mouseClick(shell.canvas.plot_widget.viewport(), Qt.MouseButton.LeftButton, pos=pos)
    assert highlighted_excerpts(shell) == {"so-online-service-hall"}

    shell.show_view("economy")  # a theme's charts need the checked data
    assert shell.current_chart() is None
    assert shell.chart_stack.currentWidget().text() == "Loading charts…"
    shell.set_dataset(dataset)
    assert shell.is_ready() and shell.current_chart().kind == "line"


def test_loader_reports_a_bad_pack(qtbot, tmp_path):
    from gzexplorer.ui.startup import PackLoader

    (tmp_path / "datapackage.json").write_text("[]", encoding="utf-8")
    loader = PackLoader(tmp_path)
    with qtbot.waitSignal(loader.failed, timeout=60000) as blocker:
        loader.start()
    assert "expected a JSON object" in str(blocker.args[0])


def test_a_theme_without_charts_says_so_instead_of_an_empty_plot(make_window, pack_copy):
    with (pack_copy / "themes.csv").open("a", encoding="utf-8") as f:
        f.write("tourism,Tourism,Nothing charted yet.,9,,旅游,尚无图表。\n")
    w = make_window(model.load(pack_copy))
    w.show_view("economy")
    assert w.canvas.plot_item.listDataItems()
    w.show_view("tourism")
    assert w.view_id() == "tourism"
    assert w.current_chart() is None
    shown = w.chart_stack.currentWidget()
    assert shown.isVisible() and shown.text().startswith("Nothing to chart here")
    assert not w.chart_panel.isVisible()  # no empty plot, tabs nor chart buttons
    w.show_view("economy")
    assert w.chart_panel.isVisible() and w.current_chart().kind == "line"


# -- the pack report ------------------------------------------------------------------


def pack_report(window) -> QMessageBox:
    window.actions.pack_report.trigger()
    (box,) = [b for b in window.findChildren(QMessageBox, "packReport") if b.isVisible()]
    return box


def test_pack_report_of_the_built_in_pack_says_nothing_is_wrong(window):
    box = pack_report(window)
    assert "is valid" in box.text()
    assert "provenance of every number" in box.text()
    assert box.detailedText() == ""
    box.close()


def test_a_pack_with_warnings_opens_and_its_report_lists_them(window, tmp_path):
    pack = make_pack(tmp_path)
    replace_text("themes.csv", 'province.",2,', 'province.",2,fishing')(pack)

    assert window.open_pack(pack)

    assert "warnings: 1 (Help › Pack report)" in window.statusBar().currentMessage()
    box = pack_report(window)
    assert "Warnings: 1." in box.text()
    assert box.informativeText() == (
        'themes.csv:3: icon: unknown icon "fishing"; the icons are economy, governance, '
        "ecology, culture (or leave it empty)"
    )
    box.close()


def test_hiding_and_showing_a_series_again_redraws_nothing_new(qtbot, window):
    """The chart with a series hidden is kept like any other: toggling back and forth
    shows the two kept canvases, it does not draw a new one each time."""
    window.show_view("economy")
    panel = window.chart_panel
    first = panel.current_spec().series[0].id
    panel.set_series_visible(first, False)
    hidden_canvas = panel.canvas
    panel.set_series_visible(first, True)
    full_canvas = panel.canvas
    drawn = panel.canvas_stack.count()

    for _ in range(3):
        panel.set_series_visible(first, False)
        assert panel.canvas is hidden_canvas
        panel.set_series_visible(first, True)
        assert panel.canvas is full_canvas

    assert panel.canvas_stack.count() == drawn
    assert [s.id for s in hidden_canvas.spec.series] == [
        s.id for s in panel.charts()[0].series if s.id != first
    ]
