"""Every number leads back to the words that state it, for any pack.

Each case starts from a copy of a valid pack (the built-in one, or the invented
Testland pack of tests/packs/minimal), changes one thing as a pack author might, and
expects ``gzexplorer validate`` to refuse it with exit 1 and a line naming the file, the
row, the field and the passage. Warnings (legal but probably wrong) print as
``warning:`` lines with exit 0, and fail ``--strict``.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from gzexplorer import model
from gzexplorer.model.textnumbers import numbers_in, states
from packtools import (
    BUILTIN,
    MINIMAL,
    copy_pack,
    line_endings,
    replace_bytes,
    replace_text,
    set_field,
    tab_delimited,
    theme_colors,
)


def run_validate(*args: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    return subprocess.run(
        [sys.executable, "-m", "gzexplorer", "validate", *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=env,
        timeout=120,
    )


# The cases of the issue, on copies of the built-in pack: (change, the line's start,
# words the line must hold)
BUILTIN_CASES = {
    "figure-value-not-its-quote": (
        replace_text("figures.csv", ",170000,", ",180000,"),
        "figures.csv:4: value: ",
        '180000 is not a number the quote "more than 170,000 registered users" states',
    ),
    "quote-not-in-passage": (
        replace_text(
            "figures.csv", "more than 170,000 registered users", "more than 170,000 active"
        ),
        "figures.csv:4: quote: ",
        '"more than 170,000 active" is not in passage so-industrial-cloud',
    ),
    "figure-cites-another-passage": (
        replace_text(
            "figures.csv", "launched in 2017.,so-industrial-cloud", "in 2017.,ou-poverty-eradicated"
        ),
        "figures.csv:4: quote: ",
        "is not in passage ou-poverty-eradicated",
    ),
    "observation-differs-from-table": (
        replace_text("observations.csv", "gdp_growth,2012,13.6", "gdp_growth,2012,13.7"),
        "observations.csv:2: value: ",
        '13.7 is not the number of the printed cell "13.6"',
    ),
    "milestone-year-not-in-passage": (
        replace_text("milestones.csv", "industrial_cloud_2017,2017", "industrial_cloud_2017,2018"),
        "milestones.csv:5: year: ",
        "2018 is not in passage so-industrial-cloud",
    ),
    "passage-reworded": (
        replace_text("excerpts.csv", "promoted cloud services usage", "promoted the use of cloud"),
        "excerpts.csv:20: text: ",
        "passage so-industrial-cloud is not in the document (guizhou-case-study.txt)",
    ),
    "value-declared-integer": (
        set_field("figures", "value", type="integer"),
        "figures.csv:3: value: ",
        'expected a whole number, got "4.93"',
    ),
    "field-renamed-in-schema": (
        set_field("figures", "note", name="notes"),
        'datapackage.json: resource "figures": ',
        'the schema declares no field "note"',
    ),
    "maximum-the-data-break": (
        set_field("figures", "value", constraints={"required": True, "maximum": 1000}),
        "figures.csv:4: value: ",
        '"170000" is above the maximum 1000',
    ),
    "nul-in-a-header": (
        replace_bytes("themes.csv", b"id,name", b"id,na\0\0me"),
        "themes.csv:1: ",
        "control character U+0000",
    ),
    "table-cell-reads-n/a": (
        replace_text("excerpts.csv", "2012\t13.6", "2012\tN/A"),
        "observations.csv:2: source_text: ",
        '"13.6" is not in passage table-2',
    ),
    "table-cell-reads-inf": (
        replace_text("excerpts.csv", "2012\t13.6", "2012\tinf"),
        "observations.csv:2: source_text: ",
        '"13.6" is not in passage table-2',
    ),
}


# The same rules on the invented Testland pack, including the cases the built-in
# pack cannot show.
TESTLAND_CASES = {
    "decline-without-decline-words": (
        replace_text(
            "figures.csv", "old_towns,Protected old towns,40,", "old_towns,Protected old towns,-40,"
        ),
        "figures.csv:2: value: ",
        '-40 is not a number the quote "more than 40 old towns" states',
    ),
    "reported-without-printed-cell": (
        replace_text("observations.csv", "2012,1.5,reported,,1.5,", "2012,1.5,reported,,,"),
        "observations.csv:2: source_text: ",
        "the printed cell is needed",
    ),
    "dash-with-a-value": (
        replace_text("observations.csv", "2014,0,reported,,0,", "2014,0,reported,,-,"),
        "observations.csv:4: value: ",
        'the printed cell "-" is not a number; its status is reported',
    ),
    "passages-out-of-order": (
        replace_text("excerpts.csv", "tl-intro,1,", "tl-intro,9,"),
        "excerpts.csv:2: text: ",
        "not in reading order",
    ),
    "year-203": (
        replace_text("milestones.csv", "museum_2014,2014,", "museum_2014,203,"),
        "milestones.csv:2: year: ",
        "expected a year from 1000 to 2999, got 203",
    ),
    "year-20020": (
        replace_text("observations.csv", "widget_growth,2014,", "widget_growth,20020,"),
        "observations.csv:4: year: ",
        "got 20020",
    ),
    "year-minus-1997": (
        replace_text("observations.csv", "widget_growth,2014,", "widget_growth,-1997,"),
        "observations.csv:4: year: ",
        "got -1997",
    ),
    "boolean-yes": (
        replace_text("figures.csv", "true,more than", "yes,more than"),
        "figures.csv:2: headline: ",
        'expected true or false, got "yes"',
    ),
    "undeclared-column": (
        replace_text(
            "themes.csv", "id,name,description,order,icon", "id,name,description,order,icon,name_zh"
        ),
        "themes.csv:1: ",
        "column(s) not declared in the schema: name_zh",
    ),
    "short-record": (
        replace_text("themes.csv", 'a made-up province.",1,', 'a made-up province.",1'),
        "themes.csv:2: ",
        "expected 5 cells like the header, got 4",
    ),
    "nul-in-a-cell": (
        replace_text("themes.csv", "Industry", "Indu\0stry"),
        "themes.csv:2: name: ",
        "control character U+0000",
    ),
}


CASES = [(BUILTIN, case, *BUILTIN_CASES[case]) for case in BUILTIN_CASES] + [
    (MINIMAL, case, *TESTLAND_CASES[case]) for case in TESTLAND_CASES
]


@pytest.mark.parametrize(
    ("source", "case", "change", "start", "says"), CASES, ids=[f"{c[0].name}-{c[1]}" for c in CASES]
)
def test_a_number_without_its_source_is_refused(source, case, change, start, says, tmp_path):
    pack = copy_pack(tmp_path, source)
    change(pack)

    result = run_validate(str(pack))

    assert result.returncode == 1, result.stdout + result.stderr
    assert "Traceback" not in result.stderr
    lines = result.stderr.splitlines()
    assert any(line.startswith(start) and says in line for line in lines), result.stderr


# -- packs that stay valid ---------------------------------------------------------------


@pytest.mark.parametrize("source", [BUILTIN, MINIMAL], ids=["builtin", "testland"])
@pytest.mark.parametrize(
    "change", [None, line_endings(b"\r\n"), tab_delimited], ids=["as-is", "crlf", "tabs"]
)
def test_valid_packs_stay_valid(source, change, tmp_path):
    pack = copy_pack(tmp_path, source)
    if change is not None:
        change(pack)

    result = run_validate("--strict", str(pack))

    assert result.returncode == 0, result.stderr
    assert "valid data pack" in result.stdout


def test_the_first_stage_reads_a_tab_delimited_pack_and_translated_names(tmp_path):
    from gzexplorer.model.preview import preview

    pack = copy_pack(tmp_path, BUILTIN)
    tab_delimited(pack)

    shell = preview(pack)
    full = model.load(pack)

    assert shell is not None and not shell.complete and full.complete
    assert [t.id for t in shell.themes()] == [t.id for t in full.themes()]
    assert [t.text("name", "zh_CN") for t in shell.themes()] == ["经济", "治理", "生态", "文化"]
    assert [e.themes for e in shell.excerpts()] == [e.themes for e in full.excerpts()]
    assert shell.milestones() == full.milestones()  # the Overview's timeline before pandas
    assert [m.text("title", "zh_CN") for m in shell.milestones()] == [
        m.text("title", "zh_CN") for m in full.milestones()
    ]


def test_declared_bounds_allow_other_years(tmp_path):
    pack = copy_pack(tmp_path, MINIMAL)
    replace_text("milestones.csv", "museum_2014,2014,", "museum_2014,203,")(pack)
    replace_text("excerpts.csv", "In 2014 Testland", "In 203 Testland")(pack)
    replace_text("testland.txt", "In 2014 Testland", "In 203 Testland")(pack)
    set_field("milestones", "year", constraints={"required": True, "minimum": 1})(pack)

    assert model.load(pack).milestones()[0].year == 203


def test_booleans_follow_the_schema_words(tmp_path):
    pack = copy_pack(tmp_path, MINIMAL)
    replace_text("figures.csv", "true,more than", "yes,more than")(pack)
    replace_text("figures.csv", "false,about", "no,about")(pack)
    set_field("figures", "headline", trueValues=["yes"], falseValues=["no"])(pack)

    assert [f.headline for f in model.load(pack).figures()] == [True, False]


# -- warnings -----------------------------------------------------------------------------


WARNING_CASES = {
    "indicator-without-observations": (
        replace_text(
            "indicators.csv",
            "Testland Bureau of Made-up Statistics,tl-table\n",
            "Testland Bureau of Made-up Statistics,tl-table\nspare,Spare,%,industry,,,tl-table\n",
        ),
        'indicators.csv:3: id: indicator "spare" has no observations',
    ),
    "figure-without-themes": (
        replace_text("figures.csv", "12,%,about,,heritage;industry,", "12,%,about,,,"),
        'figures.csv:3: themes: figure "seaside_share" belongs to no theme',
    ),
    "same-theme-order": (
        replace_text("themes.csv", 'province.",2,', 'province.",1,'),
        'themes.csv:3: order: theme "heritage" has the same order (1) as "industry"',
    ),
    "unknown-icon": (
        replace_text("themes.csv", 'province.",2,', 'province.",2,fishing'),
        'themes.csv:3: icon: unknown icon "fishing"',
    ),
    "qualitative-without-note": (
        replace_text(
            "observations.csv",
            'widget_growth,2013,,not_reported,"""-"" in the table",-,',
            "widget_growth,2013,,qualitative,,-,",
        ),
        "observations.csv:3: note: a qualitative observation without a note",
    ),
    "group-mixed-units": (
        lambda pack: (
            replace_text(
                "figures.csv",
                "towns,more_than,2014,heritage,,",
                "towns,more_than,2014,heritage,Towns,",
            )(pack),
            replace_text(
                "figures.csv", "%,about,,heritage;industry,,", "%,about,,heritage;industry,Towns,"
            )(pack),
        ),
        'figures.csv:2: group: the figures of group "Towns" do not share a unit (towns, %): '
        "the group is drawn as one bar chart per unit",
    ),
    "indistinct-color": (
        theme_colors("#0072B2", "#1F7FB8"),
        'themes.csv:3: color: theme "heritage": colour #1F7FB8 is too close to #0072B2 of '
        'theme "industry" (CIEDE2000 5.0 on the light background, under 15); '
        "it is drawn in #D55E00",
    ),
    "unreadable-color": (
        theme_colors("", "blue"),
        'themes.csv:3: color: theme "heritage": "blue" is not a colour written #RRGGBB; '
        "it is drawn in #D55E00",
    ),
}


@pytest.mark.parametrize("case", list(WARNING_CASES))
def test_warnings_are_printed_and_fail_strict(case, tmp_path):
    change, line = WARNING_CASES[case]
    pack = copy_pack(tmp_path, MINIMAL)
    change(pack)

    plain = run_validate(str(pack))
    strict = run_validate("--strict", str(pack))

    assert plain.returncode == 0, plain.stderr
    assert "valid data pack" in plain.stdout
    assert any(said.startswith(f"warning: {line}") for said in plain.stderr.splitlines()), (
        plain.stderr
    )
    assert strict.returncode == 1
    assert strict.stdout == ""


def test_json_report_lists_every_problem_with_its_place(tmp_path):
    pack = copy_pack(tmp_path, MINIMAL)
    replace_text(
        "figures.csv", "old_towns,Protected old towns,40,", "old_towns,Protected old towns,41,"
    )(pack)
    replace_text("themes.csv", 'province.",2,', 'province.",2,fishing')(pack)

    result = run_validate("--json", str(pack))

    assert result.returncode == 1
    report = json.loads(result.stdout)
    assert report["valid"] is False
    assert report["counts"] == {"errors": 1, "warnings": 1}
    assert report["problems"] == [
        {
            "file": "figures.csv",
            "row": 2,
            "field": "value",
            "code": "value-not-in-quote",
            "severity": "error",
            "message": '41 is not a number the quote "more than 40 old towns" states',
        },
        {
            "file": "themes.csv",
            "row": 3,
            "field": "icon",
            "code": "unknown-icon",
            "severity": "warning",
            "message": 'unknown icon "fishing"; the icons are economy, governance, ecology, '
            "culture (or leave it empty)",
        },
    ]


def test_json_report_of_a_valid_pack():
    result = run_validate("--json", str(MINIMAL))

    assert result.returncode == 0
    report = json.loads(result.stdout)
    assert report["valid"] is True
    assert report["summary"].startswith("2 themes, 1 indicator")
    assert report["problems"] == []


# -- reading numbers from text ------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("more than 170,000 registered users", 170000),
        ("In 2015, 4.93 million people in Guizhou", 4.93),
        ("In 2015, 4.93 million people in Guizhou", 4_930_000),
        ("ranked first in China for seven consecutive years", 7),
        ("the nine most impoverished counties", 9),
        ("a 46% decline in site requirements", -46),
        ("twenty-five villages", 25),
        ("a budget of 2.5bn yuan", 2_500_000_000),
        ("35.2% of the province's GDP.", 35.2),
    ],
)
def test_a_quote_states_its_number(text, value):
    assert states(text, value)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("more than 170,000 registered users", 17),
        ("a 46% rise in output", -46),
        ("a budget of 2.5bn yuan", 2),
        ("14,178 main production equipment", 14),
        ("growth of 1.5x", 1),
    ],
)
def test_a_quote_does_not_state_part_of_a_number(text, value):
    assert not states(text, value), numbers_in(text)
