"""Labels of the chart canvas and the window.

* :class:`WrappedLabel` - a word-wrapped QLabel that remembers the heights it measured;
* :class:`FittedLabel` - a label whose text is made for its width: :class:`TitleLabel`
  (at most two lines, then elided) and :class:`LegendLabel` (entries kept whole where
  they fit, never broken inside a word).
"""

from __future__ import annotations

import re

from PySide6.QtCore import QEvent, QSize, Qt
from PySide6.QtGui import QFont, QFontMetricsF, QTextLayout, QTextOption
from PySide6.QtWidgets import QLabel, QSizePolicy

from gzexplorer import markup


class WrappedLabel(QLabel):
    """A word-wrapping label whose height for a width is measured once per text.

    Qt lays the text out again for every ``heightForWidth`` call, and a window's layout
    asks each wrapped label several times whenever any widget is shown, hidden or
    given new text: most of the cost of a theme switch. The answer depends only on
    the text, the font, the margins and the width, which make the key."""

    def __init__(self, *args, **kwargs) -> None:
        kwargs.setdefault("wordWrap", True)
        super().__init__(*args, **kwargs)
        self._heights: dict[tuple, int] = {}

    def heightForWidth(self, width: int) -> int:  # noqa: N802 (Qt naming)
        m = self.contentsMargins()
        key = (
            width,
            self.text(),
            self.font().key(),
            m.left(),
            m.top(),
            m.right(),
            m.bottom(),
            self.wordWrap(),
        )
        height = self._heights.get(key)
        if height is None:
            if len(self._heights) > 256:  # texts come and go; keep the memo small
                self._heights.clear()
            height = self._heights[key] = super().heightForWidth(width)
        return height


class FittedLabel(QLabel):
    """A word-wrapping label that shows a text made for its width (:meth:`text_for`).

    It asks for no width of its own (long words cannot widen the window); its height
    for a width is that of the text made for that width, measured by a hidden twin as
    QLabel measures, so the layout gives it the room the text it will show needs."""

    def __init__(self, *args, **kwargs) -> None:
        kwargs.setdefault("wordWrap", True)
        super().__init__(*args, **kwargs)
        self._twin = QLabel(self, wordWrap=True)  # never shown: it measures
        self._twin.hide()
        self._heights: dict[tuple, int] = {}
        policy = QSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Maximum)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)

    def text_for(self, width: int) -> str:
        """The text to show at ``width`` pixels (inside the margins)."""
        raise NotImplementedError

    def fitted(self, width: int) -> None:
        """Called when the text for ``width`` is shown (for tooltips and the like)."""

    def refit(self) -> None:
        """Show the text made for the current width, after its source changed."""
        self._heights.clear()
        self._show(self.width())
        self.updateGeometry()

    def _inner(self, width: int) -> int:
        m = self.contentsMargins()
        return max(1, width - m.left() - m.right())

    def shown_text(self) -> str:
        """The text shown at the label's width, as a person reads it (without the
        direction marks of :meth:`_directed`)."""
        return self.text_for(self._inner(self.width()))

    def _directed(self, text: str) -> str:
        """``text`` laid out in the interface's direction, whatever script it begins
        with: an Arabic name must not turn an English sentence right-to-left."""
        if self.textFormat() == Qt.TextFormat.RichText:
            side = "rtl" if self.layoutDirection() == Qt.LayoutDirection.RightToLeft else "ltr"
            return f'<div dir="{side}">{text}</div>' if text else text
        mark = "\u200f" if self.layoutDirection() == Qt.LayoutDirection.RightToLeft else "\u200e"
        return "\n".join(mark + line for line in text.split("\n")) if text else text

    def _show(self, width: int) -> None:
        inner = self._inner(width)
        shown = self._directed(self.text_for(inner))
        if shown != self.text():
            super().setText(shown)
        self.fitted(inner)

    def heightForWidth(self, width: int) -> int:  # noqa: N802 (Qt naming)
        key = (width, self.font().key())
        height = self._heights.get(key)
        if height is None:
            twin = self._twin
            twin.setTextFormat(self.textFormat())
            twin.setFont(self.font())
            twin.setContentsMargins(self.contentsMargins())
            twin.setText(self._directed(self.text_for(self._inner(width))))
            if len(self._heights) > 64:  # widths come and go; keep the memo small
                self._heights.clear()
            height = self._heights[key] = twin.heightForWidth(width) if twin.text() else 0
        return height

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt naming)
        width = self.width() if self.testAttribute(Qt.WidgetAttribute.WA_Resized) else 500
        return QSize(width, self.heightForWidth(width))

    def minimumSizeHint(self) -> QSize:  # noqa: N802 (Qt naming)
        """A line (its height for the width given is what the layouts ask)."""
        return QSize(0, self.fontMetrics().lineSpacing() if self.text() else 0)

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt naming)
        self._show(event.size().width())
        super().resizeEvent(event)

    def changeEvent(self, event) -> None:  # noqa: N802 (Qt naming)
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            self.refit()


class TitleLabel(FittedLabel):
    """Plain text wrapped to at most ``max_lines`` lines, the last one elided. Its
    accessible name is the whole text, and so is its tooltip when some is cut."""

    def __init__(self, *args, max_lines: int = 2, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.max_lines = max_lines
        self._full = ""
        self._memo: dict[tuple, tuple[str, bool]] = {}

    def setText(self, text: str) -> None:  # noqa: N802 (Qt naming)
        self._full = text
        self.setAccessibleName(text)
        self.refit()

    def full_text(self) -> str:
        """The text as given, whole."""
        return self._full

    def is_cut(self) -> bool:
        """Whether the text shown leaves some of the whole text out."""
        return self._lines(self._inner(self.width()))[1]

    def set_max_lines(self, lines: int) -> None:
        if lines != self.max_lines:
            self.max_lines = lines
            self.refit()

    def text_for(self, width: int) -> str:
        shown, cut = self._lines(width)
        return shown if cut else self._full  # whole, Qt wraps it as it measured

    def fitted(self, width: int) -> None:
        cut = self._lines(width)[1]
        self.setToolTip(markup.plain(self._full) if cut else "")

    def _lines(self, width: int) -> tuple[str, bool]:
        key = (self._full, self.font().key(), width, self.max_lines)
        found = self._memo.get(key)
        if found is None:
            if len(self._memo) > 64:
                self._memo.clear()
            found = self._memo[key] = wrap_lines(self._full, self.font(), width, self.max_lines)
        return found


def _utf16(units: bytes, start: int, end: int) -> str:
    """The text from UTF-16 code unit ``start`` to ``end``."""
    return units[2 * start : 2 * end].decode("utf-16-le")


class NotesLabel(FittedLabel):
    """A chart's footer: notes, then the source line. Given fewer lines than it needs
    (:meth:`set_max_lines`), it shortens the notes first, then the source; the whole
    footer is then its tooltip."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self._notes: list[str] = []
        self._source = ""
        self.max_lines: int | None = None  # None: as many as it takes

    def set_parts(self, notes: list[str], source: str) -> None:
        self._notes, self._source = list(notes), source
        self.refit()

    def whole_text(self) -> str:
        return "\n".join([*self._notes, self._source])

    def set_max_lines(self, lines: int | None) -> None:
        """Show at most ``lines`` lines (None: all), at least one of the source."""
        if lines != self.max_lines:
            self.max_lines = lines
            self.refit()

    def count_lines(self, width: int) -> int:
        """How many lines the whole footer takes at ``width`` (inside the margins)."""
        return len(self._lines(self._notes, width)) + len(self._lines([self._source], width))

    def text_for(self, width: int) -> str:
        if self.max_lines is None:
            return self.whole_text()
        source = self._lines([self._source], width)
        notes = self._lines(self._notes, width)
        if len(notes) + len(source) <= self.max_lines:
            return self.whole_text()
        room = self.max_lines - len(source)
        if room > 0:  # some notes, then the source
            return "\n".join([*_elide_after(notes, room, self.font(), width), *source])
        return "\n".join(_elide_after(source, max(1, self.max_lines), self.font(), width))

    def _lines(self, paragraphs: list[str], width: int) -> list[str]:
        lines: list[str] = []
        for text in paragraphs:
            if text:
                lines += wrap_lines(text, self.font(), width, 10**6)[0].split("\n")
        return lines

    def fitted(self, width: int) -> None:
        shown = self.text_for(width) != self.whole_text()
        self.setToolTip(markup.plain(self.whole_text()) if shown else "")


def _elide_after(lines: list[str], keep: int, font: QFont, width: float) -> list[str]:
    """The first ``keep`` of ``lines``, the last of them ending in an ellipsis when
    some are left out."""
    if len(lines) <= keep:
        return lines
    kept = lines[:keep]
    more = f"{kept[-1]} {lines[keep]}"  # longer than a line: elided
    kept[-1] = QFontMetricsF(font).elidedText(more, Qt.TextElideMode.ElideRight, width)
    return kept


def wrap_lines(text: str, font: QFont, width: float, max_lines: int) -> tuple[str, bool]:
    """``text`` broken into lines of at most ``width`` pixels (at word boundaries, or
    anywhere in a word longer than a line), at most ``max_lines`` of them, the last
    one elided; and whether some of the text was left out."""
    text = " ".join(text.split())
    if not text:
        return "", False
    layout = QTextLayout(text, font)
    option = QTextOption()
    option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
    layout.setTextOption(option)
    starts: list[int] = []
    layout.beginLayout()
    while True:
        line = layout.createLine()
        if not line.isValid():
            break
        line.setLineWidth(width)
        starts.append(line.textStart())
    layout.endLayout()
    # Qt counts in UTF-16 code units (an emoji is two)
    units = text.encode("utf-16-le")
    ends = [*starts[1:], len(units) // 2]
    lines = [_utf16(units, a, b).strip() for a, b in zip(starts, ends, strict=True)]
    if len(lines) <= max_lines:
        return "\n".join(lines), False
    rest = _utf16(units, starts[max_lines - 1], len(units) // 2)
    last = QFontMetricsF(font).elidedText(rest, Qt.TextElideMode.ElideRight, width)
    return "\n".join([*lines[: max_lines - 1], last]), True


class LegendLabel(FittedLabel):
    """A chart's legend: entries (glyph, colour, words) side by side in lines as wide
    as the label. An entry is never broken across lines where it fits on one; a longer
    one starts a line and wraps at its spaces, never inside a word."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.setTextFormat(Qt.TextFormat.RichText)
        self._entries: list[tuple[str, str, str]] = []
        self._memo: dict[tuple, str] = {}
        self.compact = False

    def set_entries(self, entries: list[tuple[str, str, str]]) -> None:
        """The entries, each (glyph, colour, words), in order."""
        self._entries = list(entries)
        self._memo.clear()
        self.refit()

    def set_compact(self, compact: bool) -> None:
        """Compact: an entry too long for a line is elided to one (all of them whole
        in the tooltip), rather than wrapped."""
        if compact != self.compact:
            self.compact = compact
            self._memo.clear()
            self.refit()

    def fitted(self, width: int) -> None:
        fm = QFontMetricsF(self.font())
        cut = self.compact and any(
            fm.horizontalAdvance(f"{glyph}\u00a0{words}") * 1.02 + 2 > width
            for glyph, _color, words in self._entries
        )
        whole = "\n".join(f"{glyph} {words}".strip() for glyph, _color, words in self._entries)
        self.setToolTip(markup.plain(whole) if cut else "")

    def entries(self) -> list[tuple[str, str, str]]:
        return list(self._entries)

    def text_for(self, width: int) -> str:
        key = (self.font().key(), width)
        html = self._memo.get(key)
        if html is None:
            if len(self._memo) > 64:
                self._memo.clear()
            html = self._memo[key] = legend_html(self._entries, self.font(), width, self.compact)
        return html


LEGEND_GAP = "&nbsp;&nbsp;&nbsp;&nbsp; "  # between two entries on a line
# after these a line may break inside a word ("closed-|canopy", "1981–|2020"): a word
# joiner (U+2060, invisible) after each keeps the word whole
_BREAKS_IN_WORDS = re.compile("(?<=\\w)([-\u2010\u2013\u2014/])(?=\\w)")


def unbreakable_words(text: str) -> str:
    """``text`` with no line break possible inside a word (only at its spaces)."""
    return _BREAKS_IN_WORDS.sub("\\1\u2060", text)


def legend_html(
    entries: list[tuple[str, str, str]], font: QFont, width: float, compact: bool = False
) -> str:
    """The legend's entries as HTML, packed in lines of ``width`` pixels: whole entries
    side by side; an entry longer than a line on lines of its own, wrapped at spaces
    (``compact``: elided to one line)."""
    fm = QFontMetricsF(font)
    gap = fm.horizontalAdvance("\u00a0" * 4 + " ")
    lines: list[list[str]] = [[]]
    used = 0.0
    for glyph, color, words in entries:
        mark = f'<span style="color:{color}">{markup.escape(glyph)}</span>&nbsp;' if glyph else ""
        lead = f"{glyph}\u00a0" if glyph else ""
        need = fm.horizontalAdvance(lead + words) * 1.02 + 2  # a little spare
        if compact and need > width:
            room = (width - 2) / 1.02 - fm.horizontalAdvance(lead)
            words = fm.elidedText(words, Qt.TextElideMode.ElideRight, max(0, int(room)))
            need = width
        text = markup.escape(unbreakable_words(words))
        if need <= width:
            if lines[-1] and used + gap + need > width:
                lines.append([])
            used = (used + gap if lines[-1] else 0.0) + need
            lines[-1].append(f'<span style="white-space:nowrap">{mark}{text}</span>')
        else:  # a line or more of its own
            if lines[-1]:
                lines.append([])
            lines[-1].append(mark + text)
            lines.append([])
            used = 0.0
    return "<br>".join(LEGEND_GAP.join(line) for line in lines if line)
