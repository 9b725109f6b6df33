"""Charts worded for a context (language of names, number format), without Qt."""

from __future__ import annotations

from gzexplorer import charts, model, paths
from gzexplorer.charts import format as fmt
from gzexplorer.charts.context import ChartContext

DATASET = model.load(paths.builtin_pack())
GERMAN_NUMBERS = ChartContext(decimal_point=",", group_separator=".")
CHINESE = ChartContext(language="zh_CN")


def _economy_line(context: ChartContext) -> charts.ChartSpec:
    return next(s for s in charts.charts_for(DATASET, "economy", context) if s.kind == "line")


def test_numbers_are_written_as_the_context_writes_them():
    assert fmt.number(4930000.5, GERMAN_NUMBERS) == "4.930.000,5"
    assert fmt.with_unit(35.2, "% of GDP", GERMAN_NUMBERS) == "35,2% of GDP"
    assert fmt.number(4930000.5) == "4,930,000.5"


def test_a_chart_its_points_and_its_table_use_the_context():
    english, german = _economy_line(charts.context.ENGLISH), _economy_line(GERMAN_NUMBERS)
    decimal = next(m for m in english.marks() if m.y is not None and m.y != int(m.y))
    same = next(m for m in german.marks() if m.ref == decimal.ref)
    assert "." in decimal.value_text and "," in same.value_text
    assert same.value_text == decimal.value_text.replace(".", ",")
    assert english.alt_text != german.alt_text
    assert german.alt_text.replace(",", ".") == english.alt_text


def test_names_come_in_the_context_language():
    names = {s.name for s in charts.charts_for(DATASET, "overview", CHINESE)[0].series}
    assert "经济" in names and "Economy" not in names
    assert dict(charts.views(DATASET, CHINESE))["economy"] == "经济"
    assert dict(charts.views(DATASET))["economy"] == "Economy"


def test_specs_are_made_once_per_dataset_and_context():
    first = charts.charts_for(DATASET, "economy", GERMAN_NUMBERS)
    again = charts.charts_for(
        DATASET, "economy", ChartContext(decimal_point=",", group_separator=".")
    )
    other = charts.charts_for(DATASET, "economy", CHINESE)
    assert all(a is b for a, b in zip(first, again, strict=True))
    assert not any(a is b for a, b in zip(first, other, strict=True))
    assert all(s.context == CHINESE for s in other)
