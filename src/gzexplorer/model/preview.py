"""A quick first look at a data pack with the standard library only.

The window paints its sidebar and the document's passages from this before pandas
and pyqtgraph are imported; the full, checked :class:`Dataset` replaces it moments
later. Anything unexpected returns None: the full loader then reports the problem.
"""

from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass
from pathlib import Path

from gzexplorer.model.entities import Excerpt, PackInfo, Theme
from gzexplorer.model.queries import ThemeAndPassageQueries

_LIMIT = 64 * 2**20  # a preview never reads big files


@dataclass(frozen=True)
class PackPreview(ThemeAndPassageQueries):
    folder: Path
    info: PackInfo
    _themes: tuple[Theme, ...]
    _excerpts: tuple[Excerpt, ...]
    figure_counts: dict[str, int]  # theme id -> number of figures
    headline_count: int


def _read(folder: Path, rel: str) -> str:
    """A regular file inside ``folder``, at most _LIMIT bytes; else ValueError. Like the
    loader, never follow a path out of the pack nor read a pipe or a device (/dev/zero
    never ends, a FIFO blocks the window's start for ever)."""
    if not isinstance(rel, str) or not rel or Path(rel).is_absolute() or ".." in Path(rel).parts:
        raise ValueError(rel)
    path = (folder / rel).resolve(strict=True)
    if not path.is_relative_to(folder.resolve()) or not path.is_file():
        raise ValueError(rel)
    if path.stat().st_size > _LIMIT:
        raise ValueError(rel)
    return path.read_bytes().decode("utf-8-sig")


def _rows(folder: Path, resources: dict, name: str) -> list[dict[str, str]]:
    text = _read(folder, resources[name]["path"])
    return list(csv.DictReader(io.StringIO(text)))


def _ids(value: str) -> tuple[str, ...]:
    return tuple(x.strip() for x in (value or "").split(";") if x.strip())


def preview(path: str | Path) -> PackPreview | None:
    try:
        p = Path(path)
        folder = p if p.is_dir() else p.parent
        descriptor = json.loads(_read(folder, "datapackage.json"))
        resources = {r["name"]: r for r in descriptor["resources"]}
        themes = sorted(
            (
                Theme(
                    r["id"].strip(),
                    r["name"],
                    r.get("description", ""),
                    int(r["order"]),
                    r.get("icon", ""),
                )
                for r in _rows(folder, resources, "themes")
            ),
            key=lambda t: t.order,
        )
        excerpts = sorted(
            (
                Excerpt(
                    r["id"].strip(),
                    int(r["order"]),
                    r["section"],
                    r["kind"].strip(),
                    _ids(r["themes"]),
                    r["text"],
                )
                for r in _rows(folder, resources, "excerpts")
            ),
            key=lambda e: e.order,
        )
        counts: dict[str, int] = {}
        headline = 0
        for r in _rows(folder, resources, "figures"):
            for t in _ids(r.get("themes", "")):
                counts[t] = counts.get(t, 0) + 1
            headline += r.get("headline", "").strip().lower() in ("true", "yes", "1")
        info = PackInfo.from_descriptor(descriptor)
        return PackPreview(folder, info, tuple(themes), tuple(excerpts), counts, headline)
    except Exception:  # noqa: BLE001 - any surprise: no preview, the full load explains
        return None
