"""Numbers as people read them: thousands separators, units, qualifiers."""

from __future__ import annotations

import math

from gzexplorer.charts.context import ENGLISH, ChartContext
from gzexplorer.charts.i18n import translate


def number(value: float | None, context: ChartContext = ENGLISH) -> str:
    """12.5 -> '12.5', 170000 -> '170,000', 15.0 -> '15', missing -> '–'; with the
    context's decimal point and group separator."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "–"
    plain = f"{value:.10g}"  # as many decimals as the value has, up to 10 digits
    if "e" in plain:
        return plain
    decimals = len(plain.split(".")[1]) if "." in plain else 0
    text = f"{value:,.{decimals}f}"
    if context.decimal_point == "." and context.group_separator == ",":
        return text
    swap = {",": context.group_separator, ".": context.decimal_point}
    return "".join(swap.get(c, c) for c in text)


def with_unit(value: float | None, unit: str, context: ChartContext = ENGLISH) -> str:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return translate("Charts", "not reported")
    text = number(value, context)
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
