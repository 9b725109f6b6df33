"""What AT-SPI shows of gzexplorer's window, as JSON on stdout: run with Debian's
/usr/bin/python3 (pyatspi is not in the venv) by tests/screenreader.py, in the test's
display and session bus.

    atspi_walk.py tree      every node of the app's tree: role, name, states, extents
    atspi_walk.py tab N     press Tab N times (xdotool); after each, the node that got
                            the focus (from the focus events, as a screen reader sees it)
                            and its parent (role, name, extents...)
"""

from __future__ import annotations

import json
import subprocess
import sys
import time

import pyatspi
from gi.repository import GLib

APP = "gzexplorer"
TIMEOUT = 60.0


def find_app():
    end = time.monotonic() + TIMEOUT
    while time.monotonic() < end:
        desktop = pyatspi.Registry.getDesktop(0)
        for app in desktop:
            if app is not None and app.name == APP:
                return app
        time.sleep(0.5)
    sys.exit(f"no accessible application named {APP!r} on the AT-SPI bus")


def describe(node, path: list[int]) -> dict:
    states = node.getState()
    try:
        x, y, w, h = node.queryComponent().getExtents(pyatspi.DESKTOP_COORDS)
    except NotImplementedError:
        x = y = w = h = 0
    return {
        "path": path,
        "role": node.getRoleName(),
        "name": node.name or "",
        "description": node.description or "",
        "focusable": states.contains(pyatspi.STATE_FOCUSABLE),
        "focused": states.contains(pyatspi.STATE_FOCUSED),
        "showing": states.contains(pyatspi.STATE_SHOWING),
        "extents": [x, y, w, h],
    }


def tree() -> list[dict]:
    nodes: list[dict] = []

    def visit(node, path: list[int]) -> None:
        nodes.append(describe(node, path))
        for i in range(node.childCount):
            child = node.getChildAtIndex(i)
            if child is not None:
                visit(child, [*path, i])

    app = find_app()
    end = time.monotonic() + TIMEOUT
    while True:  # the charts are made after the window shows: a whole walk with one
        del nodes[:]
        try:
            visit(app, [])
        except GLib.Error:  # a node went away while walked: the window is still changing
            if time.monotonic() > end:
                raise
        else:
            if any(n["role"] == "chart" for n in nodes) or time.monotonic() > end:
                return nodes
        time.sleep(0.5)


def tab(times: int) -> list[dict]:
    """The node each Tab press moves the focus to."""
    find_app()
    gained: list[dict] = []

    def on_focus(event) -> None:
        if event.detail1 and event.host_application and event.host_application.name == APP:
            stop = describe(event.source, [])
            parent = event.source.parent  # a list's item: which list
            stop["parent"] = describe(parent, []) if parent is not None else {}
            gained.append(stop)

    pyatspi.Registry.registerEventListener(on_focus, "object:state-changed:focused")
    context = GLib.MainContext.default()
    stops: list[dict] = []
    for _ in range(times):
        del gained[:]
        subprocess.run(["xdotool", "key", "Tab"], check=True)
        end = time.monotonic() + TIMEOUT
        while not gained and time.monotonic() < end:
            context.iteration(False) or time.sleep(0.05)
        settle = time.monotonic() + 0.5  # the events of one key press arrive together
        while time.monotonic() < settle:
            context.iteration(False) or time.sleep(0.05)
        stops.append(gained[-1] if gained else {"role": "", "name": "(no focus event)"})
    pyatspi.Registry.deregisterEventListener(on_focus, "object:state-changed:focused")
    return stops


if __name__ == "__main__":
    if sys.argv[1:2] == ["tree"]:
        print(json.dumps(tree()))
    elif sys.argv[1:2] == ["tab"] and len(sys.argv) == 3:
        print(json.dumps(tab(int(sys.argv[2]))))
    else:
        sys.exit(__doc__)
