"""A bad data pack is refused with problems a person can act on.

Each case breaks exactly one rule of the loader, starting from the valid Testland pack
in tests/packs/minimal. The expected problem names the file, the row (frictionless
convention: the header is row 1, the first record row 2), the field, and words saying
what was expected. The same problems must come out of ``gzexplorer validate`` as one
line each on stderr, with exit code 1 and no traceback.
"""

from __future__ import annotations

import csv
import json
import os
import shutil
import subprocess
import sys
import tomllib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

import gzexplorer
from gzexplorer import model
from gzexplorer.model import errors, packfiles
from packtools import (
    BOM,
    DESCRIPTOR,
    MINIMAL,
    MINIMAL_SUMMARY,
    PACKS,
    STRESS,
    TABLES,
    VALID_PACKS,
    bom_everywhere,
    descriptor_edit,
    drop_resource,
    frictionless_errors,
    line_endings,
    make_pack,
    remove,
    replace_bytes,
    resource,
    set_resource,
    symlink_outside,
)

BUILTIN_SUMMARY = "4 themes, 3 indicators, 30 observations, 18 figures, 7 milestones, 38 excerpts"


# -- breaking packs ---------------------------------------------------------------------


def folder_instead_of_file(pack: Path) -> None:
    (pack / "milestones.csv").unlink()
    (pack / "milestones.csv").mkdir()


def too_big(pack: Path) -> dict[str, int]:
    """Lower the size limit to just under excerpts.csv, the largest table."""
    size = (pack / "excerpts.csv").stat().st_size
    others = [(pack / f"{name}.csv").stat().st_size for name in TABLES if name != "excerpts"]
    assert max(others) < size, "excerpts.csv must be the largest table of the minimal pack"
    return {"MAX_RESOURCE_BYTES": size - 1}


# -- the cases --------------------------------------------------------------------------


@dataclass(frozen=True)
class Expected:
    file: str  # "{pack}" stands for the pack folder
    row: int | None
    field: str | None
    says: str  # words the message must contain


@dataclass(frozen=True)
class Case:
    id: str
    expected: tuple[Expected, ...]
    # None: lay tests/packs/<id> over the minimal pack. Otherwise change the copy in place;
    # a returned dict lowers limits of gzexplorer.model.packfiles for this case.
    setup: Callable[[Path], dict[str, int] | None] | None = None


def one(file: str, row: int | None, field: str | None, says: str) -> tuple[Expected, ...]:
    return (Expected(file, row, field, says),)


MILESTONES_RES = 'datapackage.json: resource "milestones"'

CASES = [
    # -- the descriptor ------------------------------------------------------------------
    Case("missing-pack", one("{pack}", None, None, "no such file or folder"), shutil.rmtree),
    Case(
        "no-descriptor",
        one("{pack}", None, None, "not a data pack: the folder has no datapackage.json"),
        remove(DESCRIPTOR),
    ),
    Case("empty-descriptor", one(DESCRIPTOR, None, None, "empty; expected a JSON object")),
    Case("invalid-json", one(DESCRIPTOR, 5, None, "invalid JSON: Expecting value (column 3)")),
    Case(
        "descriptor-not-utf8",
        one(DESCRIPTOR, None, None, "not UTF-8 text"),
        replace_bytes(DESCRIPTOR, b"Testland", b"Testl\xe4nd"),
    ),
    Case(
        "descriptor-too-big",
        one(DESCRIPTOR, None, None, "a descriptor may be at most 1,000"),
        lambda pack: {"MAX_DESCRIPTOR_BYTES": 1000},
    ),
    Case("descriptor-not-object", one(DESCRIPTOR, None, None, "expected a JSON object")),
    Case(
        # JSON may not begin with a byte order mark, and frictionless refuses one
        "descriptor-with-bom",
        one(DESCRIPTOR, None, None, "begins with a byte order mark (BOM)"),
        replace_bytes(DESCRIPTOR, b"{", BOM + b"{"),
    ),
    Case("no-resources-list", one(DESCRIPTOR, None, None, 'expected a "resources" list')),
    Case(
        "resource-without-name",
        one(DESCRIPTOR, None, None, 'resource 8 has no "name"'),
        descriptor_edit(lambda d: d["resources"].append({"path": "x.csv"})),
    ),
    Case(
        "missing-resource",
        one(DESCRIPTOR, None, None, 'no resource named "milestones"; a pack needs themes'),
        drop_resource("milestones"),
    ),
    Case(
        "resource-without-path",
        one(MILESTONES_RES, None, None, 'expected a "path" naming a file inside the pack'),
        descriptor_edit(lambda d: resource(d, "milestones").pop("path")),
    ),
    Case(
        "path-escapes",
        one(MILESTONES_RES, None, None, 'path "../minimal/milestones.csv" leaves the pack'),
        set_resource("milestones", path="../minimal/milestones.csv"),
    ),
    Case(
        "absolute-path",
        one(MILESTONES_RES, None, None, 'path "/tmp/milestones.csv" must be relative'),
        set_resource("milestones", path="/tmp/milestones.csv"),
    ),
    Case(
        "bad-dialect",
        one('datapackage.json: resource "themes"', None, None, "delimiter must be one character"),
        set_resource("themes", dialect={"delimiter": ";;"}),
    ),
    # -- the files -----------------------------------------------------------------------
    Case(
        "missing-file",
        one("milestones.csv", None, None, "file not found in the pack folder"),
        remove("milestones.csv"),
    ),
    Case(
        "missing-document",
        one("testland.txt", None, None, "file not found in the pack folder"),
        remove("testland.txt"),
    ),
    Case(
        "symlink-outside",
        one("milestones.csv", None, None, "links outside the pack folder; refused"),
        symlink_outside,
    ),
    Case(
        "folder-instead-of-file",
        one("milestones.csv", None, None, "expected a file, found a folder"),
        folder_instead_of_file,
    ),
    Case("too-big", one("excerpts.csv", None, None, "bytes; at most"), too_big),
    Case(
        # The bad byte is in the third record, which starts on line 7 of the file because
        # the second record's text spans four lines: the row counts records.
        "csv-not-utf8",
        one("excerpts.csv", 4, None, "not UTF-8 text"),
        replace_bytes("excerpts.csv", b"widget museum", b"widget mus\xe9um"),
    ),
    Case(
        "document-not-utf8",
        one("testland.txt", 8, None, "not UTF-8 text"),
        replace_bytes("testland.txt", b"widget museum", b"widget mus\xe9um"),
    ),
    Case("empty-csv", one("figures.csv", None, None, "empty; expected a header row and records")),
    Case("unreadable-csv", one("themes.csv", None, None, "not readable as CSV")),
    Case(
        "wrong-delimiter",
        one(
            "themes.csv",
            1,
            None,
            "missing column(s): id, name, description, order, icon (the header is one column "
            '"id;name;description;order;icon": is the delimiter ","?)',
        ),
    ),
    Case("missing-column", one("themes.csv", 1, None, "missing column(s): order")),
    Case("duplicate-column", one("themes.csv", 1, None, "duplicate column(s): name")),
    Case("ragged-row", one("themes.csv", 3, None, "expected 5 cells like the header, got 6")),
    Case("blank-row", one("observations.csv", 3, None, "the row is blank")),
    # -- the cells -----------------------------------------------------------------------
    Case(
        "bad-id",
        one("figures.csv", 2, "id", '"old towns" does not match the pattern [a-z0-9][a-z0-9_-]*'),
    ),
    Case("required-missing", one("themes.csv", 3, "name", "a value is required")),
    Case(
        "bad-enum",
        one(
            "excerpts.csv",
            4,
            "kind",
            'expected one of title, paragraph, caption, table, quote, got "chapter"',
        ),
    ),
    Case(
        "bad-integer", one("observations.csv", 2, "year", 'expected a whole number, got "2012.5"')
    ),
    Case(
        "bad-number",
        (
            Expected("observations.csv", 2, "value", 'expected a number like 12.5, got "N/A"'),
            Expected("observations.csv", 4, "value", 'expected a number like 12.5, got "12,5"'),
        ),
    ),
    Case("number-nan", one("figures.csv", 2, "value", 'expected a number like 12.5, got "NaN"')),
    Case("number-inf", one("figures.csv", 3, "value", 'expected a finite number, got "inf"')),
    Case("bad-boolean", one("figures.csv", 2, "headline", 'expected true or false, got "maybe"')),
    Case("empty-excerpt-ids", one("milestones.csv", 2, "excerpt_ids", "a value is required")),
    # -- keys and references -------------------------------------------------------------
    Case("duplicate-id", one("themes.csv", 4, "id", 'duplicate id "industry" (first at row 2)')),
    Case(
        "duplicate-observation",
        one(
            "observations.csv",
            5,
            "indicator_id",
            'duplicate indicator_id + year "widget_growth, 2012" (first at row 2)',
        ),
    ),
    Case("unknown-theme", one("figures.csv", 3, "themes", 'no theme with id "seafront"')),
    Case(
        "unknown-excerpt", one("milestones.csv", 2, "excerpt_ids", 'no excerpt with id "tl-museum"')
    ),
    Case(
        "unknown-indicator",
        one("observations.csv", 3, "indicator_id", 'no row of indicators with id "gadget_growth"'),
    ),
    Case(
        "reported-without-value",
        one("observations.csv", 2, "value", "status is reported but the value is empty"),
    ),
    Case(
        "not-reported-with-value",
        one("observations.csv", 3, "value", "status is not_reported but a value is given"),
    ),
]


def build(case: Case, tmp_path: Path) -> tuple[Path, dict[str, int]]:
    pack = make_pack(tmp_path, None if case.setup else case.id)
    limits = case.setup(pack) if case.setup else None
    return pack, limits or {}


def where(expected: Expected, pack: Path) -> str:
    return expected.file.replace("{pack}", str(pack))


def cli_line_start(expected: Expected, pack: Path) -> str:
    """The documented form: file:row: field: message (row and field when known)."""
    start = where(expected, pack)
    if expected.row is not None:
        start += f":{expected.row}"
    start += ": "
    if expected.field is not None:
        start += f"{expected.field}: "
    return start


def run_cli(*args: str, limits: dict[str, int] | None = None) -> subprocess.CompletedProcess:
    if limits:
        patch = "; ".join(f"L.{k} = {v!r}" for k, v in limits.items())
        code = (
            "import sys; import gzexplorer.model.packfiles as L; " + patch + "; "
            "from gzexplorer.cli import main; sys.exit(main(sys.argv[1:]))"
        )
        command = [sys.executable, "-c", code, *args]
    else:
        command = [sys.executable, "-m", "gzexplorer", *args]
    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    return subprocess.run(
        command, capture_output=True, text=True, encoding="utf-8", env=env, timeout=120
    )


# -- the bad packs ----------------------------------------------------------------------


def test_every_bad_pack_folder_is_a_case():
    folders = {p.name for p in PACKS.iterdir() if p.is_dir() and p.name not in VALID_PACKS}
    overlay_cases = {c.id for c in CASES if c.setup is None}
    assert folders == overlay_cases


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_load_names_file_row_field_and_what_was_expected(case, tmp_path, monkeypatch):
    pack, limits = build(case, tmp_path)
    for name, value in limits.items():
        monkeypatch.setattr(packfiles, name, value)

    with pytest.raises(model.DataPackError) as raised:
        model.load(pack)

    problems = raised.value.problems
    got = [(p.file, p.row, p.field, p.message) for p in problems]
    assert len(problems) == len(case.expected), got
    for problem, expected in zip(problems, case.expected, strict=True):
        assert problem.file == where(expected, pack), got
        assert problem.row == expected.row, got
        assert problem.row is None or type(problem.row) is int
        assert problem.field == expected.field, got
        assert expected.says in problem.message, got


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_validate_command_prints_one_line_per_problem(case, tmp_path):
    pack, limits = build(case, tmp_path)

    result = run_cli("validate", str(pack), limits=limits)

    assert result.returncode == 1, result.stderr
    assert "Traceback" not in result.stderr + result.stdout
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    assert len(lines) == len(case.expected), result.stderr
    for line, expected in zip(lines, case.expected, strict=True):
        assert line.startswith(cli_line_start(expected, pack)), line
        assert expected.says in line, line


def test_problems_in_several_files_are_reported_together(tmp_path):
    pack = make_pack(tmp_path, "bad-enum")
    shutil.copyfile(PACKS / "bad-boolean" / "figures.csv", pack / "figures.csv")

    with pytest.raises(model.DataPackError) as raised:
        model.load(pack)

    where_ = {(p.file, p.row, p.field) for p in raised.value.problems}
    assert where_ == {("excerpts.csv", 4, "kind"), ("figures.csv", 2, "headline")}


def test_a_file_full_of_problems_lists_the_first_ones_and_says_there_are_more(tmp_path):
    pack = make_pack(tmp_path)
    rows = [f"widget_growth,{year},1,estimated,,1,tl-table" for year in range(1950, 1990)]
    header = (MINIMAL / "observations.csv").read_text(encoding="utf-8").splitlines()[0]
    (pack / "observations.csv").write_text("\n".join([header, *rows]) + "\n", encoding="utf-8")

    with pytest.raises(model.DataPackError) as raised:
        model.load(pack)

    problems = raised.value.problems
    limit = errors.MAX_PROBLEMS_PER_FILE
    assert len(problems) == limit + 1
    assert [p.row for p in problems[:limit]] == list(range(2, limit + 2))
    assert all('got "estimated"' in p.message for p in problems[:limit])
    assert problems[-1].file == "observations.csv"
    assert problems[-1].message == "more problems in this file were not listed"


# -- packs that must load ----------------------------------------------------------------


def test_minimal_pack_loads():
    data = model.load(MINIMAL)
    assert data.summary() == MINIMAL_SUMMARY
    assert [t.id for t in data.themes()] == ["industry", "heritage"]
    assert data.point("widget_growth", 2013).value is None
    assert data.point("widget_growth", 2014).value == 0.0


def test_minimal_pack_passes_frictionless_validate():
    assert frictionless_errors(MINIMAL) == []


@pytest.mark.parametrize("name", STRESS)
def test_stress_packs_load_and_pass_frictionless_validate(name):
    pack = PACKS / name
    model.load(pack)
    assert frictionless_errors(pack) == []


def test_stress_packs_warn_only_where_meant_to():
    """edge passes --strict; busy warns of its two near-identical theme colours (the 6th
    is drawn in another) and its mixed-unit figure group (drawn per unit), issue 16."""
    assert run_cli("validate", "--strict", str(PACKS / "edge")).returncode == 0
    busy = json.loads(run_cli("validate", "--json", str(PACKS / "busy")).stdout)
    assert busy["valid"]
    assert [(p["file"], p["code"], p["row"]) for p in busy["problems"]] == [
        ("themes.csv", "indistinct-color", 7),
        ("figures.csv", "group-mixed-units", 8),
    ]


def test_utf8_bom_is_accepted_in_tables_and_the_document(tmp_path):
    pack = make_pack(tmp_path)
    bom_everywhere(pack)

    data = model.load(pack)

    assert data.summary() == MINIMAL_SUMMARY
    assert [t.id for t in data.themes()] == ["industry", "heritage"]
    assert data.excerpts()[0].id == "tl-intro"
    assert data.document.startswith("Testland is a fictional province")
    assert run_cli("validate", str(pack)).returncode == 0


def test_windows_line_endings_are_accepted(tmp_path):
    pack = make_pack(tmp_path)
    line_endings(b"\r\n")(pack)

    data = model.load(pack)

    assert data.summary() == MINIMAL_SUMMARY
    assert data.figure("old_towns").value == 40


def test_a_declared_delimiter_is_used(tmp_path):
    pack = make_pack(tmp_path)
    (pack / "themes.csv").write_text(
        "id\tname\tdescription\torder\ticon\n"
        "industry\tIndustry\tWidget factories, of Testland.\t1\t\n"
        "heritage\tHeritage\tOld towns, of Testland.\t2\t\n",
        encoding="utf-8",
    )
    set_resource("themes", dialect={"delimiter": "\t"})(pack)

    data = model.load(pack)

    assert [(t.id, t.description) for t in data.themes()] == [
        ("industry", "Widget factories, of Testland."),
        ("heritage", "Old towns, of Testland."),
    ]


def test_pack_extras_that_are_not_an_object_are_ignored(tmp_path):
    pack = make_pack(tmp_path)
    descriptor_edit(lambda d: d.update(gzexplorer="Testland"))(pack)

    data = model.load(pack)

    assert data.summary() == MINIMAL_SUMMARY
    assert data.info.citation == ""


def test_load_accepts_the_descriptor_path_as_well_as_the_folder():
    assert model.load(MINIMAL / DESCRIPTOR).summary() == MINIMAL_SUMMARY


# -- the command -------------------------------------------------------------------------


def test_validate_builtin_pack_prints_a_one_line_summary(builtin_pack):
    result = run_cli("validate", str(builtin_pack))

    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    lines = result.stdout.splitlines()
    assert len(lines) == 1
    assert "Leapfrogging with All-Round Digital Transformation in Guizhou" in lines[0]
    assert "valid" in lines[0]
    assert lines[0].endswith(BUILTIN_SUMMARY)


def test_validate_minimal_pack_by_its_descriptor():
    result = run_cli("validate", str(MINIMAL / DESCRIPTOR))

    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().endswith(MINIMAL_SUMMARY)


def test_version_is_printed():
    result = run_cli("--version")

    assert result.returncode == 0
    assert result.stdout.strip() == f"gzexplorer {gzexplorer.__version__}"


def test_version_matches_the_project_metadata():
    pyproject = Path(__file__).resolve().parents[1] / "pyproject.toml"
    if not pyproject.is_file():
        pytest.skip("no pyproject.toml beside the tests")
    project = tomllib.loads(pyproject.read_text(encoding="utf-8"))["project"]
    assert project["version"] == gzexplorer.__version__


def test_true_or_false_in_a_number_column_is_not_taken_for_1_or_0(pack_copy):
    """pandas' fast number parser reads "TRUE" as 1; the loader must not."""
    path = pack_copy / "figures.csv"
    rows = list(csv.reader(path.open(encoding="utf-8")))
    rows[1][rows[0].index("value")] = "TRUE"
    with path.open("w", encoding="utf-8", newline="") as f:
        csv.writer(f).writerows(rows)
    with pytest.raises(model.DataPackError) as caught:
        model.load(pack_copy)
    assert [str(p) for p in caught.value.problems] == [
        'figures.csv:2: value: expected a number like 12.5, got "TRUE"'
    ]


def test_ids_gzexplorer_looks_up_are_unique_even_without_a_declared_primary_key(tmp_path):
    """The schema may leave out its primaryKey (frictionless then accepts duplicates);
    the app finds a theme by its id, so two themes with one id are still refused."""
    pack = make_pack(tmp_path, "duplicate-id")
    descriptor_edit(lambda d: resource(d, "themes")["schema"].pop("primaryKey"))(pack)

    with pytest.raises(model.DataPackError) as raised:
        model.load(pack)

    assert [str(p) for p in raised.value.problems] == [
        'themes.csv:4: id: duplicate id "industry" (first at row 2)'
    ]
