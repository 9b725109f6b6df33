"""``gzexplorer validate`` refuses every pack that ``frictionless validate`` refuses.

frictionless (the reference implementation of the Data Package and Table Schema specs)
is the referee. gzexplorer may refuse more (its own profile: ids, vocabularies,
provenance, UTF-8 only ...), never less. The corpus:

* the bad packs of tests/packs (each an overlay laid over a copy of tests/packs/minimal);
* hand-written mutations of a copy of tests/packs/minimal, of the built-in pack and of
  "typed" (minimal plus a table with a field of every type gzexplorer reads): types,
  header labels, constraints, missingValues, keys, dialects, bytes and hashes, names,
  control characters, line endings, encodings, descriptor metadata;
* hypothesis-generated mutations: a cell or a header label replaced with tricky text,
  a field of a schema given another type or a constraint.

For every pack: if frictionless refuses it, gzexplorer refuses it too. The starting
packs (minimal, built-in, typed, and CRLF and tab-delimited copies) pass both.

No pack here makes frictionless reach the network (no URL paths or profiles).
"""

from __future__ import annotations

import hashlib
import json
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from frictionless import validate as frictionless_validate
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from gzexplorer.model import DataPackError, loader
from packtools import (
    BOM,
    BUILTIN,
    DESCRIPTOR,
    MINIMAL,
    PACKS,
    TABLES,
    VALID_PACKS,
    Change,
    add_field,
    all_of,
    copy_pack,
    csv_file,
    descriptor_edit,
    field_of,
    lay_overlay,
    line_endings,
    load_descriptor,
    read_rows,
    redelimit,
    render_rows,
    replace_bytes,
    replace_first,
    resource,
    save_descriptor,
    set_field,
    set_resource,
    tab_delimited,
    write_rows,
)

# "typed": the minimal pack with one more table, "sample", with a field of every type
# gzexplorer reads and no profile of gzexplorer's on top: its cells are read by the
# Table Schema rules alone.
SAMPLE = {
    "name": "sample",
    "path": "sample.csv",
    "profile": "tabular-data-resource",
    "format": "csv",
    "mediatype": "text/csv",
    "encoding": "utf-8",
    "schema": {
        "fields": [
            {"name": "name", "type": "string", "constraints": {"required": True}},
            {"name": "count", "type": "integer"},
            {"name": "share", "type": "number"},
            {"name": "flag", "type": "boolean"},
            {"name": "year", "type": "year"},
            {"name": "day", "type": "date"},
            {"name": "codes", "type": "list", "itemType": "integer", "delimiter": ";"},
            {"name": "shares", "type": "list", "itemType": "number"},
            {"name": "flags", "type": "list", "itemType": "boolean", "delimiter": ";"},
            {"name": "anything", "type": "any"},
        ],
        "primaryKey": ["name"],
    },
}
SAMPLE_CSV = (
    "name,count,share,flag,year,day,codes,shares,flags,anything\n"
    'alpha,1,1.5,true,2012,2012-01-31,1;2,"1.5,2",true;false,x\n'
    "beta,-2,0,false,1999,2020-02-29,3,0,false,\n"
)
BASES = {"minimal": MINIMAL, "builtin": BUILTIN, "typed": MINIMAL}

pytestmark = pytest.mark.slow  # the corpus: some 470 packs through both validators, ~40 s


# -- the two validators -------------------------------------------------------------------


@dataclass(frozen=True)
class Verdict:
    refused: bool
    lines: tuple[str, ...]

    def show(self, limit: int = 12) -> str:
        if not self.lines:
            return "    (nothing)"
        shown = [f"    {line}" for line in self.lines[:limit]]
        if len(self.lines) > limit:
            shown.append(f"    ... {len(self.lines) - limit} more")
        return "\n".join(shown)


def frictionless_verdict(pack: Path) -> Verdict:
    """What ``frictionless validate <pack>/datapackage.json`` says."""
    try:
        report = frictionless_validate(str(pack / DESCRIPTOR))
    except Exception as exc:
        # The CLI catches any exception, prints it and exits with code 1 (tried with
        # frictionless 5.21: a "unique" list field raises "unhashable type: 'list'",
        # a "minimum" of "soon" a TypeError): the pack is refused.
        return Verdict(True, (f"exception {type(exc).__name__}: {exc}",))
    lines = [f"{e.type}: {e.message}" for e in report.errors]
    lines += [f"{task.name}: {e.type}: {e.message}" for task in report.tasks for e in task.errors]
    return Verdict(not report.valid, tuple(lines))


def gzexplorer_verdict(pack: Path) -> Verdict:
    """What ``gzexplorer validate <pack>`` says: refused when there are errors; the
    warnings are shown but do not refuse."""
    try:
        report = loader.validate(pack)
    except DataPackError as exc:  # the descriptor itself cannot be read
        return Verdict(True, tuple(str(p) for p in exc.problems))
    lines = tuple(str(p) for p in report.errors + report.warnings)
    return Verdict(bool(report.errors), lines)


def assert_gzexplorer_refuses_what_frictionless_refuses(pack: Path, what: str) -> None:
    friction = frictionless_verdict(pack)
    if not friction.refused:
        return
    gz = gzexplorer_verdict(pack)
    assert gz.refused, (
        f"{what}: frictionless refuses the pack but gzexplorer accepts it\n"
        f"  frictionless:\n{friction.show()}\n"
        f"  gzexplorer:\n{gz.show()}"
    )


def assert_both_accept(pack: Path, what: str) -> None:
    friction = frictionless_verdict(pack)
    gz = gzexplorer_verdict(pack)
    assert not friction.refused and not gz.refused, (
        f"{what}: expected both to accept\n"
        f"  frictionless:\n{friction.show()}\n"
        f"  gzexplorer:\n{gz.show()}"
    )


# -- building packs -----------------------------------------------------------------------


def starting_pack(base: str, into: Path) -> Path:
    """A private copy of a starting pack (a key of BASES) in ``into``."""
    pack = copy_pack(into, BASES[base])
    if base == "typed":
        (pack / SAMPLE["path"]).write_text(SAMPLE_CSV, encoding="utf-8")
        descriptor = load_descriptor(pack)
        descriptor["resources"].append(json.loads(json.dumps(SAMPLE)))
        save_descriptor(pack, descriptor)
    return pack


@contextmanager
def temporary_copy(base: str) -> Iterator[Path]:
    """A private copy of a starting pack, for hypothesis examples (no tmp_path there)."""
    with tempfile.TemporaryDirectory(prefix="gz-agreement-") as folder:
        yield starting_pack(base, Path(folder))


def column(pack: Path, name: str, field: str) -> list[str]:
    rows = read_rows(pack, name)
    i = rows[0].index(field)
    return [r[i] for r in rows[1:]]


# -- mutations: each changes a pack folder in place ---------------------------------------


def set_package(**props: Any) -> Change:
    return descriptor_edit(lambda d: d.update(props))


def foreign_key(fields: str | list[str], resource: str, reference: str | list[str]) -> list:
    """A schema's foreignKeys with one key."""
    return [{"fields": fields, "reference": {"resource": resource, "fields": reference}}]


def set_schema(name: str, /, **props: Any) -> Change:
    return descriptor_edit(lambda d: resource(d, name)["schema"].update(props))


def constrain(name: str, field: str, /, **constraints: Any) -> Change:
    return descriptor_edit(
        lambda d: field_of(d, name, field).setdefault("constraints", {}).update(constraints)
    )


def add_resource(res: dict, files: dict[str, bytes] | None = None) -> Change:
    def change(pack: Path) -> None:
        for file, data in (files or {}).items():
            (pack / file).write_bytes(data)
        descriptor_edit(lambda d: d["resources"].append(res))(pack)

    return change


def rows_edit(name: str, edit: Callable[[list[list[str]]], None]) -> Change:
    def change(pack: Path) -> None:
        rows = read_rows(pack, name)
        edit(rows)
        write_rows(pack, name, rows)

    return change


def set_cell(name: str, row: int, field: str, value: str) -> Change:
    """Record ``row`` (1 = the first record after the header) of ``field`` set to ``value``."""

    def edit(rows: list[list[str]]) -> None:
        rows[row][rows[0].index(field)] = value

    return rows_edit(name, edit)


def set_label(name: str, field: str, label: str) -> Change:
    def edit(rows: list[list[str]]) -> None:
        rows[0][rows[0].index(field)] = label

    return rows_edit(name, edit)


def swap_columns(name: str, a: str, b: str) -> Change:
    def edit(rows: list[list[str]]) -> None:
        i, j = rows[0].index(a), rows[0].index(b)
        for r in rows:
            r[i], r[j] = r[j], r[i]

    return rows_edit(name, edit)


def drop_column(name: str, field: str) -> Change:
    def edit(rows: list[list[str]]) -> None:
        i = rows[0].index(field)
        for r in rows:
            del r[i]

    return rows_edit(name, edit)


def add_column(name: str, label: str, value: str) -> Change:
    def edit(rows: list[list[str]]) -> None:
        rows[0].append(label)
        for r in rows[1:]:
            r.append(value)

    return rows_edit(name, edit)


def declare_field_the_csv_lacks(name: str, field: str) -> Change:
    """A declared field without its column: declared at the end if the schema lacks it,
    else its column removed from the CSV (the built-in pack has name_zh)."""

    def change(pack: Path) -> None:
        fields = resource(load_descriptor(pack), name)["schema"]["fields"]
        if any(f["name"] == field for f in fields):
            drop_column(name, field)(pack)
        else:
            add_field(name, {"name": field, "type": "string"})(pack)

    return change


def bytes_edit(name: str, edit: Callable[[bytes], bytes]) -> Change:
    def change(pack: Path) -> None:
        path = csv_file(pack, name)
        path.write_bytes(edit(path.read_bytes()))

    return change


def every_csv(edit: Callable[[bytes], bytes]) -> Change:
    return all_of(*(bytes_edit(name, edit) for name in TABLES))


def insert_after_line(n: int, line: bytes) -> Callable[[bytes], bytes]:
    """``line`` inserted after physical line ``n`` (a file without quoted line breaks)."""

    def edit(data: bytes) -> bytes:
        lines = data.split(b"\n")
        return b"\n".join(lines[:n] + [line] + lines[n:])

    return edit


def requote(name: str, quote: str) -> Change:
    def change(pack: Path) -> None:
        rows = read_rows(pack, name)
        csv_file(pack, name).write_text(render_rows(rows, ",", quote), encoding="utf-8")
        set_resource(name, dialect={"quoteChar": quote})(pack)

    return change


def reencode(name: str, encoding: str, declare: str | None) -> Change:
    """The table saved in ``encoding`` (with a non-ASCII letter in it), declared as
    ``declare`` (None: left as the descriptor says)."""

    def change(pack: Path) -> None:
        set_cell(name, 1, "description", "Café of Testland, naïve widgets")(pack)
        path = csv_file(pack, name)
        path.write_bytes(path.read_text(encoding="utf-8").encode(encoding))
        if declare is not None:
            set_resource(name, encoding=declare)(pack)

    return change


def integrity(name: str, declare: Callable[[bytes], dict]) -> Change:
    """Declare ``bytes``/``hash`` of the resource's file, computed from its contents."""

    def change(pack: Path) -> None:
        d = load_descriptor(pack)
        data = (pack / resource(d, name)["path"]).read_bytes()
        set_resource(name, **declare(data))(pack)

    return change


def digest(algorithm: str, data: bytes) -> str:
    return hashlib.new(algorithm, data).hexdigest()


def _number(text: str) -> int | float:
    value = float(text)
    return int(value) if value.is_integer() else value


def bound_from_data(name: str, field: str, constraint: str, pick: str, offset: float) -> Change:
    """Constraint set to the smallest/largest value of the column plus ``offset``."""

    def change(pack: Path) -> None:
        values = [_number(v) for v in column(pack, name, field) if v.strip()]
        bound = (min if pick == "min" else max)(values) + offset
        constrain(name, field, **{constraint: _number(str(bound))})(pack)

    return change


def enum_from_data(
    name: str, field: str, drop_first: bool = False, as_text: bool = False
) -> Change:
    """An enum of the column's values (minus the first record's: then the data breaks it)."""

    def change(pack: Path) -> None:
        values = [v for v in column(pack, name, field) if v != ""]
        if drop_first:
            values = [v for v in values if v != values[0]]
        d = load_descriptor(pack)
        kind = field_of(d, name, field).get("type", "string")
        if kind in ("integer", "number") and not as_text:
            values = [_number(v) for v in values]
        constrain(name, field, enum=list(dict.fromkeys(values)) or ["nothing"])(pack)

    return change


def rename_resource(old: str, new: str) -> Change:
    def edit(d: dict) -> None:
        resource(d, old)["name"] = new
        extra = d.get("gzexplorer")
        if isinstance(extra, dict) and extra.get("document") == old:
            extra["document"] = new

    return descriptor_edit(edit)


def duplicate_resource(name: str) -> Change:
    return descriptor_edit(
        lambda d: d["resources"].append(json.loads(json.dumps(resource(d, name))))
    )


# -- the hand-written mutations ------------------------------------------------------------


BOTH = ("minimal", "builtin")
MIN = ("minimal",)
TYPED = ("typed",)


@dataclass(frozen=True)
class Mutation:
    id: str
    change: Change
    # the built-in pack too where its data (more rows, quoted text, name_zh columns)
    # can change the outcome
    bases: tuple[str, ...] = MIN


MUTATIONS = [
    # -- field types ------------------------------------------------------------------------
    Mutation("type-order-number", set_field("themes", "order", type="number"), BOTH),
    Mutation("type-order-string", set_field("themes", "order", type="string"), BOTH),
    Mutation("type-order-boolean", set_field("themes", "order", type="boolean"), BOTH),
    Mutation("type-order-year", set_field("themes", "order", type="year"), BOTH),
    Mutation("type-order-date", set_field("themes", "order", type="date"), BOTH),
    Mutation("type-name-integer", set_field("themes", "name", type="integer"), BOTH),
    Mutation("type-id-number", set_field("themes", "id", type="number"), BOTH),
    Mutation("type-value-integer", set_field("observations", "value", type="integer"), BOTH),
    Mutation("type-value-boolean", set_field("observations", "value", type="boolean"), BOTH),
    Mutation("type-value-year", set_field("observations", "value", type="year"), BOTH),
    Mutation("type-year-year", set_field("observations", "year", type="year"), BOTH),
    Mutation("type-year-number", set_field("observations", "year", type="number"), BOTH),
    Mutation("type-year-date", set_field("milestones", "year", type="date"), BOTH),
    Mutation("type-year-string", set_field("milestones", "year", type="string"), BOTH),
    Mutation("type-headline-string", set_field("figures", "headline", type="string"), BOTH),
    Mutation("type-headline-integer", set_field("figures", "headline", type="integer"), BOTH),
    Mutation("type-figure-value-integer", set_field("figures", "value", type="integer"), BOTH),
    Mutation("type-figure-year-year", set_field("figures", "year", type="year"), BOTH),
    Mutation("type-unknown", set_field("themes", "icon", type="colour")),
    Mutation("type-datetime", set_field("themes", "icon", type="datetime"), BOTH),
    Mutation("type-any", set_field("themes", "description", type="any")),
    Mutation("type-object", set_field("themes", "name", type="object")),
    Mutation("type-list-to-string", set_field("excerpts", "themes", type="string"), BOTH),
    Mutation("list-item-integer", set_field("excerpts", "themes", itemType="integer"), BOTH),
    Mutation("list-delimiter-comma", set_field("excerpts", "themes", delimiter=","), BOTH),
    Mutation("format-email", set_field("themes", "name", format="email")),
    Mutation("format-uri", set_field("themes", "name", format="uri")),
    Mutation("format-date-pattern", set_field("milestones", "year", type="date", format="%Y")),
    Mutation("decimal-char-comma", set_field("figures", "value", decimalChar=","), BOTH),
    Mutation(
        "decimal-char-comma-with-comma-cell",
        all_of(
            set_field("figures", "value", decimalChar=","),
            set_cell("figures", 1, "value", "12,5"),
        ),
    ),
    Mutation(
        "decimal-char-comma-with-dot-cell",
        all_of(
            set_field("figures", "value", decimalChar=","),
            set_cell("figures", 1, "value", "12.5"),
        ),
    ),
    Mutation(
        "group-char-with-grouped-cell",
        all_of(
            set_field("figures", "value", groupChar=" "),
            set_cell("figures", 1, "value", "1 000"),
        ),
    ),
    Mutation("bare-number-false", set_field("figures", "value", bareNumber=False)),
    Mutation(
        "bare-number-false-with-percent",
        all_of(
            set_field("figures", "value", bareNumber=False),
            set_cell("figures", 1, "value", "40%"),
        ),
    ),
    Mutation("field-required-outside-constraints", set_field("themes", "icon", required=True)),
    Mutation("field-example-invalid", set_field("themes", "order", example="first")),
    Mutation("field-example-valid", set_field("themes", "order", example="3")),
    Mutation("field-description-not-text", set_field("themes", "order", description=12)),
    Mutation("field-title-not-text", set_field("themes", "order", title=["Order"])),
    Mutation("field-name-empty", set_field("themes", "icon", name="")),
    Mutation("field-name-duplicated", set_field("themes", "icon", name="name")),
    Mutation("field-type-not-text", set_field("themes", "icon", type=5)),
    Mutation(
        "field-without-name",
        descriptor_edit(lambda d: resource(d, "themes")["schema"]["fields"].append({})),
    ),
    # -- header labels ----------------------------------------------------------------------
    Mutation("label-renamed", set_label("themes", "icon", "icons")),
    Mutation("label-upper-case", set_label("themes", "id", "ID")),
    Mutation("label-spaces-around", set_label("themes", "icon", " icon ")),
    Mutation("label-empty", set_label("themes", "icon", "")),
    Mutation("label-duplicated", set_label("themes", "icon", "name")),
    Mutation("label-nul", set_label("themes", "icon", "ic\x00on")),
    Mutation("label-bom-inside", set_label("themes", "name", "\ufeffname")),
    Mutation("columns-reordered", swap_columns("themes", "name", "description")),
    Mutation("columns-reordered-same-type", swap_columns("figures", "label", "unit"), BOTH),
    Mutation("column-extra", add_column("themes", "extra", "x")),
    Mutation("column-extra-empty-label", add_column("themes", "", "")),
    Mutation("column-missing", drop_column("themes", "description")),
    Mutation("column-missing-last", drop_column("figures", "excerpt_ids")),
    Mutation("declared-field-not-in-csv", declare_field_the_csv_lacks("themes", "name_zh"), BOTH),
    Mutation(
        "extra-column-declared",
        all_of(
            add_column("themes", "extra_zh", "x"),
            descriptor_edit(
                lambda d: resource(d, "themes")["schema"]["fields"].append({"name": "extra_zh"})
            ),
        ),
    ),
    Mutation("header-only", rows_edit("milestones", lambda rows: rows.__delitem__(slice(1, None)))),
    Mutation("header-missing", rows_edit("themes", lambda rows: rows.pop(0))),
    Mutation("header-repeated-as-record", rows_edit("themes", lambda rows: rows.append(rows[0]))),
    # -- constraints ------------------------------------------------------------------------
    Mutation("minimum-broken", bound_from_data("observations", "year", "minimum", "min", 1), BOTH),
    Mutation("minimum-kept", bound_from_data("observations", "year", "minimum", "min", 0), BOTH),
    Mutation("maximum-broken", bound_from_data("figures", "value", "maximum", "max", -1), BOTH),
    Mutation("maximum-kept", bound_from_data("figures", "value", "maximum", "max", 0), BOTH),
    Mutation("maximum-fraction", bound_from_data("figures", "value", "maximum", "max", -0.1), BOTH),
    Mutation(
        "exclusive-minimum-broken",
        bound_from_data("observations", "year", "exclusiveMinimum", "min", 0),
        BOTH,
    ),
    Mutation(
        "exclusive-maximum-kept",
        bound_from_data("observations", "year", "exclusiveMaximum", "max", 1),
    ),
    Mutation("minimum-as-text-broken", constrain("observations", "year", minimum="3000")),
    Mutation("minimum-as-text-kept", constrain("observations", "year", minimum="1000")),
    Mutation("minimum-not-a-number", constrain("observations", "year", minimum="soon")),
    Mutation("minimum-on-string", constrain("themes", "name", minimum="Zebra")),
    Mutation("maximum-on-list", constrain("excerpts", "themes", maximum=1)),
    Mutation(
        "maximum-tenth-with-tenth-cell",
        all_of(
            set_cell("figures", 1, "value", "0.1"),
            bound_from_data("figures", "value", "minimum", "min", 0),
            constrain("figures", "value", maximum=1e9),
        ),
    ),
    Mutation("enum-kept", enum_from_data("themes", "id"), BOTH),
    Mutation("enum-broken", enum_from_data("themes", "id", drop_first=True), BOTH),
    Mutation("enum-integer-kept", enum_from_data("observations", "year"), BOTH),
    Mutation("enum-integer-as-text", enum_from_data("observations", "year", as_text=True), BOTH),
    Mutation("enum-integer-broken", enum_from_data("observations", "year", drop_first=True), BOTH),
    Mutation("enum-number-kept", enum_from_data("figures", "value"), BOTH),
    Mutation("enum-number-broken", enum_from_data("figures", "value", drop_first=True), BOTH),
    Mutation("enum-boolean-broken", constrain("figures", "headline", enum=[True])),
    Mutation("enum-on-list", constrain("excerpts", "themes", enum=["industry"])),
    Mutation("enum-empty", constrain("themes", "id", enum=[])),
    Mutation("pattern-broken", constrain("themes", "name", pattern="[a-z]+"), BOTH),
    Mutation("pattern-prefix-only", constrain("themes", "id", pattern="[a-z]")),
    Mutation("pattern-kept", constrain("themes", "name", pattern="[\\s\\S]*"), BOTH),
    Mutation("pattern-invalid-regex", constrain("themes", "name", pattern="[")),
    Mutation("pattern-on-integer", constrain("themes", "order", pattern="[0-9]+")),
    Mutation("pattern-on-list", constrain("excerpts", "themes", pattern="[a-z;]+")),
    Mutation("min-length-broken", constrain("themes", "name", minLength=100), BOTH),
    Mutation("min-length-kept", constrain("themes", "name", minLength=1)),
    Mutation("max-length-broken", constrain("themes", "name", maxLength=3), BOTH),
    Mutation("max-length-kept", constrain("themes", "name", maxLength=10000)),
    Mutation("max-length-on-integer", constrain("themes", "order", maxLength=5)),
    Mutation("max-length-list-broken", constrain("excerpts", "themes", maxLength=1), BOTH),
    Mutation("min-length-list-broken", constrain("excerpts", "themes", minLength=3), BOTH),
    Mutation("min-length-negative", constrain("themes", "name", minLength=-1)),
    Mutation("unique-broken", constrain("observations", "indicator_id", unique=True), BOTH),
    Mutation("unique-kept", constrain("themes", "name", unique=True), BOTH),
    Mutation("unique-integer", constrain("observations", "year", unique=True), BOTH),
    Mutation("unique-number", constrain("figures", "value", unique=True), BOTH),
    Mutation("unique-on-list", constrain("excerpts", "themes", unique=True)),
    Mutation("required-broken", constrain("themes", "icon", required=True), BOTH),
    Mutation("required-figure-year", constrain("figures", "year", required=True), BOTH),
    Mutation("required-figure-note", constrain("figures", "note", required=True), BOTH),
    Mutation("required-list", constrain("excerpts", "themes", required=True), BOTH),
    Mutation("required-boolean", constrain("figures", "headline", required=True), BOTH),
    Mutation("required-not-boolean", constrain("themes", "name", required="yes")),
    Mutation("constraint-unknown", constrain("themes", "name", sortable=True)),
    Mutation("constraints-not-object", set_field("themes", "name", constraints=["required"])),
    # -- missing values ---------------------------------------------------------------------
    Mutation("missing-values-dash", set_schema("observations", missingValues=["", "-"]), BOTH),
    Mutation("missing-values-without-empty", set_schema("observations", missingValues=["-"]), BOTH),
    Mutation("missing-values-none", set_schema("figures", missingValues=[]), BOTH),
    Mutation("missing-values-none-themes", set_schema("themes", missingValues=[]), BOTH),
    Mutation(
        "missing-values-na-in-required",
        all_of(
            set_schema("themes", missingValues=["", "NA"]),
            set_cell("themes", 1, "name", "NA"),
        ),
    ),
    Mutation("missing-values-a-name", set_schema("themes", missingValues=["", "Industry"])),
    Mutation("missing-values-an-id", set_schema("indicators", missingValues=["widget_growth"])),
    Mutation("missing-values-object-form", set_schema("themes", missingValues=[{"value": ""}])),
    Mutation("missing-values-not-a-list", set_schema("themes", missingValues="")),
    Mutation(
        "field-missing-values-dash",
        all_of(
            set_field("observations", "value", missingValues=["", "-"]),
            set_cell("observations", 2, "value", "-"),
        ),
    ),
    Mutation(
        "field-missing-values-in-required",
        all_of(
            set_field("figures", "value", missingValues=["", "n/a"]),
            set_cell("figures", 1, "value", "n/a"),
        ),
    ),
    Mutation("field-missing-values-none", set_field("figures", "year", missingValues=[])),
    # -- booleans ---------------------------------------------------------------------------
    Mutation(
        "true-values-yes-only",
        set_field("figures", "headline", trueValues=["yes"], falseValues=["no"]),
        BOTH,
    ),
    Mutation(
        "true-values-yes-with-yes-cells",
        all_of(
            set_field("figures", "headline", trueValues=["yes"], falseValues=["no"]),
            rows_edit(
                "figures",
                lambda rows: [
                    r.__setitem__(
                        rows[0].index("headline"),
                        {"true": "yes", "false": "no"}.get(r[rows[0].index("headline")], ""),
                    )
                    for r in rows[1:]
                ],
            ),
        ),
        BOTH,
    ),
    Mutation("boolean-cell-yes", set_cell("figures", 1, "headline", "yes")),
    Mutation("boolean-cell-upper", set_cell("figures", 1, "headline", "TRUE")),
    Mutation("boolean-cell-one", set_cell("figures", 1, "headline", "1")),
    Mutation("boolean-cell-space", set_cell("figures", 1, "headline", " true")),
    Mutation("true-values-not-a-list", set_field("figures", "headline", trueValues="yes")),
    # -- keys -------------------------------------------------------------------------------
    Mutation("primary-key-unknown-field", set_schema("themes", primaryKey=["nope"])),
    Mutation("primary-key-duplicated", set_schema("observations", primaryKey=["status"]), BOTH),
    Mutation("primary-key-as-text", set_schema("themes", primaryKey="name")),
    Mutation("primary-key-removed", set_schema("themes", primaryKey=[])),
    Mutation("primary-key-empty-cell", set_schema("figures", primaryKey=["note"]), BOTH),
    Mutation("primary-key-on-list", set_schema("excerpts", primaryKey=["themes"])),
    Mutation(
        "foreign-key-unknown-resource",
        set_schema(
            "observations",
            foreignKeys=foreign_key("indicator_id", "nowhere", "id"),
        ),
    ),
    Mutation(
        "foreign-key-unknown-field",
        set_schema(
            "observations",
            foreignKeys=foreign_key("indicator_id", "indicators", "nope"),
        ),
    ),
    Mutation(
        "foreign-key-wrong-field",
        set_schema(
            "observations",
            foreignKeys=foreign_key("indicator_id", "indicators", "name"),
        ),
    ),
    Mutation(
        "foreign-key-count-mismatch",
        set_schema(
            "observations",
            foreignKeys=foreign_key(["indicator_id", "year"], "indicators", "id"),
        ),
    ),
    Mutation(
        "foreign-key-broken",
        set_schema(
            "milestones",
            foreignKeys=foreign_key("id", "themes", "id"),
        ),
        BOTH,
    ),
    Mutation(
        "foreign-key-self",
        set_schema("figures", foreignKeys=foreign_key("id", "", "id")),
    ),
    Mutation(
        "foreign-key-self-broken",
        set_schema(
            "figures",
            foreignKeys=foreign_key("unit", "", "id"),
        ),
        BOTH,
    ),
    Mutation(
        "foreign-key-list-field",
        set_schema(
            "figures",
            foreignKeys=foreign_key("themes", "themes", "id"),
        ),
        BOTH,
    ),
    Mutation(
        "foreign-key-to-document",
        set_schema(
            "observations",
            foreignKeys=foreign_key("indicator_id", "document", "id"),
        ),
    ),
    Mutation(
        "foreign-key-not-a-list",
        set_schema(
            "observations",
            foreignKeys={
                "fields": "indicator_id",
                "reference": {"resource": "indicators", "fields": "id"},
            },
        ),
    ),
    Mutation(
        "foreign-key-without-reference",
        set_schema("observations", foreignKeys=[{"fields": "indicator_id"}]),
    ),
    Mutation(
        "foreign-key-integer-to-string",
        set_schema(
            "milestones",
            foreignKeys=foreign_key("year", "observations", "year"),
        ),
    ),
    # -- dialects ---------------------------------------------------------------------------
    Mutation(
        "dialect-semicolon-on-comma-file", set_resource("themes", dialect={"delimiter": ";"}), BOTH
    ),
    Mutation("dialect-tab-on-comma-file", set_resource("themes", dialect={"delimiter": "\t"})),
    Mutation("dialect-tab", redelimit("themes", "\t"), BOTH),
    Mutation("dialect-pipe", redelimit("excerpts", "|"), BOTH),
    Mutation("dialect-semicolon", redelimit("figures", ";"), BOTH),
    Mutation("dialect-quote-char", requote("excerpts", "'"), BOTH),
    Mutation("dialect-header-false", set_resource("themes", dialect={"header": False}), BOTH),
    Mutation(
        "dialect-double-quote-false",
        set_resource("observations", dialect={"doubleQuote": False}),
        BOTH,
    ),
    Mutation(
        "dialect-skip-initial-space", set_resource("themes", dialect={"skipInitialSpace": True})
    ),
    Mutation("dialect-comment-char", set_resource("themes", dialect={"commentChar": "#"})),
    Mutation(
        "dialect-comment-line",
        all_of(
            set_resource("themes", dialect={"commentChar": "#"}),
            bytes_edit("themes", insert_after_line(1, b"# a comment")),
        ),
    ),
    Mutation("dialect-not-object", set_resource("themes", dialect="comma")),
    Mutation("dialect-delimiter-two-chars", set_resource("themes", dialect={"delimiter": ";;"})),
    Mutation(
        "wrong-delimiter-declared",
        all_of(
            lambda p: lay_overlay(p, "wrong-delimiter"),
            set_resource("themes", dialect={"delimiter": ";"}),
        ),
        MIN,
    ),
    Mutation("format-tsv-on-comma-file", set_resource("themes", format="tsv")),
    # -- bytes and hashes -------------------------------------------------------------------
    Mutation("bytes-wrong", integrity("themes", lambda b: {"bytes": len(b) + 1})),
    Mutation("bytes-right", integrity("themes", lambda b: {"bytes": len(b)})),
    Mutation("bytes-as-text", integrity("themes", lambda b: {"bytes": str(len(b))})),
    Mutation("bytes-negative", set_resource("themes", bytes=-1)),
    Mutation("hash-md5-wrong", integrity("themes", lambda b: {"hash": digest("md5", b + b"x")})),
    Mutation("hash-md5-right", integrity("themes", lambda b: {"hash": digest("md5", b)})),
    Mutation(
        "hash-md5-upper-case", integrity("themes", lambda b: {"hash": digest("md5", b).upper()})
    ),
    Mutation(
        "hash-md5-prefixed", integrity("themes", lambda b: {"hash": "md5:" + digest("md5", b)})
    ),
    Mutation(
        "hash-sha1-right", integrity("themes", lambda b: {"hash": "sha1:" + digest("sha1", b)})
    ),
    Mutation(
        "hash-sha256-right",
        integrity("themes", lambda b: {"hash": "sha256:" + digest("sha256", b)}),
    ),
    Mutation(
        "hash-sha256-wrong",
        integrity("themes", lambda b: {"hash": "sha256:" + digest("sha256", b + b"x")}),
    ),
    Mutation(
        "hash-sha512-right",
        integrity("themes", lambda b: {"hash": "sha512:" + digest("sha512", b)}),
    ),
    Mutation("hash-unknown-algorithm", set_resource("themes", hash="crc32:0badf00d")),
    Mutation("hash-not-hex", set_resource("themes", hash="not a hash")),
    Mutation("hash-empty", set_resource("themes", hash="")),
    Mutation("document-bytes-wrong", integrity("document", lambda b: {"bytes": len(b) - 1})),
    Mutation(
        "document-hash-wrong", integrity("document", lambda b: {"hash": digest("md5", b[1:])})
    ),
    # -- names ------------------------------------------------------------------------------
    Mutation("resource-name-capitals", rename_resource("milestones", "Milestones")),
    Mutation("document-name-capitals", rename_resource("document", "Document")),
    Mutation("resource-name-space", rename_resource("document", "the document")),
    Mutation("resource-name-duplicated", duplicate_resource("milestones")),
    Mutation("resource-name-duplicated-document", duplicate_resource("document")),
    Mutation(
        "resource-name-missing", descriptor_edit(lambda d: resource(d, "document").pop("name"))
    ),
    Mutation("package-name-capitals", set_package(name="Testland")),
    Mutation("package-name-number", set_package(name=5)),
    # -- records, control characters, line endings ------------------------------------------
    Mutation("cell-nul", set_cell("themes", 1, "description", "Widget\x00 factories")),
    Mutation("cell-bell", set_cell("themes", 1, "description", "Widget\x07 factories")),
    Mutation("cell-quoted-newline", set_cell("themes", 1, "description", "two\nlines")),
    Mutation("cell-quoted-cr", set_cell("themes", 1, "description", "two\rlines")),
    Mutation("cell-quoted-delimiter", set_cell("themes", 1, "name", "Industry, Inc.")),
    Mutation("cell-spaces-in-number", set_cell("observations", 2, "value", " ")),
    Mutation("cell-spaces-in-integer", set_cell("themes", 1, "order", " 1 ")),
    Mutation("cell-spaces-in-required", set_cell("themes", 1, "name", " ")),
    Mutation("cell-nan-not-reported", set_cell("observations", 2, "value", "NaN")),
    Mutation("cell-inf-not-reported", set_cell("observations", 2, "value", "inf")),
    Mutation("cell-underscore-number", set_cell("figures", 1, "value", "1_000")),
    Mutation("cell-long-integer", set_cell("themes", 1, "order", "9" * 40)),
    Mutation("cell-plus-year", set_cell("milestones", 1, "year", "+201")),
    Mutation("row-short", rows_edit("themes", lambda rows: rows[1].pop())),
    Mutation("row-long", rows_edit("themes", lambda rows: rows[1].append("x"))),
    Mutation("row-long-empty-cell", rows_edit("themes", lambda rows: rows[1].append(""))),
    Mutation("row-blank-middle", bytes_edit("themes", insert_after_line(2, b""))),
    Mutation("row-delimiters-only", bytes_edit("themes", insert_after_line(2, b",,,,"))),
    Mutation("row-blank-at-end", bytes_edit("milestones", lambda b: b + b"\n")),
    Mutation("row-spaces-only", bytes_edit("themes", insert_after_line(2, b"   "))),
    Mutation("no-final-newline", bytes_edit("themes", lambda b: b.rstrip(b"\n"))),
    Mutation("quote-left-open", bytes_edit("themes", lambda b: b.rstrip(b"\n") + b',"\n')),
    Mutation("bom-every-csv", every_csv(lambda b: BOM + b), BOTH),
    Mutation("bom-descriptor", replace_bytes(DESCRIPTOR, b"{", BOM + b"{")),
    Mutation("bom-twice", bytes_edit("themes", lambda b: BOM + BOM + b)),
    Mutation("crlf-every-csv", line_endings(b"\r\n"), BOTH),
    Mutation("cr-every-csv", line_endings(b"\r"), BOTH),
    Mutation("mixed-line-endings", bytes_edit("themes", replace_first(b"\n", b"\r\n"))),
    # -- encodings --------------------------------------------------------------------------
    Mutation("latin1-declared", reencode("themes", "latin-1", "latin-1"), MIN),
    Mutation("latin1-declared-utf8", reencode("themes", "latin-1", None), MIN),
    Mutation("utf16-declared", reencode("themes", "utf-16", "utf-16"), BOTH),
    Mutation("utf8-declared-utf16", set_resource("themes", encoding="utf-16")),
    Mutation("encoding-upper-case", set_resource("themes", encoding="UTF-8")),
    Mutation("encoding-unknown", set_resource("themes", encoding="klingon")),
    Mutation("encoding-not-text", set_resource("themes", encoding=8)),
    Mutation(
        "document-not-utf8",
        lambda p: (p / resource(load_descriptor(p), "document")["path"]).write_bytes(b"caf\xe9\n"),
    ),
    Mutation("descriptor-not-utf8", replace_bytes(DESCRIPTOR, b'"title"', b'"t\xeftle"')),
    # -- descriptor metadata ----------------------------------------------------------------
    Mutation("licenses-without-name-or-path", set_package(licenses=[{"title": "Some licence"}])),
    Mutation("licenses-not-a-list", set_package(licenses="CC0-1.0")),
    Mutation("sources-without-title", set_package(sources=[{"path": "x.txt"}])),
    Mutation("contributors-without-title", set_package(contributors=[{"role": "author"}])),
    Mutation("keywords-not-a-list", set_package(keywords="widgets")),
    Mutation("homepage-not-a-url", set_package(homepage="not a url")),
    Mutation("created-not-a-date", set_package(created="yesterday")),
    Mutation("version-a-number", set_package(version=1)),
    Mutation("title-not-text", set_package(title=["Testland"])),
    Mutation("description-not-text", set_package(description={"en": "Testland"})),
    Mutation("package-profile-tabular", set_package(profile="tabular-data-package")),
    Mutation("package-profile-unknown", set_package(profile="my-own-profile")),
    Mutation(
        "package-schema-v2",
        set_package(**{"$schema": "https://datapackage.org/profiles/2.0/datapackage.json"}),
    ),
    Mutation(
        "resource-profile-tabular-document",
        set_resource("document", profile="tabular-data-resource"),
    ),
    Mutation("resource-profile-unknown", set_resource("themes", profile="my-resource")),
    Mutation("resource-mediatype-invalid", set_resource("themes", mediatype="csv")),
    Mutation("resource-format-json", set_resource("themes", format="json")),
    Mutation("resource-title-not-text", set_resource("themes", title=5)),
    Mutation("resource-sources-not-a-list", set_resource("themes", sources="Testland")),
    Mutation("resource-licenses-invalid", set_resource("themes", licenses=[{"title": "x"}])),
    Mutation("resource-path-list", set_resource("themes", path=["themes.csv"])),
    Mutation(
        "resource-path-dot-slash",
        lambda p: set_resource(
            "themes", path="./" + resource(load_descriptor(p), "themes")["path"]
        )(p),
    ),
    Mutation(
        "resource-path-absolute",
        lambda p: set_resource("themes", path=str(csv_file(p, "themes")))(p),
    ),
    Mutation("resource-path-parent", set_resource("themes", path="../themes.csv")),
    Mutation("resource-path-missing-file", set_resource("document", path="nowhere.txt")),
    Mutation("resource-data-inline", set_resource("themes", data=[["id"], ["x"]])),
    Mutation("resource-schema-path", set_resource("themes", schema="themes.schema.json")),
    Mutation("schema-fields-empty", set_schema("themes", fields=[])),
    Mutation("schema-unknown-property", set_schema("themes", sortable=True)),
    Mutation(
        "extra-table-with-bad-cell",
        add_resource(
            {
                "name": "extra",
                "path": "extra.csv",
                "schema": {"fields": [{"name": "n", "type": "integer"}]},
            },
            {"extra.csv": b"n\n1\ntwo\n"},
        ),
    ),
    Mutation(
        "extra-table-without-schema",
        add_resource({"name": "extra", "path": "extra.csv"}, {"extra.csv": b"n\n1\n2\n"}),
    ),
    Mutation(
        "extra-file-bytes-wrong",
        add_resource(
            {"name": "notes", "path": "notes.txt", "format": "txt", "bytes": 999},
            {"notes.txt": b"notes\n"},
        ),
    ),
    Mutation(
        "extra-file-hash-wrong",
        add_resource(
            {"name": "notes", "path": "notes.txt", "format": "txt", "hash": "0" * 32},
            {"notes.txt": b"notes\n"},
        ),
    ),
    Mutation(
        "extra-file-missing",
        add_resource({"name": "notes", "path": "notes.txt", "format": "txt"}),
    ),
    Mutation(
        "extra-json-invalid",
        add_resource({"name": "notes", "path": "notes.json"}, {"notes.json": b"{not json"}),
    ),
    Mutation(
        "extra-file-not-utf8",
        add_resource(
            {"name": "notes", "path": "notes.txt", "format": "txt", "encoding": "utf-8"},
            {"notes.txt": b"caf\xe9\n"},
        ),
    ),
    # -- the sample table: Table Schema types without gzexplorer's profile -----------------
    Mutation("list-integer-empty-item", set_cell("sample", 1, "codes", "1;;2"), TYPED),
    Mutation("list-integer-trailing-delimiter", set_cell("sample", 1, "codes", "1;2;"), TYPED),
    Mutation("list-integer-spaces", set_cell("sample", 1, "codes", "1; 2"), TYPED),
    Mutation("list-integer-bad-item", set_cell("sample", 1, "codes", "1;x"), TYPED),
    Mutation("list-integer-float-item", set_cell("sample", 1, "codes", "1;2.0"), TYPED),
    Mutation("list-boolean-spaces", set_cell("sample", 1, "flags", "true; false"), TYPED),
    Mutation("list-boolean-empty-item", set_cell("sample", 1, "flags", "true;;false"), TYPED),
    Mutation("list-number-spaces", set_cell("sample", 1, "shares", "1.5, 2"), TYPED),
    Mutation("list-number-empty-item", set_cell("sample", 1, "shares", "1.5,,2"), TYPED),
    Mutation(
        "list-max-length-with-empty-item",
        all_of(
            constrain("excerpts", "themes", maxLength=2),
            set_cell("excerpts", 1, "themes", "industry;;heritage"),
        ),
    ),
    Mutation(
        "list-max-length-with-trailing-delimiter",
        all_of(
            constrain("excerpts", "themes", maxLength=2),
            set_cell("excerpts", 1, "themes", "industry;heritage;"),
        ),
    ),
    Mutation(
        "list-sample-max-length-with-empty-item",
        all_of(constrain("sample", "codes", maxLength=2), set_cell("sample", 1, "codes", "1;;2")),
        TYPED,
    ),
    Mutation("date-unpadded", set_cell("sample", 1, "day", "2012-1-5"), TYPED),
    Mutation("date-leading-space", set_cell("sample", 1, "day", " 2012-01-31"), TYPED),
    Mutation("date-trailing-space", set_cell("sample", 1, "day", "2012-01-31 "), TYPED),
    Mutation("date-with-time", set_cell("sample", 1, "day", "2012-01-31T00:00:00"), TYPED),
    Mutation("date-compact", set_cell("sample", 1, "day", "20120131"), TYPED),
    Mutation("date-impossible", set_cell("sample", 1, "day", "2021-02-29"), TYPED),
    Mutation(
        "date-format-custom",
        all_of(
            set_field("sample", "day", format="%d/%m/%Y"),
            set_cell("sample", 1, "day", "31/01/2012"),
            set_cell("sample", 2, "day", "29/02/2020"),
        ),
        TYPED,
    ),
    Mutation("date-format-custom-broken", set_field("sample", "day", format="%d/%m/%Y"), TYPED),
    Mutation("date-minimum-kept", constrain("sample", "day", minimum="2000-01-01"), TYPED),
    Mutation("date-minimum-broken", constrain("sample", "day", minimum="2013-01-01"), TYPED),
    Mutation("date-maximum-not-a-date", constrain("sample", "day", maximum="soon"), TYPED),
    Mutation(
        "date-enum-kept", constrain("sample", "day", enum=["2012-01-31", "2020-02-29"]), TYPED
    ),
    Mutation("year-plus", set_cell("sample", 1, "year", "+201"), TYPED),
    Mutation("year-minus", set_cell("sample", 1, "year", "-201"), TYPED),
    Mutation("year-five-digits", set_cell("sample", 1, "year", "20120"), TYPED),
    Mutation("year-spaces", set_cell("sample", 1, "year", " 2012"), TYPED),
    Mutation("year-minimum-broken", constrain("sample", "year", minimum=2000), TYPED),
    Mutation("year-minimum-as-text", constrain("sample", "year", minimum="2000"), TYPED),
    Mutation("integer-plus", set_cell("sample", 1, "count", "+1"), TYPED),
    Mutation("integer-float", set_cell("sample", 1, "count", "1.0"), TYPED),
    Mutation("integer-exponent", set_cell("sample", 1, "count", "1e3"), TYPED),
    Mutation("integer-underscore", set_cell("sample", 1, "count", "1_000"), TYPED),
    Mutation("integer-huge", set_cell("sample", 1, "count", "9" * 30), TYPED),
    Mutation("integer-arabic-digits", set_cell("sample", 1, "count", "\u0661\u0662"), TYPED),
    Mutation("number-nan", set_cell("sample", 1, "share", "NaN"), TYPED),
    Mutation("number-inf", set_cell("sample", 1, "share", "-inf"), TYPED),
    Mutation("number-huge-exponent", set_cell("sample", 1, "share", "1e400"), TYPED),
    Mutation("number-trailing-dot", set_cell("sample", 1, "share", "1."), TYPED),
    Mutation("number-leading-dot", set_cell("sample", 1, "share", ".5"), TYPED),
    Mutation("number-spaces", set_cell("sample", 1, "share", " 1.5 "), TYPED),
    Mutation("number-hex", set_cell("sample", 1, "share", "0x10"), TYPED),
    Mutation("number-true", set_cell("sample", 1, "share", "true"), TYPED),
    Mutation("number-maximum-tenth", constrain("sample", "share", maximum=1.5), TYPED),
    Mutation(
        "number-maximum-tenth-cell",
        all_of(constrain("sample", "share", maximum=0.1), set_cell("sample", 1, "share", "0.1")),
        TYPED,
    ),
    Mutation(
        "number-minimum-tenth-cell",
        all_of(constrain("sample", "share", minimum=0.1), set_cell("sample", 2, "share", "0.1")),
        TYPED,
    ),
    Mutation("number-minimum-boolean", constrain("sample", "share", minimum=True), TYPED),
    Mutation("integer-minimum-boolean", constrain("sample", "count", minimum=True), TYPED),
    Mutation("integer-maximum-list", constrain("sample", "count", maximum=[1]), TYPED),
    Mutation("integer-enum-as-text", constrain("sample", "count", enum=["1", "-2"]), TYPED),
    Mutation("number-enum-as-text", constrain("sample", "share", enum=["1.5", "0"]), TYPED),
    Mutation("boolean-enum-as-text", constrain("sample", "flag", enum=["true"]), TYPED),
    Mutation("boolean-custom-values", set_field("sample", "flag", trueValues=["Y"]), TYPED),
    Mutation("boolean-unique", constrain("sample", "flag", unique=True), TYPED),
    Mutation("any-pattern", constrain("sample", "anything", pattern="x"), TYPED),
    Mutation("any-min-length", constrain("sample", "anything", minLength=1), TYPED),
    Mutation("any-required", constrain("sample", "anything", required=True), TYPED),
    Mutation("sample-primary-key-integer", set_schema("sample", primaryKey=["count"]), TYPED),
    Mutation(
        "sample-primary-key-equal-integers",
        all_of(
            set_schema("sample", primaryKey=["count"]),
            set_cell("sample", 1, "count", "-2"),
        ),
        TYPED,
    ),
    Mutation(
        "sample-primary-key-equal-numbers",
        all_of(
            set_schema("sample", primaryKey=["share"]),
            set_cell("sample", 1, "share", "0.0"),
        ),
        TYPED,
    ),
    Mutation(
        "sample-unique-equal-numbers",
        all_of(constrain("sample", "share", unique=True), set_cell("sample", 1, "share", "0.0")),
        TYPED,
    ),
    Mutation(
        "sample-unique-equal-integers",
        all_of(constrain("sample", "count", unique=True), set_cell("sample", 1, "count", "-02")),
        TYPED,
    ),
    Mutation(
        "sample-foreign-key-integer-to-integer",
        set_schema(
            "sample",
            foreignKeys=foreign_key("year", "milestones", "year"),
        ),
        TYPED,
    ),
    Mutation(
        "sample-foreign-key-text-to-integer",
        set_schema(
            "sample",
            foreignKeys=foreign_key("name", "themes", "order"),
        ),
        TYPED,
    ),
    Mutation(
        "sample-composite-foreign-key-broken",
        set_schema(
            "sample",
            foreignKeys=foreign_key(["name", "count"], "", ["name", "share"]),
        ),
        TYPED,
    ),
    Mutation("sample-missing-values-zero", set_schema("sample", missingValues=["", "0"]), TYPED),
    Mutation("sample-bare-number-false", set_field("sample", "count", bareNumber=False), TYPED),
    Mutation("sample-group-char", set_field("sample", "share", groupChar=","), TYPED),
    Mutation(
        "sample-group-char-cell",
        all_of(
            set_field("sample", "share", groupChar=" "), set_cell("sample", 1, "share", "1 000.5")
        ),
        TYPED,
    ),
    Mutation("list-integer-only-delimiter", set_cell("sample", 1, "codes", ";"), TYPED),
    Mutation("list-number-only-delimiter", set_cell("sample", 1, "shares", ","), TYPED),
    # -- dialect and source properties gzexplorer does not read -----------------------------
    Mutation(
        "dialect-escape-char",
        all_of(
            set_resource("themes", dialect={"escapeChar": "\\"}),
            set_cell("themes", 1, "description", "ends with \\"),
        ),
    ),
    Mutation(
        "dialect-skip-initial-space-blank-required",
        all_of(
            set_resource("themes", dialect={"skipInitialSpace": True}),
            set_cell("themes", 1, "name", " "),
        ),
    ),
    Mutation("dialect-header-rows-2", set_resource("themes", dialect={"headerRows": [2]})),
    Mutation("dialect-header-rows-1-2", set_resource("themes", dialect={"headerRows": [1, 2]})),
    Mutation("resource-compression-zip", set_resource("themes", compression="zip")),
    Mutation("resource-scheme-http", set_resource("themes", scheme="http")),
    Mutation("resource-extrapaths", set_resource("themes", extrapaths=["themes.csv"])),
    # -- more descriptor metadata -----------------------------------------------------------
    Mutation("sources-not-a-list", set_package(sources="Testland")),
    Mutation("contributors-not-a-list", set_package(contributors="me")),
    Mutation("id-not-text", set_package(id=5)),
    Mutation("keywords-not-text", set_package(keywords=[5])),
    Mutation("image-not-text", set_package(image=5)),
    Mutation("resource-description-not-text", set_resource("themes", description=5)),
    Mutation("resource-path-empty", set_resource("document", path="")),
    Mutation("resources-empty", set_package(resources=[])),
    Mutation("primary-key-not-text", set_schema("themes", primaryKey=[5])),
    Mutation("missing-values-not-text", set_schema("themes", missingValues=["", 0])),
    Mutation("enum-not-a-list", constrain("themes", "id", enum="industry")),
    Mutation("pattern-not-text", constrain("themes", "id", pattern=5)),
    Mutation("min-length-as-text", constrain("themes", "name", minLength="3")),
    Mutation(
        "exclusive-minimum-v2",
        all_of(
            set_package(**{"$schema": "https://datapackage.org/profiles/2.0/datapackage.json"}),
            bound_from_data("observations", "year", "exclusiveMinimum", "min", -1),
        ),
    ),
]

CASES = [(base, m) for m in MUTATIONS for base in m.bases]


def test_mutation_ids_are_unique():
    ids = [m.id for m in MUTATIONS]
    assert len(ids) == len(set(ids)), sorted(i for i in ids if ids.count(i) > 1)


# -- the valid starting packs -------------------------------------------------------------


VARIANTS = {"as-is": None, "crlf": line_endings(b"\r\n"), "tab-delimited": tab_delimited}


@pytest.mark.parametrize("base", BASES)
@pytest.mark.parametrize("variant", VARIANTS)
def test_the_starting_packs_pass_both(base, variant, tmp_path):
    pack = starting_pack(base, tmp_path)
    if VARIANTS[variant] is not None:
        VARIANTS[variant](pack)
    assert_both_accept(pack, f"{base} {variant}")


# -- the bad packs of tests/packs ---------------------------------------------------------

OVERLAYS = sorted(p.name for p in PACKS.iterdir() if p.is_dir() and p.name not in VALID_PACKS)


@pytest.mark.parametrize("overlay", OVERLAYS)
def test_bad_pack_overlays(overlay, tmp_path):
    pack = starting_pack("minimal", tmp_path)
    lay_overlay(pack, overlay)
    assert_gzexplorer_refuses_what_frictionless_refuses(pack, f"tests/packs/{overlay}")


# -- the hand-written mutations -----------------------------------------------------------


@pytest.mark.parametrize(("base", "mutation"), CASES, ids=[f"{b}-{m.id}" for b, m in CASES])
def test_hand_written_mutations(base, mutation, tmp_path):
    pack = starting_pack(base, tmp_path)
    mutation.change(pack)
    assert_gzexplorer_refuses_what_frictionless_refuses(pack, f"{base}: {mutation.id}")


# -- hypothesis ---------------------------------------------------------------------------

TRICKY = [
    "", " ", "  ", "\t", "-", "NaN", "nan", "inf", "-inf", "Infinity", "1e5", "1E-3", "+1",
    "-0", "1.0", "1.", ".5", "01", "1,000", "1 000", "1_000", "0x10", "TRUE", "false",
    "True", "yes", "no", "1", "0", "2", "2012", "999", "12345", "-2012", "20120",
    "9" * 25, "1" + "0" * 400, "1e400", "0.1", "12,5", "null", "None", "N/A",
    "é", "名字", "١٢٣", "\u00a0", "\ufeff", "\u2212" + "1", "a;b", ";", "a;;b", "industry",
    "x,y", '"', 'say "hi"', "two\nlines", "cr\rhere", "\x00", "a\x00b", "\x07", "\x7f",
    "industry;heritage", "id", "name", "Industry", "UPPER", "with space", "a;b;c;d;e;f;g",
    "2012-01-01", "P1Y",
]  # fmt: skip

tricky_text = st.one_of(
    st.sampled_from(TRICKY),
    st.text(max_size=12),
    st.integers(-(10**20), 10**20).map(str),
    st.floats(allow_nan=True, allow_infinity=True).map(repr),
    st.lists(st.sampled_from(TRICKY), min_size=2, max_size=3).map("".join),
)


# No shrinking: the assertion message names the whole mutation (table, record, field,
# text), and shrinking would validate hundreds more packs with both validators.
PHASES = [Phase.explicit, Phase.generate]


def fixed_examples(n: int):
    """Hypothesis settings of these tests: n examples, the same on every run."""
    return settings(
        max_examples=n,
        deadline=None,
        derandomize=True,
        database=None,
        phases=PHASES,
        suppress_health_check=[HealthCheck.too_slow],
    )


# (base, table) pairs the hypothesis tests change; the sample table more often, as its
# cells are read by the Table Schema rules alone.
TARGETS = [(base, table) for base in ("minimal", "builtin") for table in TABLES]
TARGETS += [("typed", "sample")] * 6


@fixed_examples(40)
@given(data=st.data(), target=st.sampled_from(TARGETS))
def test_a_cell_replaced_with_tricky_text(data, target):
    base, table = target
    with temporary_copy(base) as pack:
        rows = read_rows(pack, table)
        row = data.draw(st.integers(1, len(rows) - 1), label="record")
        col = data.draw(st.integers(0, len(rows[0]) - 1), label="column")
        text = data.draw(tricky_text, label="text")
        rows[row][col] = text
        write_rows(pack, table, rows)
        what = f"{base}: {table} record {row}, field {rows[0][col]!r} set to {text!r}"
        assert_gzexplorer_refuses_what_frictionless_refuses(pack, what)


@fixed_examples(20)
@given(data=st.data(), target=st.sampled_from(TARGETS))
def test_a_header_label_replaced_with_tricky_text(data, target):
    base, table = target
    with temporary_copy(base) as pack:
        rows = read_rows(pack, table)
        col = data.draw(st.integers(0, len(rows[0]) - 1), label="column")
        label = data.draw(
            st.one_of(
                tricky_text,
                st.sampled_from(rows[0]),
                st.sampled_from(rows[0]).map(lambda s: f" {s}"),
                st.sampled_from(rows[0]).map(str.upper),
            ),
            label="label",
        )
        old = rows[0][col]
        rows[0][col] = label
        write_rows(pack, table, rows)
        what = f"{base}: {table} header label {old!r} set to {label!r}"
        assert_gzexplorer_refuses_what_frictionless_refuses(pack, what)


FIELD_TYPES = ["string", "integer", "number", "boolean", "year", "date", "list", "any"]
PATTERNS = [".*", "[a-z]+", "[a-z0-9_-]*", "[A-Za-z ]+", "\\d+", "[0-9.]*", "x?", "[^;]*"]


def constraint_strategy(values: list[str]) -> st.SearchStrategy[dict]:
    """One constraint with a value that the column's data may keep or break."""
    numbers = []
    for v in values:
        with suppress(ValueError):
            numbers.append(_number(v))
    bound = st.one_of(
        st.sampled_from(numbers) if numbers else st.just(0),
        st.integers(-5, 3000),
        st.floats(-1e6, 1e6, allow_nan=False),
        st.sampled_from(numbers).map(str) if numbers else st.just("0"),
    )
    some_values = (
        st.lists(st.sampled_from(values), min_size=1, max_size=4) if values else st.just(["x"])
    )
    return st.one_of(
        st.builds(lambda v: {"required": v}, st.booleans()),
        st.builds(lambda v: {"unique": v}, st.booleans()),
        st.builds(lambda v: {"minimum": v}, bound),
        st.builds(lambda v: {"maximum": v}, bound),
        st.builds(lambda v: {"exclusiveMinimum": v}, bound),
        st.builds(lambda v: {"exclusiveMaximum": v}, bound),
        st.builds(lambda v: {"minLength": v}, st.integers(0, 40)),
        st.builds(lambda v: {"maxLength": v}, st.integers(0, 40)),
        st.builds(lambda v: {"pattern": v}, st.sampled_from(PATTERNS)),
        st.builds(lambda v: {"enum": v}, some_values),
        st.builds(
            lambda v: {"enum": v},
            some_values.map(lambda vs: [_maybe_number(v) for v in vs]),
        ),
    )


def _maybe_number(text: str) -> Any:
    try:
        return _number(text)
    except ValueError:
        return text


@fixed_examples(40)
@given(data=st.data(), target=st.sampled_from(TARGETS))
def test_a_schema_field_changed(data, target):
    base, table = target
    with temporary_copy(base) as pack:
        descriptor = load_descriptor(pack)
        fields = resource(descriptor, table)["schema"]["fields"]
        i = data.draw(st.integers(0, len(fields) - 1), label="field")
        field = fields[i]
        values = column(pack, table, field["name"])
        edit = data.draw(
            st.one_of(
                st.sampled_from(FIELD_TYPES).map(lambda t: {"type": t}),
                constraint_strategy([v for v in values if v != ""]).map(
                    lambda c: {"constraints": {**field.get("constraints", {}), **c}}
                ),
            ),
            label="edit",
        )
        field.update(edit)
        save_descriptor(pack, descriptor)
        what = f"{base}: {table} field {field['name']!r} given {edit!r}"
        assert_gzexplorer_refuses_what_frictionless_refuses(pack, what)
