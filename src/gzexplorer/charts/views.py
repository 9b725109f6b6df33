"""The views of a pack: Overview, then its themes. Light: needs only ``themes()``."""

from __future__ import annotations

from typing import Protocol

from gzexplorer.charts.context import ENGLISH, ChartContext
from gzexplorer.model.entities import Theme

OVERVIEW = "overview"  # the view id of the Overview, beside the pack's themes


class HasThemes(Protocol):
    def themes(self) -> list[Theme]: ...


def views(source: HasThemes, context: ChartContext = ENGLISH) -> list[tuple[str, str]]:
    """(id, name) of every view in sidebar order: Overview, then the pack's themes."""
    names = [(t.id, t.text("name", context.language)) for t in source.themes()]
    return [(OVERVIEW, "Overview"), *names]
