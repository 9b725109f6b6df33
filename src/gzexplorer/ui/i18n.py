"""Interface languages: Qt translators for the app, Qt's own dialogs and the charts."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLocale, QTranslator

from gzexplorer.charts import i18n as chart_i18n
from gzexplorer.charts.context import ChartContext
from gzexplorer.paths import resources_dir

ENGLISH = "en"
# the languages gzexplorer is translated into (resources/i18n/gzexplorer_<code>.ts),
# each named in its own language
LANGUAGE_NAMES = {"en": "English", "zh_CN": "简体中文"}

# why an interface language cannot be had (see unavailable())
NO_TRANSLATION = "translation"
NO_FONT = "font"

_installed: list[QTranslator] = []


def translation_file(code: str) -> Path:
    """Where the compiled translation of ``code`` is looked for: gzexplorer_<code>.qm in
    resources/i18n, built from the .ts beside it by `make translations` or by the
    package build (packaging/hatch_build.py)."""
    return resources_dir() / "i18n" / f"gzexplorer_{code}.qm"


def available() -> list[str]:
    """English plus every language with a compiled translation in resources/i18n."""
    folder = resources_dir() / "i18n"
    found = sorted(p.stem.removeprefix("gzexplorer_") for p in folder.glob("gzexplorer_*.qm"))
    return [ENGLISH] + [c for c in found if c != ENGLISH]


def languages() -> list[str]:
    """English and every language gzexplorer is translated into, whether its compiled
    translation is installed or not (choosing one that is not says so)."""
    found = set(LANGUAGE_NAMES) | set(available())
    return [ENGLISH] + sorted(found - {ENGLISH})


def system_language() -> str:
    """The language of the system's locale, if gzexplorer is translated into it."""
    name = QLocale.system().name()  # e.g. zh_CN
    for code in languages():
        if code == name or (code != ENGLISH and code.split("_")[0] == name.split("_")[0]):
            return code
    return ENGLISH


def unavailable(code: str) -> str:
    """Why the interface cannot be in ``code``: NO_TRANSLATION when its compiled
    translation is not installed, NO_FONT when no installed font can show it; "" when
    it can."""
    if code == ENGLISH:
        return ""
    if not translation_file(code).is_file():
        return NO_TRANSLATION
    if not has_font_for(code):
        return NO_FONT
    return ""


def has_font_for(code: str) -> bool:
    """Whether an installed font can show the language (CJK needs its own fonts)."""
    if code.startswith("zh"):
        from PySide6.QtGui import QFontDatabase  # its Python enums cost the English start

        return bool(QFontDatabase.families(QFontDatabase.WritingSystem.SimplifiedChinese))
    return True


def apply(code: str) -> str:
    """Switch the interface to ``code``; returns the language now in use.

    Falls back to English when the translation is missing or no installed font
    can show it (Chinese without a CJK font would draw empty boxes): the caller
    says so, with :func:`unavailable`.
    """
    app = QCoreApplication.instance()
    for t in _installed:
        app.removeTranslator(t)
    _installed.clear()
    chart_i18n.set_translator(QCoreApplication.translate)
    if unavailable(code):
        code = ENGLISH
    if code != ENGLISH:
        ours = QTranslator()
        if ours.load(str(translation_file(code))):
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
