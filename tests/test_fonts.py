"""Text is drawn in whatever installed font has its glyphs, italic and bold included:
never an empty box where the machine has a font for the character.

The machine's fonts decide what can be shown; .ci/run installs the ones these tests
rely on: DejaVu Sans with its italic (Oblique) faces, which have no Arabic letters while
the upright faces do (the reported bug: an Arabic caption, drawn italic, showed boxes),
and an emoji font. A test whose script no installed font covers is skipped.
"""

from __future__ import annotations

import csv
import importlib.util
import shutil
import subprocess
from pathlib import Path

import pytest
from PySide6.QtCore import QRect
from PySide6.QtGui import QColor, QFont, QFontMetrics, QImage, QTextDocument
from PySide6.QtWidgets import QApplication, QStyleOptionViewItem

from gzexplorer import model
from gzexplorer.ui.delegates import ExcerptDelegate
from gzexplorer.ui.fonts import boxes, mend_styled_text
from packtools import make_pack

ROOT = Path(__file__).resolve().parents[1]

ARABIC = "مدينة المتاحف القديمة على البحر"  # "the town of old museums by the sea"
EMOJI = "Museums 🏛 and the sea 🌊 make Testland 😀"
NO_FONT = "\U0010fffd"  # a private-use character: no font draws it, Qt shows a box
# the passages added to the minimal pack, in document order: (id, kind, text)
PASSAGES = [
    ("ar-paragraph", "paragraph", ARABIC),
    ("ar-caption", "caption", ARABIC),
    ("ar-quote", "quote", ARABIC),
    ("no-font", "caption", " ".join(NO_FONT * len(w) for w in ARABIC.split())),
    ("emoji-caption", "caption", EMOJI),
    ("emoji-paragraph", "paragraph", EMOJI),
]


def drawable(char: str) -> bool:
    """Whether some installed font has ``char`` (Qt's font merging looks through all)."""
    return QFontMetrics(QApplication.font()).inFontUcs4(ord(char))


def needs_fonts_for(text: str) -> None:
    missing = {c for c in text if not c.isspace() and not drawable(c)}
    if missing:
        pytest.skip(f"no installed font has {''.join(sorted(missing))!r}")


@pytest.fixture
def passages_window(make_window, tmp_path: Path):
    """A window at the Heritage theme of a pack with PASSAGES in it."""
    pack = make_pack(tmp_path)
    with (pack / "excerpts.csv").open("a", newline="", encoding="utf-8") as f:
        writer = csv.writer(f, lineterminator="\n")
        for order, (pid, kind, text) in enumerate(PASSAGES, start=10):
            writer.writerow([pid, order, "Heritage", kind, "heritage", text])
    with (pack / "testland.txt").open("a", encoding="utf-8") as f:
        f.writelines(f"\n{text}\n" for _, _, text in PASSAGES)
    window = make_window(model.load(pack), size=(1400, 900))
    window.show_view("heritage")
    QApplication.processEvents()
    return window


class Row:
    """A passage as the list shows it: its laid-out text and the pixels of that text."""

    def __init__(self, window, excerpt_id: str) -> None:
        panel = window.excerpts
        index = panel.model.index(panel.model.row_of(excerpt_id))
        option = QStyleOptionViewItem()
        panel.view.initViewItemOption(option)
        self.doc: QTextDocument = panel.delegate.document(option, index)
        panel.view.scrollTo(index)
        rect = panel.view.visualRect(index)
        image = panel.view.viewport().grab().toImage()
        # the passage's text, under its header line (section · kind · themes)
        body = self.doc.documentLayout().blockBoundingRect(self.doc.lastBlock()).toRect()
        body.translate(
            rect.left() + ExcerptDelegate.PAD + ExcerptDelegate.ACCENT_W + 2,
            rect.top() + ExcerptDelegate.PAD,
        )
        self.text: QImage = image.copy(body & QRect(0, 0, image.width(), image.height()))

    def ink(self) -> int:
        """Pixels of text (dark on the light list)."""
        return sum(
            QColor(self.text.pixel(x, y)).lightness() < 128
            for y in range(self.text.height())
            for x in range(self.text.width())
        )

    def colours(self) -> int:
        """Pixels of strong colour (colour emoji; the text itself is black)."""
        return sum(
            QColor(self.text.pixel(x, y)).hsvSaturation() > 100
            for y in range(self.text.height())
            for x in range(self.text.width())
        )


def test_an_arabic_caption_drawn_italic_shows_the_letters_its_paragraph_shows(
    passages_window,
):
    needs_fonts_for(ARABIC)
    paragraph = Row(passages_window, "ar-paragraph")
    caption = Row(passages_window, "ar-caption")
    quote = Row(passages_window, "ar-quote")
    no_font = Row(passages_window, "no-font")
    # what a box looks like here: the reference passage is drawn all in boxes
    assert boxes(no_font.doc) == NO_FONT * len(ARABIC.replace(" ", ""))
    assert boxes(paragraph.doc) == ""
    assert boxes(caption.doc) == ""  # was the caption's every letter
    assert boxes(quote.doc) == ""
    # the italic passages have about the regular one's ink; boxes have much more here
    regular, shown = paragraph.ink(), caption.ink()
    assert abs(shown - regular) < 0.2 * regular, (shown, regular, no_font.ink())
    assert abs(quote.ink() - regular) < 0.2 * regular
    assert abs(no_font.ink() - regular) > 0.3 * regular  # the measure tells boxes apart


@pytest.mark.parametrize("excerpt_id", ["emoji-caption", "emoji-paragraph"])
def test_emoji_draw_from_the_emoji_font_upright_and_in_italic(passages_window, excerpt_id):
    needs_fonts_for("🏛🌊😀")
    row = Row(passages_window, excerpt_id)
    assert boxes(row.doc) == ""
    assert row.colours() > 30 * 3  # three colour emoji (a colour emoji font, as .ci/run's)


SCRIPTS = {
    "arabic": "النص العربي",
    "hebrew": "טקסט עברי",
    "greek": "Ελληνικό κείμενο",
    "cyrillic": "Русский текст",
    "chinese": "中文文本",
    "devanagari": "हिन्दी पाठ",
    "emoji": "🏛🌊😀",
    "symbols": "▲ ★ → ≥ ½",
}


@pytest.mark.parametrize("markup", ["<i>{}</i>", "<b>{}</b>", "<b><i>{}</i></b>"])
@pytest.mark.parametrize("script", SCRIPTS)
def test_italic_and_bold_text_never_shows_a_box_where_a_font_has_the_glyph(qapp, markup, script):
    """For each script, styled text is drawn from some face of a font that has it: the
    characters left as boxes are those that no installed font has at all."""
    text = SCRIPTS[script]
    doc = QTextDocument()
    doc.setDefaultFont(QFont(QApplication.font()))
    doc.setHtml(markup.format(text))
    mend_styled_text(doc)
    # (where no font has a script, Qt's stand-in draws the spaces between its words as
    # boxes too)
    assert [c for c in boxes(doc) if drawable(c) and not c.isspace()] == []


def test_the_deb_recommends_a_cjk_and_an_emoji_font_debian_has():
    spec = importlib.util.spec_from_file_location("deb", ROOT / "packaging" / "deb.py")
    deb = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(deb)
    fonts = deb.recommends(chinese=True)
    assert fonts == ["fonts-wqy-microhei | fonts-noto-cjk", "fonts-noto-color-emoji"]
    assert deb.recommends(chinese=False) == ["fonts-noto-color-emoji"]
    names = [name.strip() for alternatives in fonts for name in alternatives.split("|")]
    if not shutil.which("apt-cache") or not list(Path("/var/lib/apt/lists").glob("*Packages*")):
        return  # no package lists to look the names up in
    unknown = [
        name
        for name in names
        if subprocess.run(["apt-cache", "show", name], capture_output=True).returncode != 0
    ]
    assert unknown == []
