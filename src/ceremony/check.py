"""``ceremony check``: every problem of a script, as ``PATH:LINE:COL: severity: message``."""

from __future__ import annotations

import sys
from pathlib import Path

from ceremony.i18n import translate
from ceremony.script.assets import script_media
from ceremony.script.diagnostics import Diagnostic, ScriptError
from ceremony.script.loader import LoadedScript, load_script

EXIT_OK, EXIT_PROBLEMS = 0, 2


def layout_warnings(loaded: LoadedScript) -> list[Diagnostic]:
    """Texts that would not fit their box on stage, from the renderer's own layout.

    Needs Qt (font metrics); when Qt cannot start here, the check says so and
    goes on, because a script's soundness must be checkable on any machine.
    """
    try:
        from ceremony.render.fit import fit_report
    except ImportError as exc:  # no Qt libraries on this machine
        return [Diagnostic(str(loaded.path), 1, 1, "warning", f"text fit not checked: {exc}")]
    found: list[Diagnostic] = []
    for path, message in fit_report(loaded):
        line, col = loaded.position_of(path)
        found.append(Diagnostic(str(loaded.path), line, col, "warning", message))
    return found


def media_warnings(loaded: LoadedScript) -> list[Diagnostic]:
    """Every film and sound decoded at its start and end: errors for those that would not play."""
    if not script_media(loaded.script):
        return []
    try:
        from ceremony.media.checks import media_diagnostics
    except ImportError as exc:  # PyAV missing on this machine
        return [Diagnostic(str(loaded.path), 1, 1, "warning", f"films and sounds not checked: {exc}")]
    return media_diagnostics(loaded)[1]


def run_check(script: Path, *, strict: bool = False, preflight: bool = False) -> int:
    """Print every problem; 0 when the script is sound (and, with strict, has no warnings)."""
    try:
        loaded = load_script(script, remember=True)
    except ScriptError as exc:
        for diagnostic in exc.diagnostics:
            print(diagnostic, file=sys.stderr)
        count = len(exc.errors)
        errors = (
            translate("Check", "{script}: {count} error")
            if count == 1
            else translate("Check", "{script}: {count} errors")
        )
        print(errors.format(script=script, count=count), file=sys.stderr)
        return EXIT_PROBLEMS
    warnings = sorted([*loaded.warnings, *layout_warnings(loaded), *media_warnings(loaded)])
    if preflight:
        from ceremony.preflight import preflight_offline

        warnings += preflight_offline(loaded)
    for diagnostic in warnings:
        print(diagnostic, file=sys.stderr)
    failed = [d for d in warnings if d.severity == "error"]
    if failed:
        said = (
            translate("Check", "{script}: {count} pre-show check failed")
            if len(failed) == 1
            else translate("Check", "{script}: {count} pre-show checks failed")
        )
        print(said.format(script=script, count=len(failed)), file=sys.stderr)
        return EXIT_PROBLEMS
    count = len(loaded.slide_ids)
    slides = (
        translate("Check", "{script}: ok, {count} slide")
        if count == 1
        else translate("Check", "{script}: ok, {count} slides")
    )
    summary = slides.format(script=script, count=count)
    if warnings:
        more = (
            translate("Check", ", {count} warning") if len(warnings) == 1 else translate("Check", ", {count} warnings")
        )
        summary += more.format(count=len(warnings))
    print(summary)
    return EXIT_PROBLEMS if strict and warnings else EXIT_OK
