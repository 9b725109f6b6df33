"""Light and dark: palettes, following the system, and WCAG contrast checks."""

from __future__ import annotations

from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication

SCHEMES = ("system", "light", "dark")

# Fusion's light palette, with a darker placeholder grey (Fusion's is too faint for WCAG
# AA on white) and a darker selection blue (white text on Fusion's gets 3.7:1, on this
# one 6.2:1). Written out because Fusion's standardPalette() turns dark with the desktop,
# and "light" must stay light; a test compares it with Fusion's own light palette.
_LIGHT = {
    QPalette.ColorRole.Window: "#EFEFEF",
    QPalette.ColorRole.WindowText: "#000000",
    QPalette.ColorRole.Base: "#FFFFFF",
    QPalette.ColorRole.AlternateBase: "#F7F7F7",
    QPalette.ColorRole.ToolTipBase: "#FFFFDC",
    QPalette.ColorRole.ToolTipText: "#000000",
    QPalette.ColorRole.PlaceholderText: "#5F6368",
    QPalette.ColorRole.Text: "#000000",
    QPalette.ColorRole.Button: "#EFEFEF",
    QPalette.ColorRole.ButtonText: "#000000",
    QPalette.ColorRole.BrightText: "#FFFFFF",
    QPalette.ColorRole.Light: "#FFFFFF",
    QPalette.ColorRole.Midlight: "#CACACA",
    QPalette.ColorRole.Mid: "#B8B8B8",
    QPalette.ColorRole.Dark: "#9F9F9F",
    QPalette.ColorRole.Shadow: "#767676",
    QPalette.ColorRole.Highlight: "#1F5FA6",
    QPalette.ColorRole.HighlightedText: "#FFFFFF",
    QPalette.ColorRole.Link: "#0000FF",
    QPalette.ColorRole.LinkVisited: "#FF00FF",
    QPalette.ColorRole.Accent: "#308CC6",
}
_LIGHT_DISABLED = {
    QPalette.ColorRole.WindowText: "#BEBEBE",
    QPalette.ColorRole.Text: "#BEBEBE",
    QPalette.ColorRole.ButtonText: "#BEBEBE",
    QPalette.ColorRole.Dark: "#BEBEBE",
    QPalette.ColorRole.Base: "#EFEFEF",
    QPalette.ColorRole.Shadow: "#B1B1B1",
    QPalette.ColorRole.Highlight: "#919191",
    QPalette.ColorRole.Accent: "#919191",
}

_DARK = {
    QPalette.ColorRole.Window: "#2B2D30",
    QPalette.ColorRole.WindowText: "#E8E8E8",
    QPalette.ColorRole.Base: "#1E1F22",
    QPalette.ColorRole.AlternateBase: "#26282B",
    QPalette.ColorRole.ToolTipBase: "#3C3F41",
    QPalette.ColorRole.ToolTipText: "#F0F0F0",
    QPalette.ColorRole.PlaceholderText: "#A9A9A9",
    QPalette.ColorRole.Text: "#E8E8E8",
    QPalette.ColorRole.Button: "#35373B",
    QPalette.ColorRole.ButtonText: "#E8E8E8",
    QPalette.ColorRole.BrightText: "#FF6B6B",
    QPalette.ColorRole.Light: "#4A4D51",
    QPalette.ColorRole.Midlight: "#3E4044",
    QPalette.ColorRole.Mid: "#55585C",
    QPalette.ColorRole.Dark: "#18191B",
    QPalette.ColorRole.Shadow: "#000000",
    QPalette.ColorRole.Highlight: "#2F65CA",
    QPalette.ColorRole.HighlightedText: "#FFFFFF",
    QPalette.ColorRole.Link: "#7AB7FF",
    QPalette.ColorRole.LinkVisited: "#C39BFF",
}


def dark_palette() -> QPalette:
    pal = QPalette()
    for role, color in _DARK.items():
        pal.setColor(role, QColor(color))
    for role in (
        QPalette.ColorRole.Text,
        QPalette.ColorRole.WindowText,
        QPalette.ColorRole.ButtonText,
    ):
        pal.setColor(QPalette.ColorGroup.Disabled, role, QColor("#7D7F82"))
    return pal


def light_palette() -> QPalette:
    pal = QPalette()
    for role, color in _LIGHT.items():
        pal.setColor(role, QColor(color))
    for role, color in _LIGHT_DISABLED.items():
        pal.setColor(QPalette.ColorGroup.Disabled, role, QColor(color))
    return pal


_desktop_palette_dark: bool | None = None


def system_prefers_dark() -> bool:
    """Whether the desktop is dark: Qt's colour scheme where the platform reports one,
    else the desktop's own palette (read before this app's first palette replaces it)."""
    from PySide6.QtCore import Qt

    global _desktop_palette_dark
    if _desktop_palette_dark is None:
        _desktop_palette_dark = is_dark(QGuiApplication.palette())
    scheme = QGuiApplication.styleHints().colorScheme()
    if scheme == Qt.ColorScheme.Unknown:
        return _desktop_palette_dark
    return scheme == Qt.ColorScheme.Dark


def apply_scheme(scheme: str, desktop_dark: bool) -> bool:
    """Set the application palette for "system" (as the desktop: ``desktop_dark``),
    "light" or "dark"; True when dark."""
    dark = scheme == "dark" or (scheme == "system" and desktop_dark)
    QApplication.setPalette(dark_palette() if dark else light_palette())
    return dark


def is_dark(palette: QPalette) -> bool:
    return palette.color(QPalette.ColorRole.Window).lightness() < 128


def luminance(color: str | QColor) -> float:
    c = QColor(color)
    channels = []
    for v in (c.redF(), c.greenF(), c.blueF()):
        channels.append(v / 12.92 if v <= 0.04045 else ((v + 0.055) / 1.055) ** 2.4)
    r, g, b = channels
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast_ratio(a: str | QColor, b: str | QColor) -> float:
    """WCAG 2 contrast ratio, 1 to 21."""
    la, lb = sorted((luminance(a), luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)
