"""A data pack as one .zip: opened from the command line and the window, refused when
unsafe, saved atomically; the desktop file and the .deb declare its MIME type."""

from __future__ import annotations

import configparser
import os
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
import zipfile
from pathlib import Path

import pytest

from gzexplorer import model, paths
from gzexplorer.model import packzip

ROOT = Path(__file__).resolve().parents[1]
LINUX = ROOT / "resources" / "linux"
MIME_XML = LINUX / "io.github.gzexplorer.gzexplorer.mime.xml"


def zip_folder(folder: Path, out: Path, under: str = "") -> Path:
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for f in sorted(folder.iterdir()):
            z.write(f, f"{under}/{f.name}" if under else f.name)
    return out


def gz(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "gzexplorer", *args], capture_output=True, text=True, timeout=300
    )


@pytest.mark.parametrize("under", ["", "guizhou"])
def test_validate_and_cite_read_a_zip(tmp_path: Path, under: str):
    z = zip_folder(paths.builtin_pack(), tmp_path / "pack.gzpack.zip", under)
    proc = gz("validate", "--strict", str(z))
    assert proc.returncode == 0, proc.stderr
    assert "valid data pack" in proc.stdout
    proc = gz("--data", str(z), "cite", "--format", "ris")
    assert proc.returncode == 0 and "TY  - RPRT" in proc.stdout


def bad_zip(tmp_path: Path, kind: str) -> Path:
    out = tmp_path / f"{kind}.zip"
    if kind == "corrupt":
        data = zip_folder(paths.builtin_pack(), tmp_path / "ok.zip").read_bytes()
        out.write_bytes(data[: len(data) // 2])
        return out
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        if kind == "dotdot":
            z.writestr("../evil.txt", "x")
        elif kind == "absolute":
            z.writestr("/etc/evil.txt", "x")
        elif kind == "symlink":
            info = zipfile.ZipInfo("datapackage.json")
            info.external_attr = (0o120777) << 16
            z.writestr(info, "/etc/passwd")
        elif kind == "bomb":
            z.writestr("datapackage.json", b"\0" * (20 * 2**20))
        elif kind == "nopack":
            z.writestr("a/readme.txt", "hello")
    return out


@pytest.mark.parametrize(
    ("kind", "words"),
    [
        ("corrupt", "not a valid zip archive"),
        ("dotdot", "leaves the archive"),
        ("absolute", "absolute path"),
        ("symlink", "symbolic link"),
        ("bomb", "zip bomb"),
        ("nopack", "no datapackage.json"),
    ],
)
def test_unsafe_or_bad_zips_are_refused_in_one_line(tmp_path: Path, kind: str, words: str):
    z = bad_zip(tmp_path, kind)
    before = set(Path("/etc").iterdir()) if kind != "corrupt" else None
    proc = gz("validate", str(z))
    assert proc.returncode == 1
    assert words in proc.stderr and len(proc.stderr.strip().splitlines()) == 1, proc.stderr
    assert not (tmp_path.parent / "evil.txt").exists()
    if before is not None:
        assert set(Path("/etc").iterdir()) == before
    proc = gz("--data", str(z), "cite")
    assert proc.returncode == 2 and words in proc.stderr


def test_total_unpacked_size_is_limited(tmp_path: Path, monkeypatch):
    z = zip_folder(paths.builtin_pack(), tmp_path / "pack.zip")
    monkeypatch.setattr(packzip, "MAX_TOTAL_BYTES", 1000)
    with pytest.raises(model.DataPackError, match="unpacks to"):
        model.load(z)


def test_save_pack_as_writes_a_zip_that_opens(window, tmp_path: Path, monkeypatch):
    from PySide6.QtWidgets import QFileDialog

    target = tmp_path / "mine.gzpack.zip"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    window.actions.save_pack.trigger()
    assert target.is_file()
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".part")] == []
    opened = model.load(target)
    assert opened.summary() == window.dataset.summary()
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(target), ""))
    window.actions.open_file.trigger()
    assert window.dataset.folder != paths.builtin_pack()
    assert window.dataset.summary() == opened.summary()


def test_mime_types_are_declared():
    tree = ET.parse(MIME_XML)
    ns = {"m": "http://www.freedesktop.org/standards/shared-mime-info"}
    globs = {
        t.get("type"): [g.get("pattern") for g in t.findall("m:glob", ns)]
        for t in tree.getroot().findall("m:mime-type", ns)
    }
    assert globs == {
        "application/vnd.gzexplorer.pack+zip": ["*.gzpack.zip"],
        "application/vnd.datapackage+json": ["datapackage.json"],
    }
    entry = configparser.ConfigParser(interpolation=None)
    entry.optionxform = str
    entry.read(LINUX / "gzexplorer.desktop", encoding="utf-8")
    declared = entry["Desktop Entry"]["MimeType"].rstrip(";").split(";")
    assert set(declared) == set(globs)


@pytest.mark.skipif(not shutil.which("desktop-file-validate"), reason="no desktop-file-utils")
def test_desktop_file_with_mime_types_validates():
    proc = subprocess.run(
        ["desktop-file-validate", str(LINUX / "gzexplorer.desktop")],
        capture_output=True,
        text=True,
        timeout=30,
    )
    assert proc.returncode == 0 and proc.stdout.strip() == "", proc.stdout + proc.stderr


def test_the_deb_installs_the_mime_xml():
    text = (ROOT / "packaging" / "deb.py").read_text()
    assert "mime.xml" in text and '"mime" / "packages"' in text


QT_FILE_TYPES = """\
import sys
from PySide6.QtCore import QMimeDatabase
db = QMimeDatabase()
print(" ".join(db.mimeTypeForFile(f).name() for f in sys.argv[1:]))
"""


def file_types(share: Path, files: list[Path]) -> list[str]:
    """What Qt's QMimeDatabase (KDE's file manager asks it) calls each file, reading the
    shared-mime-info folder ``share/mime`` only (and Qt's own copy of the base types)."""
    env = {**os.environ, "XDG_DATA_HOME": str(share), "XDG_DATA_DIRS": str(share)}
    proc = subprocess.run(
        [sys.executable, "-c", QT_FILE_TYPES, *map(str, files)],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
    )
    assert proc.returncode == 0, proc.stderr
    return proc.stdout.split()


def test_the_mime_xml_tells_packs_from_other_zips_and_json(tmp_path: Path):
    pack = zip_folder(ROOT / "docs" / "example-pack", tmp_path / "riverton.gzpack.zip")
    plain = shutil.copy(pack, tmp_path / "archive.zip")
    (tmp_path / "pack").mkdir()
    descriptor = shutil.copy(
        ROOT / "docs" / "example-pack" / "datapackage.json", tmp_path / "pack" / "datapackage.json"
    )
    other = tmp_path / "settings.json"
    other.write_text('{"name": "not a pack"}\n')
    files = [pack, plain, descriptor, other]
    bare = tmp_path / "bare"
    (bare / "mime").mkdir(parents=True)
    assert (
        file_types(bare, files) == ["application/zip", "application/zip"] + ["application/json"] * 2
    )
    ours = tmp_path / "ours"
    (ours / "mime" / "packages").mkdir(parents=True)
    shutil.copy(MIME_XML, ours / "mime" / "packages" / "io.github.gzexplorer.gzexplorer.xml")
    assert file_types(ours, files) == [
        "application/vnd.gzexplorer.pack+zip",
        "application/zip",
        "application/vnd.datapackage+json",
        "application/json",
    ]
