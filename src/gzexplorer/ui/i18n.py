"""Interface languages: Qt translators for the app, Qt's own dialogs and the charts."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLocale, QTranslator

from gzexplorer.charts import i18n as chart_i18n
from gzexplorer.charts.context import ChartContext
from gzexplorer.paths import resources_dir

ENGLISH = "en"
LANGUAGE_NAMES = {"en": "English", "zh_CN": "简体中文"}  # each in its own language

_installed: list[QTranslator] = []


def available() -> list[str]:
    """English plus every language with a compiled translation in resources/i18n."""
    folder = resources_dir() / "i18n"
    found = sorted(p.stem.removeprefix("gzexplorer_") for p in folder.glob("gzexplorer_*.qm"))
    return [ENGLISH] + [c for c in found if c != ENGLISH]


def system_language() -> str:
    name = QLocale.system().name()  # e.g. zh_CN
    for code in available():
        if code == name or (code != ENGLISH and code.split("_")[0] == name.split("_")[0]):
            return code
    return ENGLISH


def has_font_for(code: str) -> bool:
    """Whether an installed font can show the language (CJK needs its own fonts)."""
    if code.startswith("zh"):
        from PySide6.QtGui import QFontDatabase  # its Python enums cost the English start

        return bool(QFontDatabase.families(QFontDatabase.WritingSystem.SimplifiedChinese))
    return True


def apply(code: str) -> str:
    """Switch the interface to ``code``; returns the language now in use.

    Falls back to English when the translation is missing or no installed font
    can show it (Chinese without a CJK font would draw empty boxes).
    """
    app = QCoreApplication.instance()
    for t in _installed:
        app.removeTranslator(t)
    _installed.clear()
    chart_i18n.set_translator(QCoreApplication.translate)
    if code != ENGLISH and (code not in available() or not has_font_for(code)):
        code = ENGLISH
    if code != ENGLISH:
        ours = QTranslator()
        if ours.load(str(resources_dir() / "i18n" / f"gzexplorer_{code}.qm")):
            _installed.append(ours)
        from PySide6.QtCore import QLibraryInfo

        qt = QTranslator()
        qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        if qt.load(f"qtbase_{code}", qt_dir):
            _installed.append(qt)
        for t in _installed:
            app.installTranslator(t)
    QLocale.setDefault(QLocale(code if code != ENGLISH else "en_GB"))
    return code


def chart_context(code: str) -> ChartContext:
    """How charts, cards and tables word things in language ``code``: the pack's
    names in that language, numbers written as the default locale writes them."""
    locale = QLocale()
    return ChartContext(
        language="" if code == ENGLISH else code,
        decimal_point=locale.decimalPoint(),
        group_separator=locale.groupSeparator(),
    )
