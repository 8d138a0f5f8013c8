"""The operator's language: every text a person reads is marked, translated into Norwegian and English, built into
the .qm files the app loads, and chosen by --ui-language, the remembered choice or the system.

Two nets catch an untranslated text. lupdate's own extraction (run here into copies of the .ts files) finds
every *marked* text and fails when one has no translation; tests/i18n_scan.py finds texts that reach a widget,
a dialog, the terminal or the checklist *without* a mark; and the presenter, built in each language, is read
widget by widget for words of the other language.
"""

from __future__ import annotations

import ast
import os
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from tests import i18n_scan

from ceremony import cli, i18n
from ceremony.show.commands import REGISTRY
from ceremony.ui import window_commands  # noqa: F401  (the whole registry, window commands too)

REPO = Path(__file__).resolve().parents[1]
SRC = REPO / "src"
I18N = SRC / "ceremony" / "data" / "i18n"
sys.path.insert(0, str(REPO / "tools"))
import i18n as tool  # noqa: E402  (tools/i18n.py: the project's own lupdate/lrelease runner)

PLACEHOLDER = re.compile(r"\{[a-z_]*\}")


def messages(language: str) -> dict[tuple[str, str], ET.Element]:
    """(context, source) -> the <message> element, from ceremony_{language}.ts."""
    tree = ET.parse(I18N / f"ceremony_{language}.ts")
    return {
        (ctx.findtext("name") or "", m.findtext("source") or ""): m
        for ctx in tree.iter("context")
        for m in ctx.iter("message")
    }


def test_the_ts_files_hold_exactly_what_lupdate_finds_in_src(tmp_path: Path) -> None:
    """A text marked in the code and missing from a .ts file (or left there after it went) fails here: lupdate,
    run on the sources into copies of the .ts files, must change nothing."""
    copies = []
    for language in tool.LANGUAGES:
        copy = tmp_path / f"ceremony_{language}.ts"
        shutil.copy(I18N / copy.name, copy)
        copies.append(copy)
    tool.lupdate(copies)
    for copy in copies:
        assert copy.read_text(encoding="utf-8") == (I18N / copy.name).read_text(encoding="utf-8"), (
            f"{copy.name} is not what lupdate makes of src/: run 'python tools/i18n.py update', translate, release"
        )


@pytest.mark.parametrize("language", ["nb", "en"])
def test_every_text_has_its_translation_with_the_same_placeholders(language: str) -> None:
    found = messages(language)
    assert len(found) > 300
    for (context, source), message in found.items():
        translation = message.find("translation")
        assert translation is not None and translation.get("type") is None, (
            f"{language}: unfinished {context}: {source!r}"
        )
        text = translation.text or ""
        assert text.strip(), f"{language}: no translation for {context}: {source!r}"
        assert sorted(PLACEHOLDER.findall(text)) == sorted(PLACEHOLDER.findall(source)), (context, source, text)


def test_norwegian_is_norwegian() -> None:
    """Most Norwegian translations differ from their English source (the ones that do not are names and marks)."""
    same = [source for (_, source), m in messages("nb").items() if m.findtext("translation") == source]
    assert len(same) < 25, same


def test_the_qm_files_are_what_lrelease_makes_of_the_ts_files(tmp_path: Path) -> None:
    for language in tool.LANGUAGES:
        built = tmp_path / f"ceremony_{language}.qm"
        tool.lrelease(I18N / f"ceremony_{language}.ts", built)
        assert built.read_bytes() == (I18N / built.name).read_bytes(), "run 'python tools/i18n.py release'"


def test_every_command_s_title_and_help_are_translated() -> None:
    """The registry is read at run time, so a command added anywhere (with a docstring for its help, even)
    is caught here, not only the ones lupdate can see."""
    nb, en = messages("nb"), messages("en")
    for command in REGISTRY:
        for text in (command.title, command.help):
            assert ("Command", text) in nb and ("Command", text) in en, (
                f"command '{command.id}': mark its title and help with QT_TRANSLATE_NOOP(\"Command\", …)"
            )


def test_no_text_a_person_reads_is_left_unmarked() -> None:
    root = SRC
    found = [
        str(f) for path in sorted((SRC / "ceremony").rglob("*.py")) if path.name != "i18n.py"
        for f in i18n_scan.scan(path, root)
    ]  # fmt: skip
    assert found == []


def test_the_scan_finds_what_it_is_for(tmp_path: Path) -> None:
    """Each kind of unmarked text, and none of the marked or wordless ones."""
    module = tmp_path / "m.py"
    module.write_text(
        "\n".join(
            [
                'a = QLabel("Not marked")',
                'b.setToolTip(f"Cue {n} of {m}")',
                'print("ceremony: done")',
                'parser.add_argument("--x", help="the x")',
                'c.setText("<b>Hold</b> " + name)',
                'return state, ignored("already there")',
                'd = QLabel(translate("Ctx", f"built {x}"))',
                'e.setText("{a}/{b}")',
                'f = QLabel(translate("Ctx", "Fine"))',
                'g = QPushButton(translate("Ctx", "Fine {x}").format(x=1))',
                'log.warning("for the log %s", x)',
                "h.setText(\"<b style='color:#fff'>{x}</b>\".format(x=y))",
                "painter.translate(1, 2)",
                'print("ceremony: trace")  # untranslated: a benchmark reads it',
            ]
        ),
        encoding="utf-8",
    )
    found = [(f.line, f.text) for f in i18n_scan.scan(module, tmp_path)]
    assert found == [
        (1, "Not marked"),
        (2, "Cue  of "),
        (3, "ceremony: done"),
        (4, "the x"),
        (5, "<b>Hold</b> "),
        (6, "already there"),
        (7, "translate('Ctx', f'built {x}')"),
    ]


# ---------------------------------------------------------------- in the running app


def test_a_missing_translation_falls_back_to_the_english_source() -> None:
    i18n.use("nb")
    assert i18n.translate("Presenter", "NEXT") == "NESTE"
    assert i18n.translate("Presenter", "A text nobody translated") == "A text nobody translated"
    i18n.use("en")
    assert i18n.translate("Presenter", "NEXT") == "NEXT"


def test_a_text_is_english_as_str_and_translated_when_shown() -> None:
    text = i18n.said(i18n.QT_TRANSLATE_NOOP("Outcome", "cue {number}: {label}"), number=3, label="Tittel")
    i18n.use("nb")
    assert (str(text), text.translated()) == ("cue 3: Tittel", "cue 3: Tittel")
    held = i18n.said("confirmed {winner}; reveal held: {reason}", winner="A", reason=i18n.said("pick the winner first"))
    assert str(held) == "confirmed A; reveal held: pick the winner first"
    assert held.translated() == "bekreftet A; avsløringen holdes: velg vinneren først"


@pytest.mark.parametrize(
    ("system", "chosen"),
    [
        (["nb-NO", "nb"], "nb"),
        (["nn-NO"], "nb"),
        (["no"], "nb"),
        (["en-GB", "en"], "en"),
        (["de-DE", "de"], "en"),
        (["sv-SE", "nb-NO"], "nb"),
        (["C"], "en"),
        ([], "en"),
    ],
)
def test_the_system_s_languages_choose(system: list[str], chosen: str) -> None:
    assert i18n.system_language(system) == chosen


def _ceremony(*args: str, language: str, config: Path) -> subprocess.CompletedProcess[str]:
    """The real command line in a fresh process whose system speaks language, with its own settings folder."""
    env = {**os.environ, "LANGUAGE": language, "XDG_CONFIG_HOME": str(config), "PYTHONPATH": str(SRC)}
    return subprocess.run(
        [sys.executable, "-m", "ceremony", *args], capture_output=True, text=True, timeout=120, env=env, cwd=REPO
    )


def test_the_cli_speaks_the_system_s_language_until_one_is_chosen_and_remembers_that(tmp_path: Path) -> None:
    config = tmp_path / "config"
    assert _ceremony("check", "slides.yaml", language="nb", config=config).stdout == "slides.yaml: ok, 19 lysbilder\n"
    assert _ceremony("check", "slides.yaml", language="de", config=config).stdout == "slides.yaml: ok, 19 slides\n"
    chosen = _ceremony("check", "--ui-language", "en", "slides.yaml", language="nb", config=config)
    assert chosen.stdout == "slides.yaml: ok, 19 slides\n"
    assert _ceremony("check", "slides.yaml", language="nb", config=config).stdout == "slides.yaml: ok, 19 slides\n"
    helped = _ceremony("check", "--help", "--ui-language=nb", language="en", config=config)
    assert "regn advarsler som feil" in helped.stdout and "--ui-language {nb,en}" in helped.stdout
    assert _ceremony("check", "slides.yaml", language="en", config=config).stdout == "slides.yaml: ok, 19 lysbilder\n"


def test_check_s_errors_keep_their_form_and_english_words_in_norwegian(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("event:\n  title: X\n  yeer: 2024\nslides: []\n", encoding="utf-8")
    result = _ceremony("check", str(bad), language="nb", config=tmp_path / "config")
    lines = result.stderr.splitlines()
    assert result.returncode == 2
    assert lines[1] == f"{bad}:3:3: error: unknown key 'yeer' in 'event'; did you mean 'year'?"
    assert all(re.match(rf"{re.escape(str(bad))}:\d+:\d+: error: ", line) for line in lines[:-1])
    assert lines[-1] == f"{bad}: 3 feil"


def test_an_unknown_ui_language_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exited:
        cli.main(["check", "--ui-language", "de", "slides.yaml"])
    assert exited.value.code == 2
    assert "--ui-language: invalid choice: 'de'" in capsys.readouterr().err


def test_the_translation_calls_in_src_are_ones_lupdate_reads() -> None:
    """lupdate reads translate(…) and QT_TRANSLATE_NOOP(…) by name: an alias ('_ = translate') would hide texts."""
    for path in (SRC / "ceremony").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.module == "ceremony.i18n":
                assert all(alias.asname is None for alias in node.names), path
