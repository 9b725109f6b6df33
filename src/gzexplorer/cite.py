"""Citations of the pack's document and of a chart: APA and Chicago text, BibTeX, RIS
and CSL-JSON, written plainly from the pack's ``datapackage.json``.

The document's reference is the ``gzexplorer.reference`` object (a CSL-JSON item:
``type``, ``title``, ``author``, ``publisher``, ``issued``, ``URL``, ``DOI``); the pack's
``version``, ``created`` and ``contributors`` name the data a chart is drawn from.
Qt-free: the window's Cite dialog and ``gzexplorer cite`` show the same strings.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from html import escape as _html_escape
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from gzexplorer.charts import ChartSpec
    from gzexplorer.model import Dataset
    from gzexplorer.model.entities import PackInfo

FORMATS = ("apa", "chicago", "bibtex", "ris", "csl-json")
FORMAT_NAMES = {
    "apa": "APA",
    "chicago": "Chicago",
    "bibtex": "BibTeX",
    "ris": "RIS",
    "csl-json": "CSL-JSON",
}
# CSL item types the RIS and BibTeX writers know; anything else is cited as a report
_RIS_TYPES = {"report": "RPRT", "book": "BOOK", "article-journal": "JOUR", "webpage": "ELEC"}
_BIBTEX_TYPES = {"report": "techreport", "book": "book", "article-journal": "article"}


@dataclass(frozen=True)
class Person:
    """An author: family and given names, or one ``literal`` name (an institution)."""

    family: str = ""
    given: str = ""
    literal: str = ""

    def csl(self) -> dict[str, str]:
        if self.literal:
            return {"literal": self.literal}
        return {k: v for k, v in (("family", self.family), ("given", self.given)) if v}


@dataclass(frozen=True)
class Reference:
    """The document the pack is cut from, as its ``datapackage.json`` gives it."""

    title: str
    authors: tuple[Person, ...] = ()
    publisher: str = ""
    year: int | None = None
    url: str = ""
    doi: str = ""
    type: str = "report"
    # the pack: its title, version, creation date and contributors
    pack_title: str = ""
    pack_version: str = ""
    pack_created: str = ""
    pack_contributors: tuple[str, ...] = ()


@dataclass(frozen=True)
class ChartCitation:
    """A chart of the pack: its title, view and the passages its elements come from."""

    id: str
    title: str
    passages: tuple[str, ...]


def _text(value: Any) -> str:
    return " ".join(str(value).split()) if isinstance(value, str | int | float) else ""


def _people(items: Any) -> tuple[Person, ...]:
    people = []
    for item in items if isinstance(items, list) else []:
        if not isinstance(item, Mapping):
            continue
        person = Person(_text(item.get("family", "")), _text(item.get("given", "")))
        if not person.family:
            person = Person(literal=_text(item.get("literal") or item.get("given") or ""))
        if person.family or person.literal:
            people.append(person)
    return tuple(people)


def _year(issued: Any) -> int | None:
    """The year of a CSL date (``{"date-parts": [[2023]]}``), or None."""
    try:
        year = issued["date-parts"][0][0]
        return int(year)
    except (TypeError, KeyError, IndexError, ValueError):
        return None


def reference(info: PackInfo) -> Reference:
    """The document's reference; without ``gzexplorer.reference``, the pack's title."""
    meta = info.meta
    extra = meta.get("gzexplorer") if isinstance(meta.get("gzexplorer"), Mapping) else {}
    ref = extra.get("reference") if isinstance(extra.get("reference"), Mapping) else {}
    contributors = meta.get("contributors") if isinstance(meta.get("contributors"), list) else []
    return Reference(
        title=_text(ref.get("title", "")) or info.title,
        authors=_people(ref.get("author")),
        publisher=_text(ref.get("publisher", "")),
        year=_year(ref.get("issued")),
        url=_text(ref.get("URL", "")),
        doi=_text(ref.get("DOI", "")),
        type=_text(ref.get("type", "")) or "report",
        pack_title=info.title,
        pack_version=info.version,
        pack_created=_text(meta.get("created", ""))[:10],
        pack_contributors=tuple(
            _text(c.get("title", "")) for c in contributors if isinstance(c, Mapping)
        ),
    )


def chart_citation(dataset: Dataset, spec: ChartSpec) -> ChartCitation:
    """The chart's title and the ids of the passages its elements name, in reading order."""
    ids: set[str] = set()
    for mark in spec.marks():
        ids.update(mark.ref.excerpt_ids)
    order = {}
    for i in ids:
        try:
            order[i] = dataset.excerpt(i).order
        except (KeyError, AttributeError):  # (the first frame's preview has no lookup)
            order[i] = 0
    return ChartCitation(spec.id, spec.title, tuple(sorted(ids, key=lambda i: (order[i], i))))


# -- text styles ------------------------------------------------------------------------


class _Parts:
    """Runs of text, some in italics, written as plain text or as HTML."""

    def __init__(self) -> None:
        self.runs: list[tuple[str, bool]] = []

    def add(self, text: str, italic: bool = False) -> _Parts:
        if text:
            self.runs.append((text, italic))
        return self

    def render(self, html: bool) -> str:
        if not html:
            return "".join(t for t, _ in self.runs)
        return "".join(
            f"<i>{_html_escape(t)}</i>" if it else _html_escape(t) for t, it in self.runs
        )


def _initials(given: str) -> str:
    """ "Xiheng" → "X.", "Jean-Paul" → "J.-P.", "Mary Ann" → "M. A."."""
    words = []
    for word in given.split():
        words.append("-".join(f"{p[0]}." for p in word.split("-") if p))
    return " ".join(words)


def _apa_name(p: Person) -> str:
    if p.literal:
        return p.literal
    return f"{p.family}, {_initials(p.given)}" if p.given else p.family


def _apa_authors(people: tuple[Person, ...]) -> str:
    names = [_apa_name(p) for p in people]
    if len(names) <= 1:
        return "".join(names)
    return ", ".join(names[:-1]) + ", & " + names[-1]


def _chicago_authors(people: tuple[Person, ...]) -> str:
    names = []
    for i, p in enumerate(people):
        if p.literal:
            names.append(p.literal)
        elif i == 0:
            names.append(f"{p.family}, {p.given}" if p.given else p.family)
        else:
            names.append(f"{p.given} {p.family}".strip())
    if len(names) <= 1:
        return "".join(names)
    if len(names) == 2:
        return f"{names[0]}, and {names[1]}"
    return ", ".join(names[:-1]) + ", and " + names[-1]


def _end(text: str) -> str:
    """``text`` followed by a full stop unless it ends with one (or ? or !)."""
    return text if text.endswith((".", "?", "!")) else text + "."


def _link(ref: Reference) -> str:
    return f"https://doi.org/{ref.doi}" if ref.doi else ref.url


def _pack_words(ref: Reference) -> str:
    """ "data pack “T”, version 1.0.0 (created 2024-01-31)"."""
    words = f"gzexplorer data pack “{ref.pack_title}”"
    if ref.pack_version:
        words += f", version {ref.pack_version}"
    if ref.pack_created:
        words += f" (created {ref.pack_created})"
    return words


def _passages(chart: ChartCitation) -> str:
    if not chart.passages:
        return ""
    label = "Passage" if len(chart.passages) == 1 else "Passages"
    return f"{label} {', '.join(chart.passages)}"


def _apa(ref: Reference, chart: ChartCitation | None, html: bool) -> str:
    out = _Parts()
    authors = _apa_authors(ref.authors)
    date = f"({ref.year})" if ref.year else "(n.d.)"
    out.add(f"{_end(authors)} {date}. " if authors else "")
    if chart is None:
        if not authors:
            out.add(ref.title, italic=True).add(f". {date}. ")
        else:
            out.add(ref.title, italic=True).add(". ")
    else:
        if not authors:
            out.add(f"{chart.title} [Chart]. {date}. In ")
        else:
            out.add(f"{chart.title} [Chart]. In ")
        out.add(ref.title, italic=True).add(". ")
    publisher = ref.publisher
    if publisher and publisher not in authors:
        out.add(_end(publisher) + " ")
    if chart is not None:
        passages = _passages(chart)
        words = _pack_words(ref)
        out.add(f"{passages}; {words}. " if passages else f"Data: {words}. ")
    out.add(_link(ref))
    return out.render(html).strip()


def _chicago(ref: Reference, chart: ChartCitation | None, html: bool) -> str:
    out = _Parts()
    authors = _chicago_authors(ref.authors)
    out.add(_end(authors) + " " if authors else "")
    if chart is not None:
        out.add(f"“{chart.title}” (chart). In ")
    out.add(ref.title, italic=True).add(". ")
    date = str(ref.year) if ref.year else "n.d."
    out.add(_end(f"{ref.publisher}, {date}" if ref.publisher else date) + " ")
    if chart is not None:
        passages = _passages(chart)
        words = _pack_words(ref)
        out.add(f"{passages}; {words}. " if passages else f"Data: {words}. ")
    link = _link(ref)
    out.add(_end(link) if link else "")
    return out.render(html).strip()


# -- BibTeX -----------------------------------------------------------------------------

_BIBTEX_SPECIAL = {
    "\\": r"\textbackslash{}",
    "{": r"\{",
    "}": r"\}",
    "&": r"\&",
    "%": r"\%",
    "$": r"\$",
    "#": r"\#",
    "_": r"\_",
    "~": r"\textasciitilde{}",
    "^": r"\textasciicircum{}",
}


def _bib(text: str) -> str:
    return "".join(_BIBTEX_SPECIAL.get(c, c) for c in text)


def _bib_title(title: str) -> str:
    """Escaped, with every capitalised word after the first in braces, so that a style
    that lowers the case of titles keeps "Guizhou" and "Digital"."""
    words = _bib(title).split(" ")
    return " ".join(
        f"{{{w}}}" if i and re.search(r"[A-Z]", w) and "\\" not in w else w
        for i, w in enumerate(words)
    )


def _bib_name(p: Person) -> str:
    if p.literal:
        return "{" + _bib(p.literal) + "}"
    return _bib(f"{p.family}, {p.given}" if p.given else p.family)


def _key(ref: Reference, chart: ChartCitation | None) -> str:
    first = ref.authors[0] if ref.authors else None
    head = (first.family or first.literal) if first else ""
    word = next((w for w in re.findall(r"[A-Za-z0-9]+", ref.title) if len(w) > 3), "document")
    parts = [head, str(ref.year or ""), word]
    if chart is not None:
        parts.append(chart.id)
    key = "_".join(re.sub(r"[^a-z0-9]+", "", p.lower()) for p in parts if p)
    return re.sub(r"_+", "_", key).strip("_") or "document"


def _bibtex(ref: Reference, chart: ChartCitation | None) -> str:
    fields: list[tuple[str, str]] = []
    if ref.authors:
        fields.append(("author", " and ".join(_bib_name(p) for p in ref.authors)))
    if chart is None:
        kind = _BIBTEX_TYPES.get(ref.type, "techreport")
        fields.append(("title", _bib_title(ref.title)))
        if ref.publisher:
            place = "institution" if kind == "techreport" else "publisher"
            fields.append((place, _bib(ref.publisher)))
    else:
        kind = "misc"
        fields.append(("title", _bib_title(chart.title)))
        container = ref.title + (f", {ref.publisher}" if ref.publisher else "")
        fields.append(("howpublished", "Chart in: " + _bib(container)))
        notes = [_passages(chart), _pack_words(ref)]
        fields.append(("note", _bib("; ".join(n for n in notes if n))))
        if ref.pack_version:
            fields.append(("version", _bib(ref.pack_version)))
    if ref.year:
        fields.append(("year", str(ref.year)))
    if ref.doi:
        fields.append(("doi", _bib(ref.doi)))
    if ref.url:
        fields.append(("url", ref.url.replace("%", r"\%").replace("#", r"\#")))
    body = ",\n".join(f"  {name} = {{{value}}}" for name, value in fields)
    return f"@{kind}{{{_key(ref, chart)},\n{body}\n}}"


# -- RIS and CSL-JSON ---------------------------------------------------------------------


def _ris(ref: Reference, chart: ChartCitation | None) -> str:
    lines: list[tuple[str, str]] = []
    if chart is None:
        lines.append(("TY", _RIS_TYPES.get(ref.type, "RPRT")))
    else:
        lines.append(("TY", "FIGURE"))
    for p in ref.authors:
        lines.append(("AU", p.literal or (f"{p.family}, {p.given}" if p.given else p.family)))
    if chart is None:
        lines.append(("TI", ref.title))
    else:
        lines.append(("TI", chart.title))
        lines.append(("T2", ref.title))
    if ref.publisher:
        lines.append(("PB", ref.publisher))
    if ref.year:
        lines.append(("PY", str(ref.year)))
    if ref.doi:
        lines.append(("DO", ref.doi))
    if ref.url:
        lines.append(("UR", ref.url))
    if chart is not None:
        notes = [_passages(chart), _pack_words(ref)]
        lines.append(("N1", "; ".join(n for n in notes if n)))
    lines.append(("ER", ""))
    # RIS is one line per tag: no line breaks inside a value
    return "\n".join(f"{tag}  - {' '.join(value.split())}" for tag, value in lines)


def csl_item(ref: Reference, chart: ChartCitation | None = None) -> dict[str, Any]:
    """The CSL-JSON item of the document or of the chart."""
    item: dict[str, Any] = {"id": _key(ref, chart)}
    if chart is None:
        item["type"] = ref.type
        item["title"] = ref.title
    else:
        item["type"] = "figure"
        item["title"] = chart.title
        item["container-title"] = ref.title
        notes = [_passages(chart), _pack_words(ref)]
        item["note"] = "; ".join(n for n in notes if n)
        if ref.pack_version:
            item["version"] = ref.pack_version
    if ref.authors:
        item["author"] = [p.csl() for p in ref.authors]
    if ref.publisher:
        item["publisher"] = ref.publisher
    if ref.year:
        item["issued"] = {"date-parts": [[ref.year]]}
    if ref.doi:
        item["DOI"] = ref.doi
    if ref.url:
        item["URL"] = ref.url
    return item


def cite(
    ref: Reference, fmt: str = "apa", chart: ChartCitation | None = None, html: bool = False
) -> str:
    """The document (or, given ``chart``, the chart) cited in ``fmt`` (one of FORMATS);
    ``html``: APA and Chicago with the title in <i>, the text escaped."""
    if fmt == "apa":
        return _apa(ref, chart, html)
    if fmt == "chicago":
        return _chicago(ref, chart, html)
    if fmt == "bibtex":
        text = _bibtex(ref, chart)
    elif fmt == "ris":
        text = _ris(ref, chart)
    elif fmt == "csl-json":
        text = json.dumps([csl_item(ref, chart)], ensure_ascii=False, indent=2)
    else:
        raise ValueError(f"unknown citation format {fmt!r}; choose one of {', '.join(FORMATS)}")
    return f"<pre>{_html_escape(text)}</pre>" if html else text


def all_formats(ref: Reference, chart: ChartCitation | None = None) -> dict[str, str]:
    """Every format's plain text, by format code."""
    return {fmt: cite(ref, fmt, chart) for fmt in FORMATS}


def sources(info: PackInfo) -> Iterable[str]:
    """The pack's sources and licences, one line each (for a README)."""
    yield from info.sources
    yield from (f"Licence: {lic}" for lic in info.licenses)
