"""The numbers a piece of English text states: "170,000", "4.93 million", "35.2%",
"seven consecutive years", "the nine most impoverished counties", "five hundred".
Standard library only."""

from __future__ import annotations

import math
import re

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


def numbers_in(text: str) -> list[float]:
    """Every number ``text`` states, as read: "4.93 million" gives 4.93 and 4930000;
    "-3" gives -3; "seven" gives 7; "twenty-five" 25; "five hundred" 500."""
    found: list[float] = []
    for m in _DIGITS.finditer(text):
        n = float(m.group("num").replace(",", ""))
        if m.group("sign"):
            n = -n
        found.append(n)
        if m.group("scale"):
            found.append(n * SCALES[m.group("scale").lower()])
    words = [w.lower() for w in _WORD.findall(text)]
    i = 0
    while i < len(words):
        w = words[i]
        if w in ORDINALS:
            found.append(ORDINALS[w])
        if w in WORDS:
            n = float(WORDS[w])
            j = i + 1
            if w in _TENS and j < len(words) and words[j] in _UNITS[1:10]:
                n += WORDS[words[j]]  # twenty-five, twenty five
                j += 1
            found.append(n)
            while j < len(words) and words[j] in SCALES:  # five hundred, two million
                n *= SCALES[words[j]]
                found.append(n)
                j += 1
            i = j
            continue
        i += 1
    return found


def states(text: str, value: float) -> bool:
    """True if ``text`` states ``value``; a negative value may be written as a decline
    ("a 46% decline in site requirements" for -46)."""
    candidates = numbers_in(text)
    if any(_same(value, c) for c in candidates):
        return True
    return (
        value < 0 and DECLINE.search(text) is not None and any(_same(-value, c) for c in candidates)
    )


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
