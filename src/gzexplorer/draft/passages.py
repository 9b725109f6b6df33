"""Blocks into the passages of a pack: kinds, sections and stable ids.

A passage's id is made of its section's and its own first words ("the-challenge.
typical-of-chinas-southwestern"), so that drafting the same document again, or one
edited elsewhere, gives the same ids; two passages that would share one are told apart
by a short hash of their text.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass, field

from gzexplorer.draft.reading import Block
from gzexplorer.model.textnumbers import normalised

FIRST_SECTION = "Introduction"
PASSAGE_KINDS = {
    "title": "title",
    "paragraph": "paragraph",
    "caption": "caption",
    "quote": "quote",
    "table": "table",
    "source": "caption",
}
_SKIP_WORDS = {"a", "an", "the", "of", "in", "on", "and", "to", "for", "is", "was", "as"}


@dataclass
class Passage:
    id: str
    order: int
    section: str
    kind: str  # a passage kind of the pack
    text: str
    block: Block
    themes: list[str] = field(default_factory=list)
    caption_id: str = ""  # a table's caption passage
    source_id: str = ""  # a table's source passage

    @property
    def role(self) -> str:
        """The block's kind: a table's source line is a caption with the role source."""
        return self.block.kind


def slug(text: str, words: int = 5, length: int = 40) -> str:
    """Lower-case ascii words joined by '-': "Guizhou's Industrial Cloud" gives
    "guizhous-industrial-cloud"."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    ascii_text = re.sub(r"['’]", "", ascii_text.lower())
    found = [w for w in re.findall(r"[a-z0-9]+", ascii_text)]
    kept = [w for w in found if w not in _SKIP_WORDS] or found
    return "-".join(kept[:words])[:length].strip("-")


def passages(blocks: list[Block]) -> list[Passage]:
    """The passages of the document, in reading order (headings name the sections)."""
    out: list[Passage] = []
    section = FIRST_SECTION
    texts = [normalised(b.text) for b in blocks]
    used: set[str] = set()
    for i, b in enumerate(blocks):
        if b.kind == "heading":
            section = b.text.strip().strip("#").strip() or section
            continue
        kind = PASSAGE_KINDS[b.kind]
        if kind == "paragraph" and _pulled(texts[i], texts, i):
            kind = "quote"
        pid = _unique(f"{slug(section, 3, 24) or 'text'}.{slug(b.text) or 'passage'}", b.text, used)
        out.append(Passage(pid, len(out) + 1, section, kind, b.text, b))
    for i, p in enumerate(out):
        if p.role != "table":
            continue
        if i > 0 and out[i - 1].kind == "caption" and out[i - 1].role != "source":
            p.caption_id = out[i - 1].id
        if i + 1 < len(out) and out[i + 1].role == "source":
            p.source_id = out[i + 1].id
    return out


def _pulled(text: str, texts: list[str], at: int) -> bool:
    """A pull quote: one short sentence repeated word for word in another block."""
    if len(text) > 300 or text.count(". ") > 0:
        return False
    return any(j != at and len(t) > len(text) and text in t for j, t in enumerate(texts))


def _unique(base: str, text: str, used: set[str]) -> str:
    base = base.strip(".-") or "passage"
    pid = base
    if pid in used:
        pid = f"{base}-{hashlib.sha1(text.encode()).hexdigest()[:6]}"
    n = 2
    while pid in used:
        pid = f"{base}-{n}"
        n += 1
    used.add(pid)
    return pid
