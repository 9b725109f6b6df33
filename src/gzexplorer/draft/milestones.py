"""Dated events: a sentence that dates what it tells ("In 2017, the launch of …",
"Launched in 2015 …", "By the end of 2020, …") is a milestone of that year, titled by
its main clause."""

from __future__ import annotations

import re
from dataclasses import dataclass

from gzexplorer.draft.numbers import MONTHS

_EVENT = re.compile(
    r"(?<!than )\b(?P<p>in|by|since|on|during|until)\s+"
    r"(?:the\s+(?:end|beginning|start|middle|close|first half|second half)\s+of\s+)?"
    r"(?:(?:early|late|mid)[-\s]?)?"
    rf"(?:(?:\d{{1,2}}(?:st|nd|rd|th)?\s+)?(?:{MONTHS})\.?\s+(?:\d{{1,2}}(?:st|nd|rd|th)?,?\s+)?)?"
    r"(?P<year>1[89]\d\d|20\d\d)(?![\d\w]|\s*[-–/]\s*\d|\s+(?:to|and)\s+\d)",
    re.IGNORECASE,
)
_LEADING = re.compile(
    r"^(?:following|after|before|to|with|as|despite|since|while|when|although|amid|"
    r"under|through|thanks to|in order to|\w+ed)\b[^,]{0,160},\s*",
    re.IGNORECASE,
)
TITLE_WORDS = 10


@dataclass
class MilestoneDraft:
    year: int
    title: str
    description: str
    sentence: str


def title_of(sentence: str, phrase: tuple[int, int]) -> str:
    """The sentence without its date, its leading clause dropped, cut to a few words."""
    a, b = phrase
    rest = " ".join((sentence[:a] + sentence[b:]).split())
    rest = re.sub(r"^[,;:\s]+", "", rest)
    rest = re.sub(r"\s+,", ",", re.sub(r"\s{2,}", " ", rest))
    rest = _LEADING.sub("", rest) or rest
    words = rest.rstrip(".!?").split()
    cut = len(words) > TITLE_WORDS
    words = words[:TITLE_WORDS]
    while (
        cut
        and words
        and words[-1].lower().strip(",;:")
        in {
            "the",
            "a",
            "an",
            "of",
            "in",
            "to",
            "for",
            "and",
            "with",
            "its",
            "on",
            "at",
            "by",
        }
    ):
        words.pop()
    title = " ".join(words).rstrip(",;:—–-")
    title = title[:1].upper() + title[1:]
    return title + ("…" if cut else "")


def milestones(sentence: str) -> list[MilestoneDraft]:
    """The dated events of one sentence: one per year it dates itself by."""
    found: dict[int, MilestoneDraft] = {}
    for m in _EVENT.finditer(sentence):
        year = int(m.group("year"))
        if year in found:
            continue
        title = title_of(sentence, m.span())
        if len(title.split()) < 2:
            continue
        description = " ".join(sentence.split())
        if len(description) > 300:
            description = description[:299].rsplit(" ", 1)[0] + "…"
        found[year] = MilestoneDraft(year, title, description, sentence)
    return list(found.values())
