"""Every number leads back to the words that state it, checked for any pack:

- a figure's ``quote`` is in each passage it cites, and its ``value`` is a number the
  quote states;
- an observation's printed cell (``source_text``) is in each passage it cites, and a
  reported value is that cell's number;
- a milestone's year is in one of its passages;
- where the pack has a document, each passage is in it, in reading order.

Whitespace is compared normalised (line breaks and runs of spaces count as one space).
"""

from __future__ import annotations

import re

import numpy as np
import pandas as pd

from gzexplorer.model.errors import MAX_PROBLEMS_PER_FILE, Problems
from gzexplorer.model.textnumbers import normalised, number_of_cell, states

_TABLE_SPLIT = re.compile(r"[\t\n\r|]")
_WIDE_SPACE = re.compile(r"\s{2,}")
_NUMBER_TOKEN = re.compile(r"(?<![\w.,])[-−]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?(?![\w]|\.\d)")


def check(
    tables: dict[str, pd.DataFrame],
    files: dict[str, str],
    document: str | None,
    document_file: str,
    problems: Problems,
) -> None:
    passages = dict(zip(tables["excerpts"]["id"], tables["excerpts"]["text"], strict=True))
    _figures(tables["figures"], passages, files["figures"], problems)
    _observations(tables["observations"], passages, files["observations"], problems)
    _milestones(tables["milestones"], passages, files["milestones"], problems)
    if document is not None:
        _passages_in_document(
            tables["excerpts"], document, document_file, files["excerpts"], problems
        )


def _figures(figures: pd.DataFrame, passages: dict[str, str], rel: str, problems: Problems):
    normal = {}
    for i, row in enumerate(figures.itertuples(index=False), start=2):
        quote = normalised(row.quote)
        for eid in row.excerpt_ids:
            if eid not in normal:
                normal[eid] = normalised(passages.get(eid, ""))
            if eid in passages and quote not in normal[eid]:
                problems.add(
                    rel,
                    f'"{_short(row.quote)}" is not in passage {eid}',
                    row=i,
                    field="quote",
                    code="quote-not-in-passage",
                )
        if not pd.isna(row.value) and not states(row.quote, float(row.value)):
            problems.add(
                rel,
                f'{_number(row.value)} is not a number the quote "{_short(row.quote)}" states',
                row=i,
                field="value",
                code="value-not-in-quote",
            )


class _Printed:
    """The cells a passage prints: table cells (split on tabs, line breaks, wide spaces
    and pipes), then, looked up only when a cell is not among those, every number
    written in its prose and the passage's own words."""

    def __init__(self, passage: str) -> None:
        self.passage = passage
        self.cells = set(passage.replace("\t", "\n").splitlines())
        self._numbers: set[str] | None = None
        self._text: str | None = None

    def has(self, cell: str) -> bool:
        if cell in self.cells:
            return True
        if self._numbers is None:  # space-aligned columns, numbers in prose
            self.cells = {c.strip() for c in _TABLE_SPLIT.split(self.passage)}  # padded, |
            self.cells.update(c.strip() for c in _WIDE_SPACE.split(self.passage))
            self._numbers = {
                m.group().replace("−", "-") for m in _NUMBER_TOKEN.finditer(self.passage)
            }
            self._text = normalised(self.passage)
            if cell in self.cells:
                return True
        cell = normalised(cell)
        if cell in self.cells:
            return True
        if number_of_cell(cell) is not None:
            return cell.replace("−", "-") in self._numbers
        return not cell or cell in self._text  # a blank cell prints nothing


def _observations(obs: pd.DataFrame, passages: dict[str, str], rel: str, problems: Problems):
    if obs.empty:
        return
    cells = obs["source_text"].to_numpy(dtype=object)  # stripped where it matters
    status = obs["status"].to_numpy(dtype=object)
    values = obs["value"].to_numpy(dtype=float, na_value=np.nan)
    reported = status == "reported"
    empty = cells == ""
    for i in np.flatnonzero(reported & empty)[: MAX_PROBLEMS_PER_FILE + 1]:
        problems.add(
            rel,
            "the printed cell is needed to check the value against its passage",
            row=int(i) + 2,
            field="source_text",
            code="cell-not-in-passage",
        )
    # is each printed cell in its passages? one look per distinct list of passages
    codes, lists = pd.factorize(obs["excerpt_ids"])
    order = np.argsort(codes, kind="stable")
    bounds = np.searchsorted(codes[order], np.arange(len(lists) + 1))
    absent = np.zeros(len(obs), dtype=bool)
    missing_in: dict[int, str] = {}
    printed: dict[str, _Printed] = {}
    for k, ids in enumerate(lists):
        rows = order[bounds[k] : bounds[k + 1]]
        shown = cells[rows]
        for eid in ids:
            if eid not in passages:
                continue  # reported by the reference checks
            if eid not in printed:
                printed[eid] = _Printed(passages[eid])
            passage = printed[eid]
            known = passage.cells
            found = np.fromiter(map(known.__contains__, shown), dtype=bool, count=len(shown))
            for j in np.flatnonzero(~found):
                found[j] = passage.has(shown[j])
            lost = rows[~found & (shown != "")]
            absent[lost] = True
            for r in lost[: MAX_PROBLEMS_PER_FILE + 1]:
                missing_in.setdefault(int(r), eid)
    for i in np.flatnonzero(absent)[: MAX_PROBLEMS_PER_FILE + 1]:
        problems.add(
            rel,
            f'"{_short(cells[i])}" is not in passage {missing_in[int(i)]}',
            row=int(i) + 2,
            field="source_text",
            code="cell-not-in-passage",
        )
    # a reported value is the number its printed cell holds
    rows = np.flatnonzero(reported & ~empty & ~absent)
    numbers = pd.to_numeric(pd.Series(cells[rows], dtype=object), errors="coerce").to_numpy(
        dtype=float, na_value=np.nan, copy=True
    )
    for j in np.flatnonzero(np.isnan(numbers)):  # "1,234", "−2": read one by one
        number = number_of_cell(cells[rows[j]])
        numbers[j] = np.nan if number is None else number
    differ = ~np.isclose(values[rows], numbers, rtol=1e-9, atol=1e-12)
    for i in rows[differ][: MAX_PROBLEMS_PER_FILE + 1]:
        cell = cells[i]
        message = (
            f'{_number(values[i])} is not the number of the printed cell "{_short(cell)}"'
            if number_of_cell(cell) is not None
            else f'the printed cell "{_short(cell)}" is not a number; its status is reported'
        )
        problems.add(rel, message, row=int(i) + 2, field="value", code="value-not-in-cell")


def _milestones(milestones: pd.DataFrame, passages: dict[str, str], rel: str, problems: Problems):
    for i, row in enumerate(milestones.itertuples(index=False), start=2):
        if pd.isna(row.year):
            continue
        year = re.compile(rf"(?<!\d){int(row.year)}(?!\d)")
        cited = [eid for eid in row.excerpt_ids if eid in passages]
        if cited and not any(year.search(passages[eid]) for eid in cited):
            problems.add(
                rel,
                f"{int(row.year)} is not in passage {', '.join(cited)}",
                row=i,
                field="year",
                code="year-not-in-passage",
            )


def _passages_in_document(
    excerpts: pd.DataFrame, document: str, document_file: str, rel: str, problems: Problems
) -> None:
    doc = normalised(document)
    at = 0
    ordered = excerpts.assign(file_row=np.arange(2, len(excerpts) + 2)).sort_values(
        "order", kind="stable"
    )
    for row in ordered.itertuples(index=False):
        text = normalised(row.text)
        found = doc.find(text, at)
        if found >= 0:
            at = found
            continue
        where = f"passage {row.id} is not in the document ({document_file})"
        if doc.find(text) >= 0:
            where = (
                f"passage {row.id} is in the document ({document_file}) but not in reading "
                "order: its order puts it after a passage that comes later in the document"
            )
        problems.add(
            rel, where, row=int(row.file_row), field="text", code="passage-not-in-document"
        )


def _short(text: str, limit: int = 80) -> str:
    text = normalised(text)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _number(value: float) -> str:
    return f"{value:.15g}"
