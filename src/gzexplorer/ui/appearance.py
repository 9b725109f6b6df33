"""Light and dark: palettes, following the system, and WCAG contrast checks."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication

SCHEMES = ("system", "light", "dark")

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
    pal = QApplication.style().standardPalette()
    # Fusion's placeholder grey is too faint for WCAG AA on white; use a darker one
    pal.setColor(QPalette.ColorRole.PlaceholderText, QColor("#5F6368"))
    # and its selection blue gives white text only 3.7:1; this one gives 6.2:1
    for group in (QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive):
        pal.setColor(group, QPalette.ColorRole.Highlight, QColor("#1F5FA6"))
        pal.setColor(group, QPalette.ColorRole.HighlightedText, QColor("#FFFFFF"))
    return pal


def system_prefers_dark() -> bool:
    return QGuiApplication.styleHints().colorScheme() == Qt.ColorScheme.Dark


def apply_scheme(scheme: str) -> bool:
    """Set the application palette for "system", "light" or "dark"; True when dark."""
    dark = scheme == "dark" or (scheme == "system" and system_prefers_dark())
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
