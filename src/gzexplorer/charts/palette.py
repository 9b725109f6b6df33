"""Colour-blind-safe colours (Okabe & Ito), ordered for contrast on white and dark."""

from __future__ import annotations

# Okabe-Ito without yellow; orange and sky blue darkened to reach 3:1 on white (WCAG).
SERIES = ("#0072B2", "#D55E00", "#009E73", "#CC79A7", "#A66F00", "#1F7FB8", "#000000")
# The same hues, lightened for a dark background.
SERIES_DARK = ("#56B4E9", "#FF8A3D", "#2FD0A0", "#E5A0C8", "#F5B841", "#9AD3F5", "#FFFFFF")


def color(index: int) -> str:
    """The light-scheme colour of the index-th series; see dark_variant for dark."""
    return SERIES[index % len(SERIES)]


def dark_variant(light: str) -> str:
    """The dark-scheme colour that stands for a light-scheme one."""
    try:
        return SERIES_DARK[SERIES.index(light)]
    except ValueError:
        return light
