"""What `gzexplorer draft` takes as a figure from a sentence: values, units, qualifiers,
words, declines, years; and what it does not (years, dates, ordinals, list numbers,
references). Each test drafts a small text and reads figures.csv."""

from __future__ import annotations

import pytest

from drafttools import figures_of, one


@pytest.mark.parametrize(
    ("phrase", "value", "qualifier"),
    [
        ("more than 120 permits", 120, "more_than"),
        ("over 120 permits", 120, "more_than"),
        ("nearly 120 permits", 120, "nearly"),
        ("almost 120 permits", 120, "nearly"),
        ("about 120 permits", 120, "about"),
        ("roughly 120 permits", 120, "about"),
        ("some 120 permits", 120, "about"),
        ("around 120 permits", 120, "about"),
        ("at least 120 permits", 120, "at_least"),
        ("up to 120 permits", 120, "at_most"),
        ("under 120 permits", 120, "less_than"),
        ("fewer than 120 permits", 120, "less_than"),
        ("120 permits", 120, "exact"),
    ],
)
def test_each_qualifier(tmp_path, capsys, phrase, value, qualifier):
    f = one(figures_of(tmp_path, capsys, f"Residents applied for {phrase} online.\n"), value)
    assert f["qualifier"] == qualifier
    assert f["unit"] == "permits"
    assert phrase in f["quote"]


@pytest.mark.parametrize(
    ("sentence", "value", "unit"),
    [
        ("The share reached 35.2% last year.", 35.2, "%"),
        ("The share reached 35.2 per cent last year.", 35.2, "%"),
        ("In 2015, 4.93 million people were living in poverty.", 4.93, "million people"),
        ("The county spent 3.5 billion yuan on roads.", 3.5, "billion yuan"),
        ("The county spent $2.5 million on roads.", 2.5, "million dollars"),
        ("The county spent €41 million on turbines.", 41, "million euros"),
        ("The county built 40 km of roads.", 40, "km"),
        ("The farm has a capacity of 24 MW.", 24, "MW"),
        ("The platform connects 2308 industrial apps.", 2308, "apps"),
        ("It protects 757 traditional villages.", 757, "villages"),
        ("It serves 1,250 companies.", 1250, "companies"),
        ("The county grew by 5,000 residents.", 5000, "residents"),
    ],
)
def test_unit_forms(tmp_path, capsys, sentence, value, unit):
    assert one(figures_of(tmp_path, capsys, sentence + "\n"), value)["unit"] == unit


@pytest.mark.parametrize(
    ("sentence", "value", "unit"),
    [
        ("Growth ranked first in China for seven consecutive years.", 7, "years"),
        ("Poverty ended in the nine most impoverished counties.", 9, "counties"),
        ("In 2018 twelve volunteers cleared the river banks.", 12, "volunteers"),
        ("The town opened twenty-five reading rooms.", 25, "rooms"),
        ("Services come from all four levels of government.", 4, "levels"),
        ("The county trained a dozen nurses.", 12, "nurses"),
    ],
)
def test_numbers_written_as_words(tmp_path, capsys, sentence, value, unit):
    f = one(figures_of(tmp_path, capsys, sentence + "\n"), value)
    assert f["unit"] == unit


@pytest.mark.parametrize(
    ("sentence", "value"),
    [
        ("It achieved a 46% decline in site requirements.", -46),
        ("The hall cut the average waiting time by about 40%.", -40),
        ("Emissions fell by 12% in a year.", -12),
        ("Sales dropped 8 percent.", -8),
        ("Infant mortality had fallen by roughly 20%.", -20),
    ],
)
def test_a_decline_is_a_negative_change(tmp_path, capsys, sentence, value):
    f = one(figures_of(tmp_path, capsys, sentence + "\n"), value)
    assert f["unit"] == "%"
    assert "decline" in f["note"] and "negative" in f["note"]


def test_a_rise_is_positive(tmp_path, capsys):
    figures = figures_of(
        tmp_path, capsys, "It achieved over 50% surge in output, a 15% rise in returns.\n"
    )
    assert {float(f["value"]) for f in figures} == {50, 15}


def test_the_year_of_the_sentence(tmp_path, capsys):
    text = (
        "In 2015, 4.93 million people were poor.\n\n"
        "By the end of 2020, the nine poorest counties were out of poverty.\n\n"
        "The platform has 204 apps.\n"
    )
    figures = figures_of(tmp_path, capsys, text)
    assert one(figures, 4.93)["year"] == "2015"
    assert one(figures, 9)["year"] == "2020"
    assert one(figures, 204)["year"] == ""


@pytest.mark.parametrize(
    "text",
    [
        "Table 2 gives the rates. See Figure 3 and Section 4.\n",
        "The reform began in 2015.\n",
        "In 2015, the reform began.\n",
        "On 12 March 2019 the hall opened.\n",
        "Guizhou ranked 1st in China, the first province to do so, for the second time.\n",
        "The plan:\n1. Build the roads.\n2. Train the nurses.\n(3) Open the clinics.\n",
        "The COVID-19 response used 5G networks and the UN 2030 Agenda.\n",
        "The Five-hundred-metre Aperture Spherical Telescope is in Guizhou.\n",
        "One enterprise joined; one of the poorest provinces changed.\n",
    ],
)
def test_what_is_not_a_figure(tmp_path, capsys, text):
    assert figures_of(tmp_path, capsys, "Some words.\n\n" + text) == []


def test_counts_of_different_things_in_one_sentence_share_a_group(tmp_path, capsys):
    text = (
        "In 2017, Guizhou's Industrial Cloud Platform was launched. Today it connects more "
        "than 170,000 registered users and nearly 3,000 companies with 204 industrial software.\n"
    )
    figures = figures_of(tmp_path, capsys, text)
    assert [float(f["value"]) for f in figures] == [170000, 3000, 204]
    assert {f["unit"] for f in figures} == {"count"}
    assert {f["group"] for f in figures} == {"Guizhou's Industrial Cloud Platform"}
    assert [f["label"] for f in figures] == ["Registered users", "Companies", "Industrial software"]


def test_a_pull_quote_repeating_a_sentence_gives_one_figure_citing_both(tmp_path, capsys):
    text = (
        "The county has 757 villages.\n\n"
        "Its villages are old. The county has 757 villages. They are protected.\n"
    )
    figures = figures_of(tmp_path, capsys, text)
    assert len(figures) == 1
    assert len(figures[0]["excerpt_ids"].split(";")) == 2
