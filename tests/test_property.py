"""Random damage to a good data pack never crashes the loader.

Starting from the valid Testland pack (tests/packs/minimal), Hypothesis applies one to
three random mutations to its files: flipped bytes, truncations, deleted or duplicated
lines, cells replaced by awkward values, inserted delimiters, quotes and line breaks,
and edits anywhere in datapackage.json. Whatever comes out, ``model.load`` either
returns a dataset the app can query, or raises DataPackError whose problems each say
something; never another exception. Derandomized, so every run tries the same packs.
"""

from __future__ import annotations

import copy
import csv
import io
import json
import shutil
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from gzexplorer import charts, model
from packtools import DESCRIPTOR, MINIMAL

FILES = {p.name: p.read_bytes() for p in sorted(MINIMAL.iterdir())}
CSV_FILES = sorted(n for n in FILES if n.endswith(".csv"))

# Values a person (or a spreadsheet) really puts in cells, and some that break parsers.
AWKWARD = [
    "",
    " ",
    "N/A",
    "-",
    "12,5",
    "2012.5",
    "NaN",
    "nan",
    "inf",
    "-Infinity",
    "1e400",
    "1e308",
    "-1e308",
    "1e-320",
    "0x10",
    "1_000",
    "+5",
    "-0",
    "999999999",
    "9999999999",
    "٢٠١٤",  # Arabic-Indic digits
    "２０１４",  # full-width digits
    "true",
    "maybe",
    "reported",
    "qualitative",
    "more_than",
    "seafront",
    "industry;heritage",
    ";;",
    "tl-museum",
    "tl-intro",
    "widget_growth",
    "old towns",
    '"',
    '""',
    "a,b",
    "line\nbreak",
    "\x00",
    "\ufeff",
    "<b>&amp;</b>",
    "%s %1 {0}",
    "x" * 5000,
]
INSERTS = [",", '"', ";", "\t", "\n", "\r", "\r\n", "\x00", "\ufeff", '",', ',"']

# JSON values for descriptor edits, including the resource paths the loader must refuse.
PATHS = [
    "../minimal/themes.csv",
    "/etc/hostname",
    "/dev/zero",
    "themes.csv/x.csv",
    "the\x00mes.csv",
    ".",
    "",
    "a" * 5000,
    "https://example.org/themes.csv",
    "C:\\themes.csv",
    "excerpts.csv",
    "testland.txt",
]
json_scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-(2**70), 2**70),
    st.floats(allow_nan=False, allow_infinity=False),
    st.sampled_from(PATHS + AWKWARD[:12]),
    st.text(max_size=20),
)
json_values = st.recursive(
    json_scalars,
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4)
    ),
    max_leaves=8,
)


def _csv_rows(data: bytes) -> list[list[str]]:
    return list(csv.reader(io.StringIO(data.decode("utf-8", errors="replace"), newline="")))


def _csv_bytes(rows: list[list[str]]) -> bytes:
    out = io.StringIO(newline="")
    csv.writer(out, lineterminator="\n").writerows(rows)
    return out.getvalue().encode("utf-8")


def _json_paths(node, prefix=()):
    """Every (container, key) in a JSON document, for edits anywhere in it."""
    items = (
        node.items()
        if isinstance(node, dict)
        else enumerate(node)
        if isinstance(node, list)
        else ()
    )
    for key, value in items:
        yield prefix + (key,)
        yield from _json_paths(value, prefix + (key,))


# A mutation is a small tuple (printed as is when a test fails); positions are taken
# modulo the length of what they index, so any integer is a valid position.
NAMES = sorted(FILES)
positions = st.integers(0, 10**6)
mutations = st.one_of(
    st.tuples(st.just("flip"), st.sampled_from(NAMES), positions, st.integers(0, 255)),
    st.tuples(st.just("truncate"), st.sampled_from(NAMES), positions),
    st.tuples(
        st.sampled_from(["delete-line", "duplicate-line"]), st.sampled_from(NAMES), positions
    ),
    st.tuples(
        st.just("cell"),
        st.sampled_from(CSV_FILES),
        positions,
        positions,
        st.sampled_from(AWKWARD) | st.text(max_size=12),
    ),
    st.tuples(st.just("insert"), st.sampled_from(NAMES), positions, st.sampled_from(INSERTS)),
    st.tuples(st.just("json-replace"), positions, json_values),
    st.tuples(st.sampled_from(["json-delete", "json-duplicate"]), positions),
    st.tuples(
        st.just("json-resource"),
        positions,
        st.sampled_from(["path", "name", "dialect"]),
        st.sampled_from(PATHS),
        st.sampled_from(["themes", "excerpts", "document", ""]),
        st.sampled_from([";", "\t", '"', "\n", "", ",,", 5]),
    ),
)


def mutate(files: dict[str, bytes], op: tuple) -> None:
    kind = op[0]
    if kind.startswith("json"):
        _mutate_json(files, op)
        return
    name = op[1]
    data = files[name]
    if kind == "flip" and data:
        i = op[2] % len(data)
        files[name] = data[:i] + bytes([op[3]]) + data[i + 1 :]
    elif kind == "truncate":
        files[name] = data[: op[2] % (len(data) + 1)]
    elif kind in ("delete-line", "duplicate-line"):
        lines = data.split(b"\n")
        i = op[2] % len(lines)
        if kind == "delete-line":
            del lines[i]
        else:
            lines.insert(i, lines[i])
        files[name] = b"\n".join(lines)
    elif kind == "cell":
        rows = _csv_rows(data)
        if rows:
            row = rows[op[2] % len(rows)]
            if row:
                row[op[3] % len(row)] = op[4]
                files[name] = _csv_bytes(rows)
    elif kind == "insert":
        text = data.decode("utf-8", errors="replace")
        i = op[2] % (len(text) + 1)
        files[name] = (text[:i] + op[3] + text[i:]).encode("utf-8")


def _mutate_json(files: dict[str, bytes], op: tuple) -> None:
    try:
        doc = json.loads(files[DESCRIPTOR].decode("utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError):
        return
    kind = op[0]
    if kind == "json-resource":
        resources = doc.get("resources") if isinstance(doc, dict) else None
        if not isinstance(resources, list) or not resources:
            return
        res = resources[op[1] % len(resources)]
        if isinstance(res, dict):
            field = op[2]
            value = {"path": op[3], "name": op[4], "dialect": {"delimiter": op[5]}}[field]
            res[field] = value
    else:
        paths = list(_json_paths(doc))
        if not paths:
            return
        where = paths[op[1] % len(paths)]
        parent = doc
        for key in where[:-1]:
            parent = parent[key]
        key = where[-1]
        if kind == "json-replace":
            parent[key] = op[2]
        elif kind == "json-delete":
            del parent[key]
        elif isinstance(parent, list):
            parent.insert(key, copy.deepcopy(parent[key]))
    files[DESCRIPTOR] = json.dumps(doc).encode("utf-8")


def damage(recipe: list[tuple]) -> dict[str, bytes]:
    files = dict(FILES)
    for op in recipe:
        mutate(files, op)
    return files


recipes = st.lists(mutations, min_size=1, max_size=3)


@pytest.fixture(scope="module")
def scratch(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("damaged")


def _write(files: dict[str, bytes], root: Path) -> Path:
    pack = Path(tempfile.mkdtemp(dir=root))
    for name, data in files.items():
        (pack / name).write_bytes(data)
    return pack


def _use(dataset) -> None:
    """What the window asks of a pack as a person clicks through it."""
    assert dataset.summary()
    for view_id, name in charts.views(dataset):
        assert name
        for spec in charts.charts_for(dataset, view_id):
            assert spec.title
            for mark in spec.marks():  # lazily made marks are built here
                assert mark.ref.id
            assert len(list(spec.rows)) == len(spec.rows)
        charts.figures_for(dataset, view_id)
        dataset.excerpts(None if view_id == charts.OVERVIEW else view_id)
    for excerpt in dataset.excerpts():
        dataset.citing(excerpt.id)
    dataset.search("the widget")


@pytest.mark.slow  # 500 packs loaded, some 15 s
@settings(
    max_examples=500,
    derandomize=True,
    database=None,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(recipe=recipes)
def test_a_damaged_pack_loads_or_is_refused_with_reasons(recipe, scratch):
    pack = _write(damage(recipe), scratch)
    try:
        try:
            dataset = model.load(pack)
        except model.DataPackError as exc:
            assert exc.problems, "refused without a reason"
            for problem in exc.problems:
                assert problem.file.strip() and problem.message.strip(), problem
                assert str(problem).strip()
            return
        _use(dataset)
    finally:
        shutil.rmtree(pack, ignore_errors=True)


def test_the_mutations_do_reach_every_outcome(scratch):
    """Guard against a strategy that only ever breaks the descriptor: among a fixed
    sample, some damaged packs still load and some are refused for a cell's value."""
    loaded = refused_for_a_cell = 0

    @settings(max_examples=150, derandomize=True, database=None, deadline=None)
    @given(recipe=recipes)
    def sample(recipe):
        nonlocal loaded, refused_for_a_cell
        pack = _write(damage(recipe), scratch)
        try:
            model.load(pack)
            loaded += 1
        except model.DataPackError as exc:
            refused_for_a_cell += any(p.row and p.row > 1 and p.field for p in exc.problems)
        finally:
            shutil.rmtree(pack, ignore_errors=True)

    sample()
    assert loaded > 5 and refused_for_a_cell > 5, (loaded, refused_for_a_cell)
