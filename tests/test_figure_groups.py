"""A figure group whose figures do not share a unit: one bar chart per unit, each titled
with its unit, no figure left out, and ``gzexplorer validate`` says so."""

from __future__ import annotations

import csv
import io
import os
import subprocess
import sys
from pathlib import Path

import pytest

from gzexplorer import charts, model
from gzexplorer.render.export import csv_text
from packtools import all_of, copy_pack, replace_text

HILLS = "about 12% of them by the sea and 5% of them in the hills."


def mixed_group(pack: Path) -> Path:
    """The minimal pack's two heritage figures (40 towns, 12 %) and a third (5 %), put
    in one group "Old towns": two units, and one of them has a single figure."""
    all_of(
        replace_text("excerpts.csv", "about 12% of them by the sea.", HILLS),
        replace_text("testland.txt", "about 12% of them by the sea.", HILLS),
        replace_text("figures.csv", "2014,heritage,,true", "2014,heritage,Old towns,true"),
        replace_text(
            "figures.csv", "heritage;industry,,false", "heritage;industry,Old towns,false"
        ),
        replace_text(
            "figures.csv",
            "tl-towns\nseaside_share,",
            "tl-towns\nhill_share,Old towns in the hills,5,%,exact,,heritage,Old towns,false,"
            "5% of them in the hills,,tl-towns\nseaside_share,",
        ),
    )(pack)
    return pack


def bars(spec: charts.ChartSpec) -> list[tuple[str, float]]:
    """(label, value) of every bar, top-down as a person reads them."""
    return [(m.label, m.y) for m in reversed(spec.series[0].marks)]


def test_a_group_of_two_units_is_drawn_as_one_chart_per_unit(tmp_path):
    dataset = model.load(mixed_group(copy_pack(tmp_path)))

    shown = [s for s in charts.charts_for(dataset, "heritage") if s.kind == "bar"]

    assert [s.title for s in shown] == ["Old towns (towns)", "Old towns (per cent)"]
    assert bars(shown[0]) == [("Protected old towns", 40.0)]  # a lone figure: one bar
    assert bars(shown[1]) == [("Old towns in the hills", 5.0), ("Old towns by the sea", 12.0)]
    assert [s.subtitle for s in shown] == ["Towns, 2014", "Per cent"]
    assert shown[0].alt_text.startswith("Old towns (towns): Protected old towns: more than 40")


def test_every_figure_of_a_split_group_is_in_a_csv(tmp_path):
    dataset = model.load(mixed_group(copy_pack(tmp_path)))
    shown = [s for s in charts.charts_for(dataset, "heritage") if s.kind == "bar"]

    exported = [list(csv.DictReader(io.StringIO(csv_text(s)))) for s in shown]

    assert [[(r["figure_id"], r["value"], r["unit"]) for r in rows] for rows in exported] == [
        [("old_towns", "40", "towns")],
        [("hill_share", "5", "%"), ("seaside_share", "12", "%")],
    ]
    assert exported[1][0]["quote"] == "5% of them in the hills"


def test_split_titles_are_translated(qapp, tmp_path):
    from gzexplorer.ui import i18n

    dataset = model.load(mixed_group(copy_pack(tmp_path)))
    try:
        if i18n.apply("zh_CN") != "zh_CN":
            pytest.skip("no compiled Chinese translation, or no CJK font")
        shown = charts.charts_for(dataset, "heritage", i18n.chart_context("zh_CN"))
    finally:
        i18n.apply("en")
    titles = [s.title for s in shown if s.kind == "bar"]
    assert titles == ["Old towns（towns）", "Old towns（百分比）"]


def test_a_group_of_one_unit_stays_one_chart(tmp_path):
    pack = copy_pack(tmp_path)
    replace_text("figures.csv", "2014,heritage,,true", "2014,heritage,Towns,true")(pack)
    replace_text("figures.csv", "towns,more_than", "%,more_than")(pack)
    replace_text("figures.csv", "heritage;industry,,false", "heritage;industry,Towns,false")(pack)

    shown = [s for s in charts.charts_for(model.load(pack), "heritage") if s.kind == "bar"]

    assert [s.title for s in shown] == ["Towns"]


def test_validate_says_the_group_is_drawn_per_unit(tmp_path):
    pack = mixed_group(copy_pack(tmp_path))

    result = subprocess.run(
        [sys.executable, "-m", "gzexplorer", "validate", str(pack)],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env={**os.environ, "PYTHONIOENCODING": "utf-8"},
        timeout=120,
    )

    assert result.returncode == 0, result.stderr
    assert result.stderr.splitlines() == [
        'warning: figures.csv:2: group: the figures of group "Old towns" do not share a unit '
        "(towns, %): the group is drawn as one bar chart per unit"
    ]
