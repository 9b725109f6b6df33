"""Chart export: the PNG, SVG and CSV files a person gets, safe writes, the Export dialog."""

from __future__ import annotations

import csv
import errno
import math
import os
import tempfile
import xml.etree.ElementTree as ET
from dataclasses import replace
from pathlib import Path

import numpy as np
import pytest
from PySide6.QtCore import QSettings
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QMessageBox

from gzexplorer import charts, files, model, paths
from gzexplorer.files import WriteError
from gzexplorer.render.export import ExportError, export_chart, render_image
from gzexplorer.render.style import ChartStyle
from gzexplorer.ui.export_dialog import ExportDialog
from gzexplorer.ui.settings import Settings

DATASET = model.load(paths.builtin_pack())
CSV_COLUMNS = ["indicator_id", "indicator", "unit", "year", "value", "status", "source"]
BAR_COLUMNS = ["figure_id", "label", "value", "unit", "qualifier", "year", "quote", "source"]
TIMELINE_COLUMNS = ["milestone_id", "year", "title", "themes", "source"]
TRANSPARENT = replace(ChartStyle(), transparent=True)


def economy_line() -> charts.ChartSpec:
    spec = charts.charts_for(DATASET, "economy")[0]
    assert spec.kind == "line" and len(spec.series) == 2
    return spec


def economy_bar() -> charts.ChartSpec:
    return next(s for s in charts.charts_for(DATASET, "economy") if s.kind == "bar")


# -- helpers ---------------------------------------------------------------------------


def rgba(image: QImage) -> np.ndarray:
    """height x width x 4 array of (r, g, b, a), not premultiplied."""
    assert not image.isNull()
    img = image.convertToFormat(QImage.Format.Format_RGBA8888)
    h, w = img.height(), img.width()
    raw = np.frombuffer(img.constBits(), np.uint8).reshape(h, img.bytesPerLine())
    return raw[:, : w * 4].reshape(h, w, 4).copy()


def read_png(path: Path) -> np.ndarray:
    image = QImage(str(path))
    assert not image.isNull(), f"{path} is not a readable image"
    return rgba(image)


def near(px: np.ndarray, color: str, tol: int = 12) -> np.ndarray:
    """Mask of opaque pixels within ``tol`` of ``color`` (#RRGGBB) on every channel."""
    target = np.array([int(color[i : i + 2], 16) for i in (1, 3, 5)])
    diff = np.abs(px[..., :3].astype(int) - target).max(axis=2)
    return (diff <= tol) & (px[..., 3] == 255)


def title_box(px: np.ndarray) -> tuple[int, int]:
    """(height, width) in pixels of the first band of rows holding dark title text."""
    dark = (px[..., :3].max(axis=2) < 60) & (px[..., 3] > 128)
    rows = np.flatnonzero(dark.any(axis=1))
    assert rows.size, "no dark text at all"
    top = end = int(rows[0])
    while end + 1 < dark.shape[0] and dark[end + 1].any():
        end += 1
    cols = np.flatnonzero(dark[top : end + 1].any(axis=0))
    return end - top + 1, int(cols[-1] - cols[0] + 1)


def line_thickness(px: np.ndarray, color: str) -> float:
    """Median number of pixels of ``color`` per image column that has any."""
    counts = near(px, color, tol=40).sum(axis=0)
    return float(np.median(counts[counts > 0]))


def listing(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


def svg_text(path: Path) -> tuple[ET.Element, str]:
    """The parsed SVG and all text drawn in it (not <title>/<desc>), whitespace removed."""
    root = ET.parse(path).getroot()
    drawn = ["".join(el.itertext()) for el in root.iter() if el.tag.rsplit("}", 1)[-1] == "text"]
    return root, squash(" ".join(drawn))


def squash(text: str) -> str:
    return "".join(text.split())


def read_csv(path: Path) -> tuple[list[str], list[dict[str, str]]]:
    with open(path, encoding="utf-8", newline="") as f:
        reader = csv.DictReader(f)
        return list(reader.fieldnames or []), list(reader)


# -- PNG -------------------------------------------------------------------------------


@pytest.mark.parametrize(("width", "height", "scale"), [(1200, 750, 1), (800, 500, 3)])
def test_png_is_the_asked_size_and_the_chart_fills_it(qapp, tmp_path, width, height, scale):
    spec = economy_line()
    out = export_chart(spec, tmp_path / "chart.png", "png", width, height, scale)

    assert out == tmp_path / "chart.png"
    px = read_png(out)
    assert px.shape[:2] == (height * scale, width * scale)
    h, w = px.shape[:2]

    # white and opaque where nothing is drawn
    for corner in (px[0, 0], px[0, -1], px[-1, 0], px[-1, -1]):
        assert tuple(corner) == (255, 255, 255, 255)
    # not blank: plenty of drawn pixels
    drawn = (px[..., :3] != 255).any(axis=2)
    assert drawn.mean() > 0.02
    # the chart fills the image, not a small chart in a corner
    ys, xs = np.flatnonzero(drawn.any(axis=1)), np.flatnonzero(drawn.any(axis=0))
    assert (xs[-1] - xs[0] + 1) / w >= 0.85
    assert (ys[-1] - ys[0] + 1) / h >= 0.85
    # both series are drawn in their colours, in the plot (not only in the legend)
    plot_rows = slice(int(0.25 * h), int(0.8 * h))
    for series in spec.series:
        assert near(px[plot_rows], series.color).sum() > 200 * scale, series.name


def test_transparent_png_has_no_background(qapp, tmp_path):
    spec = economy_line()
    out = export_chart(spec, tmp_path / "t.png", "png", 1200, 750, 1, TRANSPARENT)

    px = read_png(out)
    assert px.shape[:2] == (750, 1200)
    for corner in (px[0, 0], px[0, -1], px[-1, 0], px[-1, -1]):
        assert corner[3] == 0
    assert (px[..., 3] == 0).mean() > 0.5  # most of the image is see-through
    for series in spec.series:
        assert near(px, series.color).sum() > 200, series.name  # lines stay opaque
    assert title_box(px)[0] > 10  # and so does the title text


def test_text_is_three_times_as_large_at_3x(qapp):
    spec = economy_line()
    h1, w1 = title_box(rgba(render_image(spec, 800, 500, 1)))
    h3, w3 = title_box(rgba(render_image(spec, 800, 500, 3)))

    assert 2.5 <= h3 / h1 <= 3.5
    assert 2.7 <= w3 / w1 <= 3.3


def test_a_larger_image_gets_larger_text(qapp):
    """A big export reads like the window does: text grows with the image size."""
    spec = economy_line()
    h_small, w_small = title_box(rgba(render_image(spec, 900, 560)))
    h_big, w_big = title_box(rgba(render_image(spec, 1800, 1120)))

    assert 1.7 <= h_big / h_small <= 2.3
    assert 1.8 <= w_big / w_small <= 2.2


def test_lines_are_thicker_at_3x(qapp):
    spec = economy_line()
    color = spec.series[0].color
    t1 = line_thickness(rgba(render_image(spec, 800, 500, 1)), color)
    t3 = line_thickness(rgba(render_image(spec, 800, 500, 3)), color)

    assert t1 >= 1
    assert 2.0 <= t3 / t1 <= 4.0


def test_every_chart_of_every_theme_renders(qapp):
    for view_id, _ in charts.views(DATASET):
        for spec in charts.charts_for(DATASET, view_id):
            px = rgba(render_image(spec, 600, 400))
            assert px.shape[:2] == (400, 600)
            assert title_box(px)[0] > 5, spec.id
            for series in spec.series:
                assert near(px, series.color).sum() > 20, (spec.id, series.name)


# -- SVG -------------------------------------------------------------------------------


def test_svg_holds_the_title_and_source_as_text(qapp, tmp_path):
    spec = economy_line()
    out = export_chart(spec, tmp_path / "chart.svg", "svg", 1200, 750)

    root, text = svg_text(out)
    assert root.tag.rsplit("}", 1)[-1] == "svg"
    assert root.get("viewBox") == "0 0 1200 750"
    assert squash(spec.title) in text
    assert squash(spec.subtitle) in text
    assert squash(spec.source) in text
    for series in spec.series:
        assert squash(series.name) in text


def test_svg_of_a_bar_chart_names_every_bar(qapp, tmp_path):
    spec = economy_bar()
    out = export_chart(spec, tmp_path / "bars.svg", "svg", 1000, 600)

    _, text = svg_text(out)
    assert squash(spec.title) in text
    for label in spec.categories:
        assert squash(label) in text


def test_transparent_svg_paints_no_white_background(qapp, tmp_path):
    spec = economy_line()
    opaque = export_chart(spec, tmp_path / "o.svg", "svg", 1200, 750)
    clear = export_chart(spec, tmp_path / "t.svg", "svg", 1200, 750, style=TRANSPARENT)

    def white_fills(path: Path) -> int:
        root = ET.parse(path).getroot()
        return sum(
            1
            for el in root.iter()
            if (el.get("fill") or "").lower() in ("#ffffff", "white")
            and el.get("fill-opacity", "1") != "0"
        )

    assert white_fills(opaque) >= 1
    assert white_fills(clear) == 0
    _, text = svg_text(clear)
    assert squash(spec.title) in text


# -- CSV -------------------------------------------------------------------------------


def test_csv_of_the_line_chart_holds_the_models_values(tmp_path):
    spec = economy_line()
    out = export_chart(spec, tmp_path / "chart.csv", "csv")

    columns, rows = read_csv(out)
    assert columns == CSV_COLUMNS
    assert [r["indicator_id"] for r in rows[:1]] == [spec.series[0].id]
    for series in spec.series:
        indicator = DATASET.indicator(series.id)
        frame = DATASET.series(series.id)
        got = [r for r in rows if r["indicator_id"] == series.id]
        assert len(got) == len(frame) > 0
        for row, obs in zip(got, frame.itertuples(index=False), strict=True):
            assert row["indicator"] == indicator.name
            assert row["unit"] == indicator.unit
            assert row["source"] == indicator.source
            assert int(row["year"]) == int(obs.year)
            assert row["status"] == obs.status
            if math.isnan(obs.value):
                assert row["value"] == ""
            else:
                assert float(row["value"]) == obs.value  # exactly, no rounding
    assert {r["indicator_id"] for r in rows} == {s.id for s in spec.series}


def test_csv_keeps_missing_values_missing(tmp_path):
    out = export_chart(economy_line(), tmp_path / "chart.csv", "csv")

    _, rows = read_csv(out)
    digital = {int(r["year"]): r for r in rows if r["indicator_id"] == "digital_economy_growth"}
    for year in (2012, 2013, 2014):
        assert (digital[year]["value"], digital[year]["status"]) == ("", "not_reported")
    for year in (2015, 2016):
        assert (digital[year]["value"], digital[year]["status"]) == ("", "qualitative")
    assert (digital[2017]["value"], digital[2017]["status"]) == ("37.2", "reported")
    assert not any(r["value"].lower() in ("0", "nan", "none", "-") for r in digital.values())


def test_csv_of_a_bar_chart_holds_the_figures(tmp_path):
    spec = economy_bar()
    out = export_chart(spec, tmp_path / "bars.csv", "csv")

    columns, rows = read_csv(out)
    assert columns == BAR_COLUMNS
    assert len(rows) == len(spec.categories) >= 2
    # top-down as the bars read, which is the pack's order
    assert [r["label"] for r in rows] == list(reversed(spec.categories))
    for row in rows:
        figure = DATASET.figure(row["figure_id"])
        assert row["label"] == figure.label
        assert row["unit"] == figure.unit
        assert float(row["value"]) == figure.value
        assert row["qualifier"] == figure.qualifier
        assert row["year"] == ("" if figure.year is None else str(figure.year))
        assert row["quote"] == figure.quote
        assert row["source"] == DATASET.info.citation
    users = next(r for r in rows if r["figure_id"] == "cloud_registered_users")
    assert (users["value"], users["qualifier"], users["quote"]) == (
        "170000",
        "more_than",
        "more than 170,000 registered users",
    )


def test_csv_of_a_timeline_holds_the_events_and_their_themes(tmp_path):
    spec = charts.charts_for(DATASET, "overview")[0]
    assert spec.kind == "timeline"
    out = export_chart(spec, tmp_path / "events.csv", "csv")

    columns, rows = read_csv(out)
    assert columns == TIMELINE_COLUMNS
    milestones = DATASET.milestones()
    assert [r["milestone_id"] for r in rows] == [m.id for m in milestones]
    for row, m in zip(rows, milestones, strict=True):
        assert (int(row["year"]), row["title"]) == (m.year, m.title)
        assert row["themes"].split(";") == list(m.themes)
        assert row["source"] == DATASET.info.citation
    first = rows[0]
    assert (first["milestone_id"], first["themes"]) == ("big_data_2012", "economy;ecology")


def test_csv_of_a_chart_with_hidden_series_leaves_their_rows_out(tmp_path):
    spec = charts.charts_for(DATASET, "overview")[0].with_series({"governance"})
    out = export_chart(spec, tmp_path / "events.csv", "csv")

    _, rows = read_csv(out)
    governance = [m.id for m in DATASET.milestones() if m.themes[0] == "governance"]
    assert [r["milestone_id"] for r in rows] == governance and governance


# -- safe writes -----------------------------------------------------------------------


def disk_full(*args, **kwargs):
    raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))


def test_export_replaces_an_existing_file_and_keeps_its_permissions(qapp, tmp_path):
    target = tmp_path / "chart.png"
    target.write_bytes(b"old")
    target.chmod(0o640)

    export_chart(economy_line(), target, "png", 400, 300)

    assert read_png(target).shape[:2] == (300, 400)
    assert target.stat().st_mode & 0o777 == 0o640
    assert listing(tmp_path) == ["chart.png"]


def test_new_file_is_readable_like_any_other(tmp_path):
    umask = os.umask(0o022)
    try:
        out = export_chart(economy_line(), tmp_path / "chart.csv", "csv")
    finally:
        os.umask(umask)
    assert out.stat().st_mode & 0o777 == 0o644


@pytest.mark.parametrize("fmt", ["png", "csv"])
def test_full_disk_keeps_the_existing_file(qapp, tmp_path, monkeypatch, fmt):
    target = tmp_path / f"chart.{fmt}"
    target.write_bytes(b"old contents")
    monkeypatch.setattr(files.os, "fsync", disk_full)

    with pytest.raises(WriteError) as info:
        export_chart(economy_line(), target, fmt, 400, 300)

    assert str(target) in str(info.value)
    assert "disk is full" in str(info.value)
    assert target.read_bytes() == b"old contents"
    assert listing(tmp_path) == [target.name]  # no .part file left behind


def test_full_disk_on_a_new_file_leaves_nothing(qapp, tmp_path, monkeypatch):
    monkeypatch.setattr(files.os, "fsync", disk_full)

    with pytest.raises(WriteError, match="disk is full"):
        export_chart(economy_line(), tmp_path / "chart.svg", "svg", 400, 300)

    assert listing(tmp_path) == []


def test_full_disk_before_anything_is_written(tmp_path, monkeypatch):
    """Even creating the temporary file can fail; that is a WriteError too."""
    monkeypatch.setattr(tempfile, "mkstemp", disk_full)

    with pytest.raises(WriteError) as info:
        export_chart(economy_line(), tmp_path / "chart.csv", "csv")

    assert str(tmp_path / "chart.csv") in str(info.value)
    assert "disk is full" in str(info.value)
    assert listing(tmp_path) == []


def test_failed_render_keeps_the_existing_file(qapp, tmp_path):
    target = tmp_path / "chart.png"
    target.write_bytes(b"old contents")

    with pytest.raises(ExportError, match="too small"):
        export_chart(economy_line(), target, "png", 100, 80)

    assert target.read_bytes() == b"old contents"
    assert listing(tmp_path) == ["chart.png"]


@pytest.mark.skipif(os.geteuid() == 0, reason="root ignores folder permissions")
def test_folder_without_write_permission(tmp_path):
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0o500)
    try:
        with pytest.raises(WriteError) as info:
            export_chart(economy_line(), locked / "chart.csv", "csv")
        assert "permission" in str(info.value).lower()
        assert str(locked) in str(info.value)
        assert listing(locked) == []
    finally:
        locked.chmod(0o700)


def test_permission_refused_by_the_system(tmp_path, monkeypatch):
    """What a user (not root) gets when the folder turns out not to be writable."""

    def refused(*args, **kwargs):
        raise PermissionError(errno.EACCES, os.strerror(errno.EACCES))

    monkeypatch.setattr(tempfile, "mkstemp", refused)

    with pytest.raises(WriteError) as info:
        export_chart(economy_line(), tmp_path / "chart.csv", "csv")

    assert str(tmp_path / "chart.csv") in str(info.value)
    assert "permission denied" in str(info.value).lower()
    assert listing(tmp_path) == []


def _missing_folder(tmp: Path) -> tuple[Path, str]:
    return tmp / "nowhere" / "chart.png", "does not exist"


def _folder_as_target(tmp: Path) -> tuple[Path, str]:
    (tmp / "charts").mkdir()
    return tmp / "charts", "is a folder"


def _file_as_folder(tmp: Path) -> tuple[Path, str]:
    (tmp / "notes.txt").write_text("keep me")
    return tmp / "notes.txt" / "chart.png", "not a folder"


@pytest.mark.parametrize(
    "make_target",
    [_missing_folder, _folder_as_target, _file_as_folder],
    ids=["missing folder", "folder where a file is expected", "file used as a folder"],
)
@pytest.mark.parametrize("fmt", ["png", "svg", "csv"])
def test_bad_target_is_a_clear_error_and_writes_nothing(qapp, tmp_path, make_target, fmt):
    target, reason = make_target(tmp_path)
    before = listing(tmp_path)

    with pytest.raises(WriteError) as info:
        export_chart(economy_line(), target, fmt, 400, 300)

    assert str(target) in str(info.value)
    assert reason in str(info.value)
    assert listing(tmp_path) == before
    if (tmp_path / "charts").is_dir():
        assert listing(tmp_path / "charts") == []
    if (tmp_path / "notes.txt").is_file():
        assert (tmp_path / "notes.txt").read_text() == "keep me"


@pytest.mark.parametrize(
    ("fmt", "width", "height", "scale", "message"),
    [
        ("gif", 1200, 750, 1, "unknown format 'gif'"),
        ("png", 199, 750, 1, "too small"),
        ("png", 1200, 149, 1, "too small"),
        ("svg", 100, 100, 1, "too small"),
        ("png", 1200, 750, 0, "out of range"),
        ("png", 1200, 750, 5, "out of range"),
        ("png", 4000, 3000, 3, "too large"),
    ],
)
def test_bad_request_is_a_clear_error_and_writes_nothing(
    qapp, tmp_path, fmt, width, height, scale, message
):
    with pytest.raises(ExportError, match=message):
        export_chart(economy_line(), tmp_path / f"chart.{fmt}", fmt, width, height, scale)

    assert listing(tmp_path) == []


def test_format_name_is_case_insensitive(qapp, tmp_path):
    out = export_chart(economy_line(), tmp_path / "chart.png", "PNG", 400, 300)
    assert read_png(out).shape[:2] == (300, 400)


# -- the Export dialog -----------------------------------------------------------------


def settings_in(folder: Path) -> Settings:
    folder.mkdir(exist_ok=True)
    return Settings(QSettings(str(folder / "settings.ini"), QSettings.Format.IniFormat))


def test_dialog_saves_a_png_of_the_chosen_size(qtbot, tmp_path):
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    dialog = ExportDialog(economy_line(), ChartStyle(), settings_in(tmp_path / "cfg"))
    qtbot.addWidget(dialog)
    assert dialog.fmt() == "png"  # the default with no settings yet

    dialog.target.edit.setText(str(out_dir / "c.png"))
    dialog.width_box.setValue(900)
    dialog.height_box.setValue(600)
    dialog.accept()

    assert dialog.result() == ExportDialog.DialogCode.Accepted
    assert listing(out_dir) == ["c.png"]
    assert read_png(out_dir / "c.png").shape[:2] == (600, 900)


def test_dialog_scale_multiplies_the_pixels(qtbot, tmp_path):
    dialog = ExportDialog(economy_line(), ChartStyle(), settings_in(tmp_path / "cfg"))
    qtbot.addWidget(dialog)
    dialog.target.edit.setText(str(tmp_path / "c.png"))
    dialog.width_box.setValue(600)
    dialog.height_box.setValue(400)
    dialog.scale.setCurrentIndex(dialog.scale.findData(2))
    dialog.accept()

    assert read_png(tmp_path / "c.png").shape[:2] == (800, 1200)


def test_dialog_remembers_format_folder_and_size(qtbot, tmp_path):
    spec = economy_line()
    out_dir = tmp_path / "reports"
    out_dir.mkdir()
    first = ExportDialog(spec, ChartStyle(), settings_in(tmp_path / "cfg"))
    qtbot.addWidget(first)
    first.format.setCurrentIndex(first.format.findData("svg"))
    first.width_box.setValue(1000)
    first.height_box.setValue(640)
    first.target.edit.setText(str(out_dir / "mine.svg"))
    first.accept()
    assert first.result() == ExportDialog.DialogCode.Accepted
    ET.parse(out_dir / "mine.svg")  # a real SVG was written
    first.settings.sync()

    # a new session: fresh QSettings on the same file
    second = ExportDialog(spec, ChartStyle(), settings_in(tmp_path / "cfg"))
    qtbot.addWidget(second)

    assert second.fmt() == "svg"
    assert Path(second.target.edit.text()).parent == out_dir
    assert Path(second.target.edit.text()).suffix == ".svg"
    assert (second.width_box.value(), second.height_box.value()) == (1000, 640)


def test_dialog_switching_format_changes_the_extension(qtbot, tmp_path):
    dialog = ExportDialog(economy_line(), ChartStyle(), settings_in(tmp_path / "cfg"))
    qtbot.addWidget(dialog)
    dialog.target.edit.setText(str(tmp_path / "growth.png"))

    dialog.format.setCurrentIndex(dialog.format.findData("csv"))

    assert dialog.target.edit.text() == str(tmp_path / "growth.csv")
    dialog.accept()
    columns, rows = read_csv(tmp_path / "growth.csv")
    assert columns == CSV_COLUMNS and rows


def test_dialog_reports_a_failed_export_and_stays_open(qtbot, tmp_path, monkeypatch):
    shown: list[tuple[str, str]] = []

    def critical(parent, title, text, *args, **kwargs):
        shown.append((title, text))
        return QMessageBox.StandardButton.Ok

    monkeypatch.setattr(QMessageBox, "critical", critical)
    settings = settings_in(tmp_path / "cfg")
    dialog = ExportDialog(economy_line(), ChartStyle(), settings)
    qtbot.addWidget(dialog)
    dialog.show()
    target = tmp_path / "missing" / "c.png"
    dialog.target.edit.setText(str(target))
    dialog.format.setCurrentIndex(dialog.format.findData("png"))

    dialog.accept()

    assert len(shown) == 1
    title, text = shown[0]
    assert title == "Export failed"
    assert str(target) in text and "does not exist" in text
    assert dialog.isVisible()
    assert dialog.result() != ExportDialog.DialogCode.Accepted
    assert dialog.written is None
    assert not (tmp_path / "missing").exists()
    assert listing(tmp_path) == ["cfg"]
    assert settings.get("export/folder", str, "") == ""  # a failure is not remembered
