"""`gzexplorer draft` from each input format: plain text, Markdown, HTML and PDF; their
passages and tables (aligned text, pipe, <table>, a PDF's columns) with missing and
qualitative cells."""

from __future__ import annotations

import shutil

import pytest

from drafttools import DOCUMENTS, draft_text, make_pdf, rows, run
from gzexplorer.model.loader import validate

TABLE_TEXT = """Riverton online

Riverton is an invented town. In 2016 the council opened a service hall.

Table 1: Households with broadband, %
YEAR    SHARE, %
2015    41.5
2016    -
2017    58.2
2018    (ranking 1 st in the county)
Source: Riverton Statistics Office
"""


def cells(pack):
    return {
        (o["year"], o["status"], o["value"], o["source_text"], o["note"])
        for o in rows(pack, "observations")
    }


def test_plain_text_table_with_missing_and_qualitative_cells(tmp_path, capsys):
    pack = draft_text(tmp_path, capsys, TABLE_TEXT)
    [ind] = rows(pack, "indicators")
    assert (ind["name"], ind["unit"], ind["source"]) == (
        "Households with broadband",
        "%",
        "Riverton Statistics Office",
    )
    assert cells(pack) == {
        ("2015", "reported", "41.5", "41.5", ""),
        ("2016", "not_reported", "", "-", '"-" in Table 1'),
        ("2017", "reported", "58.2", "58.2", ""),
        ("2018", "qualitative", "", "(ranking 1 st in the county)", "ranking 1st in the county"),
    }
    assert all(r["review"] == "draft" for r in rows(pack, "observations"))
    kinds = [(e["kind"], e["text"][:20]) for e in rows(pack, "excerpts")]
    assert kinds[0] == ("title", "Riverton online")
    assert ("table", "Table 1: Households ") in kinds
    assert not validate(pack).errors


def test_markdown(tmp_path, capsys):
    pack = draft_text(tmp_path, capsys, (DOCUMENTS / "marrowby-clinics.md").read_text(), "m.md")
    excerpts = rows(pack, "excerpts")
    kinds = {e["kind"] for e in excerpts}
    assert kinds == {"title", "paragraph", "quote", "caption", "table"}
    assert "**" not in "".join(e["text"] for e in excerpts)  # markup removed
    assert {e["section"] for e in excerpts} >= {"The problem", "What was done", "Results"}
    quote = next(e for e in excerpts if e["kind"] == "quote" and "18 colleagues" in e["text"])
    assert quote["text"].startswith('"We now see twice')
    names = {i["name"]: i["unit"] for i in rows(pack, "indicators")}
    assert names == {"Video consultations": "thousand", "Clinics online": "%"}
    assert ("2018", "not_reported", "", "-") in {c[:4] for c in cells(pack)}
    assert ("2020", "qualitative", "", "(all townships)") in {c[:4] for c in cells(pack)}
    doc = (pack / "m.txt").read_text()
    assert "code block" not in doc and "|------" not in doc
    assert not validate(pack).errors


def test_html(tmp_path, capsys):
    shutil.copy(DOCUMENTS / "kestrel-bay-wind.html", tmp_path / "k.html")
    pack = tmp_path / "pack"
    code, out, err = run(capsys, "draft", tmp_path / "k.html", "--out", pack)
    assert code == 0, err
    excerpts = rows(pack, "excerpts")
    text = "\n".join(e["text"] for e in excerpts)
    assert "123456" not in text and "Home" not in text  # script and nav left out
    caption = next(e for e in excerpts if e["kind"] == "caption" and "turbines" in e["text"])
    assert caption["text"].endswith("Photo: Kestrel Bay Council")
    quote = next(e for e in excerpts if e["kind"] == "quote")
    assert quote["text"] == (
        "Our fishing fleet now charges its boats at the quay.\nFuel bills fell by 35% in two years."
    )
    descriptor = (pack / "datapackage.json").read_text()
    assert '"title": "Kestrel Bay: A Harbour Town Switches to Wind"' in descriptor
    outages = {c[:3] for c in cells(pack) if c[3] in ("", "-") or c[0] in ("2017", "2019")}
    assert ("2018", "not_reported", "") in outages and ("2020", "not_reported", "") in outages
    assert not validate(pack).errors


@pytest.mark.slow
def test_pdf_of_the_built_in_document(qapp, tmp_path, capsys):
    text = (DOCUMENTS.parent.parent / "data" / "guizhou-case-study.txt").read_text()
    pdf = make_pdf(text, tmp_path / "guizhou.pdf")
    pack = tmp_path / "pack"
    code, out, err = run(capsys, "draft", pdf, "--out", pack)
    assert code == 0, err
    names = [i["name"] for i in rows(pack, "indicators")]
    assert names == ["GDP growth rate", "Growth rate of the digital economy", "Poverty rates"]
    obs = rows(pack, "observations")
    assert len(obs) == 30
    missing = [(o["year"], o["source_text"]) for o in obs if o["status"] == "not_reported"]
    assert sorted(missing) == [("2012", "-"), ("2013", "-"), ("2014", "-"), ("2021", "-")]
    figures = rows(pack, "figures")
    assert any(f["quote"] == "more than 170,000 registered users" for f in figures)
    assert (pack / "guizhou.txt").exists()
    report = validate(pack)
    assert not report.errors and not report.warnings


def test_a_pdf_table_and_page_numbers(qapp, tmp_path, capsys):
    pdf = make_pdf(TABLE_TEXT, tmp_path / "r.pdf")
    code, _out, err = run(capsys, "draft", pdf, "--out", tmp_path / "pack")
    assert code == 0, err
    pack = tmp_path / "pack"
    assert [(o["year"], o["status"]) for o in rows(pack, "observations")] == [
        ("2015", "reported"),
        ("2016", "not_reported"),
        ("2017", "reported"),
        ("2018", "qualitative"),
    ]
    # the page number Qt prints under the page is not a passage nor a figure
    assert all(e["text"].strip() != "1" for e in rows(pack, "excerpts"))
    assert not validate(pack).errors
