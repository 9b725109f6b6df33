"""The built-in data pack says what the case study says.

Expected values are typed from the case study (data/guizhou-case-study.txt), not read
from the pack, so a wrong cell in the pack fails here.
"""

from __future__ import annotations

import math
import re
import subprocess
import sys
import textwrap

import pytest

from gzexplorer import model
from packtools import frictionless_errors, replace_text

DOCUMENT = "guizhou-case-study.txt"

# -- Table 2 ------------------------------------------------------------------------------

MISSING = "-"  # the table prints "-": no number
FIRST = "(ranking 1 st in China)"  # the table prints words, not a number

# year: (GDP growth rate %, growth rate of the digital economy %, poverty rate %)
TABLE_2 = {
    2012: (13.6, MISSING, 26.8),
    2013: (12.5, MISSING, 21.3),
    2014: (10.8, MISSING, 18.0),
    2015: (10.7, FIRST, 14.3),
    2016: (10.5, FIRST, 10.6),
    2017: (10.2, 37.2, 7.75),
    2018: (9.1, 26.9, 4.29),
    2019: (8.3, 22.1, 0.85),
    2020: (4.5, 15.0, 0.0),
    2021: (8.1, 20.6, MISSING),
}
COLUMNS = ("gdp_growth", "digital_economy_growth", "poverty_rate")
CELLS = [
    (indicator, year, row[i])
    for year, row in TABLE_2.items()
    for i, indicator in enumerate(COLUMNS)
]


@pytest.mark.parametrize(("indicator", "year", "expected"), CELLS)
def test_table_2_cell(dataset, indicator, year, expected):
    point = dataset.point(indicator, year)
    series = dataset.series(indicator)
    value = series.loc[series["year"] == year, "value"].iloc[0]

    if expected == MISSING:
        assert point.status == "not_reported"
        assert point.value is None
        assert math.isnan(value)  # missing, never zero
    elif expected == FIRST:
        assert point.status == "qualitative"
        assert point.value is None
        assert math.isnan(value)
        assert "1st in China" in point.note
    else:
        assert point.status == "reported"
        assert point.value == pytest.approx(expected)
        assert value == pytest.approx(expected)


@pytest.mark.parametrize("indicator", COLUMNS)
def test_table_2_series_cover_2012_to_2021_once(dataset, indicator):
    assert dataset.series(indicator)["year"].tolist() == list(range(2012, 2022))


def test_poverty_2020_is_a_real_zero_and_2021_is_missing(dataset):
    zero = dataset.point("poverty_rate", 2020)
    assert (zero.value, zero.status) == (0.0, "reported")
    missing = dataset.point("poverty_rate", 2021)
    assert (missing.value, missing.status) == (None, "not_reported")


def printed_table_2(document: str) -> dict[int, list[str]]:
    """Table 2's rows as printed in the document: year -> three cells."""
    rows = {}
    for line in document.splitlines():
        cells = line.split("\t")
        if len(cells) == 4 and re.fullmatch(r"20\d\d", cells[0]):
            rows[int(cells[0])] = [c.strip() for c in cells[1:]]
    return rows


def test_observations_keep_the_cell_as_printed(dataset, document):
    printed = printed_table_2(document)
    assert sorted(printed) == list(TABLE_2)
    for year, cells in printed.items():
        for indicator, cell in zip(COLUMNS, cells, strict=True):
            assert dataset.point(indicator, year).source_text.strip() == cell, (indicator, year)


def test_a_dash_cell_written_as_zero_is_refused(pack_copy):
    replace_text(
        "observations.csv",
        "digital_economy_growth,2012,,not_reported",
        "digital_economy_growth,2012,0,not_reported",
    )(pack_copy)

    with pytest.raises(model.DataPackError) as raised:
        model.load(pack_copy)

    problem = raised.value.problems[0]
    assert (problem.file, problem.row, problem.field) == ("observations.csv", 3, "value")
    assert len(raised.value.problems) == 1


def test_a_number_that_cites_a_missing_passage_is_refused(pack_copy):
    assert (pack_copy / "figures.csv").read_text(encoding="utf-8").count("cap-zhaoxing") == 1
    replace_text("figures.csv", "cap-zhaoxing", "cap-zhaoxing-village")(pack_copy)

    with pytest.raises(model.DataPackError) as raised:
        model.load(pack_copy)

    [problem] = raised.value.problems
    assert (problem.file, problem.field) == ("figures.csv", "excerpt_ids")
    assert "cap-zhaoxing-village" in problem.message


# -- figures ------------------------------------------------------------------------------

# id: (value, unit, qualifier, year)
FIGURES = {
    "cloud_registered_users": (170_000, "count", "more_than", None),
    "cloud_companies": (3_000, "count", "nearly", None),
    "cloud_equipment": (14_178, "count", "exact", None),
    "cloud_software": (204, "count", "exact", None),
    "cloud_apps": (2_308, "count", "exact", None),
    "enterprise_output": (50, "%", "more_than", None),
    "enterprise_returns": (15, "%", "exact", None),
    "enterprise_site_requirements": (-46, "%", "exact", None),
    "people_in_poverty_2015": (4.93, "million people", "exact", 2015),
    "traditional_industries_share": (60, "%", "about", None),
    "digital_economy_share_gdp": (35.2, "% of GDP", "exact", 2021),
    "digital_economy_growth_2021": (20.6, "%", "exact", 2021),
    "digital_economy_above_national": (4.4, "percentage points", "exact", 2021),
    "digital_economy_first_years": (7, "years", "exact", None),
    "data_platform_departments": (10, "departments", "more_than", None),
    "service_hall_levels": (4, "levels", "exact", 2015),
    "counties_out_of_poverty": (9, "counties", "exact", 2020),
    "traditional_villages": (757, "villages", "exact", None),
}


def test_the_pack_has_exactly_the_figures_of_the_text(dataset):
    assert sorted(f.id for f in dataset.figures()) == sorted(FIGURES)


@pytest.mark.parametrize(("figure_id", "expected"), FIGURES.items())
def test_figure(dataset, figure_id, expected):
    value, unit, qualifier, year = expected
    figure = dataset.figure(figure_id)
    assert figure.value == pytest.approx(value)
    assert figure.unit == unit
    assert figure.qualifier == qualifier
    assert figure.year == year


def test_a_decline_is_a_negative_change(dataset):
    figure = dataset.figure("enterprise_site_requirements")
    assert figure.value < 0
    assert "decline" in figure.quote


# -- milestones ---------------------------------------------------------------------------

# (year, words in the title, themes), in year order
MILESTONES = [
    (2012, "big data", {"economy", "ecology"}),
    (2015, "online service hall", {"governance"}),
    (2015, "big ecology", {"ecology"}),
    (2017, "industrial cloud platform", {"economy"}),
    (2019, "ethnic minority villages", {"culture"}),
    (2020, "poverty", {"governance"}),
    (2021, "35.2% of gdp", {"economy"}),
]


def test_milestones_are_the_dated_events_of_the_text(dataset):
    got = [(m.year, m.title.lower(), set(m.themes)) for m in dataset.milestones()]
    assert [g[0] for g in got] == [m[0] for m in MILESTONES]
    for (year, title, themes), (want_year, words, want_themes) in zip(got, MILESTONES, strict=True):
        assert year == want_year
        assert words in title, (year, title)
        assert themes == want_themes, (year, title)


# -- provenance ---------------------------------------------------------------------------

SECTION_HEADINGS = {"The Challenge", "The Solution", "The Outcome"}


@pytest.fixture(scope="module")
def document(builtin_pack) -> str:
    """The case study's text, read from the repository's copy."""
    return (builtin_pack / DOCUMENT).read_bytes().decode("utf-8-sig")


def test_the_pack_carries_the_document(dataset, document):
    assert dataset.document == document


def test_every_excerpt_is_quoted_exactly_from_the_document(dataset, document):
    not_found = [e.id for e in dataset.excerpts() if e.text not in document]
    assert not_found == []


def test_every_line_of_the_document_is_in_some_excerpt(dataset, document):
    excerpts = [e.text for e in dataset.excerpts()]
    lines = [line.strip() for line in document.splitlines()]
    paragraphs = [
        line
        for line in lines
        if line and line not in SECTION_HEADINGS and set(line) != {"|"}  # "||" pull-quote rule
    ]
    assert len(paragraphs) > 50  # the document was read
    uncovered = [line for line in paragraphs if not any(line in e for e in excerpts)]
    assert uncovered == []


def test_excerpts_are_in_document_order(dataset, document):
    positions = [document.find(e.text) for e in dataset.excerpts()]
    assert positions == sorted(positions)


def rows_citing(dataset):
    obs = dataset.tables["observations"]
    yield from ((f"indicator {i.id}", i.excerpt_ids) for i in dataset.indicators())
    yield from ((f"observation {r.indicator_id} {r.year}", r.excerpt_ids) for r in obs.itertuples())
    yield from ((f"figure {f.id}", f.excerpt_ids) for f in dataset.figures())
    yield from ((f"milestone {m.id}", m.excerpt_ids) for m in dataset.milestones())


def test_everything_names_an_excerpt_that_exists(dataset):
    known = {e.id for e in dataset.excerpts()}
    rows = list(rows_citing(dataset))
    assert len(rows) == 3 + 30 + 18 + 7
    for what, ids in rows:
        assert len(ids) >= 1, what
        assert set(ids) <= known, what


def excerpt_texts(dataset, ids):
    return [dataset.excerpt(i).text for i in ids]


def test_each_observation_cell_is_in_its_excerpt(dataset):
    for r in dataset.tables["observations"].itertuples():
        texts = excerpt_texts(dataset, r.excerpt_ids)
        assert any(r.source_text in t for t in texts), (r.indicator_id, r.year)


@pytest.mark.parametrize("figure_id", FIGURES)
def test_figure_quote_is_in_its_excerpt(dataset, figure_id):
    figure = dataset.figure(figure_id)
    assert any(figure.quote in t for t in excerpt_texts(dataset, figure.excerpt_ids))


NUMBER_WORDS = {
    1: "one",
    2: "two",
    3: "three",
    4: "four",
    5: "five",
    6: "six",
    7: "seven",
    8: "eight",
    9: "nine",
    10: "ten",
    11: "eleven",
    12: "twelve",
}


def spellings(value: float) -> list[str]:
    """How a number may be written: 14178, 14,178, 4.93, or 'seven'; sign ignored."""
    value = abs(value)
    if value == int(value):
        n = int(value)
        out = [str(n), f"{n:,}"]
        if n in NUMBER_WORDS:
            out.append(NUMBER_WORDS[n])
        return out
    return [f"{value:g}"]


def states_number(quote: str, value: float) -> bool:
    for s in spellings(value):
        # a whole token: "17" must not match inside "170,000", nor "4.4" inside "14.4"
        if re.search(rf"(?<![\w.,]){re.escape(s)}(?![\w]|[.,]\d)", quote, re.IGNORECASE):
            return True
    return False


@pytest.mark.parametrize("figure_id", FIGURES)
def test_figure_number_is_in_its_quote(dataset, figure_id):
    figure = dataset.figure(figure_id)
    assert states_number(figure.quote, figure.value), (figure.value, figure.quote)


def test_number_check_is_not_fooled_by_part_of_a_number():
    assert states_number("more than 170,000 registered users", 170000)
    assert states_number("for seven consecutive years", 7)
    assert not states_number("more than 170,000 registered users", 17)
    assert not states_number("a 146% rise", 46)


def test_each_milestone_year_is_in_its_excerpt(dataset):
    for m in dataset.milestones():
        texts = excerpt_texts(dataset, m.excerpt_ids)
        assert any(str(m.year) in t for t in texts), m.id


# -- the pack as a Frictionless Data Package -----------------------------------------------


def test_frictionless_validate_passes(builtin_pack):
    assert frictionless_errors(builtin_pack) == []


# -- architecture -------------------------------------------------------------------------

NO_QT = textwrap.dedent(
    """
    import importlib, importlib.util, pkgutil, sys

    def import_all(name):
        package = importlib.import_module(name)
        for info in pkgutil.walk_packages(package.__path__, name + "."):
            importlib.import_module(info.name)

    import_all("gzexplorer.model")
    imported = ["gzexplorer.model"]
    if importlib.util.find_spec("gzexplorer.charts") is not None:
        import_all("gzexplorer.charts")
        imported.append("gzexplorer.charts")
    qt = sorted({m.split(".")[0] for m in sys.modules} & {"PySide6", "shiboken6", "pyqtgraph"})
    print("imported:", *imported)
    print("qt:", *qt)
    """
)


def test_model_and_charts_do_not_import_qt():
    result = subprocess.run(
        [sys.executable, "-c", NO_QT], capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0].startswith("imported: gzexplorer.model")
    assert lines[1] == "qt:", f"importing {lines[0][10:]} imported{lines[1][3:]}"
