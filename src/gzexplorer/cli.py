"""The ``gzexplorer`` command: the window by default, subcommands for headless work.

Errors are one line on stderr and a non-zero exit code, never a traceback.
Heavy imports (Qt, pandas) happen inside the subcommand that needs them.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from types import SimpleNamespace
from typing import TYPE_CHECKING

from gzexplorer import __version__

if TYPE_CHECKING:
    import argparse

    from gzexplorer.charts.context import ChartContext

EXIT_OK = 0
EXIT_INVALID = 1  # validate: the pack has problems
EXIT_USAGE = 2  # bad arguments, bad target, unknown theme ...


def build_parser() -> argparse.ArgumentParser:
    import argparse  # here, not at the top: a plain launch never needs it (~10 ms)

    class _Parser(argparse.ArgumentParser):
        """Usage errors as one line on stderr (exit 2), like every other error."""

        def error(self, message: str):  # type: ignore[override]
            self.exit(EXIT_USAGE, f"gzexplorer: {message} (see {self.prog} --help)\n")

    parser = _Parser(
        prog="gzexplorer",
        description="Explore the Guizhou digital-transformation case study.",
    )
    parser.add_argument("--version", action="version", version=f"gzexplorer {__version__}")
    parser.add_argument(
        "--data", metavar="PACK", help="data pack folder or .zip (default: built-in)"
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    v = sub.add_parser(
        "validate",
        help="check a data pack (schema, keys, provenance) and print a summary or its problems",
    )
    v.add_argument(
        "pack", metavar="PACK", help="a data pack folder, its datapackage.json or a .zip of it"
    )
    v.add_argument("--json", action="store_true", help="print a machine-readable report")
    v.add_argument("--strict", action="store_true", help="treat warnings as errors")

    e = sub.add_parser(
        "export",
        help="export charts as PNG, SVG, CSV or a data bundle (.zip), or a theme's brief as "
        "PDF, without a window",
    )
    which = e.add_mutually_exclusive_group(required=True)
    which.add_argument("--theme", metavar="THEME", help="overview or a theme id")
    which.add_argument(
        "--all", action="store_true", help="every chart of every theme (zip: in one bundle)"
    )
    e.add_argument(
        "--chart", type=int, metavar="N", help="chart number in the theme (from 1; default 1)"
    )
    e.add_argument(
        "--whole-theme",
        action="store_true",
        help="zip: a bundle of every chart of --theme instead of one",
    )
    e.add_argument(
        "--format",
        choices=("png", "svg", "csv", "zip", "pdf"),
        help="default: from --out's extension; zip is a data bundle (CSV, datapackage.json, "
        "passages, README); pdf is a brief of the theme (or, with --all, of every theme)",
    )
    e.add_argument(
        "--out", required=True, metavar="FILE", help="output file (a folder with --all, but zip)"
    )
    e.add_argument("--width", type=int, metavar="W", help="pixels (default 1200)")
    e.add_argument("--height", type=int, metavar="H", help="pixels (default 750)")
    e.add_argument(
        "--preset",
        choices=("16:9", "4:3", "square"),
        help="slide size: 1920x1080, 1600x1200 or 1080x1080 (instead of --width/--height)",
    )
    e.add_argument(
        "--slides", action="store_true", help="larger type and lines, to read on a slide"
    )
    e.add_argument(
        "--page",
        choices=("a4", "letter"),
        default="a4",
        help="the PDF brief's page size (default a4)",
    )
    e.add_argument("--scale", type=float, default=1.0, metavar="S", help="pixel density, 1-4")
    e.add_argument("--transparent", action="store_true", help="PNG/SVG without a background")
    e.add_argument("--data", dest="sub_data", metavar="PACK", help="data pack (default: built-in)")
    e.add_argument("--language", default="en", metavar="LANG", help="en (default) or zh_CN")

    s = sub.add_parser("screenshot", help="render the main window at a theme to a PNG")
    s.add_argument("--theme", required=True, metavar="THEME", help="overview or a theme id")
    s.add_argument("--out", required=True, metavar="FILE.png")
    s.add_argument(
        "--size", default="1440x900", metavar="WxH", help="window size (default 1440x900)"
    )
    s.add_argument("--data", dest="sub_data", metavar="PACK", help="data pack (default: built-in)")
    s.add_argument("--language", default="en", metavar="LANG", help="en (default) or zh_CN")
    s.add_argument("--scheme", choices=("light", "dark"), default="light", help="colour scheme")
    s.add_argument("--table", action="store_true", help="show the chart's data as a table")

    c = sub.add_parser(
        "cite",
        help="print how to cite the document, or a chart of it",
        description="Cite the pack's document (or, with --theme, one of its charts) in APA "
        "or Chicago text, BibTeX, RIS or CSL-JSON.",
    )
    c.add_argument(
        "--format",
        choices=("apa", "chicago", "bibtex", "ris", "csl-json"),
        default="apa",
        help="default: apa",
    )
    c.add_argument("--theme", metavar="THEME", help="cite a chart of this theme (or overview)")
    c.add_argument(
        "--chart", type=int, metavar="N", help="chart number in the theme (from 1; default 1)"
    )
    c.add_argument("--data", dest="sub_data", metavar="PACK", help="data pack (default: built-in)")

    d = sub.add_parser(
        "draft",
        help="draft a data pack from a document (plain text, Markdown, HTML or PDF)",
        description="Read a document and write a draft data pack: its passages, tables, "
        "stated numbers and dated events, each row marked review=draft.",
    )
    d.add_argument("document", metavar="DOC", help="a .txt, .md, .html or .pdf file")
    d.add_argument("--out", required=True, metavar="PACK", help="the pack folder to write")
    d.add_argument("--title", metavar="T", help="the pack's title (default: the document's)")
    d.add_argument(
        "--themes",
        metavar="A,B,C",
        help="theme ids (default: economy,governance,ecology,culture); keywords in "
        "~/.config/gzexplorer/themes.toml",
    )
    d.add_argument("--force", action="store_true", help="replace PACK if it exists")
    return parser


class CliError(Exception):
    """One line for stderr; exit code 2."""


def _dataset(args: argparse.Namespace):
    from gzexplorer import model
    from gzexplorer.paths import builtin_pack

    path = getattr(args, "sub_data", None) or args.data
    try:
        return model.load(path or builtin_pack())
    except model.DataPackError as exc:
        first = exc.problems[0] if exc.problems else "unknown problem"
        more = (
            f" (and {len(exc.problems) - 1} more; run gzexplorer validate)"
            if len(exc.problems) > 1
            else ""
        )
        raise CliError(f"bad data pack {path}: {first}{more}") from None


def _headless_app():
    from gzexplorer.ui.application import make_app, use_offscreen_if_headless

    use_offscreen_if_headless()
    return make_app()


def _cmd_export(args: argparse.Namespace) -> int:
    from gzexplorer.export_all import export_all, export_one

    width, height = _export_size(args)
    fmt = args.format or args.out.rsplit(".", 1)[-1].lower()
    if args.whole_theme and (fmt != "zip" or args.chart is not None):
        raise CliError(
            "--whole-theme makes a data bundle of every chart of --theme: "
            "use it with --format zip and without --chart"
        )
    dataset = _dataset(args)
    _headless_app()
    context = _use_language(args.language)
    if fmt == "pdf":
        return _export_brief(args, dataset, context)
    if fmt == "zip":
        from gzexplorer.bundle import write_bundle

        whole = args.all or args.whole_theme
        path = write_bundle(
            dataset,
            args.out,
            None if args.all else args.theme,
            None if whole else (1 if args.chart is None else args.chart),
            context,
        )
        print(path)
        return EXIT_OK
    if args.all:
        written = export_all(
            dataset,
            args.out,
            width,
            height,
            args.scale,
            args.transparent,
            context,
            args.slides,
        )
        print(f"wrote {len(written)} files to {args.out}")
        return EXIT_OK
    if fmt not in ("png", "svg", "csv"):
        formats = "png|svg|csv|zip|pdf"
        raise CliError(f"cannot tell the format from {args.out!r}; add --format {formats}")
    path = export_one(
        dataset,
        args.theme,
        1 if args.chart is None else args.chart,
        fmt,
        args.out,
        width,
        height,
        args.scale,
        args.transparent,
        context,
        args.slides,
    )
    print(path)
    return EXIT_OK


def _export_size(args: argparse.Namespace) -> tuple[int, int]:
    """--preset's size, or --width and --height (1200 x 750 by default)."""
    if args.preset is not None:
        if args.width is not None or args.height is not None:
            raise CliError(
                f"--preset {args.preset} sets the size; give --preset or --width/--height, not both"
            )
        from gzexplorer.render.presets import PRESETS

        return PRESETS[args.preset]
    return (
        1200 if args.width is None else args.width,
        750 if args.height is None else args.height,
    )


def _export_brief(args: argparse.Namespace, dataset, context: ChartContext) -> int:
    """The PDF brief of a theme (or, with --all, of every one) in one file."""
    from gzexplorer.render.brief import export_brief
    from gzexplorer.render.export import ExportError

    try:
        path = export_brief(dataset, args.out, None if args.all else args.theme, args.page, context)
    except ExportError as exc:
        raise CliError(str(exc)) from None
    print(path)
    return EXIT_OK


def _use_language(code: str) -> ChartContext:
    """Charts and their words in ``code``; one line on stderr if it cannot be had (the
    command goes on in English)."""
    from gzexplorer.ui import i18n

    if code not in i18n.languages():
        raise CliError(f"--language {code!r}: choose one of {', '.join(i18n.languages())}")
    missing = i18n.unavailable(code)
    used = i18n.apply(code)
    if missing == i18n.NO_TRANSLATION:
        print(
            f"gzexplorer: the {code} translation is not installed ({i18n.translation_file(code)} "
            "is missing; `make translations` or installing with pip compiles it): "
            "writing English",
            file=sys.stderr,
        )
    elif missing:
        print(
            f"gzexplorer: no font for {code} is installed (e.g. apt-get install "
            "fonts-wqy-microhei): writing English",
            file=sys.stderr,
        )
    return i18n.chart_context(used)


def _cmd_screenshot(args: argparse.Namespace) -> int:
    try:
        width, height = (int(x) for x in args.size.lower().split("x"))
    except ValueError:
        raise CliError(f"--size {args.size!r}: expected WIDTHxHEIGHT, e.g. 1440x900") from None
    dataset = _dataset(args)
    _headless_app()
    _use_language(args.language)  # says so when it cannot be had
    from gzexplorer.render.export import ExportError
    from gzexplorer.ui.screenshot import screenshot

    try:
        path = screenshot(
            dataset, args.theme, args.out, width, height, args.language, args.scheme, args.table
        )
    except ExportError as exc:  # unknown theme, size out of range
        raise CliError(str(exc)) from None
    print(path)
    return EXIT_OK


def _cmd_validate(args: argparse.Namespace) -> int:
    """Exit 0 and a summary (plus ``warning:`` lines on stderr), or exit 1 and one line
    per problem; ``--json`` prints the whole report on stdout instead."""
    import json

    from gzexplorer.model import DataPackError
    from gzexplorer.model.loader import Report, validate

    try:
        report = validate(args.pack)
    except DataPackError as exc:  # the descriptor itself could not be read
        report = Report(exc.problems, exc.warnings)
    if args.strict and report.warnings:
        report = Report(report.errors + report.warnings, [])
    valid = not report.errors
    if args.json:
        print(json.dumps(report.as_dict(), ensure_ascii=False, indent=2))
        return EXIT_OK if valid else EXIT_INVALID
    for problem in report.errors + report.warnings:
        print(problem, file=sys.stderr)
    if not valid:
        return EXIT_INVALID
    dataset = report.dataset
    print(f"{dataset.info.title}: valid data pack — {dataset.summary()}")
    return EXIT_OK


def _cmd_cite(args: argparse.Namespace) -> int:
    """The document's citation, or a chart's, on stdout; no window, no Qt."""
    from gzexplorer import cite

    if args.chart is not None and args.theme is None:
        raise CliError("--chart needs --theme: the chart is numbered within its theme")
    dataset = _dataset(args)
    ref = cite.reference(dataset.info)
    chart = None
    if args.theme is not None:
        from gzexplorer.export_all import ExportRequestError, chart_of

        try:
            spec = chart_of(dataset, args.theme, 1 if args.chart is None else args.chart)
        except ExportRequestError as exc:
            raise CliError(str(exc)) from None
        chart = cite.chart_citation(dataset, spec)
    print(cite.cite(ref, args.format, chart))
    return EXIT_OK


def _cmd_draft(args: argparse.Namespace) -> int:
    """Write a draft pack; one line on stderr and exit 2 if the document cannot be read
    or PACK cannot be written (then nothing is written)."""
    from pathlib import Path

    from gzexplorer.draft import writer
    from gzexplorer.draft.engine import draft
    from gzexplorer.draft.reading import DocumentError
    from gzexplorer.draft.themes import ThemeError
    from gzexplorer.files import WriteError

    out = Path(args.out).expanduser()
    problem = writer.target_problem(out, args.force)
    if problem:  # before reading: a long PDF need not be read to be refused
        raise WriteError(problem)
    themes = [t.strip() for t in args.themes.split(",")] if args.themes is not None else None
    if themes is not None and not all(themes):
        raise CliError(f"--themes {args.themes!r}: give theme ids separated by commas")
    try:
        result = draft(args.document, args.title, themes)
    except (DocumentError, ThemeError) as exc:
        raise CliError(str(exc)) from None
    writer.write(result, out, args.force)
    for note in result.notes:
        print(f"gzexplorer: note: {note}", file=sys.stderr)
    print(
        f"wrote {out}: {len(result.passages)} passages, {len(result.indicators)} series "
        f"({len(result.observations)} observations), {len(result.figures)} figures, "
        f"{len(result.milestones)} milestones, all drafts to review; open it with "
        f"gzexplorer --data {out}"
    )
    return EXIT_OK


def _cmd_gui(args: argparse.Namespace) -> int:
    from gzexplorer.ui.app import run

    return run(args.data)


def main(argv: Sequence[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else list(argv)
    commands = ("validate", "export", "screenshot", "draft", "cite")
    if len(argv) == 1 and not argv[0].startswith("-") and argv[0] not in commands:
        argv = ["--data", argv[0]]  # `gzexplorer PACK`: the desktop file's Exec=gzexplorer %f
    if argv:
        args = build_parser().parse_args(argv)
        command = {
            "validate": _cmd_validate,
            "export": _cmd_export,
            "screenshot": _cmd_screenshot,
            "draft": _cmd_draft,
            "cite": _cmd_cite,
            None: _cmd_gui,
        }[args.command]
    else:  # a plain launch: straight to the window, without building the parser
        command, args = _cmd_gui, SimpleNamespace(data=None)
    from gzexplorer.files import WriteError

    try:
        return command(args)
    except KeyboardInterrupt:
        return 130
    except CliError as exc:
        print(f"gzexplorer: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except WriteError as exc:
        print(f"gzexplorer: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except OSError as exc:
        print(
            f"gzexplorer: {exc.strerror or exc}: {exc.filename or ''}".rstrip(": "), file=sys.stderr
        )
        return EXIT_USAGE


def console() -> None:
    """The ``gzexplorer`` command (console script, ``python -m gzexplorer``, bundle).

    Runs :func:`main`, then ends the process without the interpreter's teardown of Qt
    and pyqtgraph objects, which takes about 0.2 s. Files are already complete by
    then (written to a temporary file, synced, renamed) and settings are synced when
    the window closes; only the standard streams need flushing. An unexpected
    exception still ends the normal way, with its traceback."""
    import os

    try:
        code = main()
    except SystemExit as exc:  # --help, --version, usage errors
        code = exc.code
    if code is None:
        code = EXIT_OK
    elif not isinstance(code, int):
        print(code, file=sys.stderr)
        code = EXIT_INVALID
    if "gzexplorer.model.packzip" in sys.modules:  # os._exit skips atexit: remove the
        sys.modules["gzexplorer.model.packzip"].cleanup()  # folders of opened zips now
    for stream in (sys.stdout, sys.stderr):  # None in a windowed bundle
        try:
            if stream is not None:
                stream.flush()
        except (OSError, ValueError):  # a closed pipe (gzexplorer validate | head)
            pass
    os._exit(code)
