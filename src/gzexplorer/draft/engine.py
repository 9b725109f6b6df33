"""The drafting engine: a document in, the rows of a draft pack out (no files)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from gzexplorer.draft import figures as figures_mod
from gzexplorer.draft import milestones as milestones_mod
from gzexplorer.draft import numbers, reading, tables, themes
from gzexplorer.draft.figures import FigureDraft
from gzexplorer.draft.milestones import MilestoneDraft
from gzexplorer.draft.passages import Passage, passages, slug
from gzexplorer.draft.sentences import sentences
from gzexplorer.draft.tables import IndicatorDraft, ObservationDraft
from gzexplorer.model.textnumbers import normalised, states

# passages whose numbers are figures; quotes give only numbers written in digits
FIGURE_KINDS = ("paragraph", "caption", "quote")


@dataclass
class Draft:
    """Everything a draft pack holds, before it is written."""

    source: Path
    reading: reading.Reading
    title: str
    themes: list[themes.Theme]
    passages: list[Passage]
    indicators: list[IndicatorDraft] = field(default_factory=list)
    observations: list[ObservationDraft] = field(default_factory=list)
    figures: list[FigureDraft] = field(default_factory=list)
    milestones: list[tuple[str, MilestoneDraft, list[str], list[str]]] = field(
        default_factory=list
    )  # (id, event, themes, excerpt ids)
    notes: list[str] = field(default_factory=list)


def _title(reading_: reading.Reading, found: list[Passage], path: Path) -> str:
    if reading_.title.strip():
        return " ".join(reading_.title.split())
    titles = [p.text for p in found if p.kind == "title"]
    mixed = [t for t in titles if not t.isupper()]
    if mixed or titles:
        return " ".join((mixed or titles)[0].split())
    return path.stem.replace("-", " ").replace("_", " ").strip().capitalize() or "Draft"


def draft(path: str | Path, title: str | None = None, theme_ids: list[str] | None = None) -> Draft:
    """Read the document at ``path`` and draft every row of its pack.

    Raises :class:`reading.DocumentError` or :class:`themes.ThemeError` with a line for
    the user."""
    path = Path(path)
    chosen, notes = themes.load(theme_ids)
    read = reading.read(path)
    found = passages(read.blocks)
    if not found:
        raise reading.DocumentError(f"{path.name} has no text to draft from")
    d = Draft(
        path, read, title or _title(read, found, path), chosen, found, notes=notes + read.notes
    )
    by_section: dict[str, set[str]] = {}
    for p in found:
        p.themes = themes.tag(chosen, p.text) if p.kind != "title" else []
        if p.kind == "paragraph":
            by_section.setdefault(p.section, set()).update(p.themes)
    order = [t.id for t in chosen]

    def themes_of(text: str, p: Passage) -> list[str]:
        own = themes.tag(chosen, text)
        if own:
            return own
        if p.themes:
            return list(p.themes)
        return [t for t in order if t in by_section.get(p.section, set())]  # its section's

    by_id = {p.id: p for p in found}
    used_series: set[str] = set()
    figures: list[FigureDraft] = []
    for p in found:
        if p.role == "table":
            t = tables.draft(p, by_id.get(p.caption_id), by_id.get(p.source_id), used_series)
            for ind in t.indicators:
                ind.themes = (
                    themes.tag(chosen, ind.name) or themes.tag(chosen, ind.text) or list(p.themes)
                )
            d.indicators += t.indicators
            d.observations += t.observations
            d.notes += t.notes
            for cf in t.figures:
                figures.append(
                    FigureDraft(
                        cf.label,
                        cf.value,
                        cf.unit,
                        "exact",
                        None,
                        cf.quote,
                        "",
                        [p.id],
                        cf.text,
                        themes_of(cf.text, p),
                        cf.group,
                    )
                )
            continue
        if p.kind not in FIGURE_KINDS or p.role == "source":
            continue
        for a, b in sentences(p.text):
            sentence = p.text[a:b]
            stated = numbers.stated(sentence, digits_only=p.kind == "quote")
            drafted = figures_mod.from_sentence(stated, sentence, p.text, p.id)
            for f in drafted:
                f.themes = themes_of(sentence, p)
            figures += drafted
            if p.kind != "quote":
                for event in milestones_mod.milestones(sentence):
                    d.milestones.append(("", event, themes_of(sentence, p), [p.id]))
    figures = figures_mod.merge(figures)
    figures_mod.assign_ids(figures)
    figures_mod.propose_headlines(figures, order)
    d.figures = [f for f in figures if _checked(f, by_id, d.notes)]
    used: set[str] = set()
    named = []
    for _, event, ts, ids in d.milestones:
        base = f"{slug(event.title, 4, 40).replace('-', '_') or 'event'}_{event.year}"
        mid, n = base, 2
        while mid in used:
            mid, n = f"{base}_{n}", n + 1
        used.add(mid)
        named.append((mid, event, ts, ids))
    d.milestones = named
    return d


def _checked(f: FigureDraft, by_id: dict[str, Passage], notes: list[str]) -> bool:
    """The validator's own checks: the quote is in each passage and states the value."""
    quote = normalised(f.quote)
    ok = bool(quote) and all(quote in normalised(by_id[e].text) for e in f.excerpt_ids)
    ok = ok and states(f.quote, f.value) and re.fullmatch(r"[A-Za-z0-9][\w.-]*", f.id)
    if not ok:
        notes.append(f"left out a figure the checks would refuse: {f.quote!r}")
    return bool(ok)
