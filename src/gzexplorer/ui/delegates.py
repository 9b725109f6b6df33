"""Painting of sidebar rows, excerpt passages and figure cards."""

from __future__ import annotations

import math
import re
from collections import OrderedDict
from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, QPointF, QRect, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QAbstractTextDocumentLayout,
    QColor,
    QFont,
    QPainter,
    QPalette,
    QPen,
    QPixmap,
    QTextDocument,
)
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem

from gzexplorer.charts.i18n import language, qualifier_words
from gzexplorer.ui.item_models import (
    ContentRole,
    CountRole,
    HighlightRole,
    RecordRole,
    SpansRole,
    TagsRole,
    card_parts,
)

if TYPE_CHECKING:
    from gzexplorer.model import Excerpt, Figure

ACCENT = QColor("#0072B2")
MATCH = QColor("#FFE08A")


def _blank_pixmap(width: float, height: float, ratio: float) -> QPixmap:
    """A transparent pixmap of ``width`` × ``height`` logical pixels at ``ratio``."""
    pixmap = QPixmap(max(1, math.ceil(width * ratio)), max(1, math.ceil(height * ratio)))
    pixmap.setDevicePixelRatio(ratio)
    pixmap.fill(Qt.GlobalColor.transparent)
    return pixmap


def _is_dark(option: QStyleOptionViewItem) -> bool:
    return option.palette.color(QPalette.ColorRole.Base).lightness() < 128


class ThemeDelegate(QStyledItemDelegate):
    """A sidebar row: icon, name and a pill with the number of figures."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._sizes: dict[tuple, QSize] = {}  # the list asks again on every switch

    def sizeHint(self, option, index):  # noqa: N802
        icon = option.decorationSize
        key = (
            index.data(Qt.ItemDataRole.DisplayRole),
            option.font.key(),
            icon.width(),
            icon.height(),
        )
        size = self._sizes.get(key)
        if size is None:
            base = super().sizeHint(option, index)
            size = QSize(base.width() + 40, max(base.height(), option.fontMetrics.height() + 18))
            self._sizes[key] = size
        return size

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex) -> None:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        count = index.data(CountRole)
        pill_w = 0
        if count:
            pill_w = opt.fontMetrics.horizontalAdvance(str(count)) + 16
        opt.rect = option.rect.adjusted(0, 0, -pill_w - 8, 0)
        style = opt.widget.style() if opt.widget else None
        painter.save()
        if style:
            # the whole row shows selection and focus, the text leaves room for the pill
            full = QStyleOptionViewItem(option)
            self.initStyleOption(full, index)
            full.text = ""
            full.icon = full.icon.__class__()
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, full, painter, opt.widget)
            opt.backgroundBrush = Qt.BrushStyle.NoBrush
            opt.state &= ~QStyle.StateFlag.State_HasFocus
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, opt.widget)
            if option.state & QStyle.StateFlag.State_Selected and not opt.icon.isNull():
                # the icon again on a light tile: a blue icon would vanish in the blue selection
                icon_rect = style.subElementRect(
                    QStyle.SubElement.SE_ItemViewItemDecoration, opt, opt.widget
                )
                painter.setRenderHint(QPainter.RenderHint.Antialiasing)
                painter.setPen(Qt.PenStyle.NoPen)
                painter.setBrush(QColor(255, 255, 255, 240))
                painter.drawRoundedRect(QRectF(icon_rect).adjusted(-3, -3, 3, 3), 4, 4)
                opt.icon.paint(painter, icon_rect)
        if count:
            h = opt.fontMetrics.height() + 2
            r = QRectF(
                option.rect.right() - pill_w - 6, option.rect.center().y() - h / 2, pill_w, h
            )
            selected = bool(option.state & QStyle.StateFlag.State_Selected)
            pal = option.palette
            bg = pal.color(
                QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Mid
            )
            bg.setAlpha(60 if selected else 90)
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(bg)
            painter.drawRoundedRect(r, h / 2, h / 2)
            painter.setPen(
                pal.color(
                    QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
                )
            )
            painter.drawText(r, Qt.AlignmentFlag.AlignCenter, str(count))
        painter.restore()


def escape_html(text: str) -> str:
    """``text`` as the content of an HTML element (the html module's import is
    slower than this for a window's first frame)."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


_EMPHASIS = re.compile(r"\*([^*]+?)\*", re.DOTALL)  # the document marks italics *like this*


def excerpt_html(e: Excerpt, spans: tuple[tuple[int, int], ...], match_color: str) -> str:
    """The passage as HTML: tables as tables, search matches marked."""
    if e.kind == "table":
        rows = e.text.split("\n")
        cells = []
        for i, row in enumerate(rows):
            tag = "th" if i == 0 else "td"
            cells.append(
                "<tr>"
                + "".join(f"<{tag}>{escape_html(c.strip())}</{tag}>" for c in row.split("\t"))
                + "</tr>"
            )
        return '<table cellspacing="0" cellpadding="3">' + "".join(cells) + "</table>"
    out, pos = [], 0
    for start, end in spans:
        if start < pos:
            continue
        out.append(escape_html(e.text[pos:start]))
        out.append(
            f'<span style="background-color:{match_color}; color:#000">'
            f"{escape_html(e.text[start:end])}</span>"
        )
        pos = end
    out.append(escape_html(e.text[pos:]))
    body = _EMPHASIS.sub(r"<i>\1</i>", "".join(out)).replace("\n", "<br>")
    if e.kind in ("quote", "caption"):
        body = f"<i>{body}</i>"
    return body


class ExcerptDelegate(QStyledItemDelegate):
    """A passage: a small header (section, kind, themes) and the wrapped text."""

    estimatesMade = Signal()  # some heights are guesses: measure them when idle
    firstPainted = Signal()  # the list has been painted once

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
        self._drawn_once: set[tuple] = set()  # painted directly once; a pixmap if again
        self.painted = False

    def _key(self, option: QStyleOptionViewItem, index: QModelIndex, width: float) -> tuple:
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
        )

    def _pixmap(self, option, index, width: float, key: tuple) -> QPixmap:
        """The passage's text drawn on a transparent pixmap (kept for the next paint);
        ``key``: :meth:`_key` followed by the device pixel ratio."""
        pixmap = self._pixmaps.get(key)
        if pixmap is not None:
            self._pixmaps.move_to_end(key)
            return pixmap
        ratio = key[-1]
        doc = self._doc(option, index, width, key[:-1])
        pixmap = _blank_pixmap(doc.size().width(), doc.size().height(), ratio)
        painter = QPainter(pixmap)
        self._draw_text(painter, option, doc)
        painter.end()
        self._pixmaps[key] = pixmap
        self._pixmap_bytes += pixmap.width() * pixmap.height() * 4
        while self._pixmap_bytes > self.PIXMAP_BYTES and len(self._pixmaps) > 1:
            _, old = self._pixmaps.popitem(last=False)
            self._pixmap_bytes -= old.width() * old.height() * 4
        return pixmap

    def _doc(self, option, index, width: float, key: tuple) -> QTextDocument:
        """The passage laid out at ``width`` (``key``: from :meth:`_key`)."""
        doc = self._docs.get(key)
        if doc is not None:
            self._docs.move_to_end(key)
            return doc
        doc = self._make_doc(option, index, index.data(RecordRole), width)
        self._docs[key] = doc
        if len(self._docs) > self.CACHE:
            self._docs.popitem(last=False)
        return doc

    def _make_doc(self, option, index, e: Excerpt, width: float) -> QTextDocument:
        doc = QTextDocument()
        doc.setDocumentMargin(0)
        doc.setDefaultFont(option.font)
        text_color = option.palette.color(QPalette.ColorRole.Text).name()
        muted = option.palette.color(QPalette.ColorRole.PlaceholderText).name()
        tags = index.data(TagsRole) or ""
        header = " · ".join(x for x in (e.section, e.kind, tags) if x)
        small = max(7.0, option.font.pointSizeF() * 0.85)
        doc.setDefaultStyleSheet(f"body {{ color: {text_color}; }} th {{ text-align: left; }}")
        body = excerpt_html(e, index.data(SpansRole) or (), MATCH.name())
        doc.setHtml(
            f'<div style="color:{muted}; font-size:{small:.1f}pt">{escape_html(header)}</div>'
            f'<div style="margin-top:3px">{body}</div>'
        )
        doc.setTextWidth(max(50.0, width))
        return doc

    def _text_width(self, option: QStyleOptionViewItem) -> float:
        """The width the text is laid out at: the list's inside width less a scroll
        bar, whether one is shown or not. Passages are measured once; otherwise the
        scroll bar appearing as the list fills would have them all measured again."""
        view = option.widget
        if view is None:
            return option.rect.width() - 2 * self.PAD - self.ACCENT_W - 4
        bar = view.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent, None, view)
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

    def measure(self, option: QStyleOptionViewItem, index: QModelIndex) -> int:
        """The passage's exact height (laid out once, then remembered)."""
        width = self._text_width(option)
        key = self._key(option, index, width)
        return self._heights.get(key) or self._measure(option, index, width, key)

    def _measure(self, option, index, width: float, key: tuple) -> int:
        height = int(self._doc(option, index, width, key).size().height()) + 2 * self.PAD
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
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        cited = bool(index.data(HighlightRole))
        dark = _is_dark(option)
        # filled with drawRect, not fillRect: fillRect's overloads make PySide build the
        # QGradient enums (about 170 members) on its first call, in the first paint
        painter.setPen(Qt.PenStyle.NoPen)
        if cited:
            tint = QColor(ACCENT)
            tint.setAlpha(70 if dark else 34)
            painter.setBrush(tint)
            painter.drawRect(rect)
            painter.setBrush(ACCENT)
            painter.drawRect(QRect(rect.left(), rect.top(), self.ACCENT_W, rect.height()))
        if selected:
            sel = pal.color(QPalette.ColorRole.Highlight)
            sel.setAlpha(60)
            painter.setBrush(sel)
            painter.drawRect(rect)
        sep = pal.color(QPalette.ColorRole.Mid)
        sep.setAlpha(80)
        painter.setBrush(sep)
        painter.drawRect(QRect(rect.left(), rect.bottom(), rect.width(), 1))
        if option.state & QStyle.StateFlag.State_HasFocus:
            painter.setPen(QPen(pal.color(QPalette.ColorRole.Highlight), 2))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRect(rect.adjusted(1, 1, -1, -1))
        width = self._text_width(option)
        ratio = painter.device().devicePixelRatioF()
        at = QPointF(rect.left() + self.PAD + self.ACCENT_W + 2, rect.top() + self.PAD)
        doc_key = self._key(option, index, width)
        key = (*doc_key, ratio)
        if key in self._pixmaps or key in self._drawn_once:  # shown again: keep it drawn
            painter.drawPixmap(at, self._pixmap(option, index, width, key))
        else:  # the first time, straight to the screen (a pixmap would cost more now)
            if len(self._drawn_once) > 4 * self.CACHE:
                self._drawn_once.clear()
            self._drawn_once.add(key)
            painter.translate(at)
            self._draw_text(painter, option, self._doc(option, index, width, doc_key))
        painter.restore()
        if not self.painted:
            self.painted = True
            self.firstPainted.emit()

    @staticmethod
    def _draw_text(painter: QPainter, option: QStyleOptionViewItem, doc: QTextDocument) -> None:
        ctx = QAbstractTextDocumentLayout.PaintContext()
        ctx.palette.setColor(QPalette.ColorRole.Text, option.palette.color(QPalette.ColorRole.Text))
        doc.documentLayout().draw(painter, ctx)


class FigureCardDelegate(QStyledItemDelegate):
    """A figure card: qualifier, the number large, its unit and label."""

    SIZE = QSize(200, 96)
    CACHE = 64  # drawn cards kept: a theme switch shows the same cards again

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._pixmaps: OrderedDict[tuple, QPixmap] = OrderedDict()

    def sizeHint(self, option, index):  # noqa: N802
        return self.SIZE

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex) -> None:
        """The card is drawn once per look (state, colours, size) and copied after."""
        f: Figure = index.data(RecordRole)
        pal = option.palette
        ratio = painter.device().devicePixelRatioF()
        key = (
            f.id,
            card_parts(f),  # the content too: another pack may reuse the id
            f.qualifier,
            f.year,
            f.text("label", language()),
            language(),
            bool(index.data(HighlightRole)),
            bool(option.state & QStyle.StateFlag.State_Selected),
            bool(option.state & QStyle.StateFlag.State_HasFocus),
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
            card = QStyleOptionViewItem(option)
            card.rect = QRect(0, 0, option.rect.width(), option.rect.height())
            on = QPainter(pixmap)
            self._draw(on, card, f, bool(index.data(HighlightRole)))
            on.end()
            self._pixmaps[key] = pixmap
            if len(self._pixmaps) > self.CACHE:
                self._pixmaps.popitem(last=False)
        else:
            self._pixmaps.move_to_end(key)
        painter.drawPixmap(option.rect.topLeft(), pixmap)

    def _draw(self, painter: QPainter, option: QStyleOptionViewItem, f: Figure, cited: bool):
        pal = option.palette
        dark = _is_dark(option)
        r = QRectF(option.rect).adjusted(4, 4, -4, -4)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        card = pal.color(QPalette.ColorRole.Base)
        border = pal.color(QPalette.ColorRole.Mid)
        if cited or selected:
            border = ACCENT
        painter.setPen(border)
        painter.setBrush(card)
        painter.drawRoundedRect(r, 6, 6)
        if cited or selected:
            tint = QColor(ACCENT)
            tint.setAlpha(60 if dark else 28)
            painter.setBrush(tint)
            painter.drawRoundedRect(r, 6, 6)
            painter.fillRect(QRectF(r.left() + 1, r.top() + 6, 3, r.height() - 12), ACCENT)
        if option.state & QStyle.StateFlag.State_HasFocus:
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
        words = qualifier_words(f.qualifier)
        qual = words[:1].upper() + words[1:]
        year = str(f.year) if f.year is not None else ""
        painter.setFont(small)
        painter.setPen(muted)
        line_h = painter.fontMetrics().height()
        painter.drawText(
            QRectF(inner.left(), inner.top(), inner.width(), line_h),
            Qt.AlignmentFlag.AlignLeft,
            qual,
        )
        painter.drawText(
            QRectF(inner.left(), inner.top(), inner.width(), line_h),
            Qt.AlignmentFlag.AlignRight,
            year,
        )
        painter.setFont(big)
        painter.setPen(text)
        big_h = painter.fontMetrics().height()
        value, unit = card_parts(f)
        value_rect = QRectF(inner.left(), inner.top() + line_h, inner.width(), big_h)
        painter.drawText(
            value_rect, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, value
        )
        if unit:
            adv = painter.fontMetrics().horizontalAdvance(value + " ")
            painter.setFont(small)
            painter.setPen(muted)
            painter.drawText(
                QRectF(inner.left() + adv, inner.top() + line_h, inner.width() - adv, big_h),
                Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                painter.fontMetrics().elidedText(
                    unit, Qt.TextElideMode.ElideRight, int(inner.width() - adv)
                ),
            )
        painter.setFont(small)
        painter.setPen(text)
        label_rect = QRectF(
            inner.left(),
            inner.top() + line_h + big_h,
            inner.width(),
            inner.bottom() - (inner.top() + line_h + big_h),
        )
        painter.drawText(
            label_rect,
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop | Qt.TextFlag.TextWordWrap,
            f.text("label", language()),
        )
        painter.restore()
