"""What to draw for each view, as plain data (chart specs). No Qt in here.

Only the light view list is imported eagerly; specs and builders (the builders need
the pandas-backed Dataset) are imported on first use, so the window's shell can
paint before them.
"""

from typing import TYPE_CHECKING

from gzexplorer.charts.views import OVERVIEW, views

if TYPE_CHECKING:
    from gzexplorer.charts.build import charts_for, document_source, figures_for
    from gzexplorer.charts.spec import (
        COLUMNS,
        Annotation,
        ChartSpec,
        FigureRow,
        Mark,
        MilestoneRow,
        Ref,
        Series,
        TableRow,
    )

_LAZY = {
    "charts_for": "build",
    "document_source": "build",
    "figures_for": "build",
    "COLUMNS": "spec",
    "Annotation": "spec",
    "ChartSpec": "spec",
    "FigureRow": "spec",
    "Mark": "spec",
    "MilestoneRow": "spec",
    "Ref": "spec",
    "Series": "spec",
    "TableRow": "spec",
}


def __getattr__(name: str):
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'gzexplorer.charts' has no attribute {name!r}")
    from importlib import import_module

    return getattr(import_module(f"gzexplorer.charts.{module}"), name)


__all__ = [
    "OVERVIEW",
    "COLUMNS",
    "Annotation",
    "ChartSpec",
    "FigureRow",
    "Mark",
    "MilestoneRow",
    "Ref",
    "Series",
    "TableRow",
    "charts_for",
    "document_source",
    "figures_for",
    "views",
]
