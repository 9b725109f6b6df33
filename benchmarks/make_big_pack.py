"""Write a large synthetic data pack for the scale benchmarks (not committed data).

python benchmarks/make_big_pack.py OUT_DIR [--indicators 200] [--years 5000] [--excerpts 5000]
"""

from __future__ import annotations

import argparse
import csv
import json
import random
import shutil
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def make(
    out: Path, indicators: int = 200, years: int = 5000, excerpts: int = 5000, themes: int = 10
) -> Path:
    rng = random.Random(42)
    out.mkdir(parents=True, exist_ok=True)
    theme_ids = [f"t{i}" for i in range(themes)]

    def write(name: str, header: list[str], rows) -> None:
        with (out / f"{name}.csv").open("w", newline="", encoding="utf-8") as f:
            w = csv.writer(f, lineterminator="\n")
            w.writerow(header)
            w.writerows(rows)

    write(
        "themes",
        ["id", "name", "description", "order", "icon"],
        [(t, f"Theme {i}", f"Synthetic theme {i}.", i, "") for i, t in enumerate(theme_ids)],
    )
    words = [
        "data",
        "growth",
        "poverty",
        "cloud",
        "village",
        "ecology",
        "platform",
        "service",
        "digital",
        "county",
    ]
    # Passages: per indicator a table of the values it prints (each once), one sentence
    # per figure (its quote) and per milestone (its year), the rest random words; so
    # that the pack passes every provenance check, as a real one must.
    cells: list[list[str]] = []
    for _ in range(indicators):
        column, level = [], rng.uniform(10, 100)
        for y in range(years):
            level += rng.gauss(0, 1)
            column.append("-" if y % 97 == 13 else f"{level:.0f}")
        cells.append(column)
    spare = max(0, excerpts - indicators)
    milestone_count = min(100, spare // 2)
    figure_values = [rng.randint(1, 10**6) for _ in range(min(200, spare - milestone_count))]
    first_milestone = indicators + len(figure_values)
    milestone_years = [1 + i * 37 % years for i in range(milestone_count)]

    def text(i: int) -> str:
        if i < indicators:
            printed = sorted(set(cells[i]) - {"-"}, key=float)
            rows = ("\t".join(printed[k : k + 10]) for k in range(0, len(printed), 10))
            return "VALUES\n" + "\n".join(rows) + "\n- (not reported)"
        if i < first_milestone:
            return f"The register counts {figure_values[i - indicators]:,} widgets."
        if i < first_milestone + milestone_count:
            return (
                f"Event {i - first_milestone} took place in {milestone_years[i - first_milestone]}."
            )
        return " ".join(rng.choice(words) for _ in range(40)) + f" {i}."

    write(
        "excerpts",
        ["id", "order", "section", "kind", "themes", "text"],
        [
            (
                f"e{i}",
                i,
                f"Section {i // 500}",
                "table" if i < indicators else "paragraph",
                theme_ids[i % themes],
                text(i),
            )
            for i in range(excerpts)
        ],
    )
    write(
        "indicators",
        ["id", "name", "unit", "themes", "description", "source", "excerpt_ids"],
        [
            (
                f"i{i}",
                f"Indicator {i}",
                "%" if i % 2 else "index",
                theme_ids[i % themes],
                "Synthetic.",
                "Generator",
                f"e{i % excerpts}",
            )
            for i in range(indicators)
        ],
    )

    def observations():
        for i in range(indicators):
            for y, cell in enumerate(cells[i]):
                if cell == "-":
                    yield (f"i{i}", 1 + y, "", "not_reported", "", "-", f"e{i % excerpts}")
                else:
                    yield (f"i{i}", 1 + y, cell, "reported", "", cell, f"e{i % excerpts}")

    write(
        "observations",
        ["indicator_id", "year", "value", "status", "note", "source_text", "excerpt_ids"],
        observations(),
    )
    write(
        "figures",
        [
            "id",
            "label",
            "value",
            "unit",
            "qualifier",
            "year",
            "themes",
            "group",
            "headline",
            "quote",
            "note",
            "excerpt_ids",
        ],
        [
            (
                f"f{i}",
                f"Figure {i}",
                figure_values[i],
                "count",
                "exact",
                "",
                theme_ids[i % themes],
                f"Group {i % 20}",
                "true" if i < 6 else "false",
                f"{figure_values[i]:,} widgets",
                "",
                f"e{indicators + i}",
            )
            for i in range(len(figure_values))
        ],
    )
    write(
        "milestones",
        ["id", "year", "title", "description", "themes", "excerpt_ids"],
        [
            (
                f"m{i}",
                milestone_years[i],
                f"Event {i}",
                "",
                theme_ids[i % themes],
                f"e{first_milestone + i}",
            )
            for i in range(milestone_count)
        ],
    )
    descriptor = json.loads((ROOT / "data" / "datapackage.json").read_text(encoding="utf-8"))
    descriptor["name"] = "synthetic-big"
    descriptor["title"] = "Synthetic big pack"
    descriptor["resources"] = [r for r in descriptor["resources"] if r["name"] != "document"]
    del descriptor["gzexplorer"]["document"]
    for resource in descriptor["resources"]:  # the generated CSVs have no translations
        fields = resource["schema"]["fields"]
        fields[:] = [f for f in fields if not f["name"].endswith("_zh")]
        for f in fields:
            if f["name"] == "year":  # years 1 to 5000: declared, so they are plausible
                f.setdefault("constraints", {}).update(minimum=1, maximum=max(years, 1))
    (out / "datapackage.json").write_text(json.dumps(descriptor, indent=1), encoding="utf-8")
    return out


def main() -> None:
    p = argparse.ArgumentParser()
    p.add_argument("out", type=Path)
    p.add_argument("--indicators", type=int, default=200)
    p.add_argument("--years", type=int, default=5000)
    p.add_argument("--excerpts", type=int, default=5000)
    a = p.parse_args()
    if a.out.exists():
        shutil.rmtree(a.out)
    make(a.out, a.indicators, a.years, a.excerpts)
    print(a.out)


if __name__ == "__main__":
    main()
