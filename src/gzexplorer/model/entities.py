"""What a data pack is about, as plain immutable records: its themes, its passages
and what it says about itself. The window's first frame is drawn from these alone;
the numbers and their provenance are in :mod:`gzexplorer.model.facts`."""

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
    color: str = ""  # the pack's colour for it, as written ("" none); see charts.palette


@dataclass(frozen=True)
class Excerpt:
    id: str
    order: int
    section: str
    kind: str
    themes: tuple[str, ...]
    text: str


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
    # the descriptor's own properties (all but "resources"), for citations
    meta: Mapping[str, Any] = field(default_factory=dict, compare=False, repr=False)

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
            meta={k: v for k, v in d.items() if k != "resources"},
        )
