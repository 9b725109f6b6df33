"""The words for a number a passage states and the pack charts: what hovering it in the
passages shows and what a screen reader hears, written as the chart writes the same
value (its tooltip's head and value, a card's line, an event's year and title)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from gzexplorer.charts import format as fmt
from gzexplorer.charts.context import ENGLISH, ChartContext
from gzexplorer.charts.i18n import qualifier_words, translate

if TYPE_CHECKING:
    from gzexplorer.model import Dataset
    from gzexplorer.model.cited_numbers import CitedNumber
    from gzexplorer.model.facts import Figure


def selection_key(kind: str, id: str, year: int | None) -> tuple[str, object]:
    """The (kind, key) of a :class:`CitedNumber` for a chart element or card picked as
    (kind, id, year): a point is keyed by (indicator, year), the rest by their id."""
    return (kind, (id, year)) if kind == "point" else (kind, id)


def charted(dataset: Dataset, number: CitedNumber, context: ChartContext = ENGLISH) -> str:
    """The value as charted: "GDP growth rate, 2015: 10.7%", "Registered users (2021):
    more than 170,000", "2015: Online service hall launched"; "" for a record the
    pack no longer holds."""
    lang = context.language
    try:
        if number.kind == "point":
            indicator_id, year = number.key  # type: ignore[misc]
            indicator = dataset.indicator(indicator_id)
            point = dataset.point(indicator_id, year)
            if point.value is None:
                value = point.note or translate("Charts", "not reported")
            else:  # as the line's points write it (PointMarks)
                value = fmt.with_unit(point.value, indicator.unit, context)
            return f"{indicator.text('name', lang)}, {year}: {value}"
        if number.kind == "figure":
            return figure_text(dataset.figure(str(number.key)), context)
        if number.kind == "milestone":
            m = next(m for m in dataset.milestones() if m.id == number.key)
            return f"{m.year}: {m.text('title', lang)}"
    except (KeyError, StopIteration, TypeError, ValueError):
        return ""
    return ""


def figure_text(f: Figure, context: ChartContext = ENGLISH) -> str:
    """A figure card in one line (its tooltip, what a screen reader hears, a cited
    number's words): "Registered users (2021): more than 170,000"."""
    lang = context.language
    year = f" ({f.year})" if f.year is not None else ""
    words = qualifier_words(f.qualifier)
    value = fmt.with_unit(f.value, f.text("unit", lang), context)
    stated = f"{words} {value}" if words else value
    return f"{f.text('label', lang)}{year}: {stated}"
