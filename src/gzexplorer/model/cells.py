"""Cells to typed values, checked as the pack's Table Schema says (types, formats,
``missingValues``, constraints) and as gzexplorer's profile adds (a value where the app
needs one, ids, fixed vocabularies, plausible years).

Work is done once per distinct value (a million observations hold a few hundred ids
and years) and spread back to the rows; number columns, mostly distinct, are checked
with vectorised pandas. Rows are visited one by one only to name the bad ones.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

import numpy as np
import pandas as pd

from gzexplorer.model import profile
from gzexplorer.model.errors import MAX_PROBLEMS_PER_FILE, Problems
from gzexplorer.model.profile import Need
from gzexplorer.model.tableschema import Field
from gzexplorer.model.values import NUMBER, number, reader

_ID = re.compile(profile.ID_PATTERN)

# (value, code, message) for one distinct cell; code is "" when the cell is good
Verdict = tuple[Any, str, str]


def convert(
    col: pd.Series, field: Field, need: Need | None, rel: str, problems: Problems
) -> pd.Series:
    """The column typed; a problem for every bad cell (file, row, field, message)."""
    plain_text = need is None or (need.kind == "text" and not need.required)
    if plain_text and field.type in ("string", "any") and not _has_checks(field):
        if field.missing_values == ("",):
            return col
        return col.where(~col.isin(field.missing_values), "")
    if field.type == "number":
        return _numbers(col, field, need, rel, problems)
    codes, uniques = pd.factorize(col.to_numpy(dtype=object), use_na_sentinel=False)
    judge = _judge(field, need)
    verdicts = [judge(u) for u in uniques]
    bad = np.array([v[1] != "" for v in verdicts], dtype=bool)
    if bad.any():
        for i in np.flatnonzero(bad[codes])[: MAX_PROBLEMS_PER_FILE + 1]:
            _, code, message = verdicts[codes[i]]
            problems.add(rel, message, row=int(i) + 2, field=field.name, code=code)
    if field.type in ("integer", "year"):  # nullable integers, built without objects
        ints = np.array([v[0] if v[0] is not None else 0 for v in verdicts], dtype=np.int64)
        nulls = np.array([v[0] is None for v in verdicts], dtype=bool)
        return pd.Series(pd.arrays.IntegerArray(ints[codes], nulls[codes]), index=col.index)
    values = np.empty(len(verdicts), dtype=object)
    values[:] = [v[0] for v in verdicts]
    return pd.Series(values[codes], index=col.index, dtype=object)


def _has_checks(field: Field) -> bool:
    return any(
        field.constraint(c) is not None
        for c in ("required", "pattern", "enum", "minLength", "maxLength")
    )


def _judge(field: Field, need: Need | None) -> Callable[[str], Verdict]:
    """The verdict on one distinct cell of ``field``."""
    read = reader(field)
    checks = _constraint_checks(field, read)
    profile_check = _profile_check(field, need)
    required = field.required or (need is not None and need.required)
    # a missing cell: empty text or list, so that the app need not test for None
    missing = {"list": (), "string": "", "any": ""}.get(field.type)

    def judge(cell: str) -> Verdict:
        if cell in field.missing_values:
            if required:
                return missing, "constraint-error", "a value is required"
            return missing, "", ""
        value, message = read(cell)
        if message:
            return None, "type-error", message
        for check in checks:
            message = check(cell, value)
            if message:
                return value, "constraint-error", message
        if profile_check is not None:
            message = profile_check(value)
            if message:
                return value, "profile-error", message
        return value, "", ""

    return judge


def _constraint_checks(field: Field, read) -> list[Callable[[str, Any], str]]:
    """The schema's constraints on a good, non-missing cell: each returns a message or ""."""
    checks: list[Callable[[str, Any], str]] = []
    pattern = field.constraint("pattern")
    if pattern is not None:
        compiled = re.compile(f"^{pattern}$")
        checks.append(
            lambda cell, value: (
                ""
                if compiled.match(cell)
                else f'"{cell}" does not match the pattern {pattern} of datapackage.json'
            )
        )
    enum = field.constraint("enum")
    if enum is not None:
        allowed = [read(str(v))[0] if isinstance(v, str) else v for v in enum]
        shown = ", ".join(str(v) for v in enum)
        checks.append(
            lambda cell, value: "" if value in allowed else f'expected one of {shown}, got "{cell}"'
        )
    for name, fails, words in (
        ("minLength", lambda v, c: len(v) < c, "shorter than the minimum length"),
        ("maxLength", lambda v, c: len(v) > c, "longer than the maximum length"),
        ("minimum", lambda v, c: v < c, "below the minimum"),
        ("maximum", lambda v, c: v > c, "above the maximum"),
        ("exclusiveMinimum", lambda v, c: v <= c, "not above the exclusive minimum"),
        ("exclusiveMaximum", lambda v, c: v >= c, "not below the exclusive maximum"),
    ):
        bound = field.constraint(name)
        if bound is None:
            continue
        if name in ("minLength", "maxLength"):
            limit = bound
        else:
            limit = read(str(bound))[0] if isinstance(bound, str) else bound
            if limit is None or isinstance(limit, bool):
                continue

        def check(cell, value, fails=fails, limit=limit, words=words, bound=bound):
            try:
                return f'"{cell}" is {words} {bound}' if fails(value, limit) else ""
            except TypeError:
                return f'"{cell}" cannot be compared with {bound}'

        checks.append(check)
    return checks


def _profile_check(field: Field, need: Need | None) -> Callable[[Any], str] | None:
    """What gzexplorer adds to the schema for a field it reads."""
    if need is None:
        return None
    if need.kind == "id":
        return lambda v: (
            "" if _ID.fullmatch(v) else f'expected an id (letters, digits, _ . -), got "{v}"'
        )
    if need.kind == "enum":
        choices = need.choices
        return lambda v: "" if v in choices else f'expected one of {", ".join(choices)}, got "{v}"'
    if need.kind == "ids":

        def ids(v):
            if "" in v:
                return "an empty id in the list (two delimiters in a row, or one at an end?)"
            bad = next((i for i in v if not _ID.fullmatch(i)), None)
            return f'expected ids (letters, digits, _ . -), got "{bad}"' if bad else ""

        return ids
    if need.kind == "year" and not _has_bounds(field):
        low, high = profile.YEARS
        return lambda v: (
            ""
            if low <= v <= high
            else f"expected a year from {low} to {high}, got {v} (a pack with other years "
            "declares minimum and maximum in its schema)"
        )
    return None


_BOUNDS = ("minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum")


def _has_bounds(field: Field) -> bool:
    return any(field.constraint(c) is not None for c in _BOUNDS)


def _numbers(
    col: pd.Series, field: Field, need: Need | None, rel: str, problems: Problems
) -> pd.Series:
    """A number column, vectorised: mostly distinct values."""
    rows = np.arange(2, len(col) + 2)
    required = field.required or (need is not None and need.required)
    if col.dtype == "float64":  # parsed by read_csv: plain finite numbers or empty
        missing = col.isna().to_numpy()
        numbers = col
        cells = None
    else:
        cells = col
        missing = col.isin(field.missing_values).to_numpy()
        text = col.where(~missing, "").str.strip()
        if field.group_char:
            text = text.str.replace(field.group_char, "", regex=False)
        if field.decimal_char != ".":
            has_dot = text.str.contains(".", regex=False).to_numpy()
            text = text.str.replace(field.decimal_char, ".", regex=False)
            text = text.where(~has_dot, "x")
        numeric = text.str.fullmatch(NUMBER.pattern).to_numpy(dtype=bool, na_value=False)
        numbers = pd.to_numeric(text.where(numeric, ""), errors="coerce")
        numbers = numbers.where(~missing)
        nan = ~missing & (~numeric | numbers.isna().to_numpy())
        inf = ~missing & ~nan & ~np.isfinite(numbers.to_numpy(dtype=float, na_value=0.0))
        _report(
            nan,
            cells,
            rows,
            rel,
            field.name,
            'expected a number like 12.5, got "{}"',
            "type-error",
            problems,
            strip=True,
        )
        _report(
            inf,
            cells,
            rows,
            rel,
            field.name,
            'expected a finite number, got "{}"',
            "type-error",
            problems,
            strip=True,
        )
        numbers = numbers.where(~(nan | inf))
    if required:
        _report(
            missing,
            None,
            rows,
            rel,
            field.name,
            "a value is required",
            "constraint-error",
            problems,
        )
    values = numbers.to_numpy(dtype=float, na_value=np.nan)
    shown = cells
    if cells is None and any(field.constraint(c) is not None for c in _BOUNDS + ("enum",)):
        shown = pd.Series([f"{v:.15g}" for v in values])
    for name, fails, words in (
        ("minimum", np.less, "below the minimum"),
        ("maximum", np.greater, "above the maximum"),
        ("exclusiveMinimum", np.less_equal, "not above the exclusive minimum"),
        ("exclusiveMaximum", np.greater_equal, "not below the exclusive maximum"),
    ):
        bound = field.constraint(name)
        limit = number(bound, field) if isinstance(bound, str) else bound
        if isinstance(limit, (int, float)) and not isinstance(limit, bool):
            with np.errstate(invalid="ignore"):
                bad = fails(values, limit) & ~np.isnan(values)
            _report(
                bad,
                shown,
                rows,
                rel,
                field.name,
                f'"{{}}" is {words} {bound}',
                "constraint-error",
                problems,
                strip=True,
            )
    enum = field.constraint("enum")
    if enum is not None:
        allowed = [number(v, field) if isinstance(v, str) else v for v in enum]
        bad = ~np.isin(values, [a for a in allowed if isinstance(a, (int, float))]) & ~np.isnan(
            values
        )
        _report(
            bad,
            shown,
            rows,
            rel,
            field.name,
            f'expected one of {", ".join(map(str, enum))}, got "{{}}"',
            "constraint-error",
            problems,
            strip=True,
        )
    return pd.Series(values, index=col.index, dtype="float64")


def _report(mask, cells, rows, rel, name, message, code, problems: Problems, strip=False):
    for i in np.flatnonzero(mask)[: MAX_PROBLEMS_PER_FILE + 1]:
        text = message
        if cells is not None:
            cell = str(cells.iat[i])
            text = message.format(cell.strip() if strip else cell)
        problems.add(rel, text, row=int(rows[i]), field=name, code=code)
