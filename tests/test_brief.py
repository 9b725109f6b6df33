"""The PDF brief (`gzexplorer export --format pdf`, File › Export brief (PDF)…): what a
reader finds in the PDF — its text extracted with pypdf, its page sizes, its fonts, its
charts drawn as vector graphics — and what a bad target gets."""

from __future__ import annotations

import errno
import os
import re
import subprocess
import sys
import unicodedata
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QMessageBox

from gzexplorer import charts, files, model, paths
from gzexplorer.brief import make_brief, views_of
from gzexplorer.charts import OVERVIEW
from gzexplorer.charts.context import ENGLISH
from gzexplorer.files import WriteError
from gzexplorer.model.cited_numbers import cited_numbers
from gzexplorer.render.brief import Block, export_brief, paginate
from gzexplorer.render.export import ExportError
from gzexplorer.ui.brief_dialog import BriefDialog
from gzexplorer.ui.i18n import has_font_for
from gzexplorer.ui.settings import Settings
from packtools import PACKS

BUILTIN = model.load(paths.builtin_pack())
BUSY = model.load(PACKS / "busy")
POINTS = {"a4": (595, 842), "letter": (612, 792)}  # PDF points, portrait

HEADLESS = {
    k: v
    for k, v in os.environ.items()
    if k not in ("QT_QPA_PLATFORM", "DISPLAY", "WAYLAND_DISPLAY")
}


def gzexplorer(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "gzexplorer", *args],
        cwd=cwd,
        env=HEADLESS,
        capture_output=True,
        text=True,
        timeout=600,  # a hang guard only
    )


def words(text: str) -> str:
    """Whitespace as one space: a line break in the PDF is a space in the quote (none
    after a hyphen, where a line may break: "oasis-wide")."""
    return re.sub(r"-\s+", "-", re.sub(r"\s+", " ", text)).strip()


def letters(text: str) -> str:
    """The words in compatibility form (Arabic letters are drawn in their joined forms),
    without symbols such as emoji: those are drawn from a colour font, as small
    pictures, and no text extractor reads them back."""
    text = unicodedata.normalize("NFKC", text)
    return words("".join(c for c in text if unicodedata.category(c) != "So"))


def found(wanted: str, text: str) -> bool:
    """Whether ``wanted`` is in the extracted ``text``; right-to-left words are stored
    in the order they are drawn, which pypdf gives back as it is."""
    wanted = letters(wanted)
    rtl = any(unicodedata.bidirectional(c) in ("R", "AL") for c in wanted)
    return wanted in text or (rtl and wanted[::-1] in text)


def page_texts(path: Path) -> list[str]:
    return [page.extract_text() or "" for page in PdfReader(path).pages]


def listing(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


def check_brief(path: Path, dataset: model.Dataset, view_ids: list[str], page: str) -> None:
    """Every figure quote and chart title of the views is in the text; pages are numbered
    1..N; every page has the size asked for; no chart is a picture."""
    reader = PdfReader(path)
    texts = page_texts(path)
    text = letters(" ".join(texts))
    assert found(dataset.info.title, text)
    for view in view_ids:
        for spec in charts.charts_for(dataset, view):
            assert found(spec.title, text), spec.title
        for figure in charts.figures_for(dataset, view):
            assert found(figure.quote, text), figure.quote
    count = len(texts)
    for number, page_text in enumerate(texts, start=1):
        assert f"Page {number} of {count}" in words(page_text)
    for p in reader.pages:
        assert (round(float(p.mediabox.width)), round(float(p.mediabox.height))) == POINTS[page]
        xobjects = p["/Resources"].get("/XObject") if "/Resources" in p else None
        images = [o.get_object() for o in (xobjects.get_object().values() if xobjects else ())]
        big = [
            (o["/Width"], o["/Height"])
            for o in images
            if o.get("/Subtype") == "/Image" and o["/Width"] * o["/Height"] > 48 * 48
        ]
        assert big == [], "a chart was drawn as a picture"


# -- content ----------------------------------------------------------------------------


def test_views_are_the_theme_or_every_one_with_the_overview_when_it_has_charts():
    assert views_of(BUILTIN, "economy") == ["economy"]
    assert views_of(BUILTIN, None) == [OVERVIEW, *(t.id for t in BUILTIN.themes())]
    with pytest.raises(KeyError):
        views_of(BUILTIN, "nope")


def test_a_sections_passages_are_those_its_numbers_cite_with_the_figures_quotes_marked():
    (section,) = make_brief(BUILTIN, "economy").sections
    cited = {e for f in BUILTIN.figures("economy") for e in f.excerpt_ids}
    shown = {p.id for p in section.passages}
    assert cited <= shown
    for f in BUILTIN.figures("economy"):
        passage = next(p for p in section.passages if p.id == f.excerpt_ids[0])
        quote = re.search(r"\s+".join(map(re.escape, f.quote.split())), passage.text)
        # some of the quote's words (its number) are marked
        assert any(a < quote.end() and b > quote.start() for a, b in passage.marks), f.quote


# -- the PDF ----------------------------------------------------------------------------


@pytest.mark.slow
def test_brief_of_every_theme_of_the_builtin_pack(qapp, tmp_path):
    out = export_brief(BUILTIN, tmp_path / "brief.pdf")
    check_brief(out, BUILTIN, views_of(BUILTIN, None), "a4")
    text = words(" ".join(page_texts(out)))
    for theme in BUILTIN.themes():
        assert theme.name in text
    for source in BUILTIN.info.sources:
        assert words(source) in text
    assert listing(tmp_path) == ["brief.pdf"]


def test_brief_of_one_theme_of_an_invented_pack_on_letter_paper(qapp, tmp_path):
    out = export_brief(BUSY, tmp_path / "ports.pdf", "ports", page="letter")
    check_brief(out, BUSY, ["ports"], "letter")
    texts = page_texts(out)
    assert len(texts) > 1
    # a running header (pack title · theme) on every page but the first
    assert "Ports and harbours" not in texts[0].splitlines()[0]
    headers = [f"{BUSY.info.title} · {name}" for name in ("Ports and harbours", "Sources")]
    for page_text in texts[1:]:
        assert words(page_text).startswith(tuple(headers)), page_text[:200]
    assert words(texts[1]).startswith(headers[0])


def test_the_numbers_a_passage_is_cited_for_are_in_bold(qapp, tmp_path):
    out = export_brief(BUILTIN, tmp_path / "economy.pdf", "economy")
    bold: list[str] = []

    def visit(text, _cm, _tm, font, _size):
        if font is not None and "Bold" in str(font.get("/BaseFont", "")):
            bold.append(text)

    for page in PdfReader(out).pages:
        page.extract_text(visitor_text=visit)
    in_bold = words(" ".join(bold))
    (section,) = make_brief(BUILTIN, "economy").sections
    cited = [n.text for p in section.passages for n in cited_numbers(BUILTIN, p.id)]
    assert len(cited) >= len(BUILTIN.figures("economy"))
    for number in cited:
        assert words(number) in in_bold, number
    assert "ranked among the lowest" not in in_bold  # the words around them are not


def test_a_theme_without_numbers_says_so(qapp, tmp_path):
    out = export_brief(BUILTIN, tmp_path / "culture.pdf", "culture")
    assert "Page 1 of" in words(page_texts(out)[0])


# -- Chinese ---------------------------------------------------------------------------


def test_chinese_brief_has_chinese_names_in_an_embedded_cjk_font(qapp, tmp_path):
    if not has_font_for("zh_CN"):
        pytest.skip("no CJK font installed")
    done = gzexplorer(
        "export",
        "--format",
        "pdf",
        "--theme",
        "culture",
        "--out",
        "zh.pdf",
        "--language",
        "zh_CN",
        cwd=tmp_path,
    )
    assert done.returncode == 0, done.stderr
    text = words(" ".join(page_texts(tmp_path / "zh.pdf")))
    assert BUILTIN.theme("culture").text("name", "zh_CN") in text  # 文化
    fonts = set()
    for page in PdfReader(tmp_path / "zh.pdf").pages:
        for font in page["/Resources"]["/Font"].values():
            fonts.add(str(font.get_object()["/BaseFont"]))
    assert any(re.search(r"WenQuanYi|Noto.*CJK|SourceHan|DroidSansFallback", f) for f in fonts)


# -- the command line and bad targets ---------------------------------------------------


def test_command_line_writes_the_brief_and_prints_its_path(tmp_path):
    done = gzexplorer(
        "export",
        "--all",
        "--out",
        "all.pdf",
        "--page",
        "letter",
        "--data",
        str(PACKS / "minimal"),
        cwd=tmp_path,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == str(Path("all.pdf"))
    minimal = model.load(PACKS / "minimal")
    check_brief(tmp_path / "all.pdf", minimal, views_of(minimal, None), "letter")


@pytest.mark.slow
def test_brief_of_every_theme_of_the_edge_pack(qapp, tmp_path):
    """Arabic titles, emoji, long words, figures without a year."""
    edge = model.load(PACKS / "edge")
    out = export_brief(edge, tmp_path / "edge.pdf")
    check_brief(out, edge, views_of(edge, None), "a4")


@pytest.mark.parametrize(
    ("target", "reason"),
    [("missing/brief.pdf", "does not exist"), ("/dev/full/brief.pdf", "not a folder")],
    ids=["missing folder", "file used as a folder"],
)
def test_command_line_bad_target_is_one_line_and_writes_nothing(tmp_path, target, reason):
    done = gzexplorer(
        "export", "--theme", "economy", "--format", "pdf", "--out", target, cwd=tmp_path
    )
    assert done.returncode == 2
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and reason in lines[0] and "brief.pdf" in lines[0]
    assert "Traceback" not in done.stderr
    assert listing(tmp_path) == []


def test_command_line_unknown_theme_is_one_line(tmp_path):
    done = gzexplorer("export", "--theme", "nope", "--out", "x.pdf", cwd=tmp_path)
    assert done.returncode == 2
    assert done.stderr.strip().splitlines() == [
        "gzexplorer: unknown theme 'nope'; choose one of overview, economy, governance, "
        "ecology, culture"
    ]
    assert listing(tmp_path) == []


def test_full_disk_leaves_no_partial_file_and_keeps_the_old_one(qapp, tmp_path, monkeypatch):
    target = tmp_path / "brief.pdf"
    target.write_bytes(b"old brief")

    def disk_full(*args, **kwargs):
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(files.os, "fsync", disk_full)
    with pytest.raises(WriteError) as info:
        export_brief(BUILTIN, target, "culture")
    assert str(info.value) == f"{target}: could not write: the disk is full"
    assert target.read_bytes() == b"old brief"
    assert listing(tmp_path) == ["brief.pdf"]


@pytest.mark.skipif(os.geteuid() == 0, reason="root ignores folder permissions")
def test_read_only_folder_is_refused(qapp, tmp_path):
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0o500)
    try:
        with pytest.raises(WriteError, match="no permission"):
            export_brief(BUILTIN, locked / "brief.pdf", "culture")
        assert listing(locked) == []
    finally:
        locked.chmod(0o700)


def test_unknown_page_size_is_refused(qapp, tmp_path):
    with pytest.raises(ExportError, match="a4 or letter"):
        export_brief(BUILTIN, tmp_path / "b.pdf", "culture", page="a3")
    assert listing(tmp_path) == []


# -- the window -------------------------------------------------------------------------


def settings_in(folder: Path) -> Settings:
    return Settings(QSettings(str(folder / "settings.ini"), QSettings.Format.IniFormat))


def test_window_menu_writes_the_brief_and_says_so_in_the_status_bar(window, qtbot, tmp_path):
    window.show_view("governance")
    window.actions.export_brief.trigger()
    dialog = window.findChild(BriefDialog, "briefDialog")
    qtbot.waitUntil(dialog.isVisible)
    assert "Governance" in dialog.this_theme.text()
    dialog.page.setCurrentIndex(dialog.page.findData("letter"))
    target = tmp_path / "governance.pdf"
    dialog.target.edit.setText(str(target))

    dialog.accept()

    assert not dialog.isVisible()
    check_brief(target, BUILTIN, ["governance"], "letter")
    assert "Economy" not in words(" ".join(page_texts(target)))  # this theme only
    live = window.status.live  # the status bar's live status: shown and said
    assert live.isVisible() and live.toolTip() == f"Brief written: {target}"
    assert window.statusBar().currentMessage() == ""  # no "Writing the brief…" left


def test_window_dialog_reports_a_failed_write_and_stays_open(qtbot, tmp_path, monkeypatch):
    shown: list[tuple[str, str]] = []

    def critical(parent, title, text, *args, **kwargs):
        shown.append((title, text))
        return QMessageBox.StandardButton.Ok

    monkeypatch.setattr(QMessageBox, "critical", critical)
    dialog = BriefDialog(BUILTIN, "culture", "Culture", ENGLISH, settings_in(tmp_path))
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.all_themes.setChecked(True)
    target = tmp_path / "missing" / "all.pdf"
    dialog.target.edit.setText(str(target))

    dialog.accept()

    assert len(shown) == 1
    title, text = shown[0]
    assert title == "Brief not written"
    assert str(target) in text and "does not exist" in text
    assert dialog.isVisible() and dialog.written is None
    assert listing(tmp_path) == ["settings.ini"] or listing(tmp_path) == []


# -- pages ------------------------------------------------------------------------------


class FakeBlock(Block):
    """A block of ``height`` that may break at ``cuts`` (kept whole without)."""

    def __init__(self, height: float, cuts: tuple[float, ...] = (), heading: bool = False):
        self.height = height
        self.cuts = list(cuts)
        self.keep = not cuts
        self.keep_with_next = heading

    def breaks(self) -> list[float]:
        return self.cuts


def test_pages_keep_charts_whole_break_text_between_lines_and_headings_with_what_follows():
    lines = tuple(float(y) for y in range(20, 400, 20))  # a text of 20 lines of 20
    chart, text, heading, chart2 = (
        FakeBlock(300),
        FakeBlock(400, lines),
        FakeBlock(30, heading=True),
        FakeBlock(300),
    )
    pages = paginate([chart, text, heading, chart2], first=500, room=500)

    placed = [[(p.block, p.top, p.bottom) for p in page] for page in pages]
    assert placed[0] == [(chart, 0, 300), (text, 0, 200)]  # the text's first 10 lines
    assert placed[1] == [(text, 200, 400)]
    assert placed[2] == [(heading, 0, 30), (chart2, 0, 300)]  # a heading goes with its chart
    for page in pages:
        assert page[-1].y + page[-1].bottom - page[-1].top <= 500
    # a chart taller than what is left of a page starts the next one
    pages = paginate([FakeBlock(440), FakeBlock(100)], 500, 500)
    assert [len(page) for page in pages] == [1, 1]
