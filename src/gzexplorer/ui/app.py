"""Starting the desktop app."""

from __future__ import annotations

import sys

from gzexplorer.ui.application import (
    dispose,
    make_app,
    missing_xcb_packages,
    no_display_reason,
)

EXIT_NO_DISPLAY = 2


def run(data: str | None = None) -> int:
    reason = no_display_reason()
    if reason:  # said plainly here: Qt would abort (SIGABRT) with a misleading hint
        print(
            f"gzexplorer: cannot open a window: {reason}. The commands gzexplorer export, "
            "screenshot and validate work without a display; over SSH connect with ssh -X, "
            "or run the window on a virtual display with xvfb-run gzexplorer.",
            file=sys.stderr,
        )
        return EXIT_NO_DISPLAY
    missing = missing_xcb_packages()
    if missing:
        print(
            "gzexplorer: cannot open a window: Qt's X11 platform plugin (xcb) needs system "
            f"libraries that are not installed. Install them with:\n"
            f"  sudo apt-get install {' '.join(missing)}",
            file=sys.stderr,
        )
        return 1
    app = make_app()
    from gzexplorer.model.preview import preview
    from gzexplorer.paths import builtin_pack
    from gzexplorer.ui.error_hook import ErrorHook
    from gzexplorer.ui.main_window import MainWindow
    from gzexplorer.ui.startup import FirstPaint, PackLoader

    hook = ErrorHook().install()
    builtin = builtin_pack()
    window = MainWindow(preview(data or builtin) or preview(builtin))
    if window.look.missing:  # the system's language, without its translation or a font
        window.statusBar().showMessage(
            window.dialogs.language_note(window.look.wanted, window.look.missing)
        )
    loader = PackLoader(data or builtin, window.look.context)

    def failed(problem) -> None:
        for p in problem.problems:
            print(p, file=sys.stderr)
        window.dialogs.pack_problems(str(data), problem)
        if loader.path != builtin:  # fall back to the built-in pack
            loader.path = builtin
            loader.start()

    loader.chartsImportable.connect(window.attach_charts)
    loader.loaded.connect(window.set_dataset)
    loader.failed.connect(failed)

    def painted() -> None:
        loader.start()

    FirstPaint(window, painted)
    window.show()
    code = app.exec()
    dispose(window)
    hook.uninstall()
    return code
