"""Where a passage states the numbers the pack cites (model.cited_numbers): the words
the passages panel and the PDF brief mark."""

from __future__ import annotations

from pathlib import Path

import pytest

from gzexplorer.model.cited_numbers import cited_numbers
from gzexplorer.model.dataset import load
from gzexplorer.model.textnumbers import stated_numbers
from packtools import BUILTIN, copy_pack


def marked(dataset, excerpt_id: str) -> list[tuple[str, object, str]]:
    return [(c.kind, c.key, c.text) for c in cited_numbers(dataset, excerpt_id)]


@pytest.fixture(scope="module")
def builtin():
    return load(BUILTIN)


def test_a_figure_is_marked_at_the_number_of_its_quote(builtin) -> None:
    assert marked(builtin, "ch-poverty-2015") == [
        ("figure", "people_in_poverty_2015", "4.93 million")
    ]
    assert ("figure", "counties_out_of_poverty", "nine") in marked(builtin, "ou-poverty-eradicated")


def test_a_percentage_is_marked_with_its_sign_and_a_decline_by_its_size(builtin) -> None:
    words = marked(builtin, "so-enterprise-case")
    assert ("figure", "enterprise_site_requirements", "46%") in words  # a 46% decline: -46
    assert [w[2] for w in words] == ["50%", "15%", "46%"]


def test_every_reported_cell_of_the_table_is_marked_once_in_its_row_and_column(builtin) -> None:
    words = marked(builtin, "table-2")
    reported = [p for p in builtin.citing("table-2").points if p.value is not None]
    assert sorted(w[1] for w in words) == sorted((p.indicator_id, p.year) for p in reported)
    text = builtin.excerpt("table-2").text
    for c in cited_numbers(builtin, "table-2"):
        row = text[: c.start].rsplit("\n", 1)[-1]
        assert row.split("\t")[0] == str(c.key[1])  # on its year's row
    # 2016: GDP 10.5, poverty 10.6 -- and the digital economy's "(ranking 1 st …)" is no number
    assert ("point", ("poverty_rate", 2016), "10.6") in words


def test_the_spans_are_where_the_words_are_and_do_not_overlap(builtin) -> None:
    for excerpt in ("so-industrial-cloud", "ou-digital-economy", "table-2"):
        text = builtin.excerpt(excerpt).text
        spans = cited_numbers(builtin, excerpt)
        assert spans
        for c in spans:
            assert text[c.start : c.end] == c.text
        for a, b in zip(spans, spans[1:], strict=False):
            assert a.end <= b.start


def test_a_milestone_is_marked_at_its_year(builtin) -> None:
    assert marked(builtin, "so-2012-big-data") == [("milestone", "big_data_2012", "2012")]


@pytest.fixture
def lakeside(tmp_path: Path):
    """An invented pack whose table prints the same number twice on one row: the cell
    is the one under the indicator's heading, not the first."""
    pack = copy_pack(tmp_path)
    old = "YEAR\tWIDGET GROWTH, %\n2012\t1.5\n2013\t-\n2014\t0"
    new = "YEAR\tGADGET SALES, %\tWIDGET GROWTH, %\n2012\t1.5\t1.5\n2013\t2.0\t-\n2014\t1.5\t0"
    for name in ("excerpts.csv", "testland.txt"):
        f = pack / name
        f.write_text(f.read_text(encoding="utf-8").replace(old, new), encoding="utf-8")
    return load(pack)


def test_a_cell_printed_twice_on_its_row_is_the_one_under_its_heading(lakeside) -> None:
    text = lakeside.excerpt("tl-table").text
    (cell, zero) = cited_numbers(lakeside, "tl-table")
    assert cell.key == ("widget_growth", 2012)
    assert text[: cell.start].endswith("2012\t1.5\t")  # the second 1.5
    assert zero.key == ("widget_growth", 2014) and zero.text == "0"


def test_an_invented_pack_marks_its_figures_and_milestone(lakeside) -> None:
    assert marked(lakeside, "tl-towns") == [
        ("milestone", "museum_2014", "2014"),
        ("figure", "old_towns", "40"),
        ("figure", "seaside_share", "12%"),
    ]
    assert marked(lakeside, "tl-intro") == []


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("fell by 3.5 per cent in 2019", ["3.5 per cent", "2019"]),
        ("some twenty-five villages and 4.93 million people", ["twenty-five", "4.93 million"]),
        ("v2.0 and 1,234,567", ["1,234,567"]),
    ],
)
def test_numbers_are_read_with_their_place(text: str, words: list[str]) -> None:
    assert [text[s.start : s.end] for s in stated_numbers(text)] == words
