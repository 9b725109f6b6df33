"""Warnings: what a pack may legally hold but is probably a mistake. They never stop
a load; ``gzexplorer validate --strict`` treats them as errors."""

from __future__ import annotations

import pandas as pd

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

    groups = figures[figures["group"].str.strip() != ""].groupby("group", sort=False)
    for name, group in groups:
        units = list(dict.fromkeys(group["unit"]))
        if len(units) > 1:
            row = int(group.index[0]) + 2
            problems.warn(
                files["figures"],
                f'the figures of group "{name}" do not share a unit '
                f"({', '.join(units)}); the group's bar chart cannot show them all",
                row=row,
                field="group",
                code="group-mixed-units",
            )
