"""Glyphs for every character some installed font can draw, in italic and bold too.

Qt merges fonts: a character the chosen font lacks is drawn from a fallback family that
fontconfig names for its script. The fallback is asked for in the text's own style,
though, and a family's italic face may lack what its upright face has: with DejaVu
(Debian's default sans-serif) an italic Arabic word gets DejaVu Sans Oblique, which has
no Arabic letters (DejaVu Sans Book has them), and is drawn as empty boxes; so is bold
italic. :func:`mend_styled_text` finds such characters in a QTextDocument and gives
them the upright or regular-weight face that has them, by family and style name; Qt
then slants or emboldens that face itself, as it does for any font without an italic
or bold face of its own.

A character no installed font has (an emoji where there is no emoji font) stays as Qt
draws it; the README and the .deb recommend fonts for those (fonts-noto-color-emoji).
"""

from __future__ import annotations

import unicodedata

from PySide6.QtGui import (
    QFont,
    QFontMetrics,
    QRawFont,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextLayout,
)

# Characters that have no glyph of their own to look for (spaces, line breaks, joiners,
# variation selectors) or that must stay with the letter before them (combining marks,
# such as Arabic vowel signs): they go with their neighbour's face.
_FOLLOWERS = frozenset(("Mn", "Me", "Mc", "Cf", "Zs", "Zl", "Zp", "Cc"))

# (font key, character) -> (family, style name) of a face that draws it, or None
_faces: dict[tuple[str, str], tuple[str, str] | None] = {}


def _is_font(raw: QRawFont) -> bool:
    """Whether ``raw`` is a font file's face, not the stand-in Qt draws boxes with when
    no font at all has a script (it has no tables; asking its family crashes)."""
    return not raw.fontTable("cmap").isEmpty()


def _plain_variants(font: QFont) -> list[QFont]:
    """``font`` made less styled, the closest first: upright, then regular weight, then
    both (bold italic looks for a bold upright face before a regular italic one)."""
    variants = []
    if font.italic():
        upright = QFont(font)
        upright.setItalic(False)
        variants.append(upright)
    if font.weight() != QFont.Weight.Normal:
        regular = QFont(font)
        regular.setWeight(QFont.Weight.Normal)
        variants.append(regular)
        if font.italic():
            plain = QFont(regular)
            plain.setItalic(False)
            variants.append(plain)
    return variants


def _face(font: QFont, char: str) -> tuple[str, str] | None:
    """The family and style name of the face Qt draws ``char`` with in ``font`` (font
    merging included), or None when none of the installed fonts has it."""
    key = (font.key(), char)
    if key not in _faces:
        face = None
        if QFontMetrics(font).inFontUcs4(ord(char)):
            layout = QTextLayout(char, font)
            layout.beginLayout()
            layout.createLine()
            layout.endLayout()
            for run in layout.glyphRuns(0, len(char.encode("utf-16-le")) // 2):
                raw = run.rawFont()
                if 0 not in run.glyphIndexes() and _is_font(raw):
                    face = (raw.familyName(), raw.styleName())
                    break
        _faces[key] = face
    return _faces[key]


def _plainer_face(font: QFont, char: str) -> tuple[str, str] | None:
    """The face of the closest less styled variant of ``font`` that draws ``char``."""
    for variant in _plain_variants(font):
        face = _face(variant, char)
        if face is not None:
            return face
    return None


def mend_styled_text(doc: QTextDocument) -> int:
    """Give each character of ``doc``'s italic or bold text that its styled face cannot
    draw (it would show as a box) the face that draws it upright or at regular weight,
    keeping the style: Qt slants or emboldens that face. Returns the number of runs of
    characters mended."""
    default = doc.defaultFont()
    mends: list[list] = []  # [start, end, face]: positions in UTF-16 code units
    block = doc.begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            fragment = it.fragment()
            it += 1
            text = fragment.text()
            if text.isascii():  # every text face has ASCII
                continue
            font = fragment.charFormat().font().resolve(default)
            if not font.italic() and font.weight() == QFont.Weight.Normal:
                continue  # nothing plainer to fall back to
            metrics = QFontMetrics(font)  # its fallbacks included
            pos = fragment.position()
            open_run: list | None = None  # [start, end, face] being extended
            for char in text:
                width = 2 if ord(char) > 0xFFFF else 1  # Qt counts UTF-16 code units
                if unicodedata.category(char) in _FOLLOWERS:
                    if open_run is not None:
                        open_run[1] = pos + width
                elif (
                    char.isascii()
                    or metrics.inFontUcs4(ord(char))
                    or (face := _plainer_face(font, char)) is None
                ):
                    open_run = None
                elif open_run is not None and open_run[2] == face:
                    open_run[1] = pos + width
                else:
                    open_run = [pos, pos + width, face]
                    mends.append(open_run)
                pos += width
        block = block.next()
    cursor = QTextCursor(doc)
    for start, end, (family, style) in mends:
        cursor.setPosition(start)
        cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
        face = QTextCharFormat()
        face.setFontFamilies([family])
        face.setFontStyleName(style)  # matched by this name; the italic and weight asked
        cursor.mergeCharFormat(face)  # for are then made by Qt
    return len(mends)


def boxes(doc: QTextDocument) -> str:
    """The characters of ``doc`` drawn as empty boxes, in document order (the first
    character of each cluster): the font's missing glyph (glyph 0), or the stand-in Qt
    uses when no installed font has the script."""
    flags = (
        QTextLayout.GlyphRunRetrievalFlag.RetrieveGlyphIndexes
        | QTextLayout.GlyphRunRetrievalFlag.RetrieveStringIndexes
    )
    doc.size()  # lays the document out
    found: dict[int, str] = {}  # position in the document: character
    block = doc.begin()
    while block.isValid():
        units = block.text().encode("utf-16-le")
        for run in block.layout().glyphRuns(0, len(units) // 2, flags):
            stand_in = not _is_font(run.rawFont())
            for glyph, at in zip(run.glyphIndexes(), run.stringIndexes(), strict=True):
                if glyph == 0 or stand_in:
                    char = units[2 * at : 2 * at + 4].decode("utf-16-le", "surrogatepass")[:1]
                    found[block.position() + at] = char
        block = block.next()
    return "".join(found[at] for at in sorted(found))
