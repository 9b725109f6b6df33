"""What to draw for each view, as plain data (chart specs). No Qt in here."""

from gzexplorer.charts.build import OVERVIEW, charts_for, document_source, figures_for, views
from gzexplorer.charts.spec import TABLE_COLUMNS, Annotation, ChartSpec, Mark, Ref, Series, TableRow

__all__ = [
    "OVERVIEW",
    "TABLE_COLUMNS",
    "Annotation",
    "ChartSpec",
    "Mark",
    "Ref",
    "Series",
    "TableRow",
    "charts_for",
    "document_source",
    "figures_for",
    "views",
]
