"""Warnings: what a pack may legally hold but is probably a mistake. They never stop
a load; ``gzexplorer validate --strict`` treats them as errors."""

from __future__ import annotations

import pandas as pd

from gzexplorer.charts import palette  # a leaf module: no Qt, no pandas
from gzexplorer.model import profile
from gzexplorer.model.errors import Problems


def check(tables: dict[str, pd.DataFrame], files: dict[str, str], problems: Problems) -> None:
    themes, indicators = tables["themes"], tables["indicators"]
    figures, obs = tables["figures"], tables["observations"]

    with_data = set(obs["indicator_id"])
    for i, ind in enumerate(indicators["id"], start=2):
        if ind not in with_data:
            problems.warn(
                files["indicators"],
                f'indicator "{ind}" has no observations',
                row=i,
                field="id",
                code="indicator-without-observations",
            )

    for i, (fid, ids) in enumerate(zip(figures["id"], figures["themes"], strict=True), start=2):
        if not ids:
            problems.warn(
                files["figures"],
                f'figure "{fid}" belongs to no theme, so no theme shows it',
                row=i,
                field="themes",
                code="figure-without-themes",
            )

    qualitative = (obs["status"] == "qualitative").to_numpy().nonzero()[0]
    no_note = [i for i in qualitative if not obs["note"].iat[i].strip()]
    for i in no_note[:31]:
        problems.warn(
            files["observations"],
            "a qualitative observation without a note: the chart has nothing to say for it",
            row=int(i) + 2,
            field="note",
            code="qualitative-without-note",
        )

    first_at: dict[int, str] = {}
    for i, (tid, order) in enumerate(zip(themes["id"], themes["order"], strict=True), start=2):
        if pd.isna(order):
            continue
        if int(order) in first_at:
            problems.warn(
                files["themes"],
                f'theme "{tid}" has the same order ({int(order)}) as "{first_at[int(order)]}"',
                row=i,
                field="order",
                code="same-theme-order",
            )
        else:
            first_at[int(order)] = tid

    for i, icon in enumerate(themes["icon"], start=2):
        if icon and icon not in profile.ICONS:
            problems.warn(
                files["themes"],
                f'unknown icon "{icon}"; the icons are '
                f"{', '.join(profile.ICONS)} (or leave it empty)",
                row=i,
                field="icon",
                code="unknown-icon",
            )

    if "color" in themes.columns:
        _check_colors(themes, files["themes"], problems)

    groups = figures[figures["group"].str.strip() != ""].groupby("group", sort=False)
    for name, group in groups:
        units = list(dict.fromkeys(group["unit"]))
        if len(units) > 1:
            row = int(group.index[0]) + 2
            problems.warn(
                files["figures"],
                f'the figures of group "{name}" do not share a unit '
                f"({', '.join(units)}): the group is drawn as one bar chart per unit",
                row=row,
                field="group",
                code="group-mixed-units",
            )


def _check_colors(themes: pd.DataFrame, file: str, problems: Problems) -> None:
    """A theme colour that is not one, or that cannot be told from the white background
    or from another theme's colour: the charts draw a palette colour instead."""
    ordered = themes.sort_values("order", kind="stable")  # the sidebar's, as the charts
    rows = [int(i) + 2 for i in ordered.index]
    ids = list(ordered["id"])
    written = [str(c).strip() for c in ordered["color"]]
    choices = palette.choose(written)
    for k, (raw, choice) in enumerate(zip(written, choices, strict=True)):
        where = {"row": rows[k], "field": "color"}
        if raw and not choice.given:
            problems.warn(
                file,
                f'theme "{ids[k]}": "{raw}" is not a colour written #RRGGBB; '
                f"it is drawn in {choice.color}",
                code="unreadable-color",
                **where,
            )
        elif choice.given and not choice.kept:
            if choice.clash >= 0:
                j = choice.clash
                why = (
                    f'is too close to {choices[j].color} of theme "{ids[j]}" '
                    f"(CIEDE2000 {choice.difference:.1f} on the {choice.scheme} background, "
                    f"under {palette.MIN_DIFFERENCE:g})"
                )
            else:
                why = (
                    f"has too little contrast on the white background "
                    f"({choice.contrast:.1f}:1, under {palette.MIN_CONTRAST:g}:1)"
                )
            problems.warn(
                file,
                f'theme "{ids[k]}": colour {choice.given} {why}; it is drawn in {choice.color}',
                code="indistinct-color",
                **where,
            )
