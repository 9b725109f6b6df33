"""Chinese and English, accessible, light and dark — as a person sees it."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFontDatabase, QFontMetrics, QPalette
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QLineEdit,
    QMessageBox,
    QTabBar,
)

from gzexplorer import charts
from gzexplorer.charts import palette
from gzexplorer.render.export import render_image
from gzexplorer.render.style import ChartStyle
from gzexplorer.ui.appearance import contrast_ratio, dark_palette, light_palette

ROOT = Path(__file__).resolve().parents[1]
TS = ROOT / "resources" / "i18n" / "gzexplorer_zh_CN.ts"
LUPDATE = Path(sys.executable).parent / "pyside6-lupdate"


def messages(path: Path):
    return list(ET.parse(path).getroot().iter("message"))


def translated_text(message) -> str:
    """The translation, or its plural forms (a %n message) joined."""
    translation = message.find("translation")
    forms = [f.text or "" for f in translation.iter("numerusform")]
    return "".join(forms) if forms else (translation.text or "")


def test_every_string_of_the_ts_file_is_translated():
    unfinished = [
        m.find("source").text
        for m in messages(TS)
        if m.find("translation").get("type") in ("unfinished", "vanished", "obsolete")
        or not translated_text(m).strip()
    ]
    assert unfinished == []
    assert len(messages(TS)) > 100


@pytest.mark.skipif(not LUPDATE.exists(), reason="pyside6-lupdate is not installed")
def test_no_user_visible_string_in_the_code_lacks_a_translation(tmp_path):
    """lupdate over today's sources adds nothing unfinished to the .ts file."""
    copy = tmp_path / "zh.ts"
    shutil.copy(TS, copy)
    sources = sorted(str(p) for p in (ROOT / "src" / "gzexplorer").rglob("*.py"))
    subprocess.run(
        [str(LUPDATE), *sources, "-ts", str(copy), "-no-obsolete", "-locations", "none"],
        check=True,
        capture_output=True,
    )
    new = [
        m.find("source").text
        for m in messages(copy)
        if m.find("translation").get("type") == "unfinished"
    ]
    assert new == []


def test_the_app_started_with_a_chinese_locale_speaks_chinese(qapp, tmp_path):
    script = r"""
import os, sys
from PySide6.QtCore import QSettings, Qt
from gzexplorer.ui.application import make_app
app = make_app()
from gzexplorer import model
from gzexplorer.paths import builtin_pack
from gzexplorer.ui.main_window import MainWindow
w = MainWindow(model.load(builtin_pack()), QSettings(sys.argv[1], QSettings.Format.IniFormat))
names = [w.view_model.index(i).data() for i in range(w.view_model.rowCount())]
w.show_view("economy")
print("|".join(names))
print(w.current_chart().title)
print(w.menuBar().actions()[0].text())
os._exit(0)
"""
    env = {
        **os.environ,
        "LANG": "zh_CN.UTF-8",
        "LC_ALL": "zh_CN.UTF-8",
        "LANGUAGE": "zh_CN",
        "QT_QPA_PLATFORM": "offscreen",
    }
    done = subprocess.run(
        [sys.executable, "-c", script, str(tmp_path / "s.ini")],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    names, title, file_menu = done.stdout.splitlines()[:3]
    if not QFontDatabase.families(QFontDatabase.WritingSystem.SimplifiedChinese):
        pytest.skip("no CJK font installed: the app keeps English (tested below)")
    assert names == "概览|经济|治理|生态|文化"
    assert title == "GDP增长率与数字经济增长率"
    assert file_menu == "文件(&F)"


def test_switching_language_without_a_restart(qtbot, window):
    if not QFontDatabase.families(QFontDatabase.WritingSystem.SimplifiedChinese):
        pytest.skip("no CJK font installed")
    window.show_view("governance")
    window.set_language("zh_CN")
    names = [window.view_model.index(i).data() for i in range(window.view_model.rowCount())]
    assert names == ["概览", "经济", "治理", "生态", "文化"]
    assert window.view_id() == "governance"
    assert window.current_chart().title == "贫困发生率"
    assert window.current_chart().subtitle == "百分比, 2012–2021"
    assert window.excerpts.search.placeholderText() == "搜索全文（Ctrl+F）"
    assert "英文原文" in window.excerpts.heading.text()  # the passages stay in English
    card = window.figure_model.index(0).data()
    assert card.startswith("贫困人口")
    assert window.canvas.title.shown_text() == "贫困发生率"
    assert QFontMetrics(window.canvas.title.font()).inFontUcs4(ord("贫"))
    window.set_language("en")
    assert window.current_chart().title == "Poverty rate"
    assert window.menuBar().actions()[1].text() == "&View"


def test_without_a_cjk_font_chinese_falls_back_to_english(qtbot, window, monkeypatch):
    from gzexplorer.ui import i18n

    monkeypatch.setattr(i18n, "has_font_for", lambda code: not code.startswith("zh"))
    window.set_language("zh_CN")
    assert window.language() == "en"
    assert window.view_model.index(1).data() == "Economy"
    (box,) = [b for b in window.findChildren(QMessageBox, "languageUnavailable") if b.isVisible()]
    assert box.text() == "No installed font can show 简体中文, so gzexplorer stays in English."
    assert "fonts-wqy-microhei" in box.informativeText()


def test_dark_scheme_restyles_window_and_charts_but_not_exports(qtbot, window):
    window.show_view("governance")
    window.set_scheme("dark")
    qtbot.wait(10)  # palette change events
    assert window.palette().color(QPalette.ColorRole.Window).lightness() < 80
    image = window.canvas.grab().toImage()
    corner = QColor(image.pixel(5, 5))
    assert corner.lightness() < 60
    curve_colors = {
        QColor(image.pixel(x, y)).name()
        for x in range(0, image.width(), 3)
        for y in range(0, image.height(), 3)
    }
    assert palette.dark_variant(palette.SERIES[0]).lower() in curve_colors
    export = render_image(window.current_chart(), 600, 400, 1.0, ChartStyle())
    assert QColor(export.pixel(3, 3)).name() == "#ffffff"
    window.toggle_dark()
    assert not window.is_dark()


@pytest.mark.parametrize("dark", [False, True], ids=["light", "dark"])
def test_chart_colours_pass_wcag_contrast(dark):
    s = ChartStyle(dark=dark)
    assert contrast_ratio(s.text, s.background) >= 7
    assert contrast_ratio(s.muted, s.background) >= 4.5  # subtitles, notes, tick labels
    assert contrast_ratio(s.axis, s.background) >= 3  # non-text graphics
    for colour in palette.SERIES_DARK if dark else palette.SERIES:
        assert contrast_ratio(colour, s.background) >= 3, colour


@pytest.mark.parametrize("dark", [False, True], ids=["light", "dark"])
def test_window_palette_passes_wcag_aa(qapp, dark):
    pal = dark_palette() if dark else light_palette()
    role = QPalette.ColorRole
    pairs = [
        (role.Text, role.Base),
        (role.WindowText, role.Window),
        (role.ButtonText, role.Button),
        (role.HighlightedText, role.Highlight),
        (role.PlaceholderText, role.Base),
        (role.ToolTipText, role.ToolTipBase),
    ]
    for fg, bg in pairs:
        ratio = contrast_ratio(pal.color(fg), pal.color(bg))
        assert ratio >= 4.5, (fg, bg, ratio)


def test_every_control_has_an_accessible_name(window):
    window.show_view("economy")
    unnamed = []
    for kind in (QAbstractButton, QLineEdit, QAbstractItemView, QTabBar):
        for w in window.findChildren(kind):
            if not w.isVisibleTo(window):
                continue
            name = w.accessibleName() or (w.text() if isinstance(w, QAbstractButton) else "")
            if not name.strip():
                unnamed.append(f"{type(w).__name__} {w.objectName()}")
    assert unnamed == []


def test_every_chart_has_a_text_alternative_from_its_data(window, dataset):
    for view_id, _ in charts.views(dataset):
        for spec in charts.charts_for(dataset, view_id):
            assert spec.alt_text, spec.id
    window.show_view("governance")
    text = window.chart_panel.description.text()
    assert text == (
        "Poverty rate went from 26.8% in 2012 to 0% in 2020. Poverty rate: not reported for 2021."
    )
    assert window.canvas.accessibleDescription() == text


def test_the_language_menu_offers_the_compiled_translation(window):
    """Chinese is offered when its .ts file has been compiled (make translations)."""
    offered = [(a.data(), a.text()) for a in window.actions.language_menu.actions()]
    assert offered == [("system", "System default"), ("en", "English"), ("zh_CN", "简体中文")]


def test_numbers_follow_the_interface_locale(qapp):
    from PySide6.QtCore import QLocale

    from gzexplorer.charts import format as fmt
    from gzexplorer.ui import i18n

    try:
        i18n.apply("en")
        english = i18n.chart_context("en")
        assert fmt.number(170000, english) == "170,000" and fmt.number(7.75, english) == "7.75"
        QLocale.setDefault(QLocale("de_DE"))  # a locale that groups with '.' and decimals ','
        german = i18n.chart_context("en")
        assert fmt.number(170000, german) == "170.000" and fmt.number(7.75, german) == "7,75"
        assert fmt.with_unit(1234.5, "km", german) == "1.234,5 km"
    finally:
        i18n.apply("en")


def test_the_table_view_speaks_the_interface_language(qtbot, window):
    if not QFontDatabase.families(QFontDatabase.WritingSystem.SimplifiedChinese):
        pytest.skip("no CJK font installed")
    window.show_view("economy")
    window.chart_panel.set_page(1)  # the table, whose columns are the chart's kind's
    window.set_language("zh_CN")
    model = window.chart_panel.table_model
    headers = [model.headerData(i, Qt.Orientation.Horizontal) for i in range(model.columnCount())]
    assert headers == ["编号", "指标", "单位", "年份", "数值", "状态", "来源"]
    window.set_language("en")
    headers = [model.headerData(i, Qt.Orientation.Horizontal) for i in range(model.columnCount())]
    assert headers == ["Id", "Indicator", "Unit", "Year", "Value", "Status", "Source"]


def table_of(window, kind: str) -> list[list[str]]:
    """The headers and first row of the Table view of the view's first chart of ``kind``."""
    panel = window.chart_panel
    panel.set_current(next(i for i, s in enumerate(panel.charts()) if s.kind == kind))
    panel.set_page(1)
    model = panel.table_model
    columns = range(model.columnCount())
    return [
        [model.headerData(i, Qt.Orientation.Horizontal) for i in columns],
        [model.index(0, i).data() for i in columns],
    ]


def test_bars_and_events_have_their_own_columns_in_the_table(qtbot, window):
    window.show_view("economy")
    assert table_of(window, "bar") == [
        ["Id", "Figure", "Value", "Unit", "Qualifier", "Year", "Quote", "Source"],
        [
            "cloud_registered_users",
            "Registered users",
            "170,000",
            "count",
            "more_than",
            "",
            "more than 170,000 registered users",
            window.dataset.info.citation,
        ],
    ]
    headers, first = table_of(window, "timeline")
    assert headers == ["Id", "Year", "Event", "Themes", "Source"]
    assert first[:4] == [
        "big_data_2012",
        "2012",
        "Big data catches the government's attention",
        "economy;ecology",
    ]
    if not QFontDatabase.families(QFontDatabase.WritingSystem.SimplifiedChinese):
        pytest.skip("no CJK font installed")
    window.set_language("zh_CN")
    try:
        assert table_of(window, "bar")[0] == [
            "编号",
            "数据",
            "数值",
            "单位",
            "限定词",
            "年份",
            "原文",
            "来源",
        ]
        assert table_of(window, "timeline")[0] == ["编号", "年份", "事件", "主题", "来源"]
    finally:
        window.set_language("en")
