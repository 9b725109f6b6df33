"""HTML into blocks, with the standard library's parser. The pack's document is the
page's text: headings, paragraphs, list items, quotes (``<blockquote>``), captions
(``<figcaption>``, a table's ``<caption>``) and tables, one row a line with its cells
separated by tabs; scripts, styles and navigation left out."""

from __future__ import annotations

import re
from html.parser import HTMLParser

from gzexplorer.draft.read_text import table_context
from gzexplorer.draft.reading import Block, Reading, Row

SKIP = {"script", "style", "noscript", "template", "svg", "nav", "head", "iframe", "object"}
BLOCKS = {
    "p",
    "div",
    "li",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "blockquote",
    "figcaption",
    "caption",
    "pre",
    "section",
    "article",
    "header",
    "footer",
    "main",
    "aside",
    "dt",
    "dd",
    "figure",
    "ul",
    "ol",
    "dl",
    "address",
    "table",
    "tr",
    "td",
    "th",
    "hr",
}
VOID = {"br", "img", "hr", "meta", "link", "input", "wbr", "source", "col", "area", "base"}


class _Parser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.blocks: list[Block] = []
        self.stack: list[str] = []
        self.buffer: list[str] = []
        self.skip = 0
        self.title = ""
        self.in_title = False
        self.table: list[list[str]] | None = None
        self.cell: list[str] | None = None
        self.quotes: list[int] = []  # where each open <blockquote> starts in blocks

    def _kind(self) -> str:
        for tag in reversed(self.stack):
            if tag in ("figcaption", "caption"):
                return "caption"
            if tag == "blockquote":
                return "quote"
            if tag == "h1":
                return "title" if not any(b.kind != "title" for b in self.blocks) else "heading"
            if tag in ("h2", "h3", "h4", "h5", "h6"):
                return "heading"
        return "paragraph"

    def flush(self) -> None:
        text = "".join(self.buffer)
        self.buffer.clear()
        pre = "pre" in self.stack
        lines = [ln.strip() if pre else " ".join(ln.split()) for ln in text.split("\n")]
        body = "\n".join(ln for ln in lines if ln).strip()
        if body:
            self.blocks.append(Block(self._kind(), body))

    def handle_starttag(self, tag: str, attrs) -> None:
        if tag in SKIP:
            if tag not in VOID:
                self.skip += 1
            return
        if tag == "title":
            self.in_title = True
            return
        if self.skip:
            return
        if tag == "br":
            (self.cell if self.cell is not None else self.buffer).append("\n")
            return
        if tag == "img":
            return
        if tag == "table":
            self.flush()
            self.table = []
        elif tag == "tr" and self.table is not None:
            self.table.append([])
        elif tag in ("td", "th") and self.table is not None:
            if not self.table:
                self.table.append([])
            self.cell = []
        elif tag in BLOCKS and self.cell is None:
            self.flush()
        if tag == "blockquote":
            self.quotes.append(len(self.blocks))
        if tag not in VOID:
            self.stack.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if tag in SKIP:
            self.skip = max(0, self.skip - 1)
            return
        if tag == "title":
            self.in_title = False
            return
        if self.skip:
            return
        if tag in ("td", "th") and self.cell is not None and self.table is not None:
            self.table[-1].append(" ".join("".join(self.cell).split()))
            self.cell = None
        elif tag == "caption" and self.table is not None:
            self.flush_caption()
        elif tag == "table" and self.table is not None:
            rows = [r for r in self.table if any(c for c in r)]
            if rows:
                shown = ["\t".join(c if c else "" for c in r) for r in rows]
                self.blocks.append(
                    Block(
                        "table",
                        "\n".join(shown),
                        tuple(Row(tuple(r), s) for r, s in zip(rows, shown, strict=True)),
                    )
                )
            self.table = None
        elif tag in BLOCKS and self.cell is None:
            self.flush()
        if tag == "blockquote" and self.quotes:
            first = self.quotes.pop()  # the paragraphs of one quote as one passage
            parts = self.blocks[first:]
            if len(parts) > 1 and all(b.kind == "quote" for b in parts):
                del self.blocks[first:]
                self.blocks.append(Block("quote", "\n".join(b.text for b in parts)))
        if tag in self.stack:
            while self.stack and self.stack.pop() != tag:
                pass

    def flush_caption(self) -> None:
        if self.cell is not None:
            return
        self.flush()

    def handle_data(self, data: str) -> None:
        if self.in_title:
            self.title += data
            return
        if self.skip:
            return
        if self.cell is not None:
            self.cell.append(data)
        elif self.table is not None and "caption" not in self.stack:
            return  # white space between rows
        else:
            self.buffer.append(data if "pre" in self.stack else re.sub(r"\s+", " ", data))


def read(text: str) -> Reading:
    parser = _Parser()
    parser.feed(text)
    parser.close()
    parser.flush()
    blocks = table_context(parser.blocks)
    document = "\n\n".join(b.text for b in blocks)
    return Reading(document, blocks, "html", " ".join(parser.title.split()))
