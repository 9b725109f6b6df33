"""PyInstaller runtime hook of the gzexplorer bundle: run Wayland sessions through XWayland.

The bundle ships Qt's xcb platform plugin but not the Wayland one (see gzexplorer.spec).
In a Wayland session Qt tries "wayland" first and, not finding it, prints
'Could not find the Qt platform plugin "wayland"' before falling back to xcb. Choosing
xcb up front when an X server (XWayland) is there avoids that message. Without a display,
nothing is set, so the headless subcommands still pick the offscreen platform.
"""

import os
import sys

if (
    sys.platform.startswith("linux")
    and not os.environ.get("QT_QPA_PLATFORM")
    and os.environ.get("WAYLAND_DISPLAY")
    and os.environ.get("DISPLAY")
):
    os.environ["QT_QPA_PLATFORM"] = "xcb"
