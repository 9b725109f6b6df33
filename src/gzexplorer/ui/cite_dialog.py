"""Help › Cite… and the chart's Cite button: the document's reference (and the chart's)
in APA, Chicago, BibTeX, RIS and CSL-JSON, each with a Copy button. The text comes
from :mod:`gzexplorer.cite`; the dialog only shows it."""

from __future__ import annotations

from PySide6.QtCore import QMimeData, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from gzexplorer import cite

TEXT_FORMATS = ("apa", "chicago")  # shown and copied with the title in italics


class CiteBox(QGroupBox):
    """One citation (the document's or the chart's) in the chosen format, with Copy."""

    def __init__(self, ref: cite.Reference, chart: cite.ChartCitation | None, parent: QWidget):
        super().__init__(parent)
        self._ref, self._chart = ref, chart
        self._fmt = "apa"
        self.text = QTextBrowser(self)
        self.text.setOpenExternalLinks(False)
        self.text.setMinimumHeight(90)
        self.copy_button = QPushButton(self)
        self.copy_button.clicked.connect(self.copy)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.copy_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.text, 1)
        layout.addLayout(row)

    def show_format(self, fmt: str) -> None:
        self._fmt = fmt
        self.text.setHtml(cite.cite(self._ref, fmt, self._chart, html=True))

    def plain(self) -> str:
        return cite.cite(self._ref, self._fmt, self._chart)

    def copy(self) -> None:
        """To the clipboard: plain text, and HTML (the title in italics) for APA and
        Chicago, so that a word processor keeps the italics."""
        data = QMimeData()
        data.setText(self.plain())
        if self._fmt in TEXT_FORMATS:
            data.setHtml(cite.cite(self._ref, self._fmt, self._chart, html=True))
        QGuiApplication.clipboard().setMimeData(data)
        self.copy_button.setText(self.tr("Copied"))


class CiteDialog(QDialog):
    """The citations of the document and, when given, of a chart."""

    def __init__(
        self,
        ref: cite.Reference,
        chart: cite.ChartCitation | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("citeDialog")
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.format = QComboBox(self, objectName="citeFormat")
        for fmt in cite.FORMATS:
            self.format.addItem(cite.FORMAT_NAMES[fmt], fmt)
        self.format.currentIndexChanged.connect(self._show)
        self.chart_box = CiteBox(ref, chart, self) if chart is not None else None
        self.document_box = CiteBox(ref, None, self)
        form = QFormLayout()
        self.format_label = QLabel(self)
        self.format_label.setBuddy(self.format)
        form.addRow(self.format_label, self.format)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        if self.chart_box is not None:
            layout.addWidget(self.chart_box, 1)
        layout.addWidget(self.document_box, 1)
        self.note = QLabel(self)
        self.note.setWordWrap(True)
        layout.addWidget(self.note)
        layout.addWidget(buttons)
        self.resize(640, 480 if chart is not None else 320)
        self.retranslate()
        self._show()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Cite"))
        self.format_label.setText(self.tr("&Format:"))
        self.format.setAccessibleName(self.tr("Citation format"))
        self.document_box.setTitle(self.tr("The document"))
        if self.chart_box is not None:
            self.chart_box.setTitle(self.tr("This chart"))
        for box, what in (
            (self.document_box, self.tr("Copy the citation of the document")),
            (self.chart_box, self.tr("Copy the citation of the chart")),
        ):
            if box is not None:
                box.copy_button.setText(self.tr("Copy"))
                box.copy_button.setAccessibleName(what)
                box.text.setAccessibleName(box.title())
        self.note.setText(
            self.tr(
                "BibTeX, RIS and CSL-JSON can be imported into a reference manager "
                "(Zotero, EndNote, JabRef …). The chart's citation names the passages "
                "its numbers come from and the version of the data pack."
            )
        )

    def _show(self) -> None:
        fmt = self.format.currentData()
        for box in (self.chart_box, self.document_box):
            if box is not None:
                box.show_format(fmt)
                box.copy_button.setText(self.tr("Copy"))
