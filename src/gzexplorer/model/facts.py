"""The facts a data pack states, as plain immutable records: indicators and their
observations (points), headline figures and milestones, each leading back to the
passages it comes from; and :class:`Citations`, the same links read backwards."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from gzexplorer.model.entities import Translatable


class Reviewable:
    """Records a drafted pack marks with a ``review`` state (draft, accepted, edited;
    rejected rows are not loaded), empty when the pack has no review column."""

    review: str

    @property
    def is_draft(self) -> bool:
        """Drafted by ``gzexplorer draft`` and not reviewed yet."""
        return self.review == "draft"


@dataclass(frozen=True)
class Indicator(Translatable, Reviewable):
    id: str
    name: str
    unit: str
    themes: tuple[str, ...]
    description: str
    source: str
    excerpt_ids: tuple[str, ...]
    translations: Mapping[str, str] = field(default_factory=dict, compare=False, repr=False)
    review: str = ""


@dataclass(frozen=True)
class Figure(Translatable, Reviewable):
    id: str
    label: str
    value: float
    unit: str
    qualifier: str
    year: int | None
    themes: tuple[str, ...]
    group: str
    headline: bool
    quote: str
    note: str
    excerpt_ids: tuple[str, ...]
    translations: Mapping[str, str] = field(default_factory=dict, compare=False, repr=False)
    review: str = ""

    @property
    def qualifier_text(self) -> str:
        """The qualifier as words ('more than', 'nearly', 'about'), empty when exact."""
        return QUALIFIER_WORDS.get(self.qualifier, "")


QUALIFIER_WORDS = {
    "more_than": "more than",
    "nearly": "nearly",
    "about": "about",
    "at_least": "at least",
    "at_most": "up to",
    "less_than": "less than",
    "exact": "",
}


@dataclass(frozen=True)
class Milestone(Translatable, Reviewable):
    id: str
    year: int
    title: str
    description: str
    themes: tuple[str, ...]
    excerpt_ids: tuple[str, ...]
    translations: Mapping[str, str] = field(default_factory=dict, compare=False, repr=False)
    review: str = ""


@dataclass(frozen=True)
class Point(Reviewable):
    """One (indicator, year) cell: a number, or missing with the reason why."""

    indicator_id: str
    year: int
    value: float | None
    status: str
    note: str
    source_text: str
    excerpt_ids: tuple[str, ...]
    review: str = ""


@dataclass(frozen=True)
class Citations:
    """What cites one excerpt: the reverse of provenance."""

    excerpt_id: str
    figures: tuple[Figure, ...] = ()
    points: tuple[Point, ...] = ()
    milestones: tuple[Milestone, ...] = ()
    indicators: tuple[Indicator, ...] = field(default=())

    def __bool__(self) -> bool:
        return bool(self.figures or self.points or self.milestones or self.indicators)
