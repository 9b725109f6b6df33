"""The questions the app asks of the built-in pack, and the answers a person sees."""

from __future__ import annotations

import math
import re

import pytest

# -- themes -------------------------------------------------------------------------------


def test_themes_in_sidebar_order(dataset):
    themes = dataset.themes()
    assert [(t.id, t.name) for t in themes] == [
        ("economy", "Economy"),
        ("governance", "Governance"),
        ("ecology", "Ecology"),
        ("culture", "Culture"),
    ]
    assert all(t.description for t in themes)


def test_theme_by_id(dataset):
    assert dataset.theme("ecology").name == "Ecology"
    with pytest.raises(KeyError):
        dataset.theme("tourism")


# -- per-theme lists ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("theme", "expected"),
    [
        ("economy", ["gdp_growth", "digital_economy_growth"]),
        ("governance", ["poverty_rate"]),
        ("ecology", []),
        ("culture", []),
        (None, ["gdp_growth", "digital_economy_growth", "poverty_rate"]),
    ],
)
def test_indicators_by_theme(dataset, theme, expected):
    assert [i.id for i in dataset.indicators(theme)] == expected


def test_indicator_details(dataset):
    poverty = dataset.indicator("poverty_rate")
    assert (poverty.name, poverty.unit) == ("Poverty rate", "%")
    assert "Guizhou Provincial Bureau of Statistics" in poverty.source


ECONOMY_FIGURES = {
    "traditional_industries_share",
    "people_in_poverty_2015",
    "cloud_registered_users",
    "cloud_companies",
    "cloud_equipment",
    "cloud_software",
    "cloud_apps",
    "enterprise_output",
    "enterprise_returns",
    "enterprise_site_requirements",
    "digital_economy_share_gdp",
    "digital_economy_growth_2021",
    "digital_economy_above_national",
    "digital_economy_first_years",
}
GOVERNANCE_FIGURES = {
    "people_in_poverty_2015",
    "data_platform_departments",
    "service_hall_levels",
    "counties_out_of_poverty",
}


@pytest.mark.parametrize(
    ("theme", "expected"),
    [
        ("economy", ECONOMY_FIGURES),
        ("governance", GOVERNANCE_FIGURES),
        ("ecology", set()),
        ("culture", {"traditional_villages"}),
    ],
)
def test_figures_by_theme(dataset, theme, expected):
    figures = dataset.figures(theme)
    assert {f.id for f in figures} == expected
    assert len(figures) == len(expected)


def test_all_figures_and_headlines(dataset):
    assert len(dataset.figures()) == 18
    assert {f.id for f in dataset.headline_figures()} == {
        "people_in_poverty_2015",
        "cloud_registered_users",
        "digital_economy_share_gdp",
        "digital_economy_above_national",
        "digital_economy_first_years",
        "counties_out_of_poverty",
        "traditional_villages",
    }


def test_industrial_cloud_figures_share_a_group(dataset):
    groups = {f.id: f.group for f in dataset.figures("economy")}
    cloud = {k for k, v in groups.items() if v == "Industrial Cloud Platform"}
    assert cloud == {
        "cloud_registered_users",
        "cloud_companies",
        "cloud_equipment",
        "cloud_software",
        "cloud_apps",
    }


@pytest.mark.parametrize(
    ("figure_id", "words"),
    [
        ("cloud_registered_users", "more than"),
        ("cloud_companies", "nearly"),
        ("traditional_industries_share", "about"),
        ("cloud_equipment", ""),
    ],
)
def test_figure_qualifier_in_words(dataset, figure_id, words):
    assert dataset.figure(figure_id).qualifier_text == words


@pytest.mark.parametrize(
    ("theme", "expected"),
    [
        ("economy", [2012, 2017, 2021]),
        ("governance", [2015, 2020]),
        ("ecology", [2012, 2015]),
        ("culture", [2019]),
        (None, [2012, 2015, 2015, 2017, 2019, 2020, 2021]),
    ],
)
def test_milestones_by_theme_in_year_order(dataset, theme, expected):
    assert [m.year for m in dataset.milestones(theme)] == expected


def test_excerpts_by_theme_in_document_order(dataset):
    assert [e.id for e in dataset.excerpts("culture")] == [
        "cap-zhaoxing",
        "so-village-platform",
        "cap-nanhua-museum",
        "ou-modernisation",
    ]
    ecology = dataset.excerpts("ecology")
    assert "so-big-ecology" in [e.id for e in ecology]
    assert all("ecology" in e.themes for e in ecology)


def test_all_excerpts_in_document_order(dataset):
    excerpts = dataset.excerpts()
    assert len(excerpts) == 38
    assert excerpts[0].text == "GUIZHOU | DIGITAL TRANSFORMATION"
    assert excerpts[-1].text.startswith("The Development Research Center of the State Council")
    orders = [e.order for e in excerpts]
    assert orders == sorted(orders)
    assert len(set(orders)) == len(orders)


def test_excerpt_by_id(dataset):
    excerpt = dataset.excerpt("so-industrial-cloud")
    assert excerpt.section == "The Solution"
    assert excerpt.kind == "paragraph"
    assert "Industrial Cloud Platform" in excerpt.text
    with pytest.raises(KeyError):
        dataset.excerpt("no-such-excerpt")


# -- series and points --------------------------------------------------------------------


def test_series_of_digital_economy_growth(dataset):
    s = dataset.series("digital_economy_growth")
    assert list(s.columns[:4]) == ["year", "value", "status", "note"]
    assert s["year"].tolist() == list(range(2012, 2022))
    values = s["value"].tolist()
    assert all(math.isnan(v) for v in values[:5])
    assert values[5:] == pytest.approx([37.2, 26.9, 22.1, 15.0, 20.6])
    assert s["status"].tolist() == ["not_reported"] * 3 + ["qualitative"] * 2 + ["reported"] * 5
    assert all("1st in China" in n for n in s["note"].tolist()[3:5])


def test_series_of_unknown_indicator(dataset):
    with pytest.raises(KeyError):
        dataset.series("unemployment")


def test_point(dataset):
    p = dataset.point("gdp_growth", 2020)
    assert (p.indicator_id, p.year, p.value, p.status) == ("gdp_growth", 2020, 4.5, "reported")
    assert p.source_text == "4.5"
    assert p.excerpt_ids == ("table-2",)

    q = dataset.point("digital_economy_growth", 2016)
    assert (q.value, q.status) == (None, "qualitative")
    assert "1st in China" in q.note

    with pytest.raises(KeyError):
        dataset.point("gdp_growth", 2011)


# -- provenance ---------------------------------------------------------------------------


def test_figure_sources(dataset):
    assert [e.id for e in dataset.figure_sources("cloud_apps")] == ["so-industrial-cloud"]
    # the quote is in the Outcome paragraph only; Table 2's cell is an observation's
    sources = dataset.figure_sources("digital_economy_growth_2021")
    assert [e.id for e in sources] == ["ou-digital-economy"]
    assert "its growth rate reaching 20.6%" in sources[0].text


def test_point_sources(dataset):
    assert [e.id for e in dataset.point_sources("poverty_rate", 2020)] == ["table-2"]
    sources = dataset.point_sources("digital_economy_growth", 2021)
    assert [e.id for e in sources] == ["table-2", "ou-digital-economy"]
    assert all("20.6" in e.text for e in sources)


def test_milestone_sources(dataset):
    sources = dataset.milestone_sources("big_ecology_2015")
    assert [e.id for e in sources] == ["so-big-ecology"]
    assert '"big ecology"' in sources[0].text
    with pytest.raises(KeyError):
        dataset.milestone_sources("moon_landing_1969")


def test_citing_table_2(dataset):
    cited = dataset.citing("table-2")
    assert cited
    assert len(cited.points) == 30
    assert {(p.indicator_id, p.year) for p in cited.points} == {
        (i, y)
        for i in ("gdp_growth", "digital_economy_growth", "poverty_rate")
        for y in range(2012, 2022)
    }
    assert {i.id for i in cited.indicators} == {
        "gdp_growth",
        "digital_economy_growth",
        "poverty_rate",
    }
    assert cited.figures == ()
    assert cited.milestones == ()


def test_citing_the_industrial_cloud_paragraph(dataset):
    cited = dataset.citing("so-industrial-cloud")
    assert {f.id for f in cited.figures} == {
        "cloud_registered_users",
        "cloud_companies",
        "cloud_equipment",
        "cloud_software",
        "cloud_apps",
    }
    assert [m.id for m in cited.milestones] == ["industrial_cloud_2017"]
    assert cited.points == ()
    assert cited.indicators == ()


def test_citing_a_passage_nothing_cites(dataset):
    cited = dataset.citing("author-liu")
    assert not cited
    with pytest.raises(KeyError):
        dataset.citing("no-such-excerpt")


# -- search -------------------------------------------------------------------------------


def ids(hits):
    return [h.excerpt.id for h in hits]


def test_search_is_case_insensitive(dataset):
    assert ids(dataset.search("TENCENT")) == ["cap-tencent-data-center"]
    assert ids(dataset.search("tencent")) == ids(dataset.search("Tencent"))


def test_search_several_words(dataset):
    hits = dataset.search("nine counties")
    assert hits[0].excerpt.id == "ou-poverty-eradicated"
    found = {hits[0].excerpt.text[s:e].lower() for s, e in hits[0].spans}
    assert found == {"nine", "counties"}


def test_search_ranks_all_words_above_some(dataset):
    query = ["zhaoxing", "villages"]
    hits = dataset.search(" ".join(query))
    assert hits[0].excerpt.id == "cap-zhaoxing"

    def words_found(hit):
        return sum(bool(re.search(rf"\b{w}", hit.excerpt.text, re.IGNORECASE)) for w in query)

    coverage = [words_found(h) for h in hits]
    assert coverage[0] == 2
    assert 1 in coverage  # other excerpts say "villages" only
    assert coverage == sorted(coverage, reverse=True)
    assert [h.score for h in hits] == sorted((h.score for h in hits), reverse=True)


def test_search_matches_the_start_of_words(dataset):
    hits = dataset.search("pover")
    assert "ch-poverty-2015" in ids(hits)
    for hit in hits:
        assert all(hit.excerpt.text[s:e].lower() == "pover" for s, e in hit.spans)
        assert all(hit.excerpt.text[s:].lower().startswith("poverty") for s, e in hit.spans), (
            hit.excerpt.id
        )
    assert dataset.search("overty") == []  # not in the middle of a word


def test_search_spans_point_at_the_matched_words(dataset):
    hits = dataset.search("Big DATA")
    assert hits
    for hit in hits:
        assert hit.spans
        for start, end in hit.spans:
            assert hit.excerpt.text[start:end].lower() in {"big", "data"}
        assert list(hit.spans) == sorted(hit.spans)
    top = hits[0]
    assert re.search(r"big data", top.excerpt.text, re.IGNORECASE)


def test_search_within_a_theme(dataset):
    hits = dataset.search("village", theme_id="culture")
    assert hits
    assert all("culture" in h.excerpt.themes for h in hits)
    everywhere = dataset.search("village")
    assert len(everywhere) > len(hits)


@pytest.mark.parametrize("query", ["", "   ", "—", "?!"])
def test_empty_query_finds_nothing(dataset, query):
    assert dataset.search(query) == []


def test_search_for_a_word_not_in_the_text(dataset):
    assert dataset.search("blockchain") == []


# -- the pack as a whole ------------------------------------------------------------------


def test_summary(dataset):
    assert dataset.summary() == (
        "4 themes, 3 indicators, 30 observations, 18 figures, 7 milestones, 38 excerpts"
    )


def test_pack_info(dataset):
    info = dataset.info
    assert info.title == "Leapfrogging with All-Round Digital Transformation in Guizhou"
    assert info.version
    assert "Jiang" in info.citation and "Liu" in info.citation
    assert any("Guizhou Provincial Bureau of Statistics" in s for s in info.sources)
