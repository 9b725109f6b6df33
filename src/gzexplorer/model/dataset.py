"""A loaded data pack and the questions the app asks of it."""

from __future__ import annotations

from functools import cached_property
from pathlib import Path

import numpy as np
import pandas as pd

from gzexplorer.model import profile
from gzexplorer.model.entities import Excerpt, PackInfo, Theme
from gzexplorer.model.errors import DataPackError, Problem
from gzexplorer.model.facts import Citations, Figure, Indicator, Milestone, Point
from gzexplorer.model.queries import ThemeAndPassageQueries


def load(path: str | Path, strict: bool = False) -> Dataset:
    """Load and check the data pack at ``path`` (a folder or its datapackage.json).

    Raises :class:`DataPackError` listing every problem found.
    """
    from gzexplorer.model.loader import load as load_pack

    return load_pack(path, strict)


def _translations(table: pd.DataFrame, resource: str) -> list[dict[str, str]]:
    """Per row, the translated text columns: ``name_zh`` beside ``name`` and the like."""
    columns = profile.translated_fields(resource, table.columns)
    if not columns:
        return [{} for _ in range(len(table))]
    rows = table[columns].fillna("").astype(str).to_dict("records")
    return [profile.translations(resource, row) for row in rows]


def _reviews(table: pd.DataFrame) -> list[str]:
    """Per row, its review state (draft, accepted, edited); "" without a review column."""
    if "review" not in table.columns:
        return [""] * len(table)
    return [str(v) for v in table["review"].fillna("")]


def without_rejected(tables: dict[str, pd.DataFrame]) -> dict[str, pd.DataFrame]:
    """The tables the explorer shows: without the rows whose review is ``rejected``, nor
    the observations of a rejected indicator. A pack without review columns is as is."""
    shown = dict(tables)
    for name in profile.REVIEWED:
        table = tables[name]
        if "review" in table.columns:
            rejected = (table["review"] == "rejected").to_numpy(dtype=bool)
            if rejected.any():
                shown[name] = table[~rejected].reset_index(drop=True)
    if len(shown["indicators"]) != len(tables["indicators"]):
        obs = shown["observations"]
        kept = obs["indicator_id"].isin(set(shown["indicators"]["id"])).to_numpy(dtype=bool)
        shown["observations"] = obs[kept].reset_index(drop=True)
    return shown


class Dataset(ThemeAndPassageQueries):
    """A checked data pack. Tables are pandas DataFrames; records are immutable.

    A drafted pack (``gzexplorer draft``) marks its rows with a ``review`` state: the
    tables and records here leave out the rejected ones (``pack_tables`` keeps every
    row), and each record's ``is_draft`` tells the rows not reviewed yet."""

    complete = True  # not a first-stage preview: charts, provenance and search work

    def __init__(
        self,
        folder: Path,
        info: PackInfo,
        tables: dict[str, pd.DataFrame],
        document: str,
        warnings: list[Problem] | None = None,
    ):
        self.folder = folder
        self.warnings = list(warnings or [])
        self.info = info
        self.pack_tables = tables  # every row, rejected ones included
        tables = without_rejected(tables)
        self.tables = tables
        self.document = document
        themes = tables["themes"].sort_values("order", kind="stable")
        self._themes = [
            Theme(r.id, r.name, r.description, int(r.order), r.icon, tr, getattr(r, "color", ""))
            for r, tr in zip(
                themes.itertuples(index=False), _translations(themes, "themes"), strict=True
            )
        ]
        excerpts = tables["excerpts"].sort_values("order", kind="stable")
        self._excerpts = [
            Excerpt(r.id, int(r.order), r.section, r.kind, r.themes, r.text)
            for r in excerpts.itertuples(index=False)
        ]
        self._excerpt_by_id = {e.id: e for e in self._excerpts}
        self._indicators = [
            Indicator(
                r.id, r.name, r.unit, r.themes, r.description, r.source, r.excerpt_ids, tr, rv
            )
            for r, tr, rv in zip(
                tables["indicators"].itertuples(index=False),
                _translations(tables["indicators"], "indicators"),
                _reviews(tables["indicators"]),
                strict=True,
            )
        ]
        self._indicator_by_id = {i.id: i for i in self._indicators}
        self._figures = [
            Figure(
                r.id,
                r.label,
                float(r.value),
                r.unit,
                r.qualifier,
                None if pd.isna(r.year) else int(r.year),
                r.themes,
                r.group.strip(),
                r.headline is True,
                r.quote,
                r.note,
                r.excerpt_ids,
                tr,
                rv,
            )
            for r, tr, rv in zip(
                tables["figures"].itertuples(index=False),
                _translations(tables["figures"], "figures"),
                _reviews(tables["figures"]),
                strict=True,
            )
        ]
        self._figure_by_id = {f.id: f for f in self._figures}
        milestones = tables["milestones"].sort_values("year", kind="stable")
        self._milestones = [
            Milestone(r.id, int(r.year), r.title, r.description, r.themes, r.excerpt_ids, tr, rv)
            for r, tr, rv in zip(
                milestones.itertuples(index=False),
                _translations(milestones, "milestones"),
                _reviews(milestones),
                strict=True,
            )
        ]
        # the passages of every observation, coded: a click on a passage (citing) then
        # looks through a few hundred lists, not a million rows
        codes, lists = pd.factorize(tables["observations"]["excerpt_ids"])
        self._observation_sources = codes, list(lists)

    # -- per-theme queries (theme_id None means everything) ---------------------------
    def indicators(self, theme_id: str | None = None) -> list[Indicator]:
        return [i for i in self._indicators if theme_id is None or theme_id in i.themes]

    def indicator(self, indicator_id: str) -> Indicator:
        return self._indicator_by_id[indicator_id]

    def figures(self, theme_id: str | None = None) -> list[Figure]:
        return [f for f in self._figures if theme_id is None or theme_id in f.themes]

    def figure(self, figure_id: str) -> Figure:
        return self._figure_by_id[figure_id]

    def headline_figures(self) -> list[Figure]:
        return [f for f in self._figures if f.headline]

    def excerpt(self, excerpt_id: str) -> Excerpt:
        return self._excerpt_by_id[excerpt_id]

    # -- series -------------------------------------------------------------------------
    @cached_property
    def _series(self) -> dict[str, pd.DataFrame]:
        obs = self.tables["observations"]
        cols = ["year", "value", "status", "note", "source_text", "excerpt_ids"]
        cols += ["review"] if "review" in obs.columns else []
        return {
            str(k): g[cols].sort_values("year").reset_index(drop=True)
            for k, g in obs.groupby("indicator_id", sort=False)
        }

    def series(self, indicator_id: str) -> pd.DataFrame:
        """Year-ordered observations of one indicator: year, value (NaN when missing),
        status, note, source_text, excerpt_ids (and review, in a drafted pack)."""
        if indicator_id not in self._indicator_by_id:
            raise KeyError(indicator_id)
        empty = self.tables["observations"].iloc[0:0][
            ["year", "value", "status", "note", "source_text", "excerpt_ids"]
        ]
        return self._series.get(indicator_id, empty)

    def point(self, indicator_id: str, year: int) -> Point:
        s = self.series(indicator_id)
        rows = s[s["year"] == year]
        if rows.empty:
            raise KeyError((indicator_id, year))
        r = rows.iloc[0]
        value = None if pd.isna(r["value"]) else float(r["value"])
        return Point(
            indicator_id,
            int(r["year"]),
            value,
            r["status"],
            r["note"],
            r["source_text"],
            tuple(r["excerpt_ids"]),
            str(r.get("review", "") or ""),
        )

    # -- provenance -------------------------------------------------------------------
    def _excerpts_for(self, ids: tuple[str, ...]) -> list[Excerpt]:
        return [self._excerpt_by_id[i] for i in ids]

    def figure_sources(self, figure_id: str) -> list[Excerpt]:
        return self._excerpts_for(self.figure(figure_id).excerpt_ids)

    def point_sources(self, indicator_id: str, year: int) -> list[Excerpt]:
        return self._excerpts_for(self.point(indicator_id, year).excerpt_ids)

    def milestone_sources(self, milestone_id: str) -> list[Excerpt]:
        for m in self._milestones:
            if m.id == milestone_id:
                return self._excerpts_for(m.excerpt_ids)
        raise KeyError(milestone_id)

    def citing(self, excerpt_id: str) -> Citations:
        """Everything that names this excerpt as its source."""
        if excerpt_id not in self._excerpt_by_id:
            raise KeyError(excerpt_id)
        codes, lists = self._observation_sources
        citing_lists = [k for k, ids in enumerate(lists) if excerpt_id in ids]
        obs = self.tables["observations"].iloc[np.flatnonzero(np.isin(codes, citing_lists))]
        values = obs["value"].to_numpy(dtype=float, na_value=np.nan)
        points = tuple(
            Point(i, int(y), None if v != v else float(v), s, n, t, tuple(e), rv)
            for i, y, v, s, n, t, e, rv in zip(
                obs["indicator_id"],
                obs["year"],
                values,
                obs["status"],
                obs["note"],
                obs["source_text"],
                obs["excerpt_ids"],
                _reviews(obs),
                strict=True,
            )
        )
        return Citations(
            excerpt_id,
            figures=tuple(f for f in self._figures if excerpt_id in f.excerpt_ids),
            points=points,
            milestones=tuple(m for m in self._milestones if excerpt_id in m.excerpt_ids),
            indicators=tuple(i for i in self._indicators if excerpt_id in i.excerpt_ids),
        )

    def review_counts(self) -> dict[str, int]:
        """How many rows of the reviewed tables (indicators, observations, figures,
        milestones) are in each review state, rejected ones included; empty for a pack
        without review columns."""
        counts: dict[str, int] = {}
        for name in profile.REVIEWED:
            for state in _reviews(self.pack_tables[name]):
                if state:
                    counts[state] = counts.get(state, 0) + 1
        return counts

    def summary(self) -> str:
        """'4 themes, 3 indicators, …': the size of each resource."""
        words = (
            ("themes", "theme"),
            ("indicators", "indicator"),
            ("observations", "observation"),
            ("figures", "figure"),
            ("milestones", "milestone"),
            ("excerpts", "excerpt"),
        )
        counts = ((len(self.tables[name]), plural, one) for name, one in words for plural in [name])
        return ", ".join(f"{n} {one if n == 1 else plural}" for n, plural, one in counts)


__all__ = ["Dataset", "DataPackError", "Problem", "load"]
