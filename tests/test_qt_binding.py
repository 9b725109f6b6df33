"""Guards against a Qt binding that corrupts reference counts.

PySide6-Essentials 6.12.0 decrefs ``None`` each time a Python ``data()`` override
returns it; after a few thousand calls the interpreter aborts. pyproject.toml
excludes that release; this test fails if such a binding is installed again.
"""

from __future__ import annotations

import subprocess
import sys

SCRIPT = r"""
import sys
from PySide6.QtCore import QAbstractListModel, QModelIndex, Qt
from PySide6.QtWidgets import QApplication

app = QApplication([])

class Model(QAbstractListModel):
    def rowCount(self, parent=QModelIndex()):
        return 1

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        return True if role == Qt.ItemDataRole.UserRole else None

m = Model()
before = sys.getrefcount(None), sys.getrefcount(True)
for _ in range(20000):
    m.index(0).data(Qt.ItemDataRole.DisplayRole)
    m.index(0).data(Qt.ItemDataRole.UserRole)
after = sys.getrefcount(None), sys.getrefcount(True)
print(after[0] - before[0], after[1] - before[1])
"""


def test_returning_none_from_a_model_keeps_reference_counts():
    env = {"QT_QPA_PLATFORM": "offscreen", "PATH": "/usr/bin:/bin"}
    done = subprocess.run([sys.executable, "-c", SCRIPT], capture_output=True, text=True, env=env)
    assert done.returncode == 0, done.stderr[-500:]
    none_drift, true_drift = (int(x) for x in done.stdout.split())
    assert abs(none_drift) < 100 and abs(true_drift) < 100
