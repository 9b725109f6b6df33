"""What gzexplorer needs of a data pack: the resources and fields it reads, with the
Table Schema types it accepts for each.

The pack's own ``datapackage.json`` is the single source of truth for its fields, types
and constraints; this profile is checked against it (:mod:`gzexplorer.model.tableschema`)
and adds only what the app itself relies on: a value in every row of a required field,
ids that can be written in a list, the fixed vocabularies of ``kind``, ``status`` and
``qualifier``, and plausible years. ``docs/pack-format.md`` documents the same lists
(a test keeps the two in step).
"""

from __future__ import annotations

from dataclasses import dataclass

ID_PATTERN = r"[A-Za-z0-9][A-Za-z0-9_.-]*"
DOCUMENT = "document"  # the default name of the optional document resource
YEARS = (1000, 2999)  # plausible years unless the schema declares minimum/maximum

# exact, then the words of "more than 120", "nearly 120", "about 120", "at least 120",
# "up to 120" and "under 120"
QUALIFIERS = ("exact", "more_than", "nearly", "about", "at_least", "at_most", "less_than")
STATUSES = ("reported", "not_reported", "qualitative")
EXCERPT_KINDS = ("title", "paragraph", "caption", "table", "quote")
ICONS = ("economy", "governance", "ecology", "culture")
# the review state of a drafted row (gzexplorer draft): the explorer hides rejected rows
REVIEWS = ("draft", "accepted", "rejected", "edited")
REVIEWED = ("indicators", "observations", "figures", "milestones")  # tables with a review

# The Table Schema types each kind of field may be declared with.
TYPES = {
    "id": ("string",),
    "text": ("string",),
    "enum": ("string",),
    "integer": ("integer",),
    "year": ("integer", "year"),
    "number": ("number", "integer"),
    "boolean": ("boolean",),
    "ids": ("list",),
}


@dataclass(frozen=True)
class Need:
    """One field gzexplorer reads: its kind (a key of TYPES), whether every row needs a
    value, the words allowed (enum), the resource whose ids it names (id lists), and
    whether the column may be left out of the table altogether (``omissible``: read
    when the schema declares it, as the ``review`` column of a drafted pack)."""

    kind: str
    required: bool = False
    choices: tuple[str, ...] = ()
    refers_to: str = ""
    meaning: str = ""
    omissible: bool = False

    @property
    def types(self) -> tuple[str, ...]:
        return TYPES[self.kind]


def _id(meaning: str) -> Need:
    return Need("id", required=True, meaning=meaning)


def _themes() -> Need:
    return Need("ids", refers_to="themes", meaning="Theme ids, separated by the list delimiter.")


def _review() -> Need:
    return Need(
        "enum",
        choices=REVIEWS,
        omissible=True,
        meaning="Review state of a drafted row: draft, accepted, rejected or edited.",
    )


def _excerpt_ids() -> Need:
    return Need(
        "ids",
        required=True,
        refers_to="excerpts",
        meaning="Ids of the passages the row comes from (at least one).",
    )


RESOURCES: dict[str, dict[str, Need]] = {
    "themes": {
        "id": _id("Theme id."),
        "name": Need("text", required=True, meaning="Name shown in the sidebar."),
        "description": Need("text", meaning="One or two sentences on the theme."),
        "order": Need("integer", required=True, meaning="Position in the sidebar, ascending."),
        "icon": Need("text", meaning="A built-in icon name, or empty."),
        "color": Need(
            "text",
            omissible=True,
            meaning="The theme's colour, #RRGGBB; empty: a colour of the palette.",
        ),
    },
    "excerpts": {
        "id": _id("Passage id."),
        "order": Need("integer", required=True, meaning="Position in the document, ascending."),
        "section": Need("text", required=True, meaning="Section of the document."),
        "kind": Need("enum", required=True, choices=EXCERPT_KINDS, meaning="What the passage is."),
        "themes": _themes(),
        "text": Need("text", required=True, meaning="The exact text of the passage."),
    },
    "indicators": {
        "id": _id("Indicator id."),
        "name": Need("text", required=True, meaning="Name of the series."),
        "unit": Need("text", required=True, meaning="Unit of its values (%, count ...)."),
        "themes": _themes(),
        "description": Need("text", meaning="What the series measures."),
        "source": Need("text", meaning="Who published the numbers."),
        "excerpt_ids": _excerpt_ids(),
        "review": _review(),
    },
    "observations": {
        "indicator_id": Need(
            "id", required=True, refers_to="indicators", meaning="The indicator's id."
        ),
        "year": Need("year", required=True, meaning="The year of the value."),
        "value": Need("number", meaning="The number; empty when not reported."),
        "status": Need(
            "enum", required=True, choices=STATUSES, meaning="Whether and how it is reported."
        ),
        "note": Need("text", meaning="A note, e.g. the words of a qualitative cell."),
        "source_text": Need("text", meaning="The table cell as printed in the passage."),
        "excerpt_ids": _excerpt_ids(),
        "review": _review(),
    },
    "figures": {
        "id": _id("Figure id."),
        "label": Need("text", required=True, meaning="What the number counts."),
        "value": Need("number", required=True, meaning="The number the quote states."),
        "unit": Need("text", required=True, meaning="Unit of the value."),
        "qualifier": Need(
            "enum", required=True, choices=QUALIFIERS, meaning="How exact the text is."
        ),
        "year": Need("year", meaning="The year it refers to, if the text gives one."),
        "themes": _themes(),
        "group": Need("text", meaning="Figures of one group share a bar chart."),
        "headline": Need("boolean", meaning="Shown on the Overview."),
        "quote": Need("text", required=True, meaning="The words of the passage that state it."),
        "note": Need("text", meaning="A note on how to read it."),
        "excerpt_ids": _excerpt_ids(),
        "review": _review(),
    },
    "milestones": {
        "id": _id("Milestone id."),
        "year": Need("year", required=True, meaning="The year of the event."),
        "title": Need("text", required=True, meaning="A short title."),
        "description": Need("text", meaning="One or two sentences."),
        "themes": _themes(),
        "excerpt_ids": _excerpt_ids(),
        "review": _review(),
    },
}

PRIMARY_KEYS: dict[str, tuple[str, ...]] = {
    "themes": ("id",),
    "excerpts": ("id",),
    "indicators": ("id",),
    "observations": ("indicator_id", "year"),
    "figures": ("id",),
    "milestones": ("id",),
}

# Translated text columns: ``name_zh`` beside ``name`` and the like.
TRANSLATION_PATTERN = r"^([a-z]+)_([a-z]{2}(?:_[A-Z]{2})?)$"


def translated_fields(resource: str, columns) -> list[str]:
    """The columns of ``resource`` that translate one of its text fields."""
    import re

    known = RESOURCES.get(resource, {})
    found = []
    for c in columns:
        m = re.match(TRANSLATION_PATTERN, c)
        if m and m.group(1) in known and known[m.group(1)].kind == "text":
            found.append(c)
    return found


def translations(resource: str, row) -> dict[str, str]:
    """The translated text fields of one row (a mapping of column to cell) that are
    filled in, trimmed: ``{"name_zh": "经济"}``."""
    return {c: row[c].strip() for c in translated_fields(resource, row) if (row[c] or "").strip()}
