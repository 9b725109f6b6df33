"""The ``gzexplorer`` command: the window by default, subcommands for headless work.

Errors are one line on stderr and a non-zero exit code, never a traceback.
Heavy imports (Qt, pandas) happen inside the subcommand that needs them.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from gzexplorer import __version__

EXIT_OK = 0
EXIT_INVALID = 1  # validate: the pack has problems
EXIT_USAGE = 2  # bad arguments, bad target, unknown theme ...


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="gzexplorer",
        description="Explore the Guizhou digital-transformation case study.",
    )
    parser.add_argument("--version", action="version", version=f"gzexplorer {__version__}")
    parser.add_argument("--data", metavar="PACK", help="data pack folder (default: built-in)")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    v = sub.add_parser("validate", help="check a data pack and print a summary or its problems")
    v.add_argument("pack", metavar="PACK", help="a data pack folder or its datapackage.json")
    return parser


def _cmd_validate(args: argparse.Namespace) -> int:
    from gzexplorer import model

    try:
        dataset = model.load(args.pack)
    except model.DataPackError as exc:
        for problem in exc.problems:
            print(problem, file=sys.stderr)
        return EXIT_INVALID
    print(f"{dataset.info.title}: valid data pack — {dataset.summary()}")
    return EXIT_OK


def _cmd_gui(args: argparse.Namespace) -> int:
    from gzexplorer.ui.app import run

    return run(args.data)


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    commands = {"validate": _cmd_validate, None: _cmd_gui}
    try:
        return commands[args.command](args)
    except KeyboardInterrupt:
        return 130
    except OSError as exc:
        print(
            f"gzexplorer: {exc.strerror or exc}: {exc.filename or ''}".rstrip(": "), file=sys.stderr
        )
        return EXIT_USAGE
