"""The data layer: loads and checks a data pack and answers the app's questions.

Pure Python and pandas; nothing under this package imports Qt. ``Dataset`` and
``load`` (which need pandas) are imported on first use, so that the window can show
its shell before pandas is loaded.
"""

from typing import TYPE_CHECKING

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

if TYPE_CHECKING:
    from gzexplorer.model.dataset import Dataset, load


def __getattr__(name: str):
    if name in ("Dataset", "load"):
        from gzexplorer.model import dataset

        return getattr(dataset, name)
    raise AttributeError(f"module 'gzexplorer.model' has no attribute {name!r}")


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
