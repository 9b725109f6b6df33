"""The window's message boxes: the pack's sources, about, the pack report and the
problems of a pack that could not be opened."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QMessageBox, QWidget

from gzexplorer import __version__
from gzexplorer.markup import escape, plain
from gzexplorer.ui import i18n

if TYPE_CHECKING:
    from gzexplorer.model import DataPackError, Dataset
    from gzexplorer.model.preview import PackPreview


class Dialogs(QObject):
    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.parent_widget = parent

    def _box(self, name: str, title: str) -> QMessageBox:
        box = QMessageBox(self.parent_widget)
        box.setObjectName(name)
        box.setWindowTitle(title)
        box.setTextFormat(Qt.TextFormat.RichText)  # what comes from a pack is escaped
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        return box

    def sources(self, dataset: Dataset | PackPreview) -> None:
        info = dataset.info
        parts = [f"<h3>{escape(info.title)}</h3>"]
        if info.citation:
            parts.append(f"<p>{escape(info.citation)}</p>")
        if info.sources:
            parts.append("<p><b>" + self.tr("Sources") + "</b></p><ul>")
            parts += [f"<li>{escape(s)}</li>" for s in info.sources]
            parts.append("</ul>")
        if info.attribution:
            parts.append(f"<p>{escape(info.attribution)}</p>")
        if info.licenses:
            licences = escape("; ".join(info.licenses))
            parts.append("<p>" + self.tr("Licence: ") + licences + "</p>")
        parts.append(f"<p><small>{escape(str(dataset.folder))}</small></p>")
        box = self._box("sources", self.tr("Sources"))
        box.setIcon(QMessageBox.Icon.Information)
        box.setText("".join(parts))
        box.open()

    def about(self) -> None:
        QMessageBox.about(
            self.parent_widget,
            self.tr("About gzexplorer"),
            self.tr(
                "<h3>gzexplorer %1</h3><p>A desktop explorer for the case study "
                "<i>Leapfrogging with All-Round Digital Transformation in Guizhou</i>. "
                "Every figure leads back to the passage it comes from.</p>"
            ).replace("%1", __version__),
        )

    def pack_report(self, dataset: Dataset | PackPreview) -> None:
        """What validation found in the open pack: its warnings (a pack with errors
        does not open), or that there is nothing to report."""
        box = self._box("packReport", self.tr("Pack report"))
        title = escape(dataset.info.title)
        warnings = getattr(dataset, "warnings", [])
        if not dataset.complete:
            box.setText(self.tr("%s is still being checked.") % title)
        elif not warnings:
            box.setIcon(QMessageBox.Icon.Information)
            box.setText(
                self.tr(
                    "%s is valid: its schema, keys and the provenance of every number were "
                    "checked, and nothing looks wrong."
                )
                % title
            )
        else:
            box.setIcon(QMessageBox.Icon.Warning)
            text = self.tr(
                "%1 is valid. Warnings: %2. They name what is allowed but probably not meant."
            )
            box.setText(text.replace("%1", title).replace("%2", str(len(warnings))))
            self._lines(box, [str(w).removeprefix("warning: ") for w in warnings])
        box.open()

    def pack_problems(self, path: str, exc: DataPackError) -> None:
        box = self._box("packProblems", self.tr("Cannot open data pack"))
        box.setIcon(QMessageBox.Icon.Warning)
        box.setText(self.tr("The data pack at %s has problems and was not opened.") % escape(path))
        self._lines(box, [str(p) for p in exc.problems + exc.warnings])
        box.open()

    def language_note(self, code: str, missing: str) -> str:
        """One sentence: why the interface is not in ``code`` (``missing``: what
        i18n.unavailable says)."""
        name = i18n.LANGUAGE_NAMES.get(code, code)
        if missing == i18n.NO_FONT:
            return self.tr(
                "No installed font can show %1, so gzexplorer stays in English."
            ).replace("%1", name)
        return self.tr(
            "The %1 translation is not installed, so gzexplorer stays in English."
        ).replace("%1", name)

    def language_unavailable(self, code: str, missing: str) -> None:
        """The interface could not switch to ``code``: why, and what to install."""
        box = self._box("languageUnavailable", self.tr("Language"))
        box.setIcon(QMessageBox.Icon.Warning)
        box.setText(self.language_note(code, missing))
        if missing == i18n.NO_FONT:
            box.setInformativeText(
                self.tr(
                    "Install a font with Chinese characters; on Debian or Ubuntu: "
                    "sudo apt-get install fonts-wqy-microhei (or fonts-noto-cjk)."
                )
            )
        else:
            box.setInformativeText(
                self.tr(
                    "gzexplorer looks for it at %1. Installing gzexplorer with pip compiles "
                    "it, and so does “make translations” in a source folder."
                ).replace("%1", escape(str(i18n.translation_file(code))))
            )
        box.open()

    @staticmethod
    def _lines(box: QMessageBox, lines: list[str]) -> None:
        """The first eight lines shown, all of them under Show Details."""
        shown = "\n".join(lines[:8]) + ("\n…" if len(lines) > 8 else "")
        box.setInformativeText(plain(shown))
        box.setDetailedText("\n".join(lines))
