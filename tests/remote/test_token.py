"""A follower's token comes from a file or the environment; on the command line it still works, with a warning."""

from __future__ import annotations

import argparse
from pathlib import Path

import pytest

from ceremony import cli
from ceremony.remote.token import ARGV_WARNING, TOKEN_ENV, TokenError, follower_token


def test_the_token_comes_from_a_file_then_the_environment_then_the_command_line(tmp_path: Path) -> None:
    secret = tmp_path / "token"
    secret.write_text("from-file\n", encoding="utf-8")
    assert follower_token(None, str(secret), {TOKEN_ENV: "from-env"}) == ("from-file", None)
    assert follower_token(None, None, {TOKEN_ENV: " from-env\n"}) == ("from-env", None)
    assert follower_token("from-argv", None, {}) == ("from-argv", ARGV_WARNING)
    assert follower_token("from-argv", None, {TOKEN_ENV: "from-env"}) == ("from-env", ARGV_WARNING)
    assert follower_token(None, None, {}) == (None, None)


@pytest.mark.parametrize(
    ("content", "fragment"),
    [(None, "cannot read"), (b"", "on one line"), (b"a\nb\n", "on one line"), (b"\xff\xfe", "not text"),
     (b"x" * 5000, "one line, not 5000 bytes")],
)  # fmt: skip
def test_a_bad_token_file_is_a_clear_error(tmp_path: Path, content: bytes | None, fragment: str) -> None:
    path = tmp_path / "token"
    if content is not None:
        path.write_bytes(content)
    with pytest.raises(TokenError, match=fragment) as caught:
        follower_token(None, str(path), {})
    assert str(path) in str(caught.value)


def _run(monkeypatch: pytest.MonkeyPatch, argv: list[str]) -> list[argparse.Namespace]:
    started: list[argparse.Namespace] = []
    import ceremony.app

    monkeypatch.setattr(ceremony.app, "run_show", lambda args, _started: started.append(args) or 0)
    return started if cli.main(argv) == 0 else []


def test_the_command_line_warns_about_a_visible_token(
    english: None, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    monkeypatch.delenv(TOKEN_ENV, raising=False)
    started = _run(monkeypatch, ["--follow", "http://127.0.0.1:1", "--token", "seen-in-ps"])
    assert started[0].token == "seen-in-ps"
    assert "warning: --token on the command line is visible to every user" in capsys.readouterr().err
    monkeypatch.setenv(TOKEN_ENV, "quiet")
    started = _run(monkeypatch, ["--follow", "http://127.0.0.1:1"])
    assert started[0].token == "quiet"
    assert capsys.readouterr().err == ""
    assert cli.main(["--follow", "http://127.0.0.1:1", "--token-file", str(tmp_path / "missing")]) == 2
    assert "missing: cannot read the token file" in capsys.readouterr().err


def test_confidence_is_a_follower_s_mode(
    english: None, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv(TOKEN_ENV, "quiet")
    assert _run(monkeypatch, ["--confidence"]) == []  # without a leader there is nothing to be the monitor of
    assert "--confidence makes a follower the host's monitor" in capsys.readouterr().err
    started = _run(monkeypatch, ["--follow", "http://127.0.0.1:1", "--confidence"])
    assert started[0].confidence and started[0].follow == "http://127.0.0.1:1"
