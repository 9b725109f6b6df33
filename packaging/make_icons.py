"""Render the app icon (resources/icons/gzexplorer.svg) to the PNG sizes of the hicolor theme.

    python packaging/make_icons.py           # write resources/icons/hicolor/NxN/apps/*.png
    python packaging/make_icons.py --check   # exit 1 if a PNG is missing or has the wrong size

Uses Qt's own SVG renderer (QSvgRenderer from PySide6), so no new dependency. The PNGs are
committed: the wheel, the bundle and the .deb all take them from resources/.
"""

from __future__ import annotations

import argparse
import os
import struct
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SVG = ROOT / "resources" / "icons" / "gzexplorer.svg"
HICOLOR = ROOT / "resources" / "icons" / "hicolor"
SIZES = (16, 22, 24, 32, 48, 64, 128, 256, 512)


def png_path(size: int) -> Path:
    return HICOLOR / f"{size}x{size}" / "apps" / "gzexplorer.png"


def png_size(path: Path) -> tuple[int, int] | None:
    """Width and height from a PNG's IHDR chunk, or None if it is not a PNG."""
    head = path.read_bytes()[:24]
    if len(head) < 24 or head[:8] != b"\x89PNG\r\n\x1a\n" or head[12:16] != b"IHDR":
        return None
    return struct.unpack(">II", head[16:24])


def render() -> None:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    app = QGuiApplication.instance() or QGuiApplication([sys.argv[0]])  # noqa: F841
    renderer = QSvgRenderer(str(SVG))
    if not renderer.isValid():
        raise SystemExit(f"cannot read {SVG}")
    for size in SIZES:
        image = QImage(size, size, QImage.Format.Format_ARGB32)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        renderer.render(painter)
        painter.end()
        out = png_path(size)
        out.parent.mkdir(parents=True, exist_ok=True)
        if not image.save(str(out), "PNG"):
            raise SystemExit(f"cannot write {out}")
        print(out.relative_to(ROOT))


def check() -> int:
    bad = [
        f"{png_path(s).relative_to(ROOT)}: missing or not {s}x{s}"
        for s in SIZES
        if not png_path(s).is_file() or png_size(png_path(s)) != (s, s)
    ]
    for line in bad:
        print(line, file=sys.stderr)
    if bad:
        print("run: python packaging/make_icons.py", file=sys.stderr)
    return 1 if bad else 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only check the committed PNGs")
    args = parser.parse_args()
    if args.check:
        return check()
    render()
    return check()


if __name__ == "__main__":
    raise SystemExit(main())
