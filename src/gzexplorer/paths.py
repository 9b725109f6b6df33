"""Where the built-in data pack and resources live, installed or in a checkout.

A wheel carries them inside the package (``gzexplorer/data``, ``gzexplorer/resources``);
an editable install or a source checkout has them at the repository's top level.
A PyInstaller bundle sets ``sys._MEIPASS`` and keeps the package layout.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

# The package's own folder: what importlib.resources.files("gzexplorer") gives for a
# package on disk (wheel, checkout, PyInstaller), without importing it at start-up.
_PACKAGE = Path(__file__).parent


@cache  # asked for icons, translations and data several times at start
def _find(name: str) -> Path:
    packaged = _PACKAGE / name
    if packaged.is_dir():
        return packaged
    checkout = _PACKAGE.resolve().parents[1] / name
    if checkout.is_dir():
        return checkout
    raise FileNotFoundError(f"gzexplorer's {name!r} folder is missing from this installation")


def builtin_pack() -> Path:
    """The folder of the built-in Guizhou data pack."""
    return _find("data")


def resources_dir() -> Path:
    """The folder of icons, translations and desktop files."""
    return _find("resources")
