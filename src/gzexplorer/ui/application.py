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

_IGNORED_MESSAGES = (
    "This plugin does not support propagateSizeHints()",
    # Qt looking through every font for a script none of them has (a passage in
    # Devanagari, say, on a machine without an Indic font): one line per font
    "OpenType support missing for",
)


def has_display() -> bool:
    return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


def use_offscreen_if_headless() -> None:
    """Headless subcommands: render offscreen when no display is available."""
    if not os.environ.get("QT_QPA_PLATFORM") and not has_display():
        os.environ["QT_QPA_PLATFORM"] = "offscreen"


def no_display_reason() -> str:
    """Why the window cannot be shown on any display ("" if it can, or if that is not
    for us to tell: another platform asked for, not Linux)."""
    platform = os.environ.get("QT_QPA_PLATFORM", "")
    if sys.platform != "linux" or platform not in ("", "xcb", "wayland"):
        return ""
    x11, wayland = os.environ.get("DISPLAY", ""), os.environ.get("WAYLAND_DISPLAY", "")
    if wayland and platform != "xcb" and _wayland_socket(wayland).exists():
        return ""
    if x11:
        return "" if _x11_reachable(x11) else f"the X display {x11} cannot be reached"
    if wayland:
        return f"the Wayland display {wayland} cannot be reached"
    return "no display is set (DISPLAY and WAYLAND_DISPLAY are empty)"


def _wayland_socket(name: str):
    from pathlib import Path

    return (
        Path(name) if name.startswith("/") else Path(os.environ.get("XDG_RUNTIME_DIR", "/")) / name
    )


def _x11_reachable(display: str) -> bool:
    """Whether an X server answers at ``display``, asked through libxcb (which Qt's X11
    plugin uses); True when libxcb itself is missing, so that the missing libraries are
    named instead."""
    import ctypes
    import ctypes.util

    name = ctypes.util.find_library("xcb")
    if name is None:
        return True
    xcb = ctypes.CDLL(name)
    xcb.xcb_connect.restype = ctypes.c_void_p
    xcb.xcb_connect.argtypes = [ctypes.c_char_p, ctypes.c_void_p]
    xcb.xcb_connection_has_error.argtypes = [ctypes.c_void_p]
    xcb.xcb_disconnect.argtypes = [ctypes.c_void_p]
    connection = xcb.xcb_connect(display.encode(), None)
    try:
        return xcb.xcb_connection_has_error(connection) == 0
    finally:
        xcb.xcb_disconnect(connection)


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
        program = (argv or sys.argv)[:1] or ["gzexplorer"]  # Qt skips argv[0]
        app = QApplication([*program, *(argv or [])[1:]])
        app.setStyle("Fusion")
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
