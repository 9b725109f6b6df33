"""benchmarks/run.py --quick runs in the suite so that it cannot rot (no timing asserted)."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow  # some 35 s: every stage of the benchmark once

ROOT = Path(__file__).resolve().parents[1]
KEYS = [
    "floor_window_s",
    "shell_floor_s",
    "lib_floor_s",
    "first_paint_s",
    "chart_ready_s",
    "data_ready_s",
    "theme_switch_ms",
    "theme_switch_p95_ms",
    "export_png_s",
    "matplotlib_png_s",
    "export_vs_matplotlib",
    "big_load_s",
    "big_switch_ms",
    "big_passage_click_ms",
    "big_pan_frame_ms",
    "big_peak_rss_mb",
    "peak_rss_mb",
    "lib_floor_rss_mb",
]


# the instruction counts need valgrind (.ci/run installs it)
COUNTS = shutil.which("valgrind") is not None
INSTRUCTION_KEYS = ["floor_window_minstr", "shell_floor_minstr", "first_paint_minstr"]


def test_quick_benchmark_measures_every_number(tmp_path):
    out = tmp_path / "bench.json"
    done = subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / "run.py"), "--quick", "--json", str(out)]
        + (["--instructions"] if COUNTS else []),
        capture_output=True,
        text=True,
        timeout=900,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    result = json.loads(out.read_text())
    keys = KEYS + (INSTRUCTION_KEYS if COUNTS else [])
    missing = [k for k in keys if not isinstance(result.get(k), float) or result[k] <= 0]
    assert missing == []
    assert result["big_observations"] == 4 * 50  # the generated pack was really loaded
    for key in ("first_paint_vs_floor", "theme_switch_ms", "big_load_s"):
        assert key in done.stdout  # the printed table names each measure
