"""One cell read as its Table Schema type says: (value, "") for a good cell, (None, what
was expected) for a bad one. Standard library only: the schema's own bounds, enums and
examples are read with the same rules (:mod:`tableschema`)."""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from dataclasses import replace
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from gzexplorer.model.tableschema import Field

_INTEGER = re.compile(r"[+-]?[0-9]{1,15}")


def reader(field: Field) -> Callable[[str], tuple[Any, str]]:
    """(value, "") for a good cell of this type, (None, what was expected) else."""
    kind = field.type
    if kind in ("string", "any"):
        return lambda cell: (cell, "")
    if kind == "integer":

        def integer(cell: str):
            s = cell.strip()
            if _INTEGER.fullmatch(s):
                return int(s), ""
            return None, f'expected a whole number, got "{s}"'

        return integer
    if kind == "year":

        def year(cell: str):
            if len(cell) == 4 and cell.isascii() and cell.isdigit():
                return int(cell), ""
            return None, f'expected a year of four digits, got "{cell}"'

        return year
    if kind == "boolean":
        mapping = {w: True for w in field.true_values} | {w: False for w in field.false_values}
        words = ", ".join(field.true_values + field.false_values)

        def boolean(cell: str):
            if cell in mapping:
                return mapping[cell], ""
            return None, f'expected true or false, got "{cell}" (the schema reads {words})'

        return boolean
    if kind == "number":

        def finite(cell: str):
            value = number(cell, field)
            if value is None:
                return None, f'expected a number like 12.5, got "{cell.strip()}"'
            if not math.isfinite(value):
                return None, f'expected a finite number, got "{cell.strip()}"'
            return value, ""

        return finite
    if kind == "date":
        from datetime import datetime  # few packs have dates: not imported for the first frame

        fmt = "%Y-%m-%d" if field.format == "default" else field.format

        def date(cell: str):
            try:
                return datetime.strptime(cell, fmt).date(), ""
            except ValueError:
                return (
                    None,
                    f'expected a date like {datetime(2021, 7, 1).strftime(fmt)}, got "{cell}"',
                )

        return date
    if kind == "list":
        item = reader(replace(field, type=field.item_type))

        def items(cell: str):
            """Every part between delimiters is an item, as frictionless reads lists:
            "a;;b" has an empty second item (an error for numbers and booleans)."""
            values = []
            for part in cell.split(field.delimiter):
                value, message = item(part.strip() if field.item_type == "string" else part)
                if message:
                    return None, f"in the list: {message}"
                values.append(value)
            return tuple(values), ""

        return items
    raise AssertionError(kind)


def number(cell: str, field: Field) -> float | None:
    s = cell.strip()
    if field.group_char:
        s = s.replace(field.group_char, "")
    if field.decimal_char != ".":
        if "." in s:
            return None
        s = s.replace(field.decimal_char, ".")
    try:
        return float(s) if _looks_numeric(s) else None
    except ValueError:
        return None


NUMBER = re.compile(r"[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?|[+-]?(inf|Infinity|INF|nan|NaN)")


def _looks_numeric(s: str) -> bool:
    """Decimal's syntax, as frictionless reads numbers, less the underscores."""
    return NUMBER.fullmatch(s) is not None
