"""Theme and passage queries shared by the full Dataset and the quick PackPreview."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from gzexplorer.model.entities import Excerpt, Theme
    from gzexplorer.model.search import SearchHit


class ThemeAndPassageQueries:
    """Needs ``_themes`` (sidebar order) and ``_excerpts`` (document order)."""

    _themes: Sequence[Theme]
    _excerpts: Sequence[Excerpt]

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

    def search(self, query: str, theme_id: str | None = None) -> list[SearchHit]:
        from gzexplorer.model.search import search  # not needed for the first frame

        return search(self.excerpts(theme_id), query)
