"""A document read into a common list of blocks, whatever its format.

Each format has its reader (:mod:`read_text`, :mod:`read_markdown`, :mod:`read_html`,
:mod:`read_pdf`); each gives a :class:`Reading`: the plain text the pack's document
resource will hold, and the blocks cut from it, in reading order, each block's ``text``
written exactly as it stands in that plain text (so that every passage of the pack is
in its document). What cannot be read is a :class:`DocumentError`: one line for the
user, and nothing is written.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

# block kinds; the passage kinds of a pack are these less heading and source
KINDS = ("title", "heading", "paragraph", "caption", "quote", "table", "source")
FORMATS = ("text", "markdown", "html", "pdf")
SUFFIXES = {
    ".txt": "text",
    ".text": "text",
    "": "text",
    ".md": "markdown",
    ".markdown": "markdown",
    ".mdown": "markdown",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".pdf": "pdf",
}
# formats people may try that gzexplorer does not read, told apart by name or bytes
UNSUPPORTED = {
    ".docx": "a Word document",
    ".doc": "a Word document",
    ".odt": "an OpenDocument text",
    ".rtf": "an RTF document",
    ".epub": "an EPUB book",
    ".pptx": "a PowerPoint file",
    ".xlsx": "an Excel workbook",
    ".xls": "an Excel workbook",
    ".csv": "a CSV table",
    ".json": "a JSON file",
    ".zip": "a zip archive",
    ".png": "an image",
    ".jpg": "an image",
    ".jpeg": "an image",
    ".gif": "an image",
    ".tif": "an image",
    ".tiff": "an image",
}
SIGNATURES = {
    b"PK\x03\x04": "a zip archive (Word, OpenDocument, EPUB …)",
    b"\xd0\xcf\x11\xe0": "an old Office document",
    b"{\\rtf": "an RTF document",
    b"\x89PNG": "a PNG image",
    b"\xff\xd8\xff": "a JPEG image",
    b"GIF8": "a GIF image",
}
MAX_BYTES = 200 * 2**20


class DocumentError(Exception):
    """The document cannot be drafted from: the message is one line for the user."""


@dataclass(frozen=True)
class Row:
    """One row of a table: its cells as printed, and the row's line in the document."""

    cells: tuple[str, ...]
    line: str


@dataclass(frozen=True)
class Block:
    """A piece of the document: its kind (one of KINDS) and its exact text. A table
    also has its rows (the first is the header) and, when the same block holds them,
    its caption and source lines."""

    kind: str
    text: str
    rows: tuple[Row, ...] = ()
    caption: str = ""
    source: str = ""


@dataclass
class Reading:
    document: str  # the plain text the pack's document resource holds
    blocks: list[Block]
    format: str
    title: str = ""  # from the document's own metadata, if any
    notes: list[str] = field(default_factory=list)  # what the reader left aside


def clean(text: str) -> str:
    """Text as the pack keeps it: compatibility characters folded (the ligature "ﬁ"
    as "fi"), line ends as "\\n", control characters other than tab and line break
    dropped, no-break spaces as spaces."""
    text = unicodedata.normalize("NFKC", text)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return "".join(
        c for c in text if c in "\t\n" or unicodedata.category(c) not in ("Cc", "Cf", "Cs")
    )


def decode(data: bytes, name: str) -> str:
    """UTF-8 (with or without a BOM), UTF-16 with a BOM, else Windows-1252 when it
    reads as text; binary data is a DocumentError."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            pass
    if b"\x00" in data[:65536]:
        raise DocumentError(f"{name} holds binary data, not a text document")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        raise DocumentError(
            f"{name} is neither UTF-8 text nor a document gzexplorer reads"
        ) from None
    odd = sum(1 for c in text if unicodedata.category(c) == "Cc" and c not in "\t\n\r\f")
    if odd > len(text) // 100:
        raise DocumentError(f"{name} holds binary data, not a text document")
    return text


def detect(path: Path, head: bytes) -> str:
    """The format to read ``path`` as, from its bytes first, then its name."""
    suffix = path.suffix.lower()
    if head.startswith(b"%PDF-"):
        return "pdf"
    for signature, what in SIGNATURES.items():
        if head.startswith(signature):
            raise DocumentError(
                f"{path.name} is {what}; gzexplorer drafts from plain text, Markdown, "
                "HTML or PDF (save it as one of those)"
            )
    if suffix in UNSUPPORTED:
        raise DocumentError(
            f"{path.name} is {UNSUPPORTED[suffix]}; gzexplorer drafts from plain text, "
            "Markdown, HTML or PDF (save it as one of those)"
        )
    if suffix == ".pdf":
        raise DocumentError(f"{path.name} is not a PDF file (it does not start with %PDF-)")
    if suffix in SUFFIXES:
        return SUFFIXES[suffix]
    sniff = head[:2048].lower()
    if b"<html" in sniff or b"<!doctype html" in sniff:
        return "html"
    return "text"  # .rst, .log, a name without suffix …: read as plain text


def read(path: str | Path) -> Reading:
    """Read the document at ``path`` into blocks (DocumentError if it cannot be)."""
    p = Path(path)
    if not p.exists():
        raise DocumentError(f"{p}: no such file")
    if p.is_dir():
        raise DocumentError(f"{p} is a folder; give a document (text, Markdown, HTML or PDF)")
    size = p.stat().st_size
    if size == 0:
        raise DocumentError(f"{p.name} is empty")
    if size > MAX_BYTES:
        raise DocumentError(
            f"{p.name} is {size // 2**20} MB; gzexplorer drafts from at most 200 MB"
        )
    data = p.read_bytes()
    fmt = detect(p, data[:4096])
    if fmt == "pdf":
        from gzexplorer.draft import read_pdf

        reading = read_pdf.read(data, p.name)
    else:
        text = clean(decode(data, p.name))
        if not text.strip():
            raise DocumentError(f"{p.name} is empty (only white space)")
        if fmt == "markdown":
            from gzexplorer.draft import read_markdown

            reading = read_markdown.read(text)
        elif fmt == "html":
            from gzexplorer.draft import read_html

            reading = read_html.read(text)
        else:
            from gzexplorer.draft import read_text

            reading = read_text.read(text)
    if not any(b.kind != "heading" for b in reading.blocks):
        raise DocumentError(f"{p.name} has no text to draft from")
    return reading
