"""Exporting charts by theme and number, one or all, for the command line."""

from __future__ import annotations

import html
from dataclasses import replace
from pathlib import Path

from gzexplorer import charts
from gzexplorer.charts.context import ENGLISH, ChartContext
from gzexplorer.files import WriteError, write_bytes
from gzexplorer.model import Dataset


class ExportRequestError(WriteError):
    """An unknown theme or chart number (reported like a bad target)."""


def charts_of(
    dataset: Dataset, view_id: str, context: ChartContext = ENGLISH
) -> list[charts.ChartSpec]:
    """The charts of a view named on the command line; an unknown one is refused."""
    views = [v for v, _ in charts.views(dataset)]
    if view_id not in views:
        raise ExportRequestError(f"unknown theme {view_id!r}; choose one of {', '.join(views)}")
    return charts.charts_for(dataset, view_id, context)


def chart_of(
    dataset: Dataset, view_id: str, number: int, context: ChartContext = ENGLISH
) -> charts.ChartSpec:
    """Chart ``number`` (from 1) of a view; an unknown view or number is refused."""
    specs = charts_of(dataset, view_id, context)
    if not 1 <= number <= len(specs):
        listing = "; ".join(f"{i}: {s.title}" for i, s in enumerate(specs, 1))
        raise ExportRequestError(
            f"theme {view_id!r} has no chart {number}; its charts are {listing}"
        )
    return specs[number - 1]


def _style(transparent: bool, slides: bool = False):
    from gzexplorer.render.style import ChartStyle, for_slides

    style = replace(ChartStyle(), transparent=transparent)
    return for_slides(style) if slides else style


def export_one(
    dataset: Dataset,
    view_id: str,
    number: int,
    fmt: str,
    out,
    width: int,
    height: int,
    scale: float,
    transparent: bool = False,
    context: ChartContext = ENGLISH,
    slides: bool = False,
) -> Path:
    from gzexplorer.render.export import ExportError, export_chart

    spec = chart_of(dataset, view_id, number, context)
    try:
        return export_chart(spec, out, fmt, width, height, scale, _style(transparent, slides))
    except ExportError as exc:
        raise ExportRequestError(str(exc)) from None


def export_all(
    dataset: Dataset,
    out_dir,
    width: int,
    height: int,
    scale: float,
    transparent: bool = False,
    context: ChartContext = ENGLISH,
    slides: bool = False,
) -> list[Path]:
    """Every chart of every view as PNG, SVG and CSV, with an index.html listing them."""
    from gzexplorer.render.export import ExportError, check_size, export_chart

    try:
        check_size(width, height, scale)  # before the folder is created
    except ExportError as exc:
        raise ExportRequestError(str(exc)) from None
    folder = Path(out_dir).expanduser()
    if folder.exists() and not folder.is_dir():
        raise ExportRequestError(f"{folder}: is a file; --all needs a folder")
    if not folder.exists():
        if not folder.parent.is_dir():
            raise ExportRequestError(f"{folder}: the folder {folder.parent} does not exist")
        try:
            folder.mkdir()
        except OSError as exc:
            raise ExportRequestError(
                f"{folder}: cannot create the folder: {exc.strerror}"
            ) from None
    written: list[Path] = []
    rows = []
    for view_id, view_name in charts.views(dataset, context):
        for n, spec in enumerate(charts.charts_for(dataset, view_id, context), start=1):
            stem = f"{view_id}-{n}"
            files = []
            for fmt in ("png", "svg", "csv"):
                try:
                    path = export_chart(
                        spec,
                        folder / f"{stem}.{fmt}",
                        fmt,
                        width,
                        height,
                        scale,
                        _style(transparent, slides),
                    )
                except ExportError as exc:
                    raise ExportRequestError(str(exc)) from None
                written.append(path)
                files.append(path.name)
            rows.append((view_name, n, spec, files))
    items = "\n".join(
        f"<tr><td>{html.escape(v)}</td><td>{n}</td><td>{html.escape(s.title)}</td>"
        f'<td><a href="{f[0]}"><img src="{f[0]}" width="240" '
        f'alt="{html.escape(s.alt_text)}"></a></td>'
        + "".join(f'<td><a href="{x}">{x}</a></td>' for x in f)
        + "</tr>"
        for v, n, s, f in rows
    )
    page = (
        "<!doctype html><meta charset=utf-8>"
        f"<title>{html.escape(dataset.info.title)} — charts</title>"
        f"<h1>{html.escape(dataset.info.title)}</h1><table border=1 cellpadding=4>"
        "<tr><th>Theme</th><th>Chart</th><th>Title</th><th>Preview</th>"
        "<th>PNG</th><th>SVG</th><th>CSV</th></tr>"
        f"{items}</table>\n"
    )
    written.append(write_bytes(folder / "index.html", page.encode("utf-8")))
    return written
