"""Colour-blind-safe colours, ordered for contrast on white and dark, and the choice of
a colour for each theme: a pack's own colours are kept while they stay distinguishable.

No Qt and no pandas: the validator (:mod:`gzexplorer.model.advice`) asks the same
questions as the charts.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import lru_cache

from gzexplorer.charts.cielab import contrast, difference, mix, parse

# Okabe-Ito without yellow; orange darkened to reach 3:1 on white (WCAG). Okabe-Ito's
# sky blue darkened to 3:1 is the blue again (CIEDE2000 5), so the sixth is Tol's wine.
SERIES = ("#0072B2", "#D55E00", "#009E73", "#CC79A7", "#A66F00", "#882255", "#000000")
# The same hues, lightened for a dark background.
SERIES_DARK = ("#56B4E9", "#FF8A3D", "#2FD0A0", "#E5A0C8", "#F5B841", "#E83860", "#FFFFFF")

# The chart backgrounds (as render.style.ChartStyle draws them).
LIGHT_BACKGROUND = "#FFFFFF"
DARK_BACKGROUND = "#1E1F22"
MIN_DIFFERENCE = 15.0  # CIEDE2000 between any two colours of one chart, light and dark
MIN_CONTRAST = 3.0  # WCAG contrast of a colour on its background (non-text graphics)


def color(index: int) -> str:
    """The light-scheme colour of the index-th series; see dark_variant for dark."""
    return SERIES[index % len(SERIES)]


def dark_variant(light: str) -> str:
    """The dark-scheme colour that stands for a light-scheme one: the palette's own, or
    any other colour lightened until it has 3:1 contrast on the dark background."""
    code = parse(light)
    if not code:
        return light
    if code in SERIES:
        return SERIES_DARK[SERIES.index(code)]
    return _lightened(code)


@lru_cache(maxsize=256)
def _lightened(code: str) -> str:
    for step in range(21):
        lighter = mix(code, "#FFFFFF", step / 20)
        if contrast(lighter, DARK_BACKGROUND) >= MIN_CONTRAST:
            return lighter
    return "#FFFFFF"


@dataclass(frozen=True)
class Choice:
    """The colour given to one item (a theme), and, when the pack gave one that could
    not be kept, why: too little contrast on white, or too close to another's."""

    color: str  # the light-scheme colour drawn
    given: str = ""  # the colour the pack gave, as #RRGGBB ("" none, or unreadable)
    contrast: float = 0.0  # the given colour's contrast on white, when that was too low
    clash: int = -1  # the index of the item it was too close to (-1: none)
    difference: float = 0.0  # their CIEDE2000
    scheme: str = ""  # where they were too close: "light" or "dark"

    @property
    def kept(self) -> bool:
        """The pack's colour is the one drawn."""
        return bool(self.given) and self.color == self.given


def _closest(code: str, chosen: dict[int, str]) -> tuple[int, float, str]:
    """The first of ``chosen`` that ``code`` is too close to, light or dark, with their
    CIEDE2000 there; (-1, 0, "") when it differs enough from all of them."""
    for j, other in chosen.items():
        light = difference(code, other)
        if light < MIN_DIFFERENCE:
            return j, light, "light"
        dark = difference(dark_variant(code), dark_variant(other))
        if dark < MIN_DIFFERENCE:
            return j, dark, "dark"
    return -1, 0.0, ""


def choose(given: Sequence[str]) -> tuple[Choice, ...]:
    """One colour per item, from the colours a pack gives ("" for none).

    A given colour is kept if it has 3:1 contrast on white and differs by CIEDE2000
    >= 15, in light and in dark, from every given colour kept before it. The others
    take, in order, the first palette colour that differs that much from all colours
    chosen so far; when none is left, the one that differs most."""
    return _choose(tuple(parse(c) for c in given))


@lru_cache(maxsize=64)
def _choose(given: tuple[str, ...]) -> tuple[Choice, ...]:
    chosen: dict[int, str] = {}
    refused: dict[int, Choice] = {}
    for i, code in enumerate(given):
        if not code:
            continue
        on_white = contrast(code, LIGHT_BACKGROUND)
        if on_white < MIN_CONTRAST:
            refused[i] = Choice("", code, contrast=on_white)
            continue
        clash, diff, scheme = _closest(code, chosen)
        if clash >= 0:
            refused[i] = Choice("", code, clash=clash, difference=diff, scheme=scheme)
        else:
            chosen[i] = code
    picks: list[Choice] = []
    for i, code in enumerate(given):
        if i in chosen:
            picks.append(Choice(code, code))
            continue
        free = [c for c in SERIES if c not in chosen.values()]
        fits = [c for c in free if _closest(c, chosen)[0] < 0]
        if fits:
            pick = fits[0]
        else:  # more items than distinguishable colours: the most different one
            pick = max(free or SERIES, key=lambda c: min(_distances(c, chosen), default=0.0))
        chosen[i] = pick
        picks.append(replace(refused.get(i, Choice("")), color=pick))
    return tuple(picks)


def _distances(code: str, chosen: dict[int, str]) -> list[float]:
    return [
        min(difference(code, c), difference(dark_variant(code), dark_variant(c)))
        for c in chosen.values()
    ]
