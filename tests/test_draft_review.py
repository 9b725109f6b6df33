"""The review column of a drafted pack, model side: the explorer shows what is not
rejected and tells draft rows apart; a pack without the column is shown whole."""

from __future__ import annotations

import csv

import pytest

from drafttools import rows, run
from gzexplorer import model, paths
from gzexplorer.model.preview import preview

BUILTIN_TEXT = paths.builtin_pack() / "guizhou-case-study.txt"


@pytest.fixture
def drafted(tmp_path, capsys):
    pack = tmp_path / "pack"
    assert run(capsys, "draft", BUILTIN_TEXT, "--out", pack)[0] == 0
    return pack


def set_review(pack, table, key, state):
    """Mark the rows of ``table`` whose first column is ``key`` with ``state``."""
    with open(pack / f"{table}.csv", encoding="utf-8", newline="") as f:
        data = list(csv.reader(f))
    for row in data[1:]:
        if row[0] == key:
            row[-1] = state
    with open(pack / f"{table}.csv", "w", encoding="utf-8", newline="") as f:
        csv.writer(f, lineterminator="\n").writerows(data)


def test_a_draft_pack_loads_with_every_row_a_draft(drafted):
    ds = model.load(drafted, strict=True)
    assert all(f.is_draft for f in ds.figures())
    assert all(m.is_draft for m in ds.milestones())
    assert all(i.is_draft for i in ds.indicators())
    assert ds.point(ds.indicators()[0].id, 2012).is_draft
    assert ds.review_counts() == {"draft": 3 + 30 + len(ds.figures()) + len(ds.milestones())}


def test_rejected_rows_are_not_shown(drafted):
    first = rows(drafted, "figures")[0]["id"]
    set_review(drafted, "figures", first, "rejected")
    set_review(drafted, "figures", "registered_users", "accepted")
    set_review(drafted, "indicators", "poverty_rates", "rejected")
    event = rows(drafted, "milestones")[0]["id"]
    set_review(drafted, "milestones", event, "rejected")
    ds = model.load(drafted, strict=True)
    shown = {f.id: f for f in ds.figures()}
    assert first not in shown
    assert shown["registered_users"].review == "accepted"
    assert not shown["registered_users"].is_draft
    assert [i.id for i in ds.indicators()] == ["gdp_growth_rate", "growth_rate_digital_economy"]
    assert set(ds.tables["observations"]["indicator_id"]) == {
        "gdp_growth_rate",
        "growth_rate_digital_economy",
    }
    assert event not in {m.id for m in ds.milestones()}
    assert len(ds.pack_tables["figures"]) == len(rows(drafted, "figures"))
    assert ds.review_counts()["rejected"] == 3
    first_stage = preview(drafted)
    assert event not in {m.id for m in first_stage.milestones()}


def test_a_bad_review_word_is_refused(drafted):
    set_review(drafted, "figures", "registered_users", "maybe")
    code_msgs = [str(p) for p in model.loader.validate(drafted).errors]
    assert any("figures.csv" in m and "review" in m for m in code_msgs)


def test_a_pack_without_review_columns_is_shown_whole():
    ds = model.load(paths.builtin_pack())
    assert ds.review_counts() == {}
    assert not any(f.is_draft for f in ds.figures())
    assert ds.figures()[0].review == ""
