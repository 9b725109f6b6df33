"""Check that a file is a real PNG image of the expected size.

    python3 packaging/check_png.py FILE.png [WIDTH HEIGHT]

Reads the PNG signature and the width and height from the IHDR chunk, and rejects files
too small to hold a drawn chart (a blank 1200x750 image compresses to a few kB; a chart
is tens of kB). Prints "FILE: PNG WxH, N bytes" and exits 0, or one line and exit 1.
Standard library only.
"""

from __future__ import annotations

import struct
import sys
from pathlib import Path

SIGNATURE = b"\x89PNG\r\n\x1a\n"
MIN_BYTES = 10_000


def check(path: Path, size: tuple[int, int] | None = None) -> str:
    data = path.read_bytes()
    if data[:8] != SIGNATURE:
        raise ValueError("not a PNG (bad signature)")
    if data[12:16] != b"IHDR":
        raise ValueError("not a PNG (no IHDR chunk first)")
    width, height = struct.unpack(">II", data[16:24])
    if size and (width, height) != size:
        raise ValueError(f"{width}x{height}, expected {size[0]}x{size[1]}")
    if len(data) < MIN_BYTES:
        raise ValueError(f"only {len(data)} bytes: an empty image?")
    return f"{path}: PNG {width}x{height}, {len(data)} bytes"


def main(argv: list[str]) -> int:
    if len(argv) not in (1, 3):
        print(__doc__, file=sys.stderr)
        return 2
    path = Path(argv[0])
    size = (int(argv[1]), int(argv[2])) if len(argv) == 3 else None
    try:
        print(check(path, size))
    except (OSError, ValueError) as exc:
        print(f"{path}: {exc}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
