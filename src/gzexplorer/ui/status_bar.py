"""The window's status bar: the open pack's size at its right, and a short word about
what just happened (a pack opened, a chart element pointed at, a passage's links), and
beside the pack's size the live status: the last announcement, for a while."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QLabel, QStatusBar, QWidget

from gzexplorer.ui.live_status import LiveStatus

if TYPE_CHECKING:
    from gzexplorer.model import Dataset
    from gzexplorer.model.preview import PackPreview

TABLES = ("themes", "indicators", "observations", "figures", "milestones", "excerpts")


class StatusBar(QStatusBar):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.live = LiveStatus(self)  # what was just announced (ui/live_status.py)
        self.addPermanentWidget(self.live)
        self.pack_label = QLabel(objectName="packLabel")
        self.addPermanentWidget(self.pack_label)

    def show_pack_size(self, dataset: Dataset | PackPreview, ready: bool) -> None:
        """How many rows each of the pack's tables has; "Loading data…" until ``ready``
        (the full dataset, not only a preview, is shown)."""
        if not ready:
            self.pack_label.setText(self.tr("Loading data…"))
            return
        text = self.tr(
            "Themes %1 · indicators %2 · observations %3 · figures %4 · milestones %5 · passages %6"
        )
        for i, name in enumerate(TABLES, start=1):
            text = text.replace(f"%{i}", QLocale().toString(len(dataset.tables[name])))
        self.pack_label.setText(text)

    def pack_opened(self, dataset: Dataset) -> None:
        """A pack opened: its warnings, if any (the opening itself, with what the pack
        holds, is in the live status: announced by ui/accessibility.py)."""
        if dataset.warnings:
            count = str(len(dataset.warnings))
            self.showMessage(
                self.tr("warnings: %1 (Help › Pack report)").replace("%1", count), 8000
            )

    def show_mark(self, tooltip: str, timeout: int = 0) -> None:
        """A chart element's tooltip, on one line."""
        self.showMessage(tooltip.replace("\n", " · "), timeout)

    def passage_links(self, marks: int, cards: int) -> None:
        """How many chart elements and figure cards the selected passage is the source of."""
        self.showMessage(
            self.tr("This passage is the source of %1 chart element(s) and %2 figure card(s) here")
            .replace("%1", str(marks))
            .replace("%2", str(cards)),
            8000,
        )

    def chart_copied(self) -> None:
        self.showMessage(self.tr("Chart copied to the clipboard"), 4000)
