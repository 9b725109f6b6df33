"""A document's tables into series (indicators and their yearly observations), or,
for a table without years, into figures.

The header names the series and their units ("Poverty rate (%)", "GDP GROWTH RATE,
%"); a year column (or a header row of years) gives the years. A "-" or empty cell is
missing (``not_reported``), never zero; words in a cell ("(ranking 1 st in China)") are
a ``qualitative`` note; a number keeps its printed cell for provenance.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from gzexplorer.draft.passages import Passage, slug
from gzexplorer.draft.read_text import is_missing
from gzexplorer.model.textnumbers import number_of_cell

ACRONYMS = {
    "gdp",
    "gnp",
    "gni",
    "ict",
    "it",
    "co2",
    "un",
    "eu",
    "us",
    "usd",
    "rmb",
    "sme",
    "smes",
    "ai",
    "r&d",
    "ppp",
    "caict",
    "nbs",
    "oecd",
    "imf",
    "5g",
    "4g",
    "fdi",
}
_UNIT_WORDS = re.compile(
    r"^(?:%|per ?cent|percent|percentage points?|pp|‰|(?:hundred|thousand|million|billion|"
    r"trillion|mn|bn|10,000)?\s*(?:yuan|rmb|usd|us\$|\$|dollars|euros?|people|persons|"
    r"households|km|km2|km²|hectares|ha|mu|tonnes|tons|kg|mw|gw|kwh|gwh|twh|years?|"
    r"days|hours|units|count|number|index|points?|ratio|times)?)\s*$",
    re.IGNORECASE,
)
_YEAR = re.compile(r"^((?:18|19|20)\d\d)\s*[*†‡a-z]?$")
_TABLE_LABEL = re.compile(r"\b(Table\s*\d+[A-Za-z]?)\b")
_NUMBER_AND_MARK = re.compile(
    r"^(?P<n>[-+−]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?)\s*(?P<rest>%|\*+|[†‡]|[a-z]\)|\([^()]*\)|\[[^\]]*\])\s*$"
)


@dataclass
class IndicatorDraft:
    id: str
    name: str
    unit: str
    description: str
    source: str
    excerpt_ids: list[str]
    text: str  # the words its themes are read from
    themes: list[str] = field(default_factory=list)


@dataclass
class ObservationDraft:
    indicator_id: str
    year: int
    value: float | None
    status: str
    note: str
    source_text: str
    excerpt_ids: list[str]


@dataclass
class CellFigure:
    """A number in a table without years: a figure, its row's line as the quote."""

    label: str
    value: float
    unit: str
    group: str
    quote: str
    passage_id: str
    text: str


@dataclass
class TableDraft:
    indicators: list[IndicatorDraft] = field(default_factory=list)
    observations: list[ObservationDraft] = field(default_factory=list)
    figures: list[CellFigure] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


def sentence_case(text: str) -> str:
    """ALL CAPS words as a sentence ("GROWTH RATE OF THE DIGITAL ECONOMY" gives "Growth
    rate of the digital economy"), acronyms kept; other text as it is."""
    letters = [c for c in text if c.isalpha()]
    if not letters or any(c.islower() for c in letters):
        return text
    words = [w if w.lower() in ACRONYMS else w.lower() for w in text.split()]
    out = " ".join(words)
    return out[:1].upper() + out[1:]


def name_and_unit(header: str) -> tuple[str, str]:
    """'Poverty rate (%)' gives ('Poverty rate', '%'); 'GDP GROWTH RATE, %' gives
    ('GDP growth rate', '%'); a header without a unit gives an empty unit."""
    h = " ".join(header.split())
    name, unit = h, ""
    m = re.match(r"^(.*\S)\s*[(\[]([^()\[\]]{1,30})[)\]]$", h)
    if m and _UNIT_WORDS.match(m.group(2).strip()):
        name, unit = m.group(1), m.group(2).strip()
    else:
        m = re.match(r"^(.*\S)\s*[,:;]\s*([^,]{1,30})$", h)
        if m and _UNIT_WORDS.match(m.group(2).strip()):
            name, unit = m.group(1), m.group(2).strip()
        elif h.endswith("%") and len(h) > 1:
            name, unit = h[:-1].rstrip(" ,(-"), "%"
    if re.fullmatch(r"per ?cent|percent", unit, re.IGNORECASE):
        unit = "%"
    return sentence_case(name).strip(" ,;:") or h, sentence_case(
        unit
    ).lower() if unit != "%" else unit


def _cell(cell: str, where: str) -> tuple[float | None, str, str, str]:
    """(value, status, note, source_text) of one printed cell."""
    c = cell.strip()
    if is_missing(c):
        return None, "not_reported", f'"{c}" in {where}' if c else f"empty in {where}", c
    n = number_of_cell(c)
    if n is not None:
        return n, "reported", "", c
    m = _NUMBER_AND_MARK.match(c)
    if m:
        number = m.group("n").replace("−", "-")
        rest = m.group("rest")
        note = "" if rest == "%" else f'printed as "{c}"'
        return float(number.replace(",", "")), "reported", note, number
    words = re.sub(r"\s+", " ", c.strip("()[] ")).strip()
    words = re.sub(r"(\d)\s+(st|nd|rd|th)\b", r"\1\2", words)  # "1 st" as "1st"
    return None, "qualitative", words, c


def _year(cell: str) -> int | None:
    m = _YEAR.match(cell.strip())
    return int(m.group(1)) if m else None


def _unique(base: str, used: set[str]) -> str:
    base = base or "series"
    out, n = base, 2
    while out in used:
        out = f"{base}_{n}"
        n += 1
    used.add(out)
    return out


def _strip_label(text: str) -> str:
    """A caption without its "Table 1:" label."""
    return re.sub(r"^\s*(?:Table|Figure|Chart)\s*\d+[A-Za-z]?\s*[.:–—-]?\s*", "", text).strip()


def _source(text: str) -> str:
    lines = [ln.strip() for ln in text.splitlines() if ln.strip()]
    found = [
        re.sub(r"^sources?\s*[:：]\s*", "", ln, flags=re.I)
        for ln in lines
        if re.match(r"^sources?\s*[:：]", ln, re.I)
    ]
    return "; ".join(found)


def draft(
    table: Passage, caption: Passage | None, source: Passage | None, used: set[str]
) -> TableDraft:
    """The series (or figures) of one table passage."""
    out = TableDraft()
    rows = list(table.block.rows)
    if len(rows) < 2:
        return out
    header, data = rows[0].cells, rows[1:]
    caption_text = "\n".join(t for t in (table.block.caption, caption.text if caption else "") if t)
    source_text = "\n".join(t for t in (table.block.source, source.text if source else "") if t)
    label_m = _TABLE_LABEL.search(f"{caption_text}\n{source_text}")
    where = label_m.group(1) if label_m else "the table"
    title = _strip_label(caption_text.splitlines()[0]) if caption_text.strip() else ""
    ids = [table.id] + [p.id for p in (caption, source) if p is not None]
    published_by = _source(source_text)
    year_rows = sum(_year(r.cells[0]) is not None for r in data if r.cells)
    year_cols = sum(_year(c) is not None for c in header[1:])
    if year_rows >= 2:
        columns = [(j, header[j]) for j in range(1, len(header))]
        series = []
        for j, head in columns:
            name, unit = name_and_unit(head)
            if len(columns) == 1 and title:
                t_name, t_unit = name_and_unit(title)
                name, unit = (t_name, t_unit or unit) if t_unit or not unit else (name, unit)
            series.append((j, name, unit))
        cells_of = [
            (r, [(j, r.cells[j] if j < len(r.cells) else None) for j, *_ in series]) for r in data
        ]
        year_of = [(_year(r.cells[0]) if r.cells else None) for r in data]
    elif year_cols >= 2:
        series = []
        for i, r in enumerate(data):
            if r.cells:
                name, unit = name_and_unit(r.cells[0])
                series.append((i, name, unit))
        years = [_year(c) for c in header]
        for i, name, unit in series:
            ind = _indicator(name, unit, title, where, published_by, ids, used, caption_text)
            out.indicators.append(ind)
            seen: set[int] = set()
            r = data[i]
            for j in range(1, len(header)):
                y = years[j]
                if y is None or y in seen:
                    continue
                seen.add(y)
                cell = r.cells[j] if j < len(r.cells) else ""
                value, status, note, printed = _cell(cell, where)
                out.observations.append(
                    ObservationDraft(ind.id, y, value, status, note, printed, [table.id])
                )
        return out
    else:
        return _category_figures(table, header, data, title or where, out)
    for j, name, unit in series:
        ind = _indicator(name, unit, title, where, published_by, ids, used, caption_text)
        out.indicators.append(ind)
        seen = set()
        for (r, cells), y in zip(cells_of, year_of, strict=True):
            if y is None:
                continue
            if len(r.cells) != len(header):
                out.notes.append(
                    f"{where}: the row {r.line!r} has {len(r.cells)} cells, the header "
                    f"{len(header)}; the rows from it on are left out"
                )
                break
            if y in seen:
                continue
            seen.add(y)
            cell = dict(cells)[j] or ""
            value, status, note, printed = _cell(cell, where)
            out.observations.append(
                ObservationDraft(ind.id, y, value, status, note, printed, [table.id])
            )
    return out


def _indicator(name, unit, title, where, published_by, ids, used, caption_text) -> IndicatorDraft:
    desc = f"{name}, as printed in {where}"
    if title:
        desc += f" ({title})"
    return IndicatorDraft(
        _unique(slug(name, 6, 48).replace("-", "_"), used),
        name,
        unit or "value",
        desc + ".",
        published_by,
        ids,
        f"{name} {caption_text}",
    )


def _category_figures(table: Passage, header, data, title: str, out: TableDraft) -> TableDraft:
    for j in range(1, len(header)):
        name, unit = name_and_unit(header[j])
        for r in data:
            if len(r.cells) != len(header) or not r.cells[0].strip():
                continue
            value, status, _note, printed = _cell(r.cells[j], title)
            if status != "reported" or value is None:
                continue
            out.figures.append(
                CellFigure(
                    f"{name}: {r.cells[0]}",
                    value,
                    unit or "value",
                    f"{name} ({title})" if title else name,
                    r.line,
                    table.id,
                    f"{name} {r.cells[0]} {title}",
                )
            )
    return out
