"""Fast checks of the packaging files (packaging/, resources/linux, the icons).

The real builds are tried by packaging/smoke.sh (CI runs it after the tests); these only
check what can be checked in a second: the desktop file and the AppStream metainfo
validate, the icons exist at their sizes, the wheel config ships the data, the .deb's
Depends cover Qt's X11 libraries, and the bundle's keep/drop rules keep what Qt needs.
Tools that are not installed (desktop-file-validate, appstreamcli) skip their test.
"""

from __future__ import annotations

import configparser
import importlib.util
import os
import shutil
import struct
import subprocess
import sys
import tomllib
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

import gzexplorer

ROOT = Path(__file__).resolve().parents[1]
LINUX = ROOT / "resources" / "linux"
DESKTOP = LINUX / "gzexplorer.desktop"
APP_ID = "io.github.gzexplorer.gzexplorer"
METAINFO = LINUX / f"{APP_ID}.metainfo.xml"
ICON_SIZES = (16, 22, 24, 32, 48, 64, 128, 256, 512)
SCREENSHOTS = ("overview", "economy", "governance", "ecology", "culture")
IGNORED = shutil.ignore_patterns("__pycache__", "*.pyc")


def png_size(path: Path) -> tuple[int, int]:
    head = path.read_bytes()[:24]
    assert head[:8] == b"\x89PNG\r\n\x1a\n", f"{path} is not a PNG"
    assert head[12:16] == b"IHDR"
    return struct.unpack(">II", head[16:24])


def load_module(name: str, path: Path):
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.skipif(not shutil.which("desktop-file-validate"), reason="no desktop-file-utils")
def test_desktop_file_validates():
    proc = subprocess.run(
        ["desktop-file-validate", str(DESKTOP)], capture_output=True, text=True, timeout=30
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert proc.stdout.strip() == "", proc.stdout  # not even a hint


@pytest.mark.skipif(not shutil.which("appstreamcli"), reason="no appstream")
def test_metainfo_validates():
    proc = subprocess.run(
        ["appstreamcli", "validate", "--no-net", str(METAINFO)],
        capture_output=True,
        text=True,
        timeout=30,
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr


APP_NAMES = """
from gzexplorer.ui.application import make_app
app = make_app()
print(app.applicationName(), app.desktopFileName())
"""


def test_desktop_file_launches_the_command_with_the_app_icon():
    entry = configparser.ConfigParser(interpolation=None)
    entry.optionxform = str
    entry.read(DESKTOP, encoding="utf-8")
    section = entry["Desktop Entry"]
    assert section["Exec"] == "gzexplorer %f"  # a pack zip or datapackage.json opened
    assert section["Icon"] == "gzexplorer"
    # Qt sets WM_CLASS from the application name, and tells the desktop the name of
    # the app's desktop file: both must name this file.
    assert section["StartupWMClass"] == "gzexplorer"
    done = subprocess.run(
        [sys.executable, "-c", APP_NAMES],
        capture_output=True,
        text=True,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        timeout=60,
    )
    assert done.returncode == 0, done.stderr[-800:]
    application_name, desktop_file_name = done.stdout.split()
    assert application_name == section["StartupWMClass"]
    assert (LINUX / f"{desktop_file_name}.desktop").samefile(DESKTOP)


def test_metainfo_matches_the_project():
    root = ET.parse(METAINFO).getroot()
    assert root.findtext("id") == APP_ID
    launchable = root.find("launchable")
    assert launchable.get("type") == "desktop-id"
    assert (LINUX / launchable.text).is_file()
    assert root.find("releases/release").get("version") == gzexplorer.__version__
    images = root.findall("screenshots/screenshot/image")
    assert [Path(img.text).stem for img in images] == list(SCREENSHOTS)
    for img in images:
        assert img.text.startswith("https://")
        local = ROOT / "docs" / "screenshots" / Path(img.text).name
        assert img.text.endswith(f"/docs/screenshots/{local.name}")
        assert png_size(local) == (int(img.get("width")), int(img.get("height")))


def test_app_icon_pngs_at_every_size():
    assert (ROOT / "resources" / "icons" / "gzexplorer.svg").is_file()
    for size in ICON_SIZES:
        png = ROOT / "resources" / "icons" / "hicolor" / f"{size}x{size}/apps/gzexplorer.png"
        assert png_size(png) == (size, size)


# run isolated (-I: no PYTHONPATH, no checkout on the path) with argv[1] first on the path
INSTALLED = """
import sys
sys.path.insert(0, sys.argv[1])
from gzexplorer import model, paths
print(paths.builtin_pack())
print(paths.resources_dir())
print(model.load(paths.builtin_pack()).summary())
"""


def test_the_installed_wheel_finds_its_data_and_resources(tmp_path, dataset):
    """The files laid out as the wheel's config (pyproject.toml) lays them out, in a
    folder of their own: the package finds the built-in pack and the resources in it."""
    wheel = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["hatch"]["build"]
    wheel = wheel["targets"]["wheel"]
    site = tmp_path / "site-packages"
    for package in wheel["packages"]:
        shutil.copytree(ROOT / package, site / Path(package).name, ignore=IGNORED)
    for source, target in wheel["force-include"].items():
        shutil.copytree(ROOT / source, site / target, ignore=IGNORED)

    done = subprocess.run(
        [sys.executable, "-I", "-c", INSTALLED, str(site)],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        timeout=120,
    )

    assert done.returncode == 0, done.stderr[-800:]
    data, resources, summary = done.stdout.splitlines()
    assert Path(data) == site / "gzexplorer" / "data"
    assert Path(resources) == site / "gzexplorer" / "resources"
    assert (Path(resources) / "icons" / "gzexplorer.svg").is_file()
    assert summary == dataset.summary()


def test_deb_depends_on_what_qt_xcb_needs():
    deb = load_module("gzexplorer_deb", ROOT / "packaging" / "deb.py")
    for package in (
        "libxcb-icccm4",
        "libxcb-keysyms1",
        "libxcb-cursor0",
        "libxcb-image0",
        "libxcb-render-util0",
        "libxkbcommon-x11-0",
        "libxcb-shape0",
        "libxcb-xkb1",
        "libgl1",
        "libegl1",
        "libfontconfig1",
        "libxkbcommon0",
        "libdbus-1-3",
    ):
        assert package in deb.REQUIRED
    merged = deb.merge_depends(["libc6 (>= 2.35)", "libxcb-icccm4 (>= 0.4.1)"], deb.REQUIRED)
    assert "libc6 (>= 2.35)" in merged
    assert "libxcb-icccm4 (>= 0.4.1)" in merged and "libxcb-icccm4" not in merged
    assert "libdbus-1-3" in merged
    assert merged == sorted(merged, key=lambda d: d.split()[0])


@pytest.fixture(scope="module")
def spec_rules() -> dict:
    """The keep/drop rules of packaging/gzexplorer.spec, without running PyInstaller."""
    source = (ROOT / "packaging" / "gzexplorer.spec").read_text()
    namespace = {"SPECPATH": str(ROOT / "packaging"), "__name__": "gzexplorer_spec"}
    exec(compile(source[: source.index("a = Analysis(")], "gzexplorer.spec", "exec"), namespace)
    return namespace


@pytest.mark.parametrize(
    "dest",
    [
        "PySide6/Qt/plugins/platforms/libqxcb.so",
        "PySide6/Qt/plugins/platforms/libqoffscreen.so",
        "PySide6/Qt/plugins/xcbglintegrations/libqxcb-glx-integration.so",
        "PySide6/Qt/plugins/imageformats/libqsvg.so",
        "PySide6/Qt/plugins/imageformats/libqjpeg.so",
        "PySide6/Qt/plugins/iconengines/libqsvgicon.so",
        "PySide6/Qt/lib/libQt6Core.so.6",
        "PySide6/Qt/lib/libQt6Gui.so.6",
        "PySide6/Qt/lib/libQt6Widgets.so.6",
        "PySide6/Qt/lib/libQt6Svg.so.6",
        "PySide6/Qt/lib/libQt6OpenGL.so.6",  # pyqtgraph imports QtOpenGL
        "PySide6/Qt/lib/libQt6XcbQpa.so.6",
        "PySide6/Qt/lib/libQt6DBus.so.6",  # QtGui links it
        "PySide6/Qt/lib/libicudata.so.73",
        "PySide6/QtSvg.abi3.so",
        "PySide6/plugins/platforms/qwindows.dll",
        "PySide6/Qt/plugins/platforms/libqcocoa.dylib",
        "gzexplorer/data/datapackage.json",
    ],
)
def test_bundle_keeps(spec_rules, dest):
    assert spec_rules["keep"](dest)


@pytest.mark.parametrize(
    "dest",
    [
        "PySide6/Qt/translations/qtbase_de.qm",
        "PySide6/translations/qt_fr.qm",
        "PySide6/Qt/plugins/platforms/libqwayland.so",
        "PySide6/Qt/plugins/platforms/libqeglfs.so",
        "PySide6/Qt/plugins/platforms/libqvnc.so",
        "PySide6/Qt/plugins/platformthemes/libqgtk3.so",
        "PySide6/Qt/plugins/sqldrivers/libqsqlite.so",
        "PySide6/Qt/plugins/tls/libqopensslbackend.so",
        "PySide6/Qt/plugins/qmltooling/libqmldbg_debugger.so",
        "PySide6/Qt/lib/libQt6Quick.so.6",
        "PySide6/Qt/lib/libQt6Qml.so.6",
        "PySide6/Qt/lib/libQt6Designer.so.6",
        "PySide6/Qt/lib/libQt6Network.so.6",
        "PySide6/Qt/lib/libQt6WaylandClient.so.6",
        "libQt6EglFsKmsSupport.so.6",
        "PySide6/Qt6WebEngineCore.dll",
        "PySide6/Qt/qml/QtQuick/Controls/qmldir",
    ],
)
def test_bundle_drops(spec_rules, dest):
    assert not spec_rules["keep"](dest)


def test_bundle_keeps_qt_translations_only_for_the_apps_languages(spec_rules):
    folder = ROOT / "resources" / "i18n"
    ours = {p.stem.removeprefix("gzexplorer_") for p in folder.glob("gzexplorer_*.qm")}
    assert spec_rules["KEEP_QT_TRANSLATIONS"] == {f"qtbase_{code}.qm" for code in ours}


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="Linux library rules")
def test_bundle_uses_the_systems_x11_libraries_but_ships_python(spec_rules):
    keep = spec_rules["keep"]
    assert not keep("libxcb-icccm.so.4", "/usr/lib/x86_64-linux-gnu/libxcb-icccm.so.4")
    assert not keep("libfontconfig.so.1", "/lib/x86_64-linux-gnu/libfontconfig.so.1")
    assert keep("libpython3.11.so.1.0", "/usr/lib/x86_64-linux-gnu/libpython3.11.so.1.0")
    assert keep(
        "numpy.libs/libscipy_openblas64_.so",
        "/usr/lib/python3/dist-packages/numpy.libs/libscipy_openblas64_.so",
    )
