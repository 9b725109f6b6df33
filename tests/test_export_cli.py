"""`gzexplorer export` and `gzexplorer screenshot`, run as a person would, with no display."""

from __future__ import annotations

import csv
import os
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import numpy as np
import pytest
from PySide6.QtGui import QImage

from gzexplorer import charts, model, paths

DATASET = model.load(paths.builtin_pack())
CSV_COLUMNS = {
    "line": ["indicator_id", "indicator", "unit", "year", "value", "status", "source"],
    "bar": ["figure_id", "label", "value", "unit", "qualifier", "year", "quote", "source"],
    "timeline": ["milestone_id", "year", "title", "themes", "source"],
}

# No display and no platform chosen: the command must go offscreen by itself.
HEADLESS = {
    k: v
    for k, v in os.environ.items()
    if k not in ("QT_QPA_PLATFORM", "DISPLAY", "WAYLAND_DISPLAY")
}


def gzexplorer(command: str | list[str], cwd: Path) -> subprocess.CompletedProcess[str]:
    """Run ``gzexplorer <command>`` (a command line, or its words) in ``cwd``."""
    args = command.split() if isinstance(command, str) else command
    return subprocess.run(
        [sys.executable, "-m", "gzexplorer", *args],
        cwd=cwd,
        env=HEADLESS,
        capture_output=True,
        text=True,
        timeout=600,  # a hang guard only
    )


def succeeded(proc: subprocess.CompletedProcess[str]) -> None:
    assert proc.returncode == 0, proc.stderr
    assert "Traceback" not in proc.stderr


def listing(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


def pixels(path: Path) -> np.ndarray:
    image = QImage(str(path))
    assert not image.isNull(), f"{path} is not a readable image"
    img = image.convertToFormat(QImage.Format.Format_RGBA8888)
    h, w = img.height(), img.width()
    raw = np.frombuffer(img.constBits(), np.uint8).reshape(h, img.bytesPerLine())
    return raw[:, : w * 4].reshape(h, w, 4).copy()


def has_color(px: np.ndarray, color: str, tol: int = 12) -> bool:
    target = np.array([int(color[i : i + 2], 16) for i in (1, 3, 5)])
    return bool((np.abs(px[..., :3].astype(int) - target).max(axis=2) <= tol).sum() > 100)


def read_csv(path: Path) -> tuple[list[str], list[dict[str, str]]]:
    with open(path, encoding="utf-8", newline="") as f:
        reader = csv.DictReader(f)
        return list(reader.fieldnames or []), list(reader)


def spec(theme: str, number: int = 1) -> charts.ChartSpec:
    return charts.charts_for(DATASET, theme)[number - 1]


# -- export one chart ------------------------------------------------------------------


def test_export_png_without_a_display(qapp, tmp_path):
    proc = gzexplorer(
        "export --theme economy --format png --out X.png --width 1000 --height 600", tmp_path
    )

    succeeded(proc)
    assert listing(tmp_path) == ["X.png"]
    assert "X.png" in proc.stdout
    px = pixels(tmp_path / "X.png")
    assert px.shape[:2] == (600, 1000)
    drawn = (px[..., :3] != 255).any(axis=2)
    assert drawn.mean() > 0.02
    xs, ys = np.flatnonzero(drawn.any(axis=0)), np.flatnonzero(drawn.any(axis=1))
    assert (xs[-1] - xs[0]) / 1000 >= 0.85 and (ys[-1] - ys[0]) / 600 >= 0.85
    for series in spec("economy").series:
        assert has_color(px, series.color), series.name


def test_scale_multiplies_the_pixels(qapp, tmp_path):
    proc = gzexplorer(
        "export --theme governance --out g.png --width 600 --height 400 --scale 2", tmp_path
    )

    succeeded(proc)
    assert pixels(tmp_path / "g.png").shape[:2] == (800, 1200)


def test_chart_number_picks_another_chart(qapp, tmp_path):
    first, second = spec("economy", 1), spec("economy", 2)
    assert first.title != second.title
    for n in (1, 2):
        for ext in ("png", "svg"):
            succeeded(gzexplorer(f"export --theme economy --chart {n} --out c{n}.{ext}", tmp_path))

    one, two = pixels(tmp_path / "c1.png"), pixels(tmp_path / "c2.png")
    assert one.shape == two.shape == (750, 1200, 4)
    assert (one != two).any(axis=2).mean() > 0.05
    assert ET.parse(tmp_path / "c1.svg").getroot().findtext("{*}title") == first.title
    assert ET.parse(tmp_path / "c2.svg").getroot().findtext("{*}title") == second.title


def test_export_csv(tmp_path):
    proc = gzexplorer("export --theme economy --format csv --out data.csv", tmp_path)

    succeeded(proc)
    columns, rows = read_csv(tmp_path / "data.csv")
    assert columns == CSV_COLUMNS["line"]
    expected = spec("economy").rows
    assert [(r["indicator_id"], r["year"]) for r in rows] == [
        (e.indicator_id, str(e.year)) for e in expected
    ]
    gdp = {r["year"]: r["value"] for r in rows if r["indicator_id"] == "gdp_growth"}
    assert gdp["2012"] == "13.6" and gdp["2020"] == "4.5"


@pytest.mark.parametrize("name", ["chart.png", "chart.svg", "chart.csv", "CHART.SVG"])
def test_format_follows_the_file_extension(qapp, tmp_path, name):
    succeeded(gzexplorer(f"export --theme culture --out {name}", tmp_path))

    assert listing(tmp_path) == [name]
    out = tmp_path / name
    kind = name.rsplit(".", 1)[1].lower()
    if kind == "png":
        assert out.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
        assert pixels(out).shape[:2] == (750, 1200)
    elif kind == "svg":
        root = ET.parse(out).getroot()
        assert root.tag.rsplit("}", 1)[-1] == "svg"
        assert root.findtext("{*}title") == spec("culture").title
    else:
        assert read_csv(out)[0] == CSV_COLUMNS[spec("culture").kind]


def test_transparent_png(qapp, tmp_path):
    succeeded(gzexplorer("export --theme economy --transparent --out t.png", tmp_path))

    px = pixels(tmp_path / "t.png")
    assert [px[0, 0, 3], px[0, -1, 3], px[-1, 0, 3], px[-1, -1, 3]] == [0, 0, 0, 0]


# -- export every chart ----------------------------------------------------------------


def test_export_all_writes_every_chart_and_an_index(qapp, tmp_path):
    proc = gzexplorer("export --all --out site", tmp_path)

    succeeded(proc)
    site = tmp_path / "site"
    expected = {"index.html"}
    specs = {}
    for view_id, _ in charts.views(DATASET):
        for n, s in enumerate(charts.charts_for(DATASET, view_id), start=1):
            specs[f"{view_id}-{n}"] = s
            expected |= {f"{view_id}-{n}.{fmt}" for fmt in ("png", "svg", "csv")}
    assert len(specs) >= 5
    assert set(listing(site)) == expected
    assert f"{len(expected)} files" in proc.stdout

    index = (site / "index.html").read_text(encoding="utf-8")
    linked = set(re.findall(r'href="([^"]+)"', index))
    assert linked == expected - {"index.html"}
    for stem, s in specs.items():
        assert pixels(site / f"{stem}.png").shape[:2] == (750, 1200), stem
        root = ET.parse(site / f"{stem}.svg").getroot()
        assert root.findtext("{*}title") == s.title
        columns, rows = read_csv(site / f"{stem}.csv")
        assert columns == CSV_COLUMNS[s.kind]
        assert len(rows) == len(s.rows), stem


def test_export_all_into_an_existing_folder(qapp, tmp_path):
    out = tmp_path / "existing"
    out.mkdir()
    (out / "mine.txt").write_text("keep")

    succeeded(gzexplorer(["export", "--all", "--out", str(out), "--width", "400"], tmp_path))

    assert (out / "mine.txt").read_text() == "keep"
    assert pixels(out / "economy-1.png").shape[:2] == (750, 400)
    assert not [p for p in out.iterdir() if p.name.endswith(".part")]


# -- errors: exit 2, one line, nothing written ------------------------------------------


def _setup_taken_file(folder: Path) -> None:
    (folder / "taken").write_text("a file, not a folder")


ERRORS = {
    "unknown theme": (
        "export --theme nope --out x.png",
        "unknown theme 'nope'",
    ),
    "chart number too high": (
        "export --theme economy --chart 99 --out x.png",
        "no chart 99",
    ),
    "chart number zero": (
        "export --theme economy --chart 0 --format csv --out x.csv",
        "no chart 0",
    ),
    "missing folder": (
        "export --theme economy --out missing/x.png",
        "does not exist",
    ),
    "folder as the output file": (
        "export --theme economy --format csv --out .",
        "is a folder",
    ),
    "a file where --all expects a folder": (
        "export --all --out taken",
        "is a file",
    ),
    "missing parent folder for --all": (
        "export --all --out missing/site",
        "does not exist",
    ),
    "too small for --all": (
        "export --all --out site --width 100",
        "too small",
    ),
    "bad extension without --format": (
        "export --theme economy --out chart.txt",
        "--format",
    ),
    "too small": (
        "export --theme economy --out x.png --width 100 --height 80",
        "too small",
    ),
    "scale out of range": (
        "export --theme economy --out x.png --scale 9",
        "out of range",
    ),
    "screenshot of an unknown theme": (
        "screenshot --theme nope --out shot.png",
        "unknown theme 'nope'",
    ),
    "screenshot size not WxH": (
        "screenshot --theme economy --out shot.png --size big",
        "WIDTHxHEIGHT",
    ),
    "screenshot into a missing folder": (
        "screenshot --theme economy --out missing/shot.png",
        "does not exist",
    ),
    "unknown format (argparse)": (
        "export --theme economy --format gif --out x.gif",
        "invalid choice: 'gif'",
    ),
    "missing --out (argparse)": (
        "export --theme economy",
        "the following arguments are required: --out",
    ),
    "unknown subcommand (argparse)": (
        "draw --theme economy",
        "invalid choice: 'draw'",
    ),
}


@pytest.mark.parametrize("case", list(ERRORS))
def test_errors_are_one_line_and_leave_no_file(tmp_path, case):
    args, message = ERRORS[case]
    _setup_taken_file(tmp_path)
    before = listing(tmp_path)

    proc = gzexplorer(args, tmp_path)

    assert proc.returncode == 2, (proc.stdout, proc.stderr)
    assert "Traceback" not in proc.stderr
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1, proc.stderr
    assert lines[0].startswith("gzexplorer: ")
    assert message in lines[0]
    assert listing(tmp_path) == before
    assert (tmp_path / "taken").read_text() == "a file, not a folder"


# -- screenshot ------------------------------------------------------------------------


def test_screenshot_without_a_display(qapp, tmp_path):
    proc = gzexplorer("screenshot --theme economy --out shot.png --size 1200x800", tmp_path)

    succeeded(proc)
    assert listing(tmp_path) == ["shot.png"]
    px = pixels(tmp_path / "shot.png")
    assert px.shape[:2] == (800, 1200)
    assert len(np.unique(px.reshape(-1, 4), axis=0)) > 50  # a real window, not a blank fill
    for series in spec("economy").series:
        assert has_color(px, series.color), series.name


@pytest.mark.parametrize("chart", [1, 2], ids=["line", "bar"])
def test_a_chinese_csv_keeps_only_the_sources_in_its_source_column(tmp_path, chart):
    from PySide6.QtGui import QFontDatabase
    from PySide6.QtWidgets import QApplication

    QApplication.instance() or QApplication([])
    if not QFontDatabase.families(QFontDatabase.WritingSystem.SimplifiedChinese):
        pytest.skip("no CJK font installed: the export stays English")
    out = tmp_path / "chart.csv"
    done = gzexplorer(
        [
            "export",
            "--theme",
            "economy",
            "--chart",
            str(chart),
            "--out",
            str(out),
            "--language",
            "zh_CN",
        ],
        tmp_path,
    )

    assert done.returncode == 0, done.stderr
    rows = list(csv.DictReader(out.open(encoding="utf-8")))
    name = {1: "indicator", 2: "label"}[chart]  # the line's series, the bar's figure
    assert rows and any("\u4e00" <= ch <= "\u9fff" for ch in rows[0][name])  # Chinese
    assert all(not r["source"].startswith(("来源", "Source")) for r in rows)
    assert all(r["source"] for r in rows)


def test_export_refuses_an_unknown_language(tmp_path):
    done = gzexplorer(
        ["export", "--theme", "economy", "--out", str(tmp_path / "c.csv"), "--language", "xx"],
        tmp_path,
    )

    assert done.returncode == 2
    assert done.stderr.strip() == "gzexplorer: --language 'xx': choose one of en, zh_CN"
    assert not (tmp_path / "c.csv").exists()
