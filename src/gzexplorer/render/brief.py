"""The PDF brief drawn on pages: a title block, per view its charts (drawn by the same
ChartCanvas as the window and the PNG/SVG export, as vector graphics), its figure
cards and its cited passages, then the sources; a running header and page numbers.

What goes in it is :mod:`gzexplorer.brief`. Text is laid out by QTextDocument and drawn
with QPainter, so it stays text in the PDF (selectable, searchable); fonts are
embedded by Qt, a CJK one for Chinese text. The pages are laid out first (blocks of
known height placed top to bottom, a chart or a card row never split, text split
between lines), then drawn, so that each page knows how many there are.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QBuffer,
    QByteArray,
    QCoreApplication,
    QIODevice,
    QMarginsF,
    QPointF,
    QRectF,
    QSizeF,
    Qt,
)
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QPen,
    QRegion,
    QTextDocument,
)
from PySide6.QtWidgets import QApplication, QGraphicsTextItem, QWidget

from gzexplorer.brief import Brief, Passage, Section, make_brief
from gzexplorer.charts.context import ENGLISH, ChartContext
from gzexplorer.charts.spec import OVERVIEW
from gzexplorer.files import check_target, write_bytes
from gzexplorer.render.canvas import ChartCanvas
from gzexplorer.render.export import ExportError, dispose, laid_out_canvas
from gzexplorer.render.style import ChartStyle

if TYPE_CHECKING:
    from gzexplorer.charts.spec import ChartSpec
    from gzexplorer.model import Dataset

PAGES = {"a4": QPageSize.PageSizeId.A4, "letter": QPageSize.PageSizeId.Letter}
DPI = 96  # device units are screen pixels: the canvas lays out as in an export
MARGINS_MM = QMarginsF(16, 12, 16, 12)  # left, top, right, bottom
HEADER = 30.0  # the running header's band, pages after the first
FOOTER = 26.0  # the page number's band
CARDS_PER_ROW = 3
CELL_GAP = re.compile(r"\t|\s*\|\s*| {2,}|\u3000")  # between a table's cells, as
# model.cited_numbers reads them
LEAST_LINES = 3  # lines of a text kept together at the foot and the head of a page
TITLE_LINES = 6  # a chart's title on paper: whole, up to this many lines
BODY_PT = 9.5
TEXT = "#1A1A1A"
MUTED = "#5C5C5C"
RULE = "#D0D0D0"


translate = QCoreApplication.translate  # translate("Brief", …), as lupdate reads it


def export_brief(
    dataset: Dataset,
    path: str | Path,
    view_id: str | None = None,
    page: str = "a4",
    context: ChartContext = ENGLISH,
) -> Path:
    """Write the brief of ``view_id`` (None: every view) to ``path``, safely: ExportError
    for a bad request, WriteError for a bad target (nothing is left half-written)."""
    if page not in PAGES:
        raise ExportError(f"unknown page size {page!r}; use a4 or letter")
    try:
        content = make_brief(dataset, view_id, context)
    except KeyError:
        from gzexplorer import charts

        views = ", ".join(v for v, _ in charts.views(dataset))
        raise ExportError(f"unknown theme {view_id!r}; choose one of {views}") from None
    check_target(path)  # before drawing: a bad target fails at once
    return write_bytes(path, pdf_bytes(content, page))


def pdf_bytes(content: Brief, page: str = "a4") -> bytes:
    """The brief as a PDF document."""
    data = QByteArray()
    buf = QBuffer(data)
    buf.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buf)
    writer.setResolution(DPI)
    writer.setPageLayout(
        QPageLayout(
            QPageSize(PAGES[page]),
            QPageLayout.Orientation.Portrait,
            MARGINS_MM,
            QPageLayout.Unit.Millimeter,
        )
    )
    brief = translate("Brief", "Brief")
    writer.setTitle(f"{content.title} — {brief}")
    writer.setCreator("gzexplorer")
    area = QSizeF(writer.width(), writer.height())  # inside the margins, device units
    room = area.height() - HEADER - FOOTER
    sheet = _Sheet(writer, area.width(), room)
    pages = paginate(sheet.blocks(content), area.height() - FOOTER, room)
    painter = QPainter(writer)
    try:
        painter.setRenderHints(
            QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing
        )
        for number, placed in enumerate(pages, start=1):
            if number > 1:
                writer.newPage()
            top = 0.0 if number == 1 else HEADER
            if number > 1:
                sheet.draw_header(painter, area, content.title, placed[0].block.section)
            for item in placed:
                painter.save()
                painter.translate(0, top + item.y)
                item.block.draw(painter, item.top, item.bottom)
                painter.restore()
            sheet.draw_footer(painter, area, number, len(pages))
    finally:
        painter.end()
    buf.close()
    return bytes(data.data())


# -- blocks and pages -------------------------------------------------------------------


class Block:
    """Something of known height drawn at the painter's origin, whole (``keep``) or
    in parts that end where :meth:`breaks` allows."""

    height = 0.0
    keep = True
    keep_with_next = False  # a heading: on the page of what follows it
    space_before = 0.0
    section = ""  # the view it belongs to, for the running header

    def breaks(self) -> list[float]:
        """Where a page may end inside the block (ascending, within its height)."""
        return []

    def least(self) -> float:
        """The height of the block's first part: all of it when kept whole."""
        if self.keep:
            return self.height
        return next((b for b in self.breaks() if b > 0), self.height)

    def draw(self, painter: QPainter, top: float, bottom: float) -> None:
        raise NotImplementedError


@dataclass
class Placed:
    block: Block
    y: float  # on the page's content area
    top: float  # the part of the block drawn there
    bottom: float


def paginate(blocks: list[Block], first: float, room: float) -> list[list[Placed]]:
    """Blocks placed on pages ``first`` (page one) or ``room`` high."""
    pages: list[list[Placed]] = [[]]
    y, height = 0.0, first

    def new_page() -> None:
        nonlocal y, height
        pages.append([])
        y, height = 0.0, room

    for i, block in enumerate(blocks):
        if y > 0:
            y += block.space_before
        need = block.least()
        if block.keep_with_next and i + 1 < len(blocks):
            need += blocks[i + 1].space_before + blocks[i + 1].least()
        if y > 0 and y + min(need, height) > height:
            new_page()
        top = 0.0
        while True:
            if block.keep or y + block.height - top <= height:
                pages[-1].append(Placed(block, y, top, block.height))
                y += block.height - top
                break
            fits = [b for b in block.breaks() if top < b <= top + height - y]
            if not fits and y > 0:
                new_page()
                continue
            cut = fits[-1] if fits else top + height - y  # a line taller than a page
            pages[-1].append(Placed(block, y, top, cut))
            top = cut
            new_page()
    if not pages[-1]:
        pages.pop()
    return pages


class TextBlock(Block):
    """Rich text laid out by QTextDocument, broken between lines."""

    def __init__(self, doc: QTextDocument, section: str, space_before: float = 0.0) -> None:
        self.doc = doc
        self.section = section
        self.space_before = space_before
        self.height = doc.size().height()
        self.keep = False

    def breaks(self) -> list[float]:
        """Between lines, with at least LEAST_LINES lines of the block on each side (a
        passage's heading line stays with its first lines), and through no line (a
        table's cells lie side by side)."""
        spans = self._lines()
        bottoms = sorted({bottom for _, bottom in spans})[LEAST_LINES - 1 : -LEAST_LINES]
        return [y for y in bottoms if not any(top < y - 0.5 < bottom - 1 for top, bottom in spans)]

    def _lines(self) -> list[tuple[float, float]]:
        """(top, bottom) of every line of the text."""
        out = []
        layout = self.doc.documentLayout()
        block = self.doc.begin()
        while block.isValid():
            top = layout.blockBoundingRect(block).top()
            lines = block.layout()
            for i in range(lines.lineCount()):
                line = lines.lineAt(i)
                out.append((top + line.y(), top + line.y() + line.height()))
            block = block.next()
        return out

    def draw(self, painter: QPainter, top: float, bottom: float) -> None:
        painter.translate(0, -top)
        # half a unit inside the cut: a line that touches it is not drawn (and clipped)
        self.doc.drawContents(painter, QRectF(0, top + 0.5, self.doc.textWidth(), bottom - top - 1))


class HeadingBlock(TextBlock):
    def __init__(self, doc: QTextDocument, section: str, space_before: float = 0.0) -> None:
        super().__init__(doc, section, space_before)
        self.keep = True
        self.keep_with_next = True


class ChartBlock(Block):
    """A chart as the window draws it, laid out at the block's size when drawn.

    Given ``most`` (a height it may grow to), a chart whose words (a long title, many
    legend entries and notes) leave its plot less than half of ``height`` is made as
    much taller as that takes."""

    def __init__(
        self, spec: ChartSpec, width: float, height: float, section: str, most: float = 0
    ) -> None:
        self.spec = spec
        self.width = int(width)
        self.height = float(int(height))
        self.section = section
        self.space_before = 10.0
        if most > height:
            canvas = self.canvas()
            short = height * 0.5 - canvas.plot_widget.height()
            dispose(canvas)
            self.height = float(int(min(most, height + max(0.0, short))))

    def canvas(self) -> ChartCanvas:
        """The chart's canvas at the block's size, its title whole, its words unligated
        (give it to :func:`dispose` when done)."""
        canvas = laid_out_canvas(self.spec, self.width, int(self.height), ChartStyle())
        if canvas.title.is_cut():  # the window's two lines: the page has room for all
            canvas.title.set_max_lines(TITLE_LINES)
        _without_ligatures(canvas)
        canvas.layout().invalidate()
        canvas.layout().activate()
        QApplication.processEvents()
        canvas.reset_view()
        QApplication.processEvents()
        return canvas

    def draw(self, painter: QPainter, top: float, bottom: float) -> None:
        canvas = self.canvas()
        try:
            paint_vector(canvas, painter)
        finally:
            dispose(canvas)


def unligated(font: QFont) -> QFont:
    """``font`` without ligatures: "fi" stays two letters in the PDF's text, so that a
    search for "first" finds it and a copy pastes it as written."""
    font = QFont(font)
    font.setFeature(QFont.Tag("liga"), 0)
    return font


def _without_ligatures(canvas: ChartCanvas) -> None:
    for widget in canvas.findChildren(QWidget):
        widget.setFont(unligated(widget.font()))
    for item in canvas.plot_widget.scene().items():
        if isinstance(item, QGraphicsTextItem):
            item.setFont(unligated(item.font()))


def paint_vector(canvas: ChartCanvas, painter: QPainter) -> None:
    """The canvas painted as vector graphics: its labels as widgets, its plot as its
    scene's items, each item in pyqtgraph's export mode (a view would paint its
    cached background, and scatter symbols, as images)."""
    painter.fillRect(QRectF(canvas.rect()), QColor(canvas.chart_style.background))
    view = canvas.plot_widget
    for child in canvas.findChildren(QWidget, options=Qt.FindChildOption.FindDirectChildrenOnly):
        if child is not view and child.isVisible():
            child.render(painter, child.pos(), QRegion(), QWidget.RenderFlag.DrawChildren)
    viewport = view.viewport()
    source = view.mapToScene(viewport.rect()).boundingRect()
    target = QRectF(viewport.geometry()).translated(QPointF(view.pos()))
    items = [i for i in view.scene().items() if hasattr(i, "setExportMode")]
    options = {"painter": painter, "antialias": True, "background": None}
    for item in items:
        item.setExportMode(True, options)
    try:
        painter.save()
        painter.setClipRect(target)
        view.scene().render(painter, target, source)
        painter.restore()
    finally:
        for item in items:
            item.setExportMode(False)


class CardRowBlock(Block):
    """Figure cards side by side, framed as in the window, each as high as the row."""

    GAP = 10.0
    PAD = 8.0

    def __init__(self, docs: list[QTextDocument], width: float, section: str) -> None:
        self.docs = docs
        self.card_width = (width - self.GAP * (CARDS_PER_ROW - 1)) / CARDS_PER_ROW
        for doc in docs:
            doc.setTextWidth(self.card_width - 2 * self.PAD)
        self.height = max(d.size().height() for d in docs) + 2 * self.PAD
        self.section = section
        self.space_before = self.GAP

    def draw(self, painter: QPainter, top: float, bottom: float) -> None:
        for i, doc in enumerate(self.docs):
            x = i * (self.card_width + self.GAP)
            painter.setPen(QPen(QColor(RULE), 1))
            painter.setBrush(QColor("#F7F7F8"))
            painter.drawRoundedRect(QRectF(x, 0, self.card_width, self.height), 6, 6)
            painter.save()
            painter.translate(x + self.PAD, self.PAD)
            doc.drawContents(painter)
            painter.restore()


# -- the words and their look -------------------------------------------------------------


STYLESHEET = f"""
h1 {{ font-size: 20pt; font-weight: 700; color: {TEXT}; }}
h2 {{ font-size: 15pt; font-weight: 700; color: {TEXT}; }}
h3 {{ font-size: 11pt; font-weight: 700; color: {TEXT}; }}
p {{ color: {TEXT}; }}
.muted {{ color: {MUTED}; }}
.small {{ font-size: 8pt; }}
.value {{ font-size: 17pt; font-weight: 700; }}
.cited {{ font-weight: 700; text-decoration: underline; }}
td {{ padding-right: 14px; padding-top: 1px; padding-bottom: 1px; }}
"""


class _Sheet:
    """Makes the blocks of a brief for a page ``width`` wide, and draws the header and
    footer of its pages."""

    def __init__(self, device: QPdfWriter, width: float, room: float) -> None:
        self.device = device
        self.width = width
        self.room = room  # the height of a page's content
        family = QApplication.font().family()
        self.font = unligated(QFont(family))
        self.font.setPointSizeF(BODY_PT)
        self.small = unligated(QFont(family))
        self.small.setPointSizeF(8)

    def doc(self, body: str, width: float | None = None) -> QTextDocument:
        doc = QTextDocument()
        doc.documentLayout().setPaintDevice(self.device)
        doc.setDocumentMargin(0)
        doc.setDefaultFont(self.font)
        doc.setDefaultStyleSheet(STYLESHEET)
        doc.setHtml(body)
        doc.setTextWidth(self.width if width is None else width)
        return doc

    def blocks(self, content: Brief) -> list[Block]:
        blocks: list[Block] = [TextBlock(self.doc(_title(content)), "")]
        for section in content.sections:
            blocks += self.section_blocks(section, content.context)
        heading = translate("Brief", "Sources")
        blocks.append(HeadingBlock(self.doc(f"<h2>{_e(heading)}</h2>"), heading, 24))
        sources = TextBlock(self.doc(_sources(content)), heading)
        sources.keep = sources.height < self.room / 2  # on one page, unless very long
        blocks.append(sources)
        return blocks

    def section_blocks(self, s: Section, context: ChartContext) -> list[Block]:
        name = translate("Brief", "Overview") if s.view_id == OVERVIEW else s.name
        out: list[Block] = [HeadingBlock(self.doc(f"<h2>{_e(name)}</h2>"), name, 24)]
        most = self.room * 0.85
        out += [
            ChartBlock(spec, self.width, self.chart_height(spec), name, most) for spec in s.charts
        ]
        if s.figures:
            heading = translate("Brief", "Figures")
            out.append(HeadingBlock(self.doc(f"<h3>{_e(heading)}</h3>"), name, 16))
            cards = [self.doc(_card(f, context)) for f in s.figures]
            for i in range(0, len(cards), CARDS_PER_ROW):
                out.append(CardRowBlock(cards[i : i + CARDS_PER_ROW], self.width, name))
        if s.passages:
            heading = translate("Brief", "Passages")
            intro = translate(
                "Brief", "The passages these numbers come from, the numbers cited in bold."
            )
            out.append(
                HeadingBlock(
                    self.doc(f"<h3>{_e(heading)}</h3><p class='muted small'>{_e(intro)}</p>"),
                    name,
                    16,
                )
            )
            out += [TextBlock(self.doc(_passage(p)), name, 14) for p in s.passages]
        if not (s.charts or s.figures or s.passages):
            none = translate("Brief", "The document gives no numbers for this theme.")
            out.append(TextBlock(self.doc(f"<p class='muted'>{_e(none)}</p>"), name, 8))
        return out

    def chart_height(self, spec: ChartSpec) -> float:
        """A chart's height: about 8:5; a timeline's as its lanes need (an event a lane),
        lower for a few events, taller for many; never more than most of a page."""
        height = min(self.width * 0.62, 560.0)
        if spec.kind == "timeline":  # about as high as its lanes
            events = sum(len(series.marks) for series in spec.series)
            height = max(min(height, 190 + 36 * events), height + (events - 10) * 16)
        return min(height, self.room * 0.85)  # (ChartBlock: taller for many words)

    def draw_header(self, painter: QPainter, area: QSizeF, title: str, section: str) -> None:
        words = f"{title} · {section}" if section else title
        metrics = QFontMetricsF(self.small, self.device)
        words = metrics.elidedText(words, Qt.TextElideMode.ElideMiddle, area.width())
        painter.setFont(self.small)
        painter.setPen(QColor(MUTED))
        painter.drawText(QRectF(0, 0, area.width(), HEADER - 10), Qt.AlignmentFlag.AlignLeft, words)
        painter.setPen(QPen(QColor(RULE), 0.75))
        painter.drawLine(0, HEADER - 10, area.width(), HEADER - 10)

    def draw_footer(self, painter: QPainter, area: QSizeF, number: int, count: int) -> None:
        words = (
            translate("Brief", "Page %1 of %2").replace("%1", str(number)).replace("%2", str(count))
        )
        painter.setFont(self.small)
        painter.setPen(QColor(MUTED))
        box = QRectF(0, area.height() - FOOTER + 8, area.width(), FOOTER - 8)
        painter.drawText(box, Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignBottom, words)


def _e(text: str) -> str:
    return html.escape(text, quote=False)


def _title(content: Brief) -> str:
    date = content.date.isoformat()
    made = (
        translate("Brief", "Exported %1 from data pack version %2")
        .replace("%1", date)
        .replace("%2", content.version)
        if content.version
        else translate("Brief", "Exported %1").replace("%1", date)
    )
    kind = translate("Brief", "Data brief")
    return (
        f"<p class='muted'>{_e(kind)}</p>"
        f"<h1>{_e(content.title)}</h1>"
        f"<p>{_e(content.reference)}</p>"
        f"<p class='muted small'>{_e(made)}</p>"
    )


def _card(figure, context: ChartContext) -> str:
    from gzexplorer.ui.item_models import card  # the window's card words

    c = card(figure, context)
    parts = []
    if c.qualifier:
        parts.append(f"<p class='muted small'>{_e(c.qualifier)}</p>")
    unit = f" <span class='small'>{_e(c.unit)}</span>" if c.unit else ""
    parts.append(f"<p><span class='value'>{_e(c.value)}</span>{unit}</p>")
    parts.append(f"<p>{_e(c.label)}</p>")
    if c.year:
        parts.append(f"<p class='muted small'>{_e(c.year)}</p>")
    return "".join(parts)


def _passage(p: Passage) -> str:
    """A passage's HTML, its cited numbers marked; a table's lines as the rows of a
    table (a line of one cell, such as its source, across all the columns)."""
    where = " · ".join(
        x for x in (p.section, translate("Brief", "passage %1").replace("%1", p.id)) if x
    )
    head = f"<p class='muted small' style='margin-bottom: 3px'>{_e(where)}</p>"
    if p.kind != "table":
        return head + f"<p>{_marked(p, 0, len(p.text)).replace(chr(10), '<br>')}</p>"
    lines, at = [], 0
    for line in p.text.split("\n"):
        cells, start = [], at
        for gap in CELL_GAP.finditer(line):
            cells.append((start, at + gap.start()))
            start = at + gap.end()
        cells.append((start, at + len(line)))
        lines.append(cells)
        at += len(line) + 1
    width = max(len(cells) for cells in lines)
    rows = []
    for cells in lines:
        span = f" colspan='{width}'" if len(cells) == 1 and width > 1 else ""
        tds = "".join(f"<td{span}>{_marked(p, a, b)}</td>" for a, b in cells)
        rows.append(f"<tr>{tds}</tr>")
    return head + f"<table cellspacing='0' style='margin-top: 4px'>{''.join(rows)}</table>"


def _marked(p: Passage, start: int, end: int) -> str:
    """The passage's text from ``start`` to ``end``, escaped, its cited numbers marked."""
    runs, at = [], start
    for a, b in p.marks:
        a, b = max(a, start), min(b, end)
        if a >= b:
            continue
        runs.append(_e(p.text[at:a]))
        runs.append(f"<span class='cited'>{_e(p.text[a:b])}</span>")
        at = b
    runs.append(_e(p.text[at:end]))
    return "".join(runs)


def _sources(content: Brief) -> str:
    items = [f"<li>{_e(s)}</li>" for s in content.sources]
    licence = translate("Brief", "Licence: %1")
    items += [f"<li>{_e(licence.replace('%1', x))}</li>" for x in content.licences]
    out = f"<ul>{''.join(items)}</ul>" if items else ""
    if content.attribution:
        out += f"<p class='muted'>{_e(content.attribution)}</p>"
    return out


__all__ = ["PAGES", "export_brief", "paginate", "pdf_bytes"]
