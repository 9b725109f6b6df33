"""docs/pack-format.md, the pack author's guide, and its example pack (docs/example-pack/)
cannot drift from what gzexplorer reads.

- The guide's field tables list exactly the resources and fields of
  :data:`gzexplorer.model.profile.RESOURCES`, each marked required or optional as the
  profile says and with the Table Schema types it accepts; its vocabulary, icon,
  warning and provenance tables name exactly the profile's words and the loader's codes.
- The example pack passes ``gzexplorer validate`` (without warnings) and
  ``frictionless validate``, and shows what the guide says it shows.
- The files listed in the guide are the example pack's files, byte for byte (its
  datapackage.json also as JSON).

Each check returns the differences it finds, so that ``test_drift_is_caught`` can show
that a changed guide fails them.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from gzexplorer import cli, model
from gzexplorer.model import advice, profile, provenance, references
from packtools import add_field, copy_pack, frictionless_errors

ROOT = Path(__file__).resolve().parents[1]
GUIDE = ROOT / "docs" / "pack-format.md"
EXAMPLE = ROOT / "docs" / "example-pack"
EXAMPLE_SUMMARY = "2 themes, 1 indicator, 4 observations, 3 figures, 1 milestone, 5 excerpts"
FIELD_HEADER = ["field", "required", "type", "meaning"]


@pytest.fixture(scope="module")
def guide() -> str:
    return GUIDE.read_text(encoding="utf-8")


# -- reading the guide ------------------------------------------------------------------


@dataclass(frozen=True)
class Table:
    heading: str  # the nearest heading above the table
    header: list[str]
    rows: list[list[str]]


def markdown_tables(text: str) -> list[Table]:
    """The pipe tables of ``text`` (outside code blocks), with the heading above each."""
    found: list[Table] = []
    heading = ""
    block: list[list[str]] = []
    fenced = False
    for line in [*text.splitlines(), ""]:
        if line.startswith("```"):
            fenced = not fenced
        is_row = not fenced and line.startswith("|")
        if is_row:
            cells = re.split(r"(?<!\\)\|", line.strip()[1:-1])
            block.append([c.strip() for c in cells])
            continue
        if block:
            rows = [r for r in block[1:] if not all(re.fullmatch(r":?-+:?", c) for c in r)]
            found.append(Table(heading, block[0], rows))
            block = []
        if not fenced and line.startswith("#"):
            heading = line
    return found


def ticks(cell: str) -> list[str]:
    """The `code` spans of a cell or a line."""
    return re.findall(r"`([^`]+)`", cell)


def only_tick(cell: str) -> str | None:
    """The name in a cell that is nothing but one `name`."""
    m = re.fullmatch(r"`([^`]+)`", cell)
    return m.group(1) if m else None


def key_of(cell: str) -> str:
    """A table row's key: its first cell's `name`, or the cell marked as not one."""
    return only_tick(cell) or f"(not a `name`) {cell}"


def sections(text: str) -> dict[str, str]:
    """The text under each ### heading whose first code span names it (### `themes`)."""
    out = {}
    parts = re.split(r"^(###? .*)$", text, flags=re.MULTILINE)
    for heading, body in zip(parts[1::2], parts[2::2], strict=True):
        names = ticks(heading)
        if heading.startswith("### ") and names:
            out[names[0]] = body
    return out


# -- the checks -------------------------------------------------------------------------


def field_mismatches(text: str) -> list[str]:
    """The guide's field tables against profile.RESOURCES: every resource and field,
    required or optional, the types to declare; and nothing the profile does not have."""
    problems = []
    documented: dict[str, dict[str, tuple[str, set[str]]]] = {}
    for table in markdown_tables(text):
        if table.header != FIELD_HEADER:
            continue
        names = ticks(table.heading)
        if not names:
            problems.append(f"a field table under {table.heading!r} names no resource")
            continue
        resource = names[0]
        if resource in documented:
            problems.append(f"resource {resource} has two field tables")
        fields = documented.setdefault(resource, {})
        for row in table.rows:
            name = only_tick(row[0])
            if name is None or len(row) != len(FIELD_HEADER):
                problems.append(f"{resource}: a row of the field table is not `name` | …: {row}")
                continue
            if name in fields:
                problems.append(f"{resource}.{name} is documented twice")
            fields[name] = (row[1], set(ticks(row[2])))
    for resource in documented.keys() - profile.RESOURCES.keys():
        problems.append(f"the guide documents a resource the profile does not have: {resource}")
    for resource, needs in profile.RESOURCES.items():
        fields = documented.get(resource)
        if fields is None:
            problems.append(f"no field table for resource {resource}")
            continue
        for name in fields.keys() - needs.keys():
            problems.append(f"the guide documents {resource}.{name}; the profile has no such field")
        for name, need in needs.items():
            if name not in fields:
                problems.append(f"{resource}.{name} is not in the guide's field table")
                continue
            marked, types = fields[name]
            wanted = "required" if need.required else "optional"
            if marked != wanted:
                problems.append(f"{resource}.{name} is marked {marked!r}; the profile: {wanted}")
            if types != set(need.types):
                problems.append(
                    f"{resource}.{name}: the guide's types {sorted(types)}, "
                    f"the profile's {sorted(need.types)}"
                )
    return problems


def vocabulary_mismatches(text: str) -> list[str]:
    """The fixed words (every enum of the profile), the icons, the primary keys, the
    id pattern, the plausible years and the default document name."""
    problems = []
    tables = markdown_tables(text)
    words = {
        key_of(row[0]): set(ticks(row[1]))
        for t in tables
        if t.header[:2] == ["field", "words"]
        for row in t.rows
    }
    enums = {
        f"{resource}.{name}": set(need.choices)
        for resource, needs in profile.RESOURCES.items()
        for name, need in needs.items()
        if need.kind == "enum"
    }
    for key in words.keys() - enums.keys():
        problems.append(f"the vocabulary table lists {key}, which is not an enum of the profile")
    for key, choices in enums.items():
        if key not in words:
            problems.append(f"the vocabulary table has no row for {key}")
        elif words[key] != choices:
            problems.append(
                f"{key}: the guide lists {sorted(words[key])}, the profile {sorted(choices)}"
            )
        for choice in choices:
            if f"`{choice}`" not in text:
                problems.append(f"the word {choice} of {key} is not in the guide")
    icons = [key_of(row[0]) for t in tables if t.header[:1] == ["icon"] for row in t.rows]
    if sorted(icons) != sorted(profile.ICONS):
        problems.append(f"the icon table lists {icons}, the profile {list(profile.ICONS)}")
    by_resource = sections(text)
    for resource, key in profile.PRIMARY_KEYS.items():
        m = re.search(r"Primary key:\s*(.+?)\.", by_resource.get(resource, ""), flags=re.DOTALL)
        if m is None or tuple(ticks(m.group(1))) != key:
            shown = m.group(1) if m else "nothing"
            problems.append(f"{resource}: primary key {shown!r}, the profile's {' + '.join(key)}")
    low, high = profile.YEARS
    for needed, what in (
        (f"`{profile.ID_PATTERN}`", "the id pattern"),
        (f"from {low} to {high}", "the plausible years"),
        (f"(default `{profile.DOCUMENT}`)", "the default document resource"),
        ("`gzexplorer.document`", "the gzexplorer.document key"),
    ):
        if needed not in text:
            problems.append(f"the guide does not give {what}: {needed}")
    return problems


def codes_in(module) -> set[str]:
    return set(re.findall(r'code="([a-z-]+)"', Path(module.__file__).read_text(encoding="utf-8")))


def code_mismatches(text: str) -> list[str]:
    """The warnings table names every warning of advice.py; the provenance table every
    code of provenance.py, and the status rule of references.py."""
    problems = []
    tables = markdown_tables(text)
    for header, expected, what in (
        (["code", "when"], codes_in(advice), "warnings"),
        (["code", "rule"], codes_in(provenance) | {"status-error"}, "provenance rules"),
    ):
        listed = {key_of(row[0]) for t in tables if t.header == header for row in t.rows}
        if listed != expected:
            problems.append(
                f"{what}: the guide lists {sorted(listed)}, the loader has {sorted(expected)}"
            )
    return problems


def example_blocks(text: str) -> dict[str, str]:
    """The example pack's files as the guide lists them: **`name`** and a code block."""
    blocks: dict[str, str] = {}
    for name, body in re.findall(r"^\*\*`([^`]+)`\*\*\n\n```\w*\n(.*?)^```$", text, re.M | re.S):
        assert name not in blocks, f"{name} is listed twice"
        blocks[name] = body
    return blocks


# -- the guide against the profile ------------------------------------------------------


def test_the_guide_documents_every_field_of_the_profile(guide):
    assert field_mismatches(guide) == []


def test_the_guide_gives_the_fixed_words_icons_and_keys(guide):
    assert vocabulary_mismatches(guide) == []


def test_the_guide_names_every_warning_and_provenance_rule(guide):
    assert "status-error" in codes_in(references)
    assert code_mismatches(guide) == []


def _replace(old: str, new: str) -> Callable[[str], str]:
    def change(text: str) -> str:
        assert text.count(old) == 1, f"the guide no longer holds exactly one {old!r}"
        return text.replace(old, new)

    return change


DRIFTS = {
    "a field left out": _replace(
        "| `note` | optional | `string` | A note on how to read it. |\n", ""
    ),
    "a field renamed": _replace(
        "| `source_text` | optional | `string` |", "| `printed` | optional | `string` |"
    ),
    "required marked optional": _replace(
        "| `quote` | required | `string` |", "| `quote` | optional | `string` |"
    ),
    "optional marked required": _replace(
        "| `icon` | optional | `string` |", "| `icon` | required | `string` |"
    ),
    "a field the profile lacks": _replace(
        "| `order` | required | `integer` | Position in the sidebar, ascending. |",
        "| `order` | required | `integer` | Position in the sidebar, ascending. |\n"
        "| `colour` | optional | `string` | A colour. |",
    ),
    "a wrong type": _replace(
        "| `headline` | optional | `boolean` |", "| `headline` | optional | `string` |"
    ),
    "a type left out": _replace(
        "| `year` | optional | `integer` or `year` |", "| `year` | optional | `integer` |"
    ),
    "a resource left out": _replace("### `milestones`", "### Milestones"),
    "a word left out": _replace(
        "`exact`, `more_than`, `nearly`, `about`, `at_least`",
        "`exact`, `more_than`, `about`, `at_least`",
    ),
    "an icon left out": _replace("| `culture` |", "| culture |"),
    "a wrong primary key": _replace(
        "Primary key: `indicator_id` + `year`.", "Primary key: `indicator_id`."
    ),
    "the plausible years changed": _replace("from 1000 to 2999", "from 1900 to 2100"),
    "a warning left out": _replace("| `unknown-icon` |", "| unknown icon |"),
    "a provenance rule left out": _replace("| `year-not-in-passage` |", "| year in passage |"),
}


@pytest.mark.parametrize("drift", DRIFTS, ids=list(DRIFTS))
def test_drift_is_caught(guide, drift):
    changed = DRIFTS[drift](guide)
    found = field_mismatches(changed) + vocabulary_mismatches(changed) + code_mismatches(changed)
    assert found, f"{drift}: the checks did not notice"


# -- the example pack -------------------------------------------------------------------


def test_the_example_pack_passes_gzexplorer_without_warnings():
    data = model.load(EXAMPLE, strict=True)
    assert data.summary() == EXAMPLE_SUMMARY


def test_gzexplorer_validate_passes_the_example_pack(capsys):
    assert cli.main(["validate", str(EXAMPLE)]) == cli.EXIT_OK
    assert EXAMPLE_SUMMARY in capsys.readouterr().out


def test_the_example_pack_passes_frictionless():
    assert frictionless_errors(EXAMPLE) == []


def test_the_example_pack_shows_what_the_guide_says():
    data = model.load(EXAMPLE)
    descriptor = json.loads((EXAMPLE / "datapackage.json").read_text(encoding="utf-8"))
    # an invented place, not the built-in pack
    assert descriptor["gzexplorer"]["region"] == "Riverton"
    assert "Guizhou" not in data.document
    # the document under its own name, pointed at by gzexplorer.document
    name = descriptor["gzexplorer"]["document"]
    assert name != profile.DOCUMENT
    assert any(r["name"] == name and "schema" not in r for r in descriptor["resources"])
    assert all(" ".join(e.text.split()) in " ".join(data.document.split()) for e in data.excerpts())
    # every list field declared with the ";" delimiter
    for res in descriptor["resources"]:
        for f in res.get("schema", {}).get("fields", []):
            if f["name"] in ("themes", "excerpt_ids"):
                assert (f["type"], f.get("delimiter")) == ("list", ";"), (res["name"], f["name"])
    # 3-4 yearly cells of one indicator, one printed "-": not reported, no value
    (indicator,) = data.indicators()
    series = data.series(indicator.id)
    assert 3 <= len(series) <= 4
    dash = series[series["source_text"] == "-"]
    assert list(dash["status"]) == ["not_reported"] and dash["value"].isna().all()
    # figures: one "more than", one stated in words, one decline stored negative
    figures = data.figures()
    assert any(f.qualifier == "more_than" and "more than" in f.quote for f in figures)
    assert any(not re.search(r"\d", f.quote) for f in figures)
    assert any(f.value < 0 for f in figures)
    assert len(data.milestones()) == 1
    # a translated column, used by the app
    theme = data.themes()[0]
    assert theme.text("name", "zh_CN") != theme.name


def test_a_declared_translation_missing_from_the_csv_is_refused_by_both(tmp_path, guide):
    """As the guide says (and quotes gzexplorer's message): translated columns are
    ordinary columns."""
    pack = copy_pack(tmp_path, EXAMPLE)
    add_field("indicators", {"name": "name_zh", "type": "string"})(pack)

    with pytest.raises(model.DataPackError) as refused:
        model.load(pack)

    assert [str(p) for p in refused.value.problems] == [
        "indicators.csv:1: missing column(s): name_zh"
    ]
    assert f"`{refused.value.problems[0]}`" in guide
    assert any("missing-label" in e for e in frictionless_errors(pack))


def test_an_optional_column_left_out_of_the_csv_is_refused(tmp_path):
    """Optional means an empty cell, not a missing column."""
    pack = copy_pack(tmp_path, EXAMPLE)
    csv = pack / "observations.csv"
    lines = csv.read_text(encoding="utf-8").splitlines()
    assert lines[0].split(",")[4] == "note"
    csv.write_text(
        "\n".join(",".join(line.split(",")[:4] + line.split(",")[5:]) for line in lines) + "\n",
        encoding="utf-8",
    )

    with pytest.raises(model.DataPackError) as refused:
        model.load(pack)

    assert [str(p) for p in refused.value.problems] == [
        "observations.csv:1: missing column(s): note"
    ]


def test_a_printed_cell_with_thousands_commas_is_read(tmp_path, guide):
    """The guide: a reported value equals the number of its printed cell, `1,234` is 1234."""
    assert "`1,234` is 1234" in guide
    pack = copy_pack(tmp_path, EXAMPLE)
    for name in ("riverton-case-study.txt", "excerpts.csv"):
        path = pack / name
        text = path.read_text(encoding="utf-8")
        assert text.count("2017    58.2\n") == 1
        path.write_text(text.replace("2017    58.2\n", "2017    1,058.2\n"), encoding="utf-8")
    path = pack / "observations.csv"
    text = path.read_text(encoding="utf-8")
    old = "broadband,2017,58.2,reported,,58.2,"
    assert old in text
    path.write_text(
        text.replace(old, 'broadband,2017,1058.2,reported,,"1,058.2",'), encoding="utf-8"
    )

    assert model.load(pack).point("broadband", 2017).value == 1058.2


# -- the example as the guide lists it --------------------------------------------------


def test_the_guide_lists_every_file_of_the_example_as_it_is(guide):
    blocks = example_blocks(guide)
    assert sorted(blocks) == sorted(p.name for p in EXAMPLE.iterdir())
    for name, shown in blocks.items():
        assert shown == (EXAMPLE / name).read_text(encoding="utf-8"), name


def test_the_guides_datapackage_json_is_the_example_packs(guide):
    shown = json.loads(example_blocks(guide)["datapackage.json"])
    assert shown == json.loads((EXAMPLE / "datapackage.json").read_text(encoding="utf-8"))


# -- the commands the guide gives ------------------------------------------------------


def validate_options(text: str) -> list[str]:
    return sorted(set(re.findall(r"`gzexplorer validate (--[a-z-]+) PACK`", text)))


def test_the_guide_gives_the_validate_options(guide):
    assert validate_options(guide) == ["--json", "--strict"]


@pytest.mark.parametrize("option", ["--json", "--strict"])
def test_gzexplorer_validate_accepts_the_options_of_the_guide(option, capsys):
    assert cli.main(["validate", option, str(EXAMPLE)]) == cli.EXIT_OK
