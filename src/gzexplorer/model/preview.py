"""The loader's first stage: a quick look at a data pack with the standard library only.

The window paints its sidebar and the document's passages from this before pandas
and pyqtgraph are imported; the full, checked :class:`Dataset` replaces it moments
later. It reads through the same stage-1 code as the full load
(:func:`gzexplorer.model.loader.read_pack`: safe paths, dialects, the schemas' list
delimiters) and takes translated names by the same rule. Anything unexpected returns
None: the full loader then reports the problem.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from gzexplorer.model import packfiles, profile
from gzexplorer.model.entities import Excerpt, PackInfo, Theme
from gzexplorer.model.errors import Problems
from gzexplorer.model.loader import Resource, read_pack
from gzexplorer.model.queries import ThemeAndPassageQueries

if TYPE_CHECKING:
    from gzexplorer.model.facts import Milestone

_LIMIT = 64 * 2**20  # a preview never reads big files


@dataclass(frozen=True, eq=False)  # one per load, known by identity (as a Dataset)
class PackPreview(ThemeAndPassageQueries):
    folder: Path
    info: PackInfo
    _themes: tuple[Theme, ...]
    _excerpts: tuple[Excerpt, ...]
    milestone_table: Resource  # read when the Overview's timeline is first asked for
    figure_counts: dict[str, int]  # theme id -> number of figures
    headline_count: int

    complete = False  # themes, passages and milestones: no figures, series nor search

    @cached_property
    def _milestones(self) -> tuple[Milestone, ...]:
        """The milestones, read on first use: the first frame does not need them."""
        try:
            return _milestones(self.milestone_table)
        except Exception:  # noqa: BLE001 - as for the preview: the full load explains
            return ()


def _rows(resource: Resource) -> list[dict[str, str]]:
    text = packfiles.read_text(resource.path, resource.rel, Problems())
    if text is None:
        raise ValueError(resource.rel)
    d = resource.dialect
    reader = csv.DictReader(
        io.StringIO(text, newline=""),
        delimiter=d.delimiter,
        quotechar=d.quote_char,
        doublequote=d.double_quote,
    )
    return list(reader)


def _splitter(resource: Resource, name: str):
    field = resource.schema.field(name)
    delimiter = field.delimiter if field is not None else ";"
    return lambda value: tuple(x.strip() for x in (value or "").split(delimiter) if x.strip())


def _rejected(row: dict[str, str]) -> bool:
    """A drafted row the review rejected: the explorer does not show it."""
    return (row.get("review") or "").strip() == "rejected"


def _milestones(table: Resource) -> tuple[Milestone, ...]:
    from gzexplorer.model.facts import Milestone  # (its records cost the first frame)

    themes, sources = _splitter(table, "themes"), _splitter(table, "excerpt_ids")
    dated = (
        Milestone(
            r["id"],
            int(r["year"]),
            r["title"],
            r.get("description", ""),
            themes(r.get("themes", "")),
            sources(r.get("excerpt_ids", "")),
            profile.translations("milestones", r),
        )
        for r in _rows(table)
        if r.get("year", "").strip().isdigit()  # else the full load says why
        and not _rejected(r)
    )
    return tuple(sorted(dated, key=lambda m: m.year))


def preview(path: str | Path) -> PackPreview | None:
    try:
        pack = read_pack(path, Problems(), limit=_LIMIT)
        tables = pack.tables
        themes = sorted(
            (
                Theme(
                    r["id"],
                    r["name"],
                    r.get("description", ""),
                    int(r["order"]),
                    r.get("icon", ""),
                    profile.translations("themes", r),
                    r.get("color") or "",
                )
                for r in _rows(tables["themes"])
            ),
            key=lambda t: t.order,
        )
        excerpt_themes = _splitter(tables["excerpts"], "themes")
        excerpts = sorted(
            (
                Excerpt(
                    r["id"],
                    int(r["order"]),
                    r["section"],
                    r["kind"],
                    excerpt_themes(r["themes"]),
                    r["text"],
                )
                for r in _rows(tables["excerpts"])
            ),
            key=lambda e: e.order,
        )
        figures = tables["figures"]
        figure_themes = _splitter(figures, "themes")
        headline = figures.schema.field("headline")
        counts: dict[str, int] = {}
        headlines = 0
        for r in _rows(figures):
            if _rejected(r):
                continue
            for t in figure_themes(r.get("themes", "")):
                counts[t] = counts.get(t, 0) + 1
            headlines += r.get("headline", "") in headline.true_values
        info = PackInfo.from_descriptor(pack.descriptor)
        return PackPreview(
            pack.folder,
            info,
            tuple(themes),
            tuple(excerpts),
            tables["milestones"],
            counts,
            headlines,
        )
    except Exception:  # noqa: BLE001 - any surprise: no preview, the full load explains
        return None
