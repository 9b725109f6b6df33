"""Checks across rows and tables: primary keys and ``unique`` fields, the schema's
foreign keys, the id lists gzexplorer reads (themes, excerpt_ids), and whether an
observation's value agrees with its status."""

from __future__ import annotations

import numpy as np
import pandas as pd

from gzexplorer.model import profile
from gzexplorer.model.errors import MAX_PROBLEMS_PER_FILE, Problems
from gzexplorer.model.tableschema import Schema


def check_keys(
    table: pd.DataFrame,
    schema: Schema,
    rel: str,
    problems: Problems,
    app_key: tuple[str, ...] = (),
) -> None:
    """Primary key cells are given and unique together; ``unique`` fields are unique.
    ``app_key``: the key gzexplorer looks rows up by (profile.PRIMARY_KEYS), unique
    whether or not the schema declares it."""
    keys = [(f.name,) for f in schema.fields if f.constraint("unique") is True]
    if app_key and app_key != schema.primary_key and app_key not in keys:
        keys.insert(0, app_key)
    if schema.primary_key:
        keys.insert(0, schema.primary_key)
    factorized = {c: _factorize(table[c]) for key in keys for c in key}
    for name in schema.primary_key:
        codes, empty = factorized[name]
        for i in np.flatnonzero(empty[codes])[: MAX_PROBLEMS_PER_FILE + 1]:
            problems.add(
                rel,
                "a value is required (part of the primary key)",
                row=int(i) + 2,
                field=name,
                code="primary-key",
            )
    for key in keys:
        combined = np.zeros(len(table), dtype=np.int64)  # one integer code per row
        given = np.ones(len(table), dtype=bool)
        for column in key:
            codes, empty = factorized[column]
            combined = combined * (len(empty) + 1) + codes
            given &= ~empty[codes]
        dup = pd.Series(combined).duplicated(keep=False).to_numpy() & given
        if not dup.any():
            continue
        first_row: dict[tuple, int] = {}
        for i in dup.nonzero()[0]:
            k = tuple(table[c].iat[i] for c in key)
            if k in first_row:
                label = ", ".join(str(v) for v in k)
                problems.add(
                    rel,
                    f'duplicate {" + ".join(key)} "{label}" (first at row {first_row[k]})',
                    row=int(i) + 2,
                    field=key[0],
                    code="primary-key" if key in (schema.primary_key, app_key) else "unique-error",
                )
            else:
                first_row[k] = int(i) + 2


def _is_missing(value) -> bool:
    if isinstance(value, (str, tuple)):
        return not value
    return value is None or value is pd.NA or value != value


def _factorize(column: pd.Series) -> tuple[np.ndarray, np.ndarray]:
    """(a code per row, whether each code stands for a missing value): NaN/NA, or ""
    and () for text and lists. Codes start at 0; missing NaN gets a code of its own."""
    codes, uniques = pd.factorize(column, use_na_sentinel=False)
    empty = np.array([_is_missing(v) for v in uniques], dtype=bool)
    return codes, empty


def check_foreign_keys(
    name: str,
    tables: dict[str, pd.DataFrame],
    schemas: dict[str, Schema],
    files: dict[str, str],
    problems: Problems,
) -> None:
    """The schema's foreign keys: each value names a row of the referenced table."""
    table = tables[name]
    for fk in schemas[name].foreign_keys:
        target = tables.get(fk.resource or name)
        if target is None:
            problems.add(
                files[name],
                f'a foreign key refers to "{fk.resource}", which is not a table of this pack',
                code="foreign-key",
            )
            continue
        if any(c not in target.columns for c in fk.reference):
            problems.add(
                files[name],
                f'a foreign key refers to {", ".join(fk.reference)}, not fields of "{fk.resource}"',
                code="foreign-key",
            )
            continue
        if len(fk.fields) == 1:
            codes, miss = _distinct_misses(table[fk.fields[0]], set(target[fk.reference[0]]))
            bad = miss[codes]
        else:
            own = pd.MultiIndex.from_arrays([table[c] for c in fk.fields])
            known = pd.MultiIndex.from_arrays([target[c] for c in fk.reference])
            bad = ~own.isin(known)
        missing = [(lambda codes, empty: empty[codes])(*_factorize(table[c])) for c in fk.fields]
        bad &= ~np.logical_and.reduce(missing)
        for i in np.flatnonzero(bad)[: MAX_PROBLEMS_PER_FILE + 1]:
            value = ", ".join(str(table[c].iat[i]) for c in fk.fields)
            problems.add(
                files[name],
                f'no row of {fk.resource or name} with {", ".join(fk.reference)} "{value}"',
                row=int(i) + 2,
                field=fk.fields[0],
                code="foreign-key",
            )


def _distinct_misses(column: pd.Series, known: set) -> tuple[np.ndarray, np.ndarray]:
    codes, uniques = pd.factorize(column)
    miss = np.array([v not in known for v in uniques], dtype=bool)
    return codes, miss


def check_profile_references(
    tables: dict[str, pd.DataFrame],
    schemas: dict[str, Schema],
    files: dict[str, str],
    problems: Problems,
) -> None:
    """The ids gzexplorer follows: theme and excerpt lists, an observation's indicator
    (unless the schema already declares that foreign key), and values that agree with
    their status."""
    ids = {name: set(tables[name]["id"]) for name in ("themes", "excerpts", "indicators")}
    for name, needs in profile.RESOURCES.items():
        table = tables[name]
        for column, need in needs.items():
            if not need.refers_to:
                continue
            if need.kind == "id":
                declared = any(
                    fk.fields == (column,) and fk.resource == need.refers_to
                    for fk in schemas[name].foreign_keys
                )
                if declared:
                    continue
                codes, miss = _distinct_misses(table[column], ids[need.refers_to])
                for i in np.flatnonzero(miss[codes])[: MAX_PROBLEMS_PER_FILE + 1]:
                    problems.add(
                        files[name],
                        f'no {need.refers_to[:-1]} with id "{table[column].iat[i]}" in '
                        f"{need.refers_to}",
                        row=int(i) + 2,
                        field=column,
                        code="foreign-key",
                    )
                continue
            known = ids[need.refers_to]
            unique = table[column].unique()
            bad_lists = {v: [x for x in v if x not in known] for v in unique}
            bad_lists = {k: v for k, v in bad_lists.items() if v}
            if not bad_lists:
                continue
            mask = table[column].map(bad_lists.__contains__).to_numpy(dtype=bool)
            for i in np.flatnonzero(mask)[: MAX_PROBLEMS_PER_FILE + 1]:
                missing = ", ".join(f'"{x}"' for x in bad_lists[table[column].iat[i]])
                problems.add(
                    files[name],
                    f"no {need.refers_to[:-1]} with id {missing}",
                    row=int(i) + 2,
                    field=column,
                    code="foreign-key",
                )
    _check_status(tables["observations"], files["observations"], problems)


def _check_status(obs: pd.DataFrame, rel: str, problems: Problems) -> None:
    has_value = obs["value"].notna().to_numpy()
    status = obs["status"].to_numpy(dtype=object)
    reported = status == "reported"
    for i in np.flatnonzero(reported & ~has_value)[: MAX_PROBLEMS_PER_FILE + 1]:
        problems.add(
            rel,
            "status is reported but the value is empty (use not_reported for a missing cell)",
            row=int(i) + 2,
            field="value",
            code="status-error",
        )
    other = ~reported & has_value & np.isin(status, profile.STATUSES)
    for i in np.flatnonzero(other)[: MAX_PROBLEMS_PER_FILE + 1]:
        problems.add(
            rel,
            f"status is {status[i]} but a value is given (use status reported)",
            row=int(i) + 2,
            field="value",
            code="status-error",
        )
