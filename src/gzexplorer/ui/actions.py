"""The window's menus and actions: made once, their words set again in place when the
language changes (:meth:`WindowActions.retranslate`), the view entries refilled when
another pack is opened (:meth:`WindowActions.set_views`)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QMenu

from gzexplorer.markup import no_mnemonic
from gzexplorer.ui import i18n
from gzexplorer.ui.appearance import SCHEMES

if TYPE_CHECKING:
    from gzexplorer.ui.main_window import MainWindow

Keys = str | QKeySequence.StandardKey


class WindowActions(QObject):
    """Every action of the window, grouped in its menu bar. Slots are the window's."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        w = window
        self.open = self._make(w.open_pack_dialog, QKeySequence.StandardKey.Open)
        self.open_file = self._make(w.packs.choose_file, "Ctrl+Shift+O")
        self.save_pack = self._make(lambda: w.packs.save_as(w.dataset))
        self.export = self._make(w.export_chart, "Ctrl+E")
        self.export_bundle = self._make(w.export_bundle)
        self.export_brief = self._make(w.export_brief)
        self.copy_image = self._make(w.copy_chart_image, "Ctrl+Shift+C")
        self.quit = self._make(w.close, QKeySequence.StandardKey.Quit)
        self.table = self._make(w.set_table_page, "Ctrl+T", checkable=True)
        self.description = self._make(w.set_description_shown, checkable=True)
        self.reset = self._make(w.reset_chart_view, "Ctrl+0")
        self.next_chart = self._make(lambda: w.step_chart(1), "Ctrl+PgDown")
        self.prev_chart = self._make(lambda: w.step_chart(-1), "Ctrl+PgUp")
        self.search = self._make(w.focus_search, QKeySequence.StandardKey.Find)
        self.toggle_dark = self._make(w.toggle_dark, "Ctrl+Shift+D")
        self.sources = self._make(lambda: w.dialogs.sources(w.dataset))
        self.cite = self._make(lambda: w.cite(chart=False))
        self.pack_report = self._make(lambda: w.dialogs.pack_report(w.dataset))
        self.about = self._make(w.dialogs.about)

        bar = w.menuBar()
        self.file_menu = bar.addMenu("")
        for a in (
            self.open,
            self.open_file,
            self.save_pack,
            None,
            self.export,
            self.export_bundle,
            self.export_brief,
            self.copy_image,
            None,
            self.quit,
        ):
            self.file_menu.addSeparator() if a is None else self.file_menu.addAction(a)
        self.view_menu = bar.addMenu("")
        self.language_menu = QMenu(w)
        self.languages = self._choices(
            self.language_menu, ["system", *i18n.languages()], w.set_language
        )
        self.scheme_menu = QMenu(w)
        self.schemes = self._choices(self.scheme_menu, list(SCHEMES), w.set_scheme)
        self.help_menu = bar.addMenu("")
        for a in (self.cite, self.sources, self.pack_report, self.about):
            self.help_menu.addAction(a)
        self._view_actions: list[QAction] = []
        self.retranslate()

    def _make(self, slot: Callable, keys: Keys | None = None, checkable: bool = False) -> QAction:
        action = QAction(self.window, checkable=checkable)
        if keys is not None:
            action.setShortcut(QKeySequence(keys))
        action.triggered.connect(slot)  # a checkable action passes its new state
        self.window.addAction(action)  # its shortcut works wherever the focus is
        return action

    def _choices(self, menu: QMenu, codes: list[str], choose: Callable) -> dict[str, QAction]:
        group = QActionGroup(menu)
        actions = {}
        for code in codes:
            action = QAction(menu, checkable=True)
            action.setData(code)
            action.triggered.connect(lambda _checked=False, c=code: choose(c))
            group.addAction(action)
            menu.addAction(action)
            actions[code] = action
        return actions

    def set_views(self, views: list[tuple[str, str]]) -> None:
        """The View menu: one entry per view (Ctrl+1 …), then the chart and display ones."""
        for action in self._view_actions:
            self.window.removeAction(action)
            action.deleteLater()
        self._view_actions = []
        menu = self.view_menu
        menu.clear()
        for i, (vid, name) in enumerate(views):
            action = QAction(no_mnemonic(name), self.window)
            if i < 9:
                action.setShortcut(QKeySequence(f"Ctrl+{i + 1}"))
            action.triggered.connect(lambda _checked=False, v=vid: self.window.show_view(v))
            self.window.addAction(action)
            self._view_actions.append(action)
            menu.addAction(action)
        menu.addSeparator()
        chart = (self.table, self.description, self.reset, self.next_chart, self.prev_chart)
        for a in (*chart, None, self.search):
            menu.addSeparator() if a is None else menu.addAction(a)
        menu.addSeparator()
        menu.addMenu(self.language_menu)
        menu.addMenu(self.scheme_menu)
        menu.addAction(self.toggle_dark)

    def check(self, language: str, scheme: str) -> None:
        """Tick the chosen language (or "system") and colour scheme."""
        for code, action in self.languages.items():
            action.setChecked(code == language)
        for code, action in self.schemes.items():
            action.setChecked(code == scheme)

    def retranslate(self) -> None:
        self.file_menu.setTitle(self.tr("&File"))
        self.view_menu.setTitle(self.tr("&View"))
        self.help_menu.setTitle(self.tr("&Help"))
        self.language_menu.setTitle(self.tr("&Language"))
        self.scheme_menu.setTitle(self.tr("&Appearance"))
        for action, text, tip in (
            (
                self.open,
                self.tr("&Open data pack…"),
                self.tr("Open another data pack of the same format"),
            ),
            (
                self.open_file,
                self.tr("Open data pack &file…"),
                self.tr("Open a data pack saved as one .zip file, or its datapackage.json"),
            ),
            (
                self.save_pack,
                self.tr("&Save pack as…"),
                self.tr("Save the open data pack as one .zip file"),
            ),
            (
                self.export,
                self.tr("&Export chart…"),
                self.tr("Export the chart as PNG, SVG or CSV"),
            ),
            (
                self.export_bundle,
                self.tr("Export data &bundle (.zip)…"),
                self.tr("Export the chart's or its theme's data, sources and passages as one .zip"),
            ),
            (
                self.export_brief,
                self.tr("Export brief (&PDF)…"),
                self.tr(
                    "Export this theme or every theme as a PDF brief: charts, figures, passages"
                ),
            ),
            (
                self.copy_image,
                self.tr("Copy chart &image"),
                self.tr("Copy the chart to the clipboard as an image"),
            ),
            (self.quit, self.tr("&Quit"), ""),
            (self.table, self.tr("Show &table"), self.tr("Show the chart's data as a table")),
            (
                self.description,
                self.tr("Show &description"),
                self.tr("Show a description of the chart in words"),
            ),
            (self.reset, self.tr("&Reset view"), self.tr("Show the whole chart again")),
            (self.next_chart, self.tr("&Next chart"), ""),
            (self.prev_chart, self.tr("&Previous chart"), ""),
            (self.search, self.tr("&Find in document"), ""),
            (self.toggle_dark, self.tr("&Dark mode"), self.tr("Switch between light and dark")),
            (
                self.cite,
                self.tr("&Cite…"),
                self.tr("How to cite the document: APA, Chicago, BibTeX, RIS, CSL-JSON"),
            ),
            (self.sources, self.tr("&Sources"), ""),
            (self.pack_report, self.tr("&Pack report"), ""),
            (self.about, self.tr("&About gzexplorer"), ""),
        ):
            action.setText(text)
            action.setStatusTip(tip)
        for code, action in self.languages.items():
            action.setText(
                self.tr("System default")
                if code == "system"
                else i18n.LANGUAGE_NAMES.get(code, code)
            )
        names = {
            "system": self.tr("Follow the system"),
            "light": self.tr("Light"),
            "dark": self.tr("Dark"),
        }
        for code, action in self.schemes.items():
            action.setText(names[code])
