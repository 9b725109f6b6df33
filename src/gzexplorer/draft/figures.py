"""Stated numbers into the figures of a pack: labels, units, groups, themes, ids.

Figures of one sentence that share a unit are proposed as a group (a bar chart); counts
of different things in one sentence ("170,000 users and 3,000 companies") share the
unit ``count``. A group is named by the longest proper name in its sentence or passage
("Guizhou's Industrial Cloud Platform"). The first figure of each theme is proposed as
a headline.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from gzexplorer.draft.numbers import Stated
from gzexplorer.draft.passages import slug
from gzexplorer.model.textnumbers import normalised

_NAME = re.compile(r"(?:[A-Z][\w’'-]*(?:\s+(?:of|and|for|the|de|on)\s+|\s+)){1,6}[A-Z][\w’'-]*")
_COMMON_FIRST = {
    "today",
    "one",
    "in",
    "the",
    "a",
    "an",
    "as",
    "by",
    "this",
    "that",
    "these",
    "its",
    "it",
    "since",
    "after",
    "before",
    "during",
    "with",
    "for",
    "from",
    "at",
    "on",
    "and",
}


@dataclass
class FigureDraft:
    label: str
    value: float
    unit: str
    qualifier: str
    year: int | None
    quote: str
    note: str
    excerpt_ids: list[str]
    context: str  # the sentence, for themes
    themes: list[str] = field(default_factory=list)
    group: str = ""
    headline: bool = False
    id: str = ""


def proper_name(text: str) -> str:
    """The longest run of capitalised words in ``text`` ("Guizhou Industrial Cloud's"
    gives "Guizhou Industrial Cloud"), or ""."""
    best = ""
    for m in _NAME.finditer(text):
        words = m.group().split()
        if words and words[0].lower() in _COMMON_FIRST:
            words = words[1:]
        while words and words[-1].lower() in ("of", "and", "for", "the", "de", "on"):
            words.pop()
        name = re.sub(r"['’]s$", "", " ".join(words))
        if len(name.split()) >= 2 and len(name) > len(best):
            best = name
    return best


def from_sentence(
    stated: list[Stated], sentence: str, passage_text: str, pid: str
) -> list[FigureDraft]:
    """The figures of one sentence, grouped as the module's docstring says."""
    figures = [
        FigureDraft(
            normalised(s.label),
            s.value,
            s.unit,
            s.qualifier,
            s.year,
            normalised(s.quote),  # as the validator compares it: one space for any run
            s.note,
            [pid],
            sentence,
        )
        for s in stated
    ]
    counts = [f for f, s in zip(figures, stated, strict=True) if s.kind == "count" and s.noun]
    if len(counts) >= 2 and len({f.unit for f in counts}) > 1:
        scales = {f.unit.split()[0] for f in counts if len(f.unit.split()) > 1}
        if not scales:
            for f in counts:
                f.note = f.note or f"Counts {f.unit}."
                f.unit = "count"
    by_unit: dict[str, list[FigureDraft]] = {}
    for f in figures:
        by_unit.setdefault(f.unit, []).append(f)
    shared = [fs for fs in by_unit.values() if len(fs) >= 2]
    if shared:
        name = proper_name(sentence) or proper_name(passage_text)
        for fs in shared:
            group = normalised(name) or " ".join(sentence.split()[:6]).rstrip(",;:")
            if len(shared) > 1:
                group = f"{group} ({fs[0].unit})"
            for f in fs:
                f.group = group
    return figures


def merge(figures: list[FigureDraft]) -> list[FigureDraft]:
    """One figure for a number quoted word for word in several passages (a pull quote
    and its paragraph), citing them all; group names made unique per sentence."""
    out: list[FigureDraft] = []
    seen: dict[tuple, FigureDraft] = {}
    for f in figures:
        key = (f.value, f.unit, normalised(f.quote))
        if key in seen:
            for eid in f.excerpt_ids:
                if eid not in seen[key].excerpt_ids:
                    seen[key].excerpt_ids.append(eid)
            continue
        seen[key] = f
        out.append(f)
    owners: dict[str, str] = {}
    for f in out:
        if not f.group:
            continue
        owner = f"{f.excerpt_ids[0]}|{normalised(f.context)}|{f.unit}"
        base, n = f.group, 2
        while owners.setdefault(f.group, owner) != owner:
            f.group = f"{base} {n}"
            n += 1
    return out


def assign_ids(figures: list[FigureDraft]) -> None:
    used: set[str] = set()
    for f in figures:
        base = slug(f.label, 5, 40).replace("-", "_") or "figure"
        if f.year is not None:
            base += f"_{f.year}"
        fid, n = base, 2
        while fid in used:
            fid = f"{base}_{n}"
            n += 1
        used.add(fid)
        f.id = fid


def propose_headlines(figures: list[FigureDraft], theme_ids: list[str]) -> None:
    """One headline per theme: its first figure with a year, else its first figure."""
    for tid in theme_ids:
        mine = [f for f in figures if tid in f.themes]
        dated = [f for f in mine if f.year is not None]
        if dated or mine:
            (dated or mine)[0].headline = True
