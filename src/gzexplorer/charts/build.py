"""What to draw for each view of a data pack, derived from the data alone.

Rules (no figure or title is hard-coded, so another pack works unchanged):

* line chart: the theme's indicators, one chart per unit; missing years are gaps,
  qualitative cells become annotations, not-reported years a footnote;
* bar chart: the theme's figures of one ``group`` (two or more); a group whose figures
  do not share a unit is drawn as one chart per unit, each titled with its unit;
* timeline: the theme's milestones (on the Overview: all of them, coloured by theme).
"""

from __future__ import annotations

import weakref
from collections import defaultdict
from typing import TYPE_CHECKING

from gzexplorer.charts import format as fmt
from gzexplorer.charts import palette
from gzexplorer.charts.context import ENGLISH, ChartContext
from gzexplorer.charts.i18n import qualifier_words, translate
from gzexplorer.charts.spec import (
    OVERVIEW,
    Annotation,
    ChartSpec,
    FigureRow,
    Mark,
    MilestoneRow,
    PointMarks,
    Ref,
    Series,
    in_lanes,
    point_tooltip,
    tooltip,
)

if TYPE_CHECKING:
    from gzexplorer.model import Dataset, Figure, Milestone

DENSE_POINTS = 2000  # above this many points a series is drawn as a line without markers


_CACHE: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


def charts_for(dataset: Dataset, view_id: str, context: ChartContext = ENGLISH) -> list[ChartSpec]:
    """The charts of a view, in the order they are offered (numbered from 1), worded
    for ``context``.

    Specs are immutable and derived from an immutable dataset, so each view's are
    built once per dataset and context."""
    per_dataset = _CACHE.setdefault(dataset, {})
    key = (view_id, context)
    if key not in per_dataset:
        per_dataset[key] = tuple(_build(dataset, view_id, context))
    return list(per_dataset[key])


def _build(dataset: Dataset, view_id: str, ctx: ChartContext) -> list[ChartSpec]:
    if view_id == OVERVIEW:
        events = dataset.milestones()
        return [_timeline(dataset, OVERVIEW, events, ctx, by_theme=True)] if events else []
    dataset.theme(view_id)  # KeyError for an unknown theme
    charts = _line_charts(dataset, view_id, ctx) + _bar_charts(dataset, view_id, ctx)
    milestones = dataset.milestones(view_id)
    if milestones:
        charts.append(_timeline(dataset, view_id, milestones, ctx, by_theme=False))
    return charts


def figures_for(dataset: Dataset, view_id: str) -> list[Figure]:
    """The figure cards of a view: headline figures on the Overview."""
    return dataset.headline_figures() if view_id == OVERVIEW else dataset.figures(view_id)


def _fill(template: str, *values: object) -> str:
    """Qt-style placeholders: _fill("%1 in %2", a, b)."""
    for i, v in enumerate(values, start=1):
        template = template.replace(f"%{i}", str(v))
    return template


def document_source(dataset: Dataset) -> str:
    return dataset.info.citation or dataset.info.title


# -- line charts ---------------------------------------------------------------------


def _line_charts(dataset: Dataset, theme_id: str, ctx: ChartContext) -> list[ChartSpec]:
    by_unit: dict[str, list] = defaultdict(list)
    for ind in dataset.indicators(theme_id):
        by_unit[ind.unit].append(ind)
    charts = []
    for n, (unit, indicators) in enumerate(by_unit.items(), start=1):
        series, annotations, notes, years, alt = [], [], [], [], []
        lang = ctx.language
        sources = _sources(sorted({ind.source for ind in indicators if ind.source}), dataset)
        for i, ind in enumerate(indicators):
            name = ind.text("name", lang)
            color = palette.color(i)
            frame = dataset.series(ind.id)
            xs = frame["year"].to_numpy(dtype=float)
            ys = frame["value"].to_numpy(dtype=float, na_value=float("nan"))
            status, cell_notes = frame["status"].tolist(), frame["note"].tolist()
            ids = frame["excerpt_ids"].tolist()
            # a point's tooltip names its own indicator's source
            source = _source_line(ind.source) if ind.source else sources["source"]
            marks = PointMarks(ind.id, name, unit, xs, ys, status, cell_notes, ids, source, ctx)
            missing_years = []
            for j in _nan_positions(ys):  # missing and qualitative cells (few)
                year = int(xs[j])
                if status[j] == "qualitative":
                    note = cell_notes[j]
                    tip = point_tooltip(name, year, status[j], note, note, source, ids[j])
                    ref = Ref("point", ind.id, year, ids[j])
                    annotations.append(Annotation(year, note, color, ref, name, tip))
                else:
                    missing_years.append(year)
            if len(xs):
                years += [int(xs[0]), int(xs[-1])]  # year order
            described = _first_and_last_finite(ys)
            if missing_years and described:  # (with no number at all, the legend says so)
                notes.append(
                    _fill(
                        translate("Charts", "%1: not reported for %2."),
                        name,
                        fmt.runs(missing_years),
                    )
                )
            series.append(Series(ind.id, name, unit, color, marks, ind.source))
            alt.append(_described(name, unit, xs, ys, described, ctx))
        if annotations:
            for note in sorted({a.text for a in annotations}):
                yrs = [int(a.x) for a in annotations if a.text == note]
                who = {a.ref.id for a in annotations if a.text == note}
                names = ", ".join(dataset.indicator(i).text("name", lang) for i in sorted(who))
                notes.append(
                    _fill(
                        translate("Charts", "%1: %2 in %3 (no number given)."),
                        names,
                        note.rstrip("."),
                        fmt.runs(yrs),
                    )
                )
        names = [ind.text("name", lang) for ind in indicators]
        title = translate("Charts", " vs ").join([names[0]] + [_lower_first(n) for n in names[1:]])
        charts.append(
            ChartSpec(
                id=f"{theme_id}-line-{n}",
                theme_id=theme_id,
                kind="line",
                title=title,
                subtitle=f"{_unit_words(unit)}, {fmt.year_range(years)}",
                x_label=translate("Charts", "Year"),
                y_label=unit,
                series=tuple(series),
                **sources,
                context=ctx,
                annotations=tuple(annotations),
                notes=tuple(notes),
                alt_text=" ".join(["; ".join(alt) + ".", *notes]),  # gaps and notes too
            )
        )
    return charts


def _described(name: str, unit: str, xs, ys, ends: tuple[int, int] | None, ctx) -> str:
    """One series in words: from its first to its last number, its only number, or
    that it has none."""
    if ends is None:
        years = fmt.year_range([int(x) for x in xs])
        if years:
            return _fill(translate("Charts", "%1: no number reported for %2"), name, years)
        return _fill(translate("Charts", "%1: no number reported"), name)
    (y0, v0), (y1, v1) = ((int(xs[j]), float(ys[j])) for j in ends)
    if y0 == y1:
        return _fill(
            translate("Charts", "%1 was %2 in %3 (the only year reported)"),
            name,
            fmt.with_unit(v0, unit, ctx),
            y0,
        )
    return _fill(
        translate("Charts", "%1 went from %2 in %3 to %4 in %5"),
        name,
        fmt.with_unit(v0, unit, ctx),
        y0,
        fmt.with_unit(v1, unit, ctx),
        y1,
    )


def _nan_positions(ys) -> list[int]:
    import numpy as np

    return np.flatnonzero(np.isnan(ys)).tolist()


def _first_and_last_finite(ys) -> tuple[int, int] | None:
    import numpy as np

    found = np.flatnonzero(~np.isnan(ys))
    return (int(found[0]), int(found[-1])) if len(found) else None


def _lower_first(name: str) -> str:
    """'Growth rate' -> 'growth rate', but 'GDP growth' stays."""
    return name[:1].lower() + name[1:] if name[1:2].islower() else name


def _unit_words(unit: str) -> str:
    """A unit as the start of a subtitle: "People", "Per cent"; a symbol stays as it
    is written ("mg per kg", "km", "kWh")."""
    if unit == "%":
        return translate("Charts", "Per cent")
    first = unit.split(" ", 1)[0]
    if len(first) <= 2 or not first.islower() or not first.isalpha():
        return unit
    return unit[:1].upper() + unit[1:]


def _sources(sources: list[str], dataset: Dataset) -> dict[str, str]:
    """The source line under a chart (and in its marks' tooltips), and the same sources
    without the word "Source:" for the table's and the CSV's source column."""
    doc = document_source(dataset)
    if sources:
        return {
            "source": _fill(translate("Charts", "Source: %1; in %2"), "; ".join(sources), doc),
            "source_text": _fill(translate("Charts", "%1; in %2"), "; ".join(sources), doc),
        }
    return {"source": _source_line(doc), "source_text": doc}


def _source_line(source: str) -> str:
    """'Source: ...' for one source."""
    return _fill(translate("Charts", "Source: %1"), source)


# -- bar charts ----------------------------------------------------------------------


def _bar_charts(dataset: Dataset, theme_id: str, ctx: ChartContext) -> list[ChartSpec]:
    """A chart per group of two or more figures; a group whose figures do not share a
    unit gets one per unit (a lone figure of a unit too), titled "Group (unit)"."""
    groups: dict[str, dict[str, list[Figure]]] = defaultdict(lambda: defaultdict(list))
    for f in dataset.figures(theme_id):
        if f.group:
            groups[f.group][f.unit].append(f)
    parts = [  # (split, unit, figures) per chart; a group of one figure: its card shows it
        (len(by_unit) > 1, unit_id, figures)
        for by_unit in groups.values()
        if sum(len(figures) for figures in by_unit.values()) >= 2
        for unit_id, figures in by_unit.items()
    ]
    charts = []
    lang = ctx.language
    sources = _sources([], dataset)
    for n, (split, unit_id, figures) in enumerate(parts, start=1):
        group = figures[0].text("group", lang)  # the chart's title
        unit = figures[0].text("unit", lang) if unit_id != "count" else unit_id
        if split:
            group = _fill(translate("Charts", "%1 (%2)"), group, _unit_name(unit))
        # bars drawn bottom-up; keep the document's order top-down
        ordered = list(reversed(figures))
        marks = []
        for i, f in enumerate(ordered):
            words = qualifier_words(f.qualifier)
            # the bar's label briefly ("about 12 bn kroner"), its tooltip in full
            value_text = _stated(words, f.value, unit, ctx, brief=True)
            exact = _stated(words, f.value, unit, ctx)
            ref = Ref("figure", f.id, f.year, f.excerpt_ids)
            label = f.text("label", lang)
            tip = tooltip(label, exact, sources["source"], f.excerpt_ids)
            marks.append(Mark(i, f.value, label, value_text, f.qualifier, ref, f.note, tip))
        years = [f.year for f in figures if f.year is not None]
        unit_text = translate("Charts", "Number") if unit == "count" else _unit_words(unit)
        subtitle = unit_text + (f", {fmt.year_range(years)}" if years else "")
        alt = "; ".join(f"{m.label}: {m.value_text}" for m in reversed(marks))
        charts.append(
            ChartSpec(
                id=f"{theme_id}-bar-{n}",
                theme_id=theme_id,
                kind="bar",
                title=group,
                subtitle=subtitle,
                x_label="" if unit == "count" else unit,
                y_label="",
                series=(
                    Series(f"{theme_id}-bar-{n}", group, unit, palette.color(0), tuple(marks)),
                ),
                **sources,
                context=ctx,
                categories=tuple(m.label for m in marks),
                alt_text=f"{group}: {alt}.",
                table=tuple(
                    FigureRow(
                        f.id,
                        f.text("label", lang),
                        f.value,
                        unit,
                        f.qualifier,
                        f.year,
                        f.quote,
                        sources["source_text"],
                    )
                    for f in figures
                ),
            )
        )
    return charts


def _stated(words: str, value: float, unit: str, ctx: ChartContext, brief: bool = False) -> str:
    """A figure's value with its qualifier's words: 'more than 170,000'."""
    text = fmt.with_unit(value, unit, ctx, brief)
    return f"{words} {text}" if words else text


def _unit_name(unit: str) -> str:
    """A unit as a title names it: "per cent", "number" (for count), else as written."""
    if unit == "%":
        return translate("Charts", "per cent")
    if unit == "count":
        return translate("Charts", "number")
    return unit


# -- timelines -----------------------------------------------------------------------


def _timeline(
    dataset: Dataset,
    view_id: str,
    milestones: list[Milestone],
    ctx: ChartContext,
    by_theme: bool,
) -> ChartSpec:
    themes = dataset.themes()
    order = {t.id: i for i, t in enumerate(themes)}
    # one colour per theme (the pack's while it stays distinct), the last for "Other"
    colors = [c.color for c in palette.choose([t.color for t in themes] + [""])]
    lang = ctx.language
    sources = _sources([], dataset)
    grouped: dict[str, list[Mark]] = defaultdict(list)
    for m in milestones:
        key = (m.themes[0] if m.themes else "") if by_theme else view_id
        ref = Ref("milestone", m.id, m.year, m.excerpt_ids)
        title, description = m.text("title", lang), m.text("description", lang)
        tip = tooltip(f"{m.year}: {title}", description, sources["source"], m.excerpt_ids)
        # y: the event's lane, given by in_lanes once all the events are known
        grouped[key].append(Mark(m.year, None, title, str(m.year), "event", ref, description, tip))
    series = []
    for key, marks in sorted(grouped.items(), key=lambda kv: order.get(kv[0], len(order))):
        if by_theme:
            name = (
                dataset.theme(key).text("name", lang)
                if key in order
                else translate("Charts", "Other")
            )
            color = colors[order.get(key, len(order))]
        else:
            name = translate("Charts", "Milestones")
            color = colors[order.get(view_id, 0)]
        series.append(Series(key or "other", name, "", color, tuple(marks)))
    years = [m.year for m in milestones]
    if view_id == OVERVIEW:
        title = translate("Charts", "Milestones")
    else:
        title = _fill(
            translate("Charts", "%1: milestones"), dataset.theme(view_id).text("name", lang)
        )
    alt = "; ".join(f"{m.year}: {m.text('title', lang)}" for m in milestones)
    return ChartSpec(
        id=f"{view_id}-timeline",
        theme_id=view_id,
        kind="timeline",
        title=title,
        subtitle=(
            _fill(translate("Charts", "Dated events, %1"), fmt.year_range(years))
            if years
            else translate("Charts", "No dated events")
        ),
        x_label=translate("Charts", "Year"),
        y_label="",
        series=in_lanes(series),
        **sources,
        context=ctx,
        alt_text=f"{title}: {alt or translate('Charts', 'No dated events')}.",
        table=tuple(
            MilestoneRow(
                m.id, m.year, m.text("title", lang), ";".join(m.themes), sources["source_text"]
            )
            for m in milestones
        ),
    )
