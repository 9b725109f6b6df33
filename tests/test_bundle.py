"""The data bundle (export --format zip, File › Export data bundle…): what is in the zip,
that frictionless and gzexplorer both accept it, that its numbers are the chart's, and
that a bad target leaves nothing behind."""

from __future__ import annotations

import errno
import os
import zipfile
from pathlib import Path

import pandas as pd
import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QMessageBox

from gzexplorer import bundle, charts, cite, files, model
from gzexplorer.cli import main
from gzexplorer.files import WriteError
from gzexplorer.render.export import csv_text
from gzexplorer.ui.bundle_dialog import BundleDialog
from gzexplorer.ui.settings import Settings
from packtools import BUILTIN, PACKS, frictionless_errors

PACK_DIRS = {"builtin": BUILTIN, "busy": PACKS / "busy", "edge": PACKS / "edge"}
_LOADED: dict[str, model.Dataset] = {}


def dataset(name: str) -> model.Dataset:
    if name not in _LOADED:
        _LOADED[name] = model.load(PACK_DIRS[name])
    return _LOADED[name]


def a_theme(ds: model.Dataset) -> str:
    """The first theme with at least two charts (else the first theme)."""
    themes = [t.id for t in ds.themes()]
    return next((t for t in themes if len(charts.charts_for(ds, t)) > 1), themes[0])


def unzip(path: Path, into: Path) -> Path:
    with zipfile.ZipFile(path) as archive:
        archive.extractall(into)
    return into


def listing(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


def same_numbers(frame: pd.DataFrame, spec: charts.ChartSpec) -> None:
    """The CSV read by pandas holds the chart's rows: ids, years and values."""
    key = spec.columns[0]
    assert list(frame.columns) == list(spec.columns)
    assert len(frame) == len(spec.rows) > 0
    for (_, got), want in zip(frame.iterrows(), spec.rows, strict=True):
        assert got[key] == getattr(want, key)
        if "year" in spec.columns and want.year is not None:
            assert int(got["year"]) == want.year
        if "value" in spec.columns:
            value = want.value
            if value is None:
                assert pd.isna(got["value"])
            else:
                assert got["value"] == pytest.approx(value, rel=1e-12)


# -- what the bundle holds -----------------------------------------------------------------


@pytest.mark.parametrize("pack", list(PACK_DIRS))
def test_a_chart_bundle_holds_its_data_passages_citation_and_opens(pack, tmp_path):
    ds = dataset(pack)
    theme = a_theme(ds)
    spec = charts.charts_for(ds, theme)[0]
    out = bundle.write_bundle(ds, tmp_path / "chart.zip", theme, 1)
    folder = unzip(out, tmp_path / "x")

    assert frictionless_errors(folder) == []
    frame = pd.read_csv(folder / "charts" / f"{theme}-1.csv", keep_default_na=False, na_values=[""])
    same_numbers(frame, spec)

    readme = (folder / "README.md").read_text(encoding="utf-8")
    ref = cite.reference(ds.info)
    assert cite.cite(ref, "apa") in readme
    assert cite.cite(ref, "apa", cite.chart_citation(ds, spec)) in readme
    licences = ds.info.meta.get("licenses", [])
    for lic in licences:
        assert (lic.get("title") or lic.get("name")) in readme
    for source in ds.info.sources:
        assert source in readme

    passages = (folder / "passages.md").read_text(encoding="utf-8")
    for excerpt_id in cite.chart_citation(ds, spec).passages:
        excerpt = ds.excerpt(excerpt_id)
        assert f"## {excerpt_id}" in passages
        assert f"Section: {excerpt.section}" in passages
        first = excerpt.text.splitlines()[0]
        assert f"> {first}" in passages

    # opened in gzexplorer, the chart is drawn with the same data
    opened = model.load(out)
    again = [s for s in charts.charts_for(opened, theme) if s.id == spec.id]
    assert again and csv_text(again[0]) == csv_text(spec)
    assert main(["validate", str(out)]) == 0


@pytest.mark.parametrize("pack", list(PACK_DIRS))
def test_a_bundle_of_everything_redraws_every_chart_the_same(pack, tmp_path):
    ds = dataset(pack)
    out = bundle.write_bundle(ds, tmp_path / "all.zip", None, None)
    folder = unzip(out, tmp_path / "x")
    assert frictionless_errors(folder) == []

    opened = model.load(out)
    for view_id, _name in charts.views(ds):
        specs = charts.charts_for(ds, view_id)
        for n, spec in enumerate(specs, start=1):
            frame = pd.read_csv(
                folder / "charts" / f"{view_id}-{n}.csv", keep_default_na=False, na_values=[""]
            )
            same_numbers(frame, spec)
        assert [csv_text(s) for s in charts.charts_for(opened, view_id)] == [
            csv_text(s) for s in specs
        ]


def test_a_theme_bundle_has_one_csv_per_chart_described_in_the_datapackage(tmp_path):
    ds = dataset("builtin")
    specs = charts.charts_for(ds, "economy")
    out = bundle.write_bundle(ds, tmp_path / "economy.zip", "economy", None)

    with zipfile.ZipFile(out) as archive:
        names = set(archive.namelist())
        descriptor = __import__("json").loads(archive.read("datapackage.json"))
    wanted = {f"charts/economy-{n}.csv" for n in range(1, len(specs) + 1)}
    assert wanted <= names
    assert {"README.md", "passages.md", "datapackage.json"} <= names
    described = {r["path"]: r for r in descriptor["resources"]}
    for n, spec in enumerate(specs, start=1):
        res = described[f"charts/economy-{n}.csv"]
        assert res["title"] == spec.title
        assert [f["name"] for f in res["schema"]["fields"]] == list(spec.columns)
    # the pack's metadata travels with the data
    assert descriptor["licenses"] == ds.info.meta["licenses"]
    assert descriptor["contributors"] == ds.info.meta["contributors"]
    assert descriptor["gzexplorer"]["reference"] == ds.info.meta["gzexplorer"]["reference"]
    # cut down to what the theme's charts use
    opened = model.load(out)
    assert len(opened.excerpts()) < len(ds.excerpts())
    assert {f.id for f in opened.figures()} == {
        m.ref.id for s in specs for m in s.marks() if m.ref.kind == "figure"
    }


# -- bad targets ---------------------------------------------------------------------------


def test_a_read_only_folder_is_one_line_and_writes_nothing(tmp_path, monkeypatch, capsys):
    folder = tmp_path / "locked"
    folder.mkdir()
    real_access = os.access  # root may write anywhere: the folder says no all the same
    monkeypatch.setattr(
        os, "access", lambda p, m, **k: False if Path(p) == folder else real_access(p, m, **k)
    )
    code = main(["export", "--theme", "economy", "--format", "zip", "--out", str(folder / "b.zip")])
    err = capsys.readouterr().err
    assert code == 2
    assert err.count("\n") == 1 and "no permission to write in" in err
    assert str(folder / "b.zip") in err
    assert listing(folder) == []


def test_a_full_disk_keeps_the_old_file_and_leaves_no_part(tmp_path, monkeypatch):
    target = tmp_path / "b.zip"
    target.write_bytes(b"old")

    def full(*_args):
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(files.os, "fsync", full)
    with pytest.raises(WriteError, match="disk is full"):
        bundle.write_bundle(dataset("builtin"), target, "economy", 1)
    assert target.read_bytes() == b"old"
    assert listing(tmp_path) == ["b.zip"]


def test_cli_errors_are_one_line(tmp_path, capsys):
    out = str(tmp_path / "b.zip")
    cases = [
        (["--theme", "nowhere", "--out", out], "unknown theme 'nowhere'"),
        (["--theme", "economy", "--chart", "99", "--out", out], "has no chart 99"),
        (
            ["--theme", "economy", "--whole-theme", "--out", str(tmp_path / "b.png")],
            "--whole-theme",
        ),
        (["--theme", "economy", "--whole-theme", "--chart", "2", "--out", out], "without --chart"),
    ]
    for args, words in cases:
        assert main(["export", *args]) == 2
        err = capsys.readouterr().err
        assert words in err and err.count("\n") == 1
    assert listing(tmp_path) == []


def test_cli_writes_a_chart_a_theme_and_everything(tmp_path, capsys):
    ds = dataset("builtin")
    assert (
        main(["export", "--theme", "economy", "--chart", "2", "--out", str(tmp_path / "c.zip")])
        == 0
    )
    assert (
        main(["export", "--theme", "economy", "--whole-theme", "--out", str(tmp_path / "t.zip")])
        == 0
    )
    assert main(["export", "--all", "--format", "zip", "--out", str(tmp_path / "a.zip")]) == 0
    names = {}
    for z in ("c", "t", "a"):
        with zipfile.ZipFile(tmp_path / f"{z}.zip") as archive:
            names[z] = sorted(n for n in archive.namelist() if n.startswith("charts/"))
    assert names["c"] == ["charts/economy-2.csv"]
    assert len(names["t"]) == len(charts.charts_for(ds, "economy"))
    assert len(names["a"]) == sum(len(charts.charts_for(ds, v)) for v, _ in charts.views(ds))


# -- the dialog ----------------------------------------------------------------------------


def make_dialog(qtbot, tmp_path) -> BundleDialog:
    ds = dataset("builtin")
    spec = charts.charts_for(ds, "economy")[1]
    settings = Settings(QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    dialog = BundleDialog(ds, "economy", "Economy", 2, spec, spec.context, settings)
    qtbot.addWidget(dialog)
    return dialog


def test_dialog_writes_the_chart_or_the_theme(qtbot, tmp_path):
    dialog = make_dialog(qtbot, tmp_path)
    assert dialog.this_chart.isChecked()
    assert dialog.target.edit.text().endswith(".zip")
    dialog.target.edit.setText(str(tmp_path / "one.zip"))
    dialog.accept()
    with zipfile.ZipFile(tmp_path / "one.zip") as archive:
        assert [n for n in archive.namelist() if n.startswith("charts/")] == [
            "charts/economy-2.csv"
        ]

    dialog = make_dialog(qtbot, tmp_path)
    dialog.whole_theme.setChecked(True)
    assert "economy" in Path(dialog.target.edit.text()).name
    dialog.target.edit.setText(str(tmp_path / "theme.zip"))
    dialog.accept()
    assert dialog.result() == BundleDialog.DialogCode.Accepted
    with zipfile.ZipFile(tmp_path / "theme.zip") as archive:
        count = len([n for n in archive.namelist() if n.startswith("charts/")])
    assert count == len(charts.charts_for(dataset("builtin"), "economy"))


def test_dialog_says_why_it_failed_and_stays_open(qtbot, tmp_path, monkeypatch):
    shown = []
    monkeypatch.setattr(
        QMessageBox,
        "critical",
        lambda _p, title, text, *a, **k: shown.append((title, text)),
    )
    dialog = make_dialog(qtbot, tmp_path)
    dialog.show()
    target = tmp_path / "missing" / "b.zip"
    dialog.target.edit.setText(str(target))
    dialog.accept()
    assert len(shown) == 1
    assert shown[0][0] == "Export failed"
    assert str(target) in shown[0][1] and "does not exist" in shown[0][1]
    assert dialog.isVisible() and dialog.written is None
    assert not (tmp_path / "missing").exists()


def test_file_menu_exports_the_shown_chart_as_a_bundle(qtbot, window, tmp_path):
    window.show_view("economy", 2)
    qtbot.waitUntil(lambda: window.current_chart() is not None)
    spec = window.current_chart()
    menu = [a.text() for a in window.actions.file_menu.actions()]
    assert "Export data &bundle (.zip)…" in menu

    window.actions.export_bundle.trigger()
    (dialog,) = [d for d in window.findChildren(BundleDialog) if d.isVisible()]
    assert spec.title in dialog.this_chart.text()
    dialog.target.edit.setText(str(tmp_path / "b.zip"))
    dialog.accept()

    with zipfile.ZipFile(tmp_path / "b.zip") as archive:
        assert [n for n in archive.namelist() if n.startswith("charts/")] == [
            "charts/economy-3.csv"
        ]
        written = archive.read("charts/economy-3.csv").decode("utf-8")
    assert written == csv_text(spec)
