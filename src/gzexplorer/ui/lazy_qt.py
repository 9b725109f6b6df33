"""``Qt`` for the modules of the window's first frame, read from PySide6 when first used.

PySide6 builds the Python enums of a Qt class the first time the class is read from its
module: for the ``Qt`` namespace that is about 1,300 members, some 120 M instructions
(a fifth of an empty window's whole start). The first frame needs none of them, so the
modules it imports take ``Qt`` from here, and their code that runs later (a click, a
dialog, the cards) reads it as usual. The first frame also avoids ``QStyle`` (about 570
members) and ``QKeySequence``; ``tests/test_startup.py`` checks all three.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any


class _OnFirstUse:
    """Stands for ``module.name``; attribute reads go to the real object."""

    def __init__(self, module: str, name: str) -> None:
        self._where = (module, name)

    def __getattr__(self, attr: str) -> Any:
        module, name = self._where
        value = getattr(getattr(import_module(module), name), attr)
        setattr(self, attr, value)  # the next read is a plain attribute
        return value

    def __repr__(self) -> str:
        return f"<{'.'.join(self._where)}, read on first use>"


if TYPE_CHECKING:
    from PySide6.QtCore import Qt
else:
    Qt = _OnFirstUse("PySide6.QtCore", "Qt")

__all__ = ["Qt"]
