"""A real screen reader on the window (issue 18): Orca over AT-SPI, on Xvfb, the keys
pressed with xdotool, and what Orca says read from its speech log; and the accessible
tree walked with pyatspi. The harness (X server, buses, Orca, the app, cleaning up) is
tests/screenreader.py; the tree walk is tests/atspi_walk.py.

Needs Debian's xvfb, xdotool, dbus, at-spi2-core, python3-pyatspi and orca (.ci/run
installs them); skipped where they are not installed."""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import suppress

import pytest

import screenreader
from gzexplorer.charts.build import charts_for

WHY_NOT = screenreader.missing()
pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(WHY_NOT is not None, reason=f"screen-reader test: {WHY_NOT}"),
]


@pytest.fixture(scope="module")
def desktop(tmp_path_factory) -> Iterator[screenreader.Desktop]:
    """Xvfb, a session bus, the AT-SPI bus and Orca, for the tests of this module."""
    with screenreader.desktop(tmp_path_factory.mktemp("screen-reader")) as d:
        yield d


@pytest.fixture
def app(desktop: screenreader.Desktop) -> Iterator[screenreader.App]:
    """A fresh window (settings of its own, at the Overview) with the keyboard focus."""
    a = desktop.start_app()
    yield a
    a.close()


def spoken(said: list[str]) -> list[str]:
    """What was said, without the keys Orca echoes as they are pressed ("tab ", "left
    control ", "p ")."""
    return [
        s for s in said if not re.fullmatch(r"(left |right )?(\w|tab|control|shift|return) ?", s)
    ]


def something_said(said: list[str]) -> bool:
    return bool(spoken(said))


def tab_to(desktop: screenreader.Desktop, wanted: str, presses: int = 25) -> int:
    """Press Tab until Orca says ``wanted``; the speech log's mark before that press.

    Orca may say nothing for a stop (when it thinks the focus is already there), so each
    press waits for words a while, not for ever, before the next."""
    for _ in range(presses):
        since = desktop.mark()
        desktop.key("Tab")
        with suppress(AssertionError):
            desktop.wait_said(something_said, since, timeout=10)
        if any(wanted in s for s in desktop.said()[since:]):
            return since
    raise AssertionError(f"{presses} presses of Tab never reached {wanted!r}")


def chart_of(dataset, view: str, index: int = 0):
    return charts_for(dataset, view)[index]


def to_the_chart(desktop, dataset, view: str) -> int:
    """In a new window, the theme ``view`` chosen with its shortcut, then Tab to its
    first chart; the speech log's mark before the Tab that reached it."""
    number = ["overview", "economy", "governance"].index(view) + 1
    if number > 1:
        desktop.key(f"ctrl+{number}")
    return tab_to(desktop, f"{chart_of(dataset, view).title} chart")


# -- the chart -------------------------------------------------------------------------
def test_tab_to_the_chart_says_its_title_and_text_alternative(desktop, app, dataset):
    spec = chart_of(dataset, "governance")  # one line: the poverty rate, 2012-2021
    since = to_the_chart(desktop, dataset, "governance")
    said = desktop.wait_said(spec.alt_text, since)
    assert f"{spec.title} chart." in said  # its name and role
    assert spec.alt_text in said  # its description: the words the chart is made of
    assert spec.alt_text.startswith("Poverty rate went from 26.8% in 2012 to 0% in 2020")


def test_tab_to_the_chart_says_no_unnamed_containers(desktop, app, dataset):
    spec = chart_of(dataset, "governance")
    since = to_the_chart(desktop, dataset, "governance")
    said = desktop.wait_said(spec.alt_text, since)
    assert "layered pane" not in said  # the pages round the chart are passed over (ui/pages.py)
    at = said.index(f"{spec.title} chart.")
    assert said[at + 1] == spec.alt_text  # the name, then the text alternative


def test_each_point_reached_with_the_arrow_keys_is_spoken_with_its_value(desktop, app, dataset):
    to_the_chart(desktop, dataset, "governance")
    series = dataset.series("poverty_rate")
    for year, value in zip(series["year"], series["value"], strict=True):
        words = (
            f"Poverty rate, {year}; {value:g}%;"
            if value == value  # not NaN
            else f'Poverty rate, {year}; "-" in Table 2 (no number given);'
        )
        said = desktop.press("Right", words)
        assert any(s.startswith(words) and "Source: Guizhou" in s for s in said)
    desktop.press("Home", "Poverty rate, 2012; 26.8%;")  # back to the first


# -- announcements ---------------------------------------------------------------------
def test_ctrl_2_says_the_theme(desktop, app, dataset):
    """With the focus on the chart, Ctrl+2: the window's live status (a notification)
    says the theme and its passages."""
    to_the_chart(desktop, dataset, "governance")
    since = desktop.mark()
    desktop.key("ctrl+2")
    said = desktop.wait_said(lambda s: any(theme_said(x) for x in s), since)
    assert [x for x in said if theme_said(x)] == [
        f"Economy. Passages on Economy: {len(dataset.excerpts('economy'))}."
    ]


def theme_said(words: str) -> bool:
    """ "Economy", said as the theme (not in a chart's name: "Economy: milestones")."""
    return re.match(r"Economy\b(?!: milestones)", words) is not None


def test_a_search_says_how_many_passages_it_found(desktop, app, dataset):
    count = len(dataset.search("poverty"))

    def count_said(words: str) -> bool:  # e.g. "Passages matching “poverty” …: 4"
        return "poverty" in words and re.search(rf"\b{count}\b", words) is not None

    desktop.key("ctrl+f")
    # (Orca may not say the field: right after the window opens it can take the focus
    # event for one it already had)
    desktop.wait_focus("text | Search the document")
    since = desktop.mark()
    desktop.type("poverty")
    said = desktop.wait_said(lambda s: any(count_said(x) for x in s), since)
    assert [x for x in said if count_said(x)] == [
        f"Passages matching “poverty” in all themes: {count}."
    ]


# -- the table -------------------------------------------------------------------------
def test_tab_leaves_the_table_for_the_figure_cards(desktop, app, dataset):
    to_the_chart(desktop, dataset, "overview")
    said = desktop.press("ctrl+t", "Data of the chart")  # the table, in the chart's place
    assert any(s.startswith("table with 7 rows") for s in said)
    said = desktop.press("Right", "Big data catches the government's attention")  # a cell
    said = desktop.press("Tab", "Figures of this theme")  # out of the table, one Tab
    assert not any("Big data" in s for s in spoken(said))
    said = desktop.press("shift+Tab", "Data of the chart")  # and back
    said = desktop.press("Tab", "Figures of this theme")


# -- the accessible tree (pyatspi) -----------------------------------------------------
def test_no_focusable_node_in_the_tree_is_without_a_name(desktop, app):
    nodes = desktop.walk("tree")
    assert any(n["role"] == "chart" for n in nodes)  # the whole window was walked
    unnamed = [n for n in nodes if n["focusable"] and not n["name"].strip()]
    assert unnamed == []


def widget_of(stop: dict) -> dict:
    """A Tab stop, or for a list's item (the focus goes on from a list to its current
    theme, card or passage) the list."""
    return stop["parent"] if stop["role"] == "list item" and stop.get("parent") else stop


def part(stop: dict) -> str:
    """Which part of the window a Tab stop is in."""
    stop = widget_of(stop)
    role, name = stop["role"], stop["name"]
    if name == "Themes":
        return "sidebar"
    if role == "chart":
        return "chart"
    if name.startswith("Figures"):
        return "cards"
    if role in ("text", "entry"):
        return "search"
    if name.startswith("Passages"):
        return "passages"
    if role in ("check box", "push button", "toggle button"):
        return "toolbar"
    if role in ("page tab list", "page tab", "list"):
        return "chart tabs"
    return f"{role} {name!r}"


def test_tab_order_follows_the_screen(desktop, app):
    stops = desktop.walk("tab", "12")  # from the themes, where a new window starts
    parts = [part(s) for s in stops]
    first_round = parts[: parts.index("sidebar") + 1]
    visited = [p for i, p in enumerate(first_round) if i == 0 or p != first_round[i - 1]]
    assert visited == [
        "chart tabs",
        "toolbar",
        "chart",
        "cards",
        "search",
        "passages",
        "sidebar",
    ]
    # and in the order the screen reads: left column, the centre top down, the right
    where = {part(s): widget_of(s)["extents"] for s in stops}  # x, y, width, height
    sidebar, tabs, chart, cards = (where[p] for p in ("sidebar", "chart tabs", "chart", "cards"))
    search, passages = where["search"], where["passages"]
    assert sidebar[0] + sidebar[2] <= tabs[0]
    assert tabs[1] < chart[1] < cards[1]
    assert chart[0] + chart[2] <= search[0]
    assert search[1] < passages[1]
    toolbar = [s["extents"] for s in stops[: len(first_round)] if part(s) == "toolbar"]
    assert all(tabs[1] < b[1] < chart[1] for b in toolbar)
    assert [b[0] for b in toolbar] == sorted(b[0] for b in toolbar)  # left to right
