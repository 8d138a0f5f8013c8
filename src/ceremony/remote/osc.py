"""OSC over UDP for lighting and sound desks, QLab and Companion: ``/ceremony/<command id> [token] [arg]``.

Datagrams are read from a ``QUdpSocket`` in the app's event loop and parsed with
python-osc (messages and bundles). Every message runs its command through the
same guards as a key. When the token is required (OSC bound beyond loopback, or
``require_token``), the first argument must be the token as a string; messages
without it are dropped (UDP has no reply to refuse with). A single numeric
argument of 0 on a command without an argument is a button's release and is
ignored, so a TouchOSC or Companion button that sends 1 on press and 0 on
release fires once. ``/ceremony/message "text"`` puts a message on the host's
confidence monitor (a number: that many seconds, counted down; an empty string,
or ``/ceremony/message/clear``, takes it down); text with control characters is
dropped, as the HTTP API refuses it.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtNetwork import QHostAddress, QUdpSocket
from pythonosc.osc_bundle import OscBundle
from pythonosc.osc_message import OscMessage

from ceremony.remote.adapter import ShowAdapter
from ceremony.remote.api import RemoteError, is_loopback, token_matches
from ceremony.remote.bodies import text_problem
from ceremony.remote.snapshot import find_command
from ceremony.show.state import Outcome

log = logging.getLogger(__name__)

PREFIX = "/ceremony/"
MAX_DATAGRAM = 65535
MAX_BUNDLE_DEPTH = 4
MESSAGE, MESSAGE_CLEAR = "message", "message/clear"
"""The host's message: ``/ceremony/message "text"`` and ``/ceremony/message/clear``."""


class OscServer(QObject):
    """Listens for OSC on ``host:port`` and runs ``/ceremony/<id>`` messages as commands."""

    commandRun = Signal(str, str)
    """(command id, outcome kind)."""
    refused = Signal(str)
    """Why a datagram or message was dropped (for the log)."""

    def __init__(
        self,
        show: ShowAdapter,
        *,
        host: str = "127.0.0.1",
        port: int = 53000,
        token: str = "",
        require_token: bool | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.show = show
        self.host = host
        self.requested_port = port
        self.token = token
        self.require_token = not is_loopback(host) or bool(require_token)
        if self.require_token and not token:
            raise RemoteError("OSC beyond loopback needs a token")
        self._socket = QUdpSocket(self)
        self._socket.readyRead.connect(self._read)

    def start(self) -> int:
        if not self._socket.bind(QHostAddress(self.host), self.requested_port):
            raise RemoteError(f"OSC cannot listen on {self.host}:{self.requested_port}: {self._socket.errorString()}")
        log.info("OSC listening on %s:%d", self.host, self.port)
        return self.port

    def stop(self) -> None:
        self._socket.close()

    @property
    def port(self) -> int:
        return self._socket.localPort()

    def _read(self) -> None:
        while self._socket.hasPendingDatagrams():
            datagram = self._socket.receiveDatagram(MAX_DATAGRAM)
            try:
                self.handle_datagram(bytes(datagram.data().data()))
            except Exception:  # a malformed or hostile datagram must never reach the show
                log.exception("OSC: a datagram failed")

    def handle_datagram(self, data: bytes, depth: int = 0) -> list[Outcome]:
        """Run every message in a datagram (a message or a bundle); returns what the commands did."""
        if depth > MAX_BUNDLE_DEPTH:
            self._refuse("bundles nested too deep")
            return []
        try:
            if OscBundle.dgram_is_bundle(data):
                outcomes: list[Outcome] = []
                for content in OscBundle(data):
                    outcomes.extend(self.handle_datagram(content.dgram, depth + 1))
                return outcomes
            if OscMessage.dgram_is_message(data):
                message = OscMessage(data)
                outcome = self.handle_message(message.address, message.params)
                return [outcome] if outcome is not None else []
        except Exception as exc:  # python-osc raises ParseError and, on some garbage, others
            self._refuse(f"not OSC: {type(exc).__name__}")
            return []
        self._refuse("not an OSC message")
        return []

    def handle_message(self, address: str, params: Sequence[Any]) -> Outcome | None:
        """Run one ``/ceremony/<id>`` message; None when it was dropped."""
        if not address.startswith(PREFIX):
            self._refuse(f"{address[:60]}: not a /ceremony/ address")
            return None
        command_id = address[len(PREFIX) :]
        args = list(params)
        if args and isinstance(args[0], str) and self.token and token_matches(args[0], self.token):
            args = args[1:]
        elif self.require_token:
            self._refuse(f"{address[:60]}: no token (send it as the first string argument)")
            return None
        arg = _arg(args)
        takes_text = command_id == MESSAGE
        if command_id not in (MESSAGE, MESSAGE_CLEAR):
            command = find_command(command_id)
            if command is None or not command.is_remote:
                self._refuse(f"{address[:60]}: no such remote command")
                return None
            takes_text = command.takes_arg
        problem = text_problem(arg, "the argument") if takes_text and arg is not None else None
        if problem:
            self._refuse(f"{address[:60]}: {problem}")
            return None
        if command_id in (MESSAGE, MESSAGE_CLEAR):
            return self._message(address, command_id, args, arg)
        if not takes_text:
            if args and _is_release(args[0]):
                return None
            arg = None
        return self._run(command_id, arg)

    def _message(self, address: str, name: str, args: Sequence[Any], text: str | None) -> Outcome | None:
        """Send the host a message, or clear it (an empty text, or ``message/clear``)."""
        if name == MESSAGE_CLEAR:
            return None if args and _is_release(args[0]) else self._run("clear_message", None)
        if text is None:
            self._refuse(f"{address[:60]}: the message text is missing (an empty string clears the message)")
            return None
        if not isinstance(args[0], str):  # a number from a desk's button or fader: seconds to count down
            text = f"{text} s"
        return self._run("send_message", text) if text.strip() else self._run("clear_message", None)

    def _run(self, command_id: str, arg: str | None) -> Outcome:
        outcome = self.show.run(command_id, arg)
        self.commandRun.emit(command_id, outcome.kind)
        return outcome

    def _refuse(self, reason: str) -> None:
        log.info("OSC: %s", reason)
        self.refused.emit(reason)


def _is_release(value: object) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool) and value == 0


def _arg(args: Sequence[Any]) -> str | None:
    if not args:
        return None
    value = args[0]
    if isinstance(value, bool):
        return None
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, str | int | float):
        return str(value)[:200]
    return None
