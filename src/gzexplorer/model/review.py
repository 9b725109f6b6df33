"""The review of a drafted pack (``gzexplorer draft``), without Qt: its candidates (the
figures, observations and milestones to accept, reject or edit), each change as data
that can be applied and reverted (the review view's undo commands do just that), the
side file that keeps unsaved edits across a crash, and the atomic save.

Provenance is kept, not waived: an edit is checked by the validator itself
(:func:`gzexplorer.model.loader.validate` on the edited tables, in memory), a row whose
edit breaks it (a value its quote does not state, a quote not in its passage) is
reported on that row, and the pack is not saved until it is fixed, undone or its
quote edited to words of the passage that state the new value. So a saved pack always
passes ``gzexplorer validate``.
"""

from __future__ import annotations

import contextlib
import csv
import hashlib
import io
import json
import os
import re
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from gzexplorer.files import WriteError, _reason, check_target, write_bytes
from gzexplorer.model import profile

if TYPE_CHECKING:
    from gzexplorer.model.dataset import Dataset

SIDE_FILE = ".gzexplorer-review.json"
KINDS = ("figures", "observations", "milestones")  # what is reviewed, in this order
TABLES = ("indicators", *KINDS)
# the fields the review edits, per kind
FIELDS = {
    "figures": ("label", "value", "qualifier", "unit", "year", "themes", "quote"),
    "observations": ("value", "status", "note"),
    "milestones": ("title", "year", "themes"),
}


class ReviewError(Exception):
    """An edit or a save that cannot be done; the message says why."""


@dataclass(frozen=True)
class Candidate:
    """One reviewed row: its table (a kind of :data:`KINDS`) and its index there."""

    table: str
    index: int


@dataclass(frozen=True)
class Change:
    """Fields of one row set from ``old`` to ``new``: (field, old, new) each."""

    candidate: Candidate
    fields: tuple[tuple[str, str, str], ...]


def _number(value: float) -> str:
    return f"{value:.15g}"


def _read_csv(text: str) -> tuple[list[str], list[list[str]]]:
    data = list(csv.reader(io.StringIO(text)))
    return (data[0], data[1:]) if data else ([], [])


def _csv(header: list[str], rows: list[list[str]]) -> str:
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(header)
    w.writerows(rows)
    return buf.getvalue()


def has_review(dataset: Dataset) -> bool:
    """Whether the loaded pack has drafted rows not reviewed yet, or unsaved review
    edits kept beside it (read from the dataset: a big pack is not read again)."""
    return (Path(dataset.folder) / SIDE_FILE).is_file() or bool(
        dataset.review_counts().get("draft")
    )


class Review:
    """The rows of a pack's reviewed tables as the user edits them."""

    def __init__(self, folder: str | Path) -> None:
        self.folder = Path(folder)
        try:
            descriptor = json.loads((self.folder / "datapackage.json").read_text("utf-8"))
            paths = {r["name"]: str(r["path"]) for r in descriptor["resources"]}
            self.rel = {name: paths[name] for name in (*TABLES, "excerpts", "themes")}
            texts = {n: (self.folder / p).read_text("utf-8-sig") for n, p in self.rel.items()}
        except (OSError, ValueError, KeyError, TypeError) as exc:
            raise ReviewError(f"{self.folder}: not a pack that can be reviewed ({exc})") from None
        self.fingerprint = hashlib.sha256("\0".join(texts[n] for n in TABLES).encode()).hexdigest()
        self.headers: dict[str, list[str]] = {}
        self.rows: dict[str, list[list[str]]] = {}
        for name in TABLES:
            self.headers[name], self.rows[name] = _read_csv(texts[name])
        self.saved = {n: [list(r) for r in rows] for n, rows in self.rows.items()}
        self.reviewed = all("review" in self.headers[n] for n in TABLES)
        header, rows = _read_csv(texts["excerpts"])
        idx = header.index("id"), header.index("text")
        self.passages = {r[idx[0]]: r[idx[1]] for r in rows}
        header, rows = _read_csv(texts["themes"])
        self.theme_ids = [r[header.index("id")] for r in rows]
        ind = self.headers["indicators"]
        self._indicators = {r[ind.index("id")]: r for r in self.rows["indicators"]}
        self.candidates = [Candidate(t, i) for t in KINDS for i in range(len(self.rows[t]))]
        self.problems: dict[Candidate, list[str]] = {}
        self.other_problems: list[str] = []

    # -- reading ----------------------------------------------------------------------
    def get(self, c: Candidate, field: str) -> str:
        header = self.headers[c.table]
        return self.rows[c.table][c.index][header.index(field)] if field in header else ""

    def _indicator(self, c: Candidate, field: str) -> str:
        row = self._indicators.get(self.get(c, "indicator_id"))
        header = self.headers["indicators"]
        return row[header.index(field)] if row and field in header else ""

    def label(self, c: Candidate) -> str:
        """What the row is: a figure's label, a milestone's title, an observation's
        series name."""
        if c.table == "observations":
            return self._indicator(c, "name")
        return self.get(c, "title" if c.table == "milestones" else "label")

    def unit(self, c: Candidate) -> str:
        if c.table == "observations":
            return self._indicator(c, "unit")
        return self.get(c, "unit")

    def value(self, c: Candidate) -> str:
        if c.table == "observations" and self.get(c, "status") != "reported":
            return self.get(c, "source_text") or "–"
        return self.get(c, "value")

    def excerpt_ids(self, c: Candidate) -> list[str]:
        return [e for e in self.get(c, "excerpt_ids").split(";") if e]

    def passage_texts(self, c: Candidate) -> list[tuple[str, str]]:
        return [(e, self.passages.get(e, "")) for e in self.excerpt_ids(c)]

    def marked(self, c: Candidate) -> str:
        """The words of the passage that state the row: a figure's quote, an
        observation's printed cell, a milestone's sentence."""
        if c.table == "figures":
            return self.get(c, "quote")
        if c.table == "observations":
            return self.get(c, "source_text")
        return self.get(c, "description") or self.get(c, "year")

    def passage_view(self, c: Candidate) -> tuple[str, list[tuple[int, int]]]:
        """The text of the row's passages (blank lines between) and the spans in it to
        mark: the quote, the printed cell in its year's line, the event's sentence."""
        text = "\n\n".join(t for _e, t in self.passage_texts(c))
        marked = self.marked(c).split()
        if not marked:
            return text, []
        words = r"\s+".join(map(re.escape, marked))
        pattern = re.compile(rf"(?<![\w.]){words}(?!\w)" if c.table == "observations" else words)
        if c.table == "observations":  # the cell in the line of its year
            year = re.compile(rf"(?<!\d){self.get(c, 'year')}(?!\d)")
            at = 0
            for line in text.splitlines(keepends=True):
                y = year.search(line)
                m = pattern.search(line, y.end()) if y else None
                if m:
                    return text, [(at + m.start(), at + m.end())]
                at += len(line)
        m = pattern.search(text)
        if m is None and c.table == "milestones":
            m = re.search(rf"(?<!\d){self.get(c, 'year')}(?!\d)", text)
        return text, [(m.start(), m.end())] if m else []

    def counts(self) -> dict[str, int]:
        counts: dict[str, int] = {}
        for c in self.candidates:
            state = self.get(c, "review")
            counts[state] = counts.get(state, 0) + 1
        return counts

    def unsaved(self) -> bool:
        return self.rows != self.saved

    # -- changes ----------------------------------------------------------------------
    def review_change(self, c: Candidate, state: str) -> Change | None:
        """Set the row's review state (accepted, rejected …); None if it already is."""
        if state not in profile.REVIEWS:
            raise ReviewError(f"unknown review state: {state}")
        old = self.get(c, "review")
        return None if old == state else Change(c, (("review", old, state),))

    def edit_change(self, c: Candidate, values: dict[str, str]) -> Change | None:
        """Set fields of the row from what the user typed, checked and written as the
        pack writes them; the row becomes ``edited``. None when nothing differs."""
        fields = []
        for field, text in values.items():
            if field not in FIELDS[c.table]:
                raise ReviewError(f"{field} cannot be edited here")
            new, old = self._normal(c, field, text), self.get(c, field)
            if new != old:
                fields.append((field, old, new))
        if not fields:
            return None
        old = self.get(c, "review")
        if "review" in self.headers[c.table] and old != "edited":
            fields.append(("review", old, "edited"))
        return Change(c, tuple(fields))

    def _normal(self, c: Candidate, field: str, text: str) -> str:
        text = " ".join(text.split())
        if field == "value":
            if not text and c.table == "observations":
                return ""
            try:
                return _number(float(re.sub(r"[,\s]", "", text).replace("−", "-")))
            except ValueError:
                raise ReviewError(f'"{text}" is not a number') from None
        if field == "year":
            if not text and c.table == "figures":
                return ""
            if not re.fullmatch(r"\d{4}", text) or not (
                profile.YEARS[0] <= int(text) <= profile.YEARS[1]
            ):
                raise ReviewError(f'"{text}" is not a year')
            return text
        if field == "themes":
            ids = [t for t in re.split(r"[;,\s]+", text) if t]
            unknown = [t for t in ids if t not in self.theme_ids]
            if unknown:
                raise ReviewError(f"unknown theme: {', '.join(unknown)}")
            return ";".join(dict.fromkeys(ids))
        choices = {"qualifier": profile.QUALIFIERS, "status": profile.STATUSES}.get(field)
        if choices and text not in choices:
            raise ReviewError(f'"{text}" is not one of {", ".join(choices)}')
        if field in ("label", "title", "unit", "quote") and not text:
            raise ReviewError(f"the {field} cannot be empty")
        return text

    def _set(self, c: Candidate, field: str, value: str) -> None:
        self.rows[c.table][c.index][self.headers[c.table].index(field)] = value

    def apply(self, change: Change) -> None:
        for field, _old, new in change.fields:
            self._set(change.candidate, field, new)

    def revert(self, change: Change) -> None:
        for field, old, _new in reversed(change.fields):
            self._set(change.candidate, field, old)

    # -- checking ---------------------------------------------------------------------
    def texts(self) -> dict[str, str]:
        return {n: _csv(self.headers[n], self.rows[n]) for n in TABLES}

    def check(self):
        """The validator's report on the edited pack (its ``dataset`` when valid); the
        problems are kept per candidate (:attr:`problems`) and for the rest."""
        from gzexplorer.model import loader

        report = loader.validate(self.folder, self.texts())
        table_of = {rel: name for name, rel in self.rel.items()}
        self.problems, self.other_problems = {}, []
        for p in report.errors:
            table = table_of.get(p.file)
            if table in KINDS and p.row is not None:
                c = Candidate(table, p.row - 2)
                self.problems.setdefault(c, []).append(p.message)
            else:
                self.other_problems.append(str(p))
        return report

    # -- the side file ----------------------------------------------------------------
    @property
    def side_file(self) -> Path:
        return self.folder / SIDE_FILE

    def edits(self) -> dict[str, dict[str, dict[str, str]]]:
        """The fields that differ from the pack's files: table → row index → field."""
        out: dict[str, dict[str, dict[str, str]]] = {}
        for name in TABLES:
            header = self.headers[name]
            for i, (row, saved) in enumerate(zip(self.rows[name], self.saved[name], strict=True)):
                diff = {h: v for h, v, s in zip(header, row, saved, strict=True) if v != s}
                if diff:
                    out.setdefault(name, {})[str(i)] = diff
        return out

    def autosave(self) -> None:
        """Keep the unsaved edits in the side file (removed when there are none).
        WriteError if it cannot be written."""
        edits = self.edits()
        if not edits:
            with contextlib.suppress(FileNotFoundError):
                self.side_file.unlink()
            return
        data = {"version": 1, "fingerprint": self.fingerprint, "time": time.time()}
        text = json.dumps({**data, "edits": edits}, indent=1, ensure_ascii=False)
        write_bytes(self.side_file, text.encode("utf-8"))

    def kept_edits(self) -> tuple[int, float, bool] | None:
        """Edits a side file keeps from an earlier session: (how many rows, when, whether
        they fit the pack as it is now); None without a side file."""
        try:
            data = json.loads(self.side_file.read_text("utf-8"))
            edits = data["edits"]
            rows = sum(len(v) for v in edits.values())
            return rows, float(data.get("time", 0)), data.get("fingerprint") == self.fingerprint
        except FileNotFoundError:
            return None
        except (OSError, ValueError, KeyError, TypeError, AttributeError):
            return 0, 0.0, False

    def restore(self) -> int:
        """Apply the side file's edits (not undoable: they are where the review starts);
        how many rows changed."""
        kept = self.kept_edits()
        if kept is None or not kept[2]:
            raise ReviewError("the kept edits do not fit this pack any more")
        edits = json.loads(self.side_file.read_text("utf-8"))["edits"]
        n = 0
        for name, by_row in edits.items():
            header = self.headers[name]
            for index, fields in by_row.items():
                for field, value in fields.items():
                    self.rows[name][int(index)][header.index(field)] = str(value)
                n += 1
        return n

    def discard_kept(self) -> None:
        with contextlib.suppress(FileNotFoundError):
            self.side_file.unlink()

    # -- saving -----------------------------------------------------------------------
    def save(self) -> None:
        """Write the edited tables, each to a temporary file then renamed over the old
        one, after checking the whole pack; ReviewError (provenance, nothing written)
        or WriteError (a read-only folder, a full disk: nothing half-written)."""
        report = self.check()
        if report.errors:
            lines = [str(p) for p in report.errors[:5]]
            raise ReviewError("\n".join(lines))
        texts = self.texts()
        changed = [n for n in TABLES if self.rows[n] != self.saved[n]]
        temps: list[tuple[str, Path]] = []
        try:
            for name in changed:
                target = check_target(self.folder / self.rel[name])
                fd, tmp = tempfile.mkstemp(
                    prefix=f".{target.name}.", suffix=".part", dir=target.parent
                )
                temps.append((tmp, target))
                with os.fdopen(fd, "wb") as f:
                    f.write(texts[name].encode("utf-8"))
                    f.flush()
                    os.fsync(f.fileno())
                os.chmod(tmp, target.stat().st_mode & 0o777)
            for tmp, target in temps:
                os.replace(tmp, target)
        except (OSError, WriteError) as exc:
            for tmp, _target in temps:
                with contextlib.suppress(FileNotFoundError):
                    os.unlink(tmp)
            if isinstance(exc, WriteError):
                raise
            raise WriteError(f"{self.folder}: could not save: {_reason(exc)}") from None
        self.saved = {n: [list(r) for r in rows] for n, rows in self.rows.items()}
        self.fingerprint = hashlib.sha256("\0".join(texts[n] for n in TABLES).encode()).hexdigest()
        self.discard_kept()


__all__ = ["Candidate", "Change", "Review", "ReviewError", "SIDE_FILE", "WriteError"]
