"""A PDF's text layer into blocks, with pypdf.

pypdf is pure Python with no dependencies of its own, and its layout mode keeps what
the drafting needs: blank lines between paragraphs and table columns aligned by runs
of spaces, which the plain-text reader then reads as it reads a .txt file. Page
numbers alone on a line at the top or bottom of a page are left out, and a paragraph
cut by a page break is joined again. A PDF without a text layer (a scan) cannot be
drafted from: it needs OCR first.
"""

from __future__ import annotations

import io
import logging
import re

from gzexplorer.draft import read_text
from gzexplorer.draft.reading import DocumentError, Reading, clean

_PAGE_NUMBER = re.compile(
    r"^\s*(?:page\s*)?[-–—]?\s*\d{1,4}\s*[-–—]?(?:\s*(?:/|of)\s*\d{1,4})?\s*$", re.I
)


def _page_text(raw: str) -> str:
    """One page's layout text: tabs (which some writers give for spaces) as spaces,
    trailing spaces and the common indent dropped, page numbers left out."""
    lines = [ln.replace("\t", " ").rstrip() for ln in clean(raw).split("\n")]
    while lines and not lines[0].strip():
        lines.pop(0)
    while lines and not lines[-1].strip():
        lines.pop()
    for end in (0, -1):
        if lines and _PAGE_NUMBER.match(lines[end]):
            lines.pop(end)
    indent = min((len(ln) - len(ln.lstrip()) for ln in lines if ln.strip()), default=0)
    return "\n".join(ln[indent:] for ln in lines).strip("\n")


def read(data: bytes, name: str) -> Reading:
    try:
        import pypdf
        from pypdf.errors import PdfReadError
    except ImportError:  # pragma: no cover - a dependency of gzexplorer
        raise DocumentError("reading PDF needs the pypdf package (pip install pypdf)") from None
    logging.getLogger("pypdf").setLevel(logging.ERROR)
    try:
        pdf = pypdf.PdfReader(io.BytesIO(data))
        if pdf.is_encrypted and not pdf.decrypt(""):
            raise DocumentError(f"{name} is encrypted; save a copy without a password first")
        pages = [_page_text(p.extract_text(extraction_mode="layout") or "") for p in pdf.pages]
        title = ""
        meta = pdf.metadata
        if meta is not None and meta.title:
            title = str(meta.title)
    except DocumentError:
        raise
    except (PdfReadError, ValueError, KeyError, TypeError, OSError) as exc:
        raise DocumentError(f"{name} cannot be read as a PDF ({exc})") from None
    if not any(p.strip() for p in pages):
        raise DocumentError(
            f"{name} has no text layer (a scanned PDF?); run OCR on it first, e.g. ocrmypdf"
        )
    text = ""
    for page in (p for p in pages if p.strip()):
        if not text:
            text = page
        elif re.search(r"[^.!?:\"”)]$", text) and re.match(r"[a-z(]", page.lstrip()):
            text += "\n" + page.lstrip()  # a paragraph goes on over the page break
        else:
            text += "\n\n" + page
    return Reading(text, read_text.blocks(text), "pdf", " ".join(title.split()))
