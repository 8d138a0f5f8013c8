"""The ``ceremony`` command: run the show, check a script, print the schema, export.

Sub-commands import their heavy parts lazily, so ``ceremony check`` and
``ceremony schema`` start without loading Qt, and the show starts fast.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from collections.abc import Sequence
from pathlib import Path
from typing import NoReturn

from ceremony import __version__

STARTED = time.perf_counter()  # for the start-up trace (CEREMONY_TRACE_STARTUP=1)

DEFAULT_SCRIPT = "slides.yaml"
EXIT_OK, EXIT_BAD_SCRIPT, EXIT_USAGE = 0, 2, 2


class _Parser(argparse.ArgumentParser):
    """argparse, but a usage error is one line and exit 2."""

    def error(self, message: str) -> NoReturn:
        self.exit(EXIT_USAGE, f"{self.prog}: error: {message} (see '{self.prog} --help')\n")


def _script_arg(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "script",
        nargs="?",
        default=DEFAULT_SCRIPT,
        metavar="SCRIPT",
        help=f"the slide script (default: ./{DEFAULT_SCRIPT})",
    )


def _run_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="ceremony",
        description="Run a live award show: a fullscreen stage display driven from a presenter window.",
        epilog="other commands: 'ceremony new FOLDER', 'ceremony check [SCRIPT]', 'ceremony schema', "
        "'ceremony export [SCRIPT] …' (each has --help)",
    )
    parser.add_argument("--version", action="version", version=f"ceremony {__version__}")
    _script_arg(parser)
    parser.add_argument("--windowed", action="store_true", help="show the stage in a window, not fullscreen")
    parser.add_argument("--stage-screen", metavar="SCREEN", help="the stage's screen, by number (0, 1, …) or name")
    parser.add_argument(
        "--confidence-screen", metavar="SCREEN", help="the host's confidence monitor's screen, by number or name"
    )
    parser.add_argument(
        "--confidence-mirror", action="store_true", help="flip the confidence monitor for a teleprompter glass"
    )
    parser.add_argument("--rehearse", action="store_true", help="rehearsal: every reveal uses a stand-in winner")
    parser.add_argument("--stand-in", metavar="NOMINEE", help="in rehearsal, the stand-in winner (default: random)")
    parser.add_argument("--resume", action="store_true", help="resume the show where it was (after a crash)")
    parser.add_argument("--fresh", action="store_true", help="start from the first cue, without asking to resume")
    parser.add_argument("--remote", action="store_true", help="serve the remote control (HTTP, WebSocket, OSC)")
    parser.add_argument("--remote-port", metavar="PORT", type=int, help="the remote control's port (default: settings)")
    parser.add_argument("--follow", metavar="URL", help="mirror the show of a leader (http://host:port) as a follower")
    parser.add_argument(
        "--confidence",
        action="store_true",
        help="with --follow: be the host's confidence monitor (fullscreen where the stage would go, or on "
        "--confidence-screen), with no stage window",
    )
    parser.add_argument(
        "--token-file", metavar="FILE", help="a file with the leader's token, for --follow (or set CEREMONY_TOKEN)"
    )
    parser.add_argument(
        "--token", metavar="TOKEN", help="the leader's token on the command line (every user sees it in ps: avoid)"
    )
    return parser


def _check_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="ceremony check", description="Validate a slide script and its assets.")
    _script_arg(parser)
    parser.add_argument("--strict", action="store_true", help="treat warnings as errors")
    parser.add_argument(
        "--preflight", action="store_true", help="also run the pre-show checks that need no screen (fonts, assets)"
    )
    return parser


def _schema_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="ceremony schema", description="Print the slide script's JSON Schema.")
    parser.add_argument("--markdown", action="store_true", help="print the field reference as Markdown instead")
    return parser


def _new_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="ceremony new",
        description="Write a new show to start from: a slide script with every kind of slide, its schema, "
        "placeholder pictures and a README.",
    )
    parser.add_argument("folder", metavar="FOLDER", help="the new show's folder (made if missing; must be empty)")
    parser.add_argument(
        "--language",
        choices=["nb", "en"],
        default="nb",
        help="the show's language: nb (Norwegian bokmål, the default) or en (English)",
    )
    return parser


def cmd_new(args: argparse.Namespace) -> int:
    from ceremony.starter import StarterError, create_show

    folder = Path(args.folder)
    try:
        written = create_show(folder, args.language)
    except (StarterError, OSError) as exc:
        print(f"ceremony new: error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    script = folder / "slides.yaml"
    print(f"ceremony new: wrote {len(written)} files to {folder}{os.sep}")
    print(f"next: edit {script}, then 'ceremony check --strict {script}' and 'ceremony {script}'")
    return EXIT_OK


def cmd_check(args: argparse.Namespace) -> int:
    from ceremony.check import run_check

    return run_check(Path(args.script), strict=args.strict, preflight=args.preflight)


def cmd_schema(args: argparse.Namespace) -> int:
    from ceremony.script.schema import json_schema_text, markdown_reference

    sys.stdout.write(markdown_reference() if args.markdown else json_schema_text())
    return EXIT_OK


def cmd_export(argv: Sequence[str]) -> int:
    from ceremony import export

    parser = _Parser(prog="ceremony export", description="Export the show to PDF, PNGs, cue cards or frames.")
    _script_arg(parser)
    export.add_arguments(parser)
    return export.run(parser.parse_args(argv))


def cmd_run(args: argparse.Namespace) -> int:
    if args.confidence and not args.follow:
        print(
            "ceremony: error: --confidence makes a follower the host's monitor: give the leader with --follow URL "
            "(on the show machine itself, use --confidence-screen)",
            file=sys.stderr,
        )
        return EXIT_USAGE
    if args.follow:
        from ceremony.remote.token import TokenError, follower_token

        try:
            args.token, warning = follower_token(args.token, args.token_file, os.environ)
        except TokenError as exc:
            print(f"ceremony: {exc}", file=sys.stderr)
            return EXIT_USAGE
        if warning:
            print(f"ceremony: warning: {warning}", file=sys.stderr, flush=True)
    from ceremony.app import run_show

    return run_show(args, STARTED)


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``ceremony`` console script and ``python -m ceremony``."""
    argv = list(sys.argv[1:] if argv is None else argv)
    try:
        if argv and argv[0] == "new":
            return cmd_new(_new_parser().parse_args(argv[1:]))
        if argv and argv[0] == "check":
            return cmd_check(_check_parser().parse_args(argv[1:]))
        if argv and argv[0] == "schema":
            return cmd_schema(_schema_parser().parse_args(argv[1:]))
        if argv and argv[0] == "export":
            return cmd_export(argv[1:])
        if argv and argv[0] == "run":
            argv = argv[1:]
        return cmd_run(_run_parser().parse_args(argv))
    except KeyboardInterrupt:
        return 130
