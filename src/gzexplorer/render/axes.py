"""Axis items for the charts: years, values (also logarithmic), bar categories."""

from __future__ import annotations

import math

import pyqtgraph as pg
from PySide6.QtCore import QRectF
from PySide6.QtGui import QFontMetricsF

from gzexplorer.charts import format as fmt
from gzexplorer.charts.context import ENGLISH, ChartContext


class CountAxis(pg.AxisItem):
    """A value axis written as cards and bar labels write numbers ("250,000", "2 bn",
    "0.003", in the chart's context), never with pyqtgraph's "(x1e+09)" multiplier.
    Logarithmic: one tick per power of ten, thinned so that the labels keep apart."""

    LABEL_ROOM = {"bottom": 72, "top": 72, "left": 28, "right": 28}  # pixels per label

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.enableAutoSIPrefix(False)
        self.context: ChartContext = ENGLISH

    def tickSpacing(self, minVal, maxVal, size):  # noqa: N802,N803
        return super().tickSpacing(minVal, maxVal, size)[:1]  # major ticks only

    def tickValues(self, minVal, maxVal, size):  # noqa: N802,N803
        if self.logMode:
            decades = range(math.ceil(minVal - 1e-9), math.floor(maxVal + 1e-9) + 1)
            fits = max(2, int(size / self.LABEL_ROOM[self.orientation]))
            step = max(1, math.ceil(len(decades) / fits))
            return [(float(step), [float(v) for v in decades if v % step == 0])]
        return super().tickValues(minVal, maxVal, size)

    def tickStrings(self, values, scale, spacing):  # noqa: N802 (Qt naming)
        if self.logMode:
            return [fmt.short(10.0 ** round(v), self.context) for v in values]
        decimals = _decimals(spacing * scale) if spacing * scale < 1 else 0
        return [fmt.short(round(v * scale, decimals), self.context) for v in values]


class YearAxis(pg.AxisItem):
    """Whole years only, without thousands separators: the chart's first and last year
    (:meth:`set_years`) and round years between them, each label clear of the next and
    drawn inside the axis (a label at an end is moved in rather than left out)."""

    GAP = 12  # pixels at least between two year labels
    SPACING = 70  # pixels between round years' labels, about
    _overhang = 0  # pixels a label may reach past either end (set with the years)

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.years: tuple[int, int] | None = None

    def set_years(self, years: tuple[int, int] | None) -> None:
        """The first and last year the chart shows (None: no year is singled out)."""
        self.prepareGeometryChange()
        self.years = years
        self._overhang = math.ceil(self._label_width() / 2) + 2
        self.picture = None
        self.update()

    def boundingRect(self):  # noqa: N802 (Qt naming)
        # a label at an end may reach past the axis by half its width: pyqtgraph drops
        # a label outside this rectangle; generateDrawSpecs moves it in instead
        m = self._overhang
        return super().boundingRect().adjusted(-m, 0, m, 0)

    def _label_width(self) -> float:
        font = self.style["tickFont"] or self.font()
        digits = max((len(str(abs(y))) for y in self.years or ()), default=4)
        return QFontMetricsF(font).horizontalAdvance("8" * digits)

    def tickStrings(self, values, scale, spacing):  # noqa: N802
        return [str(int(round(v))) if abs(v - round(v)) < 1e-6 else "" for v in values]

    def tickValues(self, minVal, maxVal, size):  # noqa: N802,N803
        lo, hi = min(minVal, maxVal), max(minVal, maxVal)
        span = hi - lo
        if span <= 0 or size <= 0:
            return []
        per_year = size / span  # pixels
        width = self._label_width()
        # 1, 2 or 5 years apart for short spans; labels about 70 px apart or more
        target = max(self.SPACING, width + self.GAP)
        major = 1 if span <= 12 else 2 if span <= 24 else 5 if span <= 60 else 10
        step = int(max(major, _nice_step(target / per_year)))  # whole years
        near = max(width + self.GAP, 0.75 * target)  # a round year this near an end goes
        inner = [float(k * step) for k in range(math.ceil(lo / step), math.floor(hi / step) + 1)]
        ends: list[int] = []
        if self.years is not None:  # no year labelled before the first or after the last
            first, last = self.years
            ends = [y for y in dict.fromkeys((first, last)) if lo <= y <= hi]
            inner = [v for v in inner if first <= v <= last]
            if len(ends) == 2 and (last - first) % step == 0:  # evenly from first to last
                inner = [float(y) for y in range(first, last + 1, step) if lo <= y <= hi]

        def centre(v: float) -> float:  # where the label is drawn, moved inside the axis
            return min(max((v - lo) * per_year, width / 2), size - width / 2)

        chosen: list[float] = []
        for v in [*map(float, ends), *inner]:
            if all(abs(centre(v) - centre(c)) >= near for c in chosen):
                chosen.append(v)
        return [(float(step), sorted(chosen))]

    def generateDrawSpecs(self, p):  # noqa: N802 (pyqtgraph naming)
        specs = super().generateDrawSpecs(p)
        if specs is None:
            return None
        axis, ticks, texts = specs
        bounds = self.mapRectFromParent(self.geometry())
        inside = []
        for rect, flags, text in texts:
            rect = QRectF(rect)
            if rect.left() < bounds.left():
                rect.moveLeft(bounds.left())
            elif rect.right() > bounds.right():
                rect.moveRight(bounds.right())
            inside.append((rect, flags, text))
        return axis, ticks, inside


class CategoryAxis(pg.AxisItem):
    """Left axis of a bar chart: one label per bar."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.categories: tuple[str, ...] = ()

    def tickValues(self, minVal, maxVal, size):  # noqa: N802,N803
        return [(1, [float(i) for i in range(len(self.categories))])]

    def tickStrings(self, values, scale, spacing):  # noqa: N802
        out = []
        for v in values:
            i = int(round(v))
            out.append(self.categories[i] if 0 <= i < len(self.categories) else "")
        return out


def _nice_step(raw: float) -> float:
    """The smallest of 1, 2, 5 × 10^k that is at least ``raw``."""
    if not math.isfinite(raw) or raw <= 0:
        return 1.0
    power = 10.0 ** math.floor(math.log10(raw))
    return next(k * power for k in (1, 2, 5, 10) if k * power >= raw * (1 - 1e-9))


def _decimals(spacing: float) -> int:
    return max(0, min(4, -int(math.floor(math.log10(spacing))))) if spacing > 0 else 1
