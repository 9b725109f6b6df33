"""What chart words depend on besides the data: the language of names and how numbers
are written. Passed to :func:`~gzexplorer.charts.charts_for` and the number formatters,
and part of every cache key.

The colour scheme is the renderer's (:class:`gzexplorer.render.style.ChartStyle`): a
spec's words do not depend on it. Interface words go through Qt's translator, which is
application-wide by Qt's design; ``language`` names the one installed.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class ChartContext:
    language: str = ""  # names in the pack: "" for its own, else e.g. "zh_CN"
    decimal_point: str = "."
    group_separator: str = ","


ENGLISH = ChartContext()
