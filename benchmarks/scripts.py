"""Small programs the benchmark runs as separate processes (one function each)."""

# The end of each start-up program: at the watched widget's first paint, print the
# time and peak RSS and leave at once (as APP_STAGE does for the app).
_AT_FIRST_PAINT = r"""
class FirstPaint(QObject):
    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.Paint:
            QTimer.singleShot(0, done)
        return False

def done():
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(f"first-paint {time.time():.6f} {rss}", flush=True)
    os._exit(0)

f = FirstPaint()
watched.installEventFilter(f)
w.show()
app.exec()
"""

FLOOR_WINDOW = (
    r"""
import os, resource, time
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow

app = QApplication([])
w = watched = QMainWindow()
"""
    + _AT_FIRST_PAINT
)

LIB_FLOOR = (
    r"""
import os, resource, time
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication
import pandas  # noqa: F401
import pyqtgraph as pg

app = QApplication([])
w = pg.PlotWidget()
w.plot(list(range(10)), [1, 3, 2, 5, 4, 6, 5, 8, 7, 9])
watched = w.viewport()
"""
    + _AT_FIRST_PAINT
)

# A reference, not a target: the window's shell made of stock widgets only (menu bar,
# theme list, search field, heading, the first 12 passages wrapped in a plain list),
# with no delegates, icons, settings or translations. argv[1]: the data pack.
SHELL_FLOOR = (
    r"""
import csv, os, resource, sys, time
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import (
    QApplication, QLabel, QLineEdit, QListWidget, QMainWindow, QSplitter, QVBoxLayout, QWidget
)

def rows(name):
    with open(f"{sys.argv[1]}/{name}", encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))

app = QApplication([])
w = watched = QMainWindow()
for title in ("&File", "&View", "&Help"):
    w.menuBar().addMenu(title)
themes = QListWidget()
themes.addItems(["Overview"] + [t["name"] for t in rows("themes.csv")])
passages = QListWidget()
passages.setWordWrap(True)
passages.addItems([e["text"] for e in rows("excerpts.csv")[:12]])
right = QWidget()
column = QVBoxLayout(right)
column.addWidget(QLineEdit())
column.addWidget(QLabel("Passages: 12"))
column.addWidget(passages)
split = QSplitter()
for part in (themes, QLabel("Loading charts…"), right):
    split.addWidget(part)
split.setSizes([190, 760, 380])
w.setCentralWidget(split)
w.statusBar()
w.resize(1440, 900)
"""
    + _AT_FIRST_PAINT
)

# The app itself (what `python -m gzexplorer` runs), watched from outside its code:
# argv[1] names the stage at which to print the time and peak RSS and leave at once.
# "first-paint": the window's first paint, before the app's own steps after it (the
# keys, the loader). "chart-ready": the Overview's chart painted (from the first
# stage's preview, before pandas). "data-ready": the checked dataset shown and its
# chart painted.
# Only startup.FirstPaint is replaced, by a subclass that does the same plus this, so
# the program imports nothing the app would not import before its first paint.
APP_STAGE = r"""
import os, sys, time
import gzexplorer.ui.startup as startup

stage = sys.argv[1]
sys.argv[1:] = []  # the app's own command line: no options


def report():
    import resource

    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(f"{stage} {time.time():.6f} {rss}", flush=True)
    os._exit(0)


def check(window):
    shown = window.column.current_chart() is not None
    if shown and (stage == "chart-ready" or window.is_ready()):
        window.canvas.repaint()  # the chart painted now, not at the next turn of the loop
        report()


class FirstPaint(startup.FirstPaint):
    def __init__(self, window, callback):
        if stage == "first-paint":
            callback = report
        else:  # once the window has shown a view (a chart, or the checked data)
            from PySide6.QtCore import QTimer

            window.state.viewChanged.connect(lambda _v: QTimer.singleShot(0, lambda: check(window)))
        super().__init__(window, callback)


startup.FirstPaint = FirstPaint
from gzexplorer.cli import console

console()
"""

# The economy line chart drawn with plain pandas + matplotlib: same data, size,
# title, subtitle, legend and source line as `gzexplorer export --theme economy`.
MATPLOTLIB_PNG = r"""
import sys
import matplotlib
matplotlib.use("Agg")
import matplotlib.pyplot as plt
import pandas as pd

data, out = sys.argv[1], sys.argv[2]
obs = pd.read_csv(f"{data}/observations.csv")
ind = pd.read_csv(f"{data}/indicators.csv").set_index("id")
fig = plt.figure(figsize=(19.2, 10.8), dpi=100)
ax = fig.add_axes([0.06, 0.14, 0.92, 0.68])
for i, name in enumerate(["gdp_growth", "digital_economy_growth"]):
    s = obs[obs.indicator_id == name].sort_values("year")
    colour = ["#0072B2", "#D55E00"][i]
    ax.plot(s.year, s.value, marker="o", color=colour, label=ind.loc[name, "name"])
ax.set_xlabel("Year")
ax.set_ylabel("%")
ax.legend(loc="upper left", bbox_to_anchor=(0, 1.12), ncol=2, frameon=False)
title = "GDP growth rate vs growth rate of the digital economy"
fig.text(0.02, 0.95, title, fontsize=20, weight="bold")
fig.text(0.02, 0.91, "Per cent, 2012–2021", fontsize=14, color="#5C5C5C")
fig.text(0.02, 0.03, "Source: " + ind.loc["gdp_growth", "source"], fontsize=11, color="#5C5C5C")
fig.savefig(out)
"""
