"""Image sizes for slides: the PNG export's presets (dialog and ``--preset``)."""

from __future__ import annotations

# name: (width, height) in pixels, in the order the dialog offers them
PRESETS: dict[str, tuple[int, int]] = {
    "16:9": (1920, 1080),
    "4:3": (1600, 1200),
    "square": (1080, 1080),
}


def preset_of(width: int, height: int) -> str | None:
    """The preset of that size, or None (a custom size)."""
    return next((name for name, size in PRESETS.items() if size == (width, height)), None)
