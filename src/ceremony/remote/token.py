"""Where a follower gets the leader's token: a file or the environment, not the command line every user sees.

No Qt here: the command line resolves the token before the show starts.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from ceremony.i18n import QT_TRANSLATE_NOOP

TOKEN_ENV = "CEREMONY_TOKEN"
MAX_TOKEN_FILE = 4096
ARGV_WARNING = QT_TRANSLATE_NOOP(
    "Cli",
    "--token on the command line is visible to every user of this machine (ps, /proc); "
    "use CEREMONY_TOKEN=… or --token-file FILE instead",
)
"""Printed by the CLI in the operator's language (hence one literal: lupdate reads it as written)."""


class TokenError(ValueError):
    """The token file cannot be read or holds no token."""


def follower_token(
    argument: str | None, token_file: str | None, environ: Mapping[str, str]
) -> tuple[str | None, str | None]:
    """(the token, a warning to print or None): ``--token-file`` first, then ``$CEREMONY_TOKEN``, then ``--token``
    (which still works, with a warning that ``ps`` shows it)."""
    warning = ARGV_WARNING if argument else None
    if token_file:
        return _read(Path(token_file)), warning
    if environ.get(TOKEN_ENV, "").strip():
        return environ[TOKEN_ENV].strip(), warning
    return argument or None, warning


def _read(path: Path) -> str:
    try:
        if path.stat().st_size > MAX_TOKEN_FILE:
            raise TokenError(f"{path}: a token file holds one line, not {path.stat().st_size} bytes")
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        raise TokenError(f"{path}: the token file is not text") from None
    except OSError as exc:
        raise TokenError(f"{path}: cannot read the token file ({exc.strerror or exc})") from None
    token = text.strip()
    if not token or "\n" in token:
        raise TokenError(f"{path}: the token file must hold the token on one line")
    return token
