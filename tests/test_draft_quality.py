"""benchmarks/draft.py's measures hold (issue 17): recall of the curated figures >= 90 %,
every Table 2 cell right with its "-" cells missing, the rows written beforehand for the
invented documents found, every draft valid under --strict. No timing asserted."""

from __future__ import annotations

import importlib.util
import sys

import pytest

from drafttools import ROOT

pytestmark = pytest.mark.slow


def test_the_drafting_measures():
    spec = importlib.util.spec_from_file_location(
        "draft_benchmark", ROOT / "benchmarks" / "draft.py"
    )
    bench = importlib.util.module_from_spec(spec)
    sys.modules["draft_benchmark"] = bench
    spec.loader.exec_module(bench)
    results = bench.measure(runs=1)
    for name in ("builtin_text", "builtin_pdf"):
        r = results[name]
        assert r["figure_recall"] >= 0.9, r["figures_missed"]
        assert r["table2_cells_right"] == r["table2_cells"] == 30, r["table2_cells_wrong"]
        assert r["table2_dashes_missing"] == r["table2_dashes"] == 4
        assert r["milestones_found"] == r["milestones_curated"]
    for name in ("markdown", "html"):
        r = results[name]
        assert r["figure_recall"] >= 0.9, r["figures_missed"]
        assert r["cells_right"] == r["cells_expected"], r["cells_wrong"]
        assert r["milestones_found"] == r["milestones_expected"]
    assert all(r["validate_strict_problems"] == [] for r in results.values())
