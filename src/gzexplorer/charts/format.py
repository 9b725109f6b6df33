"""Numbers as people read them: thousands separators, units, qualifiers."""

from __future__ import annotations

import math


def number(value: float | None) -> str:
    """12.5 -> '12.5', 170000 -> '170,000', 15.0 -> '15', missing -> '–'."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "–"
    return f"{value:,.10g}"


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
