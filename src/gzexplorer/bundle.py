"""A data bundle: one chart, one theme or every chart, as a zip someone else can use.

The zip holds, at its root:

- ``datapackage.json``: a Frictionless Data Package that is also a gzexplorer pack,
  cut down to what the charts use (their series with every yearly cell, figures and
  events, the passages those name, the themes they name) plus the whole document, so
  that ``gzexplorer --data bundle.zip`` opens it and ``gzexplorer validate`` checks
  every number against its words again; and a table resource per chart
  (``chart-<theme>-<n>``) describing its CSV;
- ``charts/<theme>-<n>.csv``: each chart's tidy CSV, the same columns as the CSV export
  of its kind. One CSV per chart, not per kind: a chart is what the reader saw and
  cites, and two charts of one kind (say two units of line chart) are different tables;
- ``pack/*.csv`` and the document: the pack's six tables, cut down, in the pack's own
  columns and schemas;
- ``passages.md``: the id, section and words of every passage the data cites;
- ``README.md``: what the bundle holds, how to cite it (gzexplorer.cite), its sources
  and licence, how to open it.

Qt-free except the chart CSV (imported from render.export when written).
"""

from __future__ import annotations

import csv
import io
import json
import re
import zipfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from gzexplorer import __version__, charts, cite
from gzexplorer.charts.context import ENGLISH, ChartContext
from gzexplorer.export_all import chart_of, charts_of
from gzexplorer.files import WriteError, atomic_write, check_target
from gzexplorer.model import Dataset

TABLES = ("themes", "excerpts", "indicators", "observations", "figures", "milestones")
_KEY = {"observations": "indicator_id"}  # the column a table's rows are kept by; else "id"
_LIST_TABLES = ("indicators", "observations", "figures", "milestones")

# Table Schema types of the chart CSV columns (COLUMNS in charts/spec.py)
_CHART_TYPES = {"year": "integer", "value": "number"}
_CHART_DESCRIPTIONS = {
    "indicator_id": "The series' id (indicators.id).",
    "indicator": "The series' name.",
    "figure_id": "The figure's id (figures.id).",
    "milestone_id": "The event's id (milestones.id).",
    "label": "What the number counts.",
    "unit": "Unit of the value.",
    "year": "The year.",
    "value": "The number as the pack states it; empty when not reported.",
    "status": "reported, not_reported or qualitative.",
    "qualifier": "How exact the text is (exact, more_than, about ...).",
    "quote": "The words of the passage that state the number.",
    "title": "The event's title.",
    "themes": "Theme ids, separated by ';'.",
    "source": "The source line of the chart.",
}


class BundleError(WriteError):
    """A bundle could not be made (an unknown theme or chart, a pack without its
    descriptor); reported like a bad target."""


@dataclass(frozen=True)
class Chart:
    """A chart of the bundle: its spec, its theme and number there."""

    view_id: str
    number: int
    spec: charts.ChartSpec

    @property
    def stem(self) -> str:
        return f"{self.view_id}-{self.number}"


def select(
    dataset: Dataset,
    view_id: str | None,
    number: int | None,
    context: ChartContext = ENGLISH,
) -> list[Chart]:
    """The charts of a bundle: ``view_id`` None means every chart of every view;
    ``number`` None every chart of the view. ExportRequestError for an unknown one."""
    if view_id is None:
        views = [v for v, _ in charts.views(dataset)]
        return [
            Chart(v, n, spec)
            for v in views
            for n, spec in enumerate(charts.charts_for(dataset, v, context), start=1)
        ]
    if number is None:
        specs = charts_of(dataset, view_id, context)
        return [Chart(view_id, n, spec) for n, spec in enumerate(specs, start=1)]
    return [Chart(view_id, number, chart_of(dataset, view_id, number, context))]


# -- what the charts use ------------------------------------------------------------------


def _ids(value: Any) -> tuple[str, ...]:
    return tuple(value) if isinstance(value, tuple | list) else ()


def used_rows(
    dataset: Dataset, chosen: Sequence[Chart], view_ids: Iterable[str] = ()
) -> dict[str, set[str]]:
    """The ids kept of each table (observations: by indicator id): what the charts
    draw, the passages and themes that names, and the themes of ``view_ids``."""
    kinds = {"point": "indicators", "figure": "figures", "milestone": "milestones"}
    used: dict[str, set[str]] = {t: set() for t in TABLES}
    for chart in chosen:
        refs = [m.ref for m in chart.spec.marks()] + [a.ref for a in chart.spec.annotations]
        for ref in refs:
            if ref.kind in kinds:
                used[kinds[ref.kind]].add(ref.id)
    theme_ids = {t.id for t in dataset.themes()}
    used["themes"].update(v for v in [*view_ids, *(c.view_id for c in chosen)] if v in theme_ids)
    used["observations"] = set(used["indicators"])
    tables = dataset.pack_tables
    for name in _LIST_TABLES:
        table = tables[name]
        kept = table[table[_KEY.get(name, "id")].isin(used[name])]
        for ids in kept["excerpt_ids"]:
            used["excerpts"].update(_ids(ids))
        if "themes" in kept.columns:
            for ids in kept["themes"]:
                used["themes"].update(_ids(ids))
    excerpts = tables["excerpts"]
    for ids in excerpts[excerpts["id"].isin(used["excerpts"])]["themes"]:
        used["themes"].update(_ids(ids))
    return used


# -- the pack's own files, cut down ----------------------------------------------------------


def _descriptor(dataset: Dataset) -> dict[str, Any]:
    from gzexplorer.model import packfiles

    try:
        _folder, path = packfiles.locate(dataset.folder)
        return packfiles.read_descriptor(path)
    except Exception as exc:  # the pack's folder moved or changed since it was opened
        raise BundleError(
            f"{dataset.folder}: cannot read the pack's datapackage.json again: {exc}"
        ) from None


def _read_rows(folder: Path, res: dict[str, Any]) -> list[list[str]]:
    dialect = res.get("dialect") if isinstance(res.get("dialect"), dict) else {}
    if str(res.get("format", "")) == "tsv" or str(res.get("path", "")).endswith(".tsv"):
        dialect = {"delimiter": "\t", **dialect}
    path = folder / str(res["path"])
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise BundleError(f"{path}: cannot read the pack's table again: {exc}") from None
    reader = csv.reader(
        io.StringIO(text, newline=""),
        delimiter=str(dialect.get("delimiter", ",")),
        quotechar=str(dialect.get("quoteChar", '"')),
        doublequote=bool(dialect.get("doubleQuote", True)),
    )
    return [row for row in reader if row]


def _csv(rows: Iterable[Sequence[object]]) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerows(rows)
    return out.getvalue().encode("utf-8")


def _pack_files(
    dataset: Dataset, descriptor: dict[str, Any], used: dict[str, set[str]]
) -> tuple[list[dict[str, Any]], dict[str, bytes]]:
    """The cut-down table resources and the document, and their files by zip path."""
    folder = Path(dataset.folder)
    extra = descriptor.get("gzexplorer") if isinstance(descriptor.get("gzexplorer"), dict) else {}
    document = extra.get("document", "document")
    resources: list[dict[str, Any]] = []
    files: dict[str, bytes] = {}
    moved: dict[str, str] = {}  # the pack's paths to the bundle's (for ``sources``)
    for res in descriptor["resources"]:
        name = res.get("name")
        if name in TABLES:
            rows = _read_rows(folder, res)
            header, body = rows[0], rows[1:]
            key = header.index(_KEY.get(name, "id"))
            kept = [r for r in body if len(r) > key and r[key] in used[name]]
            rel = f"pack/{name}.csv"
            files[rel] = _csv([header, *kept])
        elif name == document:
            src = folder / str(res["path"])
            try:
                data = src.read_bytes()
            except OSError as exc:
                raise BundleError(f"{src}: cannot read the document again: {exc}") from None
            rel = f"pack/{Path(str(res['path'])).name}"
            files[rel] = data
        else:  # other resources of the pack: not part of what the charts use
            continue
        copy = {k: v for k, v in res.items() if k not in ("bytes", "hash", "dialect")}
        moved[str(res["path"])] = rel
        copy["path"] = rel
        if name in TABLES:
            copy.update(format="csv", mediatype="text/csv", encoding="utf-8")
        resources.append(copy)
    sources = descriptor.get("sources")
    if isinstance(sources, list):  # a source that is one of the files moved with them
        descriptor["sources"] = [
            {**s, "path": moved[s["path"]]} if isinstance(s, dict) and s.get("path") in moved else s
            for s in sources
        ]
    return resources, files


# -- the charts' CSVs ------------------------------------------------------------------------


def chart_resource(chart: Chart, rel: str) -> dict[str, Any]:
    """The Table Schema resource describing a chart's CSV."""
    spec = chart.spec
    fields = [
        {
            "name": c,
            "type": _CHART_TYPES.get(c, "string"),
            "description": _CHART_DESCRIPTIONS.get(c, ""),
        }
        for c in spec.columns
    ]
    return {
        "name": f"chart-{chart.stem}".lower(),
        "title": spec.title,
        "description": f"The data of the chart “{spec.title}” ({chart.view_id}, chart "
        f"{chart.number}), as gzexplorer's CSV export gives it.",
        "path": rel,
        "profile": "tabular-data-resource",
        "format": "csv",
        "mediatype": "text/csv",
        "encoding": "utf-8",
        "schema": {"fields": fields},
    }


# -- README and passages -----------------------------------------------------------------------


def passages_md(dataset: Dataset, ids: Iterable[str]) -> str:
    """Every passage, in reading order: id, section, the words (as a quote)."""
    excerpts = sorted((dataset.excerpt(i) for i in ids), key=lambda e: (e.order, e.id))
    lines = [f"# Passages ({len(excerpts)})", ""]
    lines.append(
        f"The passages of “{dataset.info.title}” that the bundle's numbers cite, in "
        "reading order, copied unchanged."
    )
    for e in excerpts:
        lines += ["", f"## {e.id}", "", f"Section: {e.section}", ""]
        lines += ["> " + line if line else ">" for line in e.text.splitlines()]
    return "\n".join(lines) + "\n"


def readme_md(dataset: Dataset, chosen: Sequence[Chart], scope: str, n_passages: int) -> str:
    info = dataset.info
    ref = cite.reference(info)
    out = [f"# {scope}", "", f"A data bundle of “{info.title}”, written by gzexplorer "]
    out[-1] += f"{__version__}."
    out += ["", "## What is here", ""]
    out.append("| file | what |")
    out.append("|---|---|")
    for c in chosen:
        out.append(f"| `charts/{c.stem}.csv` | {_cell(c.spec.title)} ({c.spec.kind} chart) |")
    out.append(f"| `passages.md` | the {n_passages} passages the numbers come from |")
    out.append(
        "| `datapackage.json`, `pack/` | a Frictionless Data Package describing every CSV; "
        "also a gzexplorer data pack of what the charts use, with the document |"
    )
    out += ["", "## How to cite", "", "The document:", "", cite.cite(ref, "apa"), ""]
    if len(chosen) == 1:
        chart = cite.chart_citation(dataset, chosen[0].spec)
        out += ["The chart:", "", cite.cite(ref, "apa", chart)]
    else:
        out.append("The charts:")
        out.append("")
        for c in chosen:
            out.append(f"- {cite.cite(ref, 'apa', cite.chart_citation(dataset, c.spec))}")
    out += ["", "BibTeX of the document:", "", "```bibtex", cite.cite(ref, "bibtex"), "```"]
    out += ["", "## Sources", ""]
    out += [f"- {s}" for s in info.sources] or ["- (the pack names no sources)"]
    if info.citation:
        out += ["", info.citation]
    if info.attribution:
        out += ["", info.attribution]
    out += ["", "## Licence", ""]
    out += [f"- {lic}" for lic in _licences(info.meta)] or ["- The pack states no licence."]
    out += [
        "",
        "## Open it",
        "",
        "- In gzexplorer: `gzexplorer --data THIS.zip` or File › Open data pack file….",
        "- Check it: `gzexplorer validate THIS.zip`; unzipped, "
        "`frictionless validate datapackage.json`.",
        "- The CSVs are UTF-8, comma-separated, with a header row; an empty cell is "
        "missing (not zero).",
    ]
    return "\n".join(out) + "\n"


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def _licences(meta: Any) -> list[str]:
    items = meta.get("licenses") if isinstance(meta.get("licenses"), list) else []
    lines = []
    for lic in items:
        if isinstance(lic, dict):
            words = str(lic.get("title") or lic.get("name") or "")
            if lic.get("path"):
                words += f" ({lic['path']})"
            lines.append(words)
    return lines


# -- the zip -----------------------------------------------------------------------------------


def _name(text: str) -> str:
    return re.sub(r"[^a-z0-9._-]+", "-", text.lower()).strip("-") or "bundle"


def bundle_files(
    dataset: Dataset, chosen: Sequence[Chart], scope: str, view_ids: Iterable[str] = ()
) -> dict[str, bytes]:
    """Every file of the bundle by its path in the zip (``view_ids``: themes kept even
    if they have no chart)."""
    from gzexplorer.render.export import csv_text

    descriptor = _descriptor(dataset)
    used = used_rows(dataset, chosen, view_ids)
    resources, files = _pack_files(dataset, descriptor, used)
    for chart in chosen:
        rel = f"charts/{chart.stem}.csv"
        files[rel] = csv_text(chart.spec).encode("utf-8")
        resources.append(chart_resource(chart, rel))
    package = {k: v for k, v in descriptor.items() if k not in ("resources", "name", "title", "id")}
    package["name"] = _name(f"{descriptor.get('name', 'pack')}-{_scope_name(chosen)}")
    package["title"] = f"{dataset.info.title} (data bundle — {scope})"
    package["description"] = (
        f"{scope}: the data of {len(chosen)} chart(s) of “{dataset.info.title}”, "
        "with the passages they cite, cut from the pack by gzexplorer."
    )
    package["resources"] = resources
    files["datapackage.json"] = (json.dumps(package, ensure_ascii=False, indent=2) + "\n").encode(
        "utf-8"
    )
    files["passages.md"] = passages_md(dataset, used["excerpts"]).encode("utf-8")
    files["README.md"] = readme_md(dataset, chosen, scope, len(used["excerpts"])).encode("utf-8")
    return files


def _scope_name(chosen: Sequence[Chart]) -> str:
    views = {c.view_id for c in chosen}
    if len(chosen) == 1:
        return chosen[0].stem
    return next(iter(views)) if len(views) == 1 else "all"


def scope_words(chosen: Sequence[Chart], views: dict[str, str]) -> str:
    """ "Chart: T", "Theme: Economy" or "Every chart"."""
    vids = {c.view_id for c in chosen}
    if len(chosen) == 1:
        return f"Chart: {chosen[0].spec.title}"
    if len(vids) == 1:
        return f"Theme: {views.get(next(iter(vids)), next(iter(vids)))}"
    return "Every chart"


def write_bundle(
    dataset: Dataset,
    path: str | Path,
    view_id: str | None,
    number: int | None,
    context: ChartContext = ENGLISH,
) -> Path:
    """Write the bundle of one chart (``number``), a view's charts (``number`` None) or
    every chart (``view_id`` None) to ``path``, atomically; BundleError or WriteError."""
    check_target(path)
    chosen = select(dataset, view_id, number, context)
    views = dict(charts.views(dataset, context))
    if not chosen:
        raise BundleError(f"{path}: theme {view_id!r} has no charts; nothing to bundle")
    every = list(views) if view_id is None else [view_id]
    files = bundle_files(dataset, chosen, scope_words(chosen, views), every)

    def write(out) -> None:
        with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED) as archive:
            for rel, data in files.items():
                archive.writestr(rel, data)

    return atomic_write(path, write)
