"""`gzexplorer draft` as a user runs it: the built-in document's draft passes both
checkers; bad documents and targets get one line on stderr, exit 2 and nothing
written; --force; themes."""

from __future__ import annotations

import subprocess
import sys

import pytest

from drafttools import ROOT, draft_text, make_scanned_pdf, rows, run
from gzexplorer import paths
from packtools import frictionless_errors

BUILTIN_TEXT = paths.builtin_pack() / "guizhou-case-study.txt"


def test_the_built_in_document_drafts_to_a_pack_that_validates(tmp_path, capsys):
    pack = tmp_path / "mypack"
    code, out, err = run(capsys, "draft", BUILTIN_TEXT, "--out", pack)
    assert code == 0, err
    assert out.startswith(f"wrote {pack}: 38 passages, 3 series (30 observations), ")
    assert err == ""
    code, out, err = run(capsys, "validate", "--strict", pack)
    assert (code, err) == (0, "")
    assert "valid data pack — 4 themes, 3 indicators, 30 observations" in out
    assert sorted(p.name for p in pack.iterdir()) == [
        "datapackage.json",
        "excerpts.csv",
        "figures.csv",
        "guizhou-case-study.txt",
        "indicators.csv",
        "milestones.csv",
        "observations.csv",
        "themes.csv",
    ]
    assert (pack / "guizhou-case-study.txt").read_text() == BUILTIN_TEXT.read_text()
    for table in ("indicators", "observations", "figures", "milestones"):
        assert {r["review"] for r in rows(pack, table)} == {"draft"}
    assert [t["id"] for t in rows(pack, "themes")] == [
        "economy",
        "governance",
        "ecology",
        "culture",
    ]


@pytest.mark.slow
def test_frictionless_accepts_the_draft(tmp_path, capsys):
    pack = tmp_path / "pack"
    assert run(capsys, "draft", BUILTIN_TEXT, "--out", pack)[0] == 0
    assert frictionless_errors(pack) == []


def test_the_same_document_gives_the_same_ids(tmp_path, capsys):
    a = draft_text(tmp_path, capsys, BUILTIN_TEXT.read_text(), "a.txt")
    b = draft_text(tmp_path, capsys, BUILTIN_TEXT.read_text(), "b.txt")
    for table in ("excerpts", "figures", "indicators", "milestones"):
        assert [r["id"] for r in rows(a, table)] == [r["id"] for r in rows(b, table)]


def _bad(tmp_path, capsys, doc, message):
    pack = tmp_path / "out"
    code, out, err = run(capsys, "draft", doc, "--out", pack)
    assert code == 2
    assert out == ""
    assert err.count("\n") == 1 and err.startswith("gzexplorer: ")
    assert message in err
    assert not pack.exists()
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".")) == []


def test_an_empty_file(tmp_path, capsys):
    (tmp_path / "empty.txt").write_text("")
    _bad(tmp_path, capsys, tmp_path / "empty.txt", "empty.txt is empty")


def test_white_space_only(tmp_path, capsys):
    (tmp_path / "blank.md").write_text("  \n\n\t\n")
    _bad(tmp_path, capsys, tmp_path / "blank.md", "blank.md is empty")


def test_binary_data(tmp_path, capsys):
    (tmp_path / "data.txt").write_bytes(bytes(range(256)) * 20)
    _bad(tmp_path, capsys, tmp_path / "data.txt", "holds binary data")


def test_an_unsupported_format(tmp_path, capsys):
    (tmp_path / "report.docx").write_bytes(b"PK\x03\x04" + b"\x00" * 100)
    _bad(tmp_path, capsys, tmp_path / "report.docx", "gzexplorer drafts from plain text, Markdown")


def test_a_broken_pdf(tmp_path, capsys):
    (tmp_path / "broken.pdf").write_bytes(b"%PDF-1.4\nnot really a pdf\n")
    _bad(tmp_path, capsys, tmp_path / "broken.pdf", "broken.pdf")


def test_a_scanned_pdf_without_text(qapp, tmp_path, capsys):
    make_scanned_pdf(tmp_path / "scan.pdf")
    _bad(tmp_path, capsys, tmp_path / "scan.pdf", "scan.pdf has no text layer (a scanned PDF?)")


def test_a_missing_document(tmp_path, capsys):
    _bad(tmp_path, capsys, tmp_path / "nowhere.txt", "no such file")


def test_an_existing_pack_is_kept_without_force(tmp_path, capsys):
    pack = tmp_path / "pack"
    pack.mkdir()
    (pack / "mine.txt").write_text("my own file")
    code, out, err = run(capsys, "draft", BUILTIN_TEXT, "--out", pack)
    assert code == 2
    assert err == f"gzexplorer: {pack} already exists; add --force to replace it\n"
    assert [p.name for p in pack.iterdir()] == ["mine.txt"]
    code, out, err = run(capsys, "draft", BUILTIN_TEXT, "--out", pack, "--force")
    assert code == 0, err
    assert not (pack / "mine.txt").exists() and (pack / "datapackage.json").exists()
    assert [p.name for p in tmp_path.iterdir()] == ["pack"]  # no temporary folder left


def test_an_empty_folder_is_filled(tmp_path, capsys):
    (tmp_path / "pack").mkdir()
    assert run(capsys, "draft", BUILTIN_TEXT, "--out", tmp_path / "pack")[0] == 0


def test_a_missing_parent_folder(tmp_path, capsys):
    code, out, err = run(capsys, "draft", BUILTIN_TEXT, "--out", tmp_path / "no" / "pack")
    assert code == 2 and "does not exist" in err


def test_themes_of_ones_own(tmp_path, capsys, monkeypatch):
    config = tmp_path / "config"
    (config / "gzexplorer").mkdir(parents=True)
    (config / "gzexplorer" / "themes.toml").write_text(
        '[health]\nname = "Health"\nkeywords = ["clinic*", "nurse*", "doctor*"]\n'
    )
    monkeypatch.setenv("XDG_CONFIG_HOME", str(config))
    (tmp_path / "doc.txt").write_text(
        "Care in Marrowby\n\nThe county opened 12 clinics. Its roads are 40 km long.\n"
    )
    pack = tmp_path / "pack"
    code, _out, err = run(
        capsys, "draft", tmp_path / "doc.txt", "--out", pack, "--themes", "health,roads"
    )
    assert code == 0
    assert err == (
        "gzexplorer: note: theme 'roads' has no keyword list; it is matched by its name only "
        f"(add keywords in {config / 'gzexplorer' / 'themes.toml'})\n"
    )
    assert [(t["id"], t["name"]) for t in rows(pack, "themes")] == [
        ("health", "Health"),
        ("roads", "Roads"),
    ]
    figures = {f["value"]: f["themes"] for f in rows(pack, "figures")}
    assert figures == {"12": "health", "40": "roads"}


def test_a_bad_theme_id(tmp_path, capsys):
    code, out, err = run(capsys, "draft", BUILTIN_TEXT, "--out", tmp_path / "p", "--themes", "a b")
    assert code == 2 and "'a b' is not an id" in err
    assert not (tmp_path / "p").exists()


def test_the_command_itself(tmp_path):
    """`python -m gzexplorer draft` end to end, as a process (exit code, output)."""
    env = {"PYTHONPATH": str(ROOT / "src"), "PATH": "/usr/bin:/bin"}
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "gzexplorer",
            "draft",
            str(BUILTIN_TEXT),
            "--out",
            str(tmp_path / "p"),
        ],
        capture_output=True,
        text=True,
        env=env,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("wrote ")


NO_QT = """
import importlib, pkgutil, sys, tempfile
import gzexplorer.draft as package
for info in pkgutil.walk_packages(package.__path__, "gzexplorer.draft."):
    importlib.import_module(info.name)
from gzexplorer.draft import engine, writer
writer.write(engine.draft(sys.argv[1]), tempfile.mkdtemp() + "/pack")
print(sorted({m.split(".")[0] for m in sys.modules} & {"PySide6", "shiboken6", "pyqtgraph"}))
"""


def test_the_engine_has_no_qt():
    done = subprocess.run(
        [sys.executable, "-c", NO_QT, str(BUILTIN_TEXT)],
        capture_output=True,
        text=True,
        env={"PYTHONPATH": str(ROOT / "src"), "PATH": "/usr/bin:/bin"},
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "[]"
