"""The numbers a piece of English text states: "170,000", "4.93 million", "35.2%",
"seven consecutive years", "the nine most impoverished counties", "five hundred".
Standard library only."""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

_UNITS = [
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
]
_TENS = ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
WORDS = {w: i for i, w in enumerate(_UNITS)} | {w: 20 + 10 * i for i, w in enumerate(_TENS)}
WORDS["dozen"] = 12
_ORDINAL_WORDS = [
    "first",
    "second",
    "third",
    "fourth",
    "fifth",
    "sixth",
    "seventh",
    "eighth",
    "ninth",
    "tenth",
]
ORDINALS = {w: i + 1 for i, w in enumerate(_ORDINAL_WORDS)}
SCALES = {
    "hundred": 1e2,
    "thousand": 1e3,
    "million": 1e6,
    "mn": 1e6,
    "billion": 1e9,
    "bn": 1e9,
    "trillion": 1e12,
}
# a decline written as a positive number: "a 46% decline", "fell by 3"
DECLINE = re.compile(
    r"\b(declin|decreas|fall|fell|drop|down|reduc|lower|less|fewer|cut|shr[iau]nk|loss|lost"
    r"|minus|negative)",
    re.IGNORECASE,
)
_DIGITS = re.compile(
    r"(?<![\w.,])(?P<sign>[-−–])?(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+)"
    r"(?:\s*(?P<scale>hundred|thousand|million|mn|billion|bn|trillion)\b|(?!\.?\w))",
    re.IGNORECASE,
)
_WORD = re.compile(r"[a-z]+", re.IGNORECASE)
_PERCENT = re.compile(r"\s?(%|per ?cent\b|percent\b)", re.IGNORECASE)


@dataclass(frozen=True)
class Stated:
    """A number as written in a text: where (``text[start:end]``) and every value it may
    be read as ("4.93 million" is 4.93 and 4930000)."""

    start: int
    end: int
    values: tuple[float, ...]


def stated_numbers(text: str) -> list[Stated]:
    """Every number ``text`` states, in reading order: "4.93 million" gives 4.93 and
    4930000; "-3" gives -3; "seven" gives 7; "twenty-five" 25; "five hundred" 500; a
    following "%" or "per cent" belongs to the number's words."""
    found = []
    for m in _DIGITS.finditer(text):
        n = float(m.group("num").replace(",", ""))
        if m.group("sign"):
            n = -n
        values = (n, n * SCALES[m.group("scale").lower()]) if m.group("scale") else (n,)
        found.append(_with_percent(text, m.start(), m.end(), values))
    words = list(_WORD.finditer(text))
    i = 0
    while i < len(words):
        w = words[i].group().lower()
        if w in ORDINALS:
            found.append(Stated(words[i].start(), words[i].end(), (float(ORDINALS[w]),)))
        if w in WORDS:
            n = float(WORDS[w])
            values = []
            j = i + 1
            if w in _TENS and j < len(words) and words[j].group().lower() in _UNITS[1:10]:
                n += WORDS[words[j].group().lower()]  # twenty-five, twenty five
                j += 1
            values.append(n)
            while j < len(words) and words[j].group().lower() in SCALES:  # two million
                n *= SCALES[words[j].group().lower()]
                values.append(n)
                j += 1
            found.append(_with_percent(text, words[i].start(), words[j - 1].end(), values))
            i = j
            continue
        i += 1
    return sorted(found, key=lambda s: s.start)


def _with_percent(text: str, start: int, end: int, values) -> Stated:
    m = _PERCENT.match(text, end)
    return Stated(start, m.end() if m else end, tuple(values))


def numbers_in(text: str) -> list[float]:
    """Every value :func:`stated_numbers` reads in ``text``."""
    return [v for s in stated_numbers(text) for v in s.values]


def stating(text: str, value: float) -> list[Stated]:
    """The numbers in ``text`` that state ``value`` (a negative one as a decline, as
    :func:`states` reads it)."""
    found = stated_numbers(text)
    exact = [s for s in found if any(_same(value, v) for v in s.values)]
    if exact or value >= 0 or DECLINE.search(text) is None:
        return exact
    return [s for s in found if any(_same(-value, v) for v in s.values)]


def states(text: str, value: float) -> bool:
    """True if ``text`` states ``value``; a negative value may be written as a decline
    ("a 46% decline in site requirements" for -46)."""
    return bool(stating(text, value))


def _same(a: float, b: float) -> bool:
    return math.isclose(a, b, rel_tol=1e-9, abs_tol=1e-12)


def number_of_cell(cell: str) -> float | None:
    """The number a printed table cell holds ("13.6", "1,234", "-2.5"), else None."""
    s = cell.strip().replace("−", "-")
    m = re.fullmatch(r"[-+]?(\d{1,3}(,\d{3})+|\d+)(\.\d+)?|[-+]?\.\d+", s)
    return float(s.replace(",", "")) if m else None


def normalised(text: str) -> str:
    """Whitespace runs as one space, ends trimmed: how quotes and passages are compared."""
    return " ".join(text.split())
