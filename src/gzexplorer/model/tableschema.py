"""A resource's Table Schema, read from the pack's datapackage.json, and the profile
checked against it. Standard library only: the first frame reads schemas too.

The rules are the Table Schema spec's as frictionless (5.x) applies them: a cell that
is one of ``missingValues`` is missing; ``pattern`` must match the whole cell; booleans
are the schema's ``trueValues``/``falseValues``; list cells are split on the field's
``delimiter`` (default ","). gzexplorer reads the common types; a pack that declares
another one is refused with a message rather than read halfway.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from gzexplorer.model import profile
from gzexplorer.model.errors import Problems
from gzexplorer.model.values import reader

TYPES = ("string", "number", "integer", "boolean", "year", "date", "list", "any")
LIST_ITEM_TYPES = ("string", "integer", "number", "boolean")
# The constraints each type supports, as frictionless 5 has them; "unique" on any type
# but a list. Another constraint is refused, as frictionless refuses it.
_ORDERED = (
    "required",
    "unique",
    "minimum",
    "maximum",
    "exclusiveMinimum",
    "exclusiveMaximum",
    "enum",
)  # types with an order: numbers, years, dates
CONSTRAINTS = {
    "string": ("required", "unique", "minLength", "maxLength", "pattern", "enum"),
    "number": _ORDERED,
    "integer": _ORDERED,
    "year": _ORDERED,
    "date": _ORDERED,
    "boolean": ("required", "unique", "enum"),
    "list": ("required", "minLength", "maxLength"),
    "any": ("required", "unique", "enum"),
}
DIALECT_KEYS = {
    "delimiter",
    "quoteChar",
    "doubleQuote",
    "header",
    "lineTerminator",
    "csvddfVersion",
    "$schema",
    "title",
    "description",
}
BOUNDS = ("minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum")
DEFAULT_TRUE = ("true", "True", "TRUE", "1")
DEFAULT_FALSE = ("false", "False", "FALSE", "0")


@dataclass(frozen=True)
class Field:
    name: str
    type: str = "string"
    format: str = "default"
    constraints: dict[str, Any] = field(default_factory=dict)
    missing_values: tuple[str, ...] = ("",)
    true_values: tuple[str, ...] = DEFAULT_TRUE
    false_values: tuple[str, ...] = DEFAULT_FALSE
    decimal_char: str = "."
    group_char: str = ""
    bare_number: bool = True
    delimiter: str = ","  # list fields
    item_type: str = "string"  # list fields

    @property
    def required(self) -> bool:
        return self.constraints.get("required") is True

    def constraint(self, name: str) -> Any:
        """The constraint if this field's type supports it, else None."""
        return self.constraints.get(name) if name in CONSTRAINTS[self.type] else None


@dataclass(frozen=True)
class ForeignKey:
    fields: tuple[str, ...]
    resource: str  # "" for the resource itself
    reference: tuple[str, ...]


@dataclass(frozen=True)
class Schema:
    fields: tuple[Field, ...]
    primary_key: tuple[str, ...] = ()
    foreign_keys: tuple[ForeignKey, ...] = ()

    @property
    def names(self) -> list[str]:
        return [f.name for f in self.fields]

    def field(self, name: str) -> Field | None:
        return next((f for f in self.fields if f.name == name), None)


@dataclass(frozen=True)
class Dialect:
    delimiter: str = ","
    quote_char: str = '"'
    double_quote: bool = True


def _names(value: Any) -> tuple[str, ...] | None:
    """A field name or a list of them (primaryKey, foreignKeys), or None if neither."""
    if isinstance(value, str):
        return (value,)
    if isinstance(value, list) and value and all(isinstance(v, str) for v in value):
        return tuple(value)
    return None


def _strings(value: Any) -> tuple[str, ...] | None:
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return tuple(value)
    return None


def read_dialect(resource: dict[str, Any], where: str, problems: Problems) -> Dialect | None:
    raw = resource.get("dialect", {})
    if not isinstance(raw, dict):
        problems.add(where, "dialect must be an object", code="descriptor-error")
        return None
    unread = sorted(set(raw) - DIALECT_KEYS)
    if unread:
        problems.add(
            where,
            f"dialect.{unread[0]} is not read by gzexplorer (it reads delimiter, quoteChar, "
            "doubleQuote and a header row)",
            code="descriptor-error",
        )
        return None
    delimiter = raw.get("delimiter", ",")
    quote = raw.get("quoteChar", '"')
    double = raw.get("doubleQuote", True)
    ok = True
    for key, value in (("delimiter", delimiter), ("quoteChar", quote)):
        if not isinstance(value, str) or len(value) != 1 or value in "\r\n":
            problems.add(where, f"dialect.{key} must be one character", code="descriptor-error")
            ok = False
    if not isinstance(double, bool):
        problems.add(where, "dialect.doubleQuote must be true or false", code="descriptor-error")
        ok = False
    if raw.get("header", True) is not True:
        problems.add(
            where,
            "dialect.header must be true: gzexplorer reads the names from the header row",
            code="descriptor-error",
        )
        ok = False
    return Dialect(delimiter, quote, double) if ok else None


def read_schema(
    resource: dict[str, Any], where: str, problems: Problems, v2: bool = False
) -> Schema | None:
    """The resource's Table Schema, or None (with problems) when it cannot be used.
    ``v2``: the package declares Data Package 2 (its ``$schema``), which brings
    ``exclusiveMinimum`` and ``exclusiveMaximum``."""
    raw = resource.get("schema")
    if not isinstance(raw, dict):
        problems.add(where, 'expected a "schema" object (a Table Schema)', code="schema-error")
        return None
    fields_raw = raw.get("fields")
    if not isinstance(fields_raw, list) or not fields_raw:
        problems.add(where, 'the schema needs a list of "fields"', code="schema-error")
        return None
    before = len(problems.items)
    missing = _strings(raw.get("missingValues", [""]))
    if missing is None:
        problems.add(where, "schema.missingValues must be a list of strings", code="schema-error")
        missing = ("",)
    fields = []
    for i, f in enumerate(fields_raw, start=1):
        parsed = _read_field(f, i, missing, where, problems, v2)
        if parsed is not None:
            fields.append(parsed)
    names = [f.name for f in fields]
    for name in dict.fromkeys(n for n in names if names.count(n) > 1):
        problems.add(where, f'field "{name}" is declared twice', code="schema-error")
    primary = raw.get("primaryKey", [])
    pk = () if primary == [] else _names(primary)
    types = {f.name: f.type for f in fields}
    if pk is None or any(n not in names for n in pk):
        problems.add(where, f"primaryKey {primary!r} names no declared field", code="schema-error")
        pk = ()
    elif any(types[n] == "list" for n in pk):
        problems.add(where, "a list field cannot be part of the primaryKey", code="schema-error")
    fks = []
    raw_fks = raw.get("foreignKeys", [])
    if not isinstance(raw_fks, list):
        problems.add(where, "foreignKeys must be a list", code="schema-error")
        raw_fks = []
    for fk in raw_fks:
        parsed_fk = _read_foreign_key(fk, names)
        if parsed_fk is None:
            problems.add(where, f"foreign key {fk!r} is not valid", code="schema-error")
        else:
            fks.append(parsed_fk)
    if len(problems.items) > before:
        return None
    return Schema(tuple(fields), pk, tuple(fks))


def _read_foreign_key(fk: Any, names: list[str]) -> ForeignKey | None:
    if not isinstance(fk, dict) or not isinstance(fk.get("reference"), dict):
        return None
    own = _names(fk.get("fields"))
    ref = fk["reference"]
    other = _names(ref.get("fields"))
    resource = ref.get("resource", "")
    if own is None or other is None or len(own) != len(other) or not isinstance(resource, str):
        return None
    if any(n not in names for n in own):
        return None
    return ForeignKey(own, resource, other)


def _read_field(
    raw: Any, i: int, missing: tuple[str, ...], where: str, problems: Problems, v2: bool
) -> Field | None:
    if not isinstance(raw, dict) or not isinstance(raw.get("name"), str) or not raw["name"]:
        problems.add(where, f'field {i} has no "name"', code="schema-error")
        return None
    name = raw["name"]
    here = f'{where}: field "{name}"'

    def bad(message: str) -> None:
        problems.add(here, message, code="schema-error")

    kind = raw.get("type", "string")
    if kind not in TYPES:
        bad(f'type "{kind}" is not one gzexplorer reads ({", ".join(TYPES)})')
        return None
    fmt = raw.get("format", "default")
    if fmt != "default" and not (kind == "date" and isinstance(fmt, str) and "%" in fmt):
        bad(f'format "{fmt}" is not one gzexplorer reads for {kind} (use "default")')
        return None
    for key in ("title", "description"):
        if key in raw and not isinstance(raw[key], str):
            bad(f"{key} must be text")
            return None
    if "required" in raw:
        bad('"required" belongs in "constraints": {"required": true}')
        return None
    constraints = raw.get("constraints", {})
    if not isinstance(constraints, dict):
        bad("constraints must be an object")
        return None
    for key in constraints:
        if key not in CONSTRAINTS[kind]:
            bad(f'constraint "{key}" is not supported by type "{kind}"')
            return None
        if key.startswith("exclusive") and not v2:
            bad(
                f'constraint "{key}" needs Data Package 2: declare its "$schema" in '
                "datapackage.json, or use minimum/maximum"
            )
            return None
    checks = {
        "required": lambda v: isinstance(v, bool),
        "unique": lambda v: isinstance(v, bool),
        "minLength": lambda v: isinstance(v, int) and not isinstance(v, bool),
        "maxLength": lambda v: isinstance(v, int) and not isinstance(v, bool),
        "enum": lambda v: isinstance(v, list) and v != [],
        "pattern": _is_pattern,
    }
    for key, value in constraints.items():
        if key in checks and not checks[key](value):
            bad(f"constraint {key} has an unusable value {value!r}")
            return None
    field_missing = _strings(raw.get("missingValues", list(missing)))
    true_values = _strings(raw.get("trueValues", list(DEFAULT_TRUE)))
    false_values = _strings(raw.get("falseValues", list(DEFAULT_FALSE)))
    if field_missing is None or true_values is None or false_values is None:
        bad("missingValues, trueValues and falseValues must be lists of strings")
        return None
    options = {
        "decimal_char": raw.get("decimalChar", "."),
        "group_char": raw.get("groupChar", ""),
        "delimiter": raw.get("delimiter", ","),
        "item_type": raw.get("itemType", "string"),
    }
    for key, value in options.items():
        if not isinstance(value, str) or (key != "group_char" and not value):
            bad(f"{key} must be a non-empty string")
            return None
    if options["item_type"] not in LIST_ITEM_TYPES:
        bad(f'itemType "{options["item_type"]}" is not one of {", ".join(LIST_ITEM_TYPES)}')
        return None
    if raw.get("bareNumber", True) is not True:
        bad("bareNumber false (numbers with text around them) is not read by gzexplorer")
        return None
    field = Field(
        name,
        kind,
        fmt,
        dict(constraints),
        field_missing,
        true_values,
        false_values,
        bare_number=True,
        **options,
    )
    return field if _values_readable(field, raw, bad) else None


def _values_readable(field: Field, raw: dict[str, Any], bad) -> bool:
    """The bounds, enum values and example the field declares are values of its type
    (an integer field's maximum of 7.5, a minimum of "soon", are refused)."""
    read = reader(field)

    def readable(value: Any) -> bool:
        if isinstance(value, bool):
            return field.type in ("boolean", "any") and isinstance(value, bool)
        if isinstance(value, (int, float)) and field.type in ("number", "integer", "year"):
            return field.type == "number" or float(value).is_integer()
        return isinstance(value, str) and read(value)[1] == ""

    for key in BOUNDS:
        if key in field.constraints and not readable(field.constraints[key]):
            bad(f"constraint {key} {field.constraints[key]!r} is not a {field.type}")
            return False
    for value in field.constraints.get("enum", []) or []:
        if not readable(value):
            bad(f"the enum value {value!r} is not a {field.type}")
            return False
    example = raw.get("example")
    if example and not readable(example):
        bad(f"the example {example!r} is not a {field.type}")
        return False
    return True


def _is_pattern(value: Any) -> bool:
    if not isinstance(value, str):
        return False
    try:
        re.compile(value)
    except re.error:
        return False
    return True


def check_profile(name: str, schema: Schema, where: str, problems: Problems) -> bool:
    """Every field gzexplorer reads from resource ``name`` is declared with a type it
    accepts. False (with problems) otherwise."""
    ok = True
    for field_name, need in profile.RESOURCES[name].items():
        declared = schema.field(field_name)
        if declared is None and need.omissible:
            continue
        if declared is None:
            problems.add(
                where,
                f'the schema declares no field "{field_name}"; gzexplorer needs it '
                f"({need.meaning.rstrip('.')})",
                code="profile-error",
            )
            ok = False
        elif declared.type not in need.types:
            allowed = " or ".join(need.types)
            problems.add(
                where,
                f'field "{field_name}" is declared as {declared.type}; gzexplorer reads it '
                f"as {allowed}",
                code="profile-error",
            )
            ok = False
        elif need.kind == "ids" and declared.item_type != "string":
            problems.add(
                where, f'field "{field_name}" must be a list of strings (ids)', code="profile-error"
            )
            ok = False
    return ok
