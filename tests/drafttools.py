"""Drafting a document in a test, the way a user does: ``gzexplorer draft`` (in-process),
then reading the rows of the pack it wrote."""

from __future__ import annotations

import csv
from pathlib import Path

from gzexplorer import cli

ROOT = Path(__file__).resolve().parents[1]
DOCUMENTS = ROOT / "tests" / "documents"


def run(capsys, *args: str) -> tuple[int, str, str]:
    """``gzexplorer ARGS`` in-process: (exit code, stdout, stderr)."""
    code = cli.main([str(a) for a in args])
    out, err = capsys.readouterr()
    return code, out, err


def rows(pack: Path, table: str) -> list[dict[str, str]]:
    with open(pack / f"{table}.csv", encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def draft_text(tmp_path: Path, capsys, text: str, name: str = "doc.txt", *more: str) -> Path:
    """Draft ``text`` (written to tmp_path/name); the pack folder. Fails on a non-zero exit."""
    doc = tmp_path / name
    doc.write_text(text, encoding="utf-8")
    pack = tmp_path / f"{Path(name).stem}-pack"
    code, _out, err = run(capsys, "draft", doc, "--out", pack, *more)
    assert code == 0, err
    return pack


def figures_of(tmp_path: Path, capsys, text: str, name: str = "doc.txt") -> list[dict[str, str]]:
    return rows(draft_text(tmp_path, capsys, text, name), "figures")


def one(figures: list[dict[str, str]], value: float) -> dict[str, str]:
    """The one drafted figure of ``value``."""
    found = [f for f in figures if float(f["value"]) == value]
    assert len(found) == 1, f"{value}: {[(f['value'], f['quote']) for f in figures]}"
    return found[0]


def make_pdf(text: str, path: Path) -> Path:
    """The text as a PDF with a text layer, by Qt's QPdfWriter (needs a QGuiApplication)."""
    from PySide6.QtGui import QFont, QPageSize, QPdfWriter, QTextDocument

    writer = QPdfWriter(str(path))
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    writer.setResolution(300)
    doc = QTextDocument()
    doc.setDefaultFont(QFont("DejaVu Sans", 9))
    doc.setPlainText(text)
    doc.print_(writer)
    del writer
    return path


def make_scanned_pdf(path: Path) -> Path:
    """A PDF of a picture only, without a text layer, as a scanner makes."""
    from PySide6.QtCore import QRect
    from PySide6.QtGui import QColor, QImage, QPageSize, QPainter, QPdfWriter

    image = QImage(400, 300, QImage.Format.Format_RGB32)
    image.fill(QColor("white"))
    writer = QPdfWriter(str(path))
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    painter = QPainter(writer)
    painter.drawImage(QRect(0, 0, 2000, 1500), image)
    painter.end()
    return path
