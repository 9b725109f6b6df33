"""How well ``gzexplorer draft`` drafts, and how fast: issue 17's measures.

    .venv/bin/python benchmarks/draft.py [--json] [--runs N]

1. The built-in document (data/guizhou-case-study.txt), drafted with no human edit and
   compared with the hand-made pack in data/: recall of its figures (a drafted figure
   with the same value and qualifier, citing a passage that holds the curated quote),
   precision (drafted figures that match a curated figure or a Table 2 cell, over all
   drafted figures), every Table 2 cell (value and status: the "-" cells missing), the
   dated events (a drafted milestone of the same year citing the same passage text).
2. The same text as a PDF, made here with Qt's QPdfWriter (the engine has no Qt).
3. Two invented documents of tests/documents (Markdown, HTML) against the rows written
   for them before they were first drafted (``*.expected.json``).

Each draft is timed in-process (read, draft, write the pack; median of --runs) and once
as the command (``python -m gzexplorer draft``, interpreter start included). Every
drafted pack is also checked with ``gzexplorer validate --strict``.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

DATA = ROOT / "data"
DOCUMENTS = ROOT / "tests" / "documents"
RECALL_TARGET = 0.90
TIME_TARGET_S = 2.0


def rows(pack: Path, table: str) -> list[dict[str, str]]:
    with open(pack / f"{table}.csv", encoding="utf-8-sig", newline="") as f:
        return list(csv.DictReader(f))


def normal(text: str) -> str:
    return " ".join(text.split())


def _close(a: float, b: float) -> bool:
    return abs(a - b) <= 1e-9 * max(1.0, abs(a), abs(b))


def passages_of(pack: Path) -> dict[str, str]:
    return {r["id"]: normal(r["text"]) for r in rows(pack, "excerpts")}


def figure_matches(
    drafted: list[dict], texts: dict[str, str], value: float, qualifier: str, quote: str
) -> list[dict]:
    """Drafted figures with the value and qualifier citing a passage holding ``quote``."""
    q = normal(quote)
    return [
        f
        for f in drafted
        if _close(float(f["value"]), value)
        and f["qualifier"] == qualifier
        and any(q in texts.get(e, "") for e in f["excerpt_ids"].split(";"))
    ]


def observation_of(drafted: list[dict], indicators: list[dict], series: str, year: int):
    """The drafted observation of the series whose name starts with ``series``."""
    ids = {i["id"] for i in indicators if normal(i["name"]).lower().startswith(series.lower())}
    found = [o for o in drafted if o["indicator_id"] in ids and int(o["year"]) == year]
    return found[0] if found else None


def same_cell(o: dict | None, status: str, value) -> bool:
    if o is None or o["status"] != status:
        return False
    if value is None:
        return o["value"] == ""
    return o["value"] != "" and _close(float(o["value"]), float(value))


def compare_builtin(pack: Path) -> dict:
    """The draft of the built-in document against the hand-made pack."""
    curated_texts = passages_of(DATA)
    texts = passages_of(pack)
    drafted = rows(pack, "figures")
    curated = rows(DATA, "figures")
    found, missed = 0, []
    matched_ids: set[str] = set()
    for c in curated:
        hits = figure_matches(drafted, texts, float(c["value"]), c["qualifier"], c["quote"])
        if hits:
            found += 1
            matched_ids.update(h["id"] for h in hits)
        else:
            missed.append(c["id"])
    # Table 2 cells: a drafted figure that states one is not a false find either
    table_values = [float(o["value"]) for o in rows(DATA, "observations") if o["value"]]
    extra = []
    for f in drafted:
        if f["id"] in matched_ids:
            continue
        if any(_close(float(f["value"]), v) for v in table_values):
            matched_ids.add(f["id"])
        else:
            extra.append(f"{f['id']} ({f['quote']})")
    # Table 2: every cell, value and status
    names = {
        "gdp_growth": "GDP growth",
        "digital_economy_growth": "Growth rate of the digital economy",
        "poverty_rate": "Poverty rate",
    }
    observations, indicators = rows(pack, "observations"), rows(pack, "indicators")
    cells_ok, cells_wrong = 0, []
    curated_obs = rows(DATA, "observations")
    for o in curated_obs:
        mine = observation_of(observations, indicators, names[o["indicator_id"]], int(o["year"]))
        value = float(o["value"]) if o["value"] else None
        if same_cell(mine, o["status"], value):
            cells_ok += 1
        else:
            cells_wrong.append(f"{o['indicator_id']} {o['year']}")
    dashes = [o for o in curated_obs if o["source_text"] == "-"]
    dash_missing = sum(
        1
        for o in dashes
        if (m := observation_of(observations, indicators, names[o["indicator_id"]], int(o["year"])))
        and m["status"] == "not_reported"
        and m["value"] == ""
    )
    # milestones: same year, citing a passage that begins as the curated one does
    drafted_m = rows(pack, "milestones")
    m_found = 0
    for m in rows(DATA, "milestones"):
        starts = {curated_texts[e][:60] for e in m["excerpt_ids"].split(";")}
        if any(
            int(d["year"]) == int(m["year"])
            and any(s in texts.get(e, "") for e in d["excerpt_ids"].split(";") for s in starts)
            for d in drafted_m
        ):
            m_found += 1
    return {
        "figures_curated": len(curated),
        "figures_found": found,
        "figure_recall": found / len(curated),
        "figures_missed": missed,
        "figures_drafted": len(drafted),
        "figures_matching": len(matched_ids),
        "figure_precision": len(matched_ids) / len(drafted) if drafted else 0.0,
        "figures_extra": extra,
        "table2_cells": len(curated_obs),
        "table2_cells_right": cells_ok,
        "table2_cells_wrong": cells_wrong,
        "table2_dashes": len(dashes),
        "table2_dashes_missing": dash_missing,
        "milestones_curated": len(rows(DATA, "milestones")),
        "milestones_found": m_found,
        "milestones_drafted": len(drafted_m),
    }


def compare_expected(pack: Path, expected_file: Path) -> dict:
    """A draft against the rows written for its document beforehand."""
    want = json.loads(expected_file.read_text(encoding="utf-8"))
    texts = passages_of(pack)
    drafted = rows(pack, "figures")
    found, missed, matched = 0, [], set()
    for e in want["figures"]:
        hits = figure_matches(drafted, texts, float(e["value"]), e["qualifier"], e["quote"])
        if hits:
            found += 1
            matched.update(h["id"] for h in hits)
        else:
            missed.append(e["quote"])
    extra = [f"{f['id']} ({f['quote']})" for f in drafted if f["id"] not in matched]
    observations, indicators = rows(pack, "observations"), rows(pack, "indicators")
    cells_ok, cells_wrong = 0, []
    for e in want["observations"]:
        mine = observation_of(observations, indicators, e["series"], int(e["year"]))
        if same_cell(mine, e["status"], e["value"]):
            cells_ok += 1
        else:
            cells_wrong.append(f"{e['series']} {e['year']}")
    drafted_m = rows(pack, "milestones")
    m_found = sum(
        1
        for e in want["milestones"]
        if any(
            int(d["year"]) == e["year"]
            and any(
                normal(e["passage_holds"]) in texts.get(x, "") for x in d["excerpt_ids"].split(";")
            )
            for d in drafted_m
        )
    )
    return {
        "figures_expected": len(want["figures"]),
        "figures_found": found,
        "figure_recall": found / len(want["figures"]),
        "figures_missed": missed,
        "figures_drafted": len(drafted),
        "figure_precision": len(matched) / len(drafted) if drafted else 0.0,
        "figures_extra": extra,
        "cells_expected": len(want["observations"]),
        "cells_right": cells_ok,
        "cells_wrong": cells_wrong,
        "milestones_expected": len(want["milestones"]),
        "milestones_found": m_found,
        "milestones_drafted": len(drafted_m),
    }


def make_pdf(text: str, path: Path) -> Path:
    """The text as a PDF with a text layer: Qt's QTextDocument printed by QPdfWriter
    (A4, 9 pt DejaVu Sans; paragraphs wrap, Table 2's header wraps too)."""
    from PySide6.QtGui import QFont, QGuiApplication, QPageSize, QPdfWriter, QTextDocument

    _app = QGuiApplication.instance() or QGuiApplication([])
    writer = QPdfWriter(str(path))
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    writer.setResolution(300)
    writer.setTitle("")
    doc = QTextDocument()
    doc.setDefaultFont(QFont("DejaVu Sans", 9))
    doc.setPlainText(text)
    doc.print_(writer)
    del writer
    return path


def draft_once(document: Path, out: Path) -> float:
    from gzexplorer.draft import writer
    from gzexplorer.draft.engine import draft

    t = time.perf_counter()
    result = draft(document)
    writer.write(result, out, force=True)
    return time.perf_counter() - t


def command_seconds(document: Path, out: Path) -> float:
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    t = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "gzexplorer", "draft", str(document), "--out", str(out), "--force"],
        check=True,
        capture_output=True,
        env=env,
    )
    return time.perf_counter() - t


def strict_problems(pack: Path) -> list[str]:
    from gzexplorer.model.loader import validate

    report = validate(pack)
    return [str(p) for p in report.errors + report.warnings]


def measure(runs: int = 5) -> dict:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    out: dict = {}
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        pdf = make_pdf(
            (DATA / "guizhou-case-study.txt").read_text(encoding="utf-8"),
            work / "guizhou-case-study.pdf",
        )
        cases = [
            ("builtin_text", DATA / "guizhou-case-study.txt", None),
            ("builtin_pdf", pdf, None),
            (
                "markdown",
                DOCUMENTS / "marrowby-clinics.md",
                DOCUMENTS / "marrowby-clinics.expected.json",
            ),
            (
                "html",
                DOCUMENTS / "kestrel-bay-wind.html",
                DOCUMENTS / "kestrel-bay-wind.expected.json",
            ),
        ]
        for name, document, expected in cases:
            pack = work / name
            times = [draft_once(document, pack) for _ in range(runs)]
            result = compare_builtin(pack) if expected is None else compare_expected(pack, expected)
            result["draft_s_median"] = statistics.median(times)
            result["draft_s_max"] = max(times)
            result["command_s"] = command_seconds(document, work / f"{name}-cli")
            result["validate_strict_problems"] = strict_problems(pack)
            out[name] = result
    return out


def _pct(x: float) -> str:
    return f"{100 * x:.1f} %"


def report(results: dict) -> str:
    lines = [
        "| document | figure recall | figure precision | cells | dated events "
        "| draft (median) | command |",
        "|---|---|---|---|---|---|---|",
    ]
    for name, r in results.items():
        if "figures_curated" in r:
            recall = f"{r['figures_found']}/{r['figures_curated']} = {_pct(r['figure_recall'])}"
            cells = (
                f"Table 2: {r['table2_cells_right']}/{r['table2_cells']} "
                f'("-" missing: {r["table2_dashes_missing"]}/{r["table2_dashes"]})'
            )
            wanted = r["milestones_curated"]
        else:
            recall = f"{r['figures_found']}/{r['figures_expected']} = {_pct(r['figure_recall'])}"
            cells = f"{r['cells_right']}/{r['cells_expected']}"
            wanted = r["milestones_expected"]
        events = f"{r['milestones_found']}/{wanted} (drafted {r['milestones_drafted']})"
        precision = f"{_pct(r['figure_precision'])} of {r['figures_drafted']}"
        lines.append(
            f"| {name} | {recall} | {precision} | {cells} | {events} | "
            f"{r['draft_s_median']:.3f} s | {r['command_s']:.2f} s |"
        )
    for name, r in results.items():
        wrong = r.get("table2_cells_wrong", r.get("cells_wrong"))
        lines += [
            "",
            f"{name}: missed {r['figures_missed'] or 'none'}; "
            f"extra {r['figures_extra'] or 'none'}; cells wrong {wrong or 'none'}; "
            f"validate --strict: {r['validate_strict_problems'] or 'valid'}",
        ]
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", action="store_true", help="print the results as JSON")
    parser.add_argument("--runs", type=int, default=5, help="timed drafts per document")
    args = parser.parse_args()
    results = measure(args.runs)
    print(json.dumps(results, indent=2) if args.json else report(results))
    ok = all(
        r["figure_recall"] >= RECALL_TARGET
        and r["draft_s_median"] < TIME_TARGET_S
        and not r["validate_strict_problems"]
        for r in results.values()
    ) and all(
        r["table2_cells_right"] == r["table2_cells"]
        for r in results.values()
        if "table2_cells" in r
    )
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
