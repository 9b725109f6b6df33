"""The fields gzexplorer needs in each resource of a data pack.

The pack's own Table Schemas (in datapackage.json) describe the files for any
Frictionless tool; this module is what the loader checks before the app uses them.
Extra columns (translations such as ``name_zh``, notes) are allowed and kept.
"""

from __future__ import annotations

from dataclasses import dataclass

ID_PATTERN = r"^[A-Za-z0-9][A-Za-z0-9_.-]*$"
LIST_DELIMITER = ";"


@dataclass(frozen=True)
class Field:
    kind: str  # id | text | integer | number | boolean | list | enum
    required: bool = False
    choices: tuple[str, ...] = ()


ID = Field("id", required=True)
TEXT = Field("text")
TEXT_REQUIRED = Field("text", required=True)
THEMES = Field("list")
EXCERPT_IDS = Field("list", required=True)

QUALIFIERS = ("exact", "more_than", "nearly", "about")
STATUSES = ("reported", "not_reported", "qualitative")
EXCERPT_KINDS = ("title", "paragraph", "caption", "table", "quote")

RESOURCES: dict[str, dict[str, Field]] = {
    "themes": {
        "id": ID,
        "name": TEXT_REQUIRED,
        "description": TEXT,
        "order": Field("integer", required=True),
        "icon": TEXT,
    },
    "excerpts": {
        "id": ID,
        "order": Field("integer", required=True),
        "section": TEXT_REQUIRED,
        "kind": Field("enum", required=True, choices=EXCERPT_KINDS),
        "themes": THEMES,
        "text": TEXT_REQUIRED,
    },
    "indicators": {
        "id": ID,
        "name": TEXT_REQUIRED,
        "unit": TEXT_REQUIRED,
        "themes": THEMES,
        "description": TEXT,
        "source": TEXT,
        "excerpt_ids": EXCERPT_IDS,
    },
    "observations": {
        "indicator_id": ID,
        "year": Field("integer", required=True),
        "value": Field("number"),
        "status": Field("enum", required=True, choices=STATUSES),
        "note": TEXT,
        "source_text": TEXT,
        "excerpt_ids": EXCERPT_IDS,
    },
    "figures": {
        "id": ID,
        "label": TEXT_REQUIRED,
        "value": Field("number", required=True),
        "unit": TEXT_REQUIRED,
        "qualifier": Field("enum", required=True, choices=QUALIFIERS),
        "year": Field("integer"),
        "themes": THEMES,
        "group": TEXT,
        "headline": Field("boolean"),
        "quote": TEXT_REQUIRED,
        "note": TEXT,
        "excerpt_ids": EXCERPT_IDS,
    },
    "milestones": {
        "id": ID,
        "year": Field("integer", required=True),
        "title": TEXT_REQUIRED,
        "description": TEXT,
        "themes": THEMES,
        "excerpt_ids": EXCERPT_IDS,
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

TRUE_WORDS = ("true", "yes", "1")
FALSE_WORDS = ("false", "no", "0", "")
