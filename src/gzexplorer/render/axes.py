"""Axis items for the charts: years, values (also logarithmic), bar categories."""

from __future__ import annotations

import math

import pyqtgraph as pg

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
    """Whole years only, without thousands separators."""

    def tickStrings(self, values, scale, spacing):  # noqa: N802
        return [str(int(round(v))) if abs(v - round(v)) < 1e-6 else "" for v in values]

    def tickSpacing(self, minVal, maxVal, size):  # noqa: N802,N803
        span = maxVal - minVal
        major = 1 if span <= 12 else 2 if span <= 24 else 5 if span <= 60 else 10
        # long spans: a 1-2-5 step that keeps labels about 70 px apart
        return [(max(major, _nice_step(span / max(2.0, size / 70))), 0)]


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
