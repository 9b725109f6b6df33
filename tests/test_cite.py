"""Citing the document and a chart: what `gzexplorer cite` prints and the Cite dialog
shows, read back with real BibTeX, RIS and CSL-JSON parsers."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import bibtexparser
import pytest
import rispy
from bibtexparser import middlewares as bm
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from gzexplorer import cite, model, paths
from gzexplorer.export_all import chart_of

DATASET = model.load(paths.builtin_pack())
TITLE = "Leapfrogging with All-Round Digital Transformation in Guizhou"
PUBLISHER = "Development Research Center of the State Council"
AUTHORS = [("Jiang", "Xiheng"), ("Liu", "Changyu")]
# CSL 1.0.2: the item types and the variables a CSL-JSON item may carry
CSL_TYPES = {"report", "figure", "book", "article-journal", "webpage", "dataset"}
CSL_VARIABLES = {
    "id", "type", "title", "container-title", "author", "publisher", "issued", "URL",
    "DOI", "note", "version",
}  # fmt: skip


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "gzexplorer", "cite", *args],
        capture_output=True,
        text=True,
        timeout=120,
    )


def printed(*args: str) -> str:
    proc = run(*args)
    assert proc.returncode == 0, proc.stderr
    assert proc.stderr == ""
    return proc.stdout


def bibtex_entries(text: str):
    library = bibtexparser.parse_string(
        text,
        append_middleware=[
            bm.LatexDecodingMiddleware(),
            bm.SeparateCoAuthors(),
            bm.SplitNameParts(),
        ],
    )
    assert not library.failed_blocks, library.failed_blocks
    return library.entries


def names(entry) -> list[tuple[str, str]]:
    return [(" ".join(n.last), " ".join(n.first)) for n in entry["author"]]


def chart_passages(theme: str, number: int) -> set[str]:
    spec = chart_of(DATASET, theme, number)
    return {i for m in spec.marks() for i in m.ref.excerpt_ids}


def test_the_builtin_pack_gives_the_documents_reference():
    ref = cite.reference(DATASET.info)
    assert ref.title == TITLE
    assert [(p.family, p.given) for p in ref.authors] == AUTHORS
    assert ref.publisher == PUBLISHER
    assert ref.year is None  # the text gives no date of publication: none is invented
    assert ref.pack_version == "1.0.0"


def test_bibtex_of_the_document_parses_back():
    (entry,) = bibtex_entries(printed("--format", "bibtex"))
    assert entry.entry_type == "techreport"
    assert entry["title"] == TITLE
    assert entry["institution"] == PUBLISHER
    assert names(entry) == AUTHORS


def test_bibtex_of_a_chart_names_its_passages_and_the_pack_version():
    (entry,) = bibtex_entries(printed("--format", "bibtex", "--theme", "economy", "--chart", "1"))
    spec = chart_of(DATASET, "economy", 1)
    assert entry["title"] == spec.title
    assert TITLE in entry["howpublished"]
    assert entry["version"] == "1.0.0"
    for passage in chart_passages("economy", 1):
        assert passage in entry["note"]


def test_bibtex_escapes_what_latex_would_read():
    ref = cite.Reference(
        title="Costs & 50% of R_2 {big} $data #1", authors=(cite.Person("Ó Briain", "Dara"),)
    )
    (entry,) = bibtex_entries(cite.cite(ref, "bibtex"))
    assert entry["title"] == ref.title
    assert names(entry) == [("Ó Briain", "Dara")]


def test_ris_parses_back():
    (doc,) = rispy.loads(printed("--format", "ris"))
    assert doc["type_of_reference"] == "RPRT"
    assert doc["title"] == TITLE
    assert doc["publisher"] == PUBLISHER
    assert doc["authors"] == [f"{f}, {g}" for f, g in AUTHORS]
    (chart,) = rispy.loads(printed("--format", "ris", "--theme", "ecology"))
    assert chart["type_of_reference"] == "FIGURE"
    assert chart["title"] == chart_of(DATASET, "ecology", 1).title
    assert chart["secondary_title"] == TITLE
    assert "version 1.0.0" in chart["notes"][0]


def check_csl(item: dict) -> None:
    assert set(item) <= CSL_VARIABLES, set(item) - CSL_VARIABLES
    assert item["type"] in CSL_TYPES
    assert isinstance(item["id"], str) and item["id"]
    for person in item.get("author", []):
        assert set(person) <= {"family", "given", "literal"}
    if "issued" in item:
        assert all(isinstance(p, int) for p in item["issued"]["date-parts"][0])


def test_csl_json_of_the_document_and_of_a_chart():
    (doc,) = json.loads(printed("--format", "csl-json"))
    check_csl(doc)
    assert doc["type"] == "report"
    assert doc["title"] == TITLE
    assert doc["publisher"] == PUBLISHER
    assert [(a["family"], a["given"]) for a in doc["author"]] == AUTHORS
    (chart,) = json.loads(printed("--format", "csl-json", "--theme", "governance", "--chart", "1"))
    check_csl(chart)
    assert chart["type"] == "figure"
    assert chart["container-title"] == TITLE
    assert chart["version"] == "1.0.0"
    assert all(p in chart["note"] for p in chart_passages("governance", 1))


def test_apa_and_chicago_text():
    apa = printed("--format", "apa").strip()
    assert apa == f"Jiang, X., & Liu, C. (n.d.). {TITLE}. {PUBLISHER}."
    chicago = printed("--format", "chicago").strip()
    assert chicago == f"Jiang, Xiheng, and Changyu Liu. {TITLE}. {PUBLISHER}, n.d."
    assert printed().strip() == apa  # APA by default
    chart = printed("--theme", "economy", "--chart", "2").strip()
    assert chart.startswith("Jiang, X., & Liu, C. (n.d.). ")
    assert chart_of(DATASET, "economy", 2).title + " [Chart]" in chart
    assert "version 1.0.0" in chart


def test_a_pack_without_a_reference_is_cited_by_its_title(tmp_path: Path):
    pack = tmp_path / "pack"
    shutil.copytree(paths.builtin_pack(), pack)
    descriptor = json.loads((pack / "datapackage.json").read_text())
    del descriptor["gzexplorer"]["reference"]
    (pack / "datapackage.json").write_text(json.dumps(descriptor))
    (entry,) = bibtex_entries(printed("--format", "bibtex", "--data", str(pack)))
    assert entry["title"] == descriptor["title"]
    assert "author" not in entry
    assert printed("--data", str(pack)).startswith(descriptor["title"])


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (["--theme", "nowhere"], "unknown theme 'nowhere'"),
        (["--theme", "economy", "--chart", "99"], "has no chart 99"),
        (["--theme", "economy", "--chart", "0"], "has no chart 0"),
        (["--chart", "2"], "--chart needs --theme"),
        (["--format", "mla"], "invalid choice"),
    ],
)
def test_bad_requests_are_one_line(args, words):
    proc = run(*args)
    assert proc.returncode == 2
    assert proc.stdout == ""
    assert words in proc.stderr and len(proc.stderr.strip().splitlines()) == 1


def test_cite_needs_no_qt():
    code = (
        "import sys, runpy; sys.argv = ['gzexplorer', 'cite', '--theme', 'economy'];"
        "from gzexplorer.cli import main; main();"
        "assert not any(m.startswith('PySide6') for m in sys.modules), 'Qt imported'"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr


# -- the window -----------------------------------------------------------------------


def test_help_cite_shows_every_format_and_copies(window, qtbot):
    from gzexplorer.ui.cite_dialog import CiteDialog

    window.actions.cite.trigger()
    dialog = window.findChild(CiteDialog, "citeDialog")
    assert dialog is not None and dialog.isVisible()
    assert dialog.chart_box is None  # Help › Cite… cites the document
    box = dialog.document_box
    assert "Jiang, X., & Liu, C." in box.text.toPlainText()
    dialog.format.setCurrentIndex(cite.FORMATS.index("bibtex"))
    qtbot.mouseClick(box.copy_button, Qt.MouseButton.LeftButton)
    (entry,) = bibtex_entries(QApplication.clipboard().text())
    assert entry["title"] == TITLE
    dialog.format.setCurrentIndex(cite.FORMATS.index("apa"))
    box.copy()
    mime = QApplication.clipboard().mimeData()
    assert f"<i>{TITLE}</i>" in mime.html()
    assert mime.text().startswith("Jiang, X.")
    dialog.close()


def test_the_chart_cite_button_cites_the_chart_shown(window, qtbot):
    from gzexplorer.ui.cite_dialog import CiteDialog

    window.show_view("economy")
    panel = window.chart_panel
    qtbot.waitUntil(lambda: panel.current_spec() is not None)
    spec = panel.current_spec()
    assert panel.cite_button.isVisible()
    qtbot.mouseClick(panel.cite_button, Qt.MouseButton.LeftButton)
    dialog = window.findChild(CiteDialog, "citeDialog")
    assert dialog is not None and dialog.chart_box is not None
    dialog.format.setCurrentIndex(cite.FORMATS.index("ris"))
    dialog.chart_box.copy()
    (entry,) = rispy.loads(QApplication.clipboard().text())
    assert entry["title"] == spec.title
    assert entry["secondary_title"] == TITLE
    dialog.close()
