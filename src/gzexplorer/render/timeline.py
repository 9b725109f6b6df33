"""Timelines: one dot per dated event, in the lane charts/ gave it, its title beside it.

A title stands on the side of its dot with room for it (right of the early events,
left of the late ones, the other side when that one is too narrow), wraps to a second
line where the lanes leave room for one, and is elided otherwise: every title stays
inside the plot. Where the lanes are closer than a line of text, titles that would
overlap one above are left out (the dot's tooltip still names its event)."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pyqtgraph as pg
from PySide6.QtCore import QPointF, QRectF
from PySide6.QtGui import QFontMetricsF

from gzexplorer import markup
from gzexplorer.render.labels import wrap_lines
from gzexplorer.render.renderer import Range, Renderer

if TYPE_CHECKING:
    from gzexplorer.charts.spec import Mark

TITLE_MARGIN = 1.0  # pixels around a title's text (Qt's default for a text item is 4)


class TimelineRenderer(Renderer):
    left_axis = False  # lanes are no quantity

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.titles: list[tuple[Mark, pg.TextItem]] = []  # top lane first, once drawn

    def axis_labels(self) -> tuple[str, str]:
        return "", ""  # the years speak for themselves

    def draw(self) -> None:
        s = self.canvas.chart_style
        self.grid(True, False)
        self.marks = list(self.spec.marks())
        self.titles = []
        for series in self.spec.series:
            marks = list(series.marks)
            xs, lanes = [m.x for m in marks], [m.y for m in marks]
            self.canvas.add_scatter(marks, xs, lanes, self.color(series.color), size=self._dot())
            for m in marks:
                title = self.text(m.label, m.x, m.y, (0, 0.5), s.text, s.body_pt)
                title.textItem.document().setDocumentMargin(TITLE_MARGIN)
                self.titles.append((m, title))
        # top lane first: where titles must be left out, the earliest are kept
        self.titles.sort(key=lambda mt: -mt[0].y)

    def _dot(self) -> float:
        return self.canvas.chart_style.marker + 3

    def _line_height(self) -> float:
        font = self.canvas.text_font(self.canvas.chart_style.body_pt)
        return QFontMetricsF(font).height() + 2 * TITLE_MARGIN

    def view_range(self) -> Range:
        xs = [m.x for m in self.marks] or [0]
        pad = max(1.0, (max(xs) - min(xs)) * 0.08)
        lanes = len(self.marks)
        # a lane of room above the top and below the bottom lane, or more where the
        # plot is short: half a title's height in pixels
        height = self.canvas.plot_item.getViewBox().height()
        half = self._line_height() / 2 + 1
        below = 1.0
        if height > 4 * half:
            below = max(1.0, half * max(lanes - 1, 0) / (height - 2 * half))
        return (min(xs) - pad, max(xs) + pad), (-below, lanes - 1 + below)

    def fit(self) -> None:
        """Place every title beside its dot inside the plot, at the plot's size now."""
        view_box = self.canvas.plot_item.getViewBox()
        if not self.titles or view_box.width() <= 0:
            return
        plot = view_box.rect()
        years = [m.x for m in self.marks]
        middle = (min(years) + max(years)) / 2
        s = self.canvas.chart_style
        gap = s.px(self._dot()) / 2 + s.px(6)  # from the dot's centre to its title
        lane = abs(
            view_box.mapFromView(QPointF(0, 0)).y() - view_box.mapFromView(QPointF(0, 1)).y()
        )
        two_lines = lane >= 2 * self._line_height()
        shown: list[QRectF] = []
        for m, title in self.titles:
            at = view_box.mapFromView(QPointF(m.x, m.y))
            room = {
                "right": plot.right() - (at.x() + gap) - 1,
                "left": (at.x() - gap) - plot.left() - 1,
            }
            first = "right" if m.x <= middle else "left"
            other = "left" if first == "right" else "right"
            side = first
            whole = self._set_title(title, m.label, room[first], 1)
            if not whole:
                side = other if room[other] > room[first] else first
                whole = self._set_title(title, m.label, room[side], 1)
            if not whole:
                lines = 2 if two_lines else 1
                whole = self._set_title(title, m.label, room[side], lines, cut=True)
            title.setToolTip("" if whole else markup.plain(m.label))  # elided: whole here
            box = title.textItem.boundingRect()
            if side == "right":
                title.setAnchor((0, 0.5))
                x = at.x() + gap
                rect = QRectF(x, at.y() - box.height() / 2, box.width(), box.height())
            else:
                title.setAnchor((1, 0.5))
                x = at.x() - gap
                rect = QRectF(x - box.width(), at.y() - box.height() / 2, box.width(), box.height())
            title.setPos(view_box.mapToView(QPointF(x, at.y())))
            ink = rect.adjusted(TITLE_MARGIN, TITLE_MARGIN + 1, -TITLE_MARGIN, -TITLE_MARGIN - 1)
            visible = plot.contains(rect) and not any(ink.intersects(r) for r in shown)
            title.setVisible(visible)
            if visible:
                shown.append(ink)

    def _set_title(
        self, title: pg.TextItem, words: str, width: float, lines: int, cut: bool = False
    ) -> bool:
        """Write ``words`` on ``title`` in at most ``lines`` lines of ``width`` pixels
        (its margins included); False if they do not fit whole (``cut``: elided)."""
        font = title.textItem.font()
        inner = width - 2 * TITLE_MARGIN - 1
        if inner <= 0:
            title.setPlainText("")
            return False
        text, elided = wrap_lines(words, font, inner, lines)
        if elided and not cut:
            return False
        title.setPlainText(text)
        return not elided
