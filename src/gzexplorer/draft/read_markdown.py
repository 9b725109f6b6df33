"""Markdown into blocks. The pack's document is the text as read: markup removed
(emphasis, links, images as their words), headings, paragraphs, quotes (``>`` and a
short line in italics), captions (an image, "Image: …"), pipe tables kept as ``|``
rows (without the ``---`` line), lists with their markers; code blocks left out."""

from __future__ import annotations

import html
import re

from gzexplorer.draft.read_text import _CREDIT, _LABEL, split_cells, table_context
from gzexplorer.draft.reading import Block, Reading, Row

_HEADING = re.compile(r"^\s{0,3}(#{1,6})\s+(.*?)\s*#*\s*$")
_SETEXT = re.compile(r"^\s{0,3}(=+|-+)\s*$")
_FENCE = re.compile(r"^\s{0,3}(```|~~~)")
_RULE = re.compile(r"^\s{0,3}([-*_])(\s*\1){2,}\s*$")
_ITEM = re.compile(r"^\s*(?:[-*+]|\d{1,3}[.)])\s+")
_TABLE_RULE = re.compile(r"^\s*\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$")
_IMAGE = re.compile(r"^\s*!\[([^\]]*)\]\([^)]*\)\s*$")
_ITALIC = re.compile(r"^\s*([*_])(?![*_\s])(.+?)(?<!\s)\1\s*$", re.DOTALL)


def inline(text: str) -> str:
    """A line of Markdown as plain text."""
    s = re.sub(r"!\[([^\]]*)\]\([^)]*\)", r"\1", text)
    s = re.sub(r"\[([^\]]+)\]\([^)]*\)", r"\1", s)
    s = re.sub(r"\[([^\]]+)\]\[[^\]]*\]", r"\1", s)
    s = re.sub(r"<!--.*?-->|<[^>\n]+>", "", s)
    s = re.sub(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1", r"\2", s)
    s = re.sub(r"(?<![\w*\\])\*(?=\S)(.+?)(?<=\S)\*(?![\w*])", r"\1", s)
    s = re.sub(r"(?<![\w\\])_(?=\S)(.+?)(?<=\S)_(?!\w)", r"\1", s)
    s = re.sub(r"`([^`]*)`", r"\1", s)
    s = re.sub(r"\\([\\`*_{}\[\]()#+\-.!|>])", r"\1", s)
    return html.unescape(s).rstrip()


def read(text: str) -> Reading:
    lines = text.split("\n")
    title = ""
    i = 0
    if lines and lines[0].strip() == "---":  # front matter
        for j in range(1, len(lines)):
            m = re.match(r"^title:\s*[\"']?(.*?)[\"']?\s*$", lines[j])
            if m:
                title = m.group(1)
            if lines[j].strip() in ("---", "..."):
                i = j + 1
                break
    found: list[Block] = []
    para: list[str] = []
    notes: list[str] = []

    def flush() -> None:
        if not para:
            return
        raw = "\n".join(para)
        para.clear()
        image = _IMAGE.match(raw.split("\n")[0])
        if image:  # a picture, and the lines under it: its caption
            words = [inline(image.group(1))] + [inline(ln.strip()) for ln in raw.split("\n")[1:]]
            body = "\n".join(w for w in words if w.strip())
            if body:
                found.append(Block("caption", body))
            return
        body = "\n".join(inline(ln.strip()) for ln in raw.split("\n")).strip()
        if not body:
            return
        previous = found[-1] if found else None
        italic = _ITALIC.match(raw)
        if _CREDIT.match(body) or (italic and previous is not None and previous.kind == "caption"):
            found.append(Block("caption", body))
        elif italic and len(body) <= 400:
            found.append(Block("quote", body))
        elif _LABEL.match(body) and len(body) < 200 and "\n" not in body:
            found.append(Block("caption", body))
        else:
            found.append(Block("paragraph", body))

    while i < len(lines):
        line = lines[i]
        if _FENCE.match(line):
            flush()
            fence = _FENCE.match(line).group(1)
            i += 1
            while i < len(lines) and not lines[i].strip().startswith(fence):
                i += 1
            i += 1
            notes.append("left out a code block")
            continue
        heading = _HEADING.match(line)
        if heading:
            flush()
            level = len(heading.group(1))
            words = inline(heading.group(2))
            kind = (
                "title" if level == 1 and not any(b.kind != "title" for b in found) else "heading"
            )
            if words:
                found.append(Block(kind, words))
            i += 1
            continue
        if para and len(para) == 1 and _SETEXT.match(line) and not _ITEM.match(para[0]):
            words = inline(para.pop().strip())
            level = 1 if line.strip().startswith("=") else 2
            kind = "title" if level == 1 and not found else "heading"
            found.append(Block(kind, words))
            i += 1
            continue
        if _RULE.match(line):
            flush()
            i += 1
            continue
        if "|" in line and i + 1 < len(lines) and _TABLE_RULE.match(lines[i + 1]):
            flush()
            rows = [line]
            i += 2
            while i < len(lines) and "|" in lines[i] and lines[i].strip():
                rows.append(lines[i])
                i += 1
            shown = [inline(r.strip()) for r in rows]
            found.append(
                Block(
                    "table",
                    "\n".join(shown),
                    tuple(Row(tuple(split_cells(r)), r) for r in shown),
                )
            )
            continue
        if line.lstrip().startswith(">"):
            flush()
            quote = []
            while i < len(lines) and lines[i].lstrip().startswith(">"):
                quote.append(inline(re.sub(r"^\s*>+\s?", "", lines[i]).strip()))
                i += 1
            body = "\n".join(q for q in quote if q)
            if body:
                found.append(Block("quote", body))
            continue
        if not line.strip():
            flush()
            i += 1
            continue
        if _ITEM.match(line) and para and not _ITEM.match(para[0]):
            flush()
        para.append(line)
        i += 1
    flush()
    blocks = table_context(found)
    document = "\n\n".join(b.text for b in blocks)
    return Reading(document, blocks, "markdown", inline(title), notes)
