"""The numbers a sentence states, with what the words around them say of each.

A stated number has a value ("4.93 million" is 4.93 in the unit "million people"), a
unit (%, percentage points, a currency with its scale, a measure, or the noun it
counts: "villages", "companies"), a qualifier ("more than", "nearly", "about",
"at least", "up to", "under"), a direction (a decline is negative, as in the built-in
pack), the year of its sentence if the sentence gives one ("In 2015", "by the end of
2019"), a label from the words around it, and the exact quote stating it.

Numbers written as words count ("seven consecutive years", "the nine most impoverished
counties"); years, dates, ordinals ("first", "1st"), list numbers, references ("Table
2", "Figure 3") and numbers inside names ("COVID-19", "5G", "Five-hundred-metre …")
do not. Every quote is checked with :func:`gzexplorer.model.textnumbers.states`, the
validator's own reading, so that a drafted figure passes ``gzexplorer validate``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from gzexplorer.model import textnumbers

MONTHS = (
    "January|February|March|April|May|June|July|August|September|October|November|December"
    "|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec"
)
YEAR_MIN, YEAR_MAX = 1800, 2100

# qualifier words right before a number (longest first), and what they mean
QUALIFIER_WORDS = {
    "more than": "more_than",
    "over": "more_than",
    "above": "more_than",
    "in excess of": "more_than",
    "upwards of": "more_than",
    "exceeding": "more_than",
    "just over": "more_than",
    "well over": "more_than",
    "nearly": "nearly",
    "almost": "nearly",
    "close to": "nearly",
    "just under": "nearly",
    "approaching": "nearly",
    "about": "about",
    "around": "about",
    "roughly": "about",
    "approximately": "about",
    "some": "about",
    "an estimated": "about",
    "estimated": "about",
    "circa": "about",
    "~": "about",
    "at least": "at_least",
    "no fewer than": "at_least",
    "no less than": "at_least",
    "up to": "at_most",
    "at most": "at_most",
    "no more than": "at_most",
    "under": "less_than",
    "less than": "less_than",
    "fewer than": "less_than",
    "below": "less_than",
}
_QUALIFIER = re.compile(
    r"(?:^|(?<=[\s(\"“—–-]))(?P<q>"
    + "|".join(re.escape(w) for w in sorted(QUALIFIER_WORDS, key=len, reverse=True))
    + r")\s*$",
    re.IGNORECASE,
)
CURRENCY_BEFORE = {
    "US$": "US dollars",
    "$": "dollars",
    "¥": "yuan",
    "€": "euros",
    "£": "pounds",
    "RMB": "yuan",
    "CNY": "yuan",
    "USD": "US dollars",
    "EUR": "euros",
}
_CURRENCY_BEFORE = re.compile(r"(?P<c>US\$|\$|¥|€|£|RMB|CNY|USD|EUR)\s?$")
CURRENCY_AFTER = {
    "yuan": "yuan",
    "rmb": "yuan",
    "renminbi": "yuan",
    "dollars": "dollars",
    "us dollars": "US dollars",
    "euros": "euros",
    "euro": "euros",
    "pounds": "pounds",
    "yen": "yen",
    "rupees": "rupees",
}
MEASURES = {
    "km": "km",
    "kilometres": "km",
    "kilometers": "km",
    "square kilometres": "km²",
    "square kilometers": "km²",
    "km2": "km²",
    "km²": "km²",
    "sq km": "km²",
    "hectares": "hectares",
    "ha": "hectares",
    "mu": "mu",
    "acres": "acres",
    "tonnes": "tonnes",
    "tons": "tonnes",
    "kg": "kg",
    "mw": "MW",
    "gw": "GW",
    "kw": "kW",
    "kwh": "kWh",
    "mwh": "MWh",
    "gwh": "GWh",
    "twh": "TWh",
    "metres": "m",
    "meters": "m",
    "m": "m",
    "cm": "cm",
    "mm": "mm",
    "litres": "litres",
    "liters": "litres",
    "mbps": "Mbps",
    "gbps": "Gbps",
    "gb": "GB",
    "tb": "TB",
    "pb": "PB",
    "°c": "°C",
    "degrees": "degrees",
}
_MEASURE = re.compile(
    r"\s?(?P<m>"
    + "|".join(re.escape(w) for w in sorted(MEASURES, key=len, reverse=True))
    + r")(?![\w²])",
    re.IGNORECASE,
)
_PERCENT = re.compile(
    r"\s?(?P<p>%|per\s?cent\b|percent\b|percentage points?\b"
    r"|points?\b(?=\s+(?:higher|lower|above|below|more|less)))",
    re.IGNORECASE,
)
_SCALE = re.compile(r"\s+(?P<s>" + "|".join(textnumbers.SCALES) + r")\b", re.IGNORECASE)
_DIGITS = re.compile(
    r"(?<![\w.,/:-])(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)(?![\w]|[.,:/]\d|-[A-Za-z]|[-–]\d)"
)
_REFERENCE = re.compile(
    r"(?:\b(?:Table|Tables|Figure|Figures|Fig\.|Chart|Section|Chapter|Article|Annex|Appendix|"
    r"Box|Map|Phase|Step|Exhibit|Goal|SDG|Version|Item|Rule|Paragraph|Part|Volume|Vol\.|"
    r"No\.|Number|Nos\.|page|pages|p\.|pp\.|paragraph|line|footnote|note|grade|level|"
    r"Level|Grade|Class|Route|Highway|Room|Act)\s*|#\s?)$"
)
_NUMBER_OF = re.compile(
    r"\bnumber of ([a-z][\w' -]{2,60}?)"
    r"(?:\s+(?:under|in|of|on|at|is|was|were|has|have)\b|[-–—,.;]|$)",
    re.IGNORECASE,
)
_ORDINAL_AFTER = re.compile(r"\s?(?:st|nd|rd|th)\b")
_MONTH_NEAR_BEFORE = re.compile(rf"\b(?:{MONTHS})\.?\s+$")
_MONTH_NEAR_AFTER = re.compile(rf"^(?:st|nd|rd|th)?\s+(?:of\s+)?(?:{MONTHS})\b")
_YEAR_PHRASE = re.compile(
    r"(?<!than )\b(?:in|by|since|during|as of|until|through|throughout|before|after|around|from)\s+"
    r"(?:the\s+(?:end|beginning|start|middle|first half|second half|close)\s+of\s+)?"
    r"(?:(?:early|late|mid)[-\s]?)?"
    rf"(?:(?:{MONTHS})\.?\s+(?:\d{{1,2}}(?:st|nd|rd|th)?,?\s+)?)?"
    r"(?P<year>1[89]\d\d|20\d\d)(?![\d\w])",
    re.IGNORECASE,
)
_YEAR_BEFORE = re.compile(
    r"\b(?:in|by|since|during|until|till|through|before|after|from|to|between|and|of|"
    r"circa|end|early|late|mid|year|years|fiscal|FY|the)\s*$",
    re.IGNORECASE,
)
_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*|[,.;:!?()—–\"“”]")
_STOP_WORDS = """
    in of on at by for from with to into onto over under across between among per than as
    since during within through about after before around against along toward towards via
    and or but nor while whereas which that who whom whose where when why how if so yet
    the a an this these those its their his her our your my it they them he she we you
    is are was were be been being has have had will would can could may might shall should
    must do did does done came went rose fell grew made took got saw became gave stood hit
    reached reaching rising falling growing increased increasing decreased decreasing
    reduced declined dropped doubled tripled remained remain remains stayed connects connect
    connected accounts accounted accounting compared up down out off each every all both
    also only just still even more less least very there here then now today not no
    total altogether respectively including include includes such other others same
    one online offline annually nationwide worldwide daily yearly already overall
    hundred thousand million billion trillion mn bn seen built sold paid held given taken
    known shown spent bought kept won run
    """
STOP = frozenset(_STOP_WORDS.split())
# words that qualify the noun that follows them: "the nine most impoverished counties"
MODIFIERS = {"most", "newly", "highly", "fully", "recently", "previously", "additional"}
GENERIC_HEADS = {"people", "persons", "residents", "households", "times", "units", "items"}
INCREASE = re.compile(
    r"^(?:surge|rise|increase|growth|jump|gain|boost|hike|climb)s?\b", re.IGNORECASE
)
DECREASE = re.compile(
    r"^(?:decline|decrease|drop|fall|reduction|cut|loss|contraction|slump|dip)s?\b",
    re.IGNORECASE,
)
_DECLINE_VERB = re.compile(
    r"\b(?P<v>fell|fall(?:s|ing|en)?|dropped|drop(?:s|ping)?|declined|declin(?:es|ing)|"
    r"decreased|decreas(?:es|ing)|reduced|reduc(?:es|ing)|cut(?:s|ting)?|lowered|lower(?:s|ing)?|"
    r"shrank|shrunk|shrink(?:s|ing)?|down)\b(?P<gap>[^.;:!?\d]{0,80}?)\bby\s+$",
    re.IGNORECASE,
)
_DECLINE_NEXT = re.compile(
    r"\b(?P<v>fell|dropped|declined|decreased|shrank|down)\s+$", re.IGNORECASE
)


@dataclass(frozen=True)
class Stated:
    """A number a sentence states (see the module's docstring)."""

    value: float
    unit: str
    qualifier: str
    quote: str
    label: str
    year: int | None
    start: int  # the quote's span in the sentence
    end: int
    noun: str = ""  # the noun counted ("users"), for counts
    note: str = ""
    kind: str = "count"  # count, percent, money, measure


def sentence_year(sentence: str) -> int | None:
    """The year a sentence dates itself by ("In 2015, …", "by the end of 2020")."""
    m = _YEAR_PHRASE.search(sentence)
    return int(m.group("year")) if m else None


def _words_after(text: str, limit: int = 8) -> list[tuple[str, int, int]]:
    """The next words of ``text`` with their spans, up to punctuation or ``limit``."""
    out = []
    for m in _WORD.finditer(text):
        if not m.group()[0].isalpha():
            break
        out.append((m.group(), m.start(), m.end()))
        if len(out) >= limit:
            break
    return out


def _noun_phrase(text: str, limit: int = 4) -> tuple[str, int, str]:
    """The noun phrase a number counts, read from the words after it: (phrase, its
    end in ``text``, head noun). Empty when a stop word or punctuation comes first."""
    words = _words_after(text, limit + 2)
    taken: list[tuple[str, int, int]] = []
    nouns = 0
    for i, (w, a, b) in enumerate(words):
        low = w.lower()
        nxt = words[i + 1][0].lower() if i + 1 < len(words) else ""
        if not taken and low in ("more", "fewer", "extra") and nxt and nxt not in STOP:
            continue  # "45 more people": the noun comes next
        if low in STOP or (w[0].isupper() and not taken and i > 0):
            break
        if low.endswith(("ed", "ing")) and (nouns or not nxt or nxt in STOP):
            break  # "volunteers cleared the banks": the verb ends the phrase
        taken.append((w, a, b))
        nouns += low not in MODIFIERS and not low.endswith(("ed", "ing"))
        if len(taken) >= limit:
            break
    while taken and (taken[-1][0].lower() in MODIFIERS):
        taken.pop()
    if not taken:
        return "", 0, ""
    phrase = text[taken[0][1] : taken[-1][2]]
    return phrase, taken[-1][2], taken[-1][0].lower()


def _of_tail(text: str, limit: int = 1) -> tuple[str, int]:
    """'of government', 'in Guizhou': a short phrase after a noun, for labels."""
    m = re.match(r"\s+(?:of|in|on|for|from)\s+(?:the\s+)?", text)
    if not m:
        return "", 0
    phrase, end, _ = _noun_phrase(text[m.end() :], limit=limit)
    if not phrase:
        return "", 0
    return text[: m.end() + end].strip(), m.end() + end


def _subject_before(text: str) -> tuple[str, int]:
    """The words before a number that say what it measures ("its growth rate
    reaching" gives "growth rate"), and where they start in ``text``."""
    clause = re.split(r"[,;:()—–\"“”\d$€£¥]|\.\s", text)[-1]
    start = len(text) - len(clause)
    words = [(m.group(), m.start() + start) for m in re.finditer(r"[A-Za-z][\w'’-]*", clause)]
    words = words[-7:]
    while words and (words[-1][0].lower() in STOP or words[-1][0].lower().endswith("ed")):
        words.pop()
    if words and words[-1][0].lower() in ("for",):
        words.pop()
    for k in range(len(words) - 1, -1, -1):  # "six turbines and a capacity": the last part
        if words[k][0].lower() in ("and", "or", "but", "with", "while"):
            words = words[k + 1 :]
            break
    while words and words[0][0].lower() in STOP:
        words.pop(0)
    if not words:
        return "", len(text)
    return text[words[0][1] : words[-1][1] + len(words[-1][0])], words[0][1]


def _cap(s: str) -> str:
    s = s.strip().strip(",.;:")
    return s[:1].upper() + s[1:] if s else s


def _excluded(sentence: str, start: int, end: int, value_text: str) -> bool:
    """A year, a date, an ordinal, a list number or a reference, not a figure."""
    before, after = sentence[:start], sentence[end:]
    if _REFERENCE.search(before) or _ORDINAL_AFTER.match(after):
        return True
    if _MONTH_NEAR_BEFORE.search(before) or _MONTH_NEAR_AFTER.match(after):
        return True
    if re.fullmatch(r"\d{4}", value_text) and YEAR_MIN <= int(value_text) <= YEAR_MAX:
        if _YEAR_BEFORE.search(before) or not re.match(r"\s+[a-z]", after):
            return True
        nxt = _words_after(after.lstrip(), 1)
        if not nxt or nxt[0][0].lower() in STOP:
            return True
    # a list number: "1. Build the roads", "(2) …"
    return bool(re.search(r"(?:^|\n)[ \t]*\(?$", before) and re.match(r"[.)](?:\s|$)", after))


def _direction(before: str, after_unit: str) -> tuple[int, int | None]:
    """-1 for a decline (with where its words start in ``before``, or None when they
    come after the number), else 1."""
    words = after_unit.lstrip()
    if DECREASE.match(words):
        return -1, None
    m = _DECLINE_VERB.search(before) or _DECLINE_NEXT.search(before)
    if m:
        return -1, m.start("v")
    return 1, None


def stated(sentence: str, digits_only: bool = False) -> list[Stated]:
    """The numbers ``sentence`` states, in order (see the module's docstring)."""
    found: list[Stated] = []
    year = sentence_year(sentence)
    for m in _DIGITS.finditer(sentence):
        if _excluded(sentence, m.start(), m.end(), m.group("num")):
            continue
        value = float(m.group("num").replace(",", ""))
        s = _reading(sentence, m.start(), m.end(), value, year)
        if s is not None:
            found.append(s)
    if not digits_only:
        found.extend(_word_numbers(sentence, year))
    found.sort(key=lambda s: s.start)
    return [s for s in found if textnumbers.states(s.quote, s.value)]


def _reading(
    sentence: str, start: int, end: int, value: float, year: int | None, word: bool = False
) -> Stated | None:
    """What the words around the number at sentence[start:end] say of it."""
    before = sentence[:start]
    q_start = start
    currency = ""
    c = _CURRENCY_BEFORE.search(before)
    if c and not word:
        currency = CURRENCY_BEFORE[c.group("c")]
        q_start = c.start()
        before = sentence[: c.start()]
    qualifier = "exact"
    q = _QUALIFIER.search(before)
    if q:
        qualifier = QUALIFIER_WORDS[q.group("q").lower()]
        q_start = q.start("q")
        before = sentence[: q.start("q")]
    pos = end
    scale = ""
    sm = _SCALE.match(sentence, pos)
    if sm:
        scale = sm.group("s").lower()
        pos = sm.end()
        if scale in ("hundred", "thousand"):  # "five hundred households": 500 households
            value *= textnumbers.SCALES[scale]
            scale = ""
    unit, kind, note, noun = "", "count", "", ""
    pm = _PERCENT.match(sentence, pos)
    mm = None if pm else _MEASURE.match(sentence, pos)
    if pm:
        word_p = pm.group("p").lower()
        unit = "percentage points" if "point" in word_p else "%"
        kind = "percent"
        pos = pm.end()
    elif mm and not currency:
        unit = MEASURES[mm.group("m").lower()]
        kind = "measure"
        pos = mm.end()
    after = sentence[pos:]
    if not currency:
        for w, name in sorted(CURRENCY_AFTER.items(), key=lambda kv: -len(kv[0])):
            cm = re.match(rf"\s+{re.escape(w)}\b", after, re.IGNORECASE)
            if cm:
                currency = name
                pos += cm.end()
                after = sentence[pos:]
                break
    if currency:
        unit, kind = f"{scale} {currency}".strip(), "money"
    direction, verb_at = _direction(before, after)
    label = ""
    q_end = pos
    if kind == "count":
        phrase, p_end, head = _noun_phrase(after)
        if phrase:
            noun = head
            unit = f"{scale} {head}".strip()
            tail, t_end = (
                ("", 0)
                if head not in GENERIC_HEADS | {"levels", "years"}
                else _of_tail(after[p_end:])
            )
            label = f"{phrase} {tail}".strip()
            q_end = pos + p_end + t_end
        else:
            m = _NUMBER_OF.search(before)
            if m:
                phrase = m.group(1).strip()
                noun = phrase.split()[-1].lower()
                unit = f"{scale} {noun}".strip()
                label = phrase
            elif word:
                return None  # "the three of them": a word number needs its noun
            else:
                unit = f"{scale} count".strip() if scale else "count"
            te = re.match(r"\s+in total\b", after)
            q_end = pos + (te.end() if te else 0)
    else:
        change = INCREASE.match(after.lstrip()) or DECREASE.match(after.lstrip())
        if change:
            phrase_start = len(after) - len(after.lstrip())
            rest = after.lstrip()[change.end() :]
            tail, t_end = _of_tail(rest, limit=3)
            label = f"{change.group()} {tail}".strip()
            q_end = pos + phrase_start + change.end() + t_end
        else:
            ofm = re.match(r"\s+of\s+(?:the\s+|its\s+|their\s+)?", after)
            if ofm and kind in ("measure", "money"):
                phrase, p_end, head = _noun_phrase(after[ofm.end() :], limit=3)
                if phrase:
                    label = phrase
                    q_end = pos + ofm.end() + p_end
            elif ofm and kind == "percent":
                phrase, p_end, head = _noun_phrase(after[ofm.end() :])
                if not phrase:
                    pm2 = re.match(
                        r"(?:[A-Z][\w'’-]*\s+)?[A-Za-z][\w'’-]*(?:\s+[A-Za-z][\w'’-]*){0,3}",
                        after[ofm.end() :],
                    )
                    phrase = pm2.group() if pm2 else ""
                    p_end = pm2.end() if pm2 else 0
                    head = phrase.split()[-1] if phrase else ""
                if phrase:
                    subject, s_at = _subject_before(before)
                    share = f"share of {phrase}"
                    label = f"{subject} as a {share}" if subject else share
                    if head.upper() == "GDP":
                        unit = "% of GDP"
                    q_end = pos + ofm.end() + p_end
                    if subject:
                        q_start = min(q_start, s_at)
            cmp = re.match(
                r"\s+(?P<w>higher|lower|more|less|above|below)\s+than\b[^,.;]{0,50}", after
            )
            if not label and cmp:
                q_end = pos + cmp.end()
                label = cmp.group().strip()
                subject, s_at = _subject_before(before)
                if subject:
                    label = f"{subject}: {label}"
                if kind == "percent" and re.search(
                    r"\brate\b|%", sentence[:start] + sentence[pos:]
                ):
                    unit = "percentage points"
                    note = (
                        'The text writes "%"; it compares two rates, so the difference is '
                        "read as percentage points."
                    )
            if not label:
                phrase, p_end, head = _noun_phrase(after)
                if phrase and kind != "percent":
                    label = phrase
                    q_end = pos + p_end
                else:
                    subject, s_at = _subject_before(before)
                    if subject:
                        label = subject
                        q_start = min(q_start, s_at)
    if direction < 0:
        value = -value
        if verb_at is not None:
            q_start = min(q_start, verb_at)
        note = note or "A decline, stored as a negative change."
    elif q_start == start or q_start == (c.start() if c else -1):
        art = re.search(r"\b(?:a|an)\s+$", sentence[:q_start])
        if art and (INCREASE.match(after.lstrip()) or DECREASE.match(after.lstrip())):
            q_start = art.start()
    if direction < 0 and q_start == start:
        art = re.search(r"\b(?:a|an)\s+$", sentence[:q_start])
        if art:
            q_start = art.start()
    quote = sentence[q_start:q_end].strip().rstrip(",;:")
    if not label:
        label = unit if kind != "count" else "Number"
    return Stated(
        value,
        unit or "count",
        qualifier,
        quote,
        _cap(label)[:80],
        year,
        q_start,
        q_end,
        noun,
        note,
        kind,
    )


_TENS = "twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"
_NUMBER_WORD = re.compile(
    rf"(?<![\w-])(?P<w>(?:{_TENS})(?:[- ](?:one|two|three|four|five|six|seven|eight|nine))?|"
    + "|".join(sorted(textnumbers.WORDS, key=len, reverse=True))
    + r")(?![\w-])",
    re.IGNORECASE,
)


def _word_numbers(sentence: str, year: int | None) -> list[Stated]:
    found = []
    for m in _NUMBER_WORD.finditer(sentence):
        w = m.group("w")
        low = w.lower()
        if low in ("one", "zero") and not _SCALE.match(sentence, m.end()):
            continue
        if (
            w[0].isupper()
            and m.start() > 0
            and not re.search(r"(?:^|[.!?:]\s+)$", sentence[: m.start()])
        ):
            continue  # "the Three Gorges": a name
        if re.match(r"\s+of\b", sentence[m.end() :]):
            continue  # "two of the …"
        parts = re.split(r"[- ]", low)
        value = float(sum(textnumbers.WORDS[p] for p in parts if p in textnumbers.WORDS))
        s = _reading(sentence, m.start(), m.end(), value, year, word=True)
        if s is not None:
            found.append(s)
    return found
