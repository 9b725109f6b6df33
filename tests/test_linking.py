"""Cross-highlighting and search on the view state, without a window: what a click
on a chart point, a figure card or a passage lights up everywhere."""

from __future__ import annotations

import pytest

from gzexplorer.ui.linking import Highlights, Linker, highlights
from gzexplorer.ui.state import Selection, ViewState


@pytest.fixture
def state(qapp, dataset) -> ViewState:
    s = ViewState(dataset)
    s.set_view("economy")
    return s


def test_a_point_lights_up_its_table_passage(state, dataset):
    point = dataset.point("gdp_growth", 2015)
    got = highlights(dataset, Selection("point", "gdp_growth", 2015, point.excerpt_ids))
    assert got == Highlights(
        marks=frozenset({("point", "gdp_growth", 2015)}),
        figures=frozenset(),
        passages=frozenset({"table-2"}),
        scroll_to_passages=True,
        words=frozenset({("point", ("gdp_growth", 2015))}),  # its cell's words in the table
    )


def test_a_figure_lights_up_its_bar_its_card_and_its_passage(dataset):
    got = highlights(dataset, Selection("figure", "cloud_companies"))
    assert got.marks == {("figure", "cloud_companies", None)}
    assert got.figures == {"cloud_companies"}
    assert got.passages == {"so-industrial-cloud"}
    assert got.scroll_to_passages


def test_a_passage_lights_up_everything_that_cites_it(dataset):
    got = highlights(dataset, Selection("passage", "so-industrial-cloud"))
    assert got.figures == {
        "cloud_registered_users",
        "cloud_companies",
        "cloud_equipment",
        "cloud_software",
        "cloud_apps",
    }
    assert ("milestone", "industrial_cloud_2017", 2017) in got.marks
    assert got.passages == {"so-industrial-cloud"}
    assert not got.scroll_to_passages  # the passage is where the user is pointing


def test_the_table_passage_lights_up_all_thirty_cells(dataset):
    got = highlights(dataset, Selection("passage", "table-2"))
    points = {m for m in got.marks if m[0] == "point"}
    assert len(points) == 30
    assert ("point", "poverty_rate", 2020) in points


def test_the_linker_follows_the_state_and_a_new_view_clears_the_selection(state):
    linker = Linker(state)
    seen: list[Highlights] = []
    linker.highlightsChanged.connect(seen.append)

    state.select(Selection("figure", "cloud_apps"))
    assert seen[-1].figures == {"cloud_apps"}
    state.set_view("governance")
    assert state.selection is None
    assert seen[-1] == Highlights()


def test_an_unknown_view_shows_the_overview(state):
    state.set_view("no-such-theme")
    assert state.view_id == "overview"


def test_search_is_state_and_finds_passages_in_every_theme(state, dataset):
    heard: list[str] = []
    state.searchChanged.connect(heard.append)
    state.set_search("poverty")
    state.set_search("poverty")  # the same text again: nothing new to say
    assert heard == ["poverty"]
    hits = dataset.search(state.search)
    assert hits and all("poverty" in h.excerpt.text.lower() for h in hits)
    themes = {t for h in hits for t in h.excerpt.themes}
    assert {"economy", "governance"} <= themes
