"""Loading a data pack, in stages, trusting nothing in it.

1. :func:`read_descriptor` / :func:`resources` (standard library): the descriptor, the
   resources' safe paths, dialects and Table Schemas. The window's first frame is
   drawn from these by :mod:`gzexplorer.model.preview`, without pandas.
2. :func:`load`: every table read (:mod:`csvtable`), typed and checked against its own
   schema and gzexplorer's profile (:mod:`cells`), keys and references
   (:mod:`references`), then every number's provenance (:mod:`provenance`) and the
   warnings (:mod:`advice`). All problems are raised together in one DataPackError.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from gzexplorer.model import packfiles, profile, tableschema
from gzexplorer.model.errors import DataPackError, Problem, Problems
from gzexplorer.model.tableschema import Dialect, Schema

TABLE_FORMATS = {"csv": ",", "tsv": "\t"}
# resource properties that make a file something else than one plain local file
UNREAD_RESOURCE_KEYS = ("data", "compression", "scheme", "extrapaths", "innerpath")


def _is_v2(descriptor: dict[str, Any]) -> bool:
    """The package declares Data Package 2 (a ``$schema`` of the 2.x profiles)."""
    return "/2." in str(descriptor.get("$schema", ""))


@dataclass(frozen=True)
class Resource:
    """One resource of the pack as its descriptor declares it, with a checked path."""

    name: str
    rel: str  # the path as written, for messages
    path: Path
    raw: dict[str, Any]
    schema: Schema | None = None  # tables only
    dialect: Dialect | None = None


@dataclass(frozen=True)
class Pack:
    folder: Path
    descriptor_name: str
    descriptor: dict[str, Any]
    tables: dict[str, Resource]
    document: Resource | None


@dataclass(frozen=True)
class Report:
    """What ``gzexplorer validate`` prints: the errors and warnings, and the dataset
    when there are no errors."""

    errors: list[Problem]
    warnings: list[Problem]
    dataset: Any = None

    def as_dict(self) -> dict[str, Any]:
        return {
            "valid": not self.errors,
            "summary": self.dataset.summary() if self.dataset is not None else None,
            "counts": {"errors": len(self.errors), "warnings": len(self.warnings)},
            "problems": [p.as_dict() for p in self.errors + self.warnings],
        }


def _is_table(res: dict[str, Any]) -> bool:
    path = str(res.get("path", ""))
    return (
        "schema" in res
        or res.get("profile") == "tabular-data-resource"
        or res.get("format") in TABLE_FORMATS
        or path.lower().endswith((".csv", ".tsv"))
    )


def read_pack(path: str | Path, problems: Problems, limit: int | None = None) -> Pack:
    """Stage 1: the descriptor and every resource's path, schema and dialect.

    Problems that leave nothing to read raise DataPackError at once; the others are
    added to ``problems`` (the resource concerned is then left out)."""
    folder, descriptor_path = packfiles.locate(path)
    descriptor = packfiles.read_descriptor(descriptor_path)
    name = descriptor_path.name
    by_name = packfiles.check_descriptor(descriptor, name, problems)
    extra = descriptor.get("gzexplorer")
    document_name = profile.DOCUMENT
    if isinstance(extra, dict) and "document" in extra:
        document_name = extra["document"]
        if not isinstance(document_name, str) or document_name not in by_name:
            problems.add(
                name,
                f'gzexplorer.document names no resource: "{document_name}"',
                code="descriptor-error",
            )
            document_name = None
    tables: dict[str, Resource] = {}
    document = None
    for res_name, res in by_name.items():
        where = f'{name}: resource "{res_name}"'
        unread = [key for key in UNREAD_RESOURCE_KEYS if key in res]
        if unread:
            problems.add(
                where,
                f'"{unread[0]}" is not read by gzexplorer: a resource is one '
                "plain file in the pack folder",
                code="descriptor-error",
            )
            continue
        file = packfiles.resource_path(folder, res, where, problems, limit)
        if file is None:
            continue
        rel = str(res["path"])
        if res_name == document_name:
            document = Resource(res_name, rel, file, res)
            continue
        if not _is_table(res):
            packfiles.check_file(file, res, rel, problems)
            continue
        encoding = str(res.get("encoding", "utf-8")).lower().replace("_", "-")
        if encoding not in ("utf-8", "utf-8-sig", "utf8"):
            problems.add(
                where,
                f'encoding "{res["encoding"]}": gzexplorer reads UTF-8 only',
                code="encoding-error",
            )
            continue
        fmt = str(res.get("format", "csv" if not rel.lower().endswith(".tsv") else "tsv"))
        if fmt not in TABLE_FORMATS:
            problems.add(
                where, f'format "{fmt}": gzexplorer reads csv and tsv tables', code="format-error"
            )
            continue
        raw_dialect = res.get("dialect", {})
        if fmt == "tsv" and isinstance(raw_dialect, dict):
            res = {**res, "dialect": {"delimiter": "\t", **raw_dialect}}
        dialect = tableschema.read_dialect(res, where, problems)
        schema = tableschema.read_schema(res, where, problems, v2=_is_v2(descriptor))
        if dialect is None or schema is None:
            continue
        if res_name in profile.RESOURCES and not tableschema.check_profile(
            res_name, schema, where, problems
        ):
            continue
        tables[res_name] = Resource(res_name, rel, file, res, schema, dialect)
    for needed in profile.RESOURCES:
        if needed not in by_name:
            problems.add(
                name,
                f'no resource named "{needed}"; a pack needs ' + ", ".join(profile.RESOURCES),
                code="profile-error",
            )
    return Pack(folder, name, descriptor, tables, document)


def load(path: str | Path, strict: bool = False):
    """Load and check the data pack at ``path`` (a folder or its datapackage.json).

    Raises DataPackError listing every problem found (with ``strict``, warnings too)."""
    report = validate(path)
    errors = report.errors + (report.warnings if strict else [])
    if errors or report.dataset is None:
        raise DataPackError(errors, str(path), report.warnings)
    return report.dataset


def validate(path: str | Path, texts: dict[str, str] | None = None) -> Report:
    """Every problem of the pack at ``path``, and the dataset if there is none.
    ``texts``: tables to read from these strings (resource name to CSV text) instead of
    their files, as the review view checks its unsaved edits.
    Raises DataPackError only when the descriptor itself cannot be read."""
    # stage 2 needs pandas: imported here, not by the first frame's preview
    from gzexplorer.model import advice, cells, csvtable, provenance, references
    from gzexplorer.model.dataset import Dataset
    from gzexplorer.model.entities import PackInfo

    problems = Problems()
    pack = read_pack(path, problems)
    tables = {}
    files = {name: res.rel for name, res in pack.tables.items()}
    for name, res in pack.tables.items():
        if texts is not None and name in texts:
            text = texts[name]
        else:
            text = packfiles.read_text(res.path, res.rel, problems, records=True, resource=res.raw)
        if text is None:
            continue
        table = csvtable.read_table(text, res.rel, res.schema, res.dialect, problems)
        if table is None:
            continue
        needs = profile.RESOURCES.get(name, {})
        for field in res.schema.fields:
            table[field.name] = cells.convert(
                table[field.name], field, needs.get(field.name), res.rel, problems
            )
        tables[name] = table
    document = None
    if pack.document is not None:
        document = packfiles.read_text(
            pack.document.path, pack.document.rel, problems, resource=pack.document.raw
        )
    if not problems:
        for name, res in pack.tables.items():
            app_key = profile.PRIMARY_KEYS.get(name, ())
            references.check_keys(tables[name], res.schema, res.rel, problems, app_key)
        schemas = {name: res.schema for name, res in pack.tables.items()}
        for name in pack.tables:
            references.check_foreign_keys(name, tables, schemas, files, problems)
        references.check_profile_references(tables, schemas, files, problems)
    if not problems:
        doc_file = pack.document.rel if pack.document is not None else ""
        provenance.check(tables, files, document, doc_file, problems)
        advice.check(tables, files, problems)
    if problems:
        return Report(problems.errors, problems.warnings)
    info = PackInfo.from_descriptor(pack.descriptor)
    dataset = Dataset(
        pack.folder,
        info,
        {n: tables[n] for n in profile.RESOURCES},
        document or "",
        problems.warnings,
    )
    return Report([], problems.warnings, dataset)
