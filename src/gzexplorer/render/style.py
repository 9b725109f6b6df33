"""How charts look: colours and font sizes, light or dark, scaled for export."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class ChartStyle:
    dark: bool = False
    transparent: bool = False
    scale: float = 1.0  # multiplies fonts, line widths, markers (export sizes)
    # Device pixels per logical pixel of the target image. pyqtgraph's pens are
    # cosmetic (drawn in device pixels, ignoring the image's pixel ratio), so pen
    # widths must be multiplied by it to keep their look at 2x and 3x.
    pixel_ratio: float = 1.0
    title_pt: float = 15.0
    subtitle_pt: float = 10.5
    body_pt: float = 9.5
    small_pt: float = 8.5
    line_width: float = 2.5
    marker: float = 9.0
    font_family: str = ""

    @property
    def background(self) -> str:
        return "#1E1F22" if self.dark else "#FFFFFF"

    @property
    def text(self) -> str:
        return "#ECECEC" if self.dark else "#1A1A1A"

    @property
    def muted(self) -> str:
        return "#B4B4B4" if self.dark else "#5C5C5C"

    @property
    def grid(self) -> str:
        return "#3A3B3F" if self.dark else "#E6E6E6"

    @property
    def axis(self) -> str:
        return "#8C8C8C" if self.dark else "#7A7A7A"

    @property
    def highlight(self) -> str:
        return "#FFD54F" if self.dark else "#111111"

    def pt(self, size: float) -> float:
        return size * self.scale

    def px(self, size: float) -> float:
        """A marker size or symbol outline: symbols are scaled with the painter."""
        return size * self.scale

    def pen(self, width: float) -> float:
        """A line pen width in device pixels (curves, axes, grid)."""
        return max(1.0, width * self.scale) * self.pixel_ratio


def export_scale(width: int, height: int) -> float:
    """Font and line scale for an image of width x height logical pixels.

    The window's chart is about 900 x 560; larger exports get proportionally larger
    text so that a 1920 x 1080 PNG reads like the window does.
    """
    return max(0.8, min(width / 900, height / 560))


SLIDES_TYPE = 1.5  # the "for slides" style's type, times the standard one's
SLIDES_LINES = 1.3  # and its lines and markers


def for_slides(style: ChartStyle) -> ChartStyle:
    """The style with larger type (titles, labels, ticks, legend, source line) and
    bolder lines, to read at the back of a room; the size's own scale still applies."""
    from dataclasses import replace

    return replace(
        style,
        title_pt=style.title_pt * SLIDES_TYPE,
        subtitle_pt=style.subtitle_pt * SLIDES_TYPE,
        body_pt=style.body_pt * SLIDES_TYPE,
        small_pt=style.small_pt * SLIDES_TYPE,
        line_width=style.line_width * SLIDES_LINES,
        marker=style.marker * SLIDES_LINES,
    )
