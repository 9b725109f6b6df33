"""CSV text to a table of cells, checked against the schema's shape: the header names
the schema's fields in order, every record has as many cells, no record is blank, and no
header or cell holds a control character. Cells stay text, except number columns that
pandas' C parser reads in one go when every cell is a plain number (the common case).
"""

from __future__ import annotations

import csv
import io
import re
import warnings
from collections import defaultdict

import numpy as np
import pandas as pd

from gzexplorer.model.errors import MAX_PROBLEMS_PER_FILE, Problems
from gzexplorer.model.tableschema import Dialect, Schema

HEADER_CHARS = 2**20  # the header row is read from the start of the text only
# C0 controls and DEL, except tab, line feed and carriage return
CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_PRINTABLE = bytes(range(32, 127)) + bytes(range(128, 256))


def read_table(
    text: str, rel: str, schema: Schema, dialect: Dialect, problems: Problems
) -> pd.DataFrame | None:
    """The records of ``text`` as a DataFrame with the schema's column names, or None
    (with problems) when the file's shape is wrong."""
    if not text.strip():
        problems.add(
            rel, "the file is empty; expected a header row and records", code="source-error"
        )
        return None
    header = _header(text, rel, schema, dialect, problems)
    if header is None or _control_characters(text, rel, header, dialect, problems):
        return None
    if not _simple(text, len(header), dialect) and not _records_fit(
        text, rel, len(header), dialect, problems
    ):
        return None
    numbers = [
        f.name
        for f in schema.fields[:-1]  # the last column stays text: it shows short rows
        if f.type == "number"
        and f.decimal_char == "."
        and not f.group_char
        and f.missing_values == ("",)
    ]
    try:
        table = _read_csv(text, dialect, numbers)
    except (pd.errors.ParserError, pd.errors.ParserWarning, csv.Error, ValueError) as exc:
        if _records_fit(text, rel, len(header), dialect, problems):  # else: the rows named
            problems.add(rel, f"not readable as CSV: {str(exc).strip()}", code="source-error")
        return None
    table.columns = header
    first = table.iloc[:, 0]  # text, or numbers (NaN when empty) in a number column
    first_empty = np.flatnonzero(first.isna() if first.dtype == "float64" else first == "")
    blank = [i for i in first_empty if all(_empty(v) for v in table.iloc[i])]
    for i in blank[: MAX_PROBLEMS_PER_FILE + 1]:
        problems.add(rel, "the row is blank; remove it", row=int(i) + 2, code="blank-row")
    return None if blank else table


def _header(
    text: str, rel: str, schema: Schema, dialect: Dialect, problems: Problems
) -> list[str] | None:
    """The header's names (stripped, as frictionless compares them), if they are the
    schema's field names in the schema's order."""
    try:
        first = next(csv.reader(_lines(text[:HEADER_CHARS]), **_csv_options(dialect)))
    except csv.Error as exc:
        problems.add(rel, f"not readable as CSV: {exc}", row=1, code="source-error")
        return None
    header = [c.strip() for c in first]
    for column, label in enumerate(header, start=1):
        if m := CONTROL.search(label):
            problems.add(
                rel,
                f"control character U+{ord(m.group()):04X} in the name of column {column}",
                row=1,
                code="incorrect-label",
            )
            return None
    names = schema.names
    duplicated = list(dict.fromkeys(c for c in header if c and header.count(c) > 1))
    if duplicated:
        problems.add(
            rel, f"duplicate column(s): {', '.join(duplicated)}", row=1, code="duplicate-label"
        )
        return None
    missing = [n for n in names if n not in header]
    extra = [c for c in header if c not in names]
    if missing:
        hint = ""
        if len(header) == 1 and any(d in header[0] for d in ";\t|,"):
            hint = (
                f' (the header is one column "{header[0][:60]}": '
                f'is the delimiter "{dialect.delimiter}"?)'
            )
        problems.add(
            rel, f"missing column(s): {', '.join(missing)}{hint}", row=1, code="missing-label"
        )
        return None
    if extra:
        problems.add(
            rel,
            f"column(s) not declared in the schema: {', '.join(extra)} "
            "(declare them in datapackage.json or remove them)",
            row=1,
            code="extra-label",
        )
        return None
    if header != names:
        problems.add(
            rel,
            f"the columns are not in the schema's order: expected {', '.join(names)}",
            row=1,
            code="incorrect-label",
        )
        return None
    return header


def _csv_options(dialect: Dialect) -> dict:
    return {
        "delimiter": dialect.delimiter,
        "quotechar": dialect.quote_char,
        "doublequote": dialect.double_quote,
    }


def _lines(text: str) -> io.StringIO:
    """The text for the csv module: LF, CRLF or old-Mac CR line endings, as pandas reads."""
    return io.StringIO(text, newline="")


def _simple(text: str, width: int, dialect: Dialect) -> bool:
    """True if every line is one record of ``width`` cells, told quickly: no quotes,
    and as many delimiters as ``width - 1`` a line. (A record with more cells makes
    pandas raise, so the sum can only come out right if every line is right.)"""
    if dialect.quote_char in text or "\r" in text:
        return False
    lines = text.count("\n") + (not text.endswith("\n"))
    return text.count(dialect.delimiter) == lines * (width - 1)


def _records_fit(text: str, rel: str, width: int, dialect: Dialect, problems: Problems) -> bool:
    """Every record but blank ones has ``width`` cells; else a problem for each that
    does not (pandas would fill a short record with empty cells)."""
    try:
        widths = _widths(text, dialect)
    except csv.Error as exc:  # a quote that is never closed
        problems.add(
            rel, f"not readable as CSV: {exc} (is a quote left open?)", code="source-error"
        )
        return False
    bad = np.flatnonzero((widths != width) & (widths != 0))
    for i in bad[: MAX_PROBLEMS_PER_FILE + 1]:
        got = int(widths[i])
        problems.add(
            rel,
            f"expected {width} cells like the header, got {got}",
            row=int(i) + 2,
            code="extra-cell" if got > width else "missing-cell",
        )
    return not len(bad)


def _widths(text: str, dialect: Dialect) -> np.ndarray:
    """The number of cells of each record after the header (0 for an empty line)."""
    if dialect.quote_char not in text:  # one record a line: count delimiters with numpy
        if "\r" in text:
            text = text.replace("\r\n", "\n").replace("\r", "\n")
        data = np.frombuffer(text.encode("utf-8"), dtype=np.uint8)
        ends = np.flatnonzero(data == 10)
        if not len(ends) or ends[-1] != len(data) - 1:
            ends = np.append(ends, len(data))  # no newline after the last record
        delimiters = np.flatnonzero(data == ord(dialect.delimiter))
        per_line = np.diff(np.searchsorted(delimiters, ends), prepend=0)
        starts = np.concatenate(([0], ends[:-1] + 1))
        empty = ends == starts
        widths = np.where(empty, 0, per_line + 1)
        return widths[1:]
    reader = csv.reader(_lines(text), strict=True, **_csv_options(dialect))
    next(reader, None)
    return np.fromiter((len(r) for r in reader), dtype=np.int64)


def _control_characters(
    text: str, rel: str, header: list[str], dialect: Dialect, problems: Problems
) -> bool:
    """True (with a problem for each, named by row and field) if a cell holds a NUL or
    another control character."""
    rest = text.encode("utf-8").translate(None, _PRINTABLE)  # C0 controls and DEL remain
    if not rest.translate(None, b"\t\n\r"):
        return False
    reader = csv.reader(_lines(text), **_csv_options(dialect))
    next(reader, None)
    for row, record in enumerate(reader, start=2):
        for column, cell in enumerate(record):
            if m := CONTROL.search(cell):
                name = header[column] if column < len(header) else None
                problems.add(
                    rel,
                    f"control character U+{ord(m.group()):04X} in the cell; remove it",
                    row=row,
                    field=name,
                    code="control-character",
                )
    return True


def _read_csv(text: str, dialect: Dialect, numbers: list[str]) -> pd.DataFrame:
    """All cells as text, except that number columns are parsed by pandas' C parser
    when every cell is a plain finite number or empty (much faster than converting a
    million strings); otherwise they stay text, for :mod:`cells` to name each bad cell."""
    with warnings.catch_warnings():
        # index_col=False: a record with a cell too many must not become an index that
        # shifts every column; pandas then warns (and would drop the cell): an error here
        warnings.simplefilter("error", pd.errors.ParserWarning)
        options = dict(
            keep_default_na=False,
            sep=dialect.delimiter,
            quotechar=dialect.quote_char,
            doublequote=dialect.double_quote,
            quoting=csv.QUOTE_MINIMAL,
            skipinitialspace=False,
            index_col=False,
            skip_blank_lines=False,
            header=0,
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
    if not zero_or_one.any() or not any(word in text for word in _TRUTH_WORDS):
        return False
    cells = pd.read_csv(io.StringIO(text), dtype=str, na_filter=False, usecols=numbers, **options)
    for i, name in enumerate(numbers):
        words = cells[name].to_numpy(dtype=object)[zero_or_one[:, i]]
        if any(w.strip().lower() in ("true", "false") for w in words):
            return True
    return False


def _empty(cell) -> bool:
    """An empty cell: "" as text, NaN in a number column."""
    return cell == "" or (isinstance(cell, float) and cell != cell)
