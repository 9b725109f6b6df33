"""The interface's language and colour scheme: applied to the application, kept in
the settings, and announced so that the window can put its words and colours right."""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QGuiApplication

from gzexplorer.charts.context import ChartContext
from gzexplorer.ui import i18n
from gzexplorer.ui.appearance import SCHEMES, apply_scheme, system_prefers_dark
from gzexplorer.ui.settings import Settings


class Look(QObject):
    languageChanged = Signal(str)  # the language now in use
    schemeChanged = Signal(bool)  # dark or not

    def __init__(self, settings: Settings, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.settings = settings
        self.wanted = self._wanted(self.language_choice())  # the language asked for ...
        self.missing = i18n.unavailable(self.wanted)  # ... and why it is not in use, if not
        self.language = i18n.apply(self.wanted)
        self.scheme = self.settings.get("ui/scheme", str, "system")
        if self.scheme not in SCHEMES:
            self.scheme = "system"
        self.desktop_dark = system_prefers_dark()  # then as Qt reports changes
        self.dark = apply_scheme(self.scheme, self.desktop_dark)
        QGuiApplication.styleHints().colorSchemeChanged.connect(self.follow_desktop)

    @property
    def context(self) -> ChartContext:
        """How charts, cards and tables word things in the language now in use."""
        return i18n.chart_context(self.language)

    def language_choice(self) -> str:
        """What the user chose: a language code, or "system"."""
        return self.settings.get("ui/language", str, "system")

    @staticmethod
    def _wanted(code: str) -> str:
        """The language for a choice: the system's for "system" and for a code that no
        language has (a garbled setting)."""
        return code if code in i18n.languages() else i18n.system_language()

    def set_language(self, code: str) -> bool:
        """Switch to ``code`` (or "system"); False when it had to stay English (the
        translation or a font for it is missing: :attr:`missing` says which)."""
        self.settings.set("ui/language", code)
        self.wanted = self._wanted(code)
        self.missing = i18n.unavailable(self.wanted)
        self.language = i18n.apply(self.wanted)
        self.languageChanged.emit(self.language)
        return self.language == self.wanted

    def set_scheme(self, scheme: str) -> None:
        """ "system", "light" or "dark"."""
        self.scheme = scheme if scheme in SCHEMES else "system"
        self.settings.set("ui/scheme", self.scheme)
        self.dark = apply_scheme(self.scheme, self.desktop_dark)
        self.schemeChanged.emit(self.dark)

    def follow_desktop(self, scheme: Qt.ColorScheme) -> None:
        """The desktop changed its colour scheme (Qt's signal): follow it if the user
        chose to."""
        if scheme == Qt.ColorScheme.Unknown:
            return
        self.desktop_dark = scheme == Qt.ColorScheme.Dark
        if self.scheme == "system" and self.dark != self.desktop_dark:
            self.set_scheme("system")
