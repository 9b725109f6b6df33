"""Slide presets (16:9, 4:3, square) and the "for slides" style: the PNG's pixels, the
drawn type's size, and nothing cut off at 1080 x 1080."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from PySide6.QtCore import QSettings
from PySide6.QtGui import QFontMetricsF, QImage

from charttools import drawn_tick_labels
from gzexplorer import charts, model
from gzexplorer.cli import main
from gzexplorer.render.export import dispose, laid_out_canvas, render_image
from gzexplorer.render.presets import PRESETS
from gzexplorer.render.style import ChartStyle, for_slides
from gzexplorer.ui.export_dialog import ExportDialog
from gzexplorer.ui.settings import Settings
from packtools import BUILTIN, PACKS

BUSY = PACKS / "busy"
DATASETS: dict[Path, model.Dataset] = {}


def dataset(path: Path) -> model.Dataset:
    if path not in DATASETS:
        DATASETS[path] = model.load(path)
    return DATASETS[path]


def pixels(image: QImage) -> np.ndarray:
    img = image.convertToFormat(QImage.Format.Format_RGBA8888)
    raw = np.frombuffer(img.constBits(), np.uint8).reshape(img.height(), img.bytesPerLine())
    return raw[:, : img.width() * 4].reshape(img.height(), img.width(), 4).copy()


def first_ink_band(image: QImage) -> int:
    """The height in pixels of the first run of rows from the top holding dark ink: the
    title's first line."""
    dark = (pixels(image)[:, :, :3] < 90).all(axis=2).any(axis=1)
    rows = np.flatnonzero(dark)
    assert rows.size, "no dark text drawn"
    start = end = rows[0]
    while end + 1 < len(dark) and dark[end + 1]:
        end += 1
    return int(end - start + 1)


# -- sizes ---------------------------------------------------------------------------------


@pytest.mark.parametrize("preset", list(PRESETS))
def test_cli_preset_gives_the_png_its_size(preset, tmp_path, capsys):
    out = tmp_path / "slide.png"
    assert main(["export", "--theme", "economy", "--preset", preset, "--out", str(out)]) == 0
    image = QImage(str(out))
    assert (image.width(), image.height()) == {
        "16:9": (1920, 1080),
        "4:3": (1600, 1200),
        "square": (1080, 1080),
    }[preset]


def test_cli_preset_with_a_width_is_refused_in_one_line(tmp_path, capsys):
    out = tmp_path / "slide.png"
    args = ["export", "--theme", "economy", "--preset", "square", "--width", "800"]
    assert main([*args, "--out", str(out)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "--preset square sets the size" in err
    assert not out.exists()


def test_dialog_preset_sets_the_size_and_a_typed_size_names_its_preset(qtbot, tmp_path):
    spec = charts.charts_for(dataset(BUILTIN), "economy")[0]
    settings = Settings(QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    dialog = ExportDialog(spec, ChartStyle(), settings)
    qtbot.addWidget(dialog)
    dialog.preset.setCurrentIndex(dialog.preset.findData("4:3"))
    assert (dialog.width_box.value(), dialog.height_box.value()) == (1600, 1200)
    dialog.width_box.setValue(1601)
    assert dialog.preset.currentData() is None  # a custom size now
    dialog.width_box.setValue(1080)
    dialog.height_box.setValue(1080)
    assert dialog.preset.currentData() == "square"

    dialog.text_style.setCurrentIndex(dialog.text_style.findData(True))
    dialog.target.edit.setText(str(tmp_path / "s.png"))
    dialog.accept()
    image = QImage(str(tmp_path / "s.png"))
    assert (image.width(), image.height()) == (1080, 1080)
    plain = render_image(spec, 1080, 1080)
    assert first_ink_band(image) > 1.3 * first_ink_band(plain)


# -- larger type ---------------------------------------------------------------------------


def test_slides_draw_larger_titles_than_the_standard_style(qapp, tmp_path):
    spec = charts.charts_for(dataset(BUILTIN), "economy")[0]
    standard = render_image(spec, 1920, 1080)
    slides = render_image(spec, 1920, 1080, style=for_slides(ChartStyle()))
    assert first_ink_band(slides) > 1.3 * first_ink_band(standard)

    # the CLI's --slides draws the same
    out = tmp_path / "s.png"
    main(["export", "--theme", "economy", "--preset", "16:9", "--slides", "--out", str(out)])
    assert first_ink_band(QImage(str(out))) == first_ink_band(slides)


def test_slides_draw_larger_ticks_legend_and_source_line(qapp):
    spec = charts.charts_for(dataset(BUILTIN), "economy")[0]
    sizes = {}
    for name, style in (("standard", ChartStyle()), ("slides", for_slides(ChartStyle()))):
        canvas = laid_out_canvas(spec, 1920, 1080, style)
        try:
            ticks = drawn_tick_labels(canvas.plot_item.getAxis("bottom"))
            assert ticks
            sizes[name] = {
                "tick": max(r.height() for r, _ in ticks),
                "legend": QFontMetricsF(canvas.legend.font()).height(),
                "footer": QFontMetricsF(canvas.footer.font()).height(),
                "subtitle": QFontMetricsF(canvas.subtitle.font()).height(),
            }
        finally:
            dispose(canvas)
    for part, standard in sizes["standard"].items():
        assert sizes["slides"][part] > 1.3 * standard, part


# -- nothing cut off ---------------------------------------------------------------------


def _all_specs(path: Path):
    ds = dataset(path)
    for view_id, _ in charts.views(ds):
        yield from charts.charts_for(ds, view_id)


@pytest.mark.parametrize("pack", [BUILTIN, BUSY], ids=["builtin", "busy"])
def test_at_1080_square_slides_every_label_fits_inside_the_image(qapp, pack):
    style = for_slides(ChartStyle())
    for spec in _all_specs(pack):
        canvas = laid_out_canvas(spec, 1080, 1080, style)
        try:
            inside = canvas.rect()
            for label in (canvas.title, canvas.subtitle, canvas.legend, canvas.footer):
                if label.isHidden():
                    continue
                where = f"{spec.id}: {label.objectName()}"
                assert inside.contains(label.geometry()), where
                assert label.heightForWidth(label.width()) <= label.height() + 1, where
            title = canvas.title
            if title.is_cut():  # elided as in the window, the whole title in its tooltip
                metrics = QFontMetricsF(title.font())
                for line in title.text_for(title.width()).split("\n"):
                    assert metrics.horizontalAdvance(line) <= title.width(), spec.id
                assert line.endswith("…") and title.toolTip() == spec.title
        finally:
            dispose(canvas)


@pytest.mark.parametrize(
    "pack", [BUILTIN, pytest.param(BUSY, marks=pytest.mark.slow)], ids=["builtin", "busy"]
)
def test_at_1080_square_slides_nothing_is_drawn_on_the_edge(qapp, pack):
    """A cut-off word or axis would reach the image's edge: its outer 6 pixels stay
    background on every chart."""
    style = for_slides(ChartStyle())
    for spec in _all_specs(pack):
        px = pixels(render_image(spec, 1080, 1080, style=style))[:, :, :3]
        border = np.concatenate(
            [
                px[:6].reshape(-1, 3),
                px[-6:].reshape(-1, 3),
                px[:, :6].reshape(-1, 3),
                px[:, -6:].reshape(-1, 3),
            ]
        )
        assert (border == 255).all(), spec.id
