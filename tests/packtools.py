"""Test packs: copies of the starting packs, and the changes tests make to them.

A plain module (the test modules import it; pytest puts tests/ on sys.path). A *change*
is a function of a pack folder that edits it in place; the builders below return one,
so that a table of cases can name its change, and a test applies it with
``change(pack)``. Descriptors are read as UTF-8 (a BOM tolerated) and written back
with an indent of 2 and non-ASCII text as it is.
"""

from __future__ import annotations

import csv
import io
import json
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from gzexplorer import paths

PACKS = Path(__file__).resolve().parent / "packs"
MINIMAL = PACKS / "minimal"  # Testland: every rule of the loader met, in a few rows
# valid packs that stress the charts (issue 16), not overlays of the minimal pack
STRESS = ("busy", "edge")
VALID_PACKS = ("minimal", *STRESS)  # every other folder of tests/packs is a bad overlay
BUILTIN = paths.builtin_pack()
DESCRIPTOR = "datapackage.json"
TABLES = ("themes", "excerpts", "indicators", "observations", "figures", "milestones")
MINIMAL_SUMMARY = "2 themes, 1 indicator, 3 observations, 2 figures, 1 milestone, 3 excerpts"
BOM = b"\xef\xbb\xbf"

Change = Callable[[Path], None]


# -- copies ---------------------------------------------------------------------------------


def copy_pack(into: Path, source: Path = MINIMAL, name: str = "pack") -> Path:
    """A private copy of ``source`` (the minimal pack by default) as ``into/name``."""
    return Path(shutil.copytree(source, into / name))


def lay_overlay(pack: Path, overlay: str) -> None:
    """The files of tests/packs/<overlay> laid over the pack, as tests/packs/README.md says."""
    for f in (PACKS / overlay).iterdir():
        shutil.copyfile(f, pack / f.name)


def make_pack(into: Path, overlay: str | None = None, name: str = "pack") -> Path:
    """A copy of the minimal pack, with the files of tests/packs/<overlay> laid over it."""
    pack = copy_pack(into, MINIMAL, name)
    if overlay is not None:
        lay_overlay(pack, overlay)
    return pack


# -- reading a pack -----------------------------------------------------------------------


def frictionless_errors(pack: Path) -> list[str]:
    """What ``frictionless validate`` says is wrong with the pack (nothing: valid)."""
    from frictionless import validate  # slow to import: only for the tests that ask

    report = validate(str(pack / DESCRIPTOR))
    return [f"{e.type}: {e.message}" for e in report.errors] + [
        f"{task.name}: {e.type}: {e.message}" for task in report.tasks for e in task.errors
    ]


def load_descriptor(pack: Path) -> dict:
    return json.loads((pack / DESCRIPTOR).read_text(encoding="utf-8-sig"))


def save_descriptor(pack: Path, descriptor: dict) -> None:
    text = json.dumps(descriptor, indent=2, ensure_ascii=False)
    (pack / DESCRIPTOR).write_text(text, encoding="utf-8")


def resource(descriptor: dict, name: str) -> dict:
    return next(r for r in descriptor["resources"] if r.get("name") == name)


def field_of(descriptor: dict, name: str, field: str) -> dict:
    return next(f for f in resource(descriptor, name)["schema"]["fields"] if f["name"] == field)


def tables_of(pack: Path) -> list[str]:
    """The names of the pack's tables (the resources with a schema)."""
    return [r["name"] for r in load_descriptor(pack)["resources"] if "schema" in r]


def csv_file(pack: Path, name: str) -> Path:
    return pack / resource(load_descriptor(pack), name)["path"]


def read_rows(pack: Path, name: str, delimiter: str = ",") -> list[list[str]]:
    text = csv_file(pack, name).read_text(encoding="utf-8-sig")
    return list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter))


def render_rows(rows: list[list[str]], delimiter: str = ",", quote: str = '"') -> str:
    """CSV text; a cell is quoted when it holds the delimiter, a quote or a line break."""

    def cell(value: str) -> str:
        if any(c in value for c in (delimiter, quote, "\r", "\n")):
            return quote + value.replace(quote, quote + quote) + quote
        return value

    return "".join(delimiter.join(cell(v) for v in row) + "\n" for row in rows)


def write_rows(pack: Path, name: str, rows: list[list[str]], delimiter: str = ",") -> None:
    csv_file(pack, name).write_text(render_rows(rows, delimiter), encoding="utf-8")


# -- changes --------------------------------------------------------------------------------


def all_of(*changes: Change) -> Change:
    def change(pack: Path) -> None:
        for c in changes:
            c(pack)

    return change


def descriptor_edit(edit: Callable[[dict], Any]) -> Change:
    """``edit`` applied to the descriptor, which is saved again."""

    def change(pack: Path) -> None:
        descriptor = load_descriptor(pack)
        edit(descriptor)
        save_descriptor(pack, descriptor)

    return change


def set_resource(name: str, /, **props: Any) -> Change:
    """Properties of the resource ``name`` set (``path=...``, ``dialect=...``, ...)."""
    return descriptor_edit(lambda d: resource(d, name).update(props))


def drop_resource(name: str) -> Change:
    def edit(d: dict) -> None:
        d["resources"] = [r for r in d["resources"] if r.get("name") != name]

    return descriptor_edit(edit)


def set_field(name: str, field: str, /, **props: Any) -> Change:
    """Properties of a table's field set; a value of None removes the property."""

    def edit(d: dict) -> None:
        f = field_of(d, name, field)
        f.update(props)
        for key in [k for k, v in props.items() if v is None]:
            f.pop(key)

    return descriptor_edit(edit)


def add_field(name: str, field: dict) -> Change:
    """``field`` declared last in the schema of the table ``name``."""
    return descriptor_edit(lambda d: resource(d, name)["schema"]["fields"].append(field))


def theme_colors(*colors: str) -> Change:
    """A ``color`` column added to the themes (declared last, as a string), holding
    ``colors`` row by row."""

    def change(pack: Path) -> None:
        add_field("themes", {"name": "color", "type": "string"})(pack)
        header, *rows = read_rows(pack, "themes")
        filled = [row + [c] for row, c in zip(rows, colors, strict=True)]
        write_rows(pack, "themes", [header + ["color"], *filled])

    return change


def replace_first(old: bytes, new: bytes) -> Callable[[bytes], bytes]:
    """An edit of a file's bytes: the first ``old`` made ``new`` (which must be there)."""

    def edit(data: bytes) -> bytes:
        assert old in data, f"{old!r} is not in the file"
        return data.replace(old, new, 1)

    return edit


def replace_bytes(file: str, old: bytes, new: bytes) -> Change:
    """The first ``old`` in ``file`` made ``new`` (a byte that is not UTF-8, say)."""

    def change(pack: Path) -> None:
        path = pack / file
        path.write_bytes(replace_first(old, new)(path.read_bytes()))

    return change


def replace_text(file: str, old: str, new: str) -> Change:
    """The first ``old`` in the UTF-8 text ``file`` made ``new``."""
    return replace_bytes(file, old.encode("utf-8"), new.encode("utf-8"))


def remove(file: str) -> Change:
    return lambda pack: (pack / file).unlink()


def redelimit(name: str, delimiter: str) -> Change:
    """The table written with another delimiter, and the dialect declaring it."""

    def change(pack: Path) -> None:
        write_rows(pack, name, read_rows(pack, name), delimiter)
        set_resource(name, dialect={"delimiter": delimiter})(pack)

    return change


def tab_delimited(pack: Path) -> None:
    """Every table rewritten with tabs, as its dialect declares."""
    for name in tables_of(pack):
        redelimit(name, "\t")(pack)


def line_endings(ending: bytes) -> Change:
    """Every table's line breaks made ``ending`` (b"\\r\\n": Windows, b"\\r": old Mac)."""

    def change(pack: Path) -> None:
        for name in tables_of(pack):
            path = csv_file(pack, name)
            path.write_bytes(path.read_bytes().replace(b"\r\n", b"\n").replace(b"\n", ending))

    return change


def bom_everywhere(pack: Path) -> None:
    """A byte order mark before every file the descriptor names (tables and the text;
    not the descriptor: JSON may not begin with one)."""
    for res in load_descriptor(pack)["resources"]:
        path = pack / res["path"]
        path.write_bytes(BOM + path.read_bytes())


def symlink_outside(pack: Path) -> None:
    """milestones.csv moved out of the pack, a symbolic link to it left in its place."""
    outside = pack.parent / "elsewhere"
    outside.mkdir()
    target = outside / "milestones.csv"
    shutil.move(pack / "milestones.csv", target)
    try:
        (pack / "milestones.csv").symlink_to(target)
    except (OSError, NotImplementedError):
        pytest.skip("this system cannot create symbolic links")
