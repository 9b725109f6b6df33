"""Colours a person can tell apart: the palette, the themes' colours on the timelines
(the palette's by default, a pack's own while they stay distinct), light and dark."""

from __future__ import annotations

import itertools
from pathlib import Path

import numpy as np
import pytest
from PySide6.QtGui import QImage

from gzexplorer import charts, model
from gzexplorer.charts import palette
from gzexplorer.charts.cielab import contrast, delta_e2000, difference
from gzexplorer.model.preview import preview
from gzexplorer.render.export import render_image
from gzexplorer.render.style import ChartStyle
from packtools import copy_pack, read_rows, theme_colors, write_rows

# Sharma, Wu and Dalal (2005), Table 1: the CIEDE2000 test data (L*a*b* 1, 2, ΔE00).
SHARMA = [
    ((50.0000, 2.6772, -79.7751), (50.0000, 0.0000, -82.7485), 2.0425),
    ((50.0000, 3.1571, -77.2803), (50.0000, 0.0000, -82.7485), 2.8615),
    ((50.0000, 2.8361, -74.0200), (50.0000, 0.0000, -82.7485), 3.4412),
    ((50.0000, -1.3802, -84.2814), (50.0000, 0.0000, -82.7485), 1.0000),
    ((50.0000, -1.1848, -84.8006), (50.0000, 0.0000, -82.7485), 1.0000),
    ((50.0000, -0.9009, -85.5211), (50.0000, 0.0000, -82.7485), 1.0000),
    ((50.0000, 0.0000, 0.0000), (50.0000, -1.0000, 2.0000), 2.3669),
    ((50.0000, -1.0000, 2.0000), (50.0000, 0.0000, 0.0000), 2.3669),
    ((50.0000, 2.4900, -0.0010), (50.0000, -2.4900, 0.0009), 7.1792),
    ((50.0000, 2.4900, -0.0010), (50.0000, -2.4900, 0.0010), 7.1792),
    ((50.0000, 2.4900, -0.0010), (50.0000, -2.4900, 0.0011), 7.2195),
    ((50.0000, 2.4900, -0.0010), (50.0000, -2.4900, 0.0012), 7.2195),
    ((50.0000, -0.0010, 2.4900), (50.0000, 0.0009, -2.4900), 4.8045),
    ((50.0000, -0.0010, 2.4900), (50.0000, 0.0010, -2.4900), 4.8045),
    ((50.0000, -0.0010, 2.4900), (50.0000, 0.0011, -2.4900), 4.7461),
    ((50.0000, 2.5000, 0.0000), (50.0000, 0.0000, -2.5000), 4.3065),
    ((50.0000, 2.5000, 0.0000), (73.0000, 25.0000, -18.0000), 27.1492),
    ((50.0000, 2.5000, 0.0000), (61.0000, -5.0000, 29.0000), 22.8977),
    ((50.0000, 2.5000, 0.0000), (56.0000, -27.0000, -3.0000), 31.9030),
    ((50.0000, 2.5000, 0.0000), (58.0000, 24.0000, 15.0000), 19.4535),
    ((50.0000, 2.5000, 0.0000), (50.0000, 3.1736, 0.5854), 1.0000),
    ((50.0000, 2.5000, 0.0000), (50.0000, 3.2972, 0.0000), 1.0000),
    ((50.0000, 2.5000, 0.0000), (50.0000, 1.8634, 0.5757), 1.0000),
    ((50.0000, 2.5000, 0.0000), (50.0000, 3.2592, 0.3350), 1.0000),
    ((60.2574, -34.0099, 36.2677), (60.4626, -34.1751, 39.4387), 1.2644),
    ((63.0109, -31.0961, -5.8663), (62.8187, -29.7946, -4.0864), 1.2630),
    ((61.2901, 3.7196, -5.3901), (61.4292, 2.2480, -4.9620), 1.8731),
    ((35.0831, -44.1164, 3.7933), (35.0232, -40.0716, 1.5901), 1.8645),
    ((22.7233, 20.0904, -46.6940), (23.0331, 14.9730, -42.5619), 2.0373),
    ((36.4612, 47.8580, 18.3852), (36.2715, 50.5065, 21.2231), 1.4146),
    ((90.8027, -2.0831, 1.4410), (91.1528, -1.6435, 0.0447), 1.4441),
    ((90.9257, -0.5406, -0.9208), (88.6381, -0.8985, -0.7239), 1.5381),
    ((6.7747, -0.2908, -2.4247), (5.8714, -0.0985, -2.2286), 0.6377),
    ((2.0776, 0.0795, -1.1350), (0.9033, -0.0636, -0.5514), 0.9082),
]


@pytest.mark.parametrize(("lab1", "lab2", "expected"), SHARMA)
def test_ciede2000_gives_the_published_differences(lab1, lab2, expected):
    assert round(delta_e2000(lab1, lab2), 4) == expected
    assert round(delta_e2000(lab2, lab1), 4) == expected


def test_srgb_colours_land_where_cielab_puts_them():
    assert difference("#FFFFFF", "#FFFFFF") == 0
    assert round(difference("#000000", "#FFFFFF"), 1) == 100.0
    assert contrast("#000000", "#FFFFFF") == pytest.approx(21)


# -- the palette ---------------------------------------------------------------------------


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_every_two_palette_colours_differ_enough(scheme):
    colours = palette.SERIES if scheme == "light" else palette.SERIES_DARK
    close = [
        (a, b, round(difference(a, b), 1))
        for a, b in itertools.combinations(colours, 2)
        if difference(a, b) < palette.MIN_DIFFERENCE
    ]
    assert close == []


def test_the_palettes_backgrounds_are_the_charts():
    assert ChartStyle(dark=False).background == palette.LIGHT_BACKGROUND
    assert ChartStyle(dark=True).background == palette.DARK_BACKGROUND


# -- theme colours on the timelines ----------------------------------------------------------


def six_themes(pack: Path) -> Path:
    """The minimal pack with four more themes, each with an event, so that the
    Overview's timeline shows six themes (the issue's pack had two blues: 1st, 6th)."""
    header, *themes = read_rows(pack, "themes")
    extra = [[f"t{k}", f"Theme {k}", "", str(k), ""] for k in range(3, 7)]
    write_rows(pack, "themes", [header, *themes, *extra])
    header, *events = read_rows(pack, "milestones")
    more = [[f"ev{k}", "2014", f"Event {k}", "", f"t{k}", "tl-towns"] for k in range(3, 7)]
    more.append(["ev_industry", "2014", "Widget fair", "", "industry", "tl-towns"])
    write_rows(pack, "milestones", [header, *events, *more])
    return pack


def overview_colours(dataset) -> dict[str, str]:
    spec = charts.charts_for(dataset, charts.OVERVIEW)[0]
    return {s.id: s.color for s in spec.series}


def test_six_themes_get_six_colours_that_can_be_told_apart(tmp_path):
    pack = six_themes(copy_pack(tmp_path))

    colours = overview_colours(model.load(pack))

    assert list(colours) == ["industry", "heritage", "t3", "t4", "t5", "t6"]
    for (a, ca), (b, cb) in itertools.combinations(colours.items(), 2):
        light = difference(ca, cb)
        dark = difference(palette.dark_variant(ca), palette.dark_variant(cb))
        assert min(light, dark) >= palette.MIN_DIFFERENCE, (a, ca, b, cb, light, dark)


def test_a_packs_own_colours_are_kept_when_distinct(tmp_path):
    pack = six_themes(copy_pack(tmp_path))
    theme_colors("#117733", "#AA3377", "", "", "", "")(pack)

    dataset = model.load(pack)

    assert dataset.warnings == []
    colours = overview_colours(dataset)
    assert (colours["industry"], colours["heritage"]) == ("#117733", "#AA3377")
    heritage = charts.charts_for(dataset, "heritage")[-1]
    assert heritage.kind == "timeline" and heritage.series[0].color == "#AA3377"
    # the palette's colours go to the others, none too close to the pack's
    others = [colours[t] for t in ("t3", "t4", "t5", "t6")]
    assert all(c in palette.SERIES for c in others)
    for c in others:
        assert min(difference(c, "#117733"), difference(c, "#AA3377")) >= palette.MIN_DIFFERENCE


def test_a_colour_too_close_to_anothers_is_replaced_and_said(tmp_path):
    pack = six_themes(copy_pack(tmp_path))
    theme_colors("#0072B2", "#1F7FB8", "", "", "", "#FFFF66")(pack)

    dataset = model.load(pack)

    colours = overview_colours(dataset)
    assert colours["industry"] == "#0072B2"
    assert colours["heritage"] not in ("#1F7FB8", "#0072B2")
    assert colours["t6"] != "#FFFF66"  # 1.1:1 on white
    said = [(w.row, w.code, w.message) for w in dataset.warnings]
    assert said == [
        (
            3,
            "indistinct-color",
            'theme "heritage": colour #1F7FB8 is too close to #0072B2 of theme "industry" '
            f"(CIEDE2000 5.0 on the light background, under 15); it is drawn in "
            f"{colours['heritage']}",
        ),
        (
            7,
            "indistinct-color",
            'theme "t6": colour #FFFF66 has too little contrast on the white background '
            f"(1.1:1, under 3:1); it is drawn in {colours['t6']}",
        ),
    ]


def test_a_colour_close_only_on_the_dark_background_is_replaced(tmp_path):
    # wine and a rose red differ on white; on dark the wine is drawn rose itself
    assert difference("#882255", "#FF3366") > 25
    assert difference(palette.dark_variant("#882255"), palette.dark_variant("#FF3366")) < 5
    pack = copy_pack(tmp_path)
    theme_colors("#882255", "#FF3366")(pack)

    dataset = model.load(pack)

    assert [w.message for w in dataset.warnings] == [
        'theme "heritage": colour #FF3366 is too close to #882255 of theme "industry" '
        "(CIEDE2000 4.2 on the dark background, under 15); it is drawn in #0072B2"
    ]
    assert charts.charts_for(dataset, "heritage")[-1].series[0].color == "#0072B2"


def test_the_first_stage_draws_the_same_colours(tmp_path):
    pack = six_themes(copy_pack(tmp_path))
    theme_colors("#117733", "#1F7FB8", "", "", "", "")(pack)

    shell = preview(pack)

    assert shell is not None
    assert overview_colours(shell) == overview_colours(model.load(pack))


def pixels(image: QImage) -> np.ndarray:
    img = image.convertToFormat(QImage.Format.Format_RGBA8888)
    h, w = img.height(), img.width()
    raw = np.frombuffer(img.constBits(), np.uint8).reshape(h, img.bytesPerLine())
    return raw[:, : w * 4].reshape(h, w, 4)[..., :3].astype(int)


def count_of(px: np.ndarray, colour: str) -> int:
    rgb = np.array([int(colour[i : i + 2], 16) for i in (1, 3, 5)])
    return int((np.abs(px - rgb).max(axis=2) <= 6).sum())


@pytest.mark.parametrize("dark", [False, True], ids=["light", "dark"])
def test_a_packs_colour_is_drawn_and_readable_on_dark_too(qapp, tmp_path, dark):
    pack = copy_pack(tmp_path)
    theme_colors("", "#332288")(pack)  # indigo: 12:1 on white, 1.5:1 on the dark background
    spec = charts.charts_for(model.load(pack), "heritage")[-1]

    image = render_image(spec, 600, 400, 1.0, ChartStyle(dark=dark))

    drawn = palette.dark_variant("#332288") if dark else "#332288"
    background = palette.DARK_BACKGROUND if dark else palette.LIGHT_BACKGROUND
    assert contrast(drawn, background) >= palette.MIN_CONTRAST
    assert count_of(pixels(image), drawn) > 20
