"""The data layer: loads and checks a data pack and answers the app's questions.

Pure Python and pandas; nothing under this package imports Qt.
"""

from gzexplorer.model.dataset import Dataset, load
from gzexplorer.model.entities import (
    Citations,
    Excerpt,
    Figure,
    Indicator,
    Milestone,
    PackInfo,
    Point,
    Theme,
)
from gzexplorer.model.errors import DataPackError, Problem
from gzexplorer.model.search import SearchHit

__all__ = [
    "Citations",
    "DataPackError",
    "Dataset",
    "Excerpt",
    "Figure",
    "Indicator",
    "Milestone",
    "PackInfo",
    "Point",
    "Problem",
    "SearchHit",
    "Theme",
    "load",
]
