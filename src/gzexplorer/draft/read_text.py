"""Plain text into blocks: the reader of .txt files, and of the text a PDF gives.

Blocks are separated by blank lines. A block is a table when two or more of its lines
split into the same cells (on tabs, runs of two or more spaces, or ``|``) and the rows
hold numbers; a caption when it names a picture or a table ("Image: …", "Figure 3",
"■ …"); a quote when it is set apart by ``||`` lines, starts with ``>`` or is an
italic ``*…*`` span; a heading when it is one short line without a full stop (the
first ones, before any paragraph, are the title); else a paragraph.
"""

from __future__ import annotations

import re

from gzexplorer.draft.reading import Block, Reading, Row
from gzexplorer.model.textnumbers import number_of_cell

_CREDIT = re.compile(
    r"^(?:images?|photos?|photograph|picture|credits?|photo credit|illustration)\s*[:：]",
    re.IGNORECASE,
)
_LABEL = re.compile(
    r"^(?:figure|fig\.|table|chart|graph|map|box|exhibit|image|photo)\s*\d+[a-z]?\b", re.I
)
_SOURCE = re.compile(r"^(?:sources?|notes?|data)\s*[:：]", re.IGNORECASE)
_PAGE_NUMBER = re.compile(
    r"^(?:page\s*)?[-–—]?\s*\d{1,4}\s*[-–—]?(?:\s*(?:/|of)\s*\d{1,4})?$", re.I
)
_RULE = re.compile(r"^[-=*_~#.·•\s]{3,}$")
_MISSING = {"-", "–", "—", "..", "...", "…", "n/a", "na", "n.a.", "x", ""}
BULLETS = "■□▪●•◆◇►▶"


def read(text: str) -> Reading:
    return Reading(text, blocks(text), "text")


def split_cells(line: str) -> list[str]:
    """The cells of a table line: split on ``|``, tabs, or runs of two or more spaces."""
    s = line.strip()
    if "|" in s and not set(s) <= {"|", " "}:
        parts = s.strip("|").split("|")
        return [p.strip() for p in parts]
    if "\t" in s:
        return [p.strip() for p in re.split(r"\s*\t\s*", s) if p.strip()]
    return [p for p in re.split(r"\s{2,}", s) if p]


def is_missing(cell: str) -> bool:
    return cell.strip().lower() in _MISSING


def _tableish(cells: list[str]) -> bool:
    return len(cells) >= 2 and all(len(c) <= 60 for c in cells)


def _data_row(cells: list[str]) -> bool:
    """A row of numbers: some cell beyond the first is a number or a missing mark."""
    return any(number_of_cell(c.rstrip("%*†‡")) is not None or is_missing(c) for c in cells[1:])


def _headingish(line: str) -> bool:
    s = line.strip()
    if not s or len(s) > 100 or len(s.split()) > 14:
        return False
    if s[-1] in ".,;:!?…" or s[0] in BULLETS + "*_->#|(\"'“":
        return False
    return s[0].isupper() or s[0].isdigit()


class _Lines:
    """The lines of a block with their offsets in the document."""

    def __init__(self, document: str, spans: list[tuple[int, int]]):
        self.document = document
        self.spans = spans

    def __len__(self) -> int:
        return len(self.spans)

    def line(self, i: int) -> str:
        a, b = self.spans[i]
        return self.document[a:b]

    def text(self, first: int = 0, last: int | None = None) -> str:
        """Lines first..last (inclusive) exactly as in the document, ends trimmed."""
        last = len(self.spans) - 1 if last is None else last
        return self.document[self.spans[first][0] : self.spans[last][1]].strip()


def _raw_blocks(document: str) -> list[_Lines]:
    found, current = [], []
    at = 0
    for line in document.split("\n"):
        end = at + len(line)
        if line.strip():
            current.append((at, end))
        elif current:
            found.append(_Lines(document, current))
            current = []
        at = end + 1
    if current:
        found.append(_Lines(document, current))
    return found


def _table_run(lines: _Lines) -> tuple[int, int, list[Row]] | None:
    """The first and last line of the table in a block, and its rows (the header
    first, a wrapped header line folded into it), or None if there is none."""
    cells = [split_cells(lines.line(i)) for i in range(len(lines))]
    for start in range(len(lines)):
        if not _tableish(cells[start]):
            continue
        header = list(cells[start])
        end = start
        rows = [Row(tuple(header), lines.line(start).strip())]
        i = start + 1
        # a header cell wrapped onto the next line ("POVERTY" / "RATES, %")
        if (
            i + 1 < len(lines)
            and len(cells[i]) < len(header)
            and not _data_row(["", *cells[i]])
            and _tableish(cells[i + 1])
        ):
            k = len(cells[i])
            for j, extra in enumerate(cells[i]):
                header[len(header) - k + j] += " " + extra
            rows[0] = Row(tuple(header), lines.line(start).strip())
            end = i
            i += 1
        data = 0
        while i < len(lines) and _tableish(cells[i]):
            rows.append(Row(tuple(cells[i]), lines.line(i).strip()))
            data += _data_row(cells[i])
            end = i
            i += 1
        if (len(rows) >= 3 or (len(rows) == 2 and data)) and data * 2 >= len(rows) - 1:
            return start, end, rows
    return None


def _block(lines: _Lines) -> list[Block]:
    """One block of lines, as one or two blocks (a paragraph and its italic quote)."""
    first, last = lines.line(0).strip(), lines.line(len(lines) - 1).strip()
    if len(lines) == 1 and (_PAGE_NUMBER.match(first) or _RULE.match(first)):
        return []
    if first == "||" or last == "||":  # a pull quote between || lines
        inner = [i for i in range(len(lines)) if lines.line(i).strip() != "||"]
        return [Block("quote", lines.text(inner[0], inner[-1]))] if inner else []
    table = _table_run(lines)
    if table is not None:
        start, end, rows = table
        caption = lines.text(0, start - 1) if start > 0 else ""
        source = lines.text(end + 1) if end + 1 < len(lines) else ""
        return [Block("table", lines.text(), tuple(rows), caption, source)]
    if _CREDIT.match(last) or first[0] in BULLETS or (_LABEL.match(first) and len(lines) <= 3):
        return [Block("caption", lines.text())]
    if _SOURCE.match(first):
        return [Block("source", lines.text())]
    if all(lines.line(i).lstrip().startswith(">") for i in range(len(lines))):
        return [Block("quote", lines.text())]
    for k in range(len(lines)):  # an italic span to the end of the block
        s = lines.line(k).strip()
        if s[:1] in "*_" and s[:2] not in ("**", "__") and last[-1:] == s[0]:
            quote = Block("quote", lines.text(k))
            return [Block("paragraph", lines.text(0, k - 1)), quote] if k else [quote]
        if k == 0:
            continue
    if len(lines) == 1 and _headingish(first):
        return [Block("heading", lines.text())]
    return [Block("paragraph", lines.text())]


def blocks(document: str) -> list[Block]:
    """The document's blocks in reading order (see the module's docstring)."""
    found: list[Block] = []
    for lines in _raw_blocks(document):
        found.extend(_block(lines))
    out: list[Block] = []
    seen_body = False
    for b in table_context(found):
        kind = b.kind
        if kind == "heading" and not seen_body:
            kind = "title"
        if kind in ("paragraph", "table", "quote", "caption"):
            seen_body = True
        out.append(Block(kind, b.text, b.rows, b.caption, b.source))
    return out


def table_context(found: list[Block]) -> list[Block]:
    """A heading or "Table 2: …" line just before a table is its caption; a "Source: …"
    or "Table 2." block just after it is its source."""
    out: list[Block] = []
    for i, b in enumerate(found):
        kind = b.kind
        following = found[i + 1] if i + 1 < len(found) else None
        previous = out[-1] if out else None
        if (
            kind in ("heading", "paragraph")
            and following is not None
            and following.kind == "table"
            and (kind == "heading" or (_LABEL.match(b.text) and len(b.text) < 200))
        ):
            kind = "caption"  # the table's title
        elif (
            kind in ("caption", "paragraph")
            and previous is not None
            and previous.kind == "table"
            and (_LABEL.match(b.text) or _SOURCE.match(b.text))
        ):
            kind = "source"
        out.append(Block(kind, b.text, b.rows, b.caption, b.source))
    return out
