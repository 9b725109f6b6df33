"""Starting the desktop app."""

from __future__ import annotations

import sys

from gzexplorer.ui.application import dispose, make_app, missing_xcb_packages


def run(data: str | None = None) -> int:
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
    from gzexplorer import model
    from gzexplorer.paths import builtin_pack
    from gzexplorer.ui.main_window import MainWindow

    problem = None
    dataset = None
    if data:
        try:
            dataset = model.load(data)
        except model.DataPackError as exc:
            problem = exc
            for p in exc.problems:
                print(p, file=sys.stderr)
    if dataset is None:
        dataset = model.load(builtin_pack())
    from gzexplorer.ui.error_hook import ErrorHook

    hook = ErrorHook().install()
    window = MainWindow(dataset)
    window.show()
    if problem is not None:
        window.show_pack_problems(str(data), problem)
    code = app.exec()
    dispose(window)
    hook.uninstall()
    return code
