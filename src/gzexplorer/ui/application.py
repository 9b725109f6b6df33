"""Creating the QApplication: platform choice, style, message filtering, clean exit."""

from __future__ import annotations

import os
import sys

from PySide6.QtCore import QCoreApplication, QtMsgType, qInstallMessageHandler
from PySide6.QtWidgets import QApplication

# Qt's xcb platform plugin needs these (Qt's own list); Debian package names.
XCB_LIBRARIES = {
    "xcb-icccm": "libxcb-icccm4",
    "xcb-keysyms": "libxcb-keysyms1",
    "xcb-cursor": "libxcb-cursor0",
    "xcb-image": "libxcb-image0",
    "xcb-render-util": "libxcb-render-util0",
    "xkbcommon-x11": "libxkbcommon-x11-0",
    "xcb-shape": "libxcb-shape0",
    "xcb-xkb": "libxcb-xkb1",
}

_IGNORED_MESSAGES = ("This plugin does not support propagateSizeHints()",)


def has_display() -> bool:
    return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


def use_offscreen_if_headless() -> None:
    """Headless subcommands: render offscreen when no display is available."""
    if not os.environ.get("QT_QPA_PLATFORM") and not has_display():
        os.environ["QT_QPA_PLATFORM"] = "offscreen"


def missing_xcb_packages() -> list[str]:
    """Debian packages whose libraries the X11 plugin needs but cannot find."""
    platform = os.environ.get("QT_QPA_PLATFORM", "")
    if sys.platform != "linux" or platform not in ("", "xcb") or not os.environ.get("DISPLAY"):
        return []
    if os.environ.get("WAYLAND_DISPLAY") and platform != "xcb":
        return []
    import ctypes.util  # imports subprocess: only when a window on X11 is asked for

    return [pkg for lib, pkg in XCB_LIBRARIES.items() if ctypes.util.find_library(lib) is None]


def _message_handler(kind: QtMsgType, context, message: str) -> None:
    if any(m in message for m in _IGNORED_MESSAGES):
        return
    sys.stderr.write(f"{message}\n")


def make_app(argv: list[str] | None = None) -> QApplication:
    app = QApplication.instance()
    if app is None:
        qInstallMessageHandler(_message_handler)
        QCoreApplication.setOrganizationName("gzexplorer")
        QCoreApplication.setApplicationName("gzexplorer")
        # Fusion named on Qt's command line: setStyle() would return the QStyle, whose
        # enums PySide then builds in the first frame (see ui/lazy_qt.py)
        program = (argv or sys.argv)[:1] or ["gzexplorer"]  # Qt skips argv[0]
        app = QApplication([*program, *(argv or [])[1:], "-style", "Fusion"])
        app.setDesktopFileName("gzexplorer")
    return app  # type: ignore[return-value]


def dispose(widget) -> None:
    """Delete a top-level widget before the interpreter exits.

    pyqtgraph items still alive at interpreter shutdown can crash PySide6's
    finalisation; deleting the window first avoids it.
    """
    import gc

    widget.hide()
    widget.deleteLater()
    QApplication.sendPostedEvents(None, 0)
    QApplication.processEvents()
    gc.collect()
