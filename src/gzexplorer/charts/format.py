"""Numbers as people read them: thousands separators, units, qualifiers."""

from __future__ import annotations

import math
from collections.abc import Callable

# (value, decimals) -> text; the window installs QLocale's, so numbers follow the
# interface language. Without it: English grouping.
_formatter: Callable[[float, int], str] | None = None


def set_number_formatter(fn: Callable[[float, int], str] | None) -> None:
    global _formatter
    _formatter = fn


def number(value: float | None) -> str:
    """12.5 -> '12.5', 170000 -> '170,000', 15.0 -> '15', missing -> '–'."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "–"
    plain = f"{value:.10g}"  # as many decimals as the value has, up to 10 digits
    if "e" in plain:
        return plain
    decimals = len(plain.split(".")[1]) if "." in plain else 0
    if _formatter is not None:
        return _formatter(float(value), decimals)
    return f"{value:,.{decimals}f}"


def with_unit(value: float | None, unit: str) -> str:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "not reported"
    text = number(value)
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
