"""The compiled translations are there however gzexplorer is installed (wheel, sdist,
editable install; the bundle and the .deb are made from the wheel), and where they are
not, asking for Chinese says so instead of silently giving English."""

from __future__ import annotations

import importlib.util
import os
import shutil
import subprocess
import sys
import sysconfig
import tarfile
import xml.etree.ElementTree as ET
import zipfile
from pathlib import Path

import pytest
from PySide6.QtCore import QTranslator
from PySide6.QtWidgets import QMessageBox

from gzexplorer.ui import i18n

ROOT = Path(__file__).resolve().parents[1]
TS = ROOT / "resources" / "i18n" / "gzexplorer_zh_CN.ts"
QM_IN_WHEEL = "gzexplorer/resources/i18n/gzexplorer_zh_CN.qm"
LRELEASE = Path(sys.executable).parent / "pyside6-lrelease"
TITLE_EN, TITLE_ZH = "GDP growth rate", "GDP增长率与数字经济增长率"  # the economy chart's title
MISSING_LINE = "gzexplorer: the zh_CN translation is not installed"


def qm_module():
    spec = importlib.util.spec_from_file_location("gzexplorer_qm", ROOT / "packaging" / "qm.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def source_tree(into: Path) -> Path:
    """The project as a fresh clone has it (what a build reads), without the compiled
    translations: they are git-ignored, made by `make translations` or the build."""
    tree = into / "gzexplorer-src"
    ignore = shutil.ignore_patterns("*.qm", "__pycache__", "*.pyc")
    for folder in ("src", "data", "resources", "packaging"):
        shutil.copytree(ROOT / folder, tree / folder, ignore=ignore)
    for name in ("pyproject.toml", "README.md"):
        shutil.copy(ROOT / name, tree / name)
    return tree


def run(cmd: list[str], cwd: Path, **env: str) -> subprocess.CompletedProcess:
    """``cmd`` headless, with ``env`` added (and no PYTHONPATH unless given: the
    gzexplorer to run is the one ``cmd`` installs or is pointed at)."""
    inherited = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    return subprocess.run(
        cmd,
        cwd=cwd,
        env={**inherited, "QT_QPA_PLATFORM": "offscreen", **env},
        capture_output=True,
        text=True,
        timeout=300,
    )


def export_title(python: str, cwd: Path, out: Path, **env: str) -> tuple[int, str, str]:
    """Export the economy chart as SVG with --language zh_CN: (exit code, stderr, which
    title the chart got: "zh" or "en")."""
    done = run(
        [python, "-m", "gzexplorer", "export", "--theme", "economy", "--format", "svg"]
        + ["--language", "zh_CN", "--out", str(out)],
        cwd,
        **env,
    )
    svg = out.read_text(encoding="utf-8") if out.exists() else ""
    title = "zh" if TITLE_ZH in svg else "en" if TITLE_EN in svg else ""
    return done.returncode, done.stderr, title


# -- the compiler the build uses --------------------------------------------------------


@pytest.mark.skipif(not LRELEASE.exists(), reason="pyside6-lrelease is not installed")
def test_the_build_compiles_the_translation_as_lrelease_does(tmp_path):
    qm_module().compile_ts(TS, tmp_path / "ours.qm")
    subprocess.run(
        [str(LRELEASE), "-silent", str(TS), "-qm", str(tmp_path / "lrelease.qm")], check=True
    )
    assert (tmp_path / "ours.qm").read_bytes() == (tmp_path / "lrelease.qm").read_bytes()


def test_qt_finds_every_message_in_the_compiled_translation(qapp, tmp_path):
    qm_module().compile_ts(TS, tmp_path / "zh.qm")
    translator = QTranslator()
    assert translator.load(str(tmp_path / "zh.qm"))
    assert translator.language() == "zh_CN"
    wrong = []
    for context in ET.parse(TS).getroot().iter("context"):
        name = context.findtext("name")
        for message in context.iter("message"):
            source, comment = message.findtext("source"), message.findtext("comment")
            want = message.findtext("translation")
            got = translator.translate(name, source, comment)
            if got != want:
                wrong.append((name, source, got, want))
    assert wrong == []


# -- every install path ---------------------------------------------------------------


def test_a_wheel_built_without_make_carries_the_translations(tmp_path):
    """A fresh clone built as pip or `python -m build` builds it (sdist, then the wheel
    from the sdist), and the wheel built straight from the tree: both have the .qm."""
    pytest.importorskip("hatchling")
    tree, out = source_tree(tmp_path), tmp_path / "dist"
    build = "from hatchling.build import build_sdist, build_wheel; import sys; "
    done = run([sys.executable, "-c", build + "build_sdist(sys.argv[1])", str(out)], tree)
    assert done.returncode == 0, done.stderr
    (sdist,) = out.glob("*.tar.gz")
    with tarfile.open(sdist) as tar:
        names = tar.getnames()
        tar.extractall(tmp_path / "unpacked", filter="data")
    assert "gzexplorer-0.1.0/resources/i18n/gzexplorer_zh_CN.qm" in names
    unpacked = tmp_path / "unpacked" / "gzexplorer-0.1.0"
    for source, into in ((unpacked, tmp_path / "from-sdist"), (tree, tmp_path / "from-tree")):
        done = run([sys.executable, "-c", build + "build_wheel(sys.argv[1])", str(into)], source)
        assert done.returncode == 0, done.stderr
        (wheel,) = into.glob("*.whl")
        with zipfile.ZipFile(wheel) as z:
            assert z.read(QM_IN_WHEEL) == (tree / "resources/i18n/gzexplorer_zh_CN.qm").read_bytes()


@pytest.mark.slow
def test_an_editable_install_without_make_speaks_chinese_and_says_when_it_cannot(tmp_path):
    """`pip install -e .` in a fresh clone, no make: --language zh_CN gives Chinese;
    with the .qm deleted, English and one line on stderr saying why, exit 0."""
    pytest.importorskip("hatchling")
    tree = source_tree(tmp_path)
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True)
    python = str(venv / "bin" / "python")
    # the test environment's packages (PySide6, pandas, pip, hatchling) seen from the
    # venv, so that nothing is downloaded; gzexplorer itself only from the editable install
    purelib = run([python, "-c", "import sysconfig; print(sysconfig.get_path('purelib'))"], tree)
    Path(purelib.stdout.strip(), "zz_test_environment.pth").write_text(
        sysconfig.get_path("purelib") + "\n"
    )
    done = run(
        [python, "-m", "pip", "install", "--no-deps", "--no-build-isolation", "-e", str(tree)],
        tmp_path,
    )
    assert done.returncode == 0, done.stderr
    located = run([python, "-c", "import gzexplorer; print(gzexplorer.__file__)"], tmp_path)
    assert Path(located.stdout.strip()).is_relative_to(tree / "src")

    assert export_title(python, tmp_path, tmp_path / "zh.svg") == (0, "", "zh")

    (tree / "resources" / "i18n" / "gzexplorer_zh_CN.qm").unlink()
    code, stderr, title = export_title(python, tmp_path, tmp_path / "en.svg")
    assert (code, title) == (0, "en")
    (line,) = stderr.splitlines()
    assert line.startswith(MISSING_LINE)


# -- missing: said, not silent --------------------------------------------------------


def test_export_and_screenshot_without_the_translation_say_so_in_one_line(tmp_path):
    """A checkout without the compiled translations (what an editable install without
    make used to be): English, one line on stderr saying why, exit 0."""
    tree = source_tree(tmp_path)
    src = str(tree / "src")
    code, stderr, title = export_title(sys.executable, tmp_path, tmp_path / "c.svg", PYTHONPATH=src)
    assert (code, title) == (0, "en")
    (line,) = stderr.splitlines()
    assert line.startswith(MISSING_LINE)
    assert str(tree / "resources" / "i18n" / "gzexplorer_zh_CN.qm") in line
    assert line.endswith("writing English")

    done = run(
        [sys.executable, "-m", "gzexplorer", "screenshot", "--theme", "economy"]
        + ["--language", "zh_CN", "--size", "800x600", "--out", str(tmp_path / "s.png")],
        tmp_path,
        PYTHONPATH=src,
    )
    assert done.returncode == 0
    (line,) = done.stderr.splitlines()
    assert line.startswith(MISSING_LINE)
    assert (tmp_path / "s.png").stat().st_size > 0

    done = run(
        [sys.executable, "-m", "gzexplorer", "export", "--theme", "economy"]
        + ["--language", "fr", "--out", str(tmp_path / "f.svg")],
        tmp_path,
        PYTHONPATH=src,
    )
    assert done.returncode == 2
    assert done.stderr.strip().endswith("--language 'fr': choose one of en, zh_CN")


def test_choosing_chinese_without_its_translation_says_so_in_a_dialog(
    window, monkeypatch, tmp_path
):
    monkeypatch.setattr(i18n, "translation_file", lambda code: tmp_path / f"missing_{code}.qm")
    chinese = window.actions.languages["zh_CN"]  # offered in View › Language all the same
    assert chinese.text() == "简体中文"
    chinese.trigger()
    assert window.language() == "en"
    assert window.menuBar().actions()[0].text() == "&File"
    (box,) = [b for b in window.findChildren(QMessageBox, "languageUnavailable") if b.isVisible()]
    assert (
        box.text() == "The 简体中文 translation is not installed, so gzexplorer stays in English."
    )
    assert str(tmp_path / "missing_zh_CN.qm") in box.informativeText()
