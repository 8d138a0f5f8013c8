"""The ``ceremony`` command: run the show, check a script, print the schema, export.

Sub-commands import their heavy parts lazily: ``ceremony schema`` loads QtCore only (for the operator's
language: QTranslator); ``ceremony check`` adds QtGui and the renderer's measuring parts (it proves every
image and text where the stage draws them), never QtWidgets or a window. A show's start looks for
the picture a previous run kept for it before anything else (ui/firstframe.py).
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from collections.abc import Sequence
from pathlib import Path
from typing import NoReturn

from ceremony import __version__, i18n
from ceremony.i18n import UI_LANGUAGES, translate

STARTED = time.perf_counter()  # for the start-up trace (CEREMONY_TRACE_STARTUP=1)

DEFAULT_SCRIPT = "slides.yaml"
EXIT_OK, EXIT_BAD_SCRIPT, EXIT_USAGE = 0, 2, 2
_NOT_A_SHOW = frozenset({"new", "check", "schema", "export", "-h", "--help", "--version"})


class _Parser(argparse.ArgumentParser):
    """argparse, but a usage error is one line and exit 2."""

    def error(self, message: str) -> NoReturn:
        # As argparse's own message, English: "error:" keeps the FILE:LINE:COL: error: form's word.
        self.exit(EXIT_USAGE, f"{self.prog}: error: {message} (see '{self.prog} --help')\n")


def _script_arg(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "script",
        nargs="?",
        default=DEFAULT_SCRIPT,
        metavar="SCRIPT",
        help=translate("Cli", "the slide script (default: ./{script})").format(script=DEFAULT_SCRIPT),
    )


def _ui_language_arg(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--ui-language",
        choices=UI_LANGUAGES,
        help=translate(
            "Cli", "the language of ceremony's windows and messages: nb or en (remembered; by default the system's)"
        ),
    )


def _run_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="ceremony",
        description=translate(
            "Cli", "Run a live award show: a fullscreen stage display driven from a presenter window."
        ),
        epilog=translate(
            "Cli",
            "other commands: 'ceremony new FOLDER', 'ceremony check [SCRIPT]', 'ceremony schema', "
            "'ceremony export [SCRIPT] …' (each has --help)",
        ),
    )
    parser.add_argument("--version", action="version", version=f"ceremony {__version__}")
    _script_arg(parser)
    _ui_language_arg(parser)
    parser.add_argument(
        "--windowed", action="store_true", help=translate("Cli", "show the stage in a window, not fullscreen")
    )
    parser.add_argument(
        "--stage-screen", metavar="SCREEN", help=translate("Cli", "the stage's screen, by number (0, 1, …) or name")
    )
    parser.add_argument(
        "--confidence-screen",
        metavar="SCREEN",
        help=translate("Cli", "the host's confidence monitor's screen, by number or name"),
    )
    parser.add_argument(
        "--confidence-mirror",
        action="store_true",
        help=translate("Cli", "flip the confidence monitor for a teleprompter glass"),
    )
    parser.add_argument(
        "--rehearse", action="store_true", help=translate("Cli", "rehearsal: every reveal uses a stand-in winner")
    )
    parser.add_argument(
        "--stand-in", metavar="NOMINEE", help=translate("Cli", "in rehearsal, the stand-in winner (default: random)")
    )
    parser.add_argument(
        "--resume", action="store_true", help=translate("Cli", "resume the show where it was (after a crash)")
    )
    parser.add_argument(
        "--fresh", action="store_true", help=translate("Cli", "start from the first cue, without asking to resume")
    )
    _network_args(parser)
    _sound_args(parser)
    return parser


def _sound_args(parser: argparse.ArgumentParser) -> None:
    """Where the show's sound goes, or that none is heard."""
    parser.add_argument(
        "--audio-device",
        metavar="NAME",
        help=translate("Cli", "the sound output, by name (see the checklist; default: the system's)"),
    )
    parser.add_argument(
        "--mute", action="store_true", help=translate("Cli", "play films and sounds silently (rehearse without sound)")
    )


def _network_args(parser: argparse.ArgumentParser) -> None:
    """The remote control, and following a leader's show over the network."""
    parser.add_argument(
        "--remote", action="store_true", help=translate("Cli", "serve the remote control (HTTP, WebSocket, OSC)")
    )
    parser.add_argument(
        "--remote-port",
        metavar="PORT",
        type=int,
        help=translate("Cli", "the remote control's port (default: settings)"),
    )
    parser.add_argument(
        "--follow", metavar="URL", help=translate("Cli", "mirror the show of a leader (http://host:port) as a follower")
    )
    parser.add_argument(
        "--confidence",
        action="store_true",
        help=translate(
            "Cli",
            "with --follow: be the host's confidence monitor (fullscreen where the stage would go, or on "
            "--confidence-screen), with no stage window",
        ),
    )
    parser.add_argument(
        "--token-file",
        metavar="FILE",
        help=translate("Cli", "a file with the leader's token, for --follow (or set CEREMONY_TOKEN)"),
    )
    parser.add_argument(
        "--token",
        metavar="TOKEN",
        help=translate("Cli", "the leader's token on the command line (every user sees it in ps: avoid)"),
    )


def _check_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="ceremony check", description=translate("Cli", "Validate a slide script and its assets."))
    _script_arg(parser)
    _ui_language_arg(parser)
    parser.add_argument("--strict", action="store_true", help=translate("Cli", "treat warnings as errors"))
    parser.add_argument(
        "--preflight",
        action="store_true",
        help=translate("Cli", "also run the pre-show checks that need no screen (fonts, assets)"),
    )
    return parser


def _schema_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="ceremony schema", description=translate("Cli", "Print the slide script's JSON Schema."))
    parser.add_argument(
        "--markdown", action="store_true", help=translate("Cli", "print the field reference as Markdown instead")
    )
    return parser


def _new_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="ceremony new",
        description=translate(
            "Cli",
            "Write a new show to start from: a slide script with every kind of slide, its schema, "
            "placeholder pictures and a README.",
        ),
    )
    parser.add_argument(
        "folder", metavar="FOLDER", help=translate("Cli", "the new show's folder (made if missing; must be empty)")
    )
    _ui_language_arg(parser)
    parser.add_argument(
        "--language",
        choices=["nb", "en"],
        default="nb",
        help=translate("Cli", "the show's language: nb (Norwegian bokmål, the default) or en (English)"),
    )
    return parser


def cmd_new(args: argparse.Namespace) -> int:
    from ceremony.starter import StarterError, create_show

    folder = Path(args.folder)
    try:
        written = create_show(folder, args.language)
    except (StarterError, OSError) as exc:
        problem = exc.text.translated() if isinstance(exc, StarterError) else exc
        print(translate("Cli", "ceremony new: error: {error}").format(error=problem), file=sys.stderr)
        return EXIT_USAGE
    script = folder / "slides.yaml"
    print(
        translate("Cli", "ceremony new: wrote {count} files to {folder}").format(
            count=len(written), folder=f"{folder}{os.sep}"
        )
    )
    follow = translate("Cli", "next: edit {script}, then 'ceremony check --strict {script}' and 'ceremony {script}'")
    print(follow.format(script=script))
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

    parser = _Parser(
        prog="ceremony export", description=translate("Cli", "Export the show to PDF, PNGs, cue cards or frames.")
    )
    _script_arg(parser)
    _ui_language_arg(parser)
    export.add_arguments(parser)
    return export.run(parser.parse_args(argv))


def cmd_run(args: argparse.Namespace) -> int:
    if args.confidence and not args.follow:
        print(
            translate(
                "Cli",
                "ceremony: error: --confidence makes a follower the host's monitor: give the leader with --follow "
                "URL (on the show machine itself, use --confidence-screen)",
            ),
            file=sys.stderr,
        )
        return EXIT_USAGE
    if args.follow:
        from ceremony.remote.token import TokenError, follower_token

        try:
            args.token, warning = follower_token(args.token, args.token_file, os.environ)
        except TokenError as exc:
            print(translate("Cli", "ceremony: {error}").format(error=exc), file=sys.stderr)
            return EXIT_USAGE
        if warning:
            said = translate("Cli", "ceremony: warning: {warning}").format(warning=translate("Cli", warning))
            print(said, file=sys.stderr, flush=True)
    from ceremony.app import run_show

    return run_show(args, STARTED)


def _ui_language(argv: Sequence[str]) -> i18n.UiLanguage | None:
    """--ui-language, read before any parser is made: the parsers' help is already in that language."""
    for i, arg in enumerate(argv):
        value = argv[i + 1] if arg == "--ui-language" and i + 1 < len(argv) else arg.partition("=")[2]
        if arg == "--ui-language" or arg.startswith("--ui-language="):
            return "nb" if value == "nb" else "en" if value == "en" else None  # argparse refuses anything else
    return None


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``ceremony`` console script and ``python -m ceremony``."""
    argv = list(sys.argv[1:] if argv is None else argv)
    if not argv or argv[0] not in _NOT_A_SHOW:
        from ceremony.ui.firstframe import show_kept

        if show_kept(argv) and os.environ.get("CEREMONY_TRACE_STARTUP"):  # the hall's picture first (ui/firstframe.py)
            elapsed = (time.perf_counter() - STARTED) * 1000
            print(f"ceremony: kept picture shown ({elapsed:.0f} ms in-process)", flush=True)  # untranslated: parsed
    i18n.request(_ui_language(argv))
    try:
        if argv and argv[0] == "new":
            return cmd_new(_new_parser().parse_args(argv[1:]))
        if argv and argv[0] == "check":
            return cmd_check(_check_parser().parse_args(argv[1:]))
        if argv and argv[0] == "schema":
            return cmd_schema(_schema_parser().parse_args(argv[1:]))
        if argv and argv[0] == "export":
            return cmd_export(argv[1:])
        command_line = list(argv)
        if argv and argv[0] == "run":
            argv = argv[1:]
        args = _run_parser().parse_args(argv)
        args.command_line = command_line  # what the picture a start keeps is kept under
        return cmd_run(args)
    except KeyboardInterrupt:
        return 130
