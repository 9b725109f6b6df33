"""Reading what a drawn chart shows, for tests."""

from __future__ import annotations

from PySide6.QtCore import QRectF
from PySide6.QtGui import QImage, QPainter


def drawn_tick_labels(axis) -> list[tuple[QRectF, str]]:
    """A pyqtgraph axis' labels as it draws them: (rectangle in the axis, words)."""
    image = QImage(10, 10, QImage.Format.Format_ARGB32)
    painter = QPainter(image)
    try:
        _axis, _ticks, texts = axis.generateDrawSpecs(painter)
    finally:
        painter.end()
    return [(QRectF(rect), text) for rect, _flags, text in texts]
