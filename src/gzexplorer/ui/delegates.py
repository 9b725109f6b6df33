"""Painting of sidebar rows, excerpt passages and figure cards."""

from __future__ import annotations

import math
import re
from collections import OrderedDict
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QEvent,
    QModelIndex,
    QPersistentModelIndex,
    QPointF,
    QRect,
    QRectF,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import (
    QColor,
    QFont,
    QPainter,
    QPalette,
    QPen,
    QPixmap,
    QTextDocument,
)
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem, QToolTip

from gzexplorer.markup import escape, plain
from gzexplorer.ui.item_models import (
    AccessibleDescriptionRole,
    Card,
    CardRole,
    ContentRole,
    CountRole,
    DecorationRole,
    DisplayRole,
    HighlightRole,
    IdRole,
    Numbers,
    NumbersRole,
    RecordRole,
    SpansRole,
    TagsRole,
)

if TYPE_CHECKING:
    from gzexplorer.model import Excerpt

ACCENT = QColor("#0072B2")
MATCH = QColor("#FFE08A")


def _state(option: QStyleOptionViewItem) -> tuple[bool, bool, bool]:
    """(selected, has focus, under the mouse), as the view sets them for the row."""
    state = option.state
    return (
        bool(state & QStyle.StateFlag.State_Selected),
        bool(state & QStyle.StateFlag.State_HasFocus),
        bool(state & QStyle.StateFlag.State_MouseOver),
    )


def _rounded(painter: QPainter, rect: QRectF, radius: float, color: QColor) -> None:
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(color)
    painter.drawRoundedRect(rect, radius, radius)
    painter.restore()


def _frame(painter: QPainter, rect: QRect, color: QColor, width: int) -> None:
    """A frame ``width`` pixels wide just inside ``rect``."""
    painter.save()
    painter.setPen(QPen(color, width))
    painter.setBrush(Qt.BrushStyle.NoBrush)
    half = width / 2
    painter.drawRect(QRectF(rect).adjusted(half, half, -half, -half))
    painter.restore()


def _blank_pixmap(width: float, height: float, ratio: float) -> QPixmap:
    """A transparent pixmap of ``width`` × ``height`` logical pixels at ``ratio``."""
    pixmap = QPixmap(max(1, math.ceil(width * ratio)), max(1, math.ceil(height * ratio)))
    pixmap.setDevicePixelRatio(ratio)
    pixmap.fill(QColor(0, 0, 0, 0))
    return pixmap


def _is_dark(option: QStyleOptionViewItem) -> bool:
    return option.palette.color(QPalette.ColorRole.Base).lightness() < 128


class ThemeDelegate(QStyledItemDelegate):
    """A sidebar row: icon, name and a pill with the number of figures.

    A row is as wide as the list: the pill stays whole at the right, and a name too
    long for the rest is elided (the whole name then heads the row's tooltip)."""

    ICON_LEFT = 3  # from the row's left edge
    TEXT_GAP = 6  # from the icon to the name

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._sizes: dict[tuple, QSize] = {}  # the list asks again on every switch

    def sizeHint(self, option, index):  # noqa: N802
        icon = option.decorationSize
        key = (index.data(DisplayRole), option.font.key(), icon.width(), icon.height())
        size = self._sizes.get(key)
        if size is None:
            base = super().sizeHint(option, index)
            # no wider than the icon, a few letters and the pill: the list never
            # scrolls sideways, the name is elided to the row's width instead
            x, right, _pill = self._parts(option, index, QRect(0, 0, 0, base.height()))
            icon_and_pill = x - right  # in a row of no width, the name's room is negative
            least = icon_and_pill + option.fontMetrics.horizontalAdvance("W…")
            size = QSize(least, max(base.height(), option.fontMetrics.height() + 18))
            self._sizes[key] = size
        return size

    def _parts(self, option, index, rect: QRect) -> tuple[int, int, int]:
        """Where the name starts and ends in ``rect``, and the pill's width (0: none)."""
        x = rect.left() + self.ICON_LEFT
        icon = index.data(DecorationRole)
        if icon is not None and not icon.isNull():
            x += option.decorationSize.width() + self.TEXT_GAP
        count = index.data(CountRole)
        pill_w = option.fontMetrics.horizontalAdvance(str(count)) + 16 if count else 0
        right = rect.right() - (pill_w + 14 if count else 4)
        return x, right, pill_w

    def shown_name(self, option: QStyleOptionViewItem, index: QModelIndex) -> str:
        """The row's name as painted in ``option.rect``: whole, or elided to fit."""
        x, right, _pill = self._parts(option, index, option.rect)
        name = index.data(DisplayRole) or ""
        return option.fontMetrics.elidedText(name, Qt.TextElideMode.ElideRight, right - x)

    def tool_tip(self, option: QStyleOptionViewItem, index: QModelIndex) -> str:
        """The row's tooltip (plain text): the whole name first where it is elided,
        then the view's description."""
        name = index.data(DisplayRole) or ""
        about = index.data(AccessibleDescriptionRole) or ""
        if self.shown_name(option, index) == name:
            return about
        return f"{name}\n{about}" if about else name

    def helpEvent(self, event, view, option, index) -> bool:  # noqa: N802 (Qt naming)
        if event.type() == QEvent.Type.ToolTip and index.isValid():
            tip = self.tool_tip(option, index)
            if tip:
                QToolTip.showText(event.globalPos(), plain(tip), view, option.rect)
            else:
                QToolTip.hideText()
            return True
        return super().helpEvent(event, view, option, index)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex) -> None:
        rect: QRect = option.rect
        pal = option.palette
        fm = option.fontMetrics
        selected, focus, hover = _state(option)
        highlight = pal.color(QPalette.ColorRole.Highlight)
        painter.save()
        if selected:
            painter.fillRect(rect, highlight)
        elif hover:
            tint = QColor(highlight)
            tint.setAlpha(40)
            painter.fillRect(rect, tint)
        if focus and not selected:  # the current row, deselected (Ctrl+click): still marked
            _frame(painter, rect, highlight, 1)
        icon = index.data(DecorationRole)
        if icon is not None and not icon.isNull():
            size = option.decorationSize
            icon_rect = QRect(
                rect.left() + self.ICON_LEFT,
                rect.top() + (rect.height() - size.height()) // 2,
                size.width(),
                size.height(),
            )
            if selected:  # on a light tile: a blue icon would vanish in the blue selection
                tile = QColor(pal.color(QPalette.ColorRole.HighlightedText))
                tile.setAlphaF(0.94)
                _rounded(painter, QRectF(icon_rect).adjusted(-3, -3, 3, 3), 4, tile)
            icon.paint(painter, icon_rect)
        text_role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        painter.setPen(pal.color(text_role))
        count = index.data(CountRole)
        x, right, pill_w = self._parts(option, index, rect)
        painter.drawText(
            QRect(x, rect.top(), right - x, rect.height()),
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
            self.shown_name(option, index),
        )
        if count:
            h = fm.height() + 2
            pill = QRectF(rect.right() - pill_w - 6, rect.center().y() - h / 2, pill_w, h)
            back = QColor(
                pal.color(
                    QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Mid
                )
            )
            back.setAlpha(60 if selected else 90)
            _rounded(painter, pill, h / 2, back)
            painter.drawText(pill, Qt.AlignmentFlag.AlignCenter, str(count))
        painter.restore()


_EMPHASIS = re.compile(r"\*([^*]+?)\*", re.DOTALL)  # the document marks italics *like this*
NUMBER_HREF = "number:"  # a charted number's anchor: "number:<its index in the passage>"


@dataclass(frozen=True)
class NumberLook:
    """The colours of a passage's charted numbers, for one colour scheme."""

    text: str  # the passage's text colour
    underline: str  # a charted number's underline
    tint: str  # and its background, faint ("rgba(…)")
    chosen: str  # the selected element's words: their background
    chosen_text: str  # and their colour

    @classmethod
    def for_scheme(cls, text: str, dark: bool) -> NumberLook:
        if dark:  # a lighter blue reads on a dark base, and stands out of a blue row
            return cls(text, "#56B4E9", "rgba(86,180,233,0.16)", "#56B4E9", "#000000")
        return cls(text, "#0072B2", "rgba(0,114,178,0.09)", "#0072B2", "#FFFFFF")


LIGHT_NUMBERS = NumberLook.for_scheme("#000000", dark=False)


def _marked(
    text: str,
    lo: int,
    hi: int,
    spans: tuple[tuple[int, int], ...],
    numbers: Numbers,
    match_color: str,
    look: NumberLook,
) -> str:
    """``text[lo:hi]`` as HTML: search matches on ``match_color``, charted numbers as
    anchors (``NUMBER_HREF`` and their index) underlined on a faint tint, the selected
    element's own words on a strong one. The one place spans become formatting."""
    cuts = {lo, hi}
    for a, b in (*spans, *((n.start, n.end) for n in numbers.cited)):
        cuts.update(x for x in (a, b) if lo < x < hi)
    bounds = sorted(cuts)
    out = []
    for a, b in zip(bounds, bounds[1:], strict=False):
        words = escape(text[a:b])
        match = any(s <= a and b <= e for s, e in spans)
        number = next((i for i, n in enumerate(numbers.cited) if n.start <= a and b <= n.end), -1)
        if number < 0:
            if match:
                words = f'<span style="background-color:{match_color}; color:#000">{words}</span>'
            out.append(words)
            continue
        if number in numbers.chosen:
            style = (
                f"background-color:{look.chosen}; color:{look.chosen_text}; text-decoration:none"
            )
        else:
            color = "#000" if match else look.text
            back = match_color if match else look.tint
            style = (
                f"background-color:{back}; color:{color}; text-decoration:underline; "
                f"text-decoration-color:{look.underline}"
            )
        out.append(f'<a href="{NUMBER_HREF}{number}" style="{style}">{words}</a>')
    return "".join(out)


def excerpt_html(
    e: Excerpt,
    spans: tuple[tuple[int, int], ...],
    match_color: str,
    numbers: Numbers | None = None,
    look: NumberLook = LIGHT_NUMBERS,
) -> str:
    """The passage as HTML: tables as tables, search matches and charted numbers marked
    (``numbers``: which, and which are the selection's; ``look``: in what colours)."""
    numbers = numbers or Numbers()

    def marked(lo: int, hi: int) -> str:
        return _marked(e.text, lo, hi, spans, numbers, match_color, look)

    if e.kind == "table":
        cells, at = [], 0
        for i, row in enumerate(e.text.split("\n")):
            tag = "th" if i == 0 else "td"
            html = []
            for c in row.split("\t"):
                lo = at + len(c) - len(c.lstrip())  # the cell's words, as stripped
                hi = at + len(c.rstrip())
                html.append(f"<{tag}>{marked(lo, max(lo, hi))}</{tag}>")
                at += len(c) + 1  # and the tab, or the line's end, after it
            cells.append("<tr>" + "".join(html) + "</tr>")
        return '<table cellspacing="0" cellpadding="3">' + "".join(cells) + "</table>"
    body = _EMPHASIS.sub(r"<i>\1</i>", marked(0, len(e.text))).replace("\n", "<br>")
    if e.kind in ("quote", "caption"):
        body = f"<i>{body}</i>"
    return body


def number_at(doc: QTextDocument, pos: QPointF) -> int:
    """The index of the charted number drawn at ``pos`` in ``doc``, or -1."""
    href = doc.documentLayout().anchorAt(pos)
    return int(href[len(NUMBER_HREF) :]) if href.startswith(NUMBER_HREF) else -1


def number_rects(doc: QTextDocument, i: int) -> list[QRectF]:
    """Where number ``i`` is drawn in ``doc``: a rectangle per line it is on."""
    href = f"{NUMBER_HREF}{i}"
    rects: list[QRectF] = []
    layout = doc.documentLayout()
    block = doc.begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            fragment = it.fragment()
            if fragment.isValid() and fragment.charFormat().anchorHref() == href:
                rects += _fragment_rects(layout, block, fragment)
            it += 1
        block = block.next()
    return rects


def _fragment_rects(layout, block, fragment) -> list[QRectF]:
    text_layout = block.layout()
    origin = layout.blockBoundingRect(block).topLeft()
    start = fragment.position() - block.position()
    end = start + fragment.length()
    rects = []
    for n in range(text_layout.lineCount()):
        line = text_layout.lineAt(n)
        a, b = max(start, line.textStart()), min(end, line.textStart() + line.textLength())
        if a >= b:
            continue
        x1, _ = line.cursorToX(a)
        x2, _ = line.cursorToX(b)
        rects.append(QRectF(origin.x() + x1, origin.y() + line.y(), x2 - x1, line.height()))
    return rects


class ExcerptDelegate(QStyledItemDelegate):
    """A passage: a small header (section, kind, themes) and the wrapped text."""

    estimatesMade = Signal()  # some heights are guesses: measure them when idle
    firstPainted = Signal()  # the list has been painted once
    numberClicked = Signal(object, int)  # (index, number): a charted number clicked
    textClicked = Signal(object)  # index: the passage clicked elsewhere than a number

    PAD = 10
    ACCENT_W = 4

    CACHE = 400  # laid-out passages kept: theme switches re-show the same ones
    # Rows laid out exactly when the list is filled; the rest get a height from their
    # length and are measured in idle time (ExcerptPanel), so a list of a thousand
    # passages shows at once.
    EXACT_ROWS = 12
    PIXMAP_BYTES = 48 * 2**20  # drawn passages kept, as pixmaps (by size, not number)

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._docs: OrderedDict[tuple, QTextDocument] = OrderedDict()
        self._heights: dict[tuple, int] = {}  # every passage measured, cheap to keep
        # Drawing a passage shapes and blits every glyph again (several ms for a panel
        # of them); the drawn text is kept and copied instead.
        self._pixmaps: OrderedDict[tuple, QPixmap] = OrderedDict()
        self._pixmap_bytes = 0
        self.estimated = False  # some row's height is a guess (see EXACT_ROWS)
        self._bar: int | None = None
        self._drawn_once: set[tuple] = set()  # painted directly once; a pixmap if again
        self.painted = False

    def _key(self, option: QStyleOptionViewItem, index: QModelIndex, width: float) -> tuple:
        """What a passage's layout (and height) depends on; its charted numbers are
        not: they are drawn in the same places, marked."""
        e, spans, tags = index.data(ContentRole)
        return (
            e.id,
            e.section,  # the content too: another pack (or the same one edited) may
            e.kind,  # reuse the id
            e.text,
            round(width),
            spans,
            tags,
            option.font.key(),
            option.palette.color(QPalette.ColorRole.Text).rgba(),
            option.palette.color(QPalette.ColorRole.PlaceholderText).rgba(),  # the header's
            _is_dark(option),
        )

    def _pixmap(self, option, index, width: float, key: tuple, numbers: Numbers) -> QPixmap:
        """The passage's text drawn on a transparent pixmap (kept for the next paint);
        ``key``: :meth:`_drawn_key` followed by the device pixel ratio."""
        pixmap = self._pixmaps.get(key)
        if pixmap is not None:
            self._pixmaps.move_to_end(key)
            return pixmap
        ratio = key[-1]
        doc = self._doc(option, index, width, key[:-1], numbers)
        pixmap = _blank_pixmap(doc.size().width(), doc.size().height(), ratio)
        painter = QPainter(pixmap)
        doc.drawContents(painter)  # in the colours its HTML sets
        painter.end()
        self._pixmaps[key] = pixmap
        self._pixmap_bytes += pixmap.width() * pixmap.height() * 4
        while self._pixmap_bytes > self.PIXMAP_BYTES and len(self._pixmaps) > 1:
            _, old = self._pixmaps.popitem(last=False)
            self._pixmap_bytes -= old.width() * old.height() * 4
        return pixmap

    @staticmethod
    def _drawn_key(key: tuple, numbers: Numbers) -> tuple:
        """:meth:`_key` with the numbers marked (where the keyboard is, is drawn over
        the text, not in it)."""
        return (*key, numbers.cited, numbers.chosen)

    def _doc(self, option, index, width: float, key: tuple, numbers: Numbers) -> QTextDocument:
        """The passage laid out at ``width`` with ``numbers`` marked (``key``: from
        :meth:`_drawn_key`)."""
        doc = self._docs.get(key)
        if doc is not None:
            self._docs.move_to_end(key)
            return doc
        doc = self._make_doc(option, index, index.data(RecordRole), width, numbers)
        self._docs[key] = doc
        if len(self._docs) > self.CACHE:
            self._docs.popitem(last=False)
        return doc

    def _make_doc(self, option, index, e: Excerpt, width: float, numbers: Numbers) -> QTextDocument:
        doc = QTextDocument()
        doc.setDocumentMargin(0)
        doc.setDefaultFont(option.font)
        text_color = option.palette.color(QPalette.ColorRole.Text).name()
        muted = option.palette.color(QPalette.ColorRole.PlaceholderText).name()
        tags = index.data(TagsRole) or ""
        header = " · ".join(x for x in (e.section, e.kind, tags) if x)
        small = max(7.0, option.font.pointSizeF() * 0.85)
        doc.setDefaultStyleSheet(f"body {{ color: {text_color}; }} th {{ text-align: left; }}")
        look = NumberLook.for_scheme(text_color, _is_dark(option))
        body = excerpt_html(e, index.data(SpansRole) or (), MATCH.name(), numbers, look)
        doc.setHtml(
            f'<div style="color:{muted}; font-size:{small:.1f}pt">{escape(header)}</div>'
            f'<div style="margin-top:3px">{body}</div>'
        )
        if not (header + e.text).isascii():  # every face has ASCII: nothing to mend
            from gzexplorer.ui.fonts import mend_styled_text

            mend_styled_text(doc)  # italic (captions, quotes) that its italic face lacks
        doc.setTextWidth(max(50.0, width))
        return doc

    def number_at(self, option: QStyleOptionViewItem, index: QModelIndex, pos: QPointF) -> int:
        """The charted number of the passage at ``pos`` (the view's coordinates), or -1."""
        at = QPointF(
            option.rect.left() + self.PAD + self.ACCENT_W + 2, option.rect.top() + self.PAD
        )
        return number_at(self.document(option, index), QPointF(pos) - at)

    def helpEvent(self, event, view, option, index) -> bool:  # noqa: N802 (Qt naming)
        """Over a charted number: its value as the chart shows it."""
        if event.type() == QEvent.Type.ToolTip and index.isValid():
            i = self.number_at(option, index, QPointF(event.pos()))
            words = index.model().number_words(index.data(IdRole), i) if i >= 0 else ""
            if words:
                QToolTip.showText(event.globalPos(), plain(words), view)
                return True
        return super().helpEvent(event, view, option, index)

    def editorEvent(self, event, model, option, index) -> bool:  # noqa: N802 (Qt naming)
        """A click on a charted number selects what it stands for; elsewhere, the passage."""
        if (
            event.type() == QEvent.Type.MouseButtonRelease
            and event.button() == Qt.MouseButton.LeftButton
            and index.isValid()
        ):
            i = self.number_at(option, index, event.position())
            if i >= 0:
                self.numberClicked.emit(QPersistentModelIndex(index), i)
                return True
            self.textClicked.emit(QPersistentModelIndex(index))
        return super().editorEvent(event, model, option, index)

    def _text_width(self, option: QStyleOptionViewItem) -> float:
        """The width the text is laid out at: the list's inside width less a scroll
        bar, whether one is shown or not. Passages are measured once; otherwise the
        scroll bar appearing as the list fills would have them all measured again."""
        view = option.widget
        if view is None:
            return option.rect.width() - 2 * self.PAD - self.ACCENT_W - 4
        if self._bar is None:  # the style's scroll bar extent, asked once
            self._bar = view.verticalScrollBar().sizeHint().width()
        bar = self._bar
        inside = view.width() - 2 * view.frameWidth() - bar
        return inside - 2 * self.PAD - self.ACCENT_W - 4

    def sizeHint(self, option, index):  # noqa: N802
        width = self._text_width(option)
        key = self._key(option, index, width)
        height = self._heights.get(key)
        if height is None:
            if index.row() >= self.EXACT_ROWS:  # below the first screenful: a guess for now
                if not self.estimated:
                    self.estimated = True
                    self.estimatesMade.emit()
                return QSize(int(width), self._estimate(option, index, width))
            height = self._measure(option, index, width, key)
        return QSize(int(width), height)

    def document(self, option: QStyleOptionViewItem, index: QModelIndex) -> QTextDocument:
        """The passage as it is drawn: laid out at the list's width, its charted
        numbers marked (those the model has found so far)."""
        width = self._text_width(option)
        numbers = index.data(NumbersRole) or Numbers()
        key = self._drawn_key(self._key(option, index, width), numbers)
        return self._doc(option, index, width, key, numbers)

    def measure(self, option: QStyleOptionViewItem, index: QModelIndex) -> int:
        """The passage's exact height (laid out once, then remembered)."""
        width = self._text_width(option)
        key = self._key(option, index, width)
        return self._heights.get(key) or self._measure(option, index, width, key)

    def _measure(self, option, index, width: float, key: tuple) -> int:
        # laid out without its numbers (they change no line): finding them can wait
        plain_doc = self._doc(option, index, width, self._drawn_key(key, Numbers()), Numbers())
        height = int(plain_doc.size().height()) + 2 * self.PAD
        self._heights[key] = height
        return height

    def _estimate(self, option: QStyleOptionViewItem, index: QModelIndex, width: float) -> int:
        """A height from the text's length, for passages not laid out yet."""
        e: Excerpt = index.data(RecordRole)
        fm = option.fontMetrics
        per_line = max(1, int(width / max(1, fm.averageCharWidth())))
        lines = sum(1 + len(part) // per_line for part in e.text.split("\n"))
        return int(fm.lineSpacing() * (lines + 0.85)) + 3 + 2 * self.PAD

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex) -> None:
        painter.save()
        rect: QRect = option.rect
        pal = option.palette
        selected, focus, hover = _state(option)
        if index.data(HighlightRole):  # cited by the selected figure or chart
            tint = QColor(ACCENT)
            tint.setAlpha(70 if _is_dark(option) else 34)
            painter.fillRect(rect, tint)
            painter.fillRect(QRect(rect.left(), rect.top(), self.ACCENT_W, rect.height()), ACCENT)
        if selected or hover:
            sel = pal.color(QPalette.ColorRole.Highlight)
            sel.setAlpha(60 if selected else 25)
            painter.fillRect(rect, sel)
        sep = pal.color(QPalette.ColorRole.Mid)
        sep.setAlpha(80)
        painter.fillRect(QRect(rect.left(), rect.bottom(), rect.width(), 1), sep)
        if focus:
            _frame(painter, rect, pal.color(QPalette.ColorRole.Highlight), 2)
        width = self._text_width(option)
        ratio = painter.device().devicePixelRatioF()
        at = QPointF(rect.left() + self.PAD + self.ACCENT_W + 2, rect.top() + self.PAD)
        numbers: Numbers = index.data(NumbersRole) or Numbers()
        doc_key = self._drawn_key(self._key(option, index, width), numbers)
        key = (*doc_key, ratio)
        if key in self._pixmaps or key in self._drawn_once:  # shown again: keep it drawn
            painter.drawPixmap(at, self._pixmap(option, index, width, key, numbers))
        else:  # the first time, straight to the screen (a pixmap would cost more now)
            if len(self._drawn_once) > 4 * self.CACHE:
                self._drawn_once.clear()
            self._drawn_once.add(key)
            painter.translate(at)
            self._doc(option, index, width, doc_key, numbers).drawContents(painter)
            painter.translate(-at)
        if numbers.focus >= 0 and focus:  # the number the keyboard is on, in a ring
            doc = self._doc(option, index, width, doc_key, numbers)
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            painter.setPen(QPen(pal.color(QPalette.ColorRole.Highlight), 2))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            for r in number_rects(doc, numbers.focus):
                painter.drawRoundedRect(r.translated(at).adjusted(-3, -2, 3, 2), 3, 3)
        painter.restore()
        if not self.painted:
            self.painted = True
            self.firstPainted.emit()


class FigureCardDelegate(QStyledItemDelegate):
    """A figure card: qualifier, the number large, its unit and label. Cards are all
    one size: :attr:`SIZE` until the list asks for another width (:meth:`set_width`)."""

    SIZE = QSize(200, 96)
    MIN_WIDTH = 180  # narrower, the number and its unit would no longer fit side by side
    CACHE = 64  # drawn cards kept: a theme switch shows the same cards again

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._pixmaps: OrderedDict[tuple, QPixmap] = OrderedDict()
        self.size = QSize(self.SIZE)

    def set_width(self, width: int) -> bool:
        """Cards ``width`` pixels wide from now on; True if that is a change."""
        if width == self.size.width():
            return False
        self.size = QSize(width, self.SIZE.height())
        return True

    def sizeHint(self, option, index):  # noqa: N802
        return self.size

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex) -> None:
        """The card is drawn once per look (state, colours, size) and copied after."""
        card: Card = index.data(CardRole)
        pal = option.palette
        ratio = painter.device().devicePixelRatioF()
        selected, focus, _hover = _state(option)
        key = (
            card,  # its words, not its id: another pack may reuse the id
            bool(index.data(HighlightRole)),
            selected,
            focus,
            option.rect.width(),
            option.rect.height(),
            option.font.key(),
            tuple(
                pal.color(role).rgba()
                for role in (
                    QPalette.ColorRole.Base,
                    QPalette.ColorRole.Text,
                    QPalette.ColorRole.Mid,
                    QPalette.ColorRole.PlaceholderText,
                    QPalette.ColorRole.Highlight,
                )
            ),
            ratio,
        )
        pixmap = self._pixmaps.get(key)
        if pixmap is None:
            pixmap = _blank_pixmap(option.rect.width(), option.rect.height(), ratio)
            at_origin = QStyleOptionViewItem(option)
            at_origin.rect = QRect(0, 0, option.rect.width(), option.rect.height())
            on = QPainter(pixmap)
            self._draw(on, at_origin, card, bool(index.data(HighlightRole)) or selected, focus)
            on.end()
            self._pixmaps[key] = pixmap
            if len(self._pixmaps) > self.CACHE:
                self._pixmaps.popitem(last=False)
        else:
            self._pixmaps.move_to_end(key)
        painter.drawPixmap(option.rect.topLeft(), pixmap)

    def _draw(
        self, painter: QPainter, option: QStyleOptionViewItem, card: Card, marked: bool, focus: bool
    ) -> None:
        """``marked``: cited by the selection, or selected."""
        pal = option.palette
        dark = _is_dark(option)
        r = QRectF(option.rect).adjusted(4, 4, -4, -4)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        border = pal.color(QPalette.ColorRole.Mid)
        if marked:
            border = ACCENT
        painter.setPen(border)
        painter.setBrush(pal.color(QPalette.ColorRole.Base))
        painter.drawRoundedRect(r, 6, 6)
        if marked:
            tint = QColor(ACCENT)
            tint.setAlpha(60 if dark else 28)
            painter.setBrush(tint)
            painter.drawRoundedRect(r, 6, 6)
            painter.fillRect(QRectF(r.left() + 1, r.top() + 6, 3, r.height() - 12), ACCENT)
        if focus:
            pen = painter.pen()
            pen.setColor(pal.color(QPalette.ColorRole.Highlight))
            pen.setWidthF(2)
            painter.setPen(pen)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRoundedRect(r.adjusted(1, 1, -1, -1), 5, 5)
        inner = r.adjusted(12, 6, -10, -6)
        text = pal.color(QPalette.ColorRole.Text)
        muted = pal.color(QPalette.ColorRole.PlaceholderText)
        small = QFont(option.font)
        small.setPointSizeF(max(7.0, option.font.pointSizeF() * 0.85))
        big = QFont(option.font)
        big.setPointSizeF(option.font.pointSizeF() * 1.6)
        big.setWeight(QFont.Weight.DemiBold)
        painter.setFont(small)
        painter.setPen(muted)
        line_h = painter.fontMetrics().height()
        painter.drawText(
            QRectF(inner.left(), inner.top(), inner.width(), line_h),
            Qt.AlignmentFlag.AlignLeft,
            card.qualifier,
        )
        painter.drawText(
            QRectF(inner.left(), inner.top(), inner.width(), line_h),
            Qt.AlignmentFlag.AlignRight,
            card.year,
        )
        painter.setFont(big)
        painter.setPen(text)
        big_h = painter.fontMetrics().height()
        value, unit = card.value, card.unit
        value_rect = QRectF(inner.left(), inner.top() + line_h, inner.width(), big_h)
        painter.drawText(value_rect, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop, value)
        row_h = big_h  # the value's row, and the unit's line below it when needed
        if unit:
            adv = painter.fontMetrics().horizontalAdvance(value + " ")
            painter.setFont(small)
            painter.setPen(muted)
            fm = painter.fontMetrics()
            top = inner.top() + line_h
            if fm.horizontalAdvance(unit) <= inner.width() - adv:  # beside the value
                beside = QRectF(inner.left() + adv, top, inner.width() - adv, big_h)
                painter.drawText(
                    beside, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, unit
                )
            else:  # a long unit on a line of its own under the value, cut if longer still
                words = fm.elidedText(unit, Qt.TextElideMode.ElideRight, int(inner.width()))
                under = QRectF(inner.left(), top + big_h, inner.width(), fm.height())
                painter.drawText(
                    under, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop, words
                )
                row_h = big_h + fm.height()
        painter.setFont(small)
        painter.setPen(text)
        label_top = inner.top() + line_h + row_h
        label_rect = QRectF(inner.left(), label_top, inner.width(), inner.bottom() - label_top)
        painter.drawText(
            label_rect,
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop | Qt.TextFlag.TextWordWrap,
            card.label,
        )
        painter.restore()
