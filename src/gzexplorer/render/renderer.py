"""The renderer of one kind of chart, behind one small interface.

ChartCanvas draws what every chart shares (title, subtitle, legend, notes, source
line, the axes' look, hover and click, highlight rings) and asks the renderer of the
spec's kind (``RENDERERS`` in render.kinds) for the rest: which axes, what to draw
on the plot, the range to show, and where each mark is drawn. The words (tooltips,
source lines) and the layout data (a timeline's lanes) come with the spec, from
charts/; a renderer only places them.
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING, ClassVar

import pyqtgraph as pg

from gzexplorer.charts import palette
from gzexplorer.render.axes import CountAxis, YearAxis

if TYPE_CHECKING:
    from gzexplorer.charts.spec import ChartSpec, Mark, Series
    from gzexplorer.render.canvas import ChartCanvas

Range = tuple[tuple[float, float], tuple[float, float]]


class Renderer:
    """Draws one ChartSpec of its kind on a canvas's plot; made anew for each drawing."""

    axes: ClassVar[dict[str, type[pg.AxisItem]]] = {"bottom": YearAxis, "left": CountAxis}
    legend_glyph: ClassVar[str] = "●"  # before each series' name; "": no legend
    left_axis: ClassVar[bool] = True  # whether the left axis and its values are shown

    def __init__(self, canvas: ChartCanvas, spec: ChartSpec) -> None:
        self.canvas, self.spec = canvas, spec
        self.marks: list[Mark] = []  # drawn one by one: hovered, clicked and ringed
        self.dense: list[Series] = []  # drawn as columns: points looked up by year

    # -- what the canvas asks -------------------------------------------------------
    def axis_labels(self) -> tuple[str, str]:
        """The bottom and the left axis' titles."""
        return self.spec.x_label, self.spec.y_label

    def legend_entry(self, series: Series) -> tuple[str, str, str]:
        """The legend entry of a series: (glyph, colour, words)."""
        return self.legend_glyph, self.color(series.color), series.name

    def legend_extra(self) -> list[tuple[str, str, str]]:
        """Legend entries after the series': (glyph, colour, words)."""
        return []

    def draw(self) -> None:
        """Add the kind's items to the (cleared) plot, and fill ``marks`` and ``dense``."""
        raise NotImplementedError

    def view_range(self) -> Range:
        """(x from, x to), (y from, y to) of the whole chart, in plot coordinates."""
        raise NotImplementedError

    def fit(self) -> None:
        """Place what is laid out in pixels (a timeline's titles) for the plot's size and
        view now; called after each new view and resize."""

    def anchor(self, mark: Mark) -> tuple[float, float]:
        """Where ``mark`` is drawn, in plot coordinates: the centre of its highlight ring."""
        return mark.x, math.nan if mark.y is None else mark.y

    def hit_point(self, mark: Mark) -> tuple[float, float]:
        """A point inside ``mark`` as drawn, in plot coordinates: a click there picks it."""
        return mark.x, 0.0 if mark.y is None else mark.y

    # -- helpers for drawing --------------------------------------------------------
    def color(self, light: str) -> str:
        """A series colour for the current background (lighter variants on dark)."""
        return palette.dark_variant(light) if self.canvas.chart_style.dark else light

    def grid(self, x: bool, y: bool) -> None:
        """Faint grid lines; pyqtgraph draws them in the axis colour at this alpha."""
        alpha = 70 if self.canvas.chart_style.dark else 48
        for name, on in (("bottom", x), ("left", y)):
            self.canvas.plot_item.getAxis(name).setGrid(alpha if on else 0)

    def text(self, words: str, x: float, y: float, anchor, color: str, pt: float) -> pg.TextItem:
        """Words placed at (x, y) of the plot, at ``anchor`` of their own box."""
        item = pg.TextItem(words, color=color, anchor=anchor)
        item.setFont(self.canvas.text_font(pt))
        item.setPos(x, y)
        self.canvas.plot_item.addItem(item)
        return item
