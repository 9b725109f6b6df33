"""The views of a pack: Overview, then its themes. Light: needs only ``themes()``."""

from __future__ import annotations

from typing import Protocol

from gzexplorer.charts.i18n import language
from gzexplorer.model.entities import Theme

OVERVIEW = "overview"  # the view id of the Overview, beside the pack's themes


class HasThemes(Protocol):
    def themes(self) -> list[Theme]: ...


def views(source: HasThemes) -> list[tuple[str, str]]:
    """(id, name) of every view in sidebar order: Overview, then the pack's themes."""
    lang = language()
    return [(OVERVIEW, "Overview")] + [(t.id, t.text("name", lang)) for t in source.themes()]
