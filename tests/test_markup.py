"""Names from a pack are plain text on every surface: no HTML, no mnemonic."""

from __future__ import annotations

import csv
import re
import xml.etree.ElementTree as ET

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextDocument

from gzexplorer import charts, markup, model
from gzexplorer.render.export import export_chart
from gzexplorer.ui.item_models import IdRole

THEME = "R&D <b>Economy</b> &amp; “growth” اقتصاد"
INDICATOR = "<i>GDP</i> growth & 'R&D'"
UNIT = "<u>%</u>"
MILESTONE = "Big data <script>x</script> & the 'cloud'"


def _replace(path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


@pytest.fixture
def marked_up(pack_copy):
    _replace(
        pack_copy / "themes.csv",
        "economy,Economy,",
        f'economy,"{THEME.replace(chr(34), chr(34) * 2)}",',
    )
    _replace(
        pack_copy / "indicators.csv",
        "gdp_growth,GDP growth rate,%,",
        f'gdp_growth,"{INDICATOR}",{UNIT},',
    )
    _replace(
        pack_copy / "indicators.csv",
        "digital_economy_growth,Growth rate of the digital economy,%,",
        f"digital_economy_growth,Growth rate of the digital economy,{UNIT},",
    )
    _replace(
        pack_copy / "milestones.csv",
        "big_data_2012,2012,Big data catches the government's attention,",
        f'big_data_2012,2012,"{MILESTONE}",',
    )
    return model.load(pack_copy)


def _plain(html: str) -> str:
    doc = QTextDocument()
    doc.setHtml(html)
    return doc.toPlainText()


def _single_ampersands(text: str) -> list[str]:
    return re.findall(r"(?<!&)&(?!&)", text)


def test_the_helpers():
    assert markup.escape("<b>R&D</b>") == "&lt;b&gt;R&amp;D&lt;/b&gt;"
    assert markup.no_mnemonic("R&D") == "R&&D"
    assert markup.plain("plain words") == "plain words"
    assert _plain(markup.plain("<b>x</b> & y\nnext")) == "<b>x</b> & y\nnext"


def test_every_window_surface_shows_the_names_as_written(make_window, marked_up):
    w = make_window(marked_up)
    names = [w.view_model.index(i).data() for i in range(w.view_model.rowCount())]
    assert THEME in names
    shown = [a.iconText() for a in w.actions.view_menu.actions() if a.iconText()]
    assert THEME in shown  # the View menu: "&" is not eaten as a mnemonic
    w.show_view("economy")
    assert w.excerpts.heading.text().startswith(f"Passages on {THEME}:")
    assert w.excerpts.heading.textFormat() == Qt.TextFormat.PlainText
    spec = w.current_chart()
    assert INDICATOR in spec.title
    canvas = w.canvas
    assert canvas.title.shown_text() == spec.title
    assert canvas.title.textFormat() == Qt.TextFormat.PlainText
    assert INDICATOR in _plain(canvas.legend.shown_text())
    assert _plain(canvas.plot_item.getAxis("left").labelString()).strip() == UNIT
    tab = w.chart_panel.tabs.tabText(0)
    assert tab.replace("&&", "&") == spec.title and not _single_ampersands(tab)
    assert _plain(w.chart_panel.tabs.tabToolTip(0)) == spec.title
    mark = next(m for m in canvas.drawn_marks() if m.ref.id == "gdp_growth")
    assert canvas.tooltip(mark).startswith(f"{INDICATOR}, ")
    series_menu = [a.iconText() for a in w.chart_panel.series_menu.actions()]
    assert INDICATOR in series_menu

    w.show_view("overview")
    m = w.excerpts.model
    row = next(i for i in range(m.rowCount()) if m.index(i).data(IdRole) == "so-2012-big-data")
    assert m.index(row).data(Qt.ItemDataRole.DisplayRole)  # a passage, as text
    timeline = w.current_chart()
    event = next(e for e in timeline.marks() if e.ref.id == "big_data_2012")
    assert event.label == MILESTONE


def test_svg_and_csv_keep_the_names_as_written(marked_up, tmp_path):
    spec = next(s for s in charts.charts_for(marked_up, "economy") if INDICATOR in s.title)
    svg = export_chart(spec, tmp_path / "c.svg", "svg", 900, 600)
    texts = ["".join(t.itertext()) for t in ET.parse(svg).iter() if t.tag.endswith("text")]
    assert any(spec.title in t for t in texts)  # the title in one piece, tags as text
    rows = list(csv.DictReader(export_chart(spec, tmp_path / "c.csv", "csv", 900, 600).open()))
    assert {r["indicator"] for r in rows} >= {INDICATOR}
    assert {r["unit"] for r in rows} == {UNIT}
