"""What a PDF brief holds, as plain data: the pack's reference, and per view its charts,
its figures and the passages its numbers come from, with those numbers' places.

How it is drawn on pages is :mod:`gzexplorer.render.brief`; nothing here needs Qt.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from typing import TYPE_CHECKING

from gzexplorer import charts, cite
from gzexplorer.charts.context import ENGLISH, ChartContext
from gzexplorer.charts.spec import OVERVIEW
from gzexplorer.model.cited_numbers import cited_numbers

if TYPE_CHECKING:
    from gzexplorer.charts.spec import ChartSpec
    from gzexplorer.model import Dataset, Excerpt, Figure


@dataclass(frozen=True)
class Passage:
    """A passage as stored, and where in its text the numbers it is cited for are."""

    id: str
    section: str
    kind: str  # "paragraph", "table" ... as the pack says
    text: str
    marks: tuple[tuple[int, int], ...]  # (start, end) character offsets, sorted, apart


@dataclass(frozen=True)
class Section:
    """One view of the pack: its charts, figure cards and cited passages."""

    view_id: str
    name: str  # the theme's name in the brief's language ("" for the Overview)
    charts: tuple[ChartSpec, ...]
    figures: tuple[Figure, ...]
    passages: tuple[Passage, ...]


@dataclass(frozen=True)
class Brief:
    title: str
    reference: str  # the document's reference, APA text
    version: str  # the pack's version ("" when it gives none)
    date: datetime.date  # of the export
    sections: tuple[Section, ...]
    sources: tuple[str, ...]
    licences: tuple[str, ...]
    attribution: str
    context: ChartContext = ENGLISH  # the language and number format of its words


def views_of(dataset: Dataset, view_id: str | None) -> list[str]:
    """The views a brief shows: ``view_id``, or (None) every theme, after the Overview
    when it has charts. KeyError for an unknown view."""
    ids = [v for v, _ in charts.views(dataset)]
    if view_id is not None:
        if view_id not in ids:
            raise KeyError(view_id)
        return [view_id]
    return [v for v in ids if v != OVERVIEW or charts.charts_for(dataset, OVERVIEW)]


def make_brief(
    dataset: Dataset,
    view_id: str | None = None,
    context: ChartContext = ENGLISH,
    date: datetime.date | None = None,
) -> Brief:
    """The brief of one view (``view_id``) or of all of them (None)."""
    info = dataset.info
    return Brief(
        title=info.title,
        reference=cite.cite(cite.reference(info), "apa"),
        version=info.version,
        date=date or datetime.date.today(),
        sections=tuple(_section(dataset, v, context) for v in views_of(dataset, view_id)),
        sources=tuple(s for s in info.sources if s),
        licences=tuple(s for s in info.licenses if s),
        attribution=info.attribution,
        context=context,
    )


def _section(dataset: Dataset, view_id: str, context: ChartContext) -> Section:
    specs = tuple(charts.charts_for(dataset, view_id, context))
    figures = tuple(charts.figures_for(dataset, view_id))
    ids: set[str] = set()
    for spec in specs:
        ids.update(cite.chart_citation(dataset, spec).passages)
    for f in figures:
        ids.update(f.excerpt_ids)
    known = [e for e in dataset.excerpts() if e.id in ids]  # document order
    name = "" if view_id == OVERVIEW else dataset.theme(view_id).text("name", context.language)
    passages = tuple(
        Passage(e.id, e.section, e.kind, e.text, cited_spans(dataset, e)) for e in known
    )
    return Section(view_id, name, specs, figures, passages)


def cited_spans(dataset: Dataset, excerpt: Excerpt) -> tuple[tuple[int, int], ...]:
    """Where ``excerpt`` states a number that a figure, an observation or a milestone
    cites (:func:`gzexplorer.model.cited_numbers.cited_numbers`: in order, apart)."""
    return tuple((n.start, n.end) for n in cited_numbers(dataset, excerpt.id))
