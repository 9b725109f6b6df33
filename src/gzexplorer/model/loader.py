"""Reading a data-pack folder from disk, with every problem reported as data.

Nothing here trusts the pack: sizes are checked before reading, resource paths may
not leave the pack folder, text must be UTF-8 (a BOM is accepted), and every cell is
checked against :mod:`gzexplorer.model.schema`. All problems found are raised together
in one :class:`DataPackError`.
"""

from __future__ import annotations

import contextlib
import csv
import io
import json
import math
import warnings
from collections import defaultdict
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from gzexplorer.model import schema
from gzexplorer.model.errors import DataPackError, Problem

DESCRIPTOR = "datapackage.json"
MAX_DESCRIPTOR_BYTES = 4 * 2**20
MAX_RESOURCE_BYTES = 1 * 2**30
MAX_PROBLEMS_PER_FILE = 30
HEADER_CHARS = 2**20  # the header row is read from the start of the text only


class _Problems:
    """Collects problems, at most MAX_PROBLEMS_PER_FILE per file."""

    def __init__(self) -> None:
        self.items: list[Problem] = []
        self._per_file: dict[str, int] = {}

    def add(self, file: str, message: str, row: int | None = None, field: str | None = None):
        n = self._per_file.get(file, 0) + 1
        self._per_file[file] = n
        if n <= MAX_PROBLEMS_PER_FILE:
            self.items.append(Problem(file, message, row, field))
        elif n == MAX_PROBLEMS_PER_FILE + 1:
            self.items.append(Problem(file, "more problems in this file were not listed"))

    def __bool__(self) -> bool:
        return bool(self.items)


def locate(path: str | Path) -> tuple[Path, Path]:
    """The pack folder and its descriptor, for a folder or a datapackage.json path."""
    p = Path(path).expanduser()
    if not p.exists():
        raise DataPackError([Problem(str(p), "no such file or folder")], str(p))
    if p.is_dir():
        descriptor = p / DESCRIPTOR
        if not descriptor.is_file():
            raise DataPackError(
                [Problem(str(p), f"not a data pack: the folder has no {DESCRIPTOR}")], str(p)
            )
        return p, descriptor
    return p.parent, p


def read_descriptor(descriptor: Path) -> dict[str, Any]:
    name = descriptor.name

    def fail(message: str) -> DataPackError:
        return DataPackError([Problem(name, message)], str(descriptor.parent))

    size = descriptor.stat().st_size
    if size == 0:
        raise fail("the file is empty; expected a JSON object describing the pack")
    if size > MAX_DESCRIPTOR_BYTES:
        raise fail(
            f"the file is {size:,} bytes; a descriptor may be at most {MAX_DESCRIPTOR_BYTES:,}"
        )
    try:
        text = descriptor.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise fail(f"not UTF-8 text (byte {exc.start})") from None
    except OSError as exc:
        raise fail(f"cannot read: {exc.strerror}") from None
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise DataPackError(
            [Problem(name, f"invalid JSON: {exc.msg} (column {exc.colno})", row=exc.lineno)],
            str(descriptor.parent),
        ) from None
    except RecursionError:  # "[[[[…" thousands deep: the parser gives up
        raise fail("invalid JSON: nested too deeply") from None
    if not isinstance(data, dict):
        raise fail("expected a JSON object at the top level")
    if not isinstance(data.get("resources"), list):
        raise fail('expected a "resources" list')
    return data


def resource_path(folder: Path, resource: dict[str, Any], where: str, problems: _Problems):
    """The resource's file, or None (with a problem) if its path is unsafe or missing."""
    rel = resource.get("path")
    if not isinstance(rel, str) or not rel:
        problems.add(where, 'expected a "path" naming a file inside the pack folder')
        return None
    if rel.startswith(("/", "\\")) or Path(rel).is_absolute() or "://" in rel:
        problems.add(where, f'path "{rel}" must be relative to the pack folder')
        return None
    if ".." in Path(rel).parts:
        problems.add(where, f'path "{rel}" leaves the pack folder')
        return None
    target = folder / rel
    try:
        resolved = target.resolve(strict=True)
    except (FileNotFoundError, NotADirectoryError, RuntimeError):
        problems.add(rel, "file not found in the pack folder")
        return None
    except ValueError:  # a NUL character in the path
        problems.add(where, f"path {_quoted(rel)} is not a valid file name")
        return None
    except OSError as exc:  # a name too long, a symlink loop, no permission
        problems.add(where, f"path {_quoted(rel)} cannot be opened: {exc.strerror or exc}")
        return None
    if not resolved.is_relative_to(folder.resolve()):
        problems.add(rel, "links outside the pack folder; refused")
        return None
    if resolved.is_dir():
        problems.add(rel, "expected a file, found a folder")
        return None
    if not resolved.is_file():
        problems.add(rel, "not a regular file (a pipe or a device); refused")
        return None
    size = resolved.stat().st_size
    if size > MAX_RESOURCE_BYTES:
        problems.add(rel, f"the file is {size:,} bytes; at most {MAX_RESOURCE_BYTES:,} are read")
        return None
    return resolved


def _quoted(rel: str) -> str:
    """A path for a message: quoted, control characters escaped, at most 80 characters."""
    return json.dumps(rel if len(rel) <= 80 else rel[:79] + "…", ensure_ascii=False)


def read_text(path: Path, rel: str, problems: _Problems, records: bool = False) -> str | None:
    """The file's text; ``records`` numbers a bad byte's row by CSV records, not lines."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        problems.add(rel, f"cannot read: {exc.strerror}")
        return None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        if records:  # a quoted cell may span lines: count the records before the bad byte
            before = data[: exc.start].decode("utf-8", errors="replace") + "x"
            with contextlib.suppress(csv.Error):
                line = sum(1 for _ in csv.reader(io.StringIO(before)))
        problems.add(rel, f"not UTF-8 text (byte {exc.start}); save the file as UTF-8", row=line)
        return None


def parse_table(
    text: str, rel: str, fields: dict[str, schema.Field], delimiter: str, problems: _Problems
) -> pd.DataFrame | None:
    """Parse CSV text into a DataFrame with typed columns, or None if it is unusable."""
    if not text.strip():
        problems.add(rel, "the file is empty; expected a header row and records")
        return None
    try:  # the header as written: pandas would rename a repeated column "name" to "name.1"
        first = next(csv.reader(_lines(text[:HEADER_CHARS]), delimiter=delimiter))
        header = [c.strip() for c in first]
    except csv.Error as exc:
        problems.add(rel, f"not readable as CSV: {exc}", row=1)
        return None
    missing = [name for name in fields if name not in header]
    if missing:
        hint = ""
        if len(header) == 1 and any(d in header[0] for d in ";\t|"):
            one = header[0][:60]
            hint = f' (the header is one column "{one}": is the delimiter "{delimiter}"?)'
        problems.add(rel, f"missing column(s): {', '.join(missing)}{hint}", row=1)
        return None
    duplicated = list(dict.fromkeys(c for c in header if c and header.count(c) > 1))
    if duplicated:
        problems.add(rel, f"duplicate column(s): {', '.join(duplicated)}", row=1)
        return None
    numbers = [name for name, field in fields.items() if field.kind == "number"]
    try:
        raw = _read_csv(text, delimiter, numbers)
    except (pd.errors.ParserError, pd.errors.ParserWarning, csv.Error, ValueError) as exc:
        long_rows = _long_rows(text, delimiter, len(header))
        for row, cells in long_rows[: MAX_PROBLEMS_PER_FILE + 1]:
            problems.add(rel, f"expected {len(header)} cells like the header, got {cells}", row=row)
        if not long_rows:
            problems.add(rel, f"not readable as CSV: {str(exc).strip()}")
        return None
    raw.columns = [str(c).strip() for c in raw.columns]
    # Blank rows are kept (skip_blank_lines=False) so that row numbers stay true to the file.
    first = raw.iloc[:, 0]  # text, or numbers (NaN when empty) in a number column
    first_empty = np.flatnonzero(first.isna() if first.dtype == "float64" else first == "")
    blank = [i for i in first_empty if all(_empty(v) for v in raw.iloc[i])]
    for i in blank[: MAX_PROBLEMS_PER_FILE + 1]:
        problems.add(rel, "the row is blank; remove it", row=int(i) + 2)
    if blank:
        return None
    table = raw  # typed in place, column by column
    rows = pd.RangeIndex(2, len(raw) + 2)
    for name, field in fields.items():
        table[name] = _convert(raw[name], name, field, rows, rel, problems)
    return table


def _read_csv(text: str, delimiter: str, numbers: list[str]) -> pd.DataFrame:
    """All cells as text, except that number columns are parsed by pandas' C parser
    when every cell is a plain finite number or empty (the common case, and much
    faster than converting a million strings); otherwise they stay text, for
    :func:`_convert` to name each bad cell."""
    with warnings.catch_warnings():
        # index_col=False: a row with one cell too many must not become an index that
        # shifts every column; pandas then warns (and would drop the cell): an error here.
        warnings.simplefilter("error", pd.errors.ParserWarning)
        options = dict(
            keep_default_na=False,
            sep=delimiter,
            quoting=csv.QUOTE_MINIMAL,
            skipinitialspace=False,
            index_col=False,
            skip_blank_lines=False,
        )
        if numbers:
            try:
                raw = pd.read_csv(
                    io.StringIO(text),
                    dtype=defaultdict(lambda: str, {name: "float64" for name in numbers}),
                    na_values={name: [""] for name in numbers},
                    **options,
                )
                parsed = raw[numbers].to_numpy()
                plain = np.isfinite(parsed[~np.isnan(parsed)]).all()
                if plain and not _has_truth_words(text, parsed, numbers, options):
                    return raw
            except (ValueError, TypeError, KeyError):
                pass  # a cell that is not a plain number: read as text, and say which
        return pd.read_csv(io.StringIO(text), dtype=str, na_filter=False, **options)


_TRUTH_WORDS = ("true", "True", "TRUE", "false", "False", "FALSE")  # pandas' true_values


def _has_truth_words(text: str, parsed: np.ndarray, numbers: list[str], options) -> bool:
    """True if a number column holds "true" or "false": pandas' parser reads them as
    1 and 0. Only cells parsed as 0 or 1 can be such words, so the columns are read
    again as text only when there are any. ``parsed``: the number columns' values."""
    zero_or_one = (parsed == 0.0) | (parsed == 1.0)
    suspect = {n: zero_or_one[:, i] for i, n in enumerate(numbers)}
    if not zero_or_one.any():
        return False
    if not any(word in text for word in _TRUTH_WORDS):  # a quick look first (~0.2 s
        return False  # for a million rows, against ~0.4 s for reading them again)
    cells = pd.read_csv(io.StringIO(text), dtype=str, na_filter=False, usecols=numbers, **options)
    for name, mask in suspect.items():
        words = cells[name].to_numpy(dtype=object)[mask]
        if any(w.strip().lower() in ("true", "false") for w in words):
            return True
    return False


def _empty(cell: Any) -> bool:
    """An empty cell: "" as text, NaN in a number column."""
    return cell == "" or (isinstance(cell, float) and math.isnan(cell))


def _lines(text: str) -> io.StringIO:
    """The text for the csv module: LF, CRLF or old-Mac CR line endings, as pandas reads."""
    return io.StringIO(text, newline="")


def _long_rows(text: str, delimiter: str, width: int) -> list[tuple[int, int]]:
    """(row, cells) of the records with more cells than the header's ``width``."""
    try:
        reader = csv.reader(_lines(text), delimiter=delimiter)
        return [(n, len(r)) for n, r in enumerate(reader, start=1) if len(r) > width]
    except csv.Error:
        return []


def _positions(mask) -> np.ndarray:
    """Where a row mask (Series or array, missing counted as False) is true."""
    if isinstance(mask, pd.Series):
        mask = mask.to_numpy(dtype=bool, na_value=False)
    return np.flatnonzero(mask)


def _report(mask, values: pd.Series, rows, rel, name, message, problems: _Problems):
    for i in _positions(mask)[: MAX_PROBLEMS_PER_FILE + 1]:
        problems.add(rel, message.format(value=values.iat[i]), row=int(rows[i]), field=name)


def _convert(col: pd.Series, name: str, field: schema.Field, rows, rel: str, problems: _Problems):
    """Check and type one column. The work is done once per distinct value (a million
    observations hold a few hundred ids and years), then spread back to the rows;
    rows are looked at one by one only to name the bad ones."""
    if field.kind == "text" and not field.required:
        return col
    if field.kind == "number":  # mostly distinct values: checked row-wise, vectorised
        if col.dtype == "float64":  # parsed by read_csv: plain finite numbers or empty
            if field.required:
                message = "a value is required"
                _report(col.isna(), col, rows, rel, name, message, problems)
            return col
        return _convert_number(col, name, field, rows, rel, problems)
    codes, uniques = pd.factorize(col.to_numpy(dtype=object))
    stripped_u = pd.Series(uniques, dtype=object).str.strip()
    empty_u = (stripped_u == "").to_numpy()

    def report(bad_u, message: str) -> None:
        """Name the rows whose value is bad (``bad_u``: one flag per distinct value)."""
        bad_u = np.asarray(bad_u, dtype=bool)
        if bad_u.any():
            for i in np.flatnonzero(bad_u[codes])[: MAX_PROBLEMS_PER_FILE + 1]:
                value = stripped_u.iat[codes[i]]
                problems.add(rel, message.format(value=value), row=int(rows[i]), field=name)

    def rows_of(per_value) -> pd.Series:
        return pd.Series(np.asarray(per_value)[codes], index=col.index)

    if field.required and field.kind != "list":
        report(empty_u, "a value is required")
    if field.kind == "text":
        return col
    if field.kind == "id":
        matches = stripped_u.str.match(schema.ID_PATTERN).astype(bool).to_numpy()
        report(~empty_u & ~matches, 'expected an id (letters, digits, _ . -), got "{value}"')
        return rows_of(stripped_u)
    if field.kind == "enum":
        known = stripped_u.isin(field.choices).to_numpy()
        report(~empty_u & ~known, f'expected one of {", ".join(field.choices)}, got "{{value}}"')
        return rows_of(stripped_u)
    if field.kind == "integer":
        whole = stripped_u.str.fullmatch(r"[+-]?[0-9]{1,9}").astype(bool).to_numpy()
        bad_u = ~empty_u & ~whole
        report(bad_u, 'expected a whole number, got "{value}"')
        ints_u = pd.to_numeric(stripped_u.where(~empty_u & ~bad_u), errors="coerce")
        return rows_of(ints_u).astype("Int64")
    if field.kind == "boolean":
        lowered_u = stripped_u.str.lower()
        report(
            ~lowered_u.isin(schema.TRUE_WORDS + schema.FALSE_WORDS).to_numpy(),
            'expected true or false, got "{value}"',
        )
        return rows_of(lowered_u.isin(schema.TRUE_WORDS)).astype(bool)
    if field.kind == "list":
        lists_u = stripped_u.map(
            lambda s: tuple(x.strip() for x in s.split(schema.LIST_DELIMITER) if x.strip())
        )
        if field.required:
            report((lists_u.map(len) == 0).to_numpy(), "at least one id is required")
        return rows_of(lists_u)
    raise AssertionError(f"unknown field kind {field.kind}")


def _convert_number(col: pd.Series, name, field, rows, rel, problems: _Problems) -> pd.Series:
    numbers = pd.to_numeric(col, errors="coerce")
    retry = numbers.isna().to_numpy() & (col != "").to_numpy()
    stripped = col
    if retry.any():  # " 12.5": spaces around a number are forgiven
        stripped = col.copy()
        stripped[retry] = col[retry].str.strip()
        numbers[retry] = pd.to_numeric(stripped[retry], errors="coerce")
    empty = (stripped == "").to_numpy()
    if field.required:
        _report(empty, stripped, rows, rel, name, "a value is required", problems)
    nan = ~empty & numbers.isna().to_numpy()
    inf = ~empty & ~nan & (numbers.abs() == math.inf).to_numpy()
    message = 'expected a number like 12.5, got "{value}"'
    _report(nan, stripped, rows, rel, name, message, problems)
    _report(inf, stripped, rows, rel, name, 'expected a finite number, got "{value}"', problems)
    return numbers.where(~inf).astype("float64")


def _duplicated(table: pd.DataFrame, key: tuple[str, ...]) -> np.ndarray:
    """Rows whose key occurs more than once. Several columns are combined into one
    integer code first: hashing a million (id, year) pairs is far slower."""
    combined = np.zeros(len(table), dtype=np.int64)
    for column in key:
        codes, uniques = pd.factorize(table[column])  # missing: -1
        combined = combined * (len(uniques) + 1) + (codes + 1)
    return pd.Series(combined).duplicated(keep=False).to_numpy()


def check_references(tables: dict[str, pd.DataFrame], files: dict[str, str], problems: _Problems):
    """Primary keys are unique; theme, excerpt and indicator ids point somewhere."""
    for name, key in schema.PRIMARY_KEYS.items():
        table = tables[name]
        dup = _duplicated(table, key)
        if dup.any():
            first_row: dict[tuple, int] = {}
            for i in dup.nonzero()[0]:
                k = tuple(table.iloc[i][c] for c in key)
                if k in first_row:
                    label = ", ".join(str(v) for v in k)
                    problems.add(
                        files[name],
                        f'duplicate {" + ".join(key)} "{label}" (first at row {first_row[k]})',
                        row=int(i) + 2,
                        field=key[0],
                    )
                else:
                    first_row[k] = int(i) + 2

    theme_ids = set(tables["themes"]["id"])
    excerpt_ids = set(tables["excerpts"]["id"])
    indicator_ids = set(tables["indicators"]["id"])
    for name, table in tables.items():
        if "themes" in schema.RESOURCES[name]:
            _check_lists(table, "themes", theme_ids, "theme", files[name], problems)
        if "excerpt_ids" in schema.RESOURCES[name]:
            _check_lists(table, "excerpt_ids", excerpt_ids, "excerpt", files[name], problems)

    obs = tables["observations"]
    unknown = ~obs["indicator_id"].isin(indicator_ids)
    _report(
        unknown,
        obs["indicator_id"],
        obs.index + 2,
        files["observations"],
        "indicator_id",
        'no indicator with id "{value}" in indicators',
        problems,
    )
    has_value = obs["value"].notna()
    reported = obs["status"] == "reported"
    _report(
        reported & ~has_value,
        obs["status"],
        obs.index + 2,
        files["observations"],
        "value",
        "status is reported but the value is empty (use not_reported for a missing cell)",
        problems,
    )
    _report(
        ~reported & has_value & obs["status"].isin(schema.STATUSES),
        obs["status"],
        obs.index + 2,
        files["observations"],
        "value",
        "status is {value} but a value is given (use status reported)",
        problems,
    )


def _check_lists(table, column, known: set[str], what: str, rel: str, problems: _Problems):
    unique = table[column].unique()
    bad_lists = {ids: [i for i in ids if i not in known] for ids in unique}
    bad_lists = {k: v for k, v in bad_lists.items() if v}
    if not bad_lists:
        return
    mask = table[column].map(lambda ids: ids in bad_lists)
    for i in mask.to_numpy().nonzero()[0][: MAX_PROBLEMS_PER_FILE + 1]:
        missing = ", ".join(f'"{x}"' for x in bad_lists[table[column].iat[i]])
        problems.add(rel, f"no {what} with id {missing}", row=int(i) + 2, field=column)
