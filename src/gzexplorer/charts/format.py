"""Numbers as people read them: thousands separators, units, qualifiers."""

from __future__ import annotations

import math

from gzexplorer.charts.context import ENGLISH, ChartContext
from gzexplorer.charts.i18n import translate


def _missing(value: float | None) -> bool:
    return value is None or (isinstance(value, float) and math.isnan(value))


def number(value: float | None, context: ChartContext = ENGLISH) -> str:
    """12.5 -> '12.5', 170000 -> '170,000', 15.0 -> '15', 1.2e10 -> '12,000,000,000',
    missing -> '–'; every digit written out (up to ten significant ones), with the
    context's decimal point and group separator. Past a thousand trillion: compact."""
    if _missing(value):
        return "–"
    if abs(value) >= 1e15:
        return compact(value, context)
    decimals = _decimals(f"{value:.10g}")  # as many as the value has, up to 10 digits
    return _localised(f"{value:,.{decimals}f}", context)


def _decimals(digits: str) -> int:
    """How many decimals '12.5', '1.2e+10' (0) or '1.5e-07' (8) has written out."""
    mantissa, _, exponent = digits.partition("e")
    written = len(mantissa.split(".")[1]) if "." in mantissa else 0
    return max(0, written - int(exponent or 0))


def _localised(text: str, context: ChartContext) -> str:
    """English digits ("1,234.5") with the context's separators."""
    if context.decimal_point == "." and context.group_separator == ",":
        return text
    swap = {",": context.group_separator, ".": context.decimal_point}
    return "".join(swap.get(c, c) for c in text)


def _scales(context: ChartContext) -> tuple[tuple[float, str], ...]:
    """(size, word) of the scales a number of a million or more is written in."""
    if context.language.startswith("zh"):
        return ((1e12, "万亿"), (1e8, "亿"), (1e4, "万"))
    return (
        (1e12, translate("Charts", "tn")),
        (1e9, translate("Charts", "bn")),
        (1e6, translate("Charts", "m")),
    )


def compact(value: float, context: ChartContext = ENGLISH) -> str:
    """A number of a million or more in a scale word, to three significant digits:
    12,000,000,000 -> '12 bn', 340,000,000 -> '340 m', 1,250,000 -> '1.25 m'
    (in Chinese: '120亿', '3.4亿', '125万'). Smaller numbers: as :func:`number`."""
    if not math.isfinite(value):
        return str(value)
    rounded = float(f"{value:.3g}")  # 999,999,999 -> 1e9: '1 bn', not '1,000 m'
    if abs(rounded) < 1e6:
        return number(value, context)
    scale, word = next((s, w) for s, w in _scales(context) if abs(rounded) >= s)
    scaled = rounded / scale
    if abs(scaled) >= 1000:  # beyond the largest word: its count in grouped digits
        scaled = round(value / scale)
    text = number(float(f"{scaled:.10g}"), context)
    return f"{text}{word}" if context.language.startswith("zh") else f"{text} {word}"


def short(value: float | None, context: ChartContext = ENGLISH) -> str:
    """How cards, bar labels and axis ticks write a number: in full below a million
    ('170,000', '0.003'), in a scale word above ('12 bn')."""
    if _missing(value):
        return "–"
    return compact(value, context) if abs(value) >= 1e6 else number(value, context)


def with_unit(
    value: float | None, unit: str, context: ChartContext = ENGLISH, brief: bool = False
) -> str:
    """'35.2%', '4.93 million people', '170,000' (unit "count"); ``brief``: the number
    as :func:`short` writes it ('about 12 bn kroner' on a bar)."""
    if _missing(value):
        return translate("Charts", "not reported")
    text = short(value, context) if brief else number(value, context)
    if not unit or unit == "count":
        return text
    if unit.startswith("%"):  # written without a space: 35.2%, 35.2% of GDP
        return text + unit
    return f"{text} {unit}"


def year_range(years: list[int]) -> str:
    years = sorted(set(years))
    if not years:
        return ""
    return str(years[0]) if years[0] == years[-1] else f"{years[0]}–{years[-1]}"


def runs(years: list[int]) -> str:
    """[2012, 2013, 2014, 2016] -> '2012–2014, 2016'."""
    years = sorted(set(years))
    out: list[str] = []
    start = prev = None
    for y in years + [None]:
        if start is None:
            start = prev = y
        elif y is not None and y == prev + 1:
            prev = y
        else:
            out.append(str(start) if start == prev else f"{start}–{prev}")
            start = prev = y
    return ", ".join(out)
