"""The things a data pack holds, as plain immutable records."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any


class Translatable:
    """Records whose text fields may carry translations from the pack, such as a
    ``name_zh`` column beside ``name``."""

    translations: Mapping[str, str]

    def text(self, name: str, language: str = "") -> str:
        """Field ``name`` in ``language`` ("zh", "zh_CN" ...), or as written."""
        if language:
            for code in (language, language.split("_")[0]):
                value = self.translations.get(f"{name}_{code}")
                if value:
                    return value
        return getattr(self, name)


@dataclass(frozen=True)
class Theme(Translatable):
    id: str
    name: str
    description: str
    order: int
    icon: str = ""
    translations: Mapping[str, str] = field(default_factory=dict, compare=False, repr=False)


@dataclass(frozen=True)
class Excerpt:
    id: str
    order: int
    section: str
    kind: str
    themes: tuple[str, ...]
    text: str


@dataclass(frozen=True)
class Indicator(Translatable):
    id: str
    name: str
    unit: str
    themes: tuple[str, ...]
    description: str
    source: str
    excerpt_ids: tuple[str, ...]
    translations: Mapping[str, str] = field(default_factory=dict, compare=False, repr=False)


@dataclass(frozen=True)
class Figure(Translatable):
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

    @property
    def qualifier_text(self) -> str:
        """The qualifier as words ('more than', 'nearly', 'about'), empty when exact."""
        return QUALIFIER_WORDS.get(self.qualifier, "")


QUALIFIER_WORDS = {"more_than": "more than", "nearly": "nearly", "about": "about", "exact": ""}


@dataclass(frozen=True)
class Milestone(Translatable):
    id: str
    year: int
    title: str
    description: str
    themes: tuple[str, ...]
    excerpt_ids: tuple[str, ...]
    translations: Mapping[str, str] = field(default_factory=dict, compare=False, repr=False)


@dataclass(frozen=True)
class Point:
    """One (indicator, year) cell: a number, or missing with the reason why."""

    indicator_id: str
    year: int
    value: float | None
    status: str
    note: str
    source_text: str
    excerpt_ids: tuple[str, ...]


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


@dataclass(frozen=True)
class PackInfo:
    """What a pack says about itself, from datapackage.json."""

    name: str
    title: str
    description: str
    version: str
    citation: str
    attribution: str
    sources: tuple[str, ...]
    licenses: tuple[str, ...]

    @classmethod
    def from_descriptor(cls, d: Mapping[str, Any]) -> PackInfo:
        """From a datapackage.json object; missing or odd entries become empty."""
        extra = d.get("gzexplorer") if isinstance(d.get("gzexplorer"), dict) else {}

        def titles(key: str) -> tuple[str, ...]:
            items = d.get(key) if isinstance(d.get(key), list) else []
            return tuple(
                str(i.get("title") or i.get("name") or "") for i in items if isinstance(i, dict)
            )

        return cls(
            name=str(d.get("name", "")),
            title=str(d.get("title") or d.get("name") or "Untitled data pack"),
            description=str(d.get("description", "")),
            version=str(d.get("version", "")),
            citation=str(extra.get("citation", "")),
            attribution=str(extra.get("attribution", "")),
            sources=titles("sources"),
            licenses=titles("licenses"),
        )
