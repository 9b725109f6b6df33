"""Theme, passage and milestone queries shared by the full Dataset and the quick
PackPreview (whose milestones are enough to draw the Overview's timeline)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from gzexplorer.model.entities import Excerpt, Theme
    from gzexplorer.model.facts import Milestone
    from gzexplorer.model.search import SearchHit


class ThemeAndPassageQueries:
    """Needs ``_themes`` (sidebar order), ``_excerpts`` (document order) and
    ``_milestones`` (year order)."""

    _themes: Sequence[Theme]
    _excerpts: Sequence[Excerpt]
    _milestones: Sequence[Milestone]

    def themes(self) -> list[Theme]:
        """Themes in sidebar order."""
        return list(self._themes)

    def theme(self, theme_id: str) -> Theme:
        for t in self._themes:
            if t.id == theme_id:
                return t
        raise KeyError(theme_id)

    def excerpts(self, theme_id: str | None = None) -> list[Excerpt]:
        """Excerpts in document order (theme_id None: all of them)."""
        return [e for e in self._excerpts if theme_id is None or theme_id in e.themes]

    def milestones(self, theme_id: str | None = None) -> list[Milestone]:
        """Milestones in year order (theme_id None: all of them)."""
        return [m for m in self._milestones if theme_id is None or theme_id in m.themes]

    def search(self, query: str, theme_id: str | None = None) -> list[SearchHit]:
        from gzexplorer.model.search import search  # not needed for the first frame

        return search(self.excerpts(theme_id), query)
