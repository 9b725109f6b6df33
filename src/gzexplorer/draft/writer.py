"""A draft written as a complete data pack, in the format of the built-in one.

The pack is written into a temporary folder beside ``--out`` and renamed into place
when every file is complete, so a failure leaves nothing behind; an existing ``--out``
is replaced only when asked (``force``), and then only once the new pack is whole.
"""

from __future__ import annotations

import contextlib
import csv
import io
import json
import os
import re
import shutil
import tempfile
from pathlib import Path
from typing import Any

from gzexplorer.draft.engine import Draft
from gzexplorer.draft.passages import slug
from gzexplorer.files import WriteError, _reason
from gzexplorer.model import profile

ID = {"required": True, "pattern": profile.ID_PATTERN}
REQUIRED = {"required": True}


def _field(name: str, type_: str, description: str, **extra: Any) -> dict[str, Any]:
    out: dict[str, Any] = {"name": name, "type": type_}
    if type_ == "list":
        out.update({"delimiter": ";", "itemType": "string"})
    out.update(extra)
    out["description"] = description
    return out


def _ids(name: str, description: str) -> dict[str, Any]:
    return _field(name, "list", description, constraints=REQUIRED)


THEMES_LIST = _field("themes", "list", "Theme ids, separated by ';'.")
SOURCES = _ids("excerpt_ids", "Ids of the passages the row comes from, separated by ';'.")
REVIEW = _field(
    "review",
    "string",
    "Review state of the drafted row: draft (not reviewed yet), accepted, rejected "
    "(not shown) or edited.",
    constraints={"required": True, "enum": list(profile.REVIEWS)},
)

SCHEMAS: dict[str, dict[str, Any]] = {
    "themes": {
        "fields": [
            _field("id", "string", "Theme id.", constraints=ID),
            _field("name", "string", "Display name.", constraints=REQUIRED),
            _field("description", "string", "What the theme covers."),
            _field("order", "integer", "Position in the sidebar, ascending.", constraints=REQUIRED),
            _field("icon", "string", "Name of a built-in icon, or empty."),
        ],
        "primaryKey": ["id"],
    },
    "excerpts": {
        "fields": [
            _field(
                "id", "string", "Passage id (from its section and first words).", constraints=ID
            ),
            _field("order", "integer", "Position in the document.", constraints=REQUIRED),
            _field("section", "string", "Section of the document.", constraints=REQUIRED),
            _field(
                "kind",
                "string",
                "What the passage is.",
                constraints={"required": True, "enum": list(profile.EXCERPT_KINDS)},
            ),
            THEMES_LIST,
            _field("text", "string", "The exact text of the passage.", constraints=REQUIRED),
        ],
        "primaryKey": ["id"],
    },
    "indicators": {
        "fields": [
            _field("id", "string", "Indicator id.", constraints=ID),
            _field(
                "name",
                "string",
                "Name of the series (from the table's header).",
                constraints=REQUIRED,
            ),
            _field("unit", "string", "Unit of its values.", constraints=REQUIRED),
            THEMES_LIST,
            _field("description", "string", "What the series measures."),
            _field("source", "string", "Who published the numbers (the table's source line)."),
            SOURCES,
            REVIEW,
        ],
        "primaryKey": ["id"],
    },
    "observations": {
        "fields": [
            _field("indicator_id", "string", "The indicator's id.", constraints=ID),
            _field("year", "integer", "The year of the value.", constraints=REQUIRED),
            _field("value", "number", "The number; empty unless the status is reported."),
            _field(
                "status",
                "string",
                "reported, not_reported (a '-' or empty cell) or qualitative (words).",
                constraints={"required": True, "enum": list(profile.STATUSES)},
            ),
            _field("note", "string", "A note, e.g. the words of a qualitative cell."),
            _field("source_text", "string", "The table cell as printed."),
            SOURCES,
            REVIEW,
        ],
        "primaryKey": ["indicator_id", "year"],
        "foreignKeys": [
            {"fields": "indicator_id", "reference": {"resource": "indicators", "fields": "id"}}
        ],
    },
    "figures": {
        "fields": [
            _field("id", "string", "Figure id.", constraints=ID),
            _field("label", "string", "What the number counts.", constraints=REQUIRED),
            _field(
                "value",
                "number",
                "The number the quote states (a decline is negative).",
                constraints=REQUIRED,
            ),
            _field("unit", "string", "Unit of the value.", constraints=REQUIRED),
            _field(
                "qualifier",
                "string",
                "How exact the text is.",
                constraints={"required": True, "enum": list(profile.QUALIFIERS)},
            ),
            _field("year", "integer", "The year it refers to, if its sentence gives one."),
            THEMES_LIST,
            _field("group", "string", "Figures of one group share a bar chart."),
            _field(
                "headline",
                "boolean",
                "Shown on the Overview.",
                trueValues=["true"],
                falseValues=["false"],
            ),
            _field(
                "quote", "string", "The words of the passage that state it.", constraints=REQUIRED
            ),
            _field("note", "string", "A note on how to read it."),
            SOURCES,
            REVIEW,
        ],
        "primaryKey": ["id"],
    },
    "milestones": {
        "fields": [
            _field("id", "string", "Milestone id.", constraints=ID),
            _field("year", "integer", "The year of the event.", constraints=REQUIRED),
            _field("title", "string", "A short title.", constraints=REQUIRED),
            _field("description", "string", "The sentence that tells it."),
            THEMES_LIST,
            SOURCES,
            REVIEW,
        ],
        "primaryKey": ["id"],
    },
}
TITLES = {
    "themes": ("Themes", "The themes the document is explored by."),
    "excerpts": (
        "Excerpts",
        "The document cut into passages, in reading order, with the exact text.",
    ),
    "indicators": ("Indicators", "Time series the document's tables give."),
    "observations": (
        "Observations",
        "One row per (indicator, year): every cell of the tables. A missing cell is an "
        "empty value with status not_reported, never zero.",
    ),
    "figures": ("Figures", "Single numbers the text states, with their qualifier."),
    "milestones": ("Milestones", "Dated events."),
}


def _number(value: float) -> str:
    return f"{value:.15g}"


def _rows(d: Draft) -> dict[str, list[list[str]]]:
    join = ";".join
    return {
        "themes": [
            [t.id, t.name, t.description, str(i), t.icon] for i, t in enumerate(d.themes, 1)
        ],
        "excerpts": [
            [p.id, str(p.order), p.section, p.kind, join(p.themes), p.text] for p in d.passages
        ],
        "indicators": [
            [
                i.id,
                i.name,
                i.unit,
                join(i.themes),
                i.description,
                i.source,
                join(i.excerpt_ids),
                "draft",
            ]
            for i in d.indicators
        ],
        "observations": [
            [
                o.indicator_id,
                str(o.year),
                "" if o.value is None else _number(o.value),
                o.status,
                o.note,
                o.source_text,
                join(o.excerpt_ids),
                "draft",
            ]
            for o in d.observations
        ],
        "figures": [
            [
                f.id,
                f.label,
                _number(f.value),
                f.unit,
                f.qualifier,
                "" if f.year is None else str(f.year),
                join(f.themes),
                f.group,
                "true" if f.headline else "false",
                f.quote,
                f.note,
                join(f.excerpt_ids),
                "draft",
            ]
            for f in d.figures
        ],
        "milestones": [
            [mid, str(m.year), m.title, m.description, join(ts), join(ids), "draft"]
            for mid, m, ts, ids in d.milestones
        ],
    }


def document_name(d: Draft) -> str:
    """The file name of the document resource: the text's own name, or the name of
    the document with .txt (the text read from Markdown, HTML or PDF)."""
    stem = slug(d.source.stem, 8, 60) or "document"
    return f"{stem}.txt"


def descriptor(d: Draft) -> dict[str, Any]:
    doc = document_name(d)
    name = slug(d.title, 8, 60) or "draft-pack"
    resources: list[dict[str, Any]] = []
    for table, schema in SCHEMAS.items():
        title, description = TITLES[table]
        resources.append(
            {
                "name": table,
                "title": title,
                "description": description,
                "path": f"{table}.csv",
                "profile": "tabular-data-resource",
                "format": "csv",
                "mediatype": "text/csv",
                "encoding": "utf-8",
                "schema": schema,
            }
        )
    resources.append(
        {
            "name": profile.DOCUMENT,
            "title": "The document",
            "description": (
                f"The text of {d.source.name}, as read for the draft; the passages are cut from it."
            ),
            "path": doc,
            "format": "txt",
            "mediatype": "text/plain",
            "encoding": "utf-8",
        }
    )
    return {
        "profile": "data-package",
        "name": re.sub(r"[^a-z0-9._/-]", "-", name.lower()),
        "title": d.title,
        "description": (
            f"A draft data pack made by gzexplorer draft from {d.source.name} "
            f"({d.reading.format}). Every indicator, observation, figure and milestone is a "
            "draft (review = draft) until someone reviews it."
        ),
        "version": "0.1.0",
        "sources": [{"title": d.title, "path": doc}],
        "gzexplorer": {
            "document": profile.DOCUMENT,
            "citation": d.title,
            "attribution": f"The text of {d.source.name} belongs to its authors.",
        },
        "resources": resources,
    }


def _csv(header: list[str], rows: list[list[str]]) -> bytes:
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(header)
    w.writerows(rows)
    return buf.getvalue().encode("utf-8")


def files(d: Draft) -> dict[str, bytes]:
    """Every file of the pack: name to bytes."""
    out = {}
    for table, rows in _rows(d).items():
        header = [f["name"] for f in SCHEMAS[table]["fields"]]
        out[f"{table}.csv"] = _csv(header, rows)
    out[document_name(d)] = d.reading.document.encode("utf-8")
    text = json.dumps(descriptor(d), indent=2, ensure_ascii=False) + "\n"
    out["datapackage.json"] = text.encode("utf-8")
    return out


def target_problem(out: Path, force: bool) -> str | None:
    """Why ``out`` cannot be written, or None."""
    parent = out.parent if str(out.parent) else Path(".")
    if not parent.is_dir():
        return f"{out}: the folder {parent} does not exist"
    if not os.access(parent, os.W_OK | os.X_OK):
        return f"{out}: no permission to write in {parent}"
    if out.exists() or out.is_symlink():
        empty_dir = out.is_dir() and not out.is_symlink() and not any(out.iterdir())
        if not empty_dir and not force:
            return f"{out} already exists; add --force to replace it"
    return None


def write(d: Draft, out: str | Path, force: bool = False) -> Path:
    """Write the pack to the folder ``out`` (WriteError if it cannot be)."""
    out = Path(out).expanduser()
    problem = target_problem(out, force)
    if problem:
        raise WriteError(problem)
    content = files(d)
    try:
        tmp = Path(tempfile.mkdtemp(prefix=f".{out.name}.", suffix=".part", dir=out.parent))
    except OSError as exc:
        raise WriteError(f"{out}: could not write: {_reason(exc)}") from None
    try:
        for name, data in content.items():
            with open(tmp / name, "wb") as f:
                f.write(data)
                f.flush()
                os.fsync(f.fileno())
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp, 0o777 & ~umask)
        if out.exists() or out.is_symlink():
            old = out.parent / f".{out.name}.{os.getpid()}.old"
            os.rename(out, old)
            try:
                os.rename(tmp, out)
            except OSError:
                os.rename(old, out)
                raise
            if old.is_dir() and not old.is_symlink():
                shutil.rmtree(old, ignore_errors=True)
            else:
                with contextlib.suppress(OSError):
                    old.unlink()
        else:
            os.rename(tmp, out)
    except OSError as exc:
        shutil.rmtree(tmp, ignore_errors=True)
        raise WriteError(f"{out}: could not write: {_reason(exc)}") from None
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    return out
