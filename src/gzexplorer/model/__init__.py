"""The data layer: loads and checks a data pack and answers the app's questions.

Pure Python and pandas; nothing under this package imports Qt. Names are imported
from their modules on first use: the window's first frame needs only a few records
(:mod:`~gzexplorer.model.entities`), not pandas nor the rest of the model.
"""

from importlib import import_module
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from gzexplorer.model.dataset import Dataset, load
    from gzexplorer.model.entities import Excerpt, PackInfo, Theme
    from gzexplorer.model.errors import DataPackError, Problem
    from gzexplorer.model.facts import Citations, Figure, Indicator, Milestone, Point
    from gzexplorer.model.search import SearchHit

_HOMES = {
    "Dataset": "dataset",
    "load": "dataset",
    "Excerpt": "entities",
    "PackInfo": "entities",
    "Theme": "entities",
    "DataPackError": "errors",
    "Problem": "errors",
    "Citations": "facts",
    "Figure": "facts",
    "Indicator": "facts",
    "Milestone": "facts",
    "Point": "facts",
    "SearchHit": "search",
}


def __getattr__(name: str):
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module 'gzexplorer.model' has no attribute {name!r}")
    return getattr(import_module(f"gzexplorer.model.{home}"), name)


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
