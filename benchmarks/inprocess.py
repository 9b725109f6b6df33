"""In-process measurements: theme switches, and the scale tests on a big pack.

python benchmarks/inprocess.py switch PACK N       -> JSON on stdout
python benchmarks/inprocess.py big PACK N          -> JSON on stdout
"""

from __future__ import annotations

import json
import os
import resource
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def _window(dataset):
    from PySide6.QtCore import QSettings

    from gzexplorer.ui.main_window import MainWindow

    tmp = tempfile.mkdtemp()
    window = MainWindow(dataset, QSettings(str(Path(tmp) / "s.ini"), QSettings.Format.IniFormat))
    window.resize(1440, 900)
    window.show()
    return window


class _PaintWatch:
    """Counts paints of a few watched widgets and the window's repaint passes.

    Filters sit on those widgets only: an application-wide Python filter would be
    called for every event of every widget and add its own cost to what is timed."""

    def __init__(self, window) -> None:
        from PySide6.QtCore import QEvent, QObject

        watch = self
        wanted = (QEvent.Type.Paint, QEvent.Type.UpdateRequest)

        class Filter(QObject):
            def eventFilter(self, obj, event):  # noqa: N802
                if event.type() in wanted:
                    watch.painted.add(obj)
                    watch.total += 1
                return False

        self.painted: set = set()
        self.total = 0
        self._filter = Filter()
        self._watched: set = set()
        self.watch(window)  # UpdateRequest: one per repaint pass of the window

    def watch(self, widget) -> None:
        if widget not in self._watched:
            widget.installEventFilter(self._filter)
            self._watched.add(widget)


def _switches(app, window, views: list[str], n: int) -> list[float]:
    """Milliseconds from a mouse click on a theme in the sidebar until the window is
    repainted and quiet: the event loop is run until the chart, the cards (or their
    empty note) and the passages have been painted and a further round paints nothing."""
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    watch = _PaintWatch(window)
    for widget in (window.cards.viewport(), window.cards_empty, window.excerpts.view.viewport()):
        watch.watch(widget)
    times = []
    i = 0
    while len(times) < n:
        view = views[i % len(views)]
        i += 1
        if view == window.view_id():
            continue
        index = window.view_model.index(window.view_model.row_of(view))
        where = window.theme_list.visualRect(index).center()
        watch.painted.clear()
        t = time.perf_counter()
        QTest.mouseClick(window.theme_list.viewport(), Qt.MouseButton.LeftButton, pos=where)
        plot = window.canvas.plot_widget.viewport()  # the chart just switched to
        watch.watch(plot)
        for _round in range(100):
            before = watch.total
            app.processEvents()
            cards = window.cards.viewport() if window.cards.isVisible() else window.cards_empty
            wanted = {plot, cards, window.excerpts.view.viewport()}
            if wanted <= watch.painted and watch.total == before:
                break
        times.append((time.perf_counter() - t) * 1000)
        assert window.view_id() == view, "the click did not switch the theme"
    return times


def _p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(0.95 * (len(ordered) - 1))))]


def switch(pack: str, n: int) -> dict:
    from gzexplorer import charts, model
    from gzexplorer.ui.application import make_app

    app = make_app()
    dataset = model.load(pack)
    window = _window(dataset)
    app.processEvents()
    views = [v for v, _ in charts.views(dataset)]
    _switches(app, window, views, len(views))  # first visits (build and cache the specs)
    times = _switches(app, window, views, n)
    return {"theme_switch_ms": statistics.median(times), "theme_switch_p95_ms": _p95(times)}


def big(pack: str, n: int) -> dict:
    from gzexplorer import charts, model
    from gzexplorer.ui.application import make_app

    app = make_app()
    # as when the pack is opened in the running app: pandas is imported already
    import gzexplorer.model.dataset  # noqa: F401

    t = time.perf_counter()
    dataset = model.load(pack)
    load_s = time.perf_counter() - t
    window = _window(dataset)
    app.processEvents()
    views = [v for v, _ in charts.views(dataset)]
    first = _switches(app, window, views, len(views))  # includes building each view's charts
    times = _switches(app, window, views, n)
    window.show_view(views[1])
    app.processEvents()
    vb = window.canvas.plot_item.getViewBox()
    frames = []
    for k in range(max(10, n)):  # pan back and forth, zoom in and out: the whole series
        t = time.perf_counter()  # stays about in view (the slowest case)
        vb.translateBy(x=(-1) ** k * 25.0)
        vb.scaleBy((0.9 if k % 2 else 1 / 0.9, 1.0))
        window.canvas.plot_widget.viewport().repaint()
        frames.append((time.perf_counter() - t) * 1000)
    # click a passage that a whole series cites (5,000 points on the full-size pack):
    # its points are found, ringed on the chart, and its cards marked
    cited = dataset.indicators(views[1])[0].excerpt_ids[0]
    clicks = []
    for _ in range(max(5, n // 3)):
        t = time.perf_counter()
        window.highlighter.select_excerpt(cited)
        window.canvas.plot_widget.viewport().repaint()
        clicks.append((time.perf_counter() - t) * 1000)
        # one that cites nothing: clears
        window.highlighter.select_excerpt(dataset.excerpts()[-1].id)
    return {
        "big_load_s": load_s,
        "big_passage_click_ms": statistics.median(clicks),
        "big_passage_click_max_ms": max(clicks),
        "big_first_visit_ms": statistics.median(first),
        "big_switch_ms": statistics.median(times),
        "big_pan_frame_ms": statistics.median(frames),
        "big_peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        "big_observations": len(dataset.tables["observations"]),
        "big_excerpts": len(dataset.tables["excerpts"]),
    }


if __name__ == "__main__":
    what, pack, n = sys.argv[1], sys.argv[2], int(sys.argv[3])
    result = {"switch": switch, "big": big}[what](pack, n)
    print(json.dumps(result), flush=True)
    os._exit(0)
