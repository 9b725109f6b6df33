"""Chart export to PNG, SVG and CSV, drawn by the same ChartCanvas as the window.

The canvas is laid out at the target size before rendering (a pyqtgraph scene
exported without that comes out small in a corner), and fonts and line widths scale
with the size; ``scale`` multiplies the pixel density (2x, 3x) on top.
"""

from __future__ import annotations

import csv
import io
from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QPoint, QRect, QSize, Qt
from PySide6.QtGui import QColor, QImage, QPainter, QRegion
from PySide6.QtSvg import QSvgGenerator
from PySide6.QtWidgets import QApplication, QWidget

from gzexplorer.charts import ChartSpec
from gzexplorer.files import WriteError, write_bytes
from gzexplorer.render.canvas import ChartCanvas
from gzexplorer.render.style import ChartStyle, export_scale

FORMATS = ("png", "svg", "csv")
MAX_SIDE = 10000


class ExportError(Exception):
    """An export could not be made; the message says why."""


def check_size(width: int, height: int, scale: float) -> None:
    if width < 200 or height < 150:
        raise ExportError(f"size {width}x{height} is too small; use at least 200x150")
    if scale <= 0 or scale > 4:
        raise ExportError(f"scale {scale:g} is out of range; use 1 to 4")
    if width * scale > MAX_SIDE or height * scale > MAX_SIDE:
        raise ExportError(
            f"{width * scale:g}x{height * scale:g} pixels is too large; at most {MAX_SIDE} a side"
        )


def laid_out_canvas(spec: ChartSpec, width: int, height: int, style: ChartStyle) -> ChartCanvas:
    """A canvas drawing ``spec`` off screen at an export's size (give it to
    :func:`dispose` when done)."""
    canvas = ChartCanvas(replace(style, scale=export_scale(width, height)))
    canvas.setAttribute(Qt.WidgetAttribute.WA_DontShowOnScreen, True)
    canvas.resize(width, height)
    canvas.show_spec(spec)
    canvas.show()
    QApplication.sendPostedEvents()
    QApplication.processEvents()
    canvas.layout().activate()
    canvas.reset_view()
    QApplication.processEvents()
    return canvas


def dispose(canvas: QWidget) -> None:
    canvas.hide()
    canvas.setParent(None)
    canvas.deleteLater()
    QApplication.sendPostedEvents(None, 0)


def render_image(
    spec: ChartSpec, width: int, height: int, scale: float = 1.0, style: ChartStyle | None = None
) -> QImage:
    """The chart as an image of (width*scale) x (height*scale) pixels."""
    check_size(width, height, scale)
    style = style or ChartStyle()
    canvas = laid_out_canvas(spec, width, height, replace(style, pixel_ratio=scale))
    try:
        image = QImage(
            QSize(round(width * scale), round(height * scale)),
            QImage.Format.Format_ARGB32_Premultiplied,
        )
        image.setDevicePixelRatio(scale)
        image.fill(QColor(0, 0, 0, 0) if style.transparent else QColor(style.background))
        painter = QPainter(image)
        try:
            painter.setRenderHints(
                QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing
            )
            flags = QWidget.RenderFlag.DrawChildren
            if not style.transparent:
                flags |= QWidget.RenderFlag.DrawWindowBackground
            canvas.render(painter, QPoint(0, 0), QRegion(), flags)
        finally:
            painter.end()
    finally:
        dispose(canvas)
    image.setDevicePixelRatio(1.0)
    return image


def png_bytes(image: QImage) -> bytes:
    data = QByteArray()
    buf = QBuffer(data)
    buf.open(QIODevice.OpenModeFlag.WriteOnly)
    if not image.save(buf, "PNG"):
        raise ExportError("the image could not be encoded as PNG")
    buf.close()
    return bytes(data.data())


def svg_bytes(spec: ChartSpec, width: int, height: int, style: ChartStyle | None = None) -> bytes:
    style = style or ChartStyle()
    check_size(width, height, 1.0)
    canvas = laid_out_canvas(spec, width, height, style)
    data = QByteArray()
    buf = QBuffer(data)
    buf.open(QIODevice.OpenModeFlag.WriteOnly)
    try:
        gen = QSvgGenerator()
        gen.setOutputDevice(buf)
        gen.setSize(QSize(width, height))
        gen.setViewBox(QRect(0, 0, width, height))
        gen.setTitle(spec.title)
        gen.setDescription(spec.alt_text or spec.subtitle)
        painter = QPainter(gen)
        try:
            if not style.transparent:
                painter.fillRect(QRect(0, 0, width, height), QColor(style.background))
            canvas.render(painter, QPoint(0, 0), QRegion(), QWidget.RenderFlag.DrawChildren)
        finally:
            painter.end()
    finally:
        dispose(canvas)
    buf.close()
    return bytes(data.data())


def csv_text(spec: ChartSpec) -> str:
    """Exactly the data the chart shows, in the tidy columns of its kind (README: CSV
    columns); missing values stay empty, numbers keep every digit."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(spec.columns)
    for r in spec.rows:
        writer.writerow([_csv_cell(getattr(r, c)) for c in spec.columns])
    return out.getvalue()


def _csv_cell(value: object) -> object:
    if value is None:
        return ""
    return f"{value:.15g}" if isinstance(value, float) else value


def export_chart(
    spec: ChartSpec,
    path: str | Path,
    fmt: str,
    width: int = 1200,
    height: int = 750,
    scale: float = 1.0,
    style: ChartStyle | None = None,
) -> Path:
    """Render and write one chart; ExportError (bad request) or WriteError (bad target)."""
    fmt = fmt.lower()
    if fmt not in FORMATS:
        raise ExportError(f"unknown format {fmt!r}; use png, svg or csv")
    from gzexplorer.files import check_target

    check_target(path)  # fail before rendering
    if fmt == "png":
        data = png_bytes(render_image(spec, width, height, scale, style))
    elif fmt == "svg":
        data = svg_bytes(spec, width, height, style)
    else:
        data = csv_text(spec).encode("utf-8")
    return write_bytes(path, data)


__all__ = [
    "FORMATS",
    "ExportError",
    "WriteError",
    "csv_text",
    "export_chart",
    "render_image",
    "svg_bytes",
]
