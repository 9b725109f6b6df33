"""The renderer of each kind of chart (ChartSpec.kind)."""

from __future__ import annotations

from gzexplorer.render.bar import BarRenderer
from gzexplorer.render.line import LineRenderer
from gzexplorer.render.renderer import Renderer
from gzexplorer.render.timeline import TimelineRenderer

RENDERERS: dict[str, type[Renderer]] = {
    "line": LineRenderer,
    "bar": BarRenderer,
    "timeline": TimelineRenderer,
}
